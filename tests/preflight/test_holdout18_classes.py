"""Classes the eighteenth hold-out set showed (tests/preflight/holdout18: deployment configuration a vendor package
ships), each as its minimal construct next to a near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at, findings

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
