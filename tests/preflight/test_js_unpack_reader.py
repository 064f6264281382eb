"""One reader of JavaScript archive unpacks (``js_unpacks``): the forms ``js_file_acts`` used to write as well are
written once, at their line, with the directory left off when the call names none."""

from __future__ import annotations

from shipgate.preflight.js_script import commands


def _shell(body: str) -> list[str]:
    found = commands("install.js", "const tar = require('tar')\n" + body + "\n")
    return [shell for _, shell in found or []]


def test_node_tar_short_keys_and_no_directory() -> None:
    assert _shell("tar.x({ f: '/tmp/agent.tgz', C: '/opt/agent' })") == ['tar -xf "/tmp/agent.tgz" -C "/opt/agent"']
    assert _shell("tar.x({ file: '/tmp/agent.tgz' })") == ['tar -xf "/tmp/agent.tgz"']


def test_decompress_of_a_tarball_is_tar_and_of_a_zip_unzip() -> None:
    assert _shell("decompress('/tmp/a.tgz', '/opt/a')") == ['tar -xf "/tmp/a.tgz" -C "/opt/a"']
    assert _shell("decompress('/tmp/a.zip', '/opt/a')") == ['unzip -o "/tmp/a.zip" -d "/opt/a"']


def test_near_miss_extract_without_options_or_archive_is_not_written() -> None:
    assert _shell("extract('/tmp/a.zip', target)") == []
    assert _shell("tar.x({ cwd: '/opt/agent' })") == []
