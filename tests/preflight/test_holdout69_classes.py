"""Classes of mistakes the sixty-ninth hold-out set found (tests/preflight/holdout69: infrastructure code that installs
and upgrades a product: Ansible, Helm, Dockerfiles, compose, Kubernetes), each as its minimal construct next to a
near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at

_MIGRATION = "preflight.hidden_migration"
_CREDENTIAL = "preflight.hardcoded_credential"

# -- G: credentials a compose file or a chart's values hold --------------------------------------------------------


def test_g_a_conventional_word_as_a_url_password_and_a_pre_shared_key_are_credentials() -> None:
    compose = (
        "services:\n"
        "  app:\n"
        "    image: vendor/app\n"
        "    environment:\n"
        '      - "APP_DATASTORE_URI=postgres://postgres:secret@database:5432/app"\n'
        '      - "APP_GRPC_PRESHARED_KEY=foobar"\n'
    )
    assert codes_at({"docker-compose.yml": compose}, _CREDENTIAL) == [5, 6]


def test_g_near_miss_a_secret_mount_named_secret_and_the_key_a_password_is_stored_under() -> None:
    values = (
        "existingSecret: ''\n"
        "secretKeys:\n"
        "  adminPasswordKey: password\n"
        "  userPasswordKey: user-password\n"
        "volumes:\n"
        "  kind: secret\n"
    )
    assert codes_at({"charts/app/values.yaml": values}, _CREDENTIAL) == []
    assert codes_at({"charts/app/values.yaml": values + "adminPassword: password\n"}, _CREDENTIAL) == [7]


# -- F: apk given a repository URL contacts that host ---------------------------------------------------------------

_ENDPOINT = "preflight.external_endpoint"


def test_f_apk_repository_url_is_an_endpoint() -> None:
    dockerfile = (
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache --repository http://dl-cdn.alpinelinux.org/alpine/edge/main && \\\n"
        "    apk add --no-cache -X https://mirror.vendor.example/alpine/main app\n"
    )
    assert codes_at({"Dockerfile": dockerfile}, _ENDPOINT) == [2, 3]


def test_f_near_miss_apk_add_of_packages_names_no_host() -> None:
    dockerfile = "FROM alpine:3.19\nRUN apk add --no-cache ca-certificates curl\n"
    assert codes_at({"Dockerfile": dockerfile}, _ENDPOINT) == []


# -- H: become on a controller-side action escalates nothing; a Kubernetes CronJob is a scheduled job ------------

_SUDO = "preflight.sudo_unavailable"
_SCHEDULED = "preflight.scheduled_job"


def test_h_become_on_set_fact_is_not_an_escalation_but_on_a_command_it_is() -> None:
    handlers = (
        "---\n"
        "- name: upgraded\n"
        "  become: true\n"
        "  ansible.builtin.set_fact:\n"
        "    upgraded: true\n"
        "- name: restart\n"
        "  become: true\n"
        '  ansible.builtin.command: "appctl restart"\n'
    )
    assert codes_at({"roles/app/handlers/main.yml": handlers}, _SUDO) == [7]


def test_h_a_cronjob_manifest_is_a_scheduled_job_at_its_schedule() -> None:
    cronjob = (
        "apiVersion: batch/v1\n"
        "kind: CronJob\n"
        "metadata:\n"
        "  name: cleaner\n"
        "spec:\n"
        '  schedule: "*/2 * * * *"\n'
        "  jobTemplate:\n"
        "    spec:\n"
        "      template:\n"
        "        spec:\n"
        "          containers:\n"
        "          - name: cleaner\n"
        "            image: vendor/cleaner:1\n"
    )
    assert codes_at({"kubernetes/cronjob.yaml": cronjob}, _SCHEDULED) == [6]


def test_h_near_miss_a_job_or_a_cronjob_mentioned_in_settings_is_not_scheduled() -> None:
    job = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\nspec:\n  template: {}\n"
    settings = "cleanup:\n  kind: CronJob\n  schedule: '@daily'\n"  # a chart value, not an object
    assert codes_at({"kubernetes/job.yaml": job, "charts/app/values.yaml": settings}, _SCHEDULED) == []
