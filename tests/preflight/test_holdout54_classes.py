"""Classes the fifty-fourth hold-out set showed (tests/preflight/holdout54: upgrade, update and maintenance scripts of
self-hosted products), each as its minimal construct next to a near-miss that must stay quiet or stay reported."""

from __future__ import annotations

from preflight_kit import codes_at

PRIVILEGE = "preflight.implicit_privilege"
SCHEDULED = "preflight.scheduled_job"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: an at/batch job given as a heredoc is a shell script that runs later ------------------------------------------

AT_JOB = _text(
    "#!/bin/bash",  # 1
    "at now <<EOF",  # 2
    "sleep 30",  # 3
    "service apache2 restart",  # 4
    "cp /var/run/app.pid /var/run/app/app.pid",  # 5
    "EOF",  # 6
)


def test_a_an_at_job_heredoc_is_read_as_the_jobs_script() -> None:
    assert codes_at({"scripts/postup.sh": AT_JOB}, SCHEDULED) == [2]
    assert codes_at({"scripts/postup.sh": AT_JOB}, PRIVILEGE) == [4, 5]


def test_a_batch_reads_its_heredoc_too() -> None:
    batch = AT_JOB.replace("at now <<EOF", "batch <<'EOF'")
    assert codes_at({"scripts/postup.sh": batch}, PRIVILEGE) == [4, 5]


def test_a_near_miss_the_same_heredoc_given_to_cat_is_text() -> None:
    printed = AT_JOB.replace("at now <<EOF", "cat <<EOF")
    assert codes_at({"scripts/postup.sh": printed}, PRIVILEGE) == []
    assert codes_at({"scripts/postup.sh": printed}, SCHEDULED) == []


# -- B: a wrapper's long option with a run-time value (``sudo --preserve-env=$ENVS``) is an option, not the command ----

EGRESS = "preflight.implicit_egress"


def test_b_a_long_option_with_a_run_time_value_is_skipped_before_the_command() -> None:
    script = _text(
        "#!/bin/bash",  # 1
        'sudo -u "$APP_USER" --preserve-env=$SETUP_ENVS bash -c "cd $APP_HOME && pip install wheel"',  # 2
    )
    assert codes_at({"scripts/upgrade.sh": script}, EGRESS) == [2]


def test_b_near_miss_a_run_time_word_that_is_no_long_option_stays_the_command() -> None:
    script = _text(
        "#!/bin/bash",
        'sudo -u "$APP_USER" $RUNNER pip install wheel',  # $RUNNER is what sudo runs: unknown
        'sudo -u "$APP_USER" --preserve-env=$SETUP_ENVS -i',  # a login shell, no command
    )
    assert codes_at({"scripts/upgrade.sh": script}, EGRESS) == []


# -- C: TLS verification off for the host itself (curl -k to localhost, the scheme chosen at run time) ----------------

TLS = "preflight.tls_verification_disabled"


def test_c_curl_k_to_the_host_itself_is_not_reported() -> None:
    script = _text(
        "#!/bin/bash",
        "for scheme in 'http' 'https'; do",
        '  curl -skX GET "$scheme://localhost:$CONFD_PORT/1.1/wizard"',
        "done",
        "curl -k https://127.0.0.1:8443/health",
    )
    assert codes_at({"scripts/upgrade.sh": script}, TLS) == []


def test_c_near_miss_a_host_beyond_loopback_or_a_run_time_host_stays_reported() -> None:
    script = _text(
        "#!/bin/bash",  # 1
        'curl -sk "$scheme://updates.example.com/latest"',  # 2
        "curl -k https://localhost/a https://mirror.example.org/b",  # 3
        'curl -k "https://$HOST:8443/health"',  # 4
        "curl -k -o out.bin",  # 5: no URL written
    )
    assert codes_at({"scripts/upgrade.sh": script}, TLS) == [2, 3, 4, 5]


# -- D: apt-mark changing a package's mark is a package-manager step that needs root; its listings only read -------


def test_d_apt_mark_auto_needs_root() -> None:
    script = _text(
        "#!/bin/bash",  # 1
        "apt-mark auto postgresql-13 rabbitmq-server",  # 2
        "apt-mark hold linux-image-amd64",  # 3
    )
    assert codes_at({"scripts/upgrade.sh": script}, PRIVILEGE) == [2, 3]


def test_d_near_miss_apt_mark_listings_only_read() -> None:
    script = _text(
        "#!/bin/bash",
        "apt-mark showmanual > /tmp/manual.txt",
        "apt-mark showhold",
    )
    assert codes_at({"scripts/upgrade.sh": script}, PRIVILEGE) == []


# -- E: a BSD rc.d script run with a service verb controls a system service, as /etc/init.d's do --------------------


def test_e_rc_d_scripts_with_a_service_verb_need_root() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        "/usr/local/etc/rc.d/${web_service} restart",  # 2
        "/etc/rc.d/httpd reload",  # 3
        "/etc/init.d/apache2 restart",  # 4
    )
    assert codes_at({"scripts/upgrade.sh": script}, PRIVILEGE) == [2, 3, 4]


def test_e_near_miss_a_status_query_or_an_rc_d_script_of_the_package_itself() -> None:
    script = _text(
        "#!/bin/sh",
        "/usr/local/etc/rc.d/apache24 status",  # a query, no service verb
        "./etc/rc.d/app restart",  # relative: the package's own tree
    )
    assert codes_at({"scripts/upgrade.sh": script}, PRIVILEGE) == []


# -- G: a ``cd`` inside ``( … )`` ends with the subshell: what runs after it runs in the directory before it -------

DOWNLOAD = "preflight.unverified_download_exec"


def test_g_a_subshells_cd_does_not_move_the_commands_after_it() -> None:
    script = _text(
        "#!/bin/bash",  # 1
        "update_plugin() {",  # 2
        "  (",  # 3
        '    cd "$1"',  # 4
        "    git checkout master && git pull --rebase",  # 5
        "  )",  # 6
        "}",  # 7
        "for plugin in vendor/plugins/*; do update_plugin \"$plugin\"; done",  # 8
        "npm install",  # 9: in the directory the script started in, not in a plugin's checkout
    )
    assert codes_at({"script/update": script}, DOWNLOAD) == []


def test_g_near_miss_the_same_steps_inside_the_subshell_or_after_a_plain_cd_stay_reported() -> None:
    inside = _text(
        "#!/bin/bash",  # 1
        "(",  # 2
        "  cd vendor/x",  # 3
        "  git pull",  # 4
        "  npm install",  # 5: the subshell's directory, the pulled checkout
        ")",  # 6
    )
    assert codes_at({"script/update": inside}, DOWNLOAD) == [5]
    plain = _text("#!/bin/bash", "cd vendor/x", "git pull", "npm install")
    assert codes_at({"script/update": plain}, DOWNLOAD) == [4]


# -- H: ``cd`` into a path built on a command's output is not under the previous directory; ``../x`` is a sibling ---


def test_h_checkouts_under_a_root_from_pwd_are_followed_each_to_its_own_run() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        "ROOT=`pwd`",  # 2
        "cd $ROOT/tools",  # 3
        "git pull",  # 4
        "cd $ROOT/app",  # 5
        "git pull",  # 6
        "../tools/bin/check",  # 7: runs the tools checkout pulled on 4
        "$ROOT/app/bin/daemon stop",  # 8: runs the app checkout pulled on 6
    )
    assert codes_at({"scripts/update.sh": script}, DOWNLOAD) == [7, 8]


def test_h_a_sibling_of_the_pulled_checkout_is_not_in_it() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        "cd /srv",  # 2
        "cd app",  # 3: /srv/app
        "git pull",  # 4
        "../other/bin/check",  # 5: /srv/other, never fetched
    )
    assert codes_at({"scripts/update.sh": script}, DOWNLOAD) == []


def test_h_near_miss_a_relative_cd_stays_under_the_last_one() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        "cd /srv",  # 2
        "cd app",  # 3: /srv/app
        "git pull",  # 4
        "./bin/check",  # 5: in the pulled checkout
    )
    assert codes_at({"scripts/update.sh": script}, DOWNLOAD) == [5]


def test_h_near_miss_a_directory_spelled_with_dots_keeps_them() -> None:
    # the ``..`` of the directory's own spelling names it; only the run's leading ``../`` leaves it
    script = _text(
        "#!/bin/bash",  # 1
        'pushd "$(dirname "$0")/../../service.d/app"',  # 2
        "curl -fsSL -o tool.tar.gz https://downloads.vendor.io/tool.tar.gz",  # 3
        "tar zxvf tool.tar.gz",  # 4
        "build/bin/tool",  # 5: unpacked under the pushd directory, then run
    )
    assert codes_at({"scripts/update.sh": script}, DOWNLOAD) == [5]
