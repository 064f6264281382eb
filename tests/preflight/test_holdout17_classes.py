"""Classes of mistakes the seventeenth hold-out set found (tests/preflight/holdout17: firmware, cluster and database
upgrade scripts, certificate renewal hooks, backup and cleanup jobs), each as its minimal construct next to a
near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at

# -- A: OpenWrt's package manager and firmware flash -----------------------------------------------------------


def test_a_opkg_and_sysupgrade_are_root_only_and_opkg_reaches_the_feeds() -> None:
    text = "#!/bin/sh\nopkg update\nopkg install luci\nsysupgrade -v /tmp/fw.bin\n"
    assert codes_at({"upgrade.sh": text}, "preflight.implicit_privilege") == [2, 3, 4]
    assert codes_at({"upgrade.sh": text}, "preflight.implicit_egress") == [2, 3]


def test_a_listing_packages_or_testing_an_image_changes_nothing() -> None:
    text = "#!/bin/sh\nopkg list-installed\nsysupgrade -T /tmp/fw.bin\n"
    assert codes_at({"upgrade.sh": text}, "preflight.implicit_privilege") == []
    assert codes_at({"upgrade.sh": text}, "preflight.implicit_egress") == []


# -- B: certificate tools that write system directories, also through a looked-up path ---------------------------


def test_b_certbot_and_acme_sh_installing_under_etc_are_root_only() -> None:
    text = (
        "#!/bin/sh\n"
        "certbot renew --post-hook 'nginx -s reload'\n"
        'CERTBOT="$(command -v certbot || true)"\n'
        "$CERTBOT certonly --webroot -d example.org\n"
        "/root/.acme.sh/acme.sh --install-cert -d example.org --key-file /etc/ssl/key.pem\n"
    )
    assert codes_at({"renew.sh": text}, "preflight.implicit_privilege") == [2, 4, 5]


def test_b_listing_certificates_or_an_own_config_dir_needs_no_root() -> None:
    text = (
        "#!/bin/sh\n"
        "certbot certificates\n"
        "certbot renew --config-dir ~/.letsencrypt\n"
        "acme.sh --install-cert -d example.org --key-file ./key.pem\n"
    )
    assert codes_at({"renew.sh": text}, "preflight.implicit_privilege") == []


# -- C: PostgreSQL's Debian cluster tools ----------------------------------------------------------------------


def test_c_cluster_tools_are_root_only_and_dropping_the_old_cluster_loses_it() -> None:
    text = "#!/bin/bash\nset -e\npg_upgradecluster -v 14 13 main\npg_dropcluster 13 main\n"
    assert codes_at({"pg-upgrade.sh": text}, "preflight.implicit_privilege") == [3, 4]
    assert codes_at({"pg-upgrade.sh": text}, "preflight.destructive_delete") == [4]


def test_c_a_check_or_dropping_the_empty_new_cluster_first_is_not_a_loss() -> None:
    text = "#!/bin/bash\nset -e\npg_upgradecluster --check -v 14 13 main\npg_dropcluster --stop 14 main\n"
    text += "pg_upgradecluster -v 14 13 main\n"
    assert 3 not in codes_at({"pg-upgrade.sh": text}, "preflight.implicit_privilege")  # --check changes nothing
    assert codes_at({"pg-upgrade.sh": text}, "preflight.destructive_delete") == []


# -- D: a cron file written line by line is one job ------------------------------------------------------------


def test_d_appends_to_the_same_cron_file_are_one_job() -> None:
    text = '#!/bin/sh\nCRON_FILE=/etc/cron.weekly/renew\necho "#!/bin/bash" > $CRON_FILE\n'
    text += 'echo "certbot renew" >> $CRON_FILE\necho "service nginx reload" >> $CRON_FILE\n'
    assert codes_at({"setup.sh": text}, "preflight.scheduled_job") == [3]


def test_d_two_cron_files_are_two_jobs() -> None:
    text = '#!/bin/sh\necho "0 3 * * * root /opt/v/a" > /etc/cron.d/vendor-a\n'
    text += 'echo "0 4 * * * root /opt/v/b" >> /etc/cron.d/vendor-b\n'
    assert codes_at({"setup.sh": text}, "preflight.scheduled_job") == [2, 3]


# -- E: add-apt-repository of a component refreshes the package lists ---------------------------------------------


def test_e_adding_a_component_runs_apt_update() -> None:
    text = "#!/bin/sh\nadd-apt-repository -y universe\n"
    assert codes_at({"setup.sh": text}, "preflight.implicit_egress") == [2]


def test_e_no_update_or_a_deb_line_with_its_host_is_not_implicit() -> None:
    text = '#!/bin/sh\nadd-apt-repository -n universe\nadd-apt-repository "deb https://apt.vendor.io/ stable main"\n'
    assert codes_at({"setup.sh": text}, "preflight.implicit_egress") == []
    assert codes_at({"setup.sh": text}, "preflight.external_endpoint") == [3]


# -- F: a value that is a command's output does not carry the command's arguments ------------------------------


def test_f_the_answer_of_a_request_made_with_a_password_is_not_the_password() -> None:
    text = '#!/bin/bash\nRESPONSE="$(curl --user "root:${PASSWORD}" https://10.0.0.1/admin)"\n'
    text += 'echo "$RESPONSE"\n'
    assert codes_at({"upload.sh": text}, "preflight.secret_printed") == []


def test_f_a_value_built_from_a_secret_still_carries_it() -> None:
    text = '#!/bin/bash\nSTART="agent start --token $TOKEN"\necho "$START"\n'
    assert codes_at({"agent.sh": text}, "preflight.secret_printed") == [3]


# -- G: an echo whose output the shell captures is not printed; set -x prints every command it traces ------------


def test_g_set_x_traces_a_command_that_takes_a_secret() -> None:
    text = '#!/bin/bash\nset -x\ninitdb --username=postgres --pwfile=<(echo "$POSTGRES_PASSWORD")\n'
    assert codes_at({"upgrade.sh": text}, "preflight.secret_printed") == [2]  # at its set -x (session 30)
    text = '#!/bin/bash\nset -x\nmysql -uroot -p"$DB_PASSWORD" -e "SELECT 1"\n'
    assert codes_at({"check.sh": text}, "preflight.secret_printed") == [2]


def test_g_without_tracing_a_captured_echo_prints_nothing() -> None:
    text = '#!/bin/bash\ninitdb --username=postgres --pwfile=<(echo "$POSTGRES_PASSWORD")\n'
    text += 'HASH=$(echo "$ADMIN_PASSWORD" | sha256sum)\n'
    assert codes_at({"upgrade.sh": text}, "preflight.secret_printed") == []
    # an echo to the terminal is still printed
    assert codes_at({"show.sh": '#!/bin/bash\necho "password: $ADMIN_PASSWORD"\n'}, "preflight.secret_printed") == [2]
