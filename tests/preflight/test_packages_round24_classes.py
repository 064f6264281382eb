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


# a list plugin makes a record per item and gives it the item's page as its link; a lookup's field map computes the
# link fields each record carries
_LIST_PLUGIN = (
    "import requests\n"  # 1
    "FIELDS = {\n"  # 2
    "    'imdb_url': lambda s: s.imdb_id and f'http://www.imdb.example.com/title/{s.imdb_id}',\n"  # 3
    "    'name': 'title',\n"  # 4
    "}\n"  # 5
    "def on_task_input(config):\n"  # 6
    "    entries = []\n"  # 7
    "    for item in requests.get('https://api.lists.example.com/v2/items').json():\n"  # 8
    "        entry = Entry()\n"  # 9
    "        entry['title'] = item['title']\n"  # 10
    "        entry['url'] = f'https://lists.example.com/shows/{item[\"slug\"]}'\n"  # 11
    "        entries.append(entry)\n"  # 12
    "    return entries\n"  # 13
)


def test_a_records_link_given_after_its_constructor_is_shown() -> None:
    # FlexGet's ``entry = Entry()`` … ``entry['url'] = 'https://trakt.tv/…'``, ``'imdb_url': lambda series: …``
    assert codes_at({"app/plugins/lists.py": _LIST_PLUGIN}, ENDPOINT) == [8]


def test_a_url_stored_in_no_record_or_computed_by_no_field_map_is_requested() -> None:
    # the same store into a dict that no record constructor made (a request's parameters), and a lambda under a key
    # that names no link field (a callback that builds the URL it fetches)
    source = _LIST_PLUGIN.replace("entry = Entry()", "entry = {}").replace("'imdb_url': lambda", "'fetch': lambda")
    assert codes_at({"app/plugins/lists.py": source}, ENDPOINT) == [3, 8, 11]


# Ganeti's bash completion: the option spellings offered for a subcommand, as one alternation per word
_COMPLETION = (
    "#!/bin/bash\n"
    "_find_first_arg 2 '--cluster-domain-secret|--reason' '--cluster-domain-secret=*|--debug|--force|--reason=*|-h'\n"
    "_checkopt '--os-parameters-secret=*|--reason=*' '--os-parameters-secret|--reason'\n"
)


def test_a_completions_option_alternation_gives_no_secret() -> None:
    assert codes_at({"usr/share/bash-completion/completions/cluster": _COMPLETION}, CREDENTIAL) == []


def test_a_secret_option_given_a_value_stays_reported() -> None:
    # the same option given a value on a command line
    script = "#!/bin/sh\ngnt-cluster renew-crypto --cluster-domain-secret=Zq8wXr4Tk2Lp9Vb\n"
    assert codes_at({"usr/share/cluster/renew.sh": script}, CREDENTIAL) == [2]


# FlexGet's ``config_schema.py``: the dialect every schema it builds declares, and its version check's messages
_SCHEMA_MODULE = (
    "import requests\n"  # 1
    "BASE_SCHEMA_URI = 'https://json-schema.org/draft/2020-12/schema'\n"  # 2
    "def build(schema):\n"  # 3
    "    return {'$schema': BASE_SCHEMA_URI, **schema}\n"  # 4
    "def latest():\n"  # 5
    "    try:\n"  # 6
    "        return requests.get('https://pypi.example.org/pypi/app/json').json()\n"  # 7
    "    except OSError:\n"  # 8
    "        console('Error getting latest version number from https://pypi.example.org/pypi/app')\n"  # 9
)


def test_a_schema_dialect_and_a_console_message_are_no_requests() -> None:
    assert codes_at({"app/config_schema.py": _SCHEMA_MODULE}, ENDPOINT) == [7]


def test_a_schema_uri_also_fetched_and_a_url_handed_to_a_call_stay_requests() -> None:
    # the constant used once more as a request's address, and the message's URL handed to a call that is no output
    source = _SCHEMA_MODULE.replace(
        "'$schema': BASE_SCHEMA_URI, ", "'$schema': BASE_SCHEMA_URI, 'd': fetch(BASE_SCHEMA_URI), "
    )
    source = source.replace("console('Error", "consolidate('Error")
    assert codes_at({"app/config_schema.py": source}, ENDPOINT) == [2, 7, 9]


HIDDEN = "preflight.hidden_migration"

# Gramps Web's ``docker-entrypoint.sh``: the product's CLI, run as a module, migrates the user database at each start
_ENTRYPOINT = '#!/bin/sh\nset -e\npython3 -m gramps_webapi --config /app/config/config.cfg user migrate\nexec "$@"\n'


def test_a_modules_group_migrate_command_is_a_hidden_migration() -> None:
    assert codes_at({"docker-entrypoint.sh": _ENTRYPOINT}, HIDDEN) == [3]


def test_a_modules_migrate_word_as_a_value_or_deeper_is_none() -> None:
    # ``migrate`` as a user's name (the third word) or given more words is no subcommand of the product's CLI
    source = _ENTRYPOINT.replace("user migrate", "user add migrate")
    source += "python3 -m gramps_webapi --config /app/config.cfg search migrate index\n"
    assert codes_at({"docker-entrypoint.sh": source}, HIDDEN) == []


# FlexGet's ``ombi_list.py``: the IMDb page built into a local name, then given to the record it returns
_OMBI = (
    "import requests\n"  # 1
    "def entry_for(request):\n"  # 2
    "    if not request.get('imdbId'):\n"  # 3
    "        simdburl = ''\n"  # 4
    "    else:\n"  # 5
    "        simdburl = 'http://www.imdb.example.com/title/' + request.get('imdbId') + '/'\n"  # 6
    "    return Entry(title=request['title'], url=simdburl)\n"  # 7
)


def test_a_local_name_only_given_as_a_records_link_is_shown() -> None:
    assert codes_at({"app/lists/ombi.py": _OMBI}, ENDPOINT) == []


def test_a_local_name_also_requested_stays_a_request() -> None:
    source = _OMBI + "    requests.get(simdburl)\n"
    assert codes_at({"app/lists/ombi.py": source.replace("    return Entry", "    e = Entry")}, ENDPOINT) == [6]
