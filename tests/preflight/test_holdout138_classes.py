"""Classes of mistakes the hundred-and-thirty-eighth hold-out set found (tests/preflight/holdout138: shell installers,
update and upgrade scripts), each as its minimal construct next to a near-miss that must stay quiet or keep being
reported."""

from __future__ import annotations

from preflight_kit import in_script

PRIVILEGE = "preflight.implicit_privilege"

# -- A: chattr's immutable and append-only attributes need root, whoever owns the file -------------------------------


def test_a_chattr_immutable_is_root_only() -> None:
    assert in_script(PRIVILEGE, "chattr -i /etc/zivpn/api_auth.key") == [3]
    assert in_script(PRIVILEGE, 'chattr +i "$HOME/.config/app/key"') == [3]
    assert in_script(PRIVILEGE, "chattr -R =ai logs/") == [3]


def test_a_near_misses_other_attributes_and_listing() -> None:
    # compression and extent attributes are the owner's to change; lsattr only reads; -R/-V/-f are options
    assert in_script(PRIVILEGE, 'chattr +c "$HOME/data"') == []
    assert in_script(PRIVILEGE, "chattr -R -V +d build/") == []
    assert in_script(PRIVILEGE, "lsattr -a /srv/app") == []


# -- B: a DNS lookup given its name server contacts that server, not the name it asks about ---------------------------

ENDPOINT = "preflight.external_endpoint"


def test_b_lookup_with_a_server_contacts_the_server() -> None:
    # the local resolver answers; the name is the question
    assert in_script(ENDPOINT, "dig pi-hole.net @127.0.0.1 -p 5335") == []
    assert in_script(ENDPOINT, "host example.org 127.0.0.1") == []
    # a public server named is the contact
    assert in_script(ENDPOINT, "dig @resolver.example.net example.org") == [3]
    assert in_script(ENDPOINT, "nslookup example.org dns.example.net") == [3]


def test_b_near_miss_a_lookup_through_the_system_resolver_names_the_host() -> None:
    assert in_script(ENDPOINT, "dig pi-hole.net") == [3]
    assert in_script(ENDPOINT, "nslookup github.com") == [3]


# -- C: a global install of a named package does not build the checkout it is run in ---------------------------------

UNVERIFIED = "preflight.unverified_download_exec"


def test_c_global_install_of_a_named_package_is_not_the_checkout() -> None:
    # the pulled checkout is built by the project's own ``npm install``, not by the global npm update before it
    assert in_script(UNVERIFIED, "git pull", "npm install -g npm@latest", "npm install", "npm run build") == [5]
    assert in_script(UNVERIFIED, "git pull", "pnpm add -g pm2") == []


def test_c_near_miss_a_bare_global_install_installs_the_checkout() -> None:
    # with no package named, ``npm install -g`` installs the working directory's project (its scripts run)
    assert in_script(UNVERIFIED, "git pull", "npm install -g") == [4]
    assert in_script(UNVERIFIED, "git pull", "npm install pm2") == [4]


# -- D: a copy into a pulled tree reads its source, not the tree it writes into -------------------------------------


def test_d_copy_into_the_pulled_tree_is_not_an_install_of_it() -> None:
    # the saved .env put back into the checkout is the script's own file; the checkout's npm ci is what runs it
    pulled = ['cd "$APP_DIR"', "git pull origin main", 'cp /tmp/saved.env "$APP_DIR/app/.env"', 'cd "$APP_DIR/app"']
    assert in_script(UNVERIFIED, *pulled, "npm ci --omit=dev") == [7]


def test_d_near_miss_a_copy_out_of_the_pulled_tree_still_installs_it() -> None:
    # the checkout's helper copied into /usr/local/bin is still its file put in place
    pulled = ['cd "$APP_DIR"', "git pull origin main"]
    assert in_script(UNVERIFIED, *pulled, 'cp "$APP_DIR/helpers/start.sh" /usr/local/bin/mc-start') == [5]
    # with -t, every operand is a source
    assert in_script(UNVERIFIED, *pulled, 'cp -t /usr/local/bin "$APP_DIR/helpers/start.sh"') == [5]


# -- E: a quoted heredoc written into a compose file keeps ${NAME:-default}, which compose fills in ------------------

DEFAULT = "preflight.default_credential"
COMPOSE_BODY = ["services:", "  db:", "    environment:", "      POSTGRES_PASSWORD: ${DB_PASSWORD:-guacamole_pass123}"]


def test_e_quoted_heredoc_into_a_compose_file_has_its_default_read() -> None:
    assert in_script(DEFAULT, "cat > docker-compose.yml << 'EOF'", *COMPOSE_BODY, "EOF") == [7]
    # an .env file's reader varies (Laravel's phpdotenv has no ``:-``): a quoted body into it is written as is
    # (holdout93's near-miss, which this rule first contradicted at the merge)
    assert in_script(DEFAULT, "cat > .env <<'EOF'", "ADMIN_PASSWORD=${ADMIN_PASSWORD:-admin123}", "EOF") == []


def test_e_near_misses_a_quoted_heredoc_into_another_file() -> None:
    # a script written with a quoted marker keeps the text for the script's own run, where the caller sets it;
    # a non-secret default stays quiet in a compose file
    assert in_script(DEFAULT, "cat > start.sh << 'EOF'", 'echo "${DB_PASSWORD:-guacamole_pass123}"', "EOF") == []
    image = ["services:", "  app:", "    image: ${IMAGE:-app:1}"]
    assert in_script(DEFAULT, "cat > compose.yml << 'EOF'", *image, "EOF") == []


# -- F: a compose file written by a heredoc is read as compose: its grants to containers ------------------------------

HOST = "preflight.container_host_access"
SOCKET_BODY = [
    "services:",
    "  ttyd:",
    "    image: tsl0922/ttyd",
    "    volumes:",
    "      - /var/run/docker.sock:/var/run/docker.sock:ro",
]


def test_f_heredoc_written_compose_file_grants_are_read() -> None:
    assert in_script(HOST, "cat > docker-compose.yml << 'EOF'", *SOCKET_BODY, "EOF") == [8]
    assert in_script(HOST, 'tee "$DIR/compose.yaml" >/dev/null <<EOF', *SOCKET_BODY, "EOF") == [8]


def test_f_near_misses_a_heredoc_printed_or_written_elsewhere() -> None:
    assert in_script(HOST, "cat << 'EOF'", *SOCKET_BODY, "EOF") == []
    assert in_script(HOST, "cat > notes.txt << 'EOF'", *SOCKET_BODY, "EOF") == []
    # a named volume is no host path
    assert in_script(HOST, "cat > docker-compose.yml << 'EOF'", *SOCKET_BODY[:4], "      - data:/data", "EOF") == []


# -- G: a fetched file on the standard input of a database client or a shell is run by it --------------------------

SQL_URL = "https://raw.githubusercontent.com/owner/app/main/init-db/01-init.sql"


def test_g_fetched_sql_fed_to_a_client_in_a_container_is_run() -> None:
    fetch = f"curl -sSL {SQL_URL} -o init.sql"
    assert in_script(UNVERIFIED, fetch, "docker exec -i app_db mariadb -u root app < init.sql") == [4]
    assert in_script(UNVERIFIED, fetch, 'docker exec -i db sh -c "psql -U app -d app" < init.sql') == [4]
    assert in_script(UNVERIFIED, "curl -fsSL https://get.example.com/x.sh -o x.sh", "bash < x.sh") == [4]


def test_g_near_misses_another_program_reads_it_or_the_file_is_the_script_s_own() -> None:
    fetch = f"curl -sSL {SQL_URL} -o init.sql"
    # wc and grep read the file without running it; a file the package ships is not fetched
    assert in_script(UNVERIFIED, fetch, "wc -l < init.sql") == []
    assert in_script(UNVERIFIED, fetch, "docker exec -i app_db mariadb -u root app < schema/shipped.sql") == []


# -- H: a generated secret whose command substitution falls back to an echoed literal ---------------------------------


def test_h_generated_secret_with_a_literal_fallback() -> None:
    assert in_script(DEFAULT, 'DB_PASS=$(openssl rand -base64 24 2>/dev/null || echo "dashboard_pass123")') == [3]
    assert in_script(DEFAULT, "ROOT_PASSWORD=$(pwgen -s 32 1 || printf root_pass123)") == [3]


def test_h_near_misses_no_fallback_a_placeholder_or_not_a_secret() -> None:
    assert in_script(DEFAULT, "DB_PASS=$(openssl rand -base64 24)") == []
    # a value with a name that is not a secret's is no credential
    assert in_script(DEFAULT, 'HTTP_PORT=$(find_port 9080 || echo "9080")') == []
    # a fallback that is itself generated at run time is no literal
    assert in_script(DEFAULT, 'DB_PASS=$(openssl rand -hex 16 || echo "$RANDOM$RANDOM")') == []


# -- I: a path through a known variable names its own file, not any fetched file of the same base name ---------------

CHECKED_AGENT = [
    'INSTALL_DIR="/usr/local/bin"',
    'curl -sSL -o /tmp/dc-agent "https://github.com/o/r/releases/download/v1/dc-agent-linux-amd64"',
    'curl -sSLf -o /tmp/SHA256SUMS "https://github.com/o/r/releases/download/v1/SHA256SUMS"',
    "EXPECTED=$(grep dc-agent-linux-amd64 /tmp/SHA256SUMS | cut -d' ' -f1)",
    "ACTUAL=$(sha256sum /tmp/dc-agent | cut -d' ' -f1)",
    'if [ "$EXPECTED" != "$ACTUAL" ]; then exit 1; fi',
]


def test_i_backup_of_the_installed_binary_is_not_the_download() -> None:
    # the copy is of the binary installed before; the checked download replaces it after; the rollback restores it
    backup = 'cp "${INSTALL_DIR}/dc-agent" "${INSTALL_DIR}/dc-agent.previous"'
    install = 'mv /tmp/dc-agent "${INSTALL_DIR}/dc-agent"'
    rollback = 'mv "${INSTALL_DIR}/dc-agent.previous" "${INSTALL_DIR}/dc-agent"'
    assert in_script(UNVERIFIED, *CHECKED_AGENT, backup, install, rollback) == []


def test_i_near_miss_an_unchecked_download_moved_through_a_variable_is_still_reported() -> None:
    fetch = 'curl -sSL -o "$TMP/dc-agent" "https://github.com/o/r/releases/download/v1/dc-agent-linux-amd64"'
    assert in_script(UNVERIFIED, "TMP=$(mktemp -d)", fetch, 'mv "$TMP/dc-agent" /usr/local/bin/dc-agent') == [5]


# -- J: a literal password in the shell string a container engine runs -----------------------------------------------

HARDCODED = "preflight.hardcoded_credential"


def test_j_password_in_a_container_shell_string() -> None:
    psql = '"PGPASSWORD=guacamole_pass123 psql -U guacamole_user -d guacamole_db"'
    assert in_script(HARDCODED, f"docker exec -i appliance_guacamole_db sh -c {psql} < schema.sql") == [3]
    assert in_script(HARDCODED, "docker compose exec -T db bash -c 'mysql -uroot -pS3cr3tRoot app < /tmp/x.sql'") == [3]


def test_j_near_misses_a_reference_or_an_expanded_string() -> None:
    # the password comes from the environment; a string the shell expands is not read again
    assert in_script(HARDCODED, 'docker exec -i db sh -c "PGPASSWORD=\\$DB_PASS psql -U app"') == []
    assert in_script(HARDCODED, 'docker exec -i db sh -c "PGPASSWORD=$DB_PASS psql -U app"') == []
    assert in_script(HARDCODED, 'docker exec -i db sh -c "psql -U app -d app"') == []
