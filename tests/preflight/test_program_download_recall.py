"""Program readers' recall of fetched code unpacked over the program's own installation (session 29's class task on
``unverified_download_exec`` misses in PHP updaters, holdout98's g-dash): each construct as a one-file package next
to the near-misses that must stay quiet (a checksum compared after the fetch, a download never unpacked, a fetch of
data, a program that is no updater)."""

from __future__ import annotations

from preflight_kit import codes_at

UNVERIFIED = "preflight.unverified_download_exec"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: getcwd() in a command line is the working directory, as ZipArchive::extractTo('.') already is ---------------

_UPGRADE = _text(
    "<?php",  # 1
    "$latest = $_GET['upgrade'];",  # 2
    'echo "Upgrading!";',  # 3
    '$output = shell_exec("wget https://github.com/o/app/archive/".$latest.".tar.gz -P ".getcwd()."/updater && ',  # 4
    '    tar -xvf ".getcwd()."/updater/".$latest.".tar.gz --directory ".getcwd()." --strip 1");',  # 5
    'echo "<pre>$output</pre>";',  # 6
)


def test_a_an_updater_unpacks_a_fetched_release_over_its_working_directory() -> None:
    """``tar --directory getcwd()``: the release unpacked over the installation the updater runs in, as
    ``$zip->extractTo('.')`` is (holdout98's g-dash ``upgrade.php``)."""
    assert codes_at({"upgrade.php": _UPGRADE}, UNVERIFIED) == [5]


def test_a_near_misses_a_checksum_no_unpack_or_no_updater() -> None:
    # a sha256 compared after the fetch, before the unpack
    checked = _UPGRADE.replace("    tar -xvf", '    sha256sum -c ".getcwd()."/updater/".$latest.".sha256 && tar -xvf')
    assert codes_at({"upgrade.php": checked}, UNVERIFIED) == []
    # the archive is fetched and never unpacked
    kept = _UPGRADE.replace("/updater && ", '/updater");').replace(
        '    tar -xvf ".getcwd()."/updater/".$latest.".tar.gz --directory ".getcwd()." --strip 1");', "// kept"
    )
    assert codes_at({"upgrade.php": kept}, UNVERIFIED) == []
    # an installer unpacking beside itself is no update of its own installation
    assert codes_at({"install.php": _UPGRADE}, UNVERIFIED) == []


def test_a_near_miss_a_fetch_of_data_saved_in_the_working_directory() -> None:
    data = _text(
        "<?php",
        "$channel = $_GET['channel'];",
        'shell_exec("wget https://example.org/".$channel."/latest.json -P ".getcwd()."/cache");',
    )
    assert codes_at({"upgrade.php": data}, UNVERIFIED) == []


# -- B: __DIR__ and dirname(__FILE__) in a command line are the program's own directory ------------------------------

_OWN_DIR_UPDATE = _text(
    "<?php",  # 1
    "exec('curl -fsSL -o /tmp/app.tgz https://example.org/app/latest.tgz');",  # 2
    "exec('tar -xzf /tmp/app.tgz --strip-components=1 -C ' . __DIR__);",  # 3
)


def test_b_an_updater_unpacks_a_fetched_release_into_its_own_directory() -> None:
    assert codes_at({"update.php": _OWN_DIR_UPDATE}, UNVERIFIED) == [3]
    file_dir = _OWN_DIR_UPDATE.replace("__DIR__", "dirname(__FILE__)")
    assert codes_at({"update.php": file_dir}, UNVERIFIED) == [3]


def test_b_near_misses_a_checked_archive_or_a_list_of_its_contents() -> None:
    checked = _OWN_DIR_UPDATE.replace(
        "exec('tar",
        "exec('echo \"$SUM  /tmp/app.tgz\" | sha256sum -c -');\nexec('tar",
    )
    assert codes_at({"update.php": checked}, UNVERIFIED) == []
    listed = _OWN_DIR_UPDATE.replace("tar -xzf /tmp/app.tgz --strip-components=1 -C ", "tar -tzf /tmp/app.tgz -C ")
    assert codes_at({"update.php": listed}, UNVERIFIED) == []
