"""Classes of mistakes the hold-out set found (tests/preflight/holdout), each as its minimal construct next to a
near-miss that must stay quiet."""

from __future__ import annotations

import pytest
from preflight_kit import codes_at, in_script, package, run, script


@pytest.mark.parametrize(
    ("risky", "quiet"),
    [
        ("brew install fnm", "brew list fnm"),
        ("port install wget", "port installed wget"),
        ("pacman -Syu --noconfirm", "pacman -Ss fnm"),
        ("pkg install -y curl", "pkg info curl"),
    ],
)
def test_package_managers_reach_the_network(risky: str, quiet: str) -> None:
    assert in_script("preflight.implicit_egress", risky) == [3]
    assert in_script("preflight.implicit_egress", quiet) == []


@pytest.mark.parametrize(
    "target",
    ["$HOME/.config/fish/conf.d/dten.fish", "~/.config/fish/config.fish", "/etc/fish/conf.d/dten.fish"],
)
def test_fish_startup_files_are_profiles(target: str) -> None:
    assert in_script("preflight.persistence", f"echo 'set -gx PATH $PATH' >> {target}") == [3]
    # functions/ is autoloaded on a call, not read at every start
    quiet = f"echo 'function dten; end' >> {target.replace('conf.d', 'functions').replace('config.fish', 'x')}"
    assert in_script("preflight.persistence", quiet) == []


ADD_COLUMN = "-- see https://docs.example.org/schema\nALTER TABLE users ADD COLUMN note text DEFAULT now();\n"


@pytest.mark.parametrize("name", ["delta/05_note.sql.postgres", "delta/05_note.postgres.sql", "delta/05_note.sql"])
def test_dialect_named_sql_is_postgresql(name: str) -> None:
    found = run(package({name: ADD_COLUMN}))
    assert [(f.code, f.evidence.get("line")) for f in found if f.code == "preflight.migration_unlocked"] == [
        ("preflight.migration_unlocked", 2)
    ]
    # the URL in the -- comment is not an endpoint, and the file is not read as configuration
    assert not [f for f in found if f.code == "preflight.external_endpoint"]


def test_dialect_named_sqlite_is_unchecked() -> None:
    found = run(package({"delta/05_note.sql.sqlite": ADD_COLUMN}))
    unchecked = [f for f in found if f.code == "preflight.migration_unchecked"]
    assert [f.evidence.get("dialect") for f in unchecked] == ["sqlite"]
    assert not [f for f in found if f.code == "preflight.migration_unlocked"]
    # a name that only contains "sql" is still configuration
    assert not [f for f in run(package({"conf/mysql.cnf": ADD_COLUMN})) if f.code.startswith("preflight.migration")]


@pytest.mark.parametrize(
    ("risky", "quiet"),
    [
        ("S3_ENDPOINT=files.vendor-cloud.com", "S3_ALIAS_HOST=files.vendor-cloud.com"),
        ("SMTP_SERVER=mail.vendor-cloud.com", "CDN_HOST=https://cdn.vendor-cloud.com"),
        # RFC 6761 §6.2, §6.4, §6.5: applications do not treat .example/.test/.invalid names specially
        ("ES_HOST=search.example.com", "ES_HOST=search.dten.localhost"),
        ("MIRROR_URL=https://mirror.example/x", "MIRROR_URL=https://mirror.dten.internal/x"),
        ("REMOTE=git.dten.test", "REMOTE=git.dten.local"),
        ("SMTP_HOST=smtp.dten.invalid", "SMTP_HOST=smtp.home.arpa"),
    ],
)
def test_public_names_and_special_use_names(risky: str, quiet: str) -> None:
    assert codes_at({"etc/dten.env": risky + "\n"}, "preflight.external_endpoint") == [1]
    assert codes_at({"etc/dten.env": quiet + "\n"}, "preflight.external_endpoint") == []


@pytest.mark.parametrize(
    ("risky", "quiet"),
    [
        ("ES_PASS=s3cretvalue", "ES_PASS="),
        ("DB_PASSWORD=password", "DB_PASSWORD=your-password-here"),
        ("ES_PASS=password", "ES_PASS=<password>"),
        ("REDIS_PWD=hunter2x", "REDIS_PWD=${REDIS_PWD}"),
        ("DB_PASSWORD=changeme", "PASS_MIN_DAYS=7"),
    ],
)
def test_password_names_and_weak_passwords_are_credentials(risky: str, quiet: str) -> None:
    for name, text in (("etc/dten.env", f"{risky}\n"), ("scripts/upgrade.sh", script(risky))):
        line = 1 if name.endswith(".env") else 3
        assert codes_at({name: text}, "preflight.hardcoded_credential") == [line], name
    assert codes_at({"etc/dten.env": f"{quiet}\n"}, "preflight.hardcoded_credential") == []


@pytest.mark.parametrize(
    ("risky", "quiet"),
    [
        (
            ["docker compose run --rm web python manage.py migrate"],
            ["docker compose run --rm web python manage.py check"],
        ),
        (["docker-compose exec -T app php artisan migrate --force"], ["docker-compose exec -T app php artisan list"]),
        (["docker run --rm -e A=1 dten/cli alembic upgrade head"], ["docker run --rm dten/cli alembic history"]),
        (['dcr="docker compose run --rm"', "$dcr web sentry upgrade --noinput"], ["docker compose up -d web"]),
        (["kubectl exec -it dten-0 -- rails db:migrate"], ["kubectl exec -it dten-0 -- rails routes"]),
    ],
)
def test_migration_clis_in_containers_are_hidden_migrations(risky: list[str], quiet: list[str]) -> None:
    assert in_script("preflight.hidden_migration", *risky) == [2 + len(risky)]
    assert in_script("preflight.hidden_migration", *quiet) == []


CLONE = "git clone --depth 1 https://git.vendor-cloud.com/dten/dten.git /opt/dten-src"


@pytest.mark.parametrize(
    ("risky", "quiet"),
    [
        ([CLONE, "/opt/dten-src/bin/dten init"], [CLONE, "ls /opt/dten-src/bin"]),
        (
            [CLONE, "bash /opt/dten-src/install.sh"],
            [CLONE, "git -C /opt/dten-src verify-tag v7.4.0", "bash /opt/dten-src/install.sh"],
        ),
        (
            [CLONE, "make -C /opt/dten-src install"],
            [CLONE, "git -C /opt/dten-src checkout " + "a" * 40, "make -C /opt/dten-src install"],
        ),
        (
            ["git clone https://git.vendor-cloud.com/dten/tools.git", "./tools/setup"],
            ["git clone https://git.vendor-cloud.com/dten/tools.git", "./other/setup"],
        ),
        (
            [
                'get() { git clone "$1" "$2"; }',
                'get https://git.vendor-cloud.com/dten/dten.git "$HOME/.dten"',
                '"$HOME/.dten/bin/dten" init',
            ],
            [
                'get() { git clone "$1" "$2"; }',
                'get https://git.vendor-cloud.com/dten/dten.git "$HOME/.dten"',
                '"$HOME/.other/bin/dten" init',
            ],
        ),
    ],
)
def test_running_a_fresh_clone_is_unverified(risky: list[str], quiet: list[str]) -> None:
    assert in_script("preflight.unverified_download_exec", *risky) == [2 + len(risky)]
    assert in_script("preflight.unverified_download_exec", *quiet) == []


def test_a_literal_default_overridden_by_an_option_is_still_a_value() -> None:
    parse = ['BASE_URL="https://get.vendor-cloud.com/dten"', 'case "$1" in -B) BASE_URL="$2";; esac']
    assert in_script("preflight.external_endpoint", *parse, 'curl -fsSL "$BASE_URL/x.tgz" -o /tmp/x.tgz') == [5]
    # a command's output replaces the literal: the URL is not known
    replaced = ['BASE_URL="https://get.vendor-cloud.com/dten"', 'BASE_URL="$(cat /etc/dten/mirror)"']
    assert in_script("preflight.external_endpoint", *replaced, 'curl -fsSL "$BASE_URL/x.tgz" -o /tmp/x.tgz') == []


def test_a_bin_dir_default_overridden_by_an_option_is_still_a_bin_dir() -> None:
    parse = ["BIN_DIR=/usr/local/bin", 'case "$1" in -b) BIN_DIR="$2";; esac']
    fetch = 'curl -fsSL -o "$BIN_DIR/dten" https://get.vendor-cloud.com/dten'
    assert in_script("preflight.unverified_download_exec", *parse, fetch) == [5]
    assert in_script("preflight.unverified_download_exec", *parse, fetch.replace('/dten"', '/dten.sha256"')) == []


def test_a_default_read_by_a_function_defined_above_it_is_still_a_value() -> None:
    lines = [
        'get() { curl -fsSL -o "$BIN_DIR/dten" https://get.vendor-cloud.com/dten; }',
        "BIN_DIR=/usr/local/bin",
        'case "$1" in -b) BIN_DIR="$2";; esac',
        "get",
    ]
    assert in_script("preflight.unverified_download_exec", *lines) == [3]
    lines[1] = "BIN_DIR=/usr/local/share/dten"
    assert in_script("preflight.unverified_download_exec", *lines) == []


@pytest.mark.parametrize(
    ("risky", "quiet"),
    [
        ("tar xzf${VERBOSE} - -C /usr/local/bin", "tar tzf${VERBOSE} - -C /usr/local/bin"),
        ('sudo tar -xzf"$V" - -C /usr/local/bin', 'sudo tar -tzf"$V" - -C /usr/local/bin'),
    ],
)
def test_a_tar_cluster_with_a_variable_is_read_by_its_letters(risky: str, quiet: str) -> None:
    fetch = "curl -fsSL https://get.vendor-cloud.com/dten.tgz | "
    assert in_script("preflight.unverified_download_exec", fetch + risky) == [3]
    assert in_script("preflight.unverified_download_exec", fetch + quiet) == []
