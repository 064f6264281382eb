"""Round twenty-four of the whole packages (tests/preflight/packages/README.md, "Round twenty-four"): each class
fixed, with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep
its result)."""

from __future__ import annotations

from preflight_kit import codes_at

ENDPOINT = "preflight.external_endpoint"
CREDENTIAL = "preflight.hardcoded_credential"

# canned API answers a web UI's unit tests load: a download link and a login form's password
_MOCK = (
    "angular.module('mock').constant('history', {\n"
    "  url: 'https://torcache.example.net/torrent/345D.torrent',\n"
    "  password: 'Pass',\n"
    "});\n"
)


def test_a_hyphenated_test_folder_holds_test_data() -> None:
    # FlexGet's ``ui/v1/tests-mock-data/*.js``
    files = {"app/ui/v1/tests-mock-data/history.js": _MOCK}
    assert codes_at(files, ENDPOINT) == [] and codes_at(files, CREDENTIAL) == []


def test_a_hyphenated_folder_without_a_test_word_is_read() -> None:
    # the same file in a folder whose words are no test's (``contest-data``, ``latest-data``)
    files = {"app/ui/v1/latest-data/history.js": _MOCK}
    assert codes_at(files, ENDPOINT) == [2]


def test_a_charts_test_values_stay_read() -> None:
    # a Helm chart's ``test-values/``: the values it is installed with for a test (a hold-out label), not test data
    files = {"charts/app/test-values/postgresql.yaml": "auth:\n  password: Tr0ub4dor77x\n"}
    assert codes_at(files, CREDENTIAL) == [2]


EGRESS = "preflight.implicit_egress"

# Gramps Web's development container: its image, and the script its ``postCreateCommand`` runs
_DEV_IMAGE = "FROM python:3.11\nRUN pip install 'gramps<6.1.0'\n"
_DEV_SCRIPT = "#!/bin/bash\nset -e\npip install -r requirements-dev.txt\n"
_DESCRIPTION = (
    "{\n"
    '  "name": "API Dev",\n'
    "  // the editor runs these when the container is made and started\n"
    '  "postCreateCommand": "scripts/start_dev_container.sh",\n'
    '  "postStartCommand": ["bash", "-c", "pip install -e ."],\n'
    "}\n"
)


def test_a_development_containers_image_and_scripts_are_no_steps() -> None:
    files = {
        ".devcontainer/devcontainer.json": _DESCRIPTION,
        ".devcontainer/Dockerfile": _DEV_IMAGE,
        "scripts/start_dev_container.sh": _DEV_SCRIPT,
    }
    assert codes_at(files, EGRESS) == []


def test_a_development_containers_secret_is_still_reported() -> None:
    # a shipped development configuration's concrete secret stays reported (round two's rule), as a maintainer tool's
    compose = "services:\n  api:\n    environment:\n      APP_SECRET_KEY: QAVoeYDzkQves9iDZ5PkxfdUoVElVMVYPqz-QXha6yE\n"
    assert codes_at({".devcontainer/docker-compose.yml": compose}, CREDENTIAL) == [4]


def test_the_same_image_and_a_script_no_container_runs_are_steps() -> None:
    # the image at the top (the product's), and a script of ``scripts/`` the description does not name
    files = {
        ".devcontainer/devcontainer.json": _DESCRIPTION.replace("scripts/start_dev_container.sh", "make dev"),
        "Dockerfile": _DEV_IMAGE,
        "scripts/start_dev_container.sh": _DEV_SCRIPT,
    }
    assert codes_at(files, EGRESS) == [2, 3]
