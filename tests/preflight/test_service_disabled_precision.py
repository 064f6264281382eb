"""``service_disabled`` on an installer's removal path (docs/preflight.md): the product's own units taken away when
the product is uninstalled are quiet (wnstify/backupd's ``uninstall``, kbuley/suffuse's ``uninstall_linux``,
operacle's ``--uninstall)``); another product's or the operating system's service, and the product's own unit on
the install or upgrade path, are still reported. Each construct beside its near-misses."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

DISABLED = "preflight.service_disabled"

_WRITE_UNIT = "printf '[Service]\\nExecStart=/opt/agent/run\\n' > /etc/systemd/system/agent.service"


def _installer(*body: str) -> list[int | None]:
    return codes_at({"install.sh": "\n".join(("#!/bin/sh", *body)) + "\n"}, DISABLED)


# -- the construct: the product's own unit, on a removal path ------------------------------------------------------


def test_an_uninstall_function_disabling_the_unit_the_script_writes_is_quiet() -> None:
    lines = (
        "install() {",
        f"  {_WRITE_UNIT}",
        "  systemctl enable agent",
        "}",
        "uninstall() {",
        "  systemctl stop agent",
        "  systemctl disable agent.service",  # 8
        "  systemctl mask agent",  # 9
        "}",
        'if [ "$1" = x ]; then uninstall; else install; fi',
    )
    assert _installer(*lines) == []


def test_an_uninstall_that_deletes_the_unit_file_takes_its_own_unit_away() -> None:
    # the unit file came from a helper preflight does not read; the uninstall deletes it after the disable
    lines = (
        "uninstall_agent() {",
        "  systemctl disable agent-x.service",
        "  rm -f /etc/systemd/system/agent-x.service",
        "}",
        "uninstall_agent",
    )
    assert _installer(*lines) == []


def test_an_uninstall_option_removing_the_package_of_the_unit_is_quiet() -> None:
    lines = (
        'case "$1" in',
        "  --uninstall)",
        "    systemctl disable monitoring-agent",
        "    dpkg -r monitoring-agent",
        "    exit 0;;",
        "esac",
    )
    assert _installer(*lines) == []


def test_the_instance_the_script_enabled_is_its_own() -> None:
    lines = (
        "systemctl enable wg-quick@wg0",
        "uninstallWg() {",
        "  systemctl disable wg-quick@wg0",
        "}",
    )
    assert _installer(*lines) == []


def test_a_unit_the_package_ships_disabled_in_the_uninstall_mode_is_quiet() -> None:
    unit = "[Unit]\nDescription=agent\n\n[Service]\nExecStart=/opt/agent/run\n\n[Install]\nWantedBy=multi-user.target\n"
    body = '#!/bin/sh\nif [ "$UNINSTALL" = "true" ]; then\n  systemctl disable agent-z\nfi\n'
    assert codes_at({"install.sh": body, "systemd/agent-z.service": unit}, DISABLED) == []


def test_a_remove_flag_set_by_an_option_is_the_uninstall_mode() -> None:
    # nginx-ui: ``--remove`` sets REMOVE='1'; ``[[ "$REMOVE" -eq '1' ]] && remove_nginx_ui``
    lines = (
        f"{_WRITE_UNIT}",
        "remove_agent() {",
        "  systemctl disable agent",
        "  exit 0",
        "}",
        "[[ \"$REMOVE\" -eq '1' ]] && remove_agent",
        "systemctl enable agent",
    )
    assert _installer(*lines) == []


def test_a_yes_to_remove_is_the_uninstall_mode() -> None:
    # Nyr/openvpn-install: ``read -p "… remove OpenVPN? [y/N]: " remove`` then ``if [[ "$remove" =~ ^[yY]$ ]]``
    lines = (
        'read -p "Remove? [y/N]: " remove',
        'if [[ "$remove" =~ ^[yY]$ ]]; then',
        "  systemctl disable --now agent.service",
        "  rm -f /etc/systemd/system/agent.service",
        "fi",
    )
    assert _installer(*lines) == []


# -- near-misses: still reported ---------------------------------------------------------------------------------


def test_a_flag_with_more_to_its_name_than_remove_is_no_uninstall_mode() -> None:
    # ``REMOVE_OLD`` takes away a part the upgrade replaces; a "no" answer is no removal either
    lines = (
        f"{_WRITE_UNIT}",
        '[ "$REMOVE_OLD" = 1 ] && systemctl disable agent',
        'if [[ "$remove" =~ ^[nN]$ ]]; then systemctl disable agent; fi',
    )
    assert _installer(*lines) == [3, 4]


def test_the_operating_systems_service_in_an_uninstall_is_still_reported() -> None:
    lines = ("uninstall() {", "  systemctl disable systemd-resolved", "}", "uninstall")
    assert _installer(*lines) == [3]


def test_an_os_service_the_install_switched_on_is_still_the_os_s() -> None:
    # angristan/wireguard-install: ``rc-update add sysctl`` on install, ``rc-update del sysctl`` on uninstall
    lines = ("rc-update add sysctl", "uninstallWg() {", "  rc-update del sysctl", "}")
    assert _installer(*lines) == [4]


def test_another_products_service_in_an_uninstall_is_still_reported() -> None:
    # apache2 is neither written nor removed by the script
    lines = ("uninstall() {", "  systemctl disable apache2", "  dpkg -r agent", "}")
    assert _installer(*lines) == [3]


def test_the_products_own_unit_on_the_install_path_is_still_reported() -> None:
    assert in_script(DISABLED, _WRITE_UNIT, "systemctl disable agent") == [4]


def test_an_upgrade_removing_an_old_part_is_not_a_removal_path() -> None:
    # pterodactyl's migrate_daemon_to_wings.sh: remove_standalone_sftp runs on the upgrade
    lines = (
        "remove_standalone_sftp() {",
        "  systemctl disable --now pterosftp",
        "  rm -rf /etc/systemd/system/pterosftp.service",
        "}",
        "remove_standalone_sftp",
    )
    assert in_script(DISABLED, *lines) == [4]


def test_a_firewall_switched_off_in_an_uninstall_is_still_reported() -> None:
    lines = ("uninstall() {", "  systemctl disable firewalld", "}")
    assert codes_at({"install.sh": "\n".join(("#!/bin/sh", *lines)) + "\n"}, "preflight.protection_disabled") == [3]


# -- a first-boot one-shot disabling the unit named after it --------------------------------------------------------


def test_a_first_boot_script_disabling_its_own_unit_is_quiet() -> None:
    script = "#!/bin/sh\nresize2fs /dev/sda1\nsystemctl disable nextcloud-firstboot.service\n"
    assert codes_at({"firstboot.sh": script}, DISABLED) == []
    assert codes_at({"overlay/firstboot": script.replace("nextcloud-", "")}, DISABLED) == []


def test_a_script_disabling_a_unit_not_named_after_it_is_reported() -> None:
    script = "#!/bin/sh\nsystemctl disable nextcloud-firstboot.service\nsystemctl disable cron\n"
    assert codes_at({"setup.sh": script}, DISABLED) == [2, 3]
    # a package's spec is not what its unit runs: owl-agent.spec disabling owl-agent stays reported
    spec = "Name: owl-agent\n%preun\nsystemctl disable owl-agent\n"
    assert codes_at({"owl-agent.spec": spec}, DISABLED) == [3]
