"""Classes the two-hundred-and-twentieth hold-out set showed (tests/preflight/holdout220: shell installers and
updaters of self-hosted products), each as its minimal construct next to near-misses that must stay quiet."""

from __future__ import annotations

from preflight_kit import in_script

from shipgate.preflight.privilege import sudo_account
from shipgate.preflight.shell.unwrap import value_option

PIPE = "preflight.pipe_to_shell"
ENDPOINT = "preflight.external_endpoint"
EGRESS = "preflight.implicit_egress"
CREDENTIAL = "preflight.hardcoded_credential"
PRIVILEGE = "preflight.implicit_privilege"
SUDO = "preflight.sudo_unavailable"

_ROOT_CHECK = ('if [ "$(id -u)" -ne 0 ]; then', "  exit 1", "fi")

# -- A: sudo's clustered short options, ``sudo -iu ACCOUNT cmd``: the command after the account is what runs ----------


def test_a_sudo_iu_runs_the_command_after_the_account() -> None:
    pipe = "sudo -iu web bash -c 'curl -o- https://raw.githubusercontent.com/nvm-sh/nvm/v0.40.2/install.sh | bash'"
    assert in_script(PIPE, *_ROOT_CHECK, pipe) == [6]
    assert in_script(ENDPOINT, *_ROOT_CHECK, pipe) == [6]
    psql = "sudo -iu postgres psql -c \"ALTER USER postgres WITH PASSWORD 'postgres1';\""
    assert in_script(CREDENTIAL, *_ROOT_CHECK, psql) == [6]
    assert in_script(EGRESS, *_ROOT_CHECK, "sudo -Hu web pip install requests") == [6]


def test_a_a_cluster_whose_value_letter_is_not_last_takes_nothing_more() -> None:
    # ``-uweb``: the account is attached; ``-Ei``: no letter takes a value, pip is the command
    assert in_script(EGRESS, *_ROOT_CHECK, "sudo -uweb pip install requests") == [6]
    assert in_script(EGRESS, *_ROOT_CHECK, "sudo -Ei pip install requests") == [6]


def test_a_the_account_is_not_the_command() -> None:
    # the account (``pip``, were it read as the command) is only a name: nothing runs pip here
    assert in_script(EGRESS, *_ROOT_CHECK, "sudo -iu pip whoami") == []


def test_a_sudo_account_reads_the_clustered_option() -> None:
    assert sudo_account("sudo -iu webmaster nvm install 22") == "webmaster"
    assert sudo_account("sudo -i nvm install 22") == "root"
    assert sudo_account("sudo -uwebmaster true") == "webmaster"
    assert sudo_account("sudo --user=webmaster true") == "webmaster"
    assert sudo_account("sudo -g adm --chdir /srv -u webmaster true") == "webmaster"
    assert sudo_account("sudo -pu true") == "root"  # ``u`` is -p's prompt, not an account option


def test_a_one_reading_of_sudo_options_for_the_account_and_the_command() -> None:
    assert value_option("sudo", "-iu") == ("-u", None)
    assert value_option("sudo", "-uwww") == ("-u", "www")
    assert value_option("sudo", "--user=www") == ("--user", "www")
    assert value_option("sudo", "-E") is None
    assert value_option("sudo", "--preserve-env=PATH") is None


# -- B: certbot with no subcommand runs ``run`` (obtain and install), which writes /etc/letsencrypt --------------------


def test_b_certbot_with_a_plugin_and_domains_is_root_only() -> None:
    line = "certbot --nginx -d example.org --non-interactive --agree-tos -m admin@example.org"
    assert in_script(PRIVILEGE, line) == [3]
    assert in_script(PRIVILEGE, "certbot --standalone -d example.org") == [3]


def test_b_certbot_informational_calls_stay_quiet() -> None:
    assert in_script(PRIVILEGE, "certbot --version") == []
    assert in_script(PRIVILEGE, "certbot certificates -d example.org") == []
    assert in_script(PRIVILEGE, "certbot --nginx -d example.org --config-dir ~/.le") == []


def test_b_certbot_under_a_root_check_is_not_implicit() -> None:
    assert in_script(PRIVILEGE, *_ROOT_CHECK, "certbot --nginx -d example.org") == []
