"""Secrets printed without an echo: a heredoc ``cat`` prints, and a file the script wrote a secret into, printed
whole (python/shipgate/preflight/printed_files.py). Each construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import in_script

PRINTED = "preflight.secret_printed"


def test_a_heredoc_printed_by_cat_prints_the_secret_it_expands_on_its_line() -> None:
    lines = ('ADMIN_PASSWORD="$(openssl rand -hex 12)"', "cat <<EOF", "Log in as admin:", "  ${ADMIN_PASSWORD}", "EOF")
    assert in_script(PRINTED, *lines) == [6]
    lines = ("cat <<EOF", "price: \\$5", "token: $API_TOKEN", "EOF")
    assert in_script(PRINTED, *lines) == [5]


def test_a_near_miss_a_quoted_heredoc_or_one_written_piped_or_captured_prints_nothing() -> None:
    assert in_script(PRINTED, "cat <<'EOF'", "password: $ADMIN_PASSWORD", "EOF") == []
    assert in_script(PRINTED, "cat <<EOF > /etc/app/app.env", "DB_PASSWORD=${DB_PASSWORD}", "EOF") == []
    assert in_script(PRINTED, "cat <<EOF | mysql -uroot", "SET PASSWORD = '$DB_PASSWORD';", "EOF") == []
    assert in_script(PRINTED, 'body="$(cat <<EOF', "token=$API_TOKEN", 'EOF', ')"') == []
    assert in_script(PRINTED, "cat <<EOF", "Open https://$HOST:$PORT/ to finish", "EOF") == []


def test_a_file_written_with_a_secret_then_printed_whole_prints_it() -> None:
    lines = (
        'cat << EOF > "$ENV_FILE"',
        'database.password="${DB_PASSWORD}"',
        "EOF",
        'echo "token=$API_TOKEN" >> /etc/agent.conf',
        'echo "Using config:"',
        'cat "$ENV_FILE"',
        "cat /etc/agent.conf",
    )
    assert in_script(PRINTED, *lines) == [8, 9]


def test_a_near_miss_a_file_with_no_secret_printed_or_one_read_by_a_program_is_quiet() -> None:
    settings = ('cat << EOF > "$ENV_FILE"', 'app.baseURL="${BASE_URL}"', "EOF", 'cat "$ENV_FILE"')
    assert in_script(PRINTED, *settings) == []
    consumed = (
        'cat << EOF > "$ENV_FILE"',
        'password="${DB_PASSWORD}"',
        "EOF",
        'cat "$ENV_FILE" | docker secret create app_env -',
        'SUM="$(cat "$ENV_FILE" | sha256sum)"',
        'cat "$ENV_FILE" > /dev/null',
    )
    assert in_script(PRINTED, *consumed) == []
    printed_first = ('cat "$ENV_FILE"', 'echo "password=$DB_PASSWORD" > "$ENV_FILE"')
    assert in_script(PRINTED, *printed_first) == []
