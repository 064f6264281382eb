"""Round seven of the whole packages (tests/preflight/packages/README.md, "Round seven"): each class fixed, with a
construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its result)."""

from __future__ import annotations

from preflight_kit import codes_at, located, package, run

from shipgate.findings import Severity
from shipgate.preflight import PreflightOptions
from shipgate.preflight.scan_order import budget_order, is_message_catalogue

UNLOCKED = "preflight.migration_unlocked"
SKIPPED = "preflight.file_skipped"

INITIAL = (
    "from django.db import migrations, models\n\n\n"
    "class Migration(migrations.Migration):\n"
    "    initial = True\n"
    "    operations = [\n"
    "        migrations.CreateModel(\n"
    '            name="Unit",\n'
    '            fields=[("id", models.AutoField(primary_key=True)), ("text", models.TextField())],\n'
    "        ),\n"
    "    ]\n"
)
CHANGE = (
    "from django.db import migrations, models\n\n\n"
    "class Migration(migrations.Migration):\n"
    '    dependencies = [("trans", "0001_initial")]\n'
    "    operations = [\n"
    '        migrations.RemoveField(model_name="unit", name="text"),\n'
    "    ]\n"
)


def _translation_platform() -> dict[str, str]:
    """An app whose gettext catalogues (50 languages, 400 bytes each) sort before its migrations (``locale/`` <
    ``trans/``)."""
    catalogue = ('msgid "Translate"\nmsgstr "Translate"\n\n' * 11)[:399] + "\n"
    files = {f"wlt/locale/l{n:02d}/LC_MESSAGES/django.po": catalogue for n in range(50)}
    files.update(
        {
            "wlt/trans/__init__.py": "",
            "wlt/trans/migrations/__init__.py": "",
            "wlt/trans/migrations/0001_initial.py": INITIAL,
            "wlt/trans/migrations/0002_remove_text.py": CHANGE,
        }
    )
    return files


def test_message_catalogues_are_offered_to_the_budget_last() -> None:
    paths = ["wlt/locale/de/LC_MESSAGES/django.po", "po/wlt.pot", "wlt/locale/de/LC_MESSAGES/django.mo", "wlt/z.py"]
    assert budget_order(paths) == [
        "wlt/z.py",
        "po/wlt.pot",
        "wlt/locale/de/LC_MESSAGES/django.mo",
        "wlt/locale/de/LC_MESSAGES/django.po",
    ]
    # near miss: a program or script kept under a locale folder is no catalogue and keeps its path order
    assert not is_message_catalogue("wlt/locale/compile_messages.py")
    assert not is_message_catalogue("wlt/locale/de/LC_MESSAGES/README.poem")
    assert budget_order(["wlt/locale/compile_messages.py", "wlt/trans/x.py"])[0] == "wlt/locale/compile_messages.py"


def test_a_migration_after_large_catalogues_is_still_read() -> None:
    files = _translation_platform()  # 20,000 bytes of catalogues
    found = run(package(files), options=PreflightOptions(max_total_bytes=20_000))
    assert [line for c, p, line in located(found) if c == UNLOCKED and p.endswith("0002_remove_text.py")] == [7]
    assert any(c == SKIPPED and p.endswith("django.po") for c, p, _ in located(found))
    # near miss: with no room even for the migration, it is skipped and said so
    tight = run(package(files), options=PreflightOptions(max_total_bytes=10))
    assert not [c for c, p, _ in located(tight) if c == UNLOCKED]
    assert any(c == SKIPPED and p.endswith("0002_remove_text.py") for c, p, _ in located(tight))


HIDDEN = "preflight.hidden_migration"


def test_an_openstack_db_manage_upgrade_is_a_hidden_migration() -> None:
    body = (
        '#!/bin/sh\nset -e\nif [ "$1" = configure ]; then\n'
        '  su -s /bin/sh -c "dten-db-manage --config-file /etc/dten/dten.conf upgrade head" dten\n'
        "  dten-db-manage upgrade --expand\nfi\n"
    )
    assert codes_at({"postinst": body}, HIDDEN) == [4, 5]
    # near miss: the revision asked for or the history listed, not changed; the help of the verb
    reads = "#!/bin/sh\ndten-db-manage current\ndten-db-manage --config-file /etc/dten.conf history\n"
    assert codes_at({"postinst": reads + "dten-db-manage upgrade --help\n"}, HIDDEN) == []


ENDPOINT = "preflight.external_endpoint"


def test_a_link_a_call_describes_is_shown_not_requested() -> None:
    code = (
        "def includeme(config):\n"
        "    config.add_api_capability(\n"
        '        "history",\n'
        '        description="Track changes on data.",\n'
        '        url="https://dten-docs.example.org/en/latest/api/history.html",\n'
        "    )\n"
    )
    assert codes_at({"dten/plugins/history.py": code}, ENDPOINT) == []
    # near miss: a URL given to a call with no description or label is still the host it requests
    request = (
        "import requests\n\n\ndef fetch():\n"
        '    return requests.post(url="https://api.dten-cloud.io/v2/push", timeout=5)\n'
    )
    assert codes_at({"dten/plugins/push.py": request}, ENDPOINT) == [5]


def test_project_description_files_and_licence_sidecars_name_no_host() -> None:
    contribute = '{\n  "name": "Dten",\n  "repository": {\n    "url": "https://git.dten-hub.io/dten/dten"\n  }\n}\n'
    reuse = 'version = 1\nSPDX-PackageDownloadLocation = "https://dten-project.io/"\n'
    sidecar = "SPDX-FileCopyrightText: Dten Authors <https://git.dten-hub.io/dten/select>\n"
    files = {"dten/contribute.json": contribute, "REUSE.toml": reuse, "dten/static/vendor/select.js.license": sidecar}
    assert codes_at(files, ENDPOINT) == []
    # near miss: a JSON settings file and a TOML configuration of the product name the hosts it contacts
    settings = '{\n  "push": {\n    "url": "https://api.dten-cloud.io/v2/push"\n  }\n}\n'
    config = 'version = 1\nupstream_url = "https://api.dten-cloud.io/v2/"\n'
    assert codes_at({"dten/settings.json": settings}, ENDPOINT) == [3]
    assert codes_at({"dten/dten.toml": config}, ENDPOINT) == [2]


def test_the_examples_folder_of_an_sdists_package_is_an_example() -> None:
    backend = (
        "class SampleTranslation:\n    def download(self):\n"
        '        return self.request("get", "https://mt.dten-cloud.io/languages")\n'
    )
    sdist = {"PKG-INFO": "Metadata-Version: 2.1\nName: dten\n", "dten/__init__.py": ""}
    assert codes_at({**sdist, "dten/examples/mt_service.py": backend}, ENDPOINT) == []
    # near miss: the same code in the package itself, and an examples/ folder of a folder that is no package
    assert codes_at({**sdist, "dten/machinery/mt_service.py": backend}, ENDPOINT) == [3]
    assert codes_at({**sdist, "deploy/examples/mt_service.py": backend}, ENDPOINT) == [3]


def test_an_example_compose_file_of_an_sdists_package_holds_example_credentials() -> None:
    compose = "services:\n  web:\n    environment:\n      DTEN_EMAIL_HOST_PASSWORD: pass\n"
    sdist = {"PKG-INFO": "Metadata-Version: 2.1\nName: dten\n", "dten/__init__.py": ""}
    assert codes_at({**sdist, "dten/examples/docker-compose.yml": compose}, "preflight.hardcoded_credential") == []
    # near miss: the same file shipped beside the product's own settings is its configuration
    assert codes_at({**sdist, "dten/deploy/docker-compose.yml": compose}, "preflight.hardcoded_credential") == [4]


def _contacted(files: dict[str, str]) -> list[tuple[str, int]]:
    found = [f for f in run(package(files)) if f.code == ENDPOINT and f.severity > Severity.LOW]
    return sorted((str(f.evidence.get("file") or f.path), int(str(f.evidence.get("line") or 0))) for f in found)


def test_samples_to_choose_from_name_hosts_only_once_copied() -> None:
    postinst = (
        '#!/bin/sh\nset -e\nif [ "$1" = configure ]; then\n'
        "  cp /var/lib/dten/config/unix.sample.conf /var/lib/dten/config/dten.conf\nfi\n"
    )
    unix = "ServerURL: ldap://directory.dten-corp.io:389\n"
    windows = "ServerURL: ldap://pdc.dten-corp.io\n"
    files = {
        "postinst": postinst,
        "var/lib/dten/config/unix.sample.conf": unix,
        "var/lib/dten/config/windows.sample.conf": windows,
    }
    assert _contacted(files) == [("var/lib/dten/config/unix.sample.conf", 1)]
    # near miss: with no script copying one of them, each sample is what an install built from it uses
    del files["postinst"]
    assert _contacted(files) == [
        ("var/lib/dten/config/unix.sample.conf", 1),
        ("var/lib/dten/config/windows.sample.conf", 1),
    ]


REWRITE = "preflight.migration_rewrites_table"
VARIANT = (
    "from django.db import migrations, models\n\n\n"
    "class Migration(migrations.Migration):\n"
    "    initial = True\n"
    "    operations = [\n"
    "        migrations.CreateModel(\n"
    '            name="Variant",\n'
    '            fields=[("id", models.AutoField(primary_key=True)), ("key", models.CharField(max_length=576))],\n'
    "        ),\n"
    "    ]\n"
)


def _alter_key(field: str) -> dict[str, str]:
    change = (
        "from django.db import migrations, models\n\n\n"
        "class Migration(migrations.Migration):\n"
        '    dependencies = [("trans", "0001_initial")]\n'
        "    operations = [\n"
        f'        migrations.AlterField(model_name="variant", name="key", field={field}),\n'
        "    ]\n"
    )
    return {
        "wlt/trans/__init__.py": "",
        "wlt/trans/migrations/__init__.py": "",
        "wlt/trans/migrations/0001_initial.py": VARIANT,
        "wlt/trans/migrations/0002_alter_variant_key.py": change,
    }


def test_a_varchar_made_text_rewrites_nothing() -> None:
    files = _alter_key("models.TextField()")
    assert codes_at(files, UNLOCKED) == [7]
    assert codes_at(files, REWRITE) == []
    # near miss: a varchar made shorter checks every row (a rewrite)
    narrowed = _alter_key("models.CharField(max_length=100)")
    assert codes_at(narrowed, REWRITE) == [7]
