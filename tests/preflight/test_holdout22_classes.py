"""Classes the twenty-second hold-out set showed (tests/preflight/holdout22: Helm charts as vendors ship them), each
as its minimal construct next to a near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight import helm

# -- A: a chart's templates were not read (a template is not YAML until rendered) ----------------------------------

_HOST = "preflight.container_host_access"
_CREDENTIAL = "preflight.hardcoded_credential"

_TEMPLATE = """{{- if .Values.agent.enabled }}
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: {{ include "agent.fullname" . }}
  labels:
    {{- include "agent.labels" . | nindent 4 }}
spec:
  template:
    spec:
      hostPID: true
      {{- if .Values.agent.hostNetwork }}
      hostNetwork: true
      {{- end }}
      containers:
        - name: agent
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          securityContext:
            {{- if .Values.agent.privileged }}
            privileged: true
            {{- else }}
            capabilities:
              add:
                - SYS_ADMIN
            {{- end }}
          env:
            - name: DB_PASSWORD
              value: "s3cr3t-Passw0rd"
            - name: API_TOKEN
              value: {{ .Values.apiToken | quote }}
          resources:
{{ toYaml .Values.resources | indent 12 }}
      volumes:
        - name: sock
          hostPath:
            path: {{ .Values.agent.socketPath | default "/var/run/docker.sock" }}
{{- end }}
"""


def test_a_a_template_is_read_as_the_yaml_it_renders_to() -> None:
    files = {"deploy/charts/agent/templates/daemonset.yaml": _TEMPLATE}
    # every grant the template writes, in either branch of an if/else; the socket from the action's default
    assert codes_at(files, _HOST) == [11, 13, 20, 24, 36]
    # a literal in the template's env list is a credential; a value taken from .Values is not known here
    assert codes_at(files, _CREDENTIAL) == [28]


def test_a_values_decide_a_field_the_template_takes_from_them() -> None:
    template = (
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  containers:\n"
        "    - name: app\n      image: app:1\n      securityContext:\n        privileged: {{ .Values.privileged }}\n"
    )
    path = "chart/templates/pod.yaml"
    # no values in the package: the field's value is unknown, nothing is reported
    assert codes_at({path: template}, _HOST) == []
    # the chart's values.yaml says true: reported at the template's line (and not for a values.yaml saying false)
    assert codes_at({path: template, "chart/values.yaml": "privileged: true\n"}, _HOST) == [10]
    assert codes_at({path: template, "chart/values.yaml": "privileged: false\n"}, _HOST) == []


def test_a_near_misses_stay_quiet() -> None:
    quiet = {
        # the value of a field only known at install time; a toYaml block from values; a comment action
        "chart/templates/ds.yaml": "apiVersion: apps/v1\nkind: DaemonSet\nspec:\n  template:\n    spec:\n"
        "      hostNetwork: {{ .Values.hostNetwork }}\n      {{/* hostPID: true */}}\n      securityContext:\n"
        "        {{- toYaml .Values.podSecurityContext | nindent 8 }}\n",
        # a YAML file outside a chart's templates/ holding Jinja: read as it is (it parses; nothing to grant)
        "ansible/vars.yaml": 'hostPID: "{{ host_pid }}"\n',
        # a _helpers.tpl: named templates, no object
        "chart/templates/_helpers.tpl": '{{- define "x.labels" -}}\napp: {{ .Chart.Name }}\nprivileged: true\n'
        "{{- end }}\n",
    }
    for path, text in quiet.items():
        assert codes_at({path: text}, _HOST) == [], path


def test_a_hostile_templates_keep_their_lines() -> None:
    """One long line of actions, actions never closed, strings never closed: read whole, line for line."""
    for text in ("x: " + "{{ .Values.a }} " * 50_000, "{{" * 50_000 + "\nhostPID: true\n", '{{ "' * 20_000 + "\n"):
        assert helm.skeleton(text).count("\n") == text.count("\n")
    assert codes_at({"chart/templates/x.yaml": "{{" * 50_000 + "\nhostPID: true\n"}, _HOST) == []


# -- B: a Kubernetes container's command list was not read for migrations; Kong's and ZITADEL's CLIs unknown ------

_MIGRATION = "preflight.hidden_migration"

_HOOK = """apiVersion: batch/v1
kind: Job
metadata:
  name: {{ template "app.fullname" . }}-pre-upgrade-migrations
  annotations:
    helm.sh/hook: "pre-upgrade"
spec:
  template:
    spec:
      containers:
      - name: migrations
        image: {{ include "app.image" . }}
        args: [ "kong", "migrations", "up" ]
      restartPolicy: OnFailure
"""


def test_b_a_job_s_command_list_that_migrates_is_a_hidden_migration() -> None:
    assert codes_at({"charts/kong/templates/migrations-pre-upgrade.yaml": _HOOK}, _MIGRATION) == [13]
    manifest = (
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n"
        "      containers:\n      - name: web\n        image: vendor/web:2.1\n"
        '        command: ["python", "manage.py", "migrate", "--noinput"]\n'
    )
    assert codes_at({"deploy/migrate-job.yaml": manifest}, _MIGRATION) == [11]
    # sh -c (read as shell, the CLI known now)
    shell = _HOOK.replace(
        'args: [ "kong", "migrations", "up" ]', 'command: [ "/bin/sh", "-c", "kong migrations bootstrap" ]'
    )
    assert codes_at({"charts/kong/templates/migrations.yaml": shell}, _MIGRATION) == [13]


def test_b_args_alone_run_the_image_s_program_when_the_image_is_known() -> None:
    template = (
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: setup\nspec:\n  template:\n    spec:\n"
        "      containers:\n"
        '        - name: setup\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n'
        "          args:\n            - setup\n            - --steps\n            - /config/steps.yaml\n"
    )
    path = "charts/zitadel/templates/setupjob.yaml"
    values = "image:\n  repository: ghcr.io/zitadel/zitadel\n  tag: v2.66.0\n"
    assert codes_at({path: template, "charts/zitadel/values.yaml": values}, _MIGRATION) == [12]
    # without the values the chart's own image runs the program named as the chart (session 31); another chart's
    # name is no known CLI
    assert codes_at({path: template}, _MIGRATION) == [12]
    assert codes_at({"charts/webapp/templates/setupjob.yaml": template}, _MIGRATION) == []


def test_b_near_misses_stay_quiet() -> None:
    quiet = [
        _HOOK.replace('[ "kong", "migrations", "up" ]', '[ "kong", "health" ]'),
        _HOOK.replace('args: [ "kong", "migrations", "up" ]', 'command: [ "/bin/sh", "-c", "kong version" ]'),
        _HOOK.replace('{{ include "app.image" . }}', "kong:3.6").replace(
            '[ "kong", "migrations", "up" ]', '[ "migrations", "list" ]'
        ),
    ]
    for text in quiet:
        assert codes_at({"charts/kong/templates/job.yaml": text}, _MIGRATION) == [], text
    # a container spec that is not in a Kubernetes object (Helm values) is not a command that runs
    values = "migrations:\n  image: kong:3.6\n  args: [kong, migrations, up]\n"
    assert codes_at({"charts/kong/values.yaml": values}, _MIGRATION) == []


# -- C: a chart's template comments, metadata and image repositories were read as hosts contacted ------------------

_ENDPOINT = "preflight.external_endpoint"


def test_c_chart_names_that_are_not_contacted_are_not_endpoints() -> None:
    files = {
        # a Go template comment (one line and spanning lines) naming an issue tracker
        "chart/templates/job.yaml": "{{/* see https://github.com/helm/helm/issues/3308 */}}\n{{- /*\n"
        "  and https://tracker.vendor.io/123\n*/}}\napiVersion: batch/v1\nkind: Job\n",
        # the chart's metadata: its home page, sources, icon, maintainers
        "chart/Chart.yaml": "apiVersion: v2\nname: agent\nversion: 1.2.0\nhome: https://agent.vendor.io/\n"
        "sources:\n  - https://github.com/vendor/agent\nmaintainers:\n  - name: SRE\n"
        "    url: https://sre.vendor.io\nicon: https://cdn.vendor.io/logo.png\n",
        # an image's registry and repository in values
        "chart/values.yaml": "image:\n  registry: registry.vendor.io\n  repository: registry.vendor.io/agent\n"
        "  tag: 1.2.0\nsysctlImage:\n  repository: ghcr.io/vendor/sysctl\n",
    }
    for path, text in files.items():
        assert codes_at({path: text}, _ENDPOINT) == [], path


def test_c_near_misses_keep_being_reported() -> None:
    assert codes_at(
        {"chart/templates/cm.yaml": "data:\n  upstream: https://api.vendor.io/v2  {{/* x */}}\n"}, _ENDPOINT
    ) == [2]
    chart = "apiVersion: v2\nname: agent\ndependencies:\n  - name: redis\n    repository: https://charts.vendor.io\n"
    assert codes_at({"chart/Chart.yaml": chart}, _ENDPOINT) == [5]  # fetched by helm dependency update
    values = (
        "npm:\n  registry: https://npm.vendor.io\nimage:\n  repository: app\nbackup:\n  url: https://s3.vendor.io\n"
    )
    assert codes_at({"chart/values.yaml": values}, _ENDPOINT) == [2, 6]
    # a template comment outside a chart's templates/ is not blanked (Jinja, other tools)
    assert codes_at({"deploy/cm.yaml": "upstream: https://api.vendor.io/v2 {{/* x */}}\n"}, _ENDPOINT) == [1]


# -- D: a Kubernetes Service's cluster name (``kubernetes.default.svc``) was a public host ------------------------


def test_d_cluster_service_names_are_internal() -> None:
    config = "api: https://kubernetes.default.svc:443\ndb_host: postgres.prod.svc\n"
    assert codes_at({"config/app.yaml": config}, _ENDPOINT) == []
    # near-miss: a public name that contains .svc elsewhere stays reported
    assert codes_at({"config/app.yaml": "api: https://kubernetes.svc.vendor.io/\n"}, _ENDPOINT) == [1]


# -- E: a URL's field-name password in a trailing comment was a hard-coded credential -------------------------------


def test_e_a_format_shown_in_a_trailing_comment_is_not_a_credential() -> None:
    values = (
        "externalMongodbUrl: # mongodb://user:password@localhost:27017/rocketchat\n"
        "oplogUrl: # mongodb://user:password@localhost:27017/local?replicaSet=rs0\n"
    )
    assert codes_at({"chart/values.yaml": values}, _CREDENTIAL) == []
    # near-misses: a real password before the comment, a real one in the comment, a field name outside a comment
    reported = (
        "dbUrl: postgres://app:Wq8v1xZt@db.vendor.io/app # see https://docs.vendor.io\n"
        "oldUrl: # mongodb://admin:Hx71kPq2@mongo.vendor.io/app\n"
        "mongoUrl: mongodb://user:password@mongo.vendor.io/app\n"
    )
    assert codes_at({"chart/values.yaml": reported}, _CREDENTIAL) == [1, 2, 3]


# -- F: TLS verification switched off for the host's own address (a loopback URL) was reported -------------------

_TLS = "preflight.tls_verification_disabled"


def test_f_tls_off_for_loopback_urls_only_is_not_reported() -> None:
    config = (
        "jobs:\n  - url: http://127.0.0.1:10255/metrics\n  - url: https://localhost:10250/metrics\n"
        "    tls_skip_verify: yes\n  - name: node\n    insecure_skip_verify: true\n"
        "    url: https://[::1]:9100/metrics\n"
    )
    assert codes_at({"chart/values.yaml": config}, _TLS) == []


def test_f_near_misses_keep_being_reported() -> None:
    config = (
        "jobs:\n  - url: https://localhost:10250/metrics\n  - url: https://kubelet.vendor.io:10250/metrics\n"
        "    tls_skip_verify: yes\n  - name: no-url\n    insecure_skip_verify: true\n"
        "  - urls: [https://127.0.0.1:1/, https://10.0.0.5:1/]\n    tls_skip_verify: true\n"
    )
    assert codes_at({"config/scrape.yaml": config}, _TLS) == [4, 6, 8]
    # not YAML: read as before
    assert codes_at({"etc/app.conf": "url = https://localhost/\nssl_verify = false\n"}, _TLS) == [2]


# -- G: a secret setting whose name is written with blanks (``api key = …``) was not a credential -----------------


def test_g_a_spaced_secret_name_is_read_as_one_name() -> None:
    conf = "[stream]\n  enabled = yes\n  api key = 7c1e0d8a-51f2-4c43-9a9b-2b6f0e4d11aa\n  auth token = Zq8Wm2Lp7Rt4\n"
    assert codes_at({"etc/netdata/stream.conf": conf}, _CREDENTIAL) == [3, 4]
    # near-misses: a reference, an empty value, a sentence, a name that holds no secret
    quiet = (
        "[stream]\n  api key = ${NETDATA_API_KEY}\n  api key =\n  api key = see the cloud console\n"
        "  buffer size bytes = 1048576\n  default memory mode = dbengine\n"
    )
    assert codes_at({"etc/netdata/stream.conf": quiet}, _CREDENTIAL) == []
