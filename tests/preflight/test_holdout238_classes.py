"""Classes the two-hundred-and-thirty-eighth hold-out set showed (tests/preflight/holdout238: upgrade, backup/restore
and maintenance scripts of self-hosted products), each as its minimal construct next to near-misses that must stay
quiet."""

from __future__ import annotations

from preflight_kit import in_script

ENDPOINT = "preflight.external_endpoint"
EGRESS = "preflight.implicit_egress"
DOWNLOAD = "preflight.unverified_download_exec"


# -- A: a URL variable picked in an if/else, at the start of a word a loop variable completes -------------------------

_PICK = (
    'if [ "$STABLE" = true ]; then',
    '    SRC="https://raw.example.org/app/main/src"',
    "else",
    '    SRC="https://dev.example.com/src"',
    "fi",
)


def test_a_a_loop_over_file_names_contacts_both_hosts() -> None:
    # webshare's update.sh: curl -fsSL "$SOURCE_URL/$file" in a for loop over the PHP files
    lines = (*_PICK, "for f in index.php upload.php; do", '    curl -fsSL "$SRC/$f" -o "$f.new"', "done")
    assert in_script(ENDPOINT, *lines) == [9, 9]


def test_a_a_single_assignment_is_one_host() -> None:
    lines = (
        'SRC="https://raw.example.org/app/main/src"',
        "for f in a.php b.php; do",
        '    curl -fsSL "$SRC/$f"',
        "done",
    )
    assert in_script(ENDPOINT, *lines) == [5]


def test_a_a_variable_later_in_the_word_names_no_host() -> None:
    # the picked variable is a path inside a URL whose host is written: one host, the written one
    lines = (*_PICK, "for f in a b; do", '    curl -fsSL "https://cdn.example.net/$f/$SRC"', "done")
    assert in_script(ENDPOINT, *lines) == [9]


# -- B: a pulled checkout built by compose with a compose file of the working directory -------------------------------

_PULLED = ("cd /srv/app", "git pull origin main")


def test_b_a_compose_file_named_in_the_checkout_builds_the_pulled_tree() -> None:
    # client-pix's upgrade.sh: docker compose -f "$COMPOSE_FILE" up -d --build after git pull origin main
    lines = (*_PULLED, "docker compose -f docker-compose.prod.yml up -d --build")
    assert in_script(DOWNLOAD, *lines) == [5]


def test_b_a_compose_file_elsewhere_is_another_project() -> None:
    lines = (*_PULLED, "docker compose -f /etc/stack/compose.yml up -d --build")
    assert in_script(DOWNLOAD, *lines) == []


def test_b_a_project_directory_elsewhere_is_another_project() -> None:
    lines = (*_PULLED, "docker compose --project-directory /opt/other -f compose.yml up -d --build")
    assert in_script(DOWNLOAD, *lines) == []


def test_b_a_compose_query_runs_nothing() -> None:
    assert in_script(DOWNLOAD, *_PULLED, "docker compose -f docker-compose.prod.yml ps") == []


# -- C: a stack taken down and started again has its images; a rebuild still fetches ----------------------------------


def test_c_an_up_after_a_down_fetches_nothing_but_a_rebuild_does() -> None:
    # client-pix's rollback.sh: down, up -d postgres, restore, up -d --build
    lines = (
        "docker compose -f c.yml down",
        "docker compose -f c.yml up -d postgres",
        "docker compose -f c.yml up -d --build",
    )
    assert in_script(EGRESS, *lines) == [5]


def test_c_a_first_up_still_fetches_the_missing_images() -> None:
    assert in_script(EGRESS, "docker compose -f c.yml up -d postgres", "docker compose -f c.yml up -d --build") == [3]


def test_c_a_down_that_removes_the_images_leaves_them_to_fetch() -> None:
    assert in_script(EGRESS, "docker compose -f c.yml down --rmi all", "docker compose -f c.yml up -d") == [4]


def test_c_a_file_written_after_the_down_may_name_new_images() -> None:
    # PostHog's deploy-hobby: the compose file written anew between the stop and the up (a new version's images)
    lines = ("docker compose -f c.yml down", 'echo "TAG=2.0" > .env', "docker compose -f c.yml up -d")
    assert in_script(EGRESS, *lines) == [5]


def test_c_a_down_of_another_stack_says_nothing_of_this_one() -> None:
    assert in_script(EGRESS, "docker compose -f old.yml down", "docker compose -f c.yml up -d") == [4]
