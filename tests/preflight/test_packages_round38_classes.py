"""Round thirty-eight of the whole packages (tests/preflight/packages/README.md, "Round thirty-eight"): each class
fixed, with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep
its result)."""

from __future__ import annotations

from preflight_kit import codes_at

EGRESS = "preflight.implicit_egress"
SUDO = "preflight.sudo_unavailable"
CREDENTIAL = "preflight.hardcoded_credential"
MIGRATION = "preflight.hidden_migration"
ENDPOINT = "preflight.external_endpoint"

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


def test_nodeenv_and_npm_clean_install_reach_the_network() -> None:
    # Tutor's image build: a Node.js release unpacked by nodeenv, then npm's long name for ``npm ci``
    dockerfile = (
        "FROM docker.io/python:3.12\n"  # 1
        "ARG NPM_REGISTRY=https://registry.npmjs.org/\n"  # 2
        "RUN nodeenv /openedx/nodeenv --node=24.22.1 --prebuilt\n"  # 3
        "RUN npm clean-install --no-audit --registry=$NPM_REGISTRY\n"  # 4
    )
    assert codes_at({"build/openedx/Dockerfile": dockerfile}, EGRESS) == [3, 4]


def test_nodeenv_linking_the_systems_node_fetches_nothing() -> None:
    dockerfile = (
        "FROM docker.io/python:3.12\n"  # 1
        "RUN nodeenv /opt/env --node=system\n"  # 2
        "RUN nodeenv -n system /opt/env2\n"  # 3
        "RUN npm run build\n"  # 4
    )
    assert codes_at({"build/openedx/Dockerfile": dockerfile}, EGRESS) == []


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


# ------------------------------------------------------ back-end sections an XML configuration does not choose

_AUTHREG = (
    "<c2s>\n"  # 1
    "  <authreg>\n"  # 2
    "    <module>{chosen}</module>\n"  # 3
    "    <sqlite>\n"  # 4
    "      <dbname>/var/lib/jabberd2/sqlite.db</dbname>\n"  # 5
    "    </sqlite>\n"  # 6
    "    <mysql>\n"  # 7
    "      <host>db.jabber-hosting.net</host>\n"  # 8
    "      <user>jabberd2</user>\n"  # 9
    "      <pass>Tr0ub4dor-s3cret</pass>\n"  # 10
    "    </mysql>\n"  # 11
    "    <ldap>\n"  # 12
    "      <uri>ldaps://ldap.jabber-hosting.net/</uri>\n"  # 13
    "    </ldap>\n"  # 14
    "  </authreg>\n"  # 15
    "</c2s>\n"  # 16
)


def test_the_back_ends_an_xml_choice_leaves_out_are_not_in_effect() -> None:
    # jabberd2's c2s.xml: <module>sqlite</module> beside <mysql> and <ldap> sections with hosts and passwords
    files = {"etc/jabberd2/c2s.xml": _AUTHREG.format(chosen="sqlite")}
    assert codes_at(files, CREDENTIAL) == []
    assert codes_at(files, ENDPOINT) == []


def test_the_chosen_back_end_and_an_element_with_no_choice_are_read() -> None:
    chosen = {"etc/jabberd2/c2s.xml": _AUTHREG.format(chosen="mysql")}
    unnamed = {"etc/jabberd2/c2s.xml": _AUTHREG.format(chosen="postgres")}  # names no sibling: no choice read
    assert codes_at(chosen, CREDENTIAL) == [10]
    assert 8 in codes_at(chosen, ENDPOINT)  # the chosen section's host (the left-out LDAP one is not: above)
    assert codes_at(unnamed, CREDENTIAL) == [10]


# ------------------------------------------------------------------------- a link a message tells people to visit


def test_a_link_after_go_to_or_instructions_from_is_a_message() -> None:
    # Archivy's setup prompt and Tutor's error for a missing kubectl
    program = (
        "import click\n"  # 1
        "def init():\n"  # 2
        '    click.prompt("Then go to https://archivy.github.io/setup-search/ to pick a backend")\n'  # 3
        "def kubectl():\n"  # 4
        '    raise RuntimeError("Please follow instructions from https://kubernetes.io/docs/tasks/tools/")\n'  # 5
    )
    assert codes_at({"app/cli.py": program}, ENDPOINT) == []


def test_a_url_a_program_sends_a_request_to_is_still_a_host_it_contacts() -> None:
    program = (
        "import requests\n"  # 1
        "def check():\n"  # 2
        '    return requests.get("https://api.vendor-updates.io/latest").json()\n'  # 3
    )
    assert codes_at({"app/cli.py": program}, ENDPOINT) == [3]


# -------------------------------------------------------------- a minified bundle below its licence comment


def test_a_bundle_on_one_line_below_its_licence_comment_is_a_web_asset() -> None:
    bundle = (
        "/**\n * easymde v2.15.0\n * @license MIT\n */\n"
        + '!function(e){var n=new XMLHttpRequest;n.open("GET","https://cdn.bundled-assets.net/dict/en_US.aff");'
        + "e.x=1;" * 2000
        + "}();\n"
    )
    assert codes_at({"app/static/editor.js": bundle}, ENDPOINT) == []


def test_a_short_script_below_a_licence_comment_is_read() -> None:
    script_js = (
        "/**\n * app loader\n * @license MIT\n */\n"  # 1-4
        'fetch("https://api.vendor-updates.io/latest");\n'  # 5
    )
    assert codes_at({"app/static/loader.js": script_js}, ENDPOINT) == [5]


# ---------------------------------------------------------------- a foreign key added with an Alembic column

_INITIAL = (
    "from alembic import op\n"
    "import sqlalchemy as sa\n"
    "revision = 'b4ed3a175331'\n"
    "down_revision = None\n"
    "def upgrade():\n"
    "    op.create_table('consumers', sa.Column('id', sa.Integer(), nullable=False))\n"
)
_ADDED = (
    "from alembic import op\n"  # 1
    "import sqlalchemy as sa\n"  # 2
    "revision = '422ece571366'\n"  # 3
    "down_revision = 'b4ed3a175331'\n"  # 4
    "def upgrade():\n"  # 5
    "    with op.batch_alter_table('consumers') as batch_op:\n"  # 6
    "        batch_op.add_column(\n"  # 7
    "            sa.Column('consumer_type_id', sa.Integer(), {key}nullable=True))\n"  # 8
)
REWRITES = "preflight.migration_rewrites_table"


def _revisions(key: str) -> dict[str, str | bytes]:
    return {
        "app/db/alembic/versions/b4ed3a175331_initial.py": _INITIAL,
        "app/db/alembic/versions/422ece571366_add_type.py": _ADDED.format(key=key),
    }


def test_a_column_added_with_a_foreign_key_checks_every_row() -> None:
    # Placement's consumer_type_id: the key is validated against the existing rows of consumers under the lock
    assert codes_at(_revisions("sa.ForeignKey('consumer_types.id', name='fk'), "), REWRITES) == [7]


def test_a_column_added_without_a_key_only_locks() -> None:
    files = _revisions("")
    assert codes_at(files, REWRITES) == []
    assert codes_at(files, "preflight.migration_unlocked") == [7]


# ------------------------------------------------------------------ a folder removed after its files moved out


def test_removing_a_folder_whose_files_were_moved_out_is_no_data_loss() -> None:
    # Tutor's init jobs move uploads to the shared media folder, then remove the old folder
    job = (
        "if [ -d /openedx/data/uploads/ ]; then\n"  # 1
        "  mv /openedx/data/uploads/* /openedx/media/\n"  # 2
        "  rm -rf /openedx/data/uploads/\n"  # 3
        "fi\n"  # 4
    )
    assert codes_at({"templates/jobs/init/lms.sh": job}, "preflight.destructive_delete") == []


def test_removing_a_folder_after_moving_other_files_still_deletes_data() -> None:
    job = (
        "mv /openedx/data/export/* /openedx/media/\n"  # 1
        "rm -rf /openedx/data/uploads/\n"  # 2
    )
    assert codes_at({"templates/jobs/init/lms.sh": job}, "preflight.destructive_delete") == [2]


# ----------------------------------------------------------------- a manage.py told which project it manages


def test_a_manage_py_given_its_project_then_migrate_is_a_hidden_migration() -> None:
    # Tutor's init jobs: edx-platform's one manage.py for the LMS and Studio projects
    job = "dockerize -wait tcp://mysql:3306 -timeout 20s\n./manage.py lms migrate\npython manage.py cms migrate\n"
    assert codes_at({"templates/jobs/init/lms.sh": job}, MIGRATION) == [2, 3]


def test_a_manage_py_asked_for_help_or_a_listing_applies_nothing() -> None:
    job = "./manage.py help migrate\n./manage.py lms showmigrations\n./manage.py lms migrate --plan\n"
    assert codes_at({"templates/jobs/init/lms.sh": job}, MIGRATION) == []
