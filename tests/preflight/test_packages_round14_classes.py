"""Round fourteen of the whole packages (tests/preflight/packages/README.md, "Round fourteen"): each class fixed, with
a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its result)."""

from __future__ import annotations

from preflight_kit import findings

ENDPOINT = "preflight.external_endpoint"

_BACKEND = (
    "import requests\n"  # 1
    "\n"  # 2
    "class RegistryBackend:\n"  # 3
    '    name = "Registry"\n'  # 4
    "    examples = [\n"  # 5
    '        "https://registry.vendor.io/package/left-pad",\n'  # 6
    '        "https://registry.vendor.io/package/colors",\n'  # 7
    "    ]\n"  # 8
    "\n"  # 9
    "    @classmethod\n"  # 10
    "    def get_versions(cls, project):\n"  # 11
    '        url = f"https://api.vendor.io/{project.name}/versions"\n'  # 12
    "        return requests.get(url, timeout=60).json()\n"  # 13
)


def test_a_collection_of_examples_shown_to_a_user_names_no_host_it_requests() -> None:
    # the backend's samples of what to type; the URL it builds from the project is what it requests
    assert findings({"monitor/backends/registry.py": _BACKEND}) == [(ENDPOINT, 12)]


def test_a_single_example_url_or_a_list_under_another_name_is_still_read() -> None:
    # near miss: one setting named example (not a collection of samples) and the same list named for mirrors
    one = _BACKEND.replace("    examples = [\n", '    example = "https://registry.vendor.io/x"\n    mirrors = [\n')
    assert (ENDPOINT, 7) in findings({"monitor/backends/registry.py": one})
    mirrors = _BACKEND.replace("examples = [", "mirrors = [")
    assert (ENDPOINT, 6) in findings({"monitor/backends/registry.py": mirrors})


_HIDDEN_LOCK = (
    "{\n"  # 1
    '  "name": "static",\n'  # 2
    '  "lockfileVersion": 3,\n'  # 3
    '  "packages": {\n'  # 4
    '    "node_modules/bootstrap": {\n'  # 5
    '      "version": "5.3.3",\n'  # 6
    '      "resolved": "https://registry.npmjs.org/bootstrap/-/bootstrap-5.3.3.tgz"\n'  # 7
    "    }\n"  # 8
    "  }\n"  # 9
    "}\n"  # 10
)


def test_npms_hidden_lock_file_in_node_modules_is_a_lock_file() -> None:
    # npm writes node_modules/.package-lock.json on every install: where the build fetched each dependency
    assert findings({"app/static/node_modules/.package-lock.json": _HIDDEN_LOCK}) == []


def test_the_same_urls_in_a_settings_file_beside_it_are_still_read() -> None:
    # near miss: the same mapping under a name no package manager writes
    assert (ENDPOINT, 7) in findings({"app/static/registry.json": _HIDDEN_LOCK})


SUDO = "preflight.sudo_unavailable"
_POSTRM = (
    "#!/bin/sh\n"  # 1
    "set -e\n"  # 2
    'case "$1" in\n'  # 3
    "    purge)\n"  # 4
    "        rm -rf /var/lib/lab/home/\n"  # 5
    '        sudo su postgres -c "dropdb lab" || true\n'  # 6
    "    ;;\n"  # 7
    "    remove|upgrade|failed-upgrade|abort-install|abort-upgrade|disappear)\n"  # 8
    "    ;;\n"  # 9
    "esac\n"  # 10
    "exit 0\n"  # 11
)


def test_sudo_in_a_postrms_purge_branch_is_not_a_step_of_the_upgrade() -> None:
    # only `dpkg --purge` runs the branch: the removal the operator asked for, not the upgrade
    assert SUDO not in {code for code, _ in findings({"postrm": _POSTRM})}


def test_the_same_sudo_in_the_branch_an_upgrade_takes_is_still_reported() -> None:
    # near miss: the same line where dpkg's upgrade call lands
    upgrade = _POSTRM.replace("    purge)\n", "    purge|upgrade)\n").replace("|upgrade|failed", "|failed")
    assert (SUDO, 6) in findings({"postrm": upgrade})


_ERRATA = (
    "%(product)s Update: %(update_id)s\n"  # 1
    "--------------------------------------------------------------------------------\n"  # 2
    "%(notes)s\n"  # 3
    "For more information, refer to the documentation available at\n"  # 4
    "https://updates.vendor.io/command_ref.html#upgrade\n"  # 5
    "Keys used to sign the packages can be found at https://vendor.io/keys\n"  # 6
)


def test_a_template_in_a_folder_of_mail_templates_is_a_message_for_its_recipient() -> None:
    # the body of the errata mail the product fills in and sends: its links are the reader's
    assert findings({"server/email/templates/errata.tpl": _ERRATA}) == []


def test_the_same_text_in_a_template_folder_of_another_kind_is_still_read() -> None:
    # near miss: a template folder that is not a mail folder (a configuration template the product renders)
    assert (ENDPOINT, 5) in findings({"server/config/templates/errata.tpl": _ERRATA})


UNLOCKED = "preflight.migration_unlocked"
REWRITE = "preflight.migration_rewrites_table"
INDEX = "preflight.index_not_concurrent"
_INITIAL = (
    "from django.db import migrations, models\n"
    "\n"
    "class Migration(migrations.Migration):\n"
    "    initial = True\n"
    "    dependencies = []\n"
    "    operations = [\n"
    "        migrations.CreateModel(\n"
    '            name="Job",\n'
    '            fields=[("id", models.AutoField(primary_key=True)), ("state", models.IntegerField(default=0)),\n'
    '                    ("kind", models.CharField(max_length=20))],\n'
    "        ),\n"
    "    ]\n"
)
_TOGETHER = (
    "from django.db import migrations\n"  # 1
    "\n"  # 2
    "class Migration(migrations.Migration):\n"  # 3
    '    dependencies = [("lab", "0001_initial")]\n'  # 4
    "    operations = [\n"  # 5
    "        migrations.AlterIndexTogether(\n"  # 6
    '            name="job",\n'  # 7
    '            index_together=set([("state", "kind")]),\n'  # 8
    "        ),\n"  # 9
    "        migrations.AlterUniqueTogether(\n"  # 10
    '            name="job",\n'  # 11
    '            unique_together=set([("state", "kind")]),\n'  # 12
    "        ),\n"  # 13
    "    ]\n"  # 14
)


def _lab(second: str) -> dict[str, str | bytes]:
    return {
        "lab/migrations/__init__.py": "",
        "lab/migrations/0001_initial.py": _INITIAL,
        "lab/migrations/0002_job_together.py": second,
    }


def test_index_and_unique_together_written_as_set_calls_change_a_live_table() -> None:
    # Django builds the index_together index and adds the UNIQUE constraint on a table 0001 created
    found = [(c, line) for c, line in findings(_lab(_TOGETHER)) if c in (UNLOCKED, REWRITE, INDEX)]
    assert found == [(INDEX, 6), (REWRITE, 10), (UNLOCKED, 10)]


def test_an_emptied_index_together_is_not_assumed_to_drop_an_index() -> None:
    # near miss: `index_together=set()` on a model that never had one sends nothing
    emptied = _TOGETHER.replace('index_together=set([("state", "kind")])', "index_together=set()")
    assert INDEX not in {c for c, _ in findings(_lab(emptied))}


HIDDEN = "preflight.hidden_migration"


def test_a_product_cli_handing_migrate_to_djangos_management_applies_migrations() -> None:
    # `lab-server manage …` runs the product's Django management commands, as its manage.py would
    script = "#!/bin/sh\nset -e\nlab-server manage migrate --noinput --fake-initial\n"
    assert (HIDDEN, 3) in findings({"scripts/upgrade.sh": script})


def test_a_manage_subcommand_that_only_plans_or_lists_migrations_applies_nothing() -> None:
    # near miss: the plan and the list of migrations change no schema
    script = "#!/bin/sh\nset -e\nlab-server manage migrate --plan\nlab-server manage showmigrations\n"
    assert HIDDEN not in {c for c, _ in findings({"scripts/upgrade.sh": script})}


_WEBFONT = (
    '<?xml version="1.0" standalone="no"?>\n'  # 1
    '<svg xmlns="http://www.w3.org/2000/svg">\n'  # 2
    "<metadata>\n"  # 3
    "This is a custom SVG webfont.\n"  # 4
    "Designer    : A. Designer\n"  # 5
    "Foundry URL : http://foundry.vendor.io\n"  # 6
    "</metadata>\n"  # 7
    '<defs><font id="webfont" horiz-adv-x="1464"></font></defs>\n'  # 8
    "</svg>\n"  # 9
)


def test_an_svg_fonts_credits_are_text_a_browser_renders() -> None:
    # an SVG image or font is drawn by the browser; its metadata names the foundry, no host the product contacts
    assert findings({"app/static/css/fonts/Face-webfont.svg": _WEBFONT}) == []


def test_the_same_credit_line_in_a_settings_file_is_still_read() -> None:
    # near miss: `Foundry URL : http://…` as a setting of a configuration file
    assert (ENDPOINT, 6) in findings({"etc/app/fonts.conf": _WEBFONT})


CREDENTIAL = "preflight.hardcoded_credential"
_LABELS = (
    "class TestCase:\n"  # 1
    "    RESULT_PASS = 0\n"  # 2
    "    RESULT_FAIL = 1\n"  # 3
    "    RESULT_SKIP = 2\n"  # 4
    "    RESULT_REVERSE = {\n"  # 5
    '        RESULT_PASS: "pass",\n'  # 6
    '        RESULT_FAIL: "fail",\n'  # 7
    '        RESULT_SKIP: "skip",\n'  # 8
    "    }\n"  # 9
)


def test_the_labels_of_an_enumerations_members_are_names_not_passwords() -> None:
    # each value spells the last word of its member's name: `RESULT_PASS: "pass"` is the label of a test result
    assert findings({"app/results/models.py": _LABELS}) == []


def test_a_settings_map_with_a_conventional_password_is_still_reported() -> None:
    # near miss: the entries around the password hold values, not their keys' words
    settings = _LABELS.replace('RESULT_FAIL: "fail"', 'DB_HOST: "db"')
    settings = settings.replace('RESULT_SKIP: "skip"', 'DB_USER: "admin"')
    assert (CREDENTIAL, 6) in findings({"app/results/models.py": settings.replace("RESULT_PASS:", "DB_PASS:")})


_TOKENS = (
    "import random\n"  # 1
    "\n"  # 2
    "def generate_token():\n"  # 3
    '    _SECRET_CHARS = "01234567890abcdefghijklmnopqrtsuwxyz"\n'  # 4
    '    return "".join(random.SystemRandom().choice(_SECRET_CHARS) for i in range(128))\n'  # 5
)


def test_the_characters_a_secret_is_drawn_from_are_no_secret() -> None:
    # the alphabet of a token generator
    assert findings({"app/tokens.py": _TOKENS}) == []


def test_the_same_string_under_a_secret_name_is_still_reported() -> None:
    # near miss: the same characters as a key
    assert (CREDENTIAL, 4) in findings({"app/tokens.py": _TOKENS.replace("_SECRET_CHARS =", "_SECRET_KEY =")})


_SETUP = (
    "#! /usr/bin/python3\n"  # 1
    "from pathlib import Path\n"  # 2
    "from django.core.management.utils import get_random_secret_key\n"  # 3
    "\n"  # 4
    'GEN_SECRET_KEY = Path("/etc/lab/settings.d/00-secret-key.yaml")\n'  # 5
    "\n"  # 6
    "def main():\n"  # 7
    "    GEN_SECRET_KEY.write_text(\n"  # 8
    '        f"""# generated by the setup script\n'  # 9
    'SECRET_KEY: "{get_random_secret_key()}"\n'  # 10
    '""",\n'  # 11
    '        encoding="utf-8",\n'  # 12
    "    )\n"  # 13
    "\n"  # 14
    'if __name__ == "__main__":\n'  # 15
    "    main()\n"  # 16
)


def test_a_secret_a_template_field_fills_with_a_generated_value_is_no_literal() -> None:
    # the f-string writes a fresh random key into the settings file on each install
    assert CREDENTIAL not in {c for c, _ in findings({"app/settings_writer.py": _SETUP})}


def test_a_literal_key_written_by_the_same_template_is_still_reported() -> None:
    # near miss: the same template writing one key for every install
    fixed = _SETUP.replace("{get_random_secret_key()}", "kq3Lp0Vz8RtY2mWnQ7cX")
    assert (CREDENTIAL, 10) in findings({"app/settings_writer.py": fixed})


_OIDC = (
    "[app:main]\n"  # 1
    "oidc.fedora.client_id = oidc-client_id\n"  # 2
    "oidc.fedora.client_secret = oidc-client_secret\n"  # 3
)


def test_a_setting_holding_its_own_name_after_a_prefix_names_the_field_to_fill() -> None:
    # `oidc-client_secret` is the field's name standing where the operator's secret goes
    assert findings({"production.ini": _OIDC}) == []


def test_a_prefixed_value_that_is_not_the_settings_name_is_still_a_secret() -> None:
    # near miss: a prefix before a value of its own
    assert (CREDENTIAL, 3) in findings({"production.ini": _OIDC.replace("oidc-client_secret", "oidc-Kx93hQ2mZp")})


_MAPPING_LINKS = (
    "# Configurable links to package repositories for package mappings in distributions\n"  # 1
    "[distro_mapping_links]\n"  # 2
    'Fedora = "https://src.vendor-a.org/rpms/%s"\n'  # 3
    'Ubuntu = "https://launchpad.vendor-b.net/ubuntu/+source/%s"\n'  # 4
    "\n"  # 5
    "[check_service]\n"  # 6
    'upstream = "https://api.vendor-c.io/"\n'  # 7
)


def test_the_entries_of_a_section_named_for_links_are_links_a_page_shows() -> None:
    # the web page fills each template with a package's name; the section after it is read as before
    assert findings({"files/monitor.toml.sample": _MAPPING_LINKS}) == [(ENDPOINT, 7)]


def test_the_same_entries_in_a_section_named_otherwise_are_still_read() -> None:
    # near miss: a section of mirrors
    mirrors = _MAPPING_LINKS.replace("[distro_mapping_links]", "[distro_mirrors]")
    assert {(ENDPOINT, 3), (ENDPOINT, 4)} <= set(findings({"files/monitor.toml.sample": mirrors}))


_CORS = (
    "[app:main]\n"  # 1
    "cors_origins_ro = *\n"  # 2
    "cors_origins_rw = https://updates.vendor.io\n"  # 3
    "bz_server = https://bugzilla.vendor.io/xmlrpc.cgi\n"  # 4
)


def test_cors_origins_are_pages_a_browser_may_call_from_not_hosts_contacted() -> None:
    assert findings({"production.ini": _CORS}) == [(ENDPOINT, 4)]


def test_the_same_origin_under_a_setting_of_another_kind_is_still_read() -> None:
    # near miss: the same address as an upstream the product calls
    assert (ENDPOINT, 3) in findings({"production.ini": _CORS.replace("cors_origins_rw", "upstream_rw")})
