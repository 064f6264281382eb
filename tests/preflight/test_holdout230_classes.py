"""Classes the two-hundred-and-thirtieth hold-out set showed (tests/preflight/holdout230: shell installers and
updaters of self-hosted products), each as its minimal construct next to near-misses that must stay quiet."""

from __future__ import annotations

from preflight_kit import in_script

DOWNLOAD = "preflight.unverified_download_exec"

_URL = "https://dl.example.org/app/1.2.3/app-linux-amd64"
_RAW = "https://raw.githubusercontent.com/acme/bot/main"

# -- B: a bare name moved with no ``cd`` is a file of the start directory, not a download saved under /tmp ----------


def test_b_a_bare_name_moved_from_the_start_directory_is_not_the_download() -> None:
    assert in_script(DOWNLOAD, f"wget -O /tmp/app {_URL}", "mv app /usr/local/bin") == []
    assert in_script(DOWNLOAD, f"sudo wget -O /tmp/app {_URL}", "sudo mv app /usr/local/bin/app") == []


def test_b_the_download_moved_by_its_path_is_still_installed() -> None:
    assert in_script(DOWNLOAD, f"wget -O /tmp/app {_URL}", "mv /tmp/app /usr/local/bin/app") == [4]


def test_b_a_cd_into_the_download_directory_keeps_the_bare_name_matched() -> None:
    assert in_script(DOWNLOAD, f"wget -O /tmp/app {_URL}", "cd /tmp", "mv app /usr/local/bin/app") == [5]


def test_b_a_download_saved_under_a_relative_name_keeps_the_bare_name_matched() -> None:
    assert in_script(DOWNLOAD, f"wget -O app {_URL}", "mv app /usr/local/bin/app") == [4]


# -- G: ``pip install -r`` of a requirements file fetched by itself: the fetched list chooses what pip installs ------


def test_g_pip_installing_from_a_fetched_requirements_file() -> None:
    fetch = f"curl -fsSL {_RAW}/requirements.txt -o requirements.txt"
    assert in_script(DOWNLOAD, fetch, "pip install -r requirements.txt") == [4]
    assert in_script(DOWNLOAD, fetch, "python3 -m pip install --requirement requirements.txt") == [4]


def test_g_a_hash_checked_list_or_a_local_list_stays_quiet() -> None:
    fetch = f"curl -fsSL {_RAW}/requirements.txt -o requirements.txt"
    assert in_script(DOWNLOAD, fetch, "pip install --require-hashes -r requirements.txt") == []
    assert in_script(DOWNLOAD, fetch, "pip install -r local-requirements.txt") == []
    assert in_script(DOWNLOAD, "pip install -r requirements.txt") == []


def test_g_a_list_in_a_fetched_tree_is_the_trees_first_install() -> None:
    # session 32: the pip line of the clone's own list is the first step that installs from the branch's checkout, as
    # holdout145, 175 and 250 label it (holdout234's label widened to match; test_download_exec_session32.py, B)
    lines = ("git clone https://github.com/acme/bot.git", "cd bot", "pip install -r requirements.txt")
    assert in_script(DOWNLOAD, *lines) == [5]
