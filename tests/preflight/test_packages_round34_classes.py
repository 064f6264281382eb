"""Round thirty-four of the whole packages (tests/preflight/packages/README.md, "Round thirty-four"): each class fixed,
with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its
result)."""

from __future__ import annotations

from preflight_kit import findings

ENDPOINT = "preflight.external_endpoint"

# a machine-readable copyright file (Debian's format, as REUSE keeps it): upstream home pages, read by licence tools
_COPYRIGHT_FILE = (
    "Format: https://www.example-debian.org/doc/packaging-manuals/copyright-format/1.0/\n"  # 1
    "Upstream-Name: dashboard\n"  # 2
    "\n"  # 3
    "Files: app/static/angularjs/*\n"  # 4
    "Copyright: 2010-2017 Google, Inc. http://angularjs.example-vendor.org\n"  # 5
    "License: MIT\n"  # 6
)
# a program that requests the same kind of URL
_REQUEST = (
    "import requests\n"  # 1
    "\n"  # 2
    "def fetch():\n"  # 3
    "    return requests.get('https://api.example-vendor.org/v1/builds')\n"  # 4
)


def test_reuse_copyright_file_is_documentation() -> None:
    # SQUAD's .reuse/dep5: the REUSE specification's copyright file
    assert findings({".reuse/dep5": _COPYRIGHT_FILE}) == []


def test_copyrights_file_is_documentation() -> None:
    # SQUAD's COPYRIGHTS: the same text at the root, named in the plural
    assert findings({"COPYRIGHTS": _COPYRIGHT_FILE}) == []


def test_a_program_named_for_copyrights_is_still_read() -> None:
    # a module named copyrights.py is code, and a file named dep5 outside .reuse/ is no REUSE file
    assert (ENDPOINT, 4) in findings({"app/copyrights.py": _REQUEST})
    assert (ENDPOINT, 4) in findings({"tools/dep5.py": _REQUEST})


DELETE = "preflight.destructive_delete"

# a maintainer script that makes its state folder, removing a file or link in its place first
_NOT_A_FOLDER = (
    "#!/bin/sh\n"  # 1
    "set -e\n"  # 2
    "if ! test -d /var/lib/tunnel; then\n"  # 3
    "\trm -rf /var/lib/tunnel\n"  # 4
    "\tmkdir /var/lib/tunnel\n"  # 5
    "fi\n"  # 6
    'if [ ! -d "/var/log/tunnel" ]; then\n'  # 7
    '\trm -rf "/var/log/tunnel"\n'  # 8
    "\tmkdir /var/log/tunnel\n"  # 9
    "fi\n"  # 10
)
# the same delete when the path IS a folder: its contents go
_A_FOLDER = (
    "#!/bin/sh\n"  # 1
    "set -e\n"  # 2
    "if test -d /var/lib/tunnel; then\n"  # 3
    "\trm -rf /var/lib/tunnel\n"  # 4
    "\tmkdir /var/lib/tunnel\n"  # 5
    "fi\n"  # 6
    "if ! test -d /var/lib/other; then\n"  # 7
    "\trm -rf /var/lib/tunnel\n"  # 8
    "fi\n"  # 9
)


def test_a_delete_of_a_path_that_is_no_folder_is_no_data_loss() -> None:
    # stunnel4's postinst:68: `if ! test -d /var/lib/stunnel4; then rm -rf /var/lib/stunnel4; mkdir …`
    found = findings({"install.sh": _NOT_A_FOLDER})
    assert (DELETE, 4) not in found and (DELETE, 8) not in found


def test_a_delete_of_a_folder_or_of_another_path_stays_reported() -> None:
    found = findings({"install.sh": _A_FOLDER})
    assert (DELETE, 4) in found and (DELETE, 8) in found


EGRESS = "preflight.implicit_egress"

_IMAGE = (
    "FROM debian:bookworm\n"  # 1
    "COPY . /build/\n"  # 2
    "RUN cd /build && pip3 install --no-dependencies ./dist/app*.whl\n"  # 3
    "RUN pip install --no-dependencies app-plugins\n"  # 4
    "RUN pip install ./dist/app*.whl\n"  # 5
    "RUN pip install --no-deps -r requirements.txt\n"  # 6
)


def test_a_local_wheel_installed_without_dependencies_asks_no_index() -> None:
    # SQUAD's Dockerfile:45: the wheel the build just made, --no-dependencies
    assert (EGRESS, 3) not in findings({"Dockerfile": _IMAGE})


def test_a_name_a_wheel_with_its_dependencies_or_a_requirement_file_still_reach_the_index() -> None:
    found = findings({"Dockerfile": _IMAGE})
    assert {(EGRESS, 4), (EGRESS, 5), (EGRESS, 6)} <= set(found)


UNLOCKED = "preflight.migration_unlocked"

_CREATE = (
    "from django.db import migrations, models\n"  # 1
    "\n"  # 2
    "\n"  # 3
    "class Migration(migrations.Migration):\n"  # 4
    "    initial = True\n"  # 5
    "    operations = [\n"  # 6
    "        migrations.CreateModel(\n"  # 7
    "            name='Test',\n"  # 8
    "            fields=[\n"  # 9
    "                ('id', models.AutoField(primary_key=True)),\n"  # 10
    "                ('result', models.{old}),\n"  # 11
    "            ],\n"  # 12
    "        ),\n"  # 13
    "    ]\n"  # 14
)
_ALTER = (
    "from django.db import migrations, models\n"  # 1
    "\n"  # 2
    "\n"  # 3
    "class Migration(migrations.Migration):\n"  # 4
    "    dependencies = [('core', '0001_initial')]\n"  # 5
    "    operations = [\n"  # 6
    "        migrations.AlterField(\n"  # 7
    "            model_name='test',\n"  # 8
    "            name='result',\n"  # 9
    "            field=models.BooleanField(null=True),\n"  # 10
    "        ),\n"  # 11
    "    ]\n"  # 12
)


def _history(old: str) -> dict[str, str]:
    return {
        "core/migrations/__init__.py": "",
        "core/migrations/0001_initial.py": _CREATE.replace("{old}", old),
        "core/migrations/0002_django_update.py": _ALTER,
    }


def test_null_boolean_field_to_a_nullable_boolean_field_sends_nothing() -> None:
    # SQUAD's core/0164_django_update.py: NullBooleanField() -> BooleanField(null=True), the same nullable column
    assert (UNLOCKED, 7) not in findings(_history("NullBooleanField()"))


def test_a_not_null_boolean_field_made_nullable_still_drops_not_null() -> None:
    # BooleanField(default=False) -> BooleanField(null=True): DROP NOT NULL on the live table
    assert (UNLOCKED, 7) in findings(_history("BooleanField(default=False)"))


_CI_CHECK = (
    "import requests\n"  # 1
    "\n"  # 2
    "res = requests.get('https://api.ci-service.example.org/repos/dashboard/builds')\n"  # 3
)
_CI_CONTAINER = (
    "#!/bin/bash\n"  # 1
    "docker run -p 8000:80 --name lava lavasoftware/lava-server:latest &\n"  # 2
)


def test_a_tool_named_for_ci_in_scripts_is_maintainer_tooling() -> None:
    # SQUAD's scripts/check-ci (Travis' API) and scripts/travis-lava (a LAVA container for CI runs)
    assert findings({"scripts/check-ci": _CI_CHECK}) == []
    assert findings({"scripts/travis-lava": _CI_CONTAINER}) == []


def test_a_tool_whose_name_only_starts_with_ci_is_still_read() -> None:
    # ``cinder-setup``: no word "ci" of its own; a step, as before
    assert (ENDPOINT, 3) in findings({"scripts/cinder-setup": _CI_CHECK})
    assert (EGRESS, 2) in findings({"scripts/cinder-setup": _CI_CONTAINER})
