"""Classes of mistakes the hundred-and-ninth hold-out set found (tests/preflight/holdout109: container entrypoints
and start scripts, a third sample), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

PRIVILEGE = "preflight.implicit_privilege"
HIDDEN = "preflight.hidden_migration"


def test_sed_with_its_script_attached_to_e_edits_every_operand() -> None:
    # the Tinyproxy image's run.sh: ``sed -i -e"s,^#LogFile,LogFile," $PROXY_CONF`` edits /etc/tinyproxy as root
    conf = "PROXY_CONF='/etc/tinyproxy/tinyproxy.conf'"
    assert in_script(PRIVILEGE, conf, 'sed -i -e"s,^#LogFile,LogFile," $PROXY_CONF') == [4]
    assert in_script(PRIVILEGE, "sed -i --expression=s/a/b/ /etc/app.conf") == [3]
    assert in_script(PRIVILEGE, "sed -i -e s/a/b/ -e s/c/d/ /etc/app.conf") == [3]
    assert in_script(PRIVILEGE, "sed -ni -f /opt/app/edit.sed /etc/app.conf") == [3]
    # near-misses: without -i sed only reads; the script given by -e is not a file even when it looks like a path
    assert in_script(PRIVILEGE, 'sed -e"s,^#LogFile,LogFile," /etc/tinyproxy/tinyproxy.conf > /tmp/proxy.conf') == []
    assert in_script(PRIVILEGE, "sed -i -e /etc/d /opt/app/hosts.txt") == []
    assert in_script(PRIVILEGE, "sed -i /etc/d /opt/app/hosts.txt") == []


def test_yii_console_migrations_are_hidden_migrations() -> None:
    # HumHub's entrypoint: the framework's migrations at container start when the image's version changed
    assert in_script(HIDDEN, "php yii migrate/up --includeModuleMigrations=1 --interactive=0") == [3]
    assert in_script(HIDDEN, "./yii migrate --interactive=0") == [3]
    # near-misses: creating a migration class and reading the history change no schema
    assert in_script(HIDDEN, "php yii migrate/create add_table") == []
    assert in_script(HIDDEN, "php yii migrate/history") == []


def test_an_ldap_client_told_to_accept_any_certificate_checks_none() -> None:
    # HumHub's entrypoint appends ``TLS_REQCERT ALLOW`` to ldap.conf when the operator asks to skip verification
    code = "preflight.tls_verification_disabled"
    assert in_script(code, 'echo "TLS_REQCERT ALLOW" >> /etc/openldap/ldap.conf') == [3]
    heredoc = ["cat > /etc/ldap/ldap.conf <<EOF", "BASE dc=example,dc=org", "TLS_REQCERT never", "EOF"]
    assert in_script(code, *heredoc) == [5]
    assert in_script(code, "export LDAPTLS_REQCERT=never") == [3]
    assert in_script(code, "LDAPTLS_REQCERT=allow ldapsearch -H ldaps://ldap.example.org -x") == [3]
    assert codes_at({"etc/openldap/ldap.conf": "URI ldaps://ldap.example.org\nTLS_REQCERT never\n"}, code) == [2]
    # near-misses: demand and hard keep the check; the line printed to the output writes no file
    assert in_script(code, 'echo "TLS_REQCERT demand" >> /etc/openldap/ldap.conf') == []
    assert in_script(code, "export LDAPTLS_REQCERT=hard") == []
    assert in_script(code, 'echo "TLS_REQCERT never"') == []
    assert codes_at({"etc/openldap/ldap.conf": "TLS_REQCERT demand\n"}, code) == []


def test_a_secret_falling_back_to_test_runs_with_that_password() -> None:
    # HumHub's admin account gets the password ``test`` whenever the operator sets none
    code = "preflight.default_credential"
    assert in_script(code, 'HUMHUB_ADMIN_PASSWORD=${HUMHUB_ADMIN_PASSWORD:-"test"}') == [3]
    assert in_script(code, 'exec app --password "${APP_PASSWORD:-dummy}"') == [3]
    # near-misses: a fill-in marker, an empty fallback, a name that holds no secret
    assert in_script(code, 'HUMHUB_ADMIN_PASSWORD=${HUMHUB_ADMIN_PASSWORD:-"your-password"}') == []
    assert in_script(code, 'HUMHUB_ADMIN_PASSWORD=${HUMHUB_ADMIN_PASSWORD:-""}') == []
    assert in_script(code, "MONGO_INITDB_DATABASE=${MONGO_INITDB_DATABASE:-test}") == []
