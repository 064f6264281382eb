"""Privilege bits granted (preflight.privileged_binary) and kernel settings changed on the host
(preflight.kernel_settings): each construct next to a near-miss that must stay silent. Lines count from 3 in
``in_script`` (after its ``#!/bin/sh`` and ``set -eu``)."""

from __future__ import annotations

from preflight_kit import codes_at, in_script, package, run

from shipgate.findings import Severity
from shipgate.preflight.privileged_binary import grants_capabilities, mode_bits

BITS = "preflight.privileged_binary"
KERNEL = "preflight.kernel_settings"


def _bits(*lines: str) -> list[int | None]:
    return in_script(BITS, *lines)


def _kernel(*lines: str) -> list[int | None]:
    return in_script(KERNEL, *lines)


def _up(line: str) -> list[int | None]:
    """Lines of the kernel findings of a two-line script (``#!/bin/sh`` and ``line``)."""
    return codes_at({"scripts/up.sh": f"#!/bin/sh\n{line}\n"}, KERNEL)


def _severities(files: dict[str, str | bytes], code: str) -> list[Severity]:
    return [f.severity for f in run(package(files)) if f.code == code]


# -- privileged_binary -------------------------------------------------------------------------------------------


def test_modes_that_set_the_setuid_or_setgid_bit() -> None:
    for mode in ("u+s", "+s", "a+s", "ug+s", "4755", "04755", "4750", "6755", "u=rwxs,go=rx", "u+s,ug+rwx,o-rwx"):
        assert mode_bits(mode) & {"setuid"}, mode
    assert mode_bits("2755") == {"setgid"} and mode_bits("g+s") == {"setgid"}
    for mode in ("755", "0755", "u-s", "-s", "o+s", "go-w", "a+rx", "u+x,g-s"):
        assert mode_bits(mode) == frozenset(), mode


def test_capability_sets_that_raise_a_capability() -> None:
    for caps in ("cap_net_raw,cap_net_admin+ep", "cap_ipc_lock=+ep", "CAP_SYS_PTRACE,CAP_DAC_READ_SEARCH=+ep", "=ep"):
        assert grants_capabilities(caps), caps
    for caps in ("cap_net_raw-ep", "cap_net_raw=", "/usr/bin/x", "-r", "a=b+c"):
        assert not grants_capabilities(caps), caps


def test_a_program_made_setuid_or_given_capabilities_is_listed() -> None:
    assert _bits('chmod u+s "/usr/bin/vendor-exclude"') == [3]
    assert _bits("chmod 4750 /usr/libexec/vendor/plugins.d/helper || true") == [3]
    assert _bits("install -m 4755 build/helper /usr/lib/vendor/helper") == [3]
    assert _bits("dpkg-statoverride --update --add root vendor 4750 /usr/lib/vendor/cgi-bin/index.cgi") == [3]
    assert _bits("setcap cap_net_raw,cap_net_admin+ep /usr/bin/vendor-agent") == [3]
    # setcap held in a variable, or run through eval
    assert _bits("setcap_cmd=$(type -p setcap)", "$setcap_cmd cap_net_bind_service=+ep /usr/bin/vendor") == [4]
    assert _bits('setCap=$(command -v setcap) || setCap=""', 'eval "$setCap CAP_SYS_PTRACE=+ep /usr/bin/x"') == [4]
    assert _bits('sudo setcap cap_net_raw+ep "$(which tcpdump)" 2>/dev/null || true') == [3]
    # a program under a variable named like a directory (an ebuild's image dir) is still a program
    assert _bits("chmod u+s ${Ddir}/bin/vendor-ping") == [3]
    assert _bits("chmod g+s /usr/bin/vendor-lock") == [3]


def test_directories_removals_and_reads_are_not_listed() -> None:
    # setgid (or setuid) on a directory: group inheritance, no program
    assert _bits("chmod 2750 /var/log/vendor") == []
    assert _bits('chmod ug+rwx,g+s,o-rwx "${STATE_DIR}"') == []
    assert _bits("mkdir -p /opt/vendor/shared", "chmod g+s /opt/vendor/shared") == []
    assert _bits("install -d -g vendor -o vendor -m2755 /opt/vendor/cache") == []
    assert _bits("dpkg-statoverride --update --add vendor adm 02750 /var/log/vendor") == []
    assert _bits("chmod 2775 /opt/vendor/data") == []  # setgid alone: a shared directory unless a program's place
    # removing the bit or the capabilities, a plain mode, a copied mode, a verification
    assert _bits("chmod u-s /usr/bin/vendor") == []
    assert _bits("chmod 0755 /usr/bin/vendor") == []
    assert _bits("chmod --reference=/usr/bin/passwd /usr/bin/vendor") == []
    assert _bits("setcap -r /usr/bin/vendor") == []
    assert _bits("setcap -v cap_net_raw+ep /usr/bin/vendor") == []
    # text that shows a mode
    assert _bits('echo "run: chmod u+s /usr/bin/vendor"') == []
    # an image build gives the bits inside the image
    dockerfile = "FROM debian:12\nRUN setcap CAP_NET_BIND_SERVICE=+eip /usr/bin/chasquid && chmod u+s /usr/bin/x\n"
    assert codes_at({"Dockerfile": dockerfile}, BITS) == []


def test_an_rpm_spec_attr_with_a_setuid_mode_is_listed_a_directory_is_not() -> None:
    spec = (
        "Name: vendor\n%description\nx\n%files\n"
        "%attr(4755,root,root) %{_bindir}/vendor-helper\n"
        "%attr(2755,vendor,vendor) %ghost %{_localstatedir}/run/vendor/cmd\n"
        "%attr(0755,root,root) %{_bindir}/vendor\n"
    )
    assert codes_at({"vendor.spec": spec}, BITS) == [5]


# -- kernel_settings ---------------------------------------------------------------------------------------------


def test_kernel_changes_are_found() -> None:
    assert _up("sysctl -w vm.max_map_count=262144") == [2]
    assert _up("sysctl -p /etc/sysctl.d/vendor.conf") == [2]
    assert _up("sysctl --system") == [2]
    assert _up("systemctl restart systemd-sysctl.service") == [2]
    assert _up("echo 1 > /proc/sys/net/ipv4/ip_forward") == [2]
    assert _up("echo never > /sys/kernel/mm/transparent_hugepage/enabled") == [2]
    assert _up("cp vendor.conf /etc/sysctl.d/60-vendor.conf") == [2]
    assert _up('echo "net.ipv4.ip_forward = 1\n" >/etc/sysctl.d/wg.conf') == [3]
    assert _up("modprobe iscsi_tcp") == [2]
    assert _up("cp overlay.conf /etc/modules-load.d/") == [2]
    assert _up("sed -i '$ i vm.max_map_count=262144' /etc/sysctl.conf") == [2]
    assert _up('echo "vm.max_map_count=262144" | sudo tee -a /etc/sysctl.conf') == [2]
    assert _up("insmod ./vendor.ko") == [2]


def test_a_core_pattern_piped_to_a_program_is_high() -> None:
    piped = '#!/bin/sh\necho "kernel.core_pattern=|/opt/vendor/save_core %e %p" > /etc/sysctl.d/99-core.conf\n'
    assert _severities({"scripts/up.sh": piped}, KERNEL) == [Severity.HIGH]
    plain = '#!/bin/sh\necho "kernel.core_pattern=/var/crash/core.%e" > /etc/sysctl.d/99-core.conf\n'
    assert _severities({"scripts/up.sh": plain}, KERNEL) == [Severity.MEDIUM]
    assert _severities({"scripts/up.sh": "#!/bin/sh\nsysctl -w 'kernel.core_pattern=|/opt/v/x %e'\n"}, KERNEL) == [
        Severity.HIGH
    ]


def test_reads_dry_runs_unloads_and_restores_are_not_changes() -> None:
    for line in (
        "sysctl -n vm.max_map_count",
        "sysctl -a",
        "cat /proc/sys/kernel/random/uuid",
        "install -m 0600 /proc/sys/kernel/random/uuid /etc/vendor/secret",
        "modprobe -n iscsi_tcp",
        "modprobe -r vendor_mod",
        "modprobe --show-depends vendor_mod",
        "systemctl status systemd-sysctl",
    ):
        assert _kernel(line) == [], line
    # a value saved with sysctl -n and set back
    key = "net.ipv4.conf.default.send_redirects"
    assert _kernel(f"SAVED=$(sysctl -n {key})", f"sysctl -w {key}=$SAVED") == []
    # a reload after the script removed its own sysctl file (uninstall)
    assert _kernel("rm -f /etc/sysctl.d/wg.conf", "sysctl --system") == []
    # a container build writes the image's file, not the host's
    dockerfile = "FROM debian:12\nRUN echo 'fs.file-max = 65535' > /etc/sysctl.conf\n"
    assert codes_at({"docker/Dockerfile": dockerfile}, KERNEL) == []


def test_a_shipped_sysctl_file_is_one_finding_at_its_first_setting() -> None:
    conf = "# tuning\n\nvm.swappiness = 20\nnet.ipv4.tcp_fastopen=1027\n"
    assert codes_at({"usr/lib/sysctl.d/70-vendor.conf": conf}, KERNEL) == [3]
    assert codes_at({"etc/modules-load.d/vendor.conf": "# modules\nbr_netfilter\n"}, KERNEL) == [2]
    piped = "kernel.core_pattern = |/opt/vendor/save_core %e\n"
    assert _severities({"etc/sysctl.d/99-vendor.conf": piped}, KERNEL) == [Severity.HIGH]
    # only comments, documentation that shows one, a modprobe.d option file
    assert codes_at({"usr/lib/sysctl.d/70-vendor.conf": "# vm.swappiness = 20\n"}, KERNEL) == []
    assert codes_at({"usr/share/doc/vendor/examples/etc/sysctl.d/x.conf": conf}, KERNEL) == []
    assert codes_at({"etc/modprobe.d/vendor.conf": "options vendor debug=1\n"}, KERNEL) == []


# -- Ansible modules that change the host -----------------------------------------------------------------------

_PLAY = """- hosts: all
  become: true
  tasks:
    - name: forwarding
      ansible.posix.sysctl:
        name: net.ipv4.ip_forward
        value: '1'
    - name: bridge filtering
      community.general.modprobe:
        name: br_netfilter
    - name: capture without root
      community.general.capabilities:
        path: /usr/bin/tcpdump
        capability: cap_net_raw+ep
"""


def test_ansible_sysctl_modprobe_and_capabilities_tasks_are_read() -> None:
    files = {"roles/common/tasks/main.yml": _PLAY}
    assert codes_at(files, KERNEL) == [6, 10]
    assert codes_at(files, BITS) == [14]


def test_ansible_removals_and_a_facts_list_named_sysctl_are_not() -> None:
    removed = (
        _PLAY.replace("value: '1'", "value: '1'\n        state: absent")
        .replace("name: br_netfilter", "name: br_netfilter\n        state: absent")
        .replace("capability: cap_net_raw+ep", "capability: cap_net_raw+ep\n        state: absent")
    )
    assert codes_at({"roles/common/tasks/main.yml": removed}, KERNEL) == []
    assert codes_at({"roles/common/tasks/main.yml": removed}, BITS) == []
    facts = "- name: facts\n  set_fact:\n    sysctl:\n      - item: net.ipv4.ip_forward\n        value: 1\n"
    assert codes_at({"roles/common/tasks/ubuntu.yml": facts}, KERNEL) == []
