"""Classes the eightieth hold-out set showed (tests/preflight/holdout80: first-boot and initialisation programs of
self-hosted products that create accounts and secrets), each as its minimal construct next to a near-miss that must
stay quiet or stay reported."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

AUTH_OFF = "preflight.authentication_disabled"


# -- B: a server started with authentication off on its command line, listening beyond the host --------------------


def test_b_a_server_given_auth_none_on_every_interface_is_reported() -> None:
    lines = (
        'if [ -n "${PASSWORD}" ]; then',
        '    AUTH="password"',
        "else",
        '    AUTH="none"',
        "fi",
        "exec s6-setuidgid app /app/bin/ide-server \\",
        "    --bind-addr 0.0.0.0:8443 \\",
        '    --auth "${AUTH}" \\',
        "    /config/workspace",
    )
    assert in_script(AUTH_OFF, *lines) == [10]
    assert in_script(AUTH_OFF, "exec arangod --server.endpoint tcp://[::]:8529 --server.authentication=false") == [3]


def test_b_loopback_an_unshown_address_or_auth_left_on_stay_quiet() -> None:
    assert in_script(AUTH_OFF, "exec ide-server --bind-addr 127.0.0.1:8443 --auth none") == []
    assert in_script(AUTH_OFF, "exec ide-server --bind-addr localhost:8443 --auth none") == []
    # the init server of a database entrypoint: no listen option on the command, its address is the config file's
    assert in_script(AUTH_OFF, 'AUTHENTICATION="false"', "exec arangod --server.authentication=$AUTHENTICATION") == []
    assert in_script(AUTH_OFF, "exec ide-server --bind-addr 0.0.0.0:8443 --auth password") == []
    assert in_script(AUTH_OFF, 'exec ide-server --bind-addr "$ADDR" --auth none') == []


# -- C: under set -x, a test of a variable the script only ever sets to a path prints the path --------------------

PRINTED = "preflight.secret_printed"


def test_c_a_traced_test_of_a_key_path_variable_stays_quiet() -> None:
    lines = (
        'if [ -n "${DEBUG}" ]; then set -x; fi',
        'if [ -z "${AUTH_KEY}" ]; then',
        '    AUTH_KEY="${dir}/server.key"',
        "fi",
        'if [ ! -f "${AUTH_KEY}" ]; then gen_key "${dir}"; fi',
    )
    assert in_script(PRINTED, *lines) == []


def test_c_a_traced_test_of_a_key_the_script_also_sets_to_a_value_is_reported() -> None:
    lines = (
        'if [ -n "${DEBUG}" ]; then set -x; fi',
        'if [ -z "${AUTH_KEY}" ]; then',
        '    AUTH_KEY="${dir}/server.key"',
        "else",
        '    AUTH_KEY="$(cat /run/secrets/key)"',
        "fi",
        'if [ -n "${AUTH_KEY}" ]; then echo ok; fi',
    )
    assert in_script(PRINTED, *lines) == [3]  # once, at set -x


# -- D: a variable named for a bcrypt hash holds the hash, not the password ------------------------------------------


def test_d_a_traced_bcrypt_hash_is_not_a_printed_secret() -> None:
    lines = (
        "set -x",
        'bcrypted_pass=$(cat "${DIR}/.password")',
        'echo "${bcrypted_pass}" > "${DIR}/copy"',
    )
    assert in_script(PRINTED, *lines) == []


def test_d_the_password_beside_its_hash_stays_reported() -> None:
    lines = (
        "set -x",
        "pass=$(pwgen -s 32 1)",
        'bcrypted_pass=$(htpasswd -bnBC 10 "" "${pass}" | tr -d ":\\n")',
    )
    assert in_script(PRINTED, *lines) == [3]  # at its set -x (session 30)


# -- F: a JavaScript fallback `|| 'literal'` under a secret-named property is a default credential ------------------

DEFAULT = "preflight.default_credential"
CRED = "preflight.hardcoded_credential"


def _js(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def test_f_a_javascript_fallback_password_is_a_default_credential() -> None:
    source = _js(
        "export default {",
        "  basicAuth: {",
        "    username: getFileEnv('APP_USER') || 'admin',",
        "    password: getFileEnv('APP_PASSWORD') || 'vendorpass',",
        "  },",
        "};",
        "const dbPassword = process.env.DB_PASSWORD ?? 'dbsecret42';",
    )
    assert codes_at({"config.default.js": source}, DEFAULT) == [4, 7]


def test_f_a_fallback_that_is_no_secret_or_no_literal_stays_quiet() -> None:
    source = _js(
        "export default {",
        "  username: process.env.APP_USER || 'admin',",
        "  password: process.env.APP_PASSWORD || '',",
        "  sessionSecret: process.env.APP_SESSION_SECRET || process.env.SECRET,",
        "  host: process.env.HOST || 'localhost',",
        "};",
    )
    assert codes_at({"config.default.js": source}, DEFAULT) == []


# -- H: a heredoc a script writes into a file is that file's settings -----------------------------------------------


def test_h_a_literal_password_in_a_heredoc_written_to_a_file_is_reported() -> None:
    lines = (
        'cat > "/var/lib/app/client.cnf" <<EOF',
        "[client]",
        "user=healthchecker",
        "password=healthcheckpass",
        "EOF",
    )
    assert in_script(CRED, *lines) == [6]


def test_h_references_and_heredocs_that_write_no_file_stay_quiet() -> None:
    lines = (
        'cat > "/var/lib/app/client.cnf" <<EOF',
        "[client]",
        'password="${DB_PASSWORD}"',
        "EOF",
        "cat <<EOF",
        "password=shownonly",
        "EOF",
        "mysql -uroot <<EOSQL",
        "SET password=healthcheckpass;",
        "EOSQL",
    )
    assert in_script(CRED, *lines) == []


# -- J: MongoDB's options that accept any certificate, also as an environment lookup's default -----------------------

TLS_OFF = "preflight.tls_verification_disabled"


def test_j_mongodb_invalid_certificates_allowed_by_default_is_reported() -> None:
    source = _js(
        "export default {",
        "  connectionOptions: {",
        "    tls: getBoolean(process.env.APP_MONGODB_TLS, false),",
        "    tlsAllowInvalidCertificates: getBoolean(process.env.APP_MONGODB_TLS_ALLOW_CERTS, true),",
        "  },",
        "};",
    )
    assert codes_at({"config.default.js": source}, TLS_OFF) == [4]
    assert codes_at({"config/mongo.yml": "tlsAllowInvalidHostnames: true\n"}, TLS_OFF) == [1]


def test_j_certificate_checks_left_on_stay_quiet() -> None:
    source = _js(
        "export default {",
        "  tlsAllowInvalidCertificates: getBoolean(process.env.APP_MONGODB_TLS_ALLOW_CERTS, false),",
        "  tlsAllowInvalidHostnames: false,",
        "};",
    )
    assert codes_at({"config.default.js": source}, TLS_OFF) == []
