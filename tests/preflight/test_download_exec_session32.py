"""``unverified_download_exec`` classes the hold-out guard's misses showed in session 32 (git checkouts of a branch
whose code later steps of the same file install or run), each as its minimal construct next to near-misses that must
stay quiet: a checkout pinned to a full commit id or a verified tag, a clone never run, a checksum-checked archive."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

DOWNLOAD = "preflight.unverified_download_exec"
_CLONE = "git clone https://github.com/example/app.git /opt/app"
_PIN = "git -C /opt/app checkout 0123456789abcdef0123456789abcdef01234567"

# -- A: a package tool given the checkout's directory builds and installs it (its build code runs) -------------------


def test_a_pip_install_of_the_checkout_runs_its_build_code() -> None:
    assert in_script(DOWNLOAD, _CLONE, "pip install /opt/app") == [4]
    assert in_script(DOWNLOAD, _CLONE, "cd /opt/app", "python3 -m pip install --user -e .[dev]") == [5]
    assert in_script(DOWNLOAD, "git pull --ff-only", "pip3 install .") == [4]


def test_a_cpanm_installdeps_in_the_checkout_runs_its_makefile_pl() -> None:
    assert in_script(DOWNLOAD, _CLONE, "cd /opt/app && cpanm --installdeps . -M https://cpan.metacpan.org") == [4]


def test_a_cargo_install_of_the_checkout_path() -> None:
    assert in_script(DOWNLOAD, _CLONE, "cargo install --path /opt/app") == [4]


def test_a_pinned_or_unrun_checkouts_and_index_packages_stay_quiet() -> None:
    assert in_script(DOWNLOAD, _CLONE, _PIN, "pip install /opt/app") == []
    assert in_script(DOWNLOAD, _CLONE, "git -C /opt/app verify-tag v1.2.0", "pip install /opt/app") == []
    assert in_script(DOWNLOAD, _CLONE, "ls /opt/app") == []  # cloned, never run
    assert in_script(DOWNLOAD, _CLONE, "cd /opt/app", "pip install requests ./dist/app-1.0-py3-none-any.whl") == []
    assert in_script(DOWNLOAD, "pip install .") == []  # the package's own project: nothing fetched


# -- B: pip install -r of a list in a fetched tree: the first step that installs from the checkout --------------------


def test_b_requirements_of_a_pulled_branch() -> None:
    assert in_script(DOWNLOAD, "git pull --no-edit", "pip install -r requirements/base.txt") == [4]
    assert in_script(DOWNLOAD, _CLONE, "pip install -r /opt/app/requirements.txt") == [4]


def test_b_pinned_or_hash_checked_requirements_stay_quiet() -> None:
    assert in_script(DOWNLOAD, _CLONE, _PIN, "pip install -r /opt/app/requirements.txt") == []
    assert in_script(DOWNLOAD, _CLONE, "pip install --require-hashes -r /opt/app/requirements.txt") == []
    assert in_script(DOWNLOAD, "pip install -r requirements.txt") == []


# -- C: the restart right after the pull, with only messages and root tests between -----------------------------------


def test_c_restart_after_the_pull_behind_root_tests_and_messages() -> None:
    pull = 'if [ "$(id -u)" = 0 ]; then git pull; fi'
    assert in_script(DOWNLOAD, pull, 'if [ "$(id -u)" = 0 ]; then supervisorctl restart bot; fi') == [4]
    assert in_script(DOWNLOAD, "git pull", 'echo "Restarting the bot"', "systemctl restart bot") == [5]


def test_d_a_merge_of_a_remote_branch_spelled_through_values() -> None:
    assert in_script(DOWNLOAD, 'git fetch "$remote"', 'git merge "$remote/$branch"', "bundle install") == [5]
    assert in_script(DOWNLOAD, 'git fetch "$remote"', 'git reset --hard "${remote}/${branch}"', "bundle install") == [5]


def test_d_a_merge_of_a_commit_value_or_a_pinned_checkout_stays_quiet() -> None:
    assert in_script(DOWNLOAD, "git fetch", 'git merge "$COMMIT"', "bundle install") == []
    pinned = "git checkout 0123456789abcdef0123456789abcdef01234567"
    assert in_script(DOWNLOAD, 'git fetch "$remote"', pinned, "bundle install") == []


# -- E: a clone made under a bare name, entered later by its absolute path ---------------------------------------------


def test_e_the_clone_entered_by_its_absolute_directory() -> None:
    clone = "git clone https://github.com/example/neft.git"
    assert in_script(DOWNLOAD, clone, "cd /opt/neft", "pip install -r requirements.txt") == [5]
    assert in_script(DOWNLOAD, "P=neft", f"{clone} $P", 'cd "/opt/$P"', "make") == [6]


def test_e_another_directory_or_a_local_repository_stays_quiet() -> None:
    assert in_script(DOWNLOAD, "git clone https://github.com/example/neft.git", "cd /opt/other", "make") == []
    assert in_script(DOWNLOAD, "git clone /var/git/app.git/ /opt/app", "cd /opt/app", "make install") == []
    assert in_script(DOWNLOAD, "git clone file:///srv/git/app /opt/app", "cd /opt/app", "make install") == []


# -- F: a Fabric operation's cd ends with the operation (each run()/sudo() is a shell of its own) ----------------------

_FABFILE = """from fabric.api import env, run

env.hosts = ["deploy@example.org"]


def deploy():
    run("git clone https://github.com/example/app.git app")
    run("cd app/conf; cp local.example local.ini")
    run("{last}")
"""


def test_f_fabric_cd_inside_one_operation() -> None:
    found = _FABFILE.format(last="cd app; pip install -r requirements.txt")
    assert codes_at({"fabfile.py": found}, DOWNLOAD) == [9]
    quiet = _FABFILE.format(last="pip install -r requirements.txt")  # the login directory's list, not the clone's
    assert codes_at({"fabfile.py": quiet}, DOWNLOAD) == []


def test_c_a_restart_after_another_step_or_a_pinned_pull_stays_quiet() -> None:
    assert in_script(DOWNLOAD, "git pull", "cp /srv/bot.env /etc/bot.env", "systemctl restart bot") == []
    pinned = "git checkout 0123456789abcdef0123456789abcdef01234567"
    assert in_script(DOWNLOAD, "git fetch", pinned, "echo restarting", "systemctl restart bot") == []
    assert in_script(DOWNLOAD, "git pull", "echo reloading", "systemctl reload bot") == []


# -- G: an OpenVPN client profile copied under /etc is configuration clients read, not a program ----------------------

_PROFILE = "https://raw.githubusercontent.com/example/vpn/main/config/tcp.ovpn"


def test_g_a_fetched_vpn_profile_copied_under_etc_is_configuration() -> None:
    assert in_script(DOWNLOAD, f"curl -fsSL -o tcp.ovpn {_PROFILE}", "cp tcp.ovpn /etc/vpn/web/") == []


def test_g_a_fetched_program_copied_under_etc_is_still_installed() -> None:
    assert in_script(DOWNLOAD, f"curl -fsSL -o tcp-helper {_PROFILE}", "cp tcp-helper /etc/vpn/web/") == [4]
