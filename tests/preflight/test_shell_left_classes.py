"""Shell classes left from the twelfth session's hold-out sets (holdout45, holdout48, holdout49, holdout52,
holdout53), each as its minimal construct next to a near-miss that must stay as it was."""

from __future__ import annotations

from preflight_kit import in_script

PERSISTENCE = "preflight.persistence"


# -- A: a container entrypoint's group membership is the image's, not the host's ---------------------------------------


def test_a_entrypoint_adding_its_account_to_the_docker_group_is_not_persistence() -> None:
    assert in_script(PERSISTENCE, 'adduser "$RUN_USER" docker', 'exec su-exec "$RUN_USER" "$@"') == []
    assert in_script(PERSISTENCE, "usermod -aG docker app", 'exec "$@"') == []


def test_a_near_miss_a_host_installer_adding_an_account_to_an_admin_group_persists() -> None:
    assert in_script(PERSISTENCE, 'usermod -aG docker "$USER"') == [3]
    assert in_script(PERSISTENCE, "adduser deploy sudo", 'exec "$APP" serve') == [3]  # runs its own program
    # the entrypoint rule is about groups: a key added to authorized_keys stays reported
    assert in_script(PERSISTENCE, 'echo "$KEY" >> /root/.ssh/authorized_keys', 'exec "$@"') == [3]


# -- B: a checksum a run can go past does not verify the download ------------------------------------------------------

UNVERIFIED = "preflight.unverified_download_exec"
FETCH = 'curl -fsSLo /tmp/app.tgz "$URL"'
RUN = ("tar -xzf /tmp/app.tgz -C /tmp", "sh /tmp/app/install.sh")


def test_b_a_checksum_whose_failure_is_ignored_does_not_verify() -> None:
    assert in_script(UNVERIFIED, FETCH, "sha256sum -c /tmp/app.tgz.sha256 || true", *RUN) == [6]
    assert in_script(UNVERIFIED, FETCH, 'sha256sum -c /tmp/app.tgz.sha256 || echo "warning: bad sum"', *RUN) == [6]


def test_b_a_checksum_made_only_when_the_sums_file_is_there_does_not_verify() -> None:
    only_if = "if [ -f /tmp/app.tgz.sha256 ]; then sha256sum -c /tmp/app.tgz.sha256; fi"
    assert in_script(UNVERIFIED, FETCH, only_if, *RUN) == [6]
    downloaded = (
        'if curl -fsSLo /tmp/app.tgz.sha256 "$URL.sha256"; then',
        '  (cd /tmp && sha256sum -c app.tgz.sha256) || { echo "mismatch"; exit 1; }',
        "else",
        '  echo "no checksum file, skipping"',
        "fi",
    )
    assert in_script(UNVERIFIED, FETCH, *downloaded, *RUN) == [10]


def test_b_near_miss_a_checksum_that_stops_the_run_verifies() -> None:
    assert in_script(UNVERIFIED, FETCH, "sha256sum -c /tmp/app.tgz.sha256 || exit 1", *RUN) == []
    assert in_script(UNVERIFIED, "set -e", FETCH, "sha256sum -c /tmp/app.tgz.sha256", *RUN) == []
    either_tool = (
        "if command -v sha256sum >/dev/null; then sha256sum -c /tmp/app.tgz.sha256 || exit 1",
        "else shasum -a 256 -c /tmp/app.tgz.sha256 || exit 1; fi",
    )
    assert in_script(UNVERIFIED, FETCH, *either_tool, *RUN) == []
    missing_stops = "if [ -f /tmp/app.tgz.sha256 ]; then sha256sum -c /tmp/app.tgz.sha256; else exit 1; fi"
    assert in_script(UNVERIFIED, FETCH, missing_stops, *RUN) == []
    # the download in the branch that checks it: a branch that skips the check skips the download too
    fetched_here = ('if [ -n "$OFFLINE" ]; then cp ./app.tgz /tmp/app.tgz; else', f"  {FETCH}")
    assert in_script(UNVERIFIED, *fetched_here, "  sha256sum -c /tmp/app.tgz.sha256 || exit 1", "fi", *RUN) == []
    # the run inside the branch that checked: that path made the check
    inside = ("if [ -f /tmp/app.tgz.sha256 ]; then", "  sha256sum -c /tmp/app.tgz.sha256 || exit 1", *RUN, "fi")
    assert in_script(UNVERIFIED, FETCH, *inside) == []


def test_b_near_miss_a_check_skipped_only_when_no_checksum_tool_is_installed_verifies() -> None:
    # which branch runs depends on the programs the target has, not on what the server sends
    by_tool = (
        "if command -v sha256sum >/dev/null 2>&1; then",
        "  sha256sum -c /tmp/app.tgz.sha256 || exit 1",
        "elif which shasum >/dev/null; then",
        "  shasum -a 256 -c /tmp/app.tgz.sha256 || exit 1",
        "else",
        '  echo "no checksum tool: skipping verification"',
        "fi",
    )
    assert in_script(UNVERIFIED, FETCH, *by_tool, *RUN) == []
    # a tool test joined with a test of the download's own files is steered by the server again
    with_file = by_tool[0].replace("; then", " && [ -f /tmp/app.tgz.sha256 ]; then")
    assert in_script(UNVERIFIED, FETCH, with_file, by_tool[1], *by_tool[4:], *RUN) == [10]


# -- C: a file find locates where a download landed is the download ----------------------------------------------------


def test_c_a_bundle_found_where_wget_saved_it_unpacked_and_run_after_pushd() -> None:
    lines = (
        'cd "$(mktemp -d)"',
        'wget "$1"',
        "BUNDLE=\"$PWD/$(find . -name '*.tgz')\"",
        'tar --extract --gunzip --file "$BUNDLE" --directory /var/tmp/installer',
        "pushd /var/tmp/installer",
        "./install",
    )
    assert in_script(UNVERIFIED, *lines) == [8]


def test_c_a_script_found_in_an_unpacked_download_and_run() -> None:
    lines = (
        'curl -fsSLo /tmp/work/app.tgz "$URL"',
        "tar xzf /tmp/work/app.tgz -C /tmp/work",
        "DIR=$(find /tmp/work -maxdepth 2 -name install.sh -exec dirname {} \\; | head -1)",
        'bash "$DIR/install.sh"',
    )
    assert in_script(UNVERIFIED, *lines) == [6]


def test_c_near_miss_find_over_the_package_own_directory_is_not_a_download() -> None:
    lines = (
        'curl -fsSLo /tmp/work/app.tgz "$URL"',
        "sha256sum -c /tmp/work/app.tgz.sha256 || exit 1",
        'DIR=$(find "$PKG_DIR/scripts" -name install.sh -exec dirname {} \\;)',
        'bash "$DIR/install.sh"',
    )
    assert in_script(UNVERIFIED, *lines) == []
    packaged = ('cd "$(dirname "$0")"', "BUNDLE=\"$PWD/$(find . -name '*.tgz')\"", 'tar -xzf "$BUNDLE" -C /opt/x')
    assert in_script(UNVERIFIED, *packaged, "pushd /opt/x", "./install") == []


# -- D: a download inside python -c is a network contact and a download ------------------------------------------------

ENDPOINT = "preflight.external_endpoint"


def test_d_urlretrieve_in_python_c_contacts_the_host_and_downloads() -> None:
    program = "import urllib.request as u; u.urlretrieve('https://get.example.org/setup.sh', '/tmp/setup.sh')"
    assert in_script(ENDPOINT, f'python3 -c "{program}"') == [3]
    assert in_script(UNVERIFIED, f'python3 -c "{program}"', "sh /tmp/setup.sh") == [4]
    # the outer shell puts the URL in first (Python 2's urllib.urlretrieve too)
    lines = ('URL="https://get.example.org/v.tgz"', "python -c \"import urllib; urllib.urlretrieve('$URL', 'v.tgz')\"")
    assert in_script(ENDPOINT, *lines) == [4]


def test_d_near_miss_python_c_without_a_fetch_and_a_script_option_contact_nothing() -> None:
    assert in_script(ENDPOINT, "python3 -c \"print('see https://docs.example.org/upgrade')\"") == []
    assert in_script(ENDPOINT, "python3 tool.py -c \"urlretrieve('https://get.example.org/a', 'a')\"") == []


# -- E: a fetched program copied over the installed one, then its service restarted --------------------------------


def test_e_a_downloaded_program_copied_in_and_its_service_restarted_runs_it() -> None:
    lines = (
        "tmp=$(mktemp -d)",
        'wget -P "$tmp" -q "$(curl -s "$API" | jq -r .asset)"',
        'tar -zxf "$tmp"/app.tar.gz -C "$tmp"',
        'cp -r "$tmp"/{static,templates,app} .',
        "systemctl restart app",
    )
    assert in_script(UNVERIFIED, *lines) == [7]


def test_e_near_miss_a_restart_of_another_service_or_a_copied_config_runs_nothing_fetched() -> None:
    fetched = ("tmp=$(mktemp -d)", 'wget -P "$tmp" -q "$URL"', 'tar -zxf "$tmp"/app.tar.gz -C "$tmp"')
    assert in_script(UNVERIFIED, *fetched, 'cp -r "$tmp"/static .', "systemctl restart app") == []
    assert in_script(UNVERIFIED, *fetched, 'cp "$tmp"/app.conf .', "systemctl restart app") == []
    checked = 'sha256sum -c "$tmp"/app.tar.gz.sha256 || exit 1'
    assert in_script(UNVERIFIED, *fetched[:2], checked, fetched[2], 'cp "$tmp"/app .', "systemctl restart app") == []


# -- F: a default nested in a default is the value when the environment gives neither ----------------------------------

DEFAULT_CREDENTIAL = "preflight.default_credential"


def test_f_a_password_defaulting_to_another_variable_then_a_literal_is_a_default_credential() -> None:
    nested = "NOVA_PASSWORD=${NOVA_PASSWORD:-${SERVICE_PASSWORD:-nova}}"
    assert in_script(DEFAULT_CREDENTIAL, nested, 'openstack user create --password "$NOVA_PASSWORD" nova') == [3]


def test_f_near_miss_a_default_to_another_variable_alone_or_one_the_file_sets_is_not() -> None:
    only_variable = "NOVA_PASSWORD=${NOVA_PASSWORD:-${SERVICE_PASSWORD}}"
    assert in_script(DEFAULT_CREDENTIAL, only_variable, 'openstack user create --password "$NOVA_PASSWORD" nova') == []
    generated = ('SERVICE_PASSWORD="$(openssl rand -hex 16)"', "NOVA_PASSWORD=${NOVA_PASSWORD:-${SERVICE_PASSWORD:-x}}")
    assert in_script(DEFAULT_CREDENTIAL, *generated, 'openstack user create --password "$NOVA_PASSWORD" nova') == []


# -- holdout55: a pre-shared key's name is a secret's name -------------------------------------------------------------


def test_a_pre_shared_key_with_a_literal_fallback_is_a_default_credential() -> None:
    assert in_script(DEFAULT_CREDENTIAL, ": ${PSK:='notasecret'}") == [3]
    assert in_script(DEFAULT_CREDENTIAL, ": ${VPN_IPSEC_PSK:='vpnsecret1'}") == [3]
    assert in_script(DEFAULT_CREDENTIAL, ": ${PRE_SHARED_KEY:='vpnsecret1'}") == [3]


def test_a_near_miss_a_pre_shared_key_file_or_a_generated_key_is_no_default_credential() -> None:
    assert in_script(DEFAULT_CREDENTIAL, ": ${PSK_FILE:='/etc/ipsec.secrets'}") == []
    assert in_script(DEFAULT_CREDENTIAL, ': ${PSK:="$(openssl rand -hex 16)"}') == []
    assert in_script(DEFAULT_CREDENTIAL, ": ${PSKEL:='abcdef'}") == []  # psk inside another word


# -- holdout54: a directory set per platform, written through more variables -------------------------------------------

IMPLICIT = "preflight.implicit_privilege"
PER_PLATFORM = (
    "if [ -f /etc/redhat-release ]; then",
    "  WEB_ROOT='/var/www'",
    "elif [ -f /etc/debian_version ]; then",
    "  WEB_ROOT='/usr/share/apache2'",
    "fi",
    'APP_DIR="${WEB_ROOT}/app"',
    'APP_CONF="${APP_DIR}/settings.py"',
)


def test_a_write_under_a_directory_one_platform_picks_needs_root() -> None:
    assert in_script(IMPLICIT, *PER_PLATFORM, 'echo "DEBUG = False" >> "${APP_CONF}"') == [10]
    assert in_script(IMPLICIT, *PER_PLATFORM, "rm -f ${APP_DIR}") == [10]
    # read in a function the script calls after setting the names
    in_function = ("add_setting() {", '  echo "$1" >> "${APP_CONF}"', "}")
    assert in_script(IMPLICIT, *in_function, *PER_PLATFORM, "add_setting X=1") == [4]
    # a part made at run time below the platform's directory: the directory above it is still known
    release = ('RELEASE="$(basename "$PKG")"', 'NEW_DIR="${WEB_ROOT}/${RELEASE}"')
    assert in_script(IMPLICIT, *PER_PLATFORM, *release, 'cp -p settings.py "${NEW_DIR}/"') == [12]


def test_a_near_miss_a_directory_picked_by_who_runs_or_never_a_system_one() -> None:
    by_user = (
        'if [ "$(id -u)" = 0 ]; then',
        "  BIN_DIR=/usr/local/bin",
        "else",
        "  BIN_DIR=/tmp/bin",
        "fi",
    )
    assert in_script(IMPLICIT, *by_user, 'cp app "${BIN_DIR}/app"') == []
    per_platform_home = (
        "if [ -f /etc/redhat-release ]; then",
        "  DATA=/srv/app",
        "else",
        "  DATA=/tmp/app",
        "fi",
        'CONF="$DATA/app.conf"',
    )
    assert in_script(IMPLICIT, *per_platform_home, 'echo x >> "$CONF"') == []
    given = ('if [ -d "$1" ]; then', '  ROOT="$1"', "fi", 'cp -r app "$ROOT/app"')
    assert in_script(IMPLICIT, *given) == []
    # chmod of a file the script wrote itself: its owner may change its mode
    debian_first = (
        "if [ -f /etc/debian_version ]; then",
        "  WEB_ROOT='/usr/share/apache2'",
        "else",
        "  WEB_ROOT='/var/www'",
        "fi",
    )
    assert in_script(IMPLICIT, *debian_first, 'chmod 0400 "${WEB_ROOT}/app/settings.py"') == []
    assert in_script(IMPLICIT, *debian_first, 'rm -f "${WEB_ROOT}/app/settings.pyc"') == [8]


# -- holdout55: a capability test is a privilege check ----------------------------------------------------------------

CAPABILITY = (
    "has_cap_sys_admin() {",
    "  local key val",
    "  while read -r key val; do",
    '    if [ "$key" = CapEff: ]; then',
    '      [ "$(( 16#$val & (1 << 21) ))" != 0 ]',
    "      return",
    "    fi",
    "  done </proc/self/status",
    "  return 1",
    "}",
)


def test_a_step_after_a_capability_test_that_returns_is_guarded() -> None:
    skipping = ("remount() {", '  has_cap_sys_admin || { echo "no CAP_SYS_ADMIN, skipped" >&2; return; }')
    steps = ("  mount -o remount,rw /sys/fs/cgroup", "}", "remount", 'exec "$@"')
    assert in_script(IMPLICIT, *CAPABILITY, *skipping, *steps) == []
    # through a second function, and capsh's report of the sets
    via = ("has_admin() {", "  has_cap_sys_admin", "}", "remount() {", "  has_admin || return")
    assert in_script(IMPLICIT, *CAPABILITY, *via, *steps) == []
    capsh = ("can_admin() {", "  capsh --has-p=cap_sys_admin", "}", "remount() {", "  can_admin || return")
    assert in_script(IMPLICIT, *capsh, *steps) == []
    # the uid test it fits beside: the same guard with is_root
    is_root = ("is_root() {", '  if [ "$(id -u)" = 0 ]; then return 0; fi', "  return 1", "}")
    assert in_script(IMPLICIT, *is_root, "remount() {", "  is_root || return", *steps) == []


def test_a_near_miss_a_capability_test_that_only_warns_or_another_function_guards() -> None:
    warns = ("remount() {", '  has_cap_sys_admin || echo "no CAP_SYS_ADMIN, trying anyway" >&2')
    steps = ("  mount -o remount,rw /sys/fs/cgroup", "}", "remount", 'exec "$@"')
    assert in_script(IMPLICIT, *CAPABILITY, *warns, *steps) == [15]
    other = ("probe() {", "  has_cap_sys_admin || return", "}", "remount() {", "  probe")
    assert in_script(IMPLICIT, *CAPABILITY, *other, *steps) == [18]
    # a function that reads its status file for something else is no privilege test
    state = ("is_running() {", "  grep -q 'State:.*R' /proc/self/status", "}", "remount() {", "  is_running || return")
    assert in_script(IMPLICIT, *state, *steps) == [8]


# -- holdout55: arithmetic and backquoted comments tree-sitter-bash misparses keep the functions after them ----------

NESTED_SHIFT = (
    "has_cap() {",
    "  local cap_eff",
    "  cap_eff=$(sed -n 's/^CapEff:[[:space:]]*//p' /proc/self/status)",
    '  [ "$((16#$cap_eff & $((1 << $1))))" != 0 ]',
    "}",
)
FIXUP = ("fixup() {", "  has_cap 12 || return")
ANNOTATED = (
    "  iptables-save \\",
    "    | sed \\",
    "      `# point the DNAT rules at the host` \\",
    "      -e 's/a/b/' \\",
    "      `# and the SNAT rules` \\",
    "      -e 's/c/d/' \\",
    "    | iptables-restore",
)
WRITE = ("  cp /etc/resolv.conf /etc/resolv.conf.original", "}", "fixup", 'exec "$@"')


def test_a_function_after_misparsed_arithmetic_keeps_its_body_and_its_guard() -> None:
    assert in_script(IMPLICIT, *NESTED_SHIFT, *FIXUP, *WRITE) == []
    # comments written as backquoted words between a pipeline's continued lines, before the guarded write
    assert in_script(IMPLICIT, *NESTED_SHIFT, *FIXUP, *ANNOTATED, *WRITE) == []
    base_n = ("width() {", "  echo $((10#$1 + 2#101))", "}")
    assert in_script(IMPLICIT, *base_n, *NESTED_SHIFT, *FIXUP, *WRITE) == []


def test_a_near_miss_valid_arithmetic_reads_as_before_and_an_unguarded_write_stays() -> None:
    # valid arithmetic (no base, no nested shift): the same guard, the same answer as before
    plain = (*NESTED_SHIFT[:3], '  [ "$(( cap_eff & (1 << $1) ))" != 0 ]', "}")
    assert in_script(IMPLICIT, *plain, *FIXUP, *WRITE) == []
    # the write outside any guard is still reported, after misparsed arithmetic as after valid
    unguarded = ("fixup() {", "  echo $((1 << 3))")
    assert in_script(IMPLICIT, *NESTED_SHIFT, *unguarded, *WRITE) == [10]
    assert in_script(IMPLICIT, *plain, *unguarded, *WRITE) == [10]
    # unguarded, the annotated pipeline's iptables-save (9) and iptables-restore (15) need root too (hold-out set 198)
    assert in_script(IMPLICIT, *NESTED_SHIFT, "fixup() {", *ANNOTATED, *WRITE) == [9, 15, 16]


def test_a_misparsed_constructs_are_rewritten_in_place_and_then_parse() -> None:
    import tree_sitter_bash
    from tree_sitter import Language, Parser

    from shipgate.preflight.shell.misparsed import without_misparsed

    parser = Parser(Language(tree_sitter_bash.language()))
    for lines in (NESTED_SHIFT, ("fixup() {", *ANNOTATED, "}"), ("w() {", "  echo $((16#$1))", "}")):
        source = "\n".join(lines).encode() + b"\n"
        steady = without_misparsed(source)
        assert len(steady) == len(source) and steady.count(b"\n") == source.count(b"\n")
        assert parser.parse(source).root_node.has_error and not parser.parse(steady).root_node.has_error


def test_a_near_miss_valid_arithmetic_and_a_quoted_hash_are_left_as_they_are() -> None:
    from shipgate.preflight.shell.misparsed import without_misparsed

    for text in (b"echo $(( (a + b) << 2 )) $((0x1f)) ${#list[@]}\n", b"echo `date` # `#` is a comment\n"):
        assert without_misparsed(text) == text


# -- holdout54: a cd into a directory set per platform, then relative writes -------------------------------------------


def test_a_relative_write_after_cd_into_a_directory_one_platform_picks_needs_root() -> None:
    assert in_script(IMPLICIT, *PER_PLATFORM, 'cd "${WEB_ROOT}"', "ln -s app-2.0 app") == [11]
    assert in_script(IMPLICIT, *PER_PLATFORM, "cd ${APP_DIR}/", "rm -f settings.pyc tools/settings.py") == [11]
    # in a function the script calls after setting the names
    in_function = ("relink() {", '  cd "$WEB_ROOT"', "  ln -sf app-2.0 app", "}")
    assert in_script(IMPLICIT, *PER_PLATFORM, *in_function, "relink") == [12]


def test_a_near_miss_a_cd_into_a_directory_the_script_made_or_a_user_one() -> None:
    made = ("if [ -f /etc/redhat-release ]; then", "  WORK=$(mktemp -d)", "else", "  WORK=/tmp/build", "fi")
    assert in_script(IMPLICIT, *made, 'cd "$WORK"', "tar xzf /tmp/app.tgz", "ln -s app-2.0 app") == []
    assert in_script(IMPLICIT, 'cd "$(dirname "$0")"', "rm -f settings.pyc") == []
    per_user = ("if [ -f /etc/redhat-release ]; then", "  DATA=/srv/app", "else", "  DATA=/tmp/app", "fi")
    assert in_script(IMPLICIT, *per_user, 'cd "$DATA"', "touch ready") == []
    # a cd that names the directory through an absolute write keeps the reading it had
    assert in_script(IMPLICIT, *PER_PLATFORM, 'cd "${WEB_ROOT}"', "cp app.conf /tmp/app.conf") == []
    # a uid test picks the branch: no per-branch reading
    uid = ('if [ "$(id -u)" != 0 ]; then echo "run as root" >&2; exit 1; fi',)
    assert in_script(IMPLICIT, *uid, *PER_PLATFORM, 'cd "${WEB_ROOT}"', "ln -s app-2.0 app") == []


# -- holdout54: perl -pi edits its files in place, as sed -i does ------------------------------------------------------


def test_a_perl_in_place_edit_of_a_system_file_needs_root() -> None:
    assert in_script(IMPLICIT, "perl -pi -e 's/^#Port 22/Port 2222/' /etc/ssh/sshd_config") == [3]
    assert in_script(IMPLICIT, "perl -i.bak -pe 's/a/b/' /etc/app.conf") == [3]
    assert in_script(IMPLICIT, "perl -p -i -e 's/a/b/' -- /etc/app.conf") == [3]
    # through a variable one platform sets to a system directory
    assert in_script(IMPLICIT, *PER_PLATFORM, "perl -pi -e 's/DEBUG = True/DEBUG = False/' ${APP_CONF}") == [10]


def test_a_near_miss_perl_reading_or_editing_its_own_files_is_no_root_write() -> None:
    assert in_script(IMPLICIT, "perl -ne 'print if /^Port/' /etc/ssh/sshd_config") == []
    assert in_script(IMPLICIT, "perl -Mstrict -le 'print 1' /etc/app.conf") == []  # -M's value holds an i
    assert in_script(IMPLICIT, "perl -pi -e 's/a/b/' ./app.conf /tmp/app.conf") == []
