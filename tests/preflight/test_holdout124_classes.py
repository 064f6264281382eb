"""Classes of mistakes the hundred-and-twenty-fourth hold-out set found (tests/preflight/holdout124: shell installers,
update and upgrade scripts), each as its minimal construct next to a near-miss that must stay quiet or keep being
reported."""

from __future__ import annotations

from preflight_kit import in_script

ENDPOINT = "preflight.external_endpoint"

# -- A: git's scp-like ssh address names the host a clone connects to ------------------------------------------------


def test_a_scp_like_clone_address_is_an_endpoint() -> None:
    assert in_script(ENDPOINT, "git clone git@github.com:owner/homeserver.git") == [3]
    assert in_script(ENDPOINT, "git fetch deploy@git.example.org:team/app.git main") == [3]


def test_a_near_misses_a_local_path_with_a_colon() -> None:
    # a slash before the first colon makes it a path for git; a bare word with no host shape is no host
    assert in_script(ENDPOINT, "git clone ./mirror:old/app.git") == []
    assert in_script(ENDPOINT, "git clone backup:app.git") == []
    assert in_script(ENDPOINT, "cp git@github.com:owner/app.git /tmp/x") == []
    # ``remote set-url`` records the address; the fetch that uses it is the contact
    assert in_script(ENDPOINT, 'git remote set-url origin "git@github.com:owner/app.git"') == []


# -- B: a double-quoted default of a parameter expansion opens with literal text --------------------------------------


def test_b_quoted_default_with_an_expansion_names_its_host() -> None:
    # ``${1:-"https://…/v$V/$F"}``: with no argument the URL is the default, its host written before the first ``$``
    lines = ['V=$(cat version)', 'URL=${1:-"https://github.com/go-gitea/gitea/releases/download/v$V/gitea"}']
    assert in_script(ENDPOINT, *lines, "wget -qc $URL $URL.sha256") == [5]


def test_b_near_miss_a_quoted_default_that_opens_with_an_expansion() -> None:
    # the host is in a variable this file never sets: no host is known
    assert in_script(ENDPOINT, 'URL=${1:-"$MIRROR/gitea/v1/gitea"}', "wget -qc $URL") == []


# -- C: a mktemp directory handed on through a function's output or its arguments ------------------------------------

RM = "preflight.rm_rf_variable"
DOWNLOAD = [
    "download() {",
    "  TEMP_DIR=$(mktemp -d)",
    '  curl -fsSL "$URL" -o "$TEMP_DIR/app"',
    '  echo "$TEMP_DIR"',
    "}",
]


def test_c_temporary_directory_through_output_and_argument() -> None:
    install = ["install_app() {", "  TEMP_DIR=$1", '  mv "$TEMP_DIR/app" /opt/app/', '  rm -rf "$TEMP_DIR"', "}"]
    assert in_script(RM, *DOWNLOAD, *install, "TEMP_DIR=$(download)", 'install_app "$TEMP_DIR"') == []
    assert in_script(RM, "clean() {", '  rm -rf "$1"', "}", "d=$(mktemp -d)", 'clean "$d"') == []


def test_c_near_misses_another_value_handed_on() -> None:
    # one call passes a directory the caller names: rm may be given / or the working tree
    clean = ["clean() {", '  rm -rf "$1"', "}", "d=$(mktemp -d)", 'clean "$d"', 'clean "$TARGET"']
    assert in_script(RM, *clean) == [4]
    # the function echoes something else than the temporary directory
    lister = ["pick() {", "  t=$(mktemp -d)", '  echo "$PREFIX"', "}", "d=$(pick)", 'rm -rf "$d"']
    assert in_script(RM, *lister) == [8]
    # the whole word only: "$d"/* of an empty value is /*
    assert in_script(RM, *DOWNLOAD, "d=$(download)", 'rm -rf "$d"/*') == [9]


# -- D: a fetched payload handed to a fetched installer --------------------------------------------------------------

UNVERIFIED = "preflight.unverified_download_exec"
FETCH_BOTH = [
    "W=/tmp/inst",
    'curl -fL -o "$W/app.tgz" https://dl.example.org/app.tgz',
    'curl -fsSL -o "$W/install.sh" https://dl.example.org/install.sh',
    'chmod +x "$W/install.sh"',
]


def test_d_payload_handed_to_a_fetched_installer() -> None:
    # the installer is reported where it is made executable, the tarball where the installer is given it
    assert in_script(UNVERIFIED, *FETCH_BOTH, '"$W/install.sh" --tar "$W/app.tgz" --domain x.example.org') == [6, 7]


def test_d_near_misses_a_program_of_the_host_or_a_checked_payload() -> None:
    # a program the script did not fetch only reads its operand here
    assert in_script(UNVERIFIED, *FETCH_BOTH[:2], 'sha1sum "$W/app.tgz"', 'file "$W/app.tgz"') == []
    # the payload's checksum checked (exit on mismatch) before the run: only the installer is reported
    check = ['echo "0123abcd  $W/app.tgz" | sha256sum -c - || exit 1']
    assert in_script(UNVERIFIED, *FETCH_BOTH, *check, '"$W/install.sh" --tar "$W/app.tgz"') == [6]
