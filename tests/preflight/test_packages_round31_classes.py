"""Round thirty-one of the whole packages (tests/preflight/packages/README.md, "Round thirty-one"): each class fixed,
with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its
result)."""

from __future__ import annotations

from preflight_kit import codes_at, findings

from shipgate.preflight.user_data import served_user_data

_BOOT_SCRIPT = (
    "#!/bin/sh\n"  # 1
    'echo "127.0.0.1 $(hostname)" >> /etc/hosts\n'  # 2
    "apt-get update && apt-get install -y docker.io curl\n"  # 3
    "curl -o /opt/monitor.sh https://raw.githubusercontent.com/example-org/templates/master/monitor.sh\n"  # 4
    "chmod a+x /opt/monitor.sh\n"  # 5
    'echo "*/1 * * * * root bash /opt/monitor.sh" > /etc/cron.d/kube-monitor\n'  # 6
)

_PROFILE = (
    "from kube import base\n"
    "\n"
    "\n"
    "def do_create(server):\n"
    "    {name} = base.loadScript('./scripts/master.sh')\n"
    "    return server.create(image='debian', {name}={name})\n"
)


def _plugin(name: str = "user_data", profile: str = _PROFILE) -> dict[str, str | bytes]:
    return {
        "contrib/kubernetes/kube/master.py": profile.format(name=name),
        "contrib/kubernetes/kube/scripts/master.sh": _BOOT_SCRIPT,
    }


def _script_findings(files: dict[str, str | bytes]) -> list[tuple[str, int | None]]:
    return [found for found in findings(files) if found[0] != "preflight.root_assumed"]


def test_user_data_a_profile_boots_its_servers_with_is_not_a_step_of_the_install() -> None:
    assert served_user_data(_plugin()) == {"contrib/kubernetes/kube/scripts/master.sh"}
    assert _script_findings(_plugin()) == []


def test_user_data_under_a_dict_key_or_the_ec2_name_is_read_too() -> None:
    create = "    return server.create(image='debian', {name}={name})\n"
    by_key = _PROFILE.replace(create, "    return {{'{name}': {name}}}\n")
    assert served_user_data(_plugin(profile=by_key)) == {"contrib/kubernetes/kube/scripts/master.sh"}
    assert served_user_data(_plugin(name="UserData")) == {"contrib/kubernetes/kube/scripts/master.sh"}


def test_a_script_read_into_another_name_is_still_a_step() -> None:
    assert served_user_data(_plugin(name="script")) == frozenset()
    codes = {code for code, _ in _script_findings(_plugin(name="script"))}
    assert {"preflight.implicit_privilege", "preflight.external_endpoint"} <= codes


def test_a_user_data_literal_that_names_no_file_of_the_package_marks_nothing() -> None:
    files = _plugin(profile=_PROFILE.replace("./scripts/master.sh", "./scripts/worker.sh"))
    assert served_user_data(files) == frozenset()
    assert "preflight.implicit_privilege" in {code for code, _ in _script_findings(files)}


_PURGE = (
    "#!/bin/bash -eu\n"  # 1
    "# purges all the product's files and configuration\n"  # 2
    "systemctl disable --now temboard\n"  # 3
    "userdel temboard\n"  # 4
    'rm -rf /etc/temboard "/var/lib/temboard"\n'  # 5
)

_ROOT_CHECK = (
    "#!/bin/bash\n"  # 1
    "if [ $EUID -ne 0 ]; then\n"  # 2
    '    echo "This script must be run as root." >&2\n'  # 3
    "    exit 1\n"  # 4
    "fi\n"  # 5
    "pip uninstall -y senlin\n"  # 6
)


def test_a_script_named_to_take_the_product_away_is_not_a_step_of_the_install() -> None:
    found = findings({"share/purge.sh": _PURGE, "uninstall.sh": _ROOT_CHECK})
    codes = {code for code, _ in found}
    assert not codes & {"preflight.implicit_privilege", "preflight.service_disabled", "preflight.root_assumed"}


def test_the_same_steps_in_a_script_named_otherwise_are_still_reported() -> None:
    found = findings({"share/reset.sh": _PURGE, "install.sh": _ROOT_CHECK})
    assert ("preflight.service_disabled", 3) in found
    assert {("preflight.implicit_privilege", 4), ("preflight.implicit_privilege", 5)} <= set(found)
    assert ("preflight.root_assumed", 2) in found or ("preflight.root_assumed", 3) in found


ENDPOINT = "preflight.external_endpoint"

_PERL_FIXUP = (
    "#!/usr/bin/perl\n"  # 1
    "use strict;\n"  # 2
    'my $usage_text = <<"EOT";\n'  # 3
    "Usage: $0 [-b]\n"  # 4
    "See https://github.com/example-org/uptimed/issues/2 for details.\n"  # 5
    "EOT\n"  # 6
    "if (@ARGV) {\n"  # 7
    '    print "$0 -- fix the records\\n\\n".\n'  # 8
    "        $usage_text;\n"  # 9
    "    exit 0;\n"  # 10
    "}\n"  # 11
    'say "$0: Will fixup the records for https://bugs.example-tracker.org/654830".\n'  # 12
    '    "\\nrespectively https://github.com/example-org/uptimed/issues/2";\n'  # 13
)


def test_perl_text_a_script_prints_or_says_is_shown_not_contacted() -> None:
    assert codes_at({"usr/libexec/uptimed/fixup": _PERL_FIXUP}, ENDPOINT) == []


def test_perl_text_written_into_a_file_or_held_for_other_use_is_still_read() -> None:
    to_file = _PERL_FIXUP.replace('say "$0: Will', 'print CONF "$0: Will')
    assert 12 in codes_at({"usr/libexec/uptimed/fixup": to_file}, ENDPOINT)
    used = _PERL_FIXUP.replace("        $usage_text;\n", "        $usage_text;\nopen(my $fh, '<', $usage_text);\n")
    assert 5 in codes_at({"usr/libexec/uptimed/fixup": used}, ENDPOINT)


def test_a_package_managers_removal_hook_stays_a_root_scriptlet() -> None:
    codes = {code for code, _ in findings({"snap/hooks/remove": "#!/bin/sh\nsnapctl stop --disable app\n"})}
    assert "preflight.root_assumed" in codes


REWRITES = "preflight.migration_rewrites_table"

_RESCALE = (
    '"""action start_time type"""\n'  # 1
    "from alembic import op\n"  # 2
    "import sqlalchemy as sa\n"  # 3
    "\n"  # 4
    "revision = 'beffe13cf8e5'\n"  # 5
    "down_revision = '3a04debb8cb1'\n"  # 6
    "\n"  # 7
    "\n"  # 8
    "def upgrade():\n"  # 9
    "    with op.batch_alter_table('action') as batch_op:\n"  # 10
    "        batch_op.alter_column('start_time', type_=sa.Numeric({new}),\n"  # 11
    "                              existing_type=sa.Numeric({old}))\n"  # 12
)


def _alembic(new: str, old: str) -> dict[str, str | bytes]:
    return {"senlin/db/alembic/versions/beffe13cf8e5_start_time.py": _RESCALE.format(new=new, old=old)}


def test_a_numeric_column_given_a_new_scale_is_rewritten() -> None:
    assert codes_at(_alembic("'18,6'", "'24,8'"), REWRITES) == [11]
    assert codes_at(_alembic("precision=18, scale=2", "precision=18, scale=4"), REWRITES) == [11]
    assert codes_at(_alembic("15, 5", ""), REWRITES) == []  # an unconstrained existing_type says nothing


def test_a_numeric_column_widened_at_the_same_scale_is_not() -> None:
    assert codes_at(_alembic("30, 8", "'24,8'"), REWRITES) == []
    assert codes_at(_alembic("", "'24,8'"), REWRITES) == []
    assert ("preflight.migration_unlocked", 11) in findings(_alembic("30, 8", "'24,8'"))


KERNEL = "preflight.kernel_settings"

_CRASH_SYSCTL = (
    "# applied only in the kdump boot environment\n"  # 1
    "vm.nr_hugepages=0\n"  # 2
    "vm.nr_hugepages_mempolicy=0\n"  # 3
)
_POSTINST = "#!/bin/sh\nset -e\nupdate-rc.d kdump-tools defaults >/dev/null\n"


def test_a_system_packages_sysctl_file_outside_sysctl_d_is_not_applied_at_boot() -> None:
    assert codes_at({"postinst": _POSTINST, "etc/kdump/sysctl.conf": _CRASH_SYSCTL}, KERNEL) == []


def test_the_same_file_in_sysctl_d_or_in_a_source_tree_is_still_reported() -> None:
    assert codes_at({"postinst": _POSTINST, "etc/sysctl.d/50-kdump.conf": _CRASH_SYSCTL}, KERNEL) == [2]
    assert codes_at({"etc/kdump/sysctl.conf": _CRASH_SYSCTL}, KERNEL) == [2]


DELETE = "preflight.destructive_delete"

_KERNEL_HOOK = (
    "#!/bin/sh\n"  # 1
    "set -e\n"  # 2
    "kdumpdir=/var/lib/kdump\n"  # 3
    'if [ -d "$kdumpdir/initramfs-tools" ]; then\n'  # 4
    "    rm -Rf $kdumpdir/initramfs-tools\n"  # 5
    "fi\n"  # 6
    'cp -pr {source} "$kdumpdir"\n'  # 7
)


def _hook(source: str) -> dict[str, str | bytes]:
    return {"scripts/upgrade.sh": _KERNEL_HOOK.format(source=source)}


def test_a_tree_deleted_and_copied_afresh_in_its_place_is_no_loss() -> None:
    assert codes_at(_hook("/etc/initramfs-tools"), DELETE) == []


def test_a_tree_deleted_and_another_copied_beside_it_is_still_reported() -> None:
    assert codes_at(_hook("/etc/initramfs-conf"), DELETE) == [5]


PRINTED = "preflight.secret_printed"

_CONFIGURE = (
    "#!/bin/bash -eu\n"  # 1
    "generate_configuration() {\n"  # 2
    '    local cookie_secret="$(od -vN 64 -An -tx1 /dev/urandom | tr -d " \\n")"\n'  # 3
    "    cat <<-EOF\n"  # 4
    "\t[temboard]\n"  # 5
    "\tcookie_secret = $cookie_secret\n"  # 6
    "\tEOF\n"  # 7
    "}\n"  # 8
    "install -m 0750 -d /etc/temboard\n"  # 9
    "generate_configuration {redirect}\n"  # 10
)


def _configure(redirect: str) -> dict[str, str | bytes]:
    return {"share/auto_configure.sh": _CONFIGURE.replace("{redirect}", redirect)}


def test_a_heredoc_of_a_function_whose_every_call_writes_a_file_is_not_printed() -> None:
    assert codes_at(_configure('> "/etc/temboard/temboard.conf"'), PRINTED) == []


def test_a_heredoc_of_a_function_called_once_to_the_terminal_is_printed() -> None:
    assert codes_at(_configure(""), PRINTED) == [6]
    assert codes_at(_configure('2> "/var/log/temboard-configure.log"'), PRINTED) == [6]


_CHUNK = (
    "{imports}\n"  # 1
    "const tt={code:dt,language:ht};\n"  # 2
    'fetch("https://telemetry.example-corp.net/v1/report",{method:"POST"});\n'  # 3
)


def _chunk(imports: str) -> dict[str, str | bytes]:
    return {"temboardui/static/dist/explain-DQF_iv-3.js": _CHUNK.replace("{imports}", imports)}


def test_a_minifiers_es_module_chunk_is_a_web_bundle() -> None:
    assert codes_at(_chunk('import{d as De,p as Xt,_ as nr}from"./vue-DqMao7g8.js";'), ENDPOINT) == []


def test_a_module_a_person_wrote_is_still_read() -> None:
    assert codes_at(_chunk('import { d as De, p as Xt } from "./vue.js";'), ENDPOINT) == [3]
