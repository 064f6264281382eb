"""Classes of mistakes the eighty-fifth hold-out set found (tests/preflight/holdout85: Kubernetes manifests, Helm
chart templates and values, compose files of self-hosted products), each as its minimal construct next to a
near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import findings

CREDENTIAL = "preflight.hardcoded_credential"
HIDDEN = "preflight.hidden_migration"


def _codes(files: dict[str, str], code: str) -> list[tuple[str, int]]:
    return [f for f in findings(files) if f[0] == code]


# -- A: the name of the Kubernetes Secret a chart reads its passwords from is no password ----------------------


def test_a_an_existing_secret_name_in_helm_values_is_a_reference() -> None:
    values = (
        "postgresql:\n"
        "  auth:\n"
        "    username: postgres\n"
        "    existingSecret: app-vectordb\n"
        "rag:\n"
        "  existing_secret: rag-keys\n"
    )
    assert _codes({"chart/values.yaml": values}, CREDENTIAL) == []
    assert _codes({"deploy.env": "EXISTING_SECRET=app-db-credentials\n"}, CREDENTIAL) == []


def test_a_near_miss_a_password_beside_it_stays_reported() -> None:
    values = "postgresql:\n  auth:\n    existingSecret: ''\n    password: vectordb2024\n"
    assert _codes({"chart/values.yaml": values}, CREDENTIAL) == [(CREDENTIAL, 4)]
    assert _codes({"chart/values.yaml": "auth:\n  secret: hunter2hunter2\n"}, CREDENTIAL) == [(CREDENTIAL, 2)]


# -- B: Alembic given its configuration file (or another global option) before the subcommand -------------------

_JOB = """apiVersion: batch/v1
kind: Job
metadata:
  name: migrations
  annotations:
    "helm.sh/hook": post-install
spec:
  template:
    spec:
      containers:
        - name: migrations
          image: {{ .Values.backend.image.repository }}:{{ .Values.backend.image.tag }}
          command:
            - poetry
            - run
          args:
            - alembic
            - -c
            - src/backend/alembic.ini
            - VERB
            - head
      restartPolicy: OnFailure
"""


def test_b_alembic_upgrade_after_its_config_option_through_poetry_run_in_a_hook_job() -> None:
    job = _JOB.replace("VERB", "upgrade")
    assert _codes({"chart/templates/migrations.yaml": job}, HIDDEN) == [(HIDDEN, 14)]


def test_b_alembic_upgrade_after_global_options_in_a_script() -> None:
    for step in (
        "alembic -c /app/alembic.ini upgrade head",
        "alembic --config=/app/alembic.ini -x tenant=main upgrade head",
        "pipenv run alembic -n production upgrade head",
    ):
        assert _codes({"start.sh": f"#!/bin/sh\n{step}\n"}, HIDDEN) == [(HIDDEN, 2)], step


def test_b_near_miss_other_alembic_subcommands_and_an_option_value_named_upgrade() -> None:
    job = _JOB.replace("VERB", "history")
    assert _codes({"chart/templates/migrations.yaml": job}, HIDDEN) == []
    for step in ("alembic -c upgrade.ini current", "alembic -n upgrade history", "poetry run alembic -c a.ini check"):
        assert _codes({"start.sh": f"#!/bin/sh\n{step}\n"}, HIDDEN) == [], step
