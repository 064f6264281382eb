"""Classes the eighteenth hold-out set showed (tests/preflight/holdout18: deployment configuration a vendor package
ships), each as its minimal construct next to a near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at, findings, package, run

from shipgate.findings import Severity

# -- A: a container given the host's privileges -----------------------------------------------------------------

_HOST = "preflight.container_host_access"

_DAEMONSET = """apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      hostNetwork: true
      hostPID: true
      containers:
      - name: agent
        image: vendor/agent:1.0
        securityContext:
          privileged: true
          capabilities:
            add: ["SYS_ADMIN", "NET_ADMIN", "SYS_TIME"]
      volumes:
      - name: root
        hostPath:
          path: /
      - name: sock
        hostPath:
          path: /var/run/docker.sock
      - name: logs
        hostPath:
          path: /var/log
"""


def _severities(files: dict[str, str]) -> list[tuple[int | None, Severity]]:
    return [(f.evidence.get("line"), f.severity) for f in run(package(files)) if f.code == _HOST]


def test_a_a_manifest_s_host_grants_are_reported_by_what_they_grant() -> None:
    assert _severities({"deploy/agent.yaml": _DAEMONSET}) == [
        (8, Severity.MEDIUM),  # hostNetwork
        (9, Severity.HIGH),  # hostPID
        (14, Severity.HIGH),  # privileged
        (16, Severity.HIGH),  # SYS_ADMIN (NET_ADMIN, SYS_TIME on the same line: the strongest is kept)
        (20, Severity.HIGH),  # hostPath /
        (23, Severity.HIGH),  # the Docker socket
    ]


def test_a_compose_services_helm_values_and_cluster_admin_are_read() -> None:
    compose = (
        "services:\n  mon:\n    image: vendor/mon\n    pid: host\n    network_mode: host\n    cap_add:\n"
        "      - NET_ADMIN\n      - SYS_MODULE\n    volumes:\n"
        "      - /var/run/docker.sock:/var/run/docker.sock:ro\n"
        "      - /etc:/host/etc:ro\n      - ./data:/data\n"
        "      - type: bind\n        source: /\n        target: /rootfs\n"
    )
    assert codes_at({"docker-compose.yml": compose}, _HOST) == [4, 5, 8, 10, 11, 13]
    # a compose file named otherwise is read by its shape (a services: mapping, no apiVersion)
    hub = (
        "version: '2.4'\nservices:\n  collector:\n    image: vendor/collector\n    cap_add:\n      - SYS_RAWIO\n"
        "    devices:\n      - /dev/sda\n      - /dev/nvme0n1:/dev/nvme0n1\n      - /dev/dri:/dev/dri\n"
        "      - /dev/ttyUSB0:/dev/ttyACM0\n"
    )
    # raw disks are reported; a GPU or a serial adapter is a narrow device, not the host's disks
    assert codes_at({"docker/example.hubspoke.docker-compose.yml": hub}, _HOST) == [6, 8, 9]
    values = "securityContext:\n  privileged: true  # some metrics need it\n  runAsNonRoot: false\n"
    assert codes_at({"chart/values.yaml": values}, _HOST) == [2]
    binding = (
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: vendor\nroleRef:\n"
        "  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\nsubjects:\n"
        "- kind: ServiceAccount\n  name: vendor\n  namespace: vendor\n"
    )
    assert codes_at({"deploy/rbac.yaml": binding}, _HOST) == [8]


def test_a_narrow_grants_policies_and_lookalikes_stay_quiet() -> None:
    quiet = {
        # dropped capabilities, no escalation, the kubelet's plugin directory, a subdirectory of /var/lib
        "deploy/plugin.yaml": "spec:\n  containers:\n  - securityContext:\n"
        "      allowPrivilegeEscalation: false\n      capabilities:\n        drop: [ALL]\n"
        "  volumes:\n  - hostPath:\n      path: /var/lib/kubelet/device-plugins\n",
        # a PodSecurityPolicy allows, it does not grant
        "deploy/psp.yaml": "apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nspec:\n  privileged: true\n"
        "  hostNetwork: true\n  hostPID: true\n",
        # false values, NET_ADMIN in the container's own network namespace, a rootless Podman socket, named volumes
        "docker-compose.yml": "services:\n  vpn:\n    privileged: false\n    network_mode: bridge\n"
        "    cap_add: [NET_ADMIN]\n    volumes:\n      - /run/user/1000/podman/podman.sock:/run/podman.sock\n"
        "      - data:/data\n      - ${DIR}:/x\n",
        # privileged outside a securityContext, a binding to a role of its own, a comment
        "config/app.yaml": "features:\n  privileged: true\nroleRef:\n  name: vendor-reader\n# hostPID: true\n",
        # runAsUser: 0 by itself, a read-only /etc subdirectory
        "deploy/job.yaml": "spec:\n  securityContext:\n    runAsUser: 0\n  volumes:\n  - hostPath:\n"
        "      path: /etc/kubernetes\n",
    }
    for path, text in quiet.items():
        assert codes_at({path: text}, _HOST) == [], path
    # a Helm template that does not parse as YAML is not seen (docs/preflight.md says so)
    assert (
        codes_at({"templates/ds.yaml": "{{- if .Values.x }}\nhostPID: {{ .Values.hostPID }}\n{{- end }}\n"}, _HOST)
        == []
    )


# -- B: a compose file's own service names are not hosts beyond it ----------------------------------------------

_ENDPOINT = "preflight.external_endpoint"


def test_b_a_compose_service_s_own_names_are_not_endpoints() -> None:
    compose = (
        "services:\n  wazuh.manager:\n    image: wazuh/manager\n    hostname: wazuh.manager\n"
        "  wazuh.indexer:\n    image: wazuh/indexer\n    hostname: indexer.internal-net\n"
        "  dashboard:\n    image: wazuh/dashboard\n    environment:\n"
        "      - OPENSEARCH_HOSTS=https://indexer.internal-net:9200\n      - WAZUH_API_URL=https://wazuh.manager\n"
        "      - UPDATES_URL=https://updates.wazuh.com/feed\n"
    )
    assert codes_at({"docker-compose.yml": compose}, _ENDPOINT) == [13]


def test_b_the_same_names_outside_a_compose_file_stay_reported() -> None:
    env = "API_URL=https://wazuh.manager\n"
    assert codes_at({"config/app.env": env}, _ENDPOINT) == [1]


# -- C: a secret in a Kubernetes env list (name:/value: on two lines) -------------------------------------------

_CRED = "preflight.hardcoded_credential"


def test_c_an_env_list_password_value_is_a_credential() -> None:
    manifest = (
        "spec:\n  containers:\n  - name: beat\n    env:\n    - name: ELASTICSEARCH_USERNAME\n      value: elastic\n"
        "    - name: ELASTICSEARCH_PASSWORD\n      value: changeme\n"
    )
    assert codes_at({"deploy/beat.yaml": manifest}, _CRED) == [8]


def test_c_references_and_non_secret_names_are_not() -> None:
    manifest = (
        "env:\n- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef: {name: db, key: password}\n"
        "- name: ELASTIC_CLOUD_AUTH\n  value:\n- name: API_TOKEN\n  value: ${API_TOKEN}\n"
        "- name: PASSWORD_FILE\n  value: /run/secrets/pw\n- name: LOG_LEVEL\n  value: debug\n"
        "- name: DB_PASSWORD_ENABLED\n  value: 'true'\n"
    )
    assert codes_at({"deploy/app.yaml": manifest}, _CRED) == []


# -- D: a secret given to a service's command through an option named for it ------------------------------------


def test_d_a_compose_command_s_secret_option_is_a_credential() -> None:
    compose = (
        "services:\n  watchtower:\n    image: containrrr/watchtower\n"
        "    command: --interval 10 --http-api-token demotoken\n"
    )
    assert codes_at({"docker-compose.yml": compose}, _CRED) == [4]
    exec_form = 'services:\n  app:\n    image: vendor/app\n    command: ["serve", "--admin-password=Adm1nPass"]\n'
    assert codes_at({"compose.yaml": exec_form}, _CRED) == [4]


def test_d_references_switches_and_files_are_not() -> None:
    compose = (
        "services:\n  a:\n    command: --http-api-token ${WATCHTOWER_TOKEN}\n"
        "  b:\n    command: --no-password --verbose\n"
        "  c:\n    command: --api-token-file /run/secrets/token\n"
        "  d:\n    command: --use-token --interval 10\n"
    )
    assert findings({"docker-compose.yml": compose}) == []
