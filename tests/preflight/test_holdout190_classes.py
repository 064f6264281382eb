"""Classes the hold-out set 190's first run showed (tests/preflight/holdout190/README.md), each with a near-miss."""

from __future__ import annotations

from preflight_kit import in_script


def test_a_disable_the_same_line_undoes_is_no_disable() -> None:
    # a reset: disabled, stopped, enabled and started again in one list, the unit ends enabled
    reset = "; ".join(f"systemctl {verb} dten-relay" for verb in ("disable", "stop", "enable", "start"))
    assert in_script("preflight.service_disabled", reset) == []
    # near-misses: enabled first and disabled after it on the same line, or another unit enabled, stays off
    assert in_script("preflight.service_disabled", "systemctl enable dten-relay; systemctl disable dten-relay") == [3]
    assert in_script("preflight.service_disabled", "systemctl disable dten-relay; systemctl enable dten-web") == [3]


_IS_ROOT = (
    "isRoot() {",
    "  uid=$(id -u)",
    '  if [ "$uid" -eq 0 ]; then',
    '    echo "true"',
    "  else",
    '    echo "false"',
    "  fi",
    "}",
)


def test_a_function_that_prints_its_root_verdict_is_a_uid_test() -> None:
    check = ('if [ "$(isRoot)" != "true" ]; then', '  echo "run as root"', "  exit 1", "fi")
    steps = ("sudo apt-get -y install dten", "chown -R www-data /var/www/dten")
    assert in_script("preflight.root_assumed", *_IS_ROOT, *check, *steps) == [11]
    assert in_script("preflight.sudo_unavailable", *_IS_ROOT, *check, *steps) == []
    assert in_script("preflight.implicit_privilege", *_IS_ROOT, *check, *steps) == []
    # compared with the other literal the same way round: true for root, an exit there is not a requirement
    flipped = ('if [ "$(isRoot)" = "false" ]; then', "  exit 1", "fi")
    assert in_script("preflight.root_assumed", *_IS_ROOT, *flipped, *steps) == [11]


def test_a_write_to_the_kernels_tunables_needs_root() -> None:
    forward = "echo 1 > /proc/sys/net/ipv4/ip_forward"
    assert in_script("preflight.implicit_privilege", forward) == [3]
    # near-misses: a read of a tunable, the write through sudo, and the write under a root check
    assert in_script("preflight.implicit_privilege", "cat /proc/sys/net/ipv4/ip_forward > /tmp/dten-forward") == []
    assert in_script("preflight.implicit_privilege", f"sudo sh -c '{forward}'") == []
    root_check = ('if [ "$(id -u)" -ne 0 ]; then', "  exit 1", "fi")
    assert in_script("preflight.implicit_privilege", *root_check, forward) == []


def test_removing_the_firewall_package_switches_the_firewall_off() -> None:
    assert in_script("preflight.protection_disabled", "apt remove --purge nginx apache2 ufw -y") == [3]
    assert in_script("preflight.protection_disabled", "dnf -y remove firewalld") == [3]
    # near-misses: installing it, removing other packages, a package that only names a protection
    assert in_script("preflight.protection_disabled", "apt-get install -y ufw") == []
    assert in_script("preflight.protection_disabled", "apt remove --purge nginx apache2 -y") == []
    assert in_script("preflight.protection_disabled", "apt-get purge -y ufw-dten-profile") == []


def test_a_secret_file_read_on_a_later_line_of_an_echoed_string_is_printed() -> None:
    make = "dten-keygen > /etc/dten/auth-token.txt"
    printed = ('echo "Installation complete', 'API key: $(cat /etc/dten/auth-token.txt)"')
    assert in_script("preflight.secret_printed", make, *printed) == [4]
    # near-misses: the same string saved into a file, and a file not named for a secret
    saved = ('echo "Installation complete', 'API key: $(cat /etc/dten/auth-token.txt)" > /root/dten-install.txt')
    assert in_script("preflight.secret_printed", make, *saved) == []
    plain = ('echo "Installation complete', 'version: $(cat /etc/dten/version.txt)"')
    assert in_script("preflight.secret_printed", "dten --version > /etc/dten/version.txt", *plain) == []
    # the account list everyone may read holds no password (the hashes are in /etc/shadow)
    home = ('echo "', "User Home:   $(grep ${USER} /etc/passwd | cut -d':' -f6)", '"')
    assert in_script("preflight.secret_printed", *home) == []


def test_a_printed_verdict_needs_two_literals_and_a_compared_one() -> None:
    steps = ("sudo apt-get -y install dten",)
    # compared with a literal it never prints: nothing follows from the test
    other = ('if [ "$(isRoot)" != "yes" ]; then', "  exit 1", "fi")
    assert in_script("preflight.root_assumed", *_IS_ROOT, *other, *steps) == []
    assert in_script("preflight.sudo_unavailable", *_IS_ROOT, *other, *steps) == [14]
    # the same word in both branches, or a branch that does more than print: not a verdict
    same = tuple(line.replace('"false"', '"true"') for line in _IS_ROOT)
    check = ('if [ "$(isRoot)" != "true" ]; then', "  exit 1", "fi")
    assert in_script("preflight.root_assumed", *same, *check, *steps) == []
    busy = tuple(line.replace('echo "true"', 'echo "true"; touch /tmp/dten') for line in _IS_ROOT)
    assert in_script("preflight.root_assumed", *busy, *check, *steps) == []
