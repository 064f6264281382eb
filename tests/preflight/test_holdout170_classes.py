"""Classes the hundred-and-seventieth hold-out set showed (tests/preflight/holdout170: provisioning scripts, cloud-init
user data, Vagrant and Packer provisioners and first-boot scripts of appliances), each as its minimal construct next
to the nearest input that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

_CREDENTIAL = "preflight.hardcoded_credential"
_PRIVILEGE = "preflight.implicit_privilege"


# -- A: a debconf ``password`` answer preseeded with a literal ------------------------------------------------------


def test_a_a_preseeded_debconf_password_is_a_hardcoded_credential() -> None:
    here_string = '#!/bin/bash\ndebconf-set-selections <<< "mysql-server mysql-server/root_password password r00tpw"\n'
    assert codes_at({"provision.sh": here_string}, _CREDENTIAL) == [2]
    piped = '#!/bin/bash\necho "mysql-server mysql-server/root_password password r00tpw" | debconf-set-selections\n'
    assert codes_at({"provision.sh": piped}, _CREDENTIAL) == [2]
    heredoc = (
        "#!/bin/bash\n"
        "debconf-set-selections <<EOF\n"
        "mysql-server mysql-server/data_dir string /var/lib/mysql\n"  # 3
        "mysql-server mysql-server/root_password password r00tpw\n"  # 4
        "EOF\n"
    )
    assert codes_at({"provision.sh": heredoc}, _CREDENTIAL) == [4]


def test_a_a_debconf_answer_from_a_variable_or_of_another_type_stays_quiet() -> None:
    variable = '#!/bin/bash\ndebconf-set-selections <<< "mysql-server mysql-server/root_password password $DB_PW"\n'
    assert codes_at({"provision.sh": variable}, _CREDENTIAL) == []
    other_type = '#!/bin/bash\ndebconf-set-selections <<< "postfix postfix/mailname string mail.example.org"\n'
    assert codes_at({"provision.sh": other_type}, _CREDENTIAL) == []
    expanded = (
        "#!/bin/bash\ndebconf-set-selections <<EOF\nmysql-server mysql-server/root_password password ${DB_PW}\nEOF\n"
    )
    assert codes_at({"provision.sh": expanded}, _CREDENTIAL) == []


# -- B: PEAR and PECL install into the system's PHP directories -----------------------------------------------------


def test_b_pear_and_pecl_installs_are_root_only() -> None:
    assert codes_at({"provision.sh": "#!/bin/bash\npear install Services_Amazon_S3-alpha\n"}, _PRIVILEGE) == [2]
    assert codes_at({"provision.sh": "#!/bin/bash\npecl install redis\n"}, _PRIVILEGE) == [2]


def test_b_pear_queries_and_escalated_installs_stay_quiet() -> None:
    assert codes_at({"provision.sh": "#!/bin/bash\npear list\npecl info redis\n"}, _PRIVILEGE) == []
    assert codes_at({"provision.sh": "#!/bin/bash\nsudo pecl install redis\n"}, _PRIVILEGE) == []


# -- I: Nextcloud's console installs apps from its app store ---------------------------------------------------------

_EGRESS = "preflight.implicit_egress"


def test_i_occ_app_install_fetches_from_the_app_store() -> None:
    assert codes_at({"firstboot.sh": "#!/bin/bash\nphp /var/www/html/occ app:install richdocuments\n"}, _EGRESS) == [2]
    assert codes_at({"firstboot.sh": "#!/bin/bash\n./occ app:update --all\n"}, _EGRESS) == [2]


def test_i_occ_verbs_that_only_switch_installed_apps_stay_quiet() -> None:
    assert codes_at({"firstboot.sh": "#!/bin/bash\nphp occ app:enable richdocuments\n"}, _EGRESS) == []
    assert (
        codes_at({"firstboot.sh": "#!/bin/bash\nphp occ config:system:set default_phone_region --value LV\n"}, _EGRESS)
        == []
    )
