"""A PHP program given to ``php -r`` on a shell command line is read as the program it is (shell.inline_programs,
php_script.program_commands): Composer's documented installer download, its SHA-384 check, the run. Each construct
next to a near-miss."""

from __future__ import annotations

from preflight_kit import in_script

UNVERIFIED = "preflight.unverified_download_exec"
DOWNLOAD = """php -r "copy('https://getcomposer.org/installer', 'composer-setup.php');\""""
CHECK = (
    """php -r "if (hash_file('sha384', 'composer-setup.php') === 'dac665fdc30fdd8ec78b38b9800061b4') """
    """{ echo 'Installer verified'; } else { echo 'Installer corrupt'; unlink('composer-setup.php'); exit(1); }\""""
)


def test_an_installer_copied_from_a_url_by_php_r_then_run_unchecked_is_unverified() -> None:
    assert in_script(UNVERIFIED, DOWNLOAD, "php composer-setup.php --install-dir=/tmp") == [4]
    fetched = """php -d allow_url_fopen=1 -r "file_put_contents('get.php', file_get_contents('https://h.io/i'));\""""
    assert in_script(UNVERIFIED, fetched, "php get.php") == [4]


def test_a_near_miss_the_installer_checked_with_hash_file_or_a_php_r_that_downloads_nothing() -> None:
    removed = """php -r "unlink('composer-setup.php');\""""
    assert in_script(UNVERIFIED, DOWNLOAD, CHECK, "php composer-setup.php", removed) == []
    assert in_script(UNVERIFIED, """php -r "copy('config.sample.php', 'config.php');\"""", "php config.php") == []
    checked = ("curl -fsSL -o s.sh https://h.example/s.sh", "sha384sum -c s.sh.sha384", "sh s.sh")
    assert in_script(UNVERIFIED, *checked) == []
