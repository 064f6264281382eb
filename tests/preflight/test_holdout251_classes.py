"""Classes of mistakes the two-hundred-and-fifty-first hold-out set found (tests/preflight/holdout251: install-time
hooks of package managers — an npm postinstall downloader, a setup.py, a Composer post-install script, an
extconf.rb), each as its minimal construct next to near-misses that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

ENDPOINT = "preflight.external_endpoint"
UNVERIFIED = "preflight.unverified_download_exec"


# -- A: a PHP script's URL built on a base URL variable (``$url = $releaseUrl . $file``), downloaded and unpacked into
#       the package's ``libs/`` folder, where it loads the native libraries --------------------------------------------


def _libs_php(base: str = "'https://releases.example.org/tool/latest/'", into: str = "libs") -> dict[str, str]:
    text = (
        "<?php\n"
        f"$libsDir = __DIR__ . '/../{into}';\n"
        f"$releaseUrl = {base};\n"
        "foreach (['libtool-linux.tar.gz'] as $file) {\n"
        "    $url = $releaseUrl . $file;\n"
        "    $destPath = $libsDir . '/' . $file;\n"
        "    $content = @file_get_contents($url);\n"
        "    file_put_contents($destPath, $content);\n"
        "    $archivePath = $libsDir . '/' . $file;\n"
        "    $command = sprintf('tar -xzf %s -C %s', escapeshellarg($archivePath), escapeshellarg($libsDir));\n"
        "    exec($command, $output, $code);\n"
        "}\n"
    )
    return {"scripts/install.php": text}


def test_a_a_url_on_a_base_variable_is_requested_once_at_the_request() -> None:
    assert codes_at(_libs_php(), ENDPOINT) == [7]  # not also at the base's literal (3)


def test_a_an_archive_unpacked_into_the_package_libs_folder_is_installed() -> None:
    assert codes_at(_libs_php(), UNVERIFIED) == [11]


def test_a_near_miss_a_base_that_is_no_url_fetches_nothing() -> None:
    local = _libs_php(base="__DIR__ . '/../dist/'")
    assert codes_at(local, ENDPOINT) == []
    assert codes_at(local, UNVERIFIED) == []


def test_a_near_miss_an_archive_unpacked_into_a_data_folder_stays_quiet() -> None:
    assert codes_at(_libs_php(into="voices"), UNVERIFIED) == []


def test_a_shell_unpack_into_a_lib_directory_is_installed() -> None:
    lines = in_script(
        UNVERIFIED,
        "curl -fsSL -o /tmp/native.tgz https://dl.example.org/native.tgz",
        'tar -xzf /tmp/native.tgz -C "$HOME/app/lib"',
    )
    assert lines == [4]


def test_a_near_miss_a_checked_archive_unpacked_into_lib_stays_quiet() -> None:
    lines = in_script(
        UNVERIFIED,
        "curl -fsSL -o /tmp/native.tgz https://dl.example.org/native.tgz",
        'echo "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef  /tmp/native.tgz" | sha256sum -c -',
        'tar -xzf /tmp/native.tgz -C "$HOME/app/lib"',
    )
    assert lines == []


def test_a_near_miss_an_archive_only_moved_into_lib_is_not_unpacked() -> None:
    lines = in_script(
        UNVERIFIED,
        "curl -fsSL -o /tmp/native.tgz https://dl.example.org/native.tgz",
        'mv /tmp/native.tgz "$HOME/app/lib/"',
    )
    assert lines == []
