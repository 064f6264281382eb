"""Classes of ``unverified_download_exec`` in shell that the hold-outs missed (coordinator's brief h133): what a
fetched archive unpacks is fetched content, followed into place. Each as its minimal construct next to the nearest
input that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

CODE = "preflight.unverified_download_exec"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: an archive unpacked, then a path of the unpacked tree moved or copied into place, or the archive unpacked
# straight into where the product runs from ------------------------------------------------------------------------

MOVED_INTO_OPT = _text(
    "#!/bin/sh",  # 1
    "cd /tmp",  # 2
    "wget -q https://dl.example.com/tool-1.2.linux-amd64.tar.gz",  # 3
    "tar -xf tool-1.2.linux-amd64.tar.gz",  # 4
    "mv tool /opt/tool",  # 5
)


def test_a_unpacked_directory_moved_into_opt_is_reported() -> None:
    assert codes_at({"install.sh": MOVED_INTO_OPT}, CODE) == [5]


def test_a_near_miss_verified_archive_moved_into_opt_stays_quiet() -> None:
    verified = MOVED_INTO_OPT.replace("tar -xf", "sha256sum -c tool-1.2.linux-amd64.tar.gz.sha256 || exit 1\ntar -xf")
    assert codes_at({"install.sh": verified}, CODE) == []


def test_a_near_miss_unpacked_into_scratch_and_only_read_stays_quiet() -> None:
    read_only = _text(
        "#!/bin/sh",  # 1
        "cd /tmp",  # 2
        "wget -q https://dl.example.com/data.tar.gz",  # 3
        "tar -xf data.tar.gz -C data",  # 4
        "grep -c entry /tmp/data/index.txt",  # 5
        "cp /tmp/data/README.md /home/user/notes.md",  # 6
    )
    assert codes_at({"install.sh": read_only}, CODE) == []


SERVER_NAMED_MOVED = _text(
    "#!/bin/bash",  # 1
    "app=radarr",  # 2
    "installdir=/opt",  # 3
    'wget --content-disposition "https://$app.example.com/v1/update/master/updatefile?os=linux"',  # 4
    'tar -xvzf "${app^}".*.tar.gz',  # 5
    'mv "${app^}" $installdir',  # 6
)


def test_a_server_named_archive_found_by_its_pattern_and_moved_into_opt_is_reported() -> None:
    assert codes_at({"install.sh": SERVER_NAMED_MOVED}, CODE) == [6]


def test_a_near_miss_pattern_archive_moved_into_a_home_folder_stays_quiet() -> None:
    home = SERVER_NAMED_MOVED.replace("installdir=/opt", "installdir=/home/user/backup")
    assert codes_at({"install.sh": home}, CODE) == []


COPIED_THEN_RUN = _text(
    "#!/bin/bash",  # 1
    'APP_PATH=$(dirname "$SETTINGS_PATH")',  # 2
    "cd /tmp",  # 3
    "wget -q -O app.tar.gz $url",  # 4
    "mkdir app",  # 5
    "tar xzf app.tar.gz -C app --strip-components=1",  # 6
    "cp -R /tmp/app $APP_PATH",  # 7
    "cd $APP_PATH/",  # 8
    "./manage.py migrate",  # 9
)


def test_a_unpacked_tree_copied_over_the_app_then_run_is_reported() -> None:
    assert codes_at({"upgrade.sh": COPIED_THEN_RUN}, CODE) == [9]


def test_a_near_miss_copied_tree_not_run_stays_quiet() -> None:
    assert codes_at({"upgrade.sh": COPIED_THEN_RUN.replace("./manage.py migrate", "ls -l")}, CODE) == []


UNPACKED_INTO_APP = _text(
    "#!/bin/bash",  # 1
    "wget https://github.com/example/notes/releases/download/1.0/notes.zip -P /app/upgrade/",  # 2
    "unzip -o /app/upgrade/notes.zip -d /app",  # 3
)


def test_a_archive_unpacked_over_the_app_folder_is_reported() -> None:
    assert codes_at({"upgrade.sh": UNPACKED_INTO_APP}, CODE) == [3]


def test_a_near_miss_archive_unpacked_into_a_folder_of_its_own_stays_quiet() -> None:
    own = UNPACKED_INTO_APP.replace("-d /app", "-d /home/user/notes-docs")
    assert codes_at({"upgrade.sh": own}, CODE) == []


INTO_PROGRAM_TREE = _text(
    "#!/bin/bash",  # 1
    'wget -qO- "https://plugins.example.org/$V/plugin.tar.gz" | tar xzf - -C "${GAMEDIR}/${MOD}"',  # 2
    'wget -qO- "${DLURL}/master/etc/cfg.tar.gz" | tar xzf - -C "${GAMEDIR}/${MOD}"',  # 3: settings
    'bash "${GAMEDIR}/server_run" -game "${MOD}"',  # 4
)


def test_a_archive_piped_into_tar_under_the_tree_of_the_program_run_is_reported() -> None:
    assert codes_at({"entry.sh": INTO_PROGRAM_TREE}, CODE) == [2]


def test_a_near_miss_tree_of_no_program_run_stays_quiet() -> None:
    unrelated = INTO_PROGRAM_TREE.replace('bash "${GAMEDIR}/server_run"', 'bash "${TOOLS}/server_run"')
    assert codes_at({"entry.sh": unrelated}, CODE) == []


# -- C: one downloaded file installed or run directly: a package file given to a package manager, a plug-in saved
# into the folder its runtime loads, a self-updater's new copy given the script's own mode ---------------------------

DEB_INSTALLED = _text(
    "#!/bin/sh",  # 1
    'curl -fsSL -o "/tmp/agent_1.0_amd64.deb" "https://github.com/example/agent/releases/download/v1.0/agent.deb"',  # 2
    'sudo dpkg -i "/tmp/agent_1.0_amd64.deb"',  # 3
)


def test_c_downloaded_package_file_installed_by_dpkg_is_reported() -> None:
    assert codes_at({"install.sh": DEB_INSTALLED}, CODE) == [3]
    apt = DEB_INSTALLED.replace("sudo dpkg -i", "sudo apt-get install -y")
    assert codes_at({"install.sh": apt}, CODE) == [3]


def test_c_near_miss_verified_package_or_repository_name_stays_quiet() -> None:
    verified = DEB_INSTALLED.replace("sudo dpkg", 'sha256sum -c "/tmp/agent_1.0_amd64.deb.sha256" || exit 1\nsudo dpkg')
    assert codes_at({"install.sh": verified}, CODE) == []
    by_name = DEB_INSTALLED.replace('sudo dpkg -i "/tmp/agent_1.0_amd64.deb"', "sudo apt-get install -y agent")
    assert codes_at({"install.sh": by_name}, CODE) == []


ADDON_SAVED = _text(
    "#!/bin/sh",  # 1
    'curl -Lf "$ADDONS_URL" -o "$WorkingDir/addons/vendor-addons-$VERSION.kar"',  # 2
)


def test_c_plugin_archive_saved_into_the_addons_folder_is_reported() -> None:
    assert codes_at({"update.sh": ADDON_SAVED}, CODE) == [2]


def test_c_near_miss_settings_saved_into_the_addons_folder_stays_quiet() -> None:
    settings = ADDON_SAVED.replace("vendor-addons-$VERSION.kar", "addons.cfg")
    assert codes_at({"update.sh": settings}, CODE) == []


SELF_MODE = _text(
    "#!/bin/bash",  # 1
    'tmp="$0.tmp"',  # 2
    'curl -L --output "$tmp" "https://raw.example.com/tool/master/tool"',  # 3
    "OCTAL_MODE=$(stat -c '%a' \"$0\")",  # 4
    'chmod ${OCTAL_MODE} "$tmp"',  # 5
)


def test_c_new_copy_given_the_running_scripts_own_mode_is_reported() -> None:
    assert codes_at({"tool-update": SELF_MODE}, CODE) == [5]


def test_c_near_miss_mode_of_a_settings_file_stays_quiet() -> None:
    other = SELF_MODE.replace("stat -c '%a' \\\"$0\\\"", "stat -c '%a' \\\"$CONFIG\\\"").replace(
        "stat -c '%a' \"$0\"", "stat -c '%a' \"$CONFIG\""
    )
    assert codes_at({"tool-update": other}, CODE) == []


# -- A (Dockerfile): an image's WORKDIR is where its later RUN lines start: an archive unzipped there lands in it ----

IMAGE_APP = _text(
    "FROM node:18-slim",  # 1
    "WORKDIR /app",  # 2
    "RUN curl https://builds.example.net/chromium-linux-arm64.zip -o chrome-linux.zip && \\",  # 3
    "    unzip chrome-linux.zip && \\",  # 4
    "    rm -rf chrome-linux.zip",  # 5
)


def test_a_archive_unzipped_in_the_image_workdir_app_is_reported() -> None:
    assert codes_at({"docker/Dockerfile": IMAGE_APP}, CODE) == [4]


def test_a_near_miss_workdir_of_an_earlier_stage_does_not_carry_over() -> None:
    staged = IMAGE_APP.replace("RUN curl", "FROM node:18-slim AS build\nRUN curl")
    assert codes_at({"docker/Dockerfile": staged}, CODE) == []
