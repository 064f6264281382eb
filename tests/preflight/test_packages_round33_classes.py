"""Round thirty-three of the whole packages (tests/preflight/packages/README.md, "Round thirty-three"): each class
fixed, with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep
its result)."""

from __future__ import annotations

from preflight_kit import findings

ENDPOINT = "preflight.external_endpoint"

# Argilla's static/_nuxt/4f94b1e.js: a webpack 4 chunk, pushed to the JSONP loader, shorter than a bundle's line
_CHUNK = (
    "(window.webpackJsonp=window.webpackJsonp||[]).push([[42],{417:function(e,t,n){var t=function link(){"
    'return new URL("https://share.example-imagecdn.net/dibt/card.png")}}}]);\n'
)
# the same code as a person writes it: the app's own script, read
_SCRIPT = (
    "window.queue = window.queue || [];\n"  # 1
    "export function card() {\n"  # 2
    '  return fetch("https://share.example-imagecdn.net/dibt/card.png")\n'  # 3
    "}\n"
)
# a minified stylesheet on one long line, its fonts loaded by the reader's browser
_FONTS = "@import url(https://fonts.example-fontcdn.com/css2?family=Roboto&display=swap);"
_RULES = ".notices{bottom:0;position:fixed}" * 200


def test_a_webpack_chunk_is_a_web_bundle() -> None:
    assert findings({"app/static/_nuxt/4f94b1e.js": _CHUNK}) == []


def test_a_webpack_5_chunk_is_a_web_bundle() -> None:
    chunk = _CHUNK.replace("window.webpackJsonp", "self.webpackChunkapp")
    assert findings({"app/static/_nuxt/4f94b1e.js": chunk}) == []


def test_a_script_that_keeps_a_queue_of_its_own_is_read() -> None:
    # ``window.queue = window.queue || []`` is no webpack loader: the script is the app's own, its request reported
    assert (ENDPOINT, 3) in findings({"app/static/js/card.js": _SCRIPT})


def test_a_stylesheet_on_one_long_line_is_a_web_bundle() -> None:
    # Argilla's static/_nuxt/cb7f2348533ac73dbe67.css: a minified stylesheet, its Google Fonts import the browser's
    assert findings({"app/static/_nuxt/cb7f2348533ac73dbe67.css": _FONTS + _RULES + "\n"}) == []


def test_a_short_stylesheet_is_still_read() -> None:
    # the same import in a stylesheet a person wrote stays reported
    found = findings({"app/static/css/fonts.css": _FONTS + "\n.notices{bottom:0}\n"})
    assert (ENDPOINT, 1) in found


CREDENTIAL = "preflight.hardcoded_credential"

# Argilla's static/_nuxt/62e8334.js: a webpack chunk of the German translations, on one line
_LABELS = (
    '(window.webpackJsonp=window.webpackJsonp||[]).push([[207],{1416:function(e,a,t){"use strict";t.r(a),'
    'a.default={username:"Benutzername",password:"Passwort",show:"Anzeigen"}}}]);\n'
)
# a service's settings in the app's own script: the word is a password the product runs with
_SETTINGS = 'export const broker = {\n  user: "worker",\n  password: "Passwort",\n};\n'


def test_a_word_under_a_password_name_in_a_webpack_chunk_is_a_label() -> None:
    assert (CREDENTIAL, 1) not in findings({"app/static/_nuxt/62e8334.js": _LABELS})


def test_the_same_word_in_the_apps_own_script_is_still_a_password() -> None:
    assert (CREDENTIAL, 3) in findings({"app/static/js/broker.js": _SETTINGS})


# WireCloud's commons/utils/template/parsers/rdf.py: rdflib namespaces named by their vocabularies' IRIs
_VOCABULARIES = (
    "import rdflib\n"  # 1
    "\n"  # 2
    'FOAF = rdflib.Namespace("http://xmlns.example-vocab.com/foaf/0.1/")\n'  # 3
    'BLUEPRINT = rdflib.Namespace("http://bizweb.example-vocab.com/TR/blueprint#")\n'  # 4
    "\n"  # 5
    "\n"  # 6
    "def load(graph):\n"  # 7
    '    graph.parse("http://xmlns.example-vocab.com/foaf/0.1/index.rdf")\n'  # 8
)


def test_an_rdf_namespace_is_a_vocabularys_name() -> None:
    found = findings({"app/template/parsers/rdf.py": _VOCABULARIES})
    assert (ENDPOINT, 3) not in found and (ENDPOINT, 4) not in found


def test_a_graph_parsed_from_the_vocabularys_host_is_still_a_request() -> None:
    # rdflib's ``graph.parse(url)`` fetches the document: reported
    assert (ENDPOINT, 8) in findings({"app/template/parsers/rdf.py": _VOCABULARIES})


UNLOCKED = "preflight.migration_unlocked"

_INITIAL = (
    "from django.db import migrations, models\n"
    "\n"
    "\n"
    "class Migration(migrations.Migration):\n"
    "    initial = True\n"
    "    dependencies = []\n"
    "    operations = [\n"
    "        migrations.CreateModel(\n"
    "            name='Organization',\n"
    "            fields=[('id', models.AutoField(primary_key=True))],\n"
    "        ),\n"
    "    ]\n"
)


def _moved(operations: str) -> str:
    return (
        "from django.db import migrations\n"  # 1
        "\n"  # 2
        "\n"  # 3
        "class Migration(migrations.Migration):\n"  # 4
        "    dependencies = [('platform', '0001_initial')]\n"  # 5
        "    operations = [\n"  # 6
        "        migrations.SeparateDatabaseAndState(\n"  # 7
        f"            {operations}=[\n"  # 8
        "                migrations.AlterModelTable('organization', 'wirecloud_organization'),\n"  # 9
        "            ],\n"  # 10
        "        ),\n"  # 11
        "    ]\n"
    )


def test_a_model_table_renamed_by_the_database_operations_is_a_live_alter() -> None:
    # WireCloud's platform/migrations/0015_remove_organization_models.py: ALTER TABLE platform_organization RENAME
    files = {
        "app/platform/migrations/0001_initial.py": _INITIAL,
        "app/platform/migrations/0002_move_organization.py": _moved("database_operations"),
    }
    assert (UNLOCKED, 9) in findings(files)


def test_a_model_table_renamed_only_in_the_state_is_no_statement() -> None:
    files = {
        "app/platform/migrations/0001_initial.py": _INITIAL,
        "app/platform/migrations/0002_move_organization.py": _moved("state_operations"),
    }
    assert (UNLOCKED, 9) not in findings(files)


# Argilla's contexts/hub_templates/README.md.jinja2: the dataset card it writes, a Markdown page
_CARD = (
    "# Dataset Card for {{ repo_id }}\n"  # 1
    "\n"  # 2
    "This dataset has been created with [Argilla](https://github.example-forge.com/argilla-io/argilla).\n"  # 3
)
# a Jinja template of a setting file: the upstream is contacted
_UPSTREAM = "[upstream]\nurl = https://mirror.example-forge.com/simple\nname = {{ name }}\n"


def test_a_jinja_template_of_a_markdown_page_is_a_document() -> None:
    assert (ENDPOINT, 3) not in findings({"app/hub_templates/README.md.jinja2": _CARD})


def test_a_jinja_template_of_a_setting_file_is_still_read() -> None:
    assert (ENDPOINT, 2) in findings({"app/templates/pip.conf.jinja2": _UPSTREAM})


# Argilla's constants.py: the default owner account's password among constants that spell their own names
_CONSTANTS = (
    'DATABASE_SQLITE = "sqlite"\n'  # 1
    'DATABASE_POSTGRESQL = "postgresql"\n'  # 2
    'SEARCH_ENGINE_ELASTICSEARCH = "elasticsearch"\n'  # 3
    "\n"  # 4
    'DEFAULT_USERNAME = "argilla"\n'  # 5
    'DEFAULT_PASSWORD = "{}"\n'  # 6
)


def test_a_password_of_digits_among_self_naming_constants_is_a_password() -> None:
    assert (CREDENTIAL, 6) in findings({"app/constants.py": _CONSTANTS.format("1234")})


def test_a_name_among_self_naming_constants_is_still_a_name() -> None:
    # ``PASSNOTOKEN = "passOnNoToken"`` beside ``OTPPIN = "otppin"``: an enumeration's member, as before
    assert (CREDENTIAL, 6) not in findings({"app/constants.py": _CONSTANTS.format("defaultPassword")})


def test_a_model_table_set_to_djangos_own_name_renames_nothing() -> None:
    # Pootle's pootle_store/migrations/0029_unit_tablename.py: ``table='pootle_store_unit'`` for ``pootle_store``'s
    # ``unit``, the name its table already had
    moved = _moved("database_operations").replace("'wirecloud_organization'", "'platform_organization'")
    files = {"app/platform/migrations/0001_initial.py": _INITIAL, "app/platform/migrations/0002_move.py": moved}
    assert (UNLOCKED, 9) not in findings(files)
