"""Unverified downloads the hold-out sets label and preflight missed (docs/preflight.md, ``unverified_download_exec``),
by the construct a shell reader sees: each construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

CODE = "preflight.unverified_download_exec"
UNIT_URL = "https://raw.githubusercontent.com/vendor/tool/main/service"


# -- a unit file fetched into the system's unit directories, then the unit started ----------------------------------


def test_a_fetched_unit_file_started_runs_what_the_download_says() -> None:
    """``curl --output /etc/systemd/system/app.service URL`` then ``systemctl start app``: the start runs, as root,
    the program the fetched unit names (holdout190's tuninstaller units, holdout173's monitowl-agent); a template
    started by an instance (``openvpn@tcp`` runs ``openvpn@.service``), ``restart``, ``enable --now`` and
    ``service NAME start`` start it too. Reported at the download, the line the labels name."""
    fetch = f"curl -fsSL --url {UNIT_URL}/app.service --output /etc/systemd/system/app.service"
    assert in_script(CODE, fetch, "systemctl daemon-reload", "systemctl enable app; systemctl start app") == [3]
    assert in_script(CODE, fetch, "systemctl restart app.service") == [3]
    assert in_script(CODE, fetch, "systemctl enable --now app") == [3]
    assert in_script(CODE, fetch.replace("/etc/systemd", "/lib/systemd"), "service app start") == [3]
    template = f"curl -fsSL {UNIT_URL}/vpn.service -o /etc/systemd/system/vpn@.service"
    assert in_script(CODE, template, "systemctl start vpn@tcp") == [3]
    through = ('UNIT="/etc/systemd/system/agent.service"', f'curl -L -o "$UNIT" "{UNIT_URL}/agent.service"')
    assert in_script(CODE, *through, "systemctl restart agent") == [4]


def test_a_near_miss_unit_only_enabled_checked_or_elsewhere_stays_quiet() -> None:
    """A fetched unit only enabled for the next boot (holdout20's wings unit: the run starts nothing), one checked
    against a pinned digest before its start, one saved outside the unit directories, a start of another unit, a
    ``--user`` start, and a start written in a message's backquotes: no fetched unit file is started unchecked."""
    fetch = f"curl -fsSL {UNIT_URL}/app.service -o /etc/systemd/system/app.service"
    assert in_script(CODE, fetch, "systemctl daemon-reload", "systemctl enable app") == []
    check = "echo 'ab12  /etc/systemd/system/app.service' | sha256sum -c -"
    assert in_script(CODE, fetch, check, "systemctl start app") == []
    assert in_script(CODE, f"curl -fsSL {UNIT_URL}/app.service -o /tmp/app.service", "systemctl start app") == []
    assert in_script(CODE, fetch, "systemctl start nginx") == []
    assert in_script(CODE, fetch, "systemctl --user start app") == []
    assert in_script(CODE, fetch, 'echo "after an edit run `systemctl restart app` to reload it" >> notes') == []


# -- composer's php -r check that deletes another file than the one it hashed ---------------------------------------

_SETUP = "curl -sS https://getcomposer.org/installer -o /tmp/composer-setup.php"
_SIG = "9a1b2c"


def _php_check(hashed: str, unlinked: str) -> str:
    return (
        f"php -r \"if (hash_file('SHA384', '{hashed}') === '{_SIG}') {{ echo 'Installer verified'; }} "
        f"else {{ echo 'Installer corrupt'; unlink('{unlinked}'); }} echo PHP_EOL;\""
    )


def _bash(*lines: str) -> list[int | None]:
    """Lines of the findings in a bash script with no errexit (``#!/bin/bash`` then ``lines`` from line 2)."""
    return codes_at({"scripts/init.sh": "\n".join(("#!/bin/bash", *lines)) + "\n"}, CODE)


def test_b_a_hash_check_that_deletes_another_path_leaves_the_download_to_run() -> None:
    """``hash_file(…, '/tmp/composer-setup.php')`` but ``unlink('composer-setup.php')`` on a mismatch: the download
    stays and the next line runs it whatever it holds (holdout171's webserver)."""
    check = _php_check("/tmp/composer-setup.php", "composer-setup.php")
    assert _bash(_SETUP, check, "sudo php /tmp/composer-setup.php --install-dir=/usr/local/bin") == [4]


def test_b_near_miss_the_documented_check_that_deletes_the_hashed_file_stays_quiet() -> None:
    """Composer's own snippet deletes the file it hashed on a mismatch (nothing is left to run), and a program that
    only prints the digest is read as a check as before."""
    check = _php_check("/tmp/composer-setup.php", "/tmp/composer-setup.php")
    assert _bash(_SETUP, check, "sudo php /tmp/composer-setup.php --install-dir=/usr/local/bin") == []
    printed = "php -r \"echo hash_file('sha384', '/tmp/composer-setup.php');\""
    assert _bash(_SETUP, printed, "php /tmp/composer-setup.php") == []


def test_a_near_miss_unit_of_a_release_tag_or_through_a_function_stays_quiet() -> None:
    """A unit fetched at a release's tag (holdout36's containerd unit at ``v1.3.2``) or by a function whose call names
    no URL (holdout153's fallback fetch): the older sets count such a unit as configuration."""
    tagged = "https://raw.githubusercontent.com/vendor/tool/v1.3.2/app.service"
    tag = f"curl -SLfs {tagged} -o /etc/systemd/system/app.service"
    assert in_script(CODE, tag, "systemctl daemon-reload && systemctl start app") == []
    fetcher = 'get() { curl -sSfL "https://raw.githubusercontent.com/vendor/tool/$REF/$1" -o "$2"; }'
    assert in_script(CODE, fetcher, "get app.service /etc/systemd/system/app.service", "systemctl start app") == []


def test_a_near_miss_unit_saved_under_its_bare_name_stays_quiet() -> None:
    """``sudo cd /etc/systemd/system/`` then ``wget URL/main/app.service`` (hold-out set 206's node_exporter script):
    sudo cannot run the shell's ``cd``, so the file lands in the directory the shell was in, not among the units. A
    file saved under its bare name is not taken to be the unit file the start runs; one saved there by path is."""
    fetch = f"wget {UNIT_URL}/app.service"
    assert in_script(CODE, "cd /root", "sudo cd /etc/systemd/system/", fetch, "sudo systemctl start app") == []
    assert in_script(
        CODE, f"wget -O /etc/systemd/system/app.service {UNIT_URL}/app.service", "systemctl start app"
    ) == [3]
