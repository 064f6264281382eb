"""Classes of mistakes the sixty-ninth hold-out set found (tests/preflight/holdout69: infrastructure code that installs
and upgrades a product: Ansible, Helm, Dockerfiles, compose, Kubernetes), each as its minimal construct next to a
near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at

_MIGRATION = "preflight.hidden_migration"
_CREDENTIAL = "preflight.hardcoded_credential"

# -- A: a migrate verb given to the product's own image is its migration CLI --------------------------------------

_HOOK_JOB = (
    "apiVersion: batch/v1\n"
    "kind: Job\n"
    "metadata:\n"
    "  name: {{ .Release.Name }}-migrate\n"
    "  annotations:\n"
    "    helm.sh/hook: post-upgrade\n"
    "spec:\n"
    "  template:\n"
    "    spec:\n"
    "      containers:\n"
    "        - name: migration\n"
    '          {{- include "catalog.image" . | indent 10 }}\n'
    "          args:\n"
    "            - {verb}\n"
)


def test_a_args_migrate_under_an_image_from_a_named_template_is_a_migration() -> None:
    files = {"charts/catalog/templates/db-migration.yaml": _HOOK_JOB.replace("{verb}", "migrate")}
    assert codes_at(files, _MIGRATION) == [14]


def test_a_near_miss_args_serve_under_the_same_job_is_quiet() -> None:
    files = {"charts/catalog/templates/db-migration.yaml": _HOOK_JOB.replace("{verb}", "serve")}
    assert codes_at(files, _MIGRATION) == []


def test_a_a_migrate_subcommand_of_the_container_program_and_block_list_items_of_values() -> None:
    job = (
        "apiVersion: batch/v1\n"
        "kind: Job\n"
        "spec:\n"
        "  template:\n"
        "    spec:\n"
        "      containers:\n"
        "        - name: instance-migrate\n"
        "          image: {{ .Values.image | quote }}\n"
        '          command: ["orchestrator"]\n'
        '          args: ["instance", "migrate"]\n'
        "      {{- range $c := .Values.extraContainers }}\n"
        "      - {{ toYaml $c | nindent 10 | trim }}\n"
        "      {{- end }}\n"
    )
    assert codes_at({"helm/app/templates/job-migrate.yaml": job}, _MIGRATION) == [9]
    quiet = job.replace('"instance", "migrate"', '"instance", "info"')
    assert codes_at({"helm/app/templates/job-migrate.yaml": quiet}, _MIGRATION) == []


def test_a_compose_file_under_another_name_runs_its_migrate_service() -> None:
    compose = (
        "services:\n"
        "  server:\n"
        '    image: "vendor/authz"\n'
        '    command: "serve"\n'
        "  migrate:\n"
        '    image: "vendor/authz"\n'
        '    command: "migrate head"\n'
    )
    assert codes_at({"examples/compose/postgres.yml": compose}, _MIGRATION) == [7]


def test_a_near_miss_golang_migrate_with_its_options_and_a_yaml_that_is_not_compose() -> None:
    compose = (
        "services:\n"
        "  migrate:\n"
        "    image: migrate/migrate\n"
        '    command: ["-path", "/migrations", "-database", "postgres://db/app", "version"]\n'
    )
    assert codes_at({"docker-compose.yml": compose}, _MIGRATION) == []
    settings = "services:\n  jobs:\n    command: migrate head\n"  # no image or build: not a compose service
    assert codes_at({"config/settings.yml": settings}, _MIGRATION) == []


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


# -- B: a compose service that runs a migrator image's entrypoint --------------------------------------------------


def test_b_a_service_of_a_migrator_image_with_no_command_migrates() -> None:
    compose = (
        "services:\n"
        "  app-migrate:\n"
        "    image: ghcr.io/vendor/app/app-migrate:${TAG}\n"
        "  app-api:\n"
        "    image: ghcr.io/vendor/app/app-api:${TAG}\n"
    )
    assert codes_at({"docker-compose.release.yml": compose}, _MIGRATION) == [3]


def test_b_near_miss_golang_migrate_image_or_a_migrator_given_another_command() -> None:
    compose = (
        "services:\n"
        "  tool:\n"
        "    image: migrate/migrate:v4\n"
        "  app-migrate:\n"
        "    image: vendor/app-migrate:1\n"
        "    command: --help\n"
    )
    assert codes_at({"docker-compose.yml": compose}, _MIGRATION) == []


# -- C: Ansible's django_manage module is manage.py --------------------------------------------------------------


_DJANGO_TASK = (
    "---\n"
    "- name: migrate\n"
    "  community.general.django_manage:\n"
    "    app_path: /srv/app\n"
    "    command: {command}\n"
    "    virtualenv: /srv/env\n"
)


def test_c_django_manage_command_migrate_is_a_migration_at_its_command_line() -> None:
    files = {"roles/app/tasks/django.yml": _DJANGO_TASK.replace("{command}", "migrate")}
    assert codes_at(files, _MIGRATION) == [5]


def test_c_near_miss_django_manage_collectstatic_is_quiet() -> None:
    files = {"roles/app/tasks/django.yml": _DJANGO_TASK.replace("{command}", '"collectstatic --noinput"')}
    assert codes_at(files, _MIGRATION) == []


# -- D: an optional Jinja prefix before the command word; a namespace's rake migrate task -------------------------


def test_d_a_prefix_that_defaults_to_nothing_leaves_the_command_and_plugin_migrations_migrate() -> None:
    tasks = (
        "---\n"
        "- name: Update the core database\n"
        "  ansible.builtin.command: bash -lc \"{{ prefix | default('') }}bundle exec rake db:migrate\"\n"
        "- name: Update the plugins' databases\n"
        '  ansible.builtin.command: bash -lc "bundle exec rake redmine:plugins:migrate"\n'
    )
    assert codes_at({"roles/redmine/tasks/update.yml": tasks}, _MIGRATION) == [3, 5]


def test_d_near_miss_a_prefix_with_a_value_and_tasks_about_migrations() -> None:
    tasks = (
        "---\n"
        "- name: Unknown program\n"
        '  ansible.builtin.command: bash -lc "{{ runner }}bundle exec rake db:migrate"\n'
        "- name: Status\n"
        '  ansible.builtin.command: bash -lc "bundle exec rake db:migrate:status railties:install:migrations"\n'
    )
    assert codes_at({"roles/redmine/tasks/update.yml": tasks}, _MIGRATION) == []


# -- E: a control tool given a component's database and the verb that migrates it ---------------------------------


def test_e_ctl_component_database_migrate_is_a_migration() -> None:
    handlers = (
        "---\n"
        "- name: registry migrations\n"
        '  ansible.builtin.command: "gitlab-ctl registry-database migrate up --skip-post-deployment"\n'
    )
    assert codes_at({"roles/gitlab/handlers/main.yml": handlers}, _MIGRATION) == [3]


def test_e_near_miss_ctl_status_of_a_component_database() -> None:
    handlers = (
        "---\n"
        "- name: registry status\n"
        '  ansible.builtin.command: "gitlab-ctl registry-database status"\n'
        "- name: restart\n"
        '  ansible.builtin.command: "gitlab-ctl restart"\n'
    )
    assert codes_at({"roles/gitlab/handlers/main.yml": handlers}, _MIGRATION) == []


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
