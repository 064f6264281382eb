"""Round twenty-nine of the whole packages (tests/preflight/packages/README.md, "Round twenty-nine"): each class
fixed, with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its
result)."""

from __future__ import annotations

from preflight_kit import findings, package, run

UNLOCKED = "preflight.migration_unlocked"

INDEX = "preflight.index_not_concurrent"
REWRITES = "preflight.migration_rewrites_table"

_MESSAGES = (
    "from django.db import migrations, models\n"
    "\n"
    "\n"
    "class Migration(migrations.Migration):\n"
    "    initial = True\n"
    "    operations = [\n"
    "        migrations.CreateModel(\n"
    "            name='Msg',\n"
    "            fields=[('id', models.AutoField(primary_key=True)), ('db_value', models.TextField())],\n"
    "        ),\n"
    "    ]\n"
)


def _later(operation: str, models_py: str = "") -> dict[str, str | bytes]:
    text = (
        "from django.db import migrations, models\n"  # 1
        "import app.fields\n"  # 2
        "\n"  # 3
        "\n"  # 4
        "class Migration(migrations.Migration):\n"  # 5
        "    dependencies = [('comms', '0001_initial')]\n"  # 6
        "    operations = [\n"  # 7
        f"        {operation}\n"  # 8
        "    ]\n"  # 9
    )
    files: dict[str, str | bytes] = {
        "app/comms/migrations/0001_initial.py": _MESSAGES,
        "app/comms/migrations/0002_later.py": text,
    }
    if models_py:
        files["app/fields.py"] = models_py
    return files


def test_a_many_to_many_fields_db_index_indexes_nothing_of_the_models_table() -> None:
    # Evennia's comms 0003: AddField of ManyToManyField(…, db_index=True); the join table is new
    added = "migrations.AddField(model_name='msg', name='db_sender_objects', field=models.ManyToManyField("
    found = findings(_later(added + "to='objects.ObjectDB', db_index=True)),"))
    assert (INDEX, 8) not in found and (UNLOCKED, 8) in found


def test_a_columns_db_index_is_still_an_index_built_on_the_live_table() -> None:
    added = "migrations.AddField(model_name='msg', name='db_receiver', field=models.CharField("
    assert (INDEX, 8) in findings(_later(added + "max_length=255, db_index=True, blank=True)),"))


_PICKLED = (
    "from django.db import models\n"
    "\n"
    "\n"
    "class PickledObjectField(models.Field):\n"
    "    def get_internal_type(self):\n"
    "        return 'TextField'\n"
)


def test_a_field_class_that_names_its_internal_type_keeps_a_text_column() -> None:
    # Evennia's server 0002: TextField -> its PickledObjectField, whose get_internal_type is "TextField"
    altered = "migrations.AlterField(model_name='msg', name='db_value', field=app.fields.PickledObjectField()),"
    found = findings(_later(altered, _PICKLED))
    assert (UNLOCKED, 8) not in found and (REWRITES, 8) not in found


def test_a_field_class_that_names_another_internal_type_changes_the_column() -> None:
    altered = "migrations.AlterField(model_name='msg', name='db_value', field=app.fields.PickledObjectField()),"
    assert (REWRITES, 8) in findings(_later(altered, _PICKLED.replace("'TextField'", "'BigIntegerField'")))


_PROJECT_SETTINGS = (
    "DATABASES = {\n"  # 1
    "    'default': {\n"  # 2
    "        # Add 'postgresql_psycopg2', 'mysql', 'sqlite3' or 'oracle'.\n"  # 3
    "        'ENGINE': 'django.db.backends.',\n"  # 4
    "        'NAME': '',\n"  # 5
    "    }\n"  # 6
    "}\n"  # 7
)
_LOCAL_TEMPLATE = "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'dev.db'}}\n"


def _site(settings: str) -> dict[str, str | bytes]:
    renamed = "migrations.RenameField(model_name='msg', old_name='db_value', new_name='db_data'),"
    files = _later(renamed)
    files["app/project_template/project_name/settings.py"] = settings
    files["app/project_template/project_name/local_settings.py.template"] = _LOCAL_TEMPLATE
    return files


def test_an_engine_left_for_the_operator_to_finish_is_not_sqlite_only() -> None:
    # Mezzanine's project template: "ENGINE": "django.db.backends.", its local settings template SQLite
    assert (UNLOCKED, 8) in findings(_site(_PROJECT_SETTINGS))


def test_settings_naming_only_sqlite_still_run_the_migrations_on_sqlite() -> None:
    named = _PROJECT_SETTINGS.replace("'django.db.backends.'", "'django.db.backends.sqlite3'")
    assert (UNLOCKED, 8) not in findings(_site(named))


def _replaced(files: dict[str, str | bytes]) -> list[object]:
    found = run(package(files, reboot="none"))
    return [f.evidence["replaces"] for f in found if f.code == "preflight.reboot_understated"]


def test_program_source_in_a_boot_folder_is_a_module_of_the_program() -> None:
    # Mezzanine's mezzanine/boot/__init__.py: its start-up hooks, a Python package
    assert _replaced({"mezzanine/boot/__init__.py": "def autodiscover():\n    pass\n"}) == []


def test_the_loaders_files_in_a_boot_folder_still_need_a_reboot() -> None:
    assert _replaced({"rootfs/boot/grub/grub.cfg": "set default=0\n"}) == [["bootloader"]]


ENDPOINT = "preflight.external_endpoint"
_AGENT = (
    "import treq\n"  # 1
    "\n"  # 2
    "VERSION = '6.1'\n"  # 3
    "DISCORD_USER_AGENT = f'Evennia (https://www.evennia-games.net, {VERSION})'\n"  # 4
    "\n"  # 5
    "\n"  # 6
    "def gateway():\n"  # 7
    "    return treq.get('https://gateway.chat-relay.net/', headers={'User-Agent': DISCORD_USER_AGENT})\n"  # 8
)


def test_a_url_in_the_string_kept_as_the_user_agent_is_the_clients_name() -> None:
    # Evennia's portal/discord.py: the product's page inside the User-Agent it sends
    found = findings({"app/server/portal/discord.py": _AGENT})
    assert (ENDPOINT, 4) not in found and (ENDPOINT, 8) in found


def test_a_url_kept_under_another_name_is_still_requested() -> None:
    renamed = _AGENT.replace("DISCORD_USER_AGENT", "DISCORD_GATEWAY").replace("Evennia (https", "https")
    renamed = renamed.replace(", {VERSION})'", "/{VERSION}'")
    assert (ENDPOINT, 4) in findings({"app/server/portal/discord.py": renamed})


_NAT_CONF = (
    "[nat]\n"  # 1
    "USE_STUN = YES\n"  # 2
    "STUN_SERVERS = stun.peer-relay.net stun.voice-relay.org:3478 stun.call-relay.com:3478\n"  # 3
)


def test_every_server_of_an_unbracketed_list_is_contacted() -> None:
    # GNUnet's config.d/nat.conf: three STUN servers, one after another
    assert [line for code, line in findings({"etc/app/nat.conf": _NAT_CONF}) if code == ENDPOINT] == [3, 3, 3]


def test_a_single_server_setting_names_one_host() -> None:
    single = _NAT_CONF.replace("STUN_SERVERS = stun.peer-relay.net ", "STUN_SERVER = stun.peer-relay.net\n# ")
    assert [line for code, line in findings({"etc/app/nat.conf": single}) if code == ENDPOINT] == [3]
