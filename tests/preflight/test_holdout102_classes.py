"""Classes of mistakes the hundred-and-second hold-out set found (tests/preflight/holdout102: Kubernetes manifests,
Helm chart templates and values, compose files of self-hosted products), each as its minimal construct next to a
near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import findings

HIDDEN = "preflight.hidden_migration"
HOST = "preflight.container_host_access"


def _codes(files: dict[str, str], code: str) -> list[tuple[str, int]]:
    return [f for f in findings(files) if f[0] == code]


# -- A: a vendor schema tool's subcommand that is itself "update the schema" ------------------------------------


def test_a_a_schema_tool_subcommand_in_a_script() -> None:
    for step in (
        "temporal-sql-tool update-schema -d /etc/temporal/schema/postgresql/v12/temporal/versioned",
        "temporal-sql-tool --ep db -p 5432 update-schema -d ./versioned",
        "temporal-sql-tool --plugin=postgres12 setup-schema -v 0.0",
        "appctl-db upgrade-db --yes",
        "exampletool schema-upgrade",
    ):
        assert _codes({"start.sh": f"#!/bin/sh\n{step}\n"}, HIDDEN) == [(HIDDEN, 2)], step


def test_a_near_miss_reading_verbs_help_printers_and_other_subcommands() -> None:
    for step in (
        "temporal-sql-tool validate-schema -d ./versioned",
        "temporal-sql-tool update-schema --help",
        "temporal-sql-tool create -k temporal --replication-factor 1",
        "temporal-sql-tool dump update-schema",
        "echo update-schema",
        "apt-get update",
    ):
        assert _codes({"start.sh": f"#!/bin/sh\n{step}\n"}, HIDDEN) == [], step


# -- B: an `{{- else }}` branch that gives the field an empty list made the template's skeleton unparsable ------

_JOB = """apiVersion: batch/v1
kind: Job
metadata:
  name: {{ .Release.Name }}-schema
  annotations:
    "helm.sh/hook": pre-install,pre-upgrade
spec:
  template:
    spec:
      initContainers:
        {{- if .Values.cassandra.enabled }}
        - name: check-cassandra
          image: busybox
          command: ['sh', '-c', 'until nslookup cassandra; do sleep 1; done;']
        {{- else }}
          EMPTY
        {{- end }}
      containers:
        - name: schema
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          args: ["temporal-{{ .Values.driver }}-tool", "setup-schema", "-v", "0.0"]
          securityContext:
            privileged: true
"""


def test_b_an_empty_else_alternative_keeps_the_template_readable() -> None:
    for empty in ("[]", "{}"):
        job = _JOB.replace("EMPTY", empty)
        assert _codes({"chart/templates/job.yaml": job}, HIDDEN) == [(HIDDEN, 21)], empty
        assert _codes({"chart/templates/job.yaml": job}, HOST) == [(HOST, 23)], empty


def test_b_near_miss_an_else_branch_with_items_stays_as_it_was() -> None:
    # a non-empty else branch is kept as before: both branches' items, read whichever value selects them
    job = _JOB.replace("          EMPTY", "        - name: wait\n          image: busybox")
    assert _codes({"chart/templates/job.yaml": job}, HOST) == [(HOST, 24)]
    # an empty list that is a field's own value (not an else branch) is a value as before
    plain = _JOB.replace("        {{- else }}\n          EMPTY\n        {{- end }}\n", "        {{- end }}\n")
    head = "      initContainers:\n        {{- if"
    plain = plain.replace(head, "      volumes: []\n" + head)
    assert _codes({"chart/templates/job.yaml": plain}, HOST) == [(HOST, 22)]


# -- C: `args: [sh, -c, SCRIPT]` with no `command:` was read by neither the list-form nor the shell reader --------

_POD = """apiVersion: batch/v1
kind: Job
metadata:
  name: schema-update
spec:
  template:
    spec:
      containers:
        - name: schema
          image: example/admin-tools:1.2
          ARGS
"""


def test_c_a_shell_script_given_as_args_alone_is_read() -> None:
    job = _POD.replace("ARGS", "args: ['sh', '-c', 'temporal-cassandra-tool update-schema -d /etc/schema/versioned']")
    assert _codes({"k8s/job.yaml": job}, HIDDEN) == [(HIDDEN, 11)]
    listed = _POD.replace("ARGS", "args:\n            - sh\n            - -c\n            - python manage.py migrate")
    assert _codes({"k8s/job.yaml": listed}, HIDDEN) == [(HIDDEN, 14)]


def test_c_near_miss_args_without_a_shell_and_ansible_args_stay_as_they_were() -> None:
    job = _POD.replace("ARGS", "args: ['--log-level', 'info', '-c', 'migrate the schema']")
    assert _codes({"k8s/job.yaml": job}, HIDDEN) == []
    play = (
        "- hosts: all\n"
        "  tasks:\n"
        "    - name: list\n"
        "      ansible.builtin.command: ls\n"
        "      args:\n"
        "        chdir: /srv/app\n"
    )
    assert _codes({"playbook.yml": play}, HIDDEN) == []
