"""Classes the two-hundred-and-twenty-ninth hold-out set showed (tests/preflight/holdout229: install, update and
deploy programs in Python, PHP, Node.js, Go and Ruby), each as its minimal construct next to near-misses that must
stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

ENDPOINT = "preflight.external_endpoint"
PRIVILEGE = "preflight.implicit_privilege"
SUDO = "preflight.sudo_unavailable"
UNVERIFIED = "preflight.unverified_download_exec"


# -- A: a Ruby local assigned once at the top level to a string is known where interpolated --------------------------


def _deploy(*lines: str) -> dict[str, str]:
    return {"deploy.rb": "\n".join(("#!/usr/bin/env ruby", *lines)) + "\n"}


def test_a_each_network_command_through_a_local_host_is_one_contact() -> None:
    files = _deploy(
        "host = 'deploy.example.org'",
        "system('rsync', '-avz', 'app', \"deploy@#{host}:/srv/app\") || raise",
        "system('ssh', \"deploy@#{host}\", 'systemctl --user restart app') || raise",
    )
    assert codes_at(files, ENDPOINT) == [3, 4]


def test_a_a_local_built_from_another_is_known_too() -> None:
    files = _deploy(
        "host = 'deploy.example.org'",
        'target = "deploy@#{host}"',
        "system('ssh', \"#{target}\", 'uptime')",
        "system('rsync', 'app', \"#{target}:/srv/app\")",
    )
    assert codes_at(files, ENDPOINT) == [4, 5]


def test_a_a_local_assigned_twice_or_a_parameter_stays_unknown() -> None:
    files = _deploy(
        "host = 'deploy.example.org'",
        "host = ARGV[0] if ARGV[0]",
        "system('ssh', \"deploy@#{host}\", 'uptime')",
    )
    assert 4 not in codes_at(files, ENDPOINT)  # (the literal's own line may still name the host)
    files = _deploy(
        "host = 'deploy.example.org'",
        "def push(host)",
        "  system('ssh', \"deploy@#{host}\", 'uptime')",
        "end",
        "push('10.0.0.5')",
    )
    assert 4 not in codes_at(files, ENDPOINT)


# -- B: a Node program that writes a systemd unit into a system unit directory is an install step ------------------


def _program(write: str) -> dict[str, str]:
    lines = (
        "const fs = require('fs');",
        "const path = require('path');",
        "const { execSync } = require('child_process');",
        "function registerService() {",
        *write.split("\n"),  # from line 5
        "  execSync('sudo systemctl enable app');",
        "}",
        "registerService();",
    )
    return {"app/index.js": "\n".join(lines) + "\n"}


def test_b_a_unit_written_by_any_program_makes_it_an_install_step() -> None:
    files = _program("  const path = '/etc/systemd/system/app.service';\n  fs.writeFileSync(path, unit);")
    assert codes_at(files, PRIVILEGE) == [6]  # the innermost ``path``, not the module's require
    assert codes_at(files, SUDO) == [7]
    files = _program("  fs.writeFileSync('/lib/systemd/system/app.service', unit);")
    assert codes_at(files, SUDO) == [6]


def test_b_a_user_unit_or_a_unit_path_only_read_is_no_install() -> None:
    files = _program("  fs.writeFileSync(path.join(process.env.HOME, '.config/systemd/user/app.service'), unit);")
    assert codes_at(files, SUDO) == []
    files = _program("  const unit = fs.readFileSync('/etc/systemd/system/app.service', 'utf8');")
    assert codes_at(files, SUDO) == []
    files = _program("  console.log('copy app.service to /etc/systemd/system/');")
    assert codes_at(files, SUDO) == []


# -- C: a Python download helper wrapped in contextlib.closing, then chmod with an execute bit -----------------------


def _updater(mode: str, run: str = "os.system('./delta.sh')") -> dict[str, str]:
    lines = (
        "import contextlib, os, stat, urllib.request",
        "def download_file(url, filename):",
        "    with open(filename, 'wb') as out_file:",
        "        with contextlib.closing(urllib.request.urlopen(url)) as fp:",
        "            out_file.write(fp.read())",
        "if __name__ == '__main__':",
        "    download_file(URL, 'delta.sh')",
        f"    os.chmod('delta.sh', {mode})",
        f"    {run}",
    )
    return {"updater.py": "URL = 'https://example.org/delta.sh'\n" + "\n".join(lines) + "\n"}


def test_c_a_closed_fetch_saved_by_a_helper_then_made_executable_is_unverified() -> None:
    assert codes_at(_updater("os.stat('delta.sh').st_mode | stat.S_IEXEC"), UNVERIFIED) == [9]
    assert codes_at(_updater("stat.S_IRWXU | stat.S_IRGRP", run="pass"), UNVERIFIED) == [9]


def test_c_a_mode_without_an_execute_bit_or_one_taken_away_is_no_run() -> None:
    assert codes_at(_updater("stat.S_IRUSR | stat.S_IWUSR", run="pass"), UNVERIFIED) == []
    assert codes_at(_updater("os.stat('delta.sh').st_mode & ~stat.S_IEXEC", run="pass"), UNVERIFIED) == []
