"""Classes the forty-sixth hold-out set showed (tests/preflight/holdout46: installers, upgrade scripts and container
entrypoints of projects picked at random), each as its minimal construct next to a near-miss that must stay quiet
or stay reported."""

from __future__ import annotations

from preflight_kit import codes_at

ENDPOINT = "preflight.external_endpoint"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: curl/wget switches clustered before the option that takes the next word (-sLo FILE) ---------------------------

CLUSTERED_OUTPUT = _text(
    "#!/bin/sh",  # 1
    'pkg="tool.zip"',  # 2
    'url="$(curl -s https://api.example.net/latest | cut -d , -f 2)"',  # 3
    'curl -sLo "$pkg" "$url"',  # 4
    'wget -qO "$pkg" "$url"',  # 5
)


def test_a_the_value_of_a_clustered_output_option_is_no_host() -> None:
    # only the API call names a host; the file the download is saved as is no host called tool.zip
    assert codes_at({"install.sh": CLUSTERED_OUTPUT}, ENDPOINT) == [3]


def test_a_near_miss_a_cluster_of_switches_only_leaves_the_url_an_operand() -> None:
    kept = _text(
        "#!/bin/sh",
        "curl -fsSL https://dl.example.net/tool.tgz -o /tmp/tool.tgz",  # 2: all switches, then the URL
        "wget -qc https://mirror.example.org/tool.tgz",  # 3
        "curl -sLo /tmp/x.tgz https://cdn.example.com/x.tgz",  # 4: the URL after the cluster's value
    )
    assert codes_at({"install.sh": kept}, ENDPOINT) == [2, 3, 4]


# -- B: a function whose body evals its arguments runs the string it is called with -----------------------------------

EGRESS = "preflight.implicit_egress"

EVAL_RUNNER = _text(
    "#!/bin/bash",  # 1
    "run() {",  # 2
    "    eval $@",  # 3
    "}",  # 4
    'run "pip install -r requirements.txt"',  # 5
    "run_all() {",  # 6
    '    eval "$*"',  # 7
    "}",  # 8
    'run_all "npm ci"',  # 9
)


def test_b_a_call_of_an_eval_runner_runs_its_string() -> None:
    assert codes_at({"bin/upgrade": EVAL_RUNNER}, EGRESS) == [5, 9]


def test_b_near_miss_a_function_that_prints_its_arguments_or_evals_its_own_string_runs_none_of_them() -> None:
    quiet = _text(
        "#!/bin/bash",
        "log() {",
        "    echo $@",
        "}",
        'log "pip install -r requirements.txt"',
        "show() {",
        '    eval "echo $1"',
        "}",
        'show "npm ci"',
    )
    assert codes_at({"bin/upgrade": quiet}, EGRESS) == []


# -- C: a shell named by its path runs its operand (/bin/bash install.sh), as bash install.sh does --------------------

UNVERIFIED = "preflight.unverified_download_exec"

RUNNER_BY_PATH = _text(
    "#!/bin/bash",  # 1
    "curl -L -o pkg.tar.gz https://dl.example.com/pkg.tar.gz",  # 2
    "tar zxvf pkg.tar.gz",  # 3
    "cd pkg-1",  # 4
    "/bin/bash install.sh",  # 5
)


def test_c_a_fetched_script_run_by_a_shell_named_by_its_path() -> None:
    assert codes_at({"install.sh": RUNNER_BY_PATH}, UNVERIFIED) == [5]


def test_c_near_miss_the_packages_own_script_or_a_checked_archive_run_by_path() -> None:
    own = _text("#!/bin/bash", 'cd "$(dirname "$0")"', "/bin/bash scripts/setup.sh")
    assert codes_at({"install.sh": own}, UNVERIFIED) == []
    checked = RUNNER_BY_PATH.replace("tar zxvf", "sha256sum -c pkg.tar.gz.sha256 || exit 1\ntar zxvf")
    assert codes_at({"install.sh": checked}, UNVERIFIED) == []


PY_FETCH_AND_RUN = _text(
    "import subprocess",  # 1
    "import urllib.request",  # 2
    "",  # 3
    "",  # 4
    "def main():",  # 5
    '    path = "/tmp/installer.sh"',  # 6
    '    urllib.request.urlretrieve("https://dl.example.com/installer.sh", path)',  # 7
    '    subprocess.check_call(["/bin/bash", path, "-b"])',  # 8
    "",  # 9
    "",  # 10
    "main()",  # 11
)


def test_c_a_python_installer_runs_the_file_it_fetched_with_a_shell_named_by_its_path() -> None:
    assert codes_at({"scripts/install.py": PY_FETCH_AND_RUN}, UNVERIFIED) == [8]


def test_c_near_miss_the_scripts_own_digest_helper_checks_the_file_before_the_run() -> None:
    checked = PY_FETCH_AND_RUN.replace(
        '    subprocess.check_call(["/bin/bash", path, "-b"])\n',
        '    if md5_file(path) != "a946ea1d0c4a642ddf0c3a26a18bb16d":\n'
        '        raise Exception("md5 mismatch")\n'
        '    subprocess.check_call(["/bin/bash", path, "-b"])\n',
    ).replace(
        "def main():",
        "def md5_file(name):\n    import hashlib\n"
        "    return hashlib.md5(open(name, 'rb').read()).hexdigest()\n\n\ndef main():",
    )
    assert codes_at({"scripts/install.py": checked}, UNVERIFIED) == []


# -- D: a program named by a path whose directory is known only at run time is the tool its file name says -----------

VENV_PIP = _text(
    "#!/bin/bash",  # 1
    'PYTHONDIR="${HOME}/klippy-env"',  # 2
    "${PYTHONDIR}/bin/pip install -r requirements.txt",  # 3
    '"$VENV/bin/pip" install flask',  # 4
)


def test_d_pip_of_a_virtualenv_named_through_a_variable_reaches_the_index() -> None:
    assert codes_at({"install.sh": VENV_PIP}, EGRESS) == [3, 4]


def test_d_near_miss_a_computed_program_or_a_local_wheel_stays_unnamed_or_quiet() -> None:
    quiet = _text(
        "#!/bin/bash",
        "if tool=$(PATH+=$PATH:/sbin type -p pip); then $tool --version; fi",  # no file name in the word's text
        '"$VENV/bin/$TOOL" install flask',  # the program's own name is run-time
        '"$VENV/bin/pip" install --no-index ./dist/app.whl',  # a local wheel, no index
    )
    assert codes_at({"install.sh": quiet}, EGRESS) == []


# -- E: set -x traces a secret-named option's run-time value, whatever variable or substitution holds it ------------

PRINTED = "preflight.secret_printed"

TRACED_OPTION = _text(
    "#!/bin/bash",  # 1
    "set -eux",  # 2
    "FLAGS=(",  # 3
    '  --port "$PORT"',  # 4
    '  --rcon-password "$(cat "$CONFIG/rconpw")"',  # 5
    ")",  # 6
    'server --admin-token="$1" --port "$PORT"',  # 7
)


def test_e_a_traced_array_or_command_gives_a_password_option_its_value() -> None:
    # the trace is counted once per script: at the first line that prints the value
    assert codes_at({"docker-entrypoint.sh": TRACED_OPTION}, PRINTED) == [2]  # at its set -x (session 30)
    command = _text("#!/bin/bash", "set -eux", 'echo "starting"', 'server --admin-token="$1" --port "$PORT"')
    assert codes_at({"docker-entrypoint.sh": command}, PRINTED) == [2]


def test_e_near_miss_untraced_or_a_file_or_stdin_option_or_a_literal_value() -> None:
    untraced = TRACED_OPTION.replace("set -eux", "set -eu")
    assert codes_at({"docker-entrypoint.sh": untraced}, PRINTED) == []
    quiet = _text(
        "#!/bin/bash",
        "set -x",
        'server --password-file "$CONFIG/pw" --rcon-port "$RCON_PORT"',
        'docker login --password-stdin -u "$USER" registry.example.com',
        "server --password changeme-later-in-the-ui",
    )
    assert codes_at({"docker-entrypoint.sh": quiet}, PRINTED) == []


# -- F: reading an image's manifest from its registry (buildx imagetools inspect, manifest inspect) is egress ---------

MANIFEST_READS = _text(
    "#!/bin/bash",  # 1
    'ref="$1"',  # 2
    "digest=\"$(docker buildx imagetools inspect \"${ref}\" --format '{{json .Manifest}}')\"",  # 3
    'docker buildx imagetools inspect "${ref}" | awk \'$1 == "Digest:" {print $2}\'',  # 4: the same reference again
    "docker manifest inspect example/app:2.0 > /dev/null",  # 5
)


def test_f_a_manifest_read_reaches_the_registry_once_per_reference() -> None:
    assert codes_at({"upgrade.sh": MANIFEST_READS}, EGRESS) == [3, 5]


def test_f_near_miss_local_image_commands_reach_no_registry() -> None:
    quiet = _text(
        "#!/bin/bash",
        "docker image inspect example/app:2.0",  # the local image store
        "docker buildx ls",
        "docker buildx imagetools --help",
    )
    assert codes_at({"upgrade.sh": quiet}, EGRESS) == []
