"""Round thirty of the whole packages (tests/preflight/packages/README.md, "Round thirty"): each class fixed, with a
construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its result)."""

from __future__ import annotations

from preflight_kit import findings

UNLOCKED = "preflight.migration_unlocked"

_INITIAL = (
    "from django.db import migrations, models\n"
    "\n"
    "\n"
    "class Migration(migrations.Migration):\n"
    "    initial = True\n"
    "    operations = [\n"
    "        migrations.CreateModel(\n"
    "            name='TaxTranslation',\n"
    "            fields=[('id', models.AutoField(primary_key=True)), ('name', models.CharField(max_length=64))],\n"
    "        ),\n"
    "    ]\n"
)

_SQUASH = (
    "from django.db import migrations, models\n"
    "\n"
    "\n"
    "class Migration(migrations.Migration):\n"
    "    replaces = [('shop', '0001_initial'), ('shop', '0002_tax_class')]\n"
    "    initial = True\n"
    "    operations = [\n"
    "        migrations.CreateModel(\n"
    "            name='TaxTranslation',\n"
    "            fields=[('id', models.AutoField(primary_key=True)), ('name', models.CharField(max_length=124))],\n"
    "        ),\n"
    "    ]\n"
)

_WIDENED = (
    "from django.db import migrations, models\n"  # 1
    "\n"  # 2
    "\n"  # 3
    "class Migration(migrations.Migration):\n"  # 4
    "    dependencies = [('shop', '0001_squashed_0002_tax_class')]\n"  # 5
    "    operations = [\n"  # 6
    "        migrations.AlterField(model_name='taxtranslation', name='name', "  # 7
    "field=models.CharField(max_length=124)),\n"
    "    ]\n"
)

_SAME = _WIDENED.replace("max_length=124", "max_length=64, help_text='The name'")


def _app(*names: str, later: str = _WIDENED, squash: str = _SQUASH) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {"shop/migrations/0003_longer_name.py": later}
    if "initial" in names:
        files["shop/migrations/0001_initial.py"] = _INITIAL
    if "squash" in names:
        files["shop/migrations/0001_squashed_0002_tax_class.py"] = squash
    return files


def test_a_squash_beside_the_files_it_replaces_is_not_a_step_of_their_history() -> None:
    # Shuup's core 0001_squashed_0039 sorts before 0009 and gave taxtranslation.name its final max_length=124, so
    # 0009's widening from 64 read as no change; an upgrade from 0001 runs it
    assert (UNLOCKED, 7) in findings(_app("initial", "squash"))


def test_an_alter_field_that_changes_no_column_stays_quiet_beside_a_squash() -> None:
    # the squash agrees with the files it replaces; the later AlterField changes only help_text
    squash = _SQUASH.replace("max_length=124", "max_length=64")
    assert (UNLOCKED, 7) not in findings(_app("initial", "squash", later=_SAME, squash=squash))


def test_a_squash_whose_replaced_files_are_gone_is_the_history() -> None:
    # the originals deleted: the squash is the only history, and it already has max_length=124
    assert (UNLOCKED, 7) not in findings(_app("squash"))


INDEX = "preflight.index_not_concurrent"

_ADD_PATH = (
    "from alembic import op\n"  # 1
    "import sqlalchemy as sa\n"  # 2
    "\n"  # 3
    "revision = '1063d7178fa'\n"  # 4
    "down_revision = '3f0e0c2b7d8e'\n"  # 5
    "\n"  # 6
    "\n"  # 7
    "def upgrade():\n"  # 8
    "    op.add_column('nodes', sa.Column('path', sa.Unicode(1000){extra}))\n"  # 9
)


def test_an_added_alembic_column_with_index_true_builds_its_index_on_the_live_table() -> None:
    # Kotti's 1063d7178fa: op.add_column('nodes', Column('path', Unicode(1000), index=True)); Alembic creates the
    # column's index too, without CONCURRENTLY
    found = findings({"kotti/alembic/versions/1063d7178fa_add_path.py": _ADD_PATH.format(extra=", index=True")})
    assert (INDEX, 9) in found and (UNLOCKED, 9) in found


def test_an_added_alembic_column_without_an_index_builds_none() -> None:
    for extra in ("", ", index=False"):
        found = findings({"kotti/alembic/versions/1063d7178fa_add_path.py": _ADD_PATH.format(extra=extra)})
        assert (INDEX, 9) not in found and (UNLOCKED, 9) in found


CREDENTIAL = "preflight.hardcoded_credential"


def _sql_section(switch: str, gap: int = 50) -> dict[str, str | bytes]:
    # snmptt.ini's [SQL]: the header 60 lines above the password, the feature's switch 28 lines above it
    lines = ["[General]", "mode = standalone", "", "[SQL]", *["# a comment"] * gap, switch, *["#"] * 27]
    lines += ["mysql_dbi_password = password", "", "[Exec]", "exec_enable = 1"]
    return {"etc/snmp/snmptt.ini": "\n".join(lines) + "\n"}


def _secret_line(files: dict[str, str | bytes]) -> int:
    text = str(files["etc/snmp/snmptt.ini"])
    return text.splitlines().index("mysql_dbi_password = password") + 1


def test_an_ini_secret_whose_feature_a_field_named_for_it_switches_off_is_not_in_effect() -> None:
    files = _sql_section("mysql_dbi_enable = 0")
    assert (CREDENTIAL, _secret_line(files)) not in findings(files)


def test_an_ini_secret_whose_feature_is_on_or_another_is_off_stays_read() -> None:
    for switch in ("mysql_dbi_enable = 1", "postgresql_dbi_enable = 0"):
        files = _sql_section(switch)
        assert (CREDENTIAL, _secret_line(files)) in findings(files)


def _radius(section: str) -> dict[str, str | bytes]:
    text = f"[{section}]\n# Should the auth system use radius?\nuse_radius=no\n\n[radius]\nshared_secret=changeme\n"
    return {"etc/oci/oci.conf": text}


def test_a_section_switched_off_by_use_section_no_holds_no_secret_in_effect() -> None:
    # openstack-cluster-installer's [radius] with use_radius=no above shared_secret=changeme
    assert (CREDENTIAL, 6) not in findings(
        {"etc/oci/oci.conf": "[radius]\nuse_radius=no\n\n\n\nshared_secret=changeme\n"}
    )


def test_a_use_switch_of_another_section_leaves_the_secret_read() -> None:
    assert (CREDENTIAL, 6) in findings({"etc/oci/oci.conf": "[radius]\nuse_ldap=no\n\n\n\nshared_secret=changeme\n"})
    assert (CREDENTIAL, 6) in findings(_radius("network"))
