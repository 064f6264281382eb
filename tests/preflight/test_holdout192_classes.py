"""Hold-out set 192's classes (deployment files, sixth sample), each with its near-miss."""

from __future__ import annotations

import pytest
from preflight_kit import located, package, run

# Class A: a chart template Helm renders to a manifest although its suffix is ``.tpl`` (an Argo CD PreSync Job of
# infra-fect-2024's backend chart): its container command and env list are read as a ``.yaml`` template's are.
_JOB = """kind: Job
apiVersion: batch/v1
metadata:
  name: {{ .Values.name }}-migrate
  annotations:
    argocd.argoproj.io/hook: PreSync
spec:
  template:
    spec:
      containers:
      - name: {{ .Values.name }}
        image: {{ .Values.image.repo }}:{{ .Values.image.tag }}
        command: ["python", "manage.py", "migrate"]
        env:
        - name: POSTGRESQL_PASSWORD
          value: appelsin
      restartPolicy: Never
"""
_CODES = ("preflight.hidden_migration", "preflight.hardcoded_credential")


def _found(path: str, text: str) -> list[tuple[str, str, int | None]]:
    return sorted(f for f in located(run(package({path: text}))) if f[0] in _CODES)


@pytest.mark.parametrize("path", ["apps/be/templates/migrations.tpl", "charts/app/templates/job.TPL"])
def test_a_manifest_template_with_the_tpl_suffix_is_read_as_a_manifest(path: str) -> None:
    assert _found(path, _JOB) == [
        ("preflight.hardcoded_credential", path, 16),
        ("preflight.hidden_migration", path, 13),
    ]


@pytest.mark.parametrize(
    ("path", "text"),
    [
        # a partial (a name beginning with ``_``): Helm renders nothing of it as a manifest
        ("charts/app/templates/_job.tpl", _JOB),
        # a .tpl of templates/ that writes no object (no top-level apiVersion and kind): a text template
        ("charts/app/templates/settings.tpl", _JOB.replace("kind: Job\napiVersion: batch/v1\n", "job:\n")),
        # a .tpl outside any templates/ directory is no chart template
        ("deploy/migrations.tpl", _JOB),
    ],
)
def test_a_tpl_helm_does_not_render_as_a_manifest_stays_unread(path: str, text: str) -> None:
    assert _found(path, text) == []
