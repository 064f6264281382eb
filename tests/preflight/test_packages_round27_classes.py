"""Round twenty-seven of the whole packages (tests/preflight/packages/README.md, "Round twenty-seven"): each class
fixed, with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its
result)."""

from __future__ import annotations

from preflight_kit import findings

UNLOCKED = "preflight.migration_unlocked"
REWRITE = "preflight.migration_rewrites_table"

_INITIAL = (
    "from django.db import migrations, models\n"
    "import django.db.models.deletion\n"
    "\n"
    "\n"
    "class Migration(migrations.Migration):\n"
    "    initial = True\n"
    "    operations = [\n"
    "        migrations.CreateModel(name='Member', fields=[('id', models.AutoField(primary_key=True))]),\n"
    "        migrations.CreateModel(name='Document', fields=[('id', models.AutoField(primary_key=True))]),\n"
    "        migrations.CreateModel(\n"
    "            name='MemberProfile',\n"
    "            fields=[\n"
    "                ('id', models.AutoField(primary_key=True)),\n"
    "                (\n"
    "                    'member',\n"
    "                    models.OneToOneField(\n"
    "                        on_delete=django.db.models.deletion.PROTECT, related_name='profile', to='members.Member'\n"
    "                    ),\n"
    "                ),\n"
    "            ],\n"
    "        ),\n"
    "    ]\n"
)
_AUTO_ONE_TO_ONE = (
    "import annoying.fields\n"  # 1
    "import django.db.models.deletion\n"  # 2
    "from django.db import migrations\n"  # 3
    "\n"  # 4
    "\n"  # 5
    "class Migration(migrations.Migration):\n"  # 6
    "    dependencies = [('profile', '0001_initial')]\n"  # 7
    "    operations = [\n"  # 8
    "        migrations.AlterField(\n"  # 9
    "            model_name='memberprofile',\n"  # 10
    "            name='member',\n"  # 11
    "            field=annoying.fields.AutoOneToOneField(\n"  # 12
    "                on_delete=django.db.models.deletion.PROTECT, related_name='profile', to='members.Member'\n"  # 13
    "            ),\n"  # 14
    "        ),\n"  # 15
    "    ]\n"  # 16
)


def _history(second: str) -> dict[str, str | bytes]:
    return {
        "app/profile/migrations/0001_initial.py": _INITIAL,
        "app/profile/migrations/0002_auto.py": second,
        "app/settings.py": "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql'}}\n",
    }


def test_a_one_to_one_field_made_django_annoyings_auto_one_to_one_sends_nothing() -> None:
    # byro's profile plugin: the library's subclass of OneToOneField, same column and target
    found = findings(_history(_AUTO_ONE_TO_ONE))
    assert (UNLOCKED, 9) not in found and (REWRITE, 9) not in found


def test_an_auto_one_to_one_field_pointed_at_another_model_is_still_a_new_target() -> None:
    # near miss: the same class naming another model re-points the column
    found = findings(_history(_AUTO_ONE_TO_ONE.replace("to='members.Member'", "to='documents.Document'")))
    assert (UNLOCKED, 9) in found and (REWRITE, 9) in found


TLS_OFF = "preflight.tls_verification_disabled"

_TOOL = (
    "#!/usr/bin/python3\n"  # 1
    "import ssl\n"  # 2
    "\n"  # 3
    "\n"  # 4
    "def build_ssl_context(options):\n"  # 5
    "    if options.disable_https_check:\n"  # 6
    "        ctx = ssl.create_default_context()\n"  # 7
    "        ctx.check_hostname = False\n"  # 8
    "        return ctx\n"  # 9
)


def test_a_program_with_no_suffix_named_by_its_interpreter_line_is_not_settings() -> None:
    # debsecan's usr/bin/debsecan: Python code, not a setting that switches the host-name check off
    assert (TLS_OFF, 8) not in findings({"usr/bin/tool": _TOOL})


def test_a_settings_file_with_no_suffix_still_switches_the_check_off() -> None:
    # near miss: the same kind of line in a settings file with no suffix and no interpreter line is a setting
    settings = "# defaults for the agent\nverify_hostname = false\n"
    assert (TLS_OFF, 2) in findings({"etc/default/agent": settings})


SCHEDULED = "preflight.scheduled_job"

_CREATE_CRON = (
    "#!/bin/bash\n"  # 1
    "set -e\n"  # 2
    "FILE=/etc/cron.d/tool\n"  # 3
    "MIN=$(($RANDOM % 60))\n"  # 4
    'cat > "$FILE" <<EOF\n'  # 5
    "$MIN * * * * daemon /usr/bin/tool --cron\n"  # 6
    "EOF\n"  # 7
)


def _deb(postinst: str, helper_path: str = "usr/sbin/tool-create-cron") -> dict[str, str | bytes]:
    return {
        "postinst": "#!/bin/sh\nset -e\n" + postinst,
        "prerm": "#!/bin/sh\nset -e\n",
        helper_path: _CREATE_CRON,
    }


def test_a_helper_on_the_path_a_postinst_runs_by_name_is_a_step() -> None:
    # debsecan's postinst runs ``debsecan-create-cron``: usr/sbin/debsecan-create-cron writes /etc/cron.d/debsecan
    package = _deb('if [ "$1" = configure ]; then\n    tool-create-cron\nfi\n')
    assert (SCHEDULED, 5) in findings(package)


def test_the_same_helper_no_maintainer_script_runs_stays_a_tool_for_later() -> None:
    # near miss: an administrator's tool the package only installs
    assert (SCHEDULED, 5) not in findings(_deb("echo configured\n"))


def test_a_helper_run_by_name_but_kept_off_the_path_is_not_the_one_run() -> None:
    # near miss: ``tool-create-cron`` on the PATH is not usr/share/tool/tool-create-cron
    package = _deb("tool-create-cron\n", helper_path="usr/share/tool/tool-create-cron")
    assert (SCHEDULED, 5) not in findings(package)


def test_a_helper_run_only_on_removal_is_not_an_install_step() -> None:
    # near miss: what the postrm runs under ``purge`` is not the install's doing
    package = _deb("echo configured\n")
    package["postrm"] = '#!/bin/sh\nif [ "$1" = purge ]; then\n    tool-create-cron\nfi\n'
    assert (SCHEDULED, 5) not in findings(package)


ENDPOINT = "preflight.external_endpoint"

_WEBPACK = (
    "/******/ (function(modules) { // webpackBootstrap\n"  # 1
    "/******/ \tvar installedModules = {};\n"  # 2
    "/******/ })([\n"  # 3
    "/* 0 */\n"  # 4
    "(function(module, exports) {\n"  # 5
    "  if (typeof Popper === 'undefined') {\n"  # 6
    "    throw new TypeError('Dropdowns require Popper.js (' + 'https://popper.js.org/)');\n"  # 7
    "  }\n"  # 8
    "  var api = 'https://api.vendor.io/v1/';\n"  # 9
    "  fetch(api + 'status');\n"  # 10
    "})\n"  # 11
    "]);\n"  # 12
)


def test_webpacks_unminified_output_is_a_bundle_of_published_code() -> None:
    # Papermerge's static/boss/js/papermerge.js: Bootstrap and jQuery joined by webpack's runtime, 969 KB
    found = findings({"app/static/app/js/app.js": _WEBPACK})
    assert (ENDPOINT, 7) not in found and (ENDPOINT, 9) not in found


def test_the_same_code_without_the_runtime_is_the_apps_own_script() -> None:
    # near miss: the app's own script (no webpack runtime on its first line) is read: its API host is contacted
    own = _WEBPACK.replace("/******/ (function(modules) { // webpackBootstrap\n", "// the app's dropdowns\n")
    assert (ENDPOINT, 9) in findings({"app/static/app/js/app.js": own})


_EXAMPLE_CFG = (
    "[filesystem]\n"  # 1
    "data = /var/byro/data\n"  # 2
    "\n"  # 3
    "[site]\n"  # 4
    "debug = False\n"  # 5
    "url = https://byro.mydomain.com\n"  # 6
    "\n"  # 7
    "[backup]\n"  # 8
    "url = https://backup.vendor.io/upload\n"  # 9
)


def test_a_bare_url_in_an_ini_section_named_site_is_the_products_own_address() -> None:
    # byro's byro.example.cfg (and pretalx's pretalx.example.cfg, round two): ``[site]`` … ``url`` is its site_url
    assert (ENDPOINT, 6) not in findings({"app.example.cfg": _EXAMPLE_CFG})


def test_a_bare_url_in_another_section_is_still_a_host_contacted() -> None:
    # near miss: ``[backup]`` … ``url`` names where the product sends its backups
    assert (ENDPOINT, 9) in findings({"app.example.cfg": _EXAMPLE_CFG})


def test_a_database_sections_url_is_no_base_url() -> None:
    # near miss: ``[database]`` … ``url`` joined is ``database_url``, which merely ends in ``base_url``
    cfg = "[database]\nurl = postgresql://app:x@db.vendor.io/app\n"
    assert (ENDPOINT, 2) in findings({"app.cfg": cfg})


CREDENTIAL = "preflight.hardcoded_credential"

_MAIL_CFG = (
    "[mail]\n"  # 1
    "from = admin@localhost\n"  # 2
    "host = localhost\n"  # 3
    "user = admin\n"  # 4
    "password = something\n"  # 5
)


def test_the_word_something_under_a_password_name_says_a_value_goes_there() -> None:
    # byro's byro.example.cfg and byro.docker.cfg: the mail login's password to fill in
    assert (CREDENTIAL, 5) not in findings({"app.example.cfg": _MAIL_CFG})


def test_a_word_with_more_to_it_stays_a_password() -> None:
    # near miss: only the bare word is a placeholder; ``something2024`` is a value someone chose
    cfg = _MAIL_CFG.replace("password = something", "password = something2024")
    assert (CREDENTIAL, 5) in findings({"app.example.cfg": cfg})
