"""Classes of mistakes the ninety-third hold-out set found (tests/preflight/holdout93: container entrypoints of
self-hosted products and databases), each as its minimal construct next to a near-miss that must stay quiet (or stay
reported)."""

from __future__ import annotations

from preflight_kit import codes_at, in_script, script


def test_su_with_short_options_run_together_reads_the_shell_as_an_option_value() -> None:
    # Passbolt's entrypoint: ``-ls`` is ``-l`` and ``-s /bin/bash``; the account is www-data, a drop from root
    drop = 'su -c "php bin/cake cache clear" -ls /bin/bash www-data'
    assert in_script("preflight.sudo_unavailable", drop) == []
    # the command's quote closes on a later line (a heredoc inside ``su -c "…"``): the account is read from the options
    heredoc = ['su -c "gpg --batch --gen-key <<EOF', "Key-Type: RSA", 'EOF" -ls /bin/bash www-data']
    assert in_script("preflight.sudo_unavailable", *heredoc) == []
    # near-misses: no account after the shell is root; ``-l`` alone takes no value, so /bin/bash is the account
    assert in_script("preflight.sudo_unavailable", 'su -ls /bin/bash -c "apt-get install -y dten"') == [3]
    assert in_script("preflight.sudo_unavailable", 'su -c "php bin/cake cache clear" -l /bin/bash www-data') == [3]


def test_a_switch_inside_a_quoted_command_substitution_is_read_from_the_substitution() -> None:
    # Invoice Ninja's first-run test, in a script run as root: runuser to www-data drops privileges
    probe = ['if [ "$(runuser -u www-data -- php artisan tinker)" = 1 ]; then', "  echo first", "fi"]
    assert codes_at({"debian/postinst": script(*probe)}, "preflight.sudo_unavailable") == []
    captured = 'fpr="$(su -c "gpg --list-keys | head -1" -ls /bin/bash www-data)"'
    assert in_script("preflight.sudo_unavailable", captured) == []
    # near-misses: su with no account inside the substitution is root; runuser in a script not known to run as root
    assert in_script("preflight.sudo_unavailable", 'fpr="$(su -c "gpg --list-keys | head -1" -ls /bin/bash)"') == [3]
    assert in_script("preflight.sudo_unavailable", *probe) == [3]


def test_a_symbolic_chmod_with_no_who_letters_goes_through_the_umask() -> None:
    # Neo4j's plugin: ``chmod +rw`` keeps others' write bit off under the umask (POSIX chmod)
    assert in_script("preflight.world_writable", "chmod +rw /var/lib/dten/plugins/dten.jar") == []
    assert in_script("preflight.world_writable", "chmod -R +w,+x /var/lib/dten/plugins") == []
    # near-misses: naming others or all, or an octal mode with the write bit for others, stays reported
    assert in_script("preflight.world_writable", "chmod a+rw /var/lib/dten/plugins/dten.jar") == [3]
    assert in_script("preflight.world_writable", "chmod o+w /var/lib/dten/plugins/dten.jar") == [3]
    assert in_script("preflight.world_writable", "chmod 666 /var/lib/dten/plugins/dten.jar") == [3]


def test_a_literal_default_in_an_expanding_heredoc_is_a_default_credential() -> None:
    # BookStack's first start: an unquoted heredoc writes .env, and the shell fills the defaults in
    env = ['cat > .env <<EOF', "APP_DEBUG=${APP_DEBUG:-false}", "DB_PASSWORD=${DB_PASSWORD:-password}", "EOF"]
    assert in_script("preflight.default_credential", *env) == [5]
    key = ["cat > .env <<EOF", "APP_KEY=${APP_KEY:-Base64Dten32}", "EOF"]
    assert in_script("preflight.default_credential", *key) == [4]
    # near-misses: a quoted marker passes the body as written; a default that says unset; no default at all
    quoted = ["cat > .env <<'EOF'", "DB_PASSWORD=${DB_PASSWORD:-password}", "EOF"]
    assert in_script("preflight.default_credential", *quoted) == []
    assert in_script("preflight.default_credential", "cat > .env <<EOF", "S3_SECRET=${S3_SECRET:-null}", "EOF") == []
    assert in_script("preflight.default_credential", "cat > .env <<EOF", "DB_PASSWORD=${DB_PASSWORD}", "EOF") == []


def test_cakephp_console_given_migrate_under_a_plugin_namespace_is_a_hidden_migration() -> None:
    # Passbolt's entrypoint runs it through su -c as www-data at every start
    plugin = "su -c '/usr/share/php/dten/bin/cake dten migrate --no-clear-cache' -s /bin/bash www-data"
    assert in_script("preflight.hidden_migration", plugin) == [3]
    assert in_script("preflight.hidden_migration", "bin/cake migrations migrate") == [3]
    assert in_script("preflight.hidden_migration", "php bin/cake migrations migrate -p Dten") == [3]
    # near-misses: the plugin's status and seed commands, and a cache clear, apply no migration
    assert in_script("preflight.hidden_migration", "bin/cake migrations status") == []
    assert in_script("preflight.hidden_migration", "bin/cake migrations seed") == []
    assert in_script("preflight.hidden_migration", "bin/cake cache clear _cake_model_") == []
