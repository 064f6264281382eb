"""Classes the hold-out set 198's first run showed (tests/preflight/holdout198/README.md), each with a near-miss."""

from __future__ import annotations

from preflight_kit import in_script


def test_an_existence_test_inside_an_and_list_guards_the_delete() -> None:
    guarded = (
        'secrets_dir=$(cat "/etc/dten/.secrets_location")',
        'if [[ -n "$secrets_dir" ]] && [[ -d "$secrets_dir" ]]; then',
        '  rm -rf "$secrets_dir"',
        "fi",
    )
    assert in_script("preflight.rm_rf_variable", *guarded) == []
    # near-misses: the same tests joined by ||, a test of another variable, and no test at all stay reported
    either = (guarded[0], guarded[1].replace("&&", "||"), *guarded[2:])
    assert in_script("preflight.rm_rf_variable", *either) == [5]
    other = (guarded[0], 'if [[ -n "$secrets_dir" ]] && [[ -d "$HOME" ]]; then', *guarded[2:])
    assert in_script("preflight.rm_rf_variable", *other) == [5]
    assert in_script("preflight.rm_rf_variable", guarded[0], guarded[2].strip()) == [4]


def test_the_firewall_rule_sets_loader_and_dumper_need_root() -> None:
    assert in_script("preflight.implicit_privilege", "iptables-restore < /etc/iptables/rules.v4") == [3]
    assert in_script("preflight.implicit_privilege", "iptables-save | grep -v DTEN | iptables-restore") == [3]
    # near-misses: through sudo, and under a root check
    assert in_script("preflight.implicit_privilege", "sudo iptables-restore < /etc/iptables/rules.v4") == []
    root_check = ('if [ "$(id -u)" -ne 0 ]; then', "  exit 1", "fi")
    assert in_script("preflight.implicit_privilege", *root_check, "ip6tables-restore < /etc/iptables/rules.v6") == []


def test_decompressing_in_place_in_a_system_directory_writes_there() -> None:
    assert in_script("preflight.implicit_privilege", "cd /root", "gzip -d dten-server.gz") == [4]
    assert in_script("preflight.implicit_privilege", "cd /usr/local/bin", "unxz dten.xz") == [4]
    # near-misses: to standard output, a test of the archive, and the same step in a directory the user may write
    assert in_script("preflight.implicit_privilege", "cd /root", "gzip -dc dten-server.gz > /tmp/dten") == []
    assert in_script("preflight.implicit_privilege", "cd /root", "gzip -t dten-server.gz") == []
    assert in_script("preflight.implicit_privilege", "cd /tmp", "gzip -d dten-server.gz") == []


def test_a_directory_made_right_in_home_needs_root() -> None:
    assert in_script("preflight.implicit_privilege", "mkdir /home/dten_backups") == [3]
    # near-misses: with -p (an account's home that may exist), deeper under a home, and through sudo
    assert in_script("preflight.implicit_privilege", "mkdir -p /home/dten") == []
    assert in_script("preflight.implicit_privilege", "mkdir /home/dten/backups") == []
    assert in_script("preflight.implicit_privilege", "sudo mkdir /home/dten_backups") == []


def _answered(*answers: str, program: str = "mysql_secure_installation") -> tuple[str, ...]:
    return (f"{program} <<EOF", *answers, "EOF")


def test_a_literal_answer_to_mysql_secure_installation_is_the_root_password() -> None:
    assert in_script("preflight.hardcoded_credential", *_answered("", "y", "Dten4root!", "Dten4root!", "y")) == [6]
    mariadb = _answered("n", "y", "Dten4root!", program="mariadb-secure-installation")
    assert in_script("preflight.hardcoded_credential", *mariadb) == [6]
    # near-misses: only yes/no answers, the password from a variable, and the same text fed to another program
    assert in_script("preflight.hardcoded_credential", *_answered("", "n", "y", "y", "y")) == []
    assert in_script("preflight.hardcoded_credential", *_answered("", "y", '"$DB_ROOT_PASSWORD"', "y")) == []
    assert in_script("preflight.hardcoded_credential", "cat > /tmp/dten-notes <<EOF", "y", "Dten4root!", "EOF") == []


_WG0 = (
    "cat > /etc/wireguard/wg0.conf <<EOF",
    "[Interface]",
    "Address = 10.16.0.1/24",
    "PreUp = sysctl -w net.ipv4.ip_forward=1",
    "PostUp = iptables -A INPUT -i wg0 -j ACCEPT",
    "EOF",
)


def test_an_up_hook_of_a_wireguard_interface_the_script_starts_changes_the_kernel() -> None:
    assert in_script("preflight.kernel_settings", *_WG0, "systemctl start wg-quick@wg0") == [6]
    assert in_script("preflight.kernel_settings", *_WG0, "wg-quick up wg0") == [6]
    # near-misses: only enabled for the next boot, a down hook, and the same text in a file that is no interface
    assert in_script("preflight.kernel_settings", *_WG0, "systemctl enable wg-quick@wg0") == []
    down = tuple(line.replace("PreUp", "PreDown") for line in _WG0)
    assert in_script("preflight.kernel_settings", *down, "systemctl start wg-quick@wg0") == []
    other = tuple(line.replace("[Interface]", "[Peer]") for line in _WG0)
    assert in_script("preflight.kernel_settings", *other, "systemctl start wg-quick@wg0") == []
