"""Classes the thirty-seventh hold-out set showed (tests/preflight/holdout37: service files of init systems and
supervisors other than systemd: SysV and rc.d scripts, OpenRC, runit and s6 run scripts, supervisord, launchd,
Upstart), each as its minimal construct next to a near-miss that must stay quiet or stay reported."""

from __future__ import annotations

from preflight_kit import codes_at

EGRESS = "preflight.implicit_egress"
PRIV = "preflight.implicit_privilege"
SUDO = "preflight.sudo_unavailable"
WORLD = "preflight.world_writable"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a supervised service's run script kept outside etc/sv is the supervisor's, not the installer's --------------

RUNIT_RUN = _text(
    "#!/bin/sh",  # 1
    "ln -sf /srv/db /var/lib/db",  # 2
    "chown -R db:db /srv/db",  # 3
    "su - db -c 'initdb -D /srv/db'",  # 4
    "exec chpst -u db:db dbserver -D /srv/db",  # 5
)
S6_RUN = _text(
    "#!/bin/sh",  # 1
    "mkdir -p /var/lib/broker",  # 2
    "chown broker /var/lib/broker",  # 3
    "exec s6-setuidgid broker broker -c /etc/broker.conf",  # 4
)
S6_OVERLAY_ONESHOT = _text(
    "#!/command/with-contenv bash",  # 1
    "sed -i -e 's|/zsh$|/bash|' /etc/passwd",  # 2
    "apk add jq",  # 3
)


def test_a_run_scripts_that_exec_through_the_supervision_drop_tool_run_as_root() -> None:
    # runit's chpst -u and s6's s6-setuidgid at the top level of a file named run: the supervisor runs it as root
    for files in ({"srcpkgs/db/files/db/run": RUNIT_RUN}, {"service/s6/run": S6_RUN}):
        assert codes_at(files, PRIV) == []
        assert codes_at(files, SUDO) == []


def test_a_s6_overlay_service_directories_run_as_root_but_their_steps_are_still_read() -> None:
    files = {"rootfs/etc/s6-overlay/s6-rc.d/init-user/run": S6_OVERLAY_ONESHOT}
    assert codes_at(files, PRIV) == []
    assert codes_at(files, EGRESS) == [3]  # what the step does is still reported
    assert codes_at({"rootfs/etc/services.d/app/run": S6_OVERLAY_ONESHOT}, PRIV) == []


def test_a_near_miss_other_names_a_plain_exec_and_a_drop_inside_a_function_stay_installer_steps() -> None:
    # the same text as an installer (not named run), a run script whose exec drops nothing, a drop in a function only
    assert codes_at({"scripts/setup-db.sh": RUNIT_RUN}, PRIV) == [2, 3]
    # its su after those root-only steps is root dropping to the account (test_holdout42_classes), not an escalation
    assert codes_at({"scripts/setup-db.sh": RUNIT_RUN}, SUDO) == []
    plain = RUNIT_RUN.replace("exec chpst -u db:db dbserver", "exec dbserver")
    assert codes_at({"srcpkgs/db/files/db/run": plain}, PRIV) == [2, 3]
    in_function = RUNIT_RUN.replace("exec chpst -u db:db dbserver -D /srv/db", "start() { exec chpst -u db dbserver; }")
    assert codes_at({"srcpkgs/db/files/db/run": in_function}, PRIV) == [2, 3]
    # a helper beside the service's scripts (not run/finish/up/down) is no script the supervisor runs
    assert codes_at({"rootfs/etc/s6-overlay/s6-rc.d/init-user/setup.sh": S6_OVERLAY_ONESHOT}, PRIV) == [2, 3]


# -- B: bashio (bash with Home Assistant's library) is a shell ------------------------------------------------------

BASHIO = _text(
    "#!/command/with-contenv bashio",  # 1
    "if bashio::config.has_value 'packages'; then",  # 2
    "    apk update",  # 3
    "fi",  # 4
)


def test_b_a_bashio_script_is_read_as_shell() -> None:
    assert codes_at({"addon/rootfs/etc/cont-init.d/packages.sh": BASHIO}, EGRESS) == [3]
    assert codes_at({"addon/rootfs/etc/cont-init.d/packages": BASHIO}, EGRESS) == [3]
    env = BASHIO.replace("#!/command/with-contenv bashio", "#!/usr/bin/env bashio")
    assert codes_at({"addon/run": env}, EGRESS) == [3]


def test_b_near_miss_another_interpreter_behind_with_contenv_is_not_shell() -> None:
    python = BASHIO.replace("bashio", "python3", 1)
    assert codes_at({"addon/rootfs/etc/cont-init.d/packages": python}, EGRESS) == []
    bashful = BASHIO.replace("#!/command/with-contenv bashio", "#!/usr/bin/env bashful")
    assert codes_at({"addon/rootfs/etc/cont-init.d/packages": bashful}, EGRESS) == []


# -- C: OpenRC and BSD rc.d scripts are shell that init runs as root -------------------------------------------------

OPENRC = _text(
    "#!/sbin/openrc-run",  # 1
    'command="/usr/bin/app"',  # 2
    'command_user="app:app"',  # 3
    "depend() {",  # 4
    "    need net",  # 5
    "}",  # 6
    "start_pre() {",  # 7
    "    mkdir -p /var/log/app",  # 8
    "    chmod 777 /var/log/app",  # 9
    "    su -l app -c 'app --check'",  # 10
    "}",  # 11
)
RC_D = _text(
    "#!/bin/sh",  # 1
    ". /etc/rc.subr",  # 2
    'name="app"',  # 3
    'rcvar="app_enable"',  # 4
    "app_start() {",  # 5
    "    mkdir -p /var/run/app",  # 6
    "    chown app /var/run/app",  # 7
    "    /usr/sbin/daemon -u app /usr/local/bin/app",  # 8
    "}",  # 9
    'start_cmd="app_start"',  # 10
    'run_rc_command "$1"',  # 11
)


def test_c_an_openrc_script_is_read_as_shell_run_by_init_as_root() -> None:
    for name in ("scripts/init/gentoo/app", "files/app.initd"):
        assert codes_at({name: OPENRC}, WORLD) == [9]  # its commands are read
        assert codes_at({name: OPENRC}, PRIV) == []  # …as init's, as root
        assert codes_at({name: OPENRC}, SUDO) == []
    runscript = OPENRC.replace("#!/sbin/openrc-run", "#!/sbin/runscript")
    assert codes_at({"files/app.rc": runscript}, WORLD) == [9]
    assert codes_at({"files/app.rc": runscript}, SUDO) == []


def test_c_a_bsd_rc_d_script_dispatching_through_rc_subr_runs_as_root() -> None:
    assert codes_at({"scripts/init/freebsd/app": RC_D}, PRIV) == []
    openbsd = RC_D.replace(". /etc/rc.subr", ". /etc/rc.d/rc.subr").replace('run_rc_command "$1"', 'rc_cmd "$1"')
    assert codes_at({"scripts/init/openbsd/app": openbsd}, PRIV) == []


def test_c_near_miss_rc_subr_without_its_dispatch_and_an_openrc_call_stay_installer_steps() -> None:
    # a script that sources rc.subr but never hands its argument to run_rc_command; a script that runs openrc-run
    undispatched = RC_D.replace('run_rc_command "$1"', "app_start")
    assert codes_at({"scripts/install-app.sh": undispatched}, PRIV) == [6, 7]
    caller = _text("#!/bin/sh", "mkdir -p /etc/app", "/sbin/openrc-run /etc/init.d/app start")
    assert codes_at({"scripts/install-app.sh": caller}, PRIV)[:1] == [2]


# -- D: a launchd job's program and environment (found while reading Kubo's and osquery's property lists) ------------

CRED = "preflight.hardcoded_credential"
PIPE = "preflight.pipe_to_shell"

PLIST = _text(
    '<?xml version="1.0" encoding="UTF-8"?>',  # 1
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',  # 2
    '<plist version="1.0">',  # 3
    "<dict>",  # 4
    "  <key>EnvironmentVariables</key>",  # 5
    "  <dict>",  # 6
    "    <key>AGENT_API_TOKEN</key>",  # 7
    "    <string>Zq8vR2mK4tW9yB6n</string>",  # 8
    "    <key>AGENT_HOME</key>",  # 9
    "    <string>/opt/agent</string>",  # 10
    "    <key>DB_PASSWORD</key>",  # 11
    "    <string>{{DB_PASSWORD}}</string>",  # 12
    "  </dict>",  # 13
    "  <key>ProgramArguments</key>",  # 14
    "  <array>",  # 15
    "    <string>/bin/sh</string>",  # 16
    "    <string>-c</string>",  # 17
    "    <string>curl -fsSL https://agent.example.net/run.sh | sh</string>",  # 18
    "  </array>",  # 19
    "  <key>RunAtLoad</key>",  # 20
    "  <true/>",  # 21
    "</dict>",  # 22
    "</plist>",  # 23
)


def test_d_a_launchd_jobs_shell_and_its_literal_secret_environment_are_read() -> None:
    files = {"macos/com.example.agent.plist": PLIST}
    assert codes_at(files, PIPE) == [18]  # sh -c SCRIPT: the script runs
    assert codes_at(files, CRED) == [8]  # the token's value, at its line; a path and a placeholder are not secrets
    assert codes_at(files, PRIV) == []  # launchd runs the job, not the installer


def test_d_near_miss_an_argv_with_no_shell_and_a_plist_that_is_no_job_stay_plain() -> None:
    argv = PLIST.replace("<string>/bin/sh</string>", "<string>/usr/local/bin/agent</string>")
    assert codes_at({"macos/com.example.agent.plist": argv}, PIPE) == []  # agent -c '…' is agent's argument
    # an Info.plist's build settings, and the same text in a file that is not a property list
    info = PLIST.replace("EnvironmentVariables", "BuildSettings")
    assert codes_at({"App/Info.plist": info}, CRED) == []
    assert codes_at({"docs/agent.xml": PLIST}, PIPE) == []


# -- E: an Upstart job's exec stanzas and script blocks (found while reading StatsD's job) -----------

UPSTART = _text(
    'description "app"',  # 1
    "start on runlevel [2345]",  # 2
    "setuid app",  # 3
    "env APP_HOME=/srv/app",  # 4
    "pre-start script",  # 5
    "    mkdir -p $APP_HOME",  # 6
    "    chmod 777 $APP_HOME",  # 7
    "    apt-get install -y app-deps",  # 8
    "end script",  # 9
    "exec /usr/bin/app --home $APP_HOME",  # 10
)


def test_e_an_upstart_jobs_blocks_and_exec_stanzas_are_read_as_root_shell() -> None:
    for name in ("debian/app.upstart", "etc/init/app.conf", "contrib/upstart/app.conf"):
        assert codes_at({name: UPSTART}, WORLD) == [7]
        assert codes_at({name: UPSTART}, EGRESS) == [8]
        assert codes_at({name: UPSTART}, PRIV) == []  # Upstart runs the job, not the installer


def test_e_near_miss_a_conf_outside_init_dirs_and_a_document_about_a_job_stay_configuration() -> None:
    assert codes_at({"config/app.conf": UPSTART}, WORLD) == []
    assert codes_at({"docs/upstart.md": UPSTART}, WORLD) == []
    # a file under init/ with no job stanza (a plain settings file)
    assert codes_at({"etc/init/app.conf": "# settings\nexec_timeout=5\n"}, EGRESS) == []
