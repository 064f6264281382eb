"""Classes of mistakes the fourteenth hold-out set found (tests/preflight/holdout14: configuration a package ships,
sixth round), each as its minimal construct next to a near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at, findings, in_script

# -- A: a shipped Redis/Valkey config that answers clients beyond the host with no password ----------------------

_AUTH = "preflight.authentication_disabled"


def test_a_protected_mode_off_with_no_password_is_reported() -> None:
    sentinel = "# Example sentinel.conf\nprotected-mode no\nport 26379\nsentinel monitor mymaster 127.0.0.1 6379 2\n"
    assert findings({"etc/valkey/sentinel.conf": sentinel}) == [(_AUTH, 2)]
    server = "bind 0.0.0.0\nprotected-mode NO\nport 6379\nappendonly yes\n"
    assert findings({"docker/redis/redis.conf": server}) == [(_AUTH, 2)]


def test_a_a_sentinel_is_exposed_by_default_and_an_explicit_bind_by_itself() -> None:
    # sentinel.c switches protected mode off for Sentinel; it listens on every interface unless bound
    sentinel = "port 26379\ndir /tmp\nsentinel monitor mymaster 10.0.0.5 6379 2\n"
    assert codes_at({"conf/sentinel.conf": sentinel}, _AUTH) == [1]
    # an explicit bind beyond loopback: Redis before 7.0 skips protected mode's refusal then
    bound = "bind 0.0.0.0 ::\nport 6379\n"
    assert codes_at({"config/redis.conf": bound}, _AUTH) == [1]


def test_a_a_password_loopback_a_closed_port_or_the_default_protected_mode_are_not() -> None:
    for conf in (
        "requirepass CHANGEME-PASSWORD\nbind 0.0.0.0\nprotected-mode no\n",  # a password (reported as a credential)
        "bind 127.0.0.1 -::1\nprotected-mode no\nport 6379\n",  # loopback only
        "port 0\nunixsocket /run/redis/redis.sock\nprotected-mode no\n",  # no TCP listener
        "#bind 127.0.0.1\nport 6379\nsave 900 1\n",  # protected mode (default on) refuses remote clients
        "user default on >s3cr3t-Passw0rd ~* +@all\nbind 0.0.0.0\nprotected-mode no\n",  # an ACL password
        "include /etc/redis/local.conf\nbind 0.0.0.0\nprotected-mode no\n",  # the password may be in there
        "# protected-mode no\n# bind 0.0.0.0\nport 6379\n",  # commented out
    ):
        assert codes_at({"etc/redis/redis.conf": conf}, _AUTH) == [], conf
    # a file named like a Sentinel config that is not Redis's (Dash's sentinel: key=value settings)
    assert findings({"sentinel.conf": "network=mainnet\ndb_name=database/sentinel.db\n"}) == []
    # the same directives in a file not named for Redis are not read as a Redis config
    assert codes_at({"etc/app/cache.conf": "protected-mode no\nport 6379\n"}, _AUTH) == []


def test_a_an_empty_requirepass_or_a_nopass_default_user_is_no_password() -> None:
    empty = 'requirepass ""\nbind 0.0.0.0\nprotected-mode no\n'
    assert codes_at({"redis.conf": empty}, _AUTH) == [3]
    nopass = "user default on nopass ~* +@all\nprotected-mode no\n"
    assert codes_at({"valkey.conf": nopass}, _AUTH) == [2]


# -- B: an image a service's ExecStartPre= pulls is implicit egress ----------------------------------------------

_EGRESS = "preflight.implicit_egress"


def test_b_a_unit_that_pulls_its_image_at_every_start() -> None:
    unit = (
        "[Service]\nType=oneshot\nExecStartPre=/usr/bin/docker pull consul:1.1.0\n"
        "ExecStartPre=-/usr/bin/docker rm -f cilium-consul\n"
        "ExecStartPre=/usr/bin/docker create --name cilium-consul -p 8500:8500 \\\n consul:1.1.0 agent -server\n"
        "ExecStart=/usr/bin/docker start cilium-consul\n"
    )
    assert findings({"contrib/systemd/cilium-consul.service": unit}) == [(_EGRESS, 3)]
    quay = "[Service]\nExecStartPre=-/usr/bin/podman pull quay.io/coreos/etcd:v3.1.0\nExecStart=/usr/bin/etcd\n"
    assert codes_at({"lib/systemd/system/etcd.service": quay}, _EGRESS) == [2]


def test_b_a_run_after_a_pull_names_its_image_past_the_options_values() -> None:
    # the run of the image pulled above fetches nothing more, though its options take values that look like images
    run = "docker pull nginx:1.27", "docker run -d --name web -v /srv/www:/usr/share/nginx/html nginx:1.27"
    assert in_script(_EGRESS, *run) == [3]


def test_b_a_unit_that_starts_an_existing_container_or_a_local_image_is_not() -> None:
    for unit in (
        "[Service]\nExecStart=/usr/bin/docker start -a web\nExecStop=/usr/bin/docker stop web\n",
        "[Service]\nExecStart=/usr/bin/docker run --rm --pull=never --name web web:local\n",
        "[Service]\nExecStartPre=/usr/bin/docker pull localhost:5000/web:1\nExecStart=/usr/bin/docker start web\n",
        "[Service]\nExecStartPre=/usr/bin/vector validate\nExecStart=/usr/bin/vector\n",
    ):
        assert codes_at({"lib/systemd/system/web.service": unit}, _EGRESS) == [], unit


# -- C: a service that applies its own migrations at start -------------------------------------------------------

_HIDDEN = "preflight.hidden_migration"


def test_c_a_setting_that_migrates_at_every_start() -> None:
    env = (
        "DJANGO_DB_HOST=db\nDJANGO_PERFORM_MIGRATIONS=True # Perform any new database migrations on startup\n"
        "RUN_MIGRATIONS=1\n"
    )
    assert codes_at({"config/prod.env": env}, _HIDDEN) == [2, 3]
    compose = "services:\n  app:\n    image: vendor/app:2\n    environment:\n      MIGRATE_ON_STARTUP: 'true'\n"
    assert codes_at({"docker-compose.yml": compose}, _HIDDEN) == [5]
    unit = "[Service]\nEnvironment=RUN_MIGRATIONS=1 LISTEN_ADDR=127.0.0.1:8080\nExecStart=/usr/bin/miniflux\n"
    assert codes_at({"lib/systemd/system/miniflux.service": unit}, _HIDDEN) == [2]


def test_c_a_migration_cli_in_a_units_exec_start_pre() -> None:
    unit = (
        "[Service]\nUser=miniflux\nExecStartPre=/usr/bin/miniflux -migrate\nExecStart=/usr/bin/miniflux\n"
    )
    assert codes_at({"lib/systemd/system/miniflux.service": unit}, _HIDDEN) == [3]
    django = "[Service]\nExecStartPre=/opt/app/venv/bin/python /opt/app/manage.py migrate --noinput\nExecStart=/a\n"
    assert codes_at({"lib/systemd/system/app.service": django}, _HIDDEN) == [2]


def test_c_switched_off_negated_or_descriptive_settings_and_other_commands_are_not() -> None:
    env = (
        "RUN_MIGRATIONS=0\nAUTO_MIGRATE=false\nSKIP_MIGRATIONS=true\nDISABLE_AUTO_MIGRATE=1\n"
        "RUN_MIGRATIONS_DIR=/srv/migrations\nDB_MIGRATION_LOCK_TIMEOUT=1\n# RUN_MIGRATIONS=1\n"
        "PERFORM_MIGRATIONS=${PERFORM_MIGRATIONS}\n"
    )
    assert codes_at({".env": env}, _HIDDEN) == []
    unit = "[Service]\nExecStartPre=/usr/bin/vector validate\nExecStart=/usr/bin/vector\n"
    assert codes_at({"lib/systemd/system/vector.service": unit}, _HIDDEN) == []
    # a setting in a shell script is the script's own variable, not the service's configuration
    assert in_script(_HIDDEN, "RUN_MIGRATIONS=1", 'echo "$RUN_MIGRATIONS"') == []


# -- F: a ``$`` that starts no reference is a character of a literal secret ----------------------------------------

_CRED = "preflight.hardcoded_credential"


def test_f_a_dollar_sign_inside_a_literal_key_is_part_of_it() -> None:
    env = (
        "SECRET_KEY=wger-docker-supersecret-key-1234567890!@#$%^&*(-_)\n"
        "SIGNING_KEY=wger-docker-secret-jwtkey-1234567890!@#$%^&*(-_=+)\nDB_PASSWORD=pa$%word-42\n"
    )
    assert codes_at({"config/prod.env": env}, _CRED) == [1, 2, 3]


def test_f_references_through_a_dollar_sign_are_still_not_secrets() -> None:
    env = (
        "SECRET_KEY=$SECRET_KEY\nDB_PASSWORD=${DB_PASSWORD}\nAPI_TOKEN=$(cat /run/secrets/token)\n"
        "ADMIN_PASSWORD=$1\nJWT_SECRET=prefix-$HOSTNAME-suffix\n"
    )
    assert codes_at({"config/prod.env": env}, _CRED) == []


# -- D: an instruction written where the secret goes is a placeholder -------------------------------------------


def test_d_set_this_to_some_random_text_and_generateme_are_instructions() -> None:
    compose = (
        "services:\n  watchtower:\n    environment:\n      - WATCHTOWER_HTTP_API_TOKEN=SET_THIS_TO_SOME_RANDOM_TEXT\n"
    )
    assert codes_at({"install/docker/docker-compose.yml": compose}, _CRED) == []
    vault = (
        "vault_wordpress_sites:\n  example.org:\n    env:\n      auth_key: \"generateme\"\n"
        "      secure_auth_key: \"generateme\"\n      nonce_salt: generate-a-random-salt\n"
        "      api_token: change-this-token\n"
    )
    assert codes_at({"group_vars/production/vault.yml": vault}, _CRED) == []


def test_d_conventional_defaults_and_generated_looking_secrets_are_still_credentials() -> None:
    env = (
        "ADMIN_PASSWORD=changeme\nREDIS_PASSWORD=CHANGEME-PASSWORD\nAPI_TOKEN=generated-3f9a1c7e5b2d48a6\n"
        "DB_PASSWORD=settings123\n"
    )
    assert codes_at({".env": env}, _CRED) == [1, 2, 3, 4]


# -- near-miss of the set's kinds: Ansible vault values are ciphertext, a plain vars file is not -------------------


def test_vault_encrypted_values_and_files_are_not_credentials_but_plain_vars_are() -> None:
    inline = (
        "---\nmysql_root_password: !vault |\n          $ANSIBLE_VAULT;1.1;AES256\n"
        "          62313365396662343061393464336163383764373764613633653634306231386433626436623361\n"
        "          6131646162393337613336336566326434383433643732630a373639396363353337626562343837\n"
        'db_password: "{{ vault_db_password }}"\n'
    )
    assert findings({"roles/app/defaults/main.yml": inline}) == []
    hexline = "3863313039626134386633353162646466663461376333350a613566623535623163653464336166\n"
    whole = "$ANSIBLE_VAULT;1.1;AES256\n" + hexline * 3
    assert findings({"group_vars/all/vault.yml": whole}) == []
    assert codes_at({"group_vars/production/vault.yml": "vault_mysql_root_password: productionpw\n"}, _CRED) == [1]
