"""Round thirty-eight of the whole packages (tests/preflight/packages/README.md, "Round thirty-eight"): each class
fixed, with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep
its result)."""

from __future__ import annotations

from preflight_kit import codes_at

EGRESS = "preflight.implicit_egress"
SUDO = "preflight.sudo_unavailable"
CREDENTIAL = "preflight.hardcoded_credential"
MIGRATION = "preflight.hidden_migration"

# ------------------------------------------------------------------------ a RUN's flags on lines of their own

_MOUNTED_RUN = (
    "FROM docker.io/ubuntu:22.04 AS minimal\n"  # 1
    "RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n"  # 2
    "    --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n"  # 3
    "    apt update && \\\n"  # 4
    "    apt install -y build-essential curl git\n"  # 5
)


def test_a_run_whose_flags_run_on_over_lines_is_read_from_its_command() -> None:
    # Tutor's openedx Dockerfile: the second --mount flag was read as the command and apt update as its argument
    assert codes_at({"build/openedx/Dockerfile": _MOUNTED_RUN}, EGRESS) == [4, 5]


def test_a_run_with_one_flag_on_its_line_keeps_its_lines() -> None:
    dockerfile = (
        "FROM docker.io/ubuntu:22.04\n"  # 1
        "RUN --mount=type=cache,target=/var/cache/apt apt update && \\\n"  # 2
        "    apt install -y curl\n"  # 3
    )
    assert codes_at({"build/app/Dockerfile": dockerfile}, EGRESS) == [2, 3]


# ---------------------------------------------------------------------- a stage only a developer's build makes

_STAGES = (
    "FROM docker.io/python:3.12 AS production\n"  # 1
    "RUN pip install gunicorn\n"  # 2
    "\n"  # 3
    "FROM production AS {dev}\n"  # 4
    "RUN pip install ipdb pytest\n"  # 5
    "\n"  # 6
    "FROM {base} AS final\n"  # 7
    "{use}"  # 8
    'CMD ["gunicorn", "app:wsgi"]\n'  # 8 or 9
)


def test_a_development_stage_the_last_stage_does_not_need_is_not_read() -> None:
    # Tutor's ``FROM production AS development``, built only with --target=development for ``tutor dev``
    dockerfile = _STAGES.format(dev="development", base="production", use="")
    assert codes_at({"build/app/Dockerfile": dockerfile}, EGRESS) == [2]


def test_a_development_stage_the_last_stage_builds_on_is_read() -> None:
    built_on = _STAGES.format(dev="development", base="development", use="")
    copied = _STAGES.format(dev="dev-tools", base="production", use="COPY --from=dev-tools /root/.local /root/.local\n")
    assert codes_at({"build/app/Dockerfile": built_on}, EGRESS) == [2, 5]
    assert codes_at({"build/app/Dockerfile": copied}, EGRESS) == [2, 5]


def test_a_stage_with_another_name_or_a_last_development_stage_is_read() -> None:
    builder = _STAGES.format(dev="builder", base="production", use="")
    last = (
        "FROM docker.io/python:3.12 AS production\n"  # 1
        "RUN pip install gunicorn\n"  # 2
        "FROM production AS test\n"  # 3
        "RUN pip install pytest\n"  # 4
    )
    assert codes_at({"build/app/Dockerfile": builder}, EGRESS) == [2, 5]
    assert codes_at({"build/app/Dockerfile": last}, EGRESS) == [2, 4]


# ------------------------------------------------------------------------- the scripts a Zuul job's playbook runs

_ZUUL = (
    "- job:\n"
    "    name: placement-perfload\n"
    "    parent: base\n"
    "    run: playbooks/perfload.yaml\n"
)
_PLAYBOOK = (
    "- hosts: all\n"
    "  tasks:\n"
    "    - name: start placement\n"
    "      args:\n"
    '        chdir: "{{ ansible_user_dir }}/src/placement"\n'
    "      shell:\n"
    "        executable: /bin/bash\n"
    "        cmd: gate/perfload-server.sh {{ ansible_user_dir }}\n"
)
_SERVER = (
    "#!/bin/bash -x\n"  # 1
    "sudo apt-get install -y mysql-server mysql-client\n"  # 2
    "export DB_CONNECTION=mysql+pymysql://root:secret@127.0.0.1/placement?charset=utf8\n"  # 3
    "export API_KEY=Zq8vN2xLr5Tw9Kp3Ym7Hc4Bd\n"  # 4
)


def test_a_script_a_zuul_jobs_playbook_runs_is_ci_tooling() -> None:
    # Placement's gate/perfload-server.sh, run by playbooks/perfload.yaml, which .zuul.yaml's job runs
    files = {".zuul.yaml": _ZUUL, "playbooks/perfload.yaml": _PLAYBOOK, "gate/perfload-server.sh": _SERVER}
    assert codes_at(files, SUDO) == []
    assert codes_at(files, CREDENTIAL) == [4]  # the test password goes; a random-looking key stays reported


def test_the_same_script_with_no_job_that_runs_it_is_a_step() -> None:
    unnamed = {".zuul.yaml": _ZUUL.replace("perfload.yaml", "other.yaml"), "playbooks/perfload.yaml": _PLAYBOOK}
    alone = {"gate/perfload-server.sh": _SERVER}
    assert codes_at({**unnamed, "gate/perfload-server.sh": _SERVER}, SUDO) == [2]
    assert codes_at(alone, SUDO) == [2]
    assert codes_at(alone, CREDENTIAL) == [3, 4]


# ----------------------------------------------------------------- a manage.py told which project it manages


def test_a_manage_py_given_its_project_then_migrate_is_a_hidden_migration() -> None:
    # Tutor's init jobs: edx-platform's one manage.py for the LMS and Studio projects
    job = "dockerize -wait tcp://mysql:3306 -timeout 20s\n./manage.py lms migrate\npython manage.py cms migrate\n"
    assert codes_at({"templates/jobs/init/lms.sh": job}, MIGRATION) == [2, 3]


def test_a_manage_py_asked_for_help_or_a_listing_applies_nothing() -> None:
    job = "./manage.py help migrate\n./manage.py lms showmigrations\n./manage.py lms migrate --plan\n"
    assert codes_at({"templates/jobs/init/lms.sh": job}, MIGRATION) == []
