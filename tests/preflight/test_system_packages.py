"""Classes seen running preflight over whole Debian packages (mariadb-server, rabbitmq-server, slapd, postfix,
docker.io, apache2, postgresql-common, bind9, redis-server): who runs a script, what an assignment is in code and
in words alone, and a variable named PWD. Each with the construct and its near miss."""

from __future__ import annotations

from preflight_kit import codes_at, findings, package, run, script

from shipgate.preflight.contents import is_maintainer_script
from shipgate.preflight.runners import installed_payload, run_by_system, system_package

PRIVILEGE = ("preflight.implicit_privilege", "preflight.root_assumed", "preflight.sudo_unavailable")
CREDENTIAL = "preflight.hardcoded_credential"
PRINTED = "preflight.secret_printed"

INIT_SCRIPT = script(
    'if [ "$(id -u)" != "0" ]; then echo "must be root" >&2; exit 1; fi',
    'chown -R slapd /var/run/slapd',
    "service slapd reload",
)


def _privilege(files: dict[str, str | bytes]) -> list[tuple[str, int | None]]:
    return [(c, line) for c, line in findings(files) if c in PRIVILEGE]


def test_scripts_a_system_service_runs_are_root_by_design() -> None:
    for path in (
        "etc/init.d/slapd",
        "etc/network/if-up.d/postfix",
        "etc/ppp/ip-down.d/postfix",
        "usr/lib/networkd-dispatcher/off.d/postfix",
        "etc/resolvconf/update-libc.d/postfix",
        "usr/lib/ocf/resource.d/rabbitmq/rabbitmq-server",
        "etc/sv/ssh/log/run",
        "lib/systemd/system-sleep/hook",
    ):
        assert run_by_system(path), path
        assert _privilege({path: INIT_SCRIPT}) == [], path
    # near miss: the same lines as an upgrade step of the vendor's
    assert _privilege({"scripts/upgrade.sh": INIT_SCRIPT}) != []
    assert not run_by_system("scripts/init.d-helper.sh")


def test_a_system_packages_payload_is_installed_not_run_by_the_installer() -> None:
    tool = script("chown postgres:postgres /etc/postgresql/15/main/pg_hba.conf", "systemctl restart postgresql")
    postinst = script('case "$1" in configure) adduser --system dten ;; esac')
    assert system_package(["postinst", "usr/bin/pg_tool"])
    assert installed_payload("usr/bin/pg_tool", True) and not installed_payload("postinst", True)
    assert _privilege({"postinst": postinst, "usr/bin/pg_tool": tool}) == [("preflight.root_assumed", 1)]
    # near miss: the same tool where no package manager installs it (a vendor archive's file) is still read
    assert _privilege({"usr/bin/pg_tool": tool}) != []


def test_a_line_without_a_separator_assigns_nothing() -> None:
    errors = "ER_SET_PASSWORD_AUTH_PLUGIN\n  eng \"SET PASSWORD is ignored for users authenticating via %s\"\n"
    completion = "\t\t'--password')\n\t\t\treturn\n\t\t;;\n\t\tawslogs-credentials-endpoint)\n"
    copyright_ = "Files:\n       servers/slapd/back-passwd/config.c\n"
    files = {"usr/share/mysql/errmsg.txt": errors, "completions/docker": completion, "doc/copyright": copyright_}
    assert codes_at(files, CREDENTIAL) == []
    # near miss: the same name given a value
    assert codes_at({"etc/app.conf": "ER_SET_PASSWORD = Zq8vLx2mT4wQ\n"}, CREDENTIAL) == [1]


def test_in_program_source_only_a_string_literal_is_a_secret() -> None:
    perl = "#!/usr/bin/perl -w\nmy $opt_password      = undef;\n$opt_password = $ENV{MYSQL_PWD};\n"
    python = "#!/usr/bin/python3\nif 'password' in line.split('=')[0]:\n    pass\npassword = options.password\n"
    assert codes_at({"usr/bin/multi": perl, "usr/bin/admin": python}, CREDENTIAL) == []
    # near miss: literals in the same languages
    assert codes_at({"usr/bin/multi": '#!/usr/bin/perl\nmy $db_password = "Zq8vLx2mT4wQ";\n'}, CREDENTIAL) == [2]
    assert codes_at({"app/settings.py": "DB_PASSWORD = 'Zq8vLx2mT4wQ'\n"}, CREDENTIAL) == [1]


def test_a_variable_holding_the_working_directory_is_not_a_password() -> None:
    lines = (
        "MY_PWD=`dirname $0`",
        'MY_PWD=`cd "$MY_PWD"/.. && pwd`',
        'BASEDIR="$MY_PWD"',
        'echo "$BASEDIR/bin/$1"',
        'echo "$MY_PWD"',
    )
    assert codes_at({"usr/bin/safe": script(*lines)}, PRINTED) == []
    # near miss: a password read from the operator and printed
    assert codes_at({"scripts/setup.sh": script('DB_PWD="$(pwgen 16 1)"', 'echo "$DB_PWD"')}, PRINTED) == [4]


ADMIN_TOOL = script(
    'dir="$1"',
    'rm -rf "$dir"/*',
    "apt-get install -y postgresql-16",
    "curl -fsS https://apt.postgresql.org/pub/repos/apt/dists/ -o /tmp/dists",
    "systemctl disable postgresql",
)
RUN_TIME = ("preflight.rm_rf_variable", "preflight.implicit_egress", "preflight.service_disabled")


def test_what_a_system_packages_tool_would_do_when_run_later_is_not_the_upgrades_doing() -> None:
    postinst = script('case "$1" in configure) adduser --system dten ;; esac')
    found = findings({"postinst": postinst, "usr/share/dten/pg-setup.sh": ADMIN_TOOL})
    assert [c for c, _ in found if c in (*RUN_TIME, "preflight.external_endpoint")] == []
    # near miss: the same lines as a step of the install (a vendor archive's script), and as an init script
    for path in ("scripts/pg-setup.sh", "etc/init.d/dten-pg"):
        codes = {c for c, _ in findings({path: ADMIN_TOOL})}
        assert set(RUN_TIME) <= codes and "preflight.external_endpoint" in codes, path


def test_what_a_maintainer_script_does_only_on_removal_does_not_run_on_an_upgrade() -> None:
    guarded = script(
        'if [ -z "${DPKG_ROOT:-}" ] && [ "$1" = "purge" ] ; then',
        "    update-rc.d slapd remove >/dev/null",
        "    rm -rf /var/lib/ldap",
        "fi",
        'if [ "$1" = remove ] || [ "${1}" = "purge" ]; then systemctl disable slapd; fi',
        'if test "$1" = purge; then systemctl mask slapd; fi',
    )
    codes = {c for c, _ in findings({"postrm": guarded})}
    assert not codes & {"preflight.service_disabled", "preflight.destructive_delete"}
    # near miss: a test that lets the branch run on upgrade, and one that does not test $1
    for condition in ('[ "$1" = "upgrade" ] || [ "$1" = "purge" ]', '[ "$1" != "purge" ]', '[ "$2" = "purge" ]'):
        body = script(f"if {condition}; then", "    systemctl disable slapd", "fi")
        assert codes_at({"postrm": body}, "preflight.service_disabled") == [4], condition


def test_root_dropping_to_an_account_with_a_command_quoted_over_two_lines_is_a_drop() -> None:
    lines = (
        'su -s /bin/sh postgres -c "test -O /var/lib/postgresql &&',
        '        test -G /var/lib/postgresql" || chown postgres:postgres /var/lib/postgresql',
    )
    assert codes_at({"postinst": script(*lines)}, "preflight.sudo_unavailable") == []
    # near miss: a vendor script not known to run as root still needs the account's password
    # (one switch whose string runs over two lines: reported once, at the switch's line; holdout141)
    assert codes_at({"scripts/fix-owner.sh": script(*lines)}, "preflight.sudo_unavailable") == [3]


def test_examples_macros_patterns_and_settings_about_passwords_are_not_credentials() -> None:
    files = {
        # exim macros and a key file under a macro directory
        "etc/exim4/conf.d/main/03_tls": "MAIN_TLS_PRIVATEKEY = CONFDIR/exim.key\n"
        "tls_privatekey = MAIN_TLS_PRIVATEKEY\n",
        # LDAP attribute mappings, a database column, an option's spelling, a search tokenizer
        "etc/dovecot/dovecot-ldap.conf.ext": "pass_attrs = uid=user,userPassword=password\n",
        "usr/lib/squid/basic_db_auth": '#!/usr/bin/perl\nmy $db_passwdcol = "password";\n',
        "cloudinit/distros/x.py": 'OPTIONS = {\n    "passwd": "--password",\n}\n',
        "etc/solr/schema.xml": '<?xml version="1.0"?>\n<tokenizer class="solr.StandardTokenizerFactory"/>\n',
        # a fail2ban pattern continued on its own line
        "etc/fail2ban/filter.d/dropbear.conf": "failregex = x\n"
        "            ^[Bb]ad (PAM )?password attempt for .+ from <HOST>(:\\d+)?$\n",
        # examples in documentation, a test and a docstring
        "usr/share/doc/dovecot-core/wiki/Shared.txt": "imapc_password = mastersecret\n",
        "fail2ban/tests/files/digest.py": 'password = "password"\n',
        "cloudinit/config/cc_rh.py": '"""Example::\n\n    password: \'1234abcd\'\n"""\n',
    }
    assert codes_at(files, CREDENTIAL) == []
    # near misses: a literal in live configuration, a token in its own format in a README (a random word there is
    # an example), a plain password in code
    assert codes_at({"etc/dovecot/conf.d/auth.conf": "imapc_password = mastersecret\n"}, CREDENTIAL) == [1]
    assert codes_at({"README.md": "api_key = 9fK2xQ7mLp4Zt8Rw3Nv6\n"}, CREDENTIAL) == []
    assert codes_at({"README.md": "aws_access_key_id = AKIAIOSFODNN7EXAMPLF\n"}, CREDENTIAL) == [1]
    assert codes_at({"cloudinit/config/cc_rh.py": "password = '1234abcd'\n"}, CREDENTIAL) == [1]


def test_a_private_key_header_over_an_elided_body_is_the_format_not_a_key() -> None:
    body = "MIIBxwIBAAJhAKD0YSHy73nUgysO13XsJmd4fHiFyQ+00R7"
    example = (
        f'"""\nrsa_private: |\n    -----BEGIN RSA PRIVATE KEY-----\n    {body}\n'
        '    ...\n    -----END RSA PRIVATE KEY-----\n"""\n'
    )
    placeholder = "private_key: |\n    -----BEGIN PRIVATE KEY-----\n    <key data>\n    -----END PRIVATE KEY-----\n"
    assert codes_at({"cloudinit/config/cc_ssh.py": example, "salt/minion.yaml": placeholder}, CREDENTIAL) == []
    # near miss: the same header over a whole body
    whole = f"-----BEGIN RSA PRIVATE KEY-----\n{body}\nVVu2iV9Qco==\n-----END RSA PRIVATE KEY-----\n"
    assert codes_at({"etc/ssl/private/dten.key": whole}, CREDENTIAL) == [1]


def test_a_delete_on_removal_or_of_scratch_data_is_not_a_destructive_upgrade_step() -> None:
    lines = (
        'case "$1" in',
        "    remove)",
        '        if [ -d "/var/lib/tomcat10/policy" ]; then rm -rf /var/lib/tomcat10/policy; fi',
        "    ;;",
        "esac",
        'if [ "${1}" = "remove" ] || [ "${1}" = "upgrade" ]; then',
        "    rm -rf /var/lib/rabbitmq/plugins-scratch",
        "fi",
    )
    assert codes_at({"postrm": script(*lines)}, "preflight.destructive_delete") == []
    # near miss: data deleted on the upgrade path
    upgrade = ('if [ "$1" = "upgrade" ]; then', "    rm -rf /var/lib/rabbitmq/mnesia", "fi")
    assert codes_at({"postrm": script(*upgrade)}, "preflight.destructive_delete") == [4]


def test_removing_the_packages_own_firewall_service_on_purge_switches_no_protection_off() -> None:
    purge = ('if [ "$1" = "purge" ]; then', "    update-rc.d ufw remove >/dev/null", "fi")
    assert codes_at({"postrm": script(*purge)}, "preflight.protection_disabled") == []
    # near miss: the firewall switched off while upgrading
    assert codes_at({"postinst": script("ufw disable")}, "preflight.protection_disabled") == [3]


def test_a_packages_maintainer_scripts_needing_root_is_one_fact() -> None:
    body = script('case "$1" in configure|remove|upgrade) : ;; esac')
    files: dict[str, str | bytes] = {name: body for name in ("preinst", "postinst", "prerm")}
    found = [f for f in run(package(files)) if f.code == "preflight.root_assumed"]
    assert len(found) == 1 and found[0].evidence["files"] == ["postinst", "preinst", "prerm"]
    assert "(postinst, preinst, prerm)" in found[0].message
    # near miss: a vendor script's own uid check stays a finding of its own
    files["scripts/check.sh"] = script('[ "$(id -u)" -ne 0 ] && exit 1')
    assert len([f for f in run(package(files)) if f.code == "preflight.root_assumed"]) == 2


def test_a_payload_helper_a_maintainer_script_runs_is_a_step_of_the_install() -> None:
    helper = script("rm -rf /var/lib/dten/data", "curl -fsS https://updates.dten-vendor.com/x -o /tmp/x")
    calls = script('case "$1" in configure) /usr/share/dten/migrate.sh ;; esac')
    found = {c for c, _ in findings({"postinst": calls, "usr/share/dten/migrate.sh": helper})}
    assert {"preflight.destructive_delete", "preflight.external_endpoint"} <= found
    # near miss: the same helper installed but not run by the maintainer scripts
    quiet = script('case "$1" in configure) echo configured ;; esac')
    found = {c for c, _ in findings({"postinst": quiet, "usr/share/dten/migrate.sh": helper})}
    assert not found & {"preflight.destructive_delete", "preflight.external_endpoint"}


def test_a_helper_only_copied_or_run_on_purge_is_not_an_upgrade_step() -> None:
    helper = script("rm -rf /var/lib/dten/data")
    copies = script('case "$1" in upgrade) cp /usr/share/dten/nuke.sh /var/lib/dten/ ;; esac')
    on_purge = script('case "$1" in purge) /usr/share/dten/nuke.sh /var/lib/dten ;; esac')
    for postrm in (copies, on_purge):
        found = {c for c, _ in findings({"postrm": postrm, "usr/share/dten/nuke.sh": helper})}
        assert "preflight.destructive_delete" not in found
    # near miss: run through an interpreter on upgrade
    runs = script('case "$1" in upgrade) sh /usr/share/dten/nuke.sh ;; esac')
    found = {c for c, _ in findings({"postrm": runs, "usr/share/dten/nuke.sh": helper})}
    assert "preflight.destructive_delete" in found


def test_a_file_named_config_is_debconfs_script_only_beside_the_maintainer_scripts() -> None:
    body = script('case "$1" in configure|remove|upgrade) : ;; esac')
    files: dict[str, str | bytes] = {"postinst": body, "config": body, "usr/share/doc/x/examples/config": body}
    found = [f for f in run(package(files)) if f.code == "preflight.root_assumed"]
    assert [f.evidence["files"] for f in found] == [["config", "postinst"]]
    # near miss: debconf's script in a source tree's debian/ is one too
    assert is_maintainer_script("debian/config") and not is_maintainer_script("usr/share/privoxy/config")
