"""Classes of ``preflight.unverified_download_exec`` misses the hold-out guard showed in session 31, each as its
minimal construct next to near-misses that must stay quiet (a checksum between the download and the install, a
download never installed)."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

UNVERIFIED = "preflight.unverified_download_exec"

# -- A: an Ansible ``unarchive`` of an unchecked download into the directory a role variable names installs it -------

_FETCH = """---
- name: Download the archive
  ansible.builtin.get_url:
    url: "https://example.org/app-{{ app_version }}.tar.gz"
    dest: "/tmp/app-{{ app_version }}.tar.gz"
{checksum}
- name: Extract the archive
  ansible.builtin.unarchive:
    src: "/tmp/app-{{ app_version }}.tar.gz"
    dest: "{dest}"
    remote_src: true
"""


def _role(dest: str, checksum: str = "") -> dict[str, str]:
    return {"tasks/install.yml": _FETCH.replace("{checksum}", checksum).replace("{dest}", dest)}


def test_a_unarchive_into_the_roles_install_directory_installs_the_download() -> None:
    assert codes_at(_role("{{ app_install_dir }}"), UNVERIFIED) == [9]  # at the archive's src line
    assert codes_at(_role("{{ app_home }}/app"), UNVERIFIED) == [9]


def test_a_unarchive_into_a_scratch_directory_installs_nothing() -> None:
    assert codes_at(_role("/tmp"), UNVERIFIED) == []
    assert codes_at(_role("{{ app_home }}/tmp"), UNVERIFIED) == []


def test_a_unarchive_after_a_checksummed_get_url_is_verified() -> None:
    checked = '    checksum: "sha256:{{ app_sha256 }}"\n'
    assert codes_at(_role("{{ app_install_dir }}", checked), UNVERIFIED) == []


_REGISTERED = """---
- name: Download the archive
  get_url:
    url: "{{ app_url }}"
    dest: "{{ app_home }}/{{ app_url | basename }}"
  register: app_download

- name: Extract the archive
  unarchive:
    src: "{{ app_download.dest }}"
    dest: "{{ app_install_path }}"
    remote_src: true
"""


def test_a_the_registered_result_of_get_url_names_its_file() -> None:
    assert codes_at({"tasks/install.yml": _REGISTERED}, UNVERIFIED) == [10]  # at the src line


_FROM_URL = """---
- name: Download and expand the source
  ansible.builtin.unarchive:
    src: "https://example.org/tool-{{ tool_version }}.tar.gz"
    dest: "{{ tool_source_dir }}"
    remote_src: yes
"""


def test_a_a_url_unarchived_into_a_variables_directory_is_a_source_tree_until_run() -> None:
    # streamed from its URL into a directory a variable names: a build's source tree (holdout94's openvpn role),
    # reported where a later task builds or runs it, not at the unpack
    assert codes_at({"tasks/main.yml": _FROM_URL}, UNVERIFIED) == []


_FREE_FORM = """---
- name: Download the archive
  get_url:
     url="{{ app_url }}"
     dest="{{ app_tmp }}/{{ app_archive }}"

- name: Unpack it
  unarchive:
     copy=no
     src="{{ app_tmp }}/{{ app_archive }}"
     dest="{{ app_base }}/"
"""


def test_a_a_free_form_unarchive_below_its_key_is_reported_at_the_module() -> None:
    assert codes_at({"tasks/install.yml": _FREE_FORM}, UNVERIFIED) == [8]


def test_a_a_download_never_unpacked_installs_nothing() -> None:
    fetched_only = _REGISTERED.split("- name: Extract", 1)[0]
    assert codes_at({"tasks/install.yml": fetched_only}, UNVERIFIED) == []


# -- B: a settings file from a moving branch saved into a service's /etc directory, then the service started --------

_BRANCH = "https://raw.githubusercontent.com/vendor/tool/main/config"
_SQUID = f"curl -fsSL {_BRANCH}/squid.conf -o /etc/squid/squid.conf"


def test_b_a_branch_settings_file_the_started_service_reads_is_reported_at_the_download() -> None:
    # the script's own lines start at 3 (preflight_kit.script's two come first)
    assert in_script(UNVERIFIED, _SQUID, "systemctl restart squid") == [3]
    openvpn = (f"curl -fsSL {_BRANCH}/tcp.conf -o /etc/openvpn/tcp.conf", "systemctl start openvpn@tcp")
    assert in_script(UNVERIFIED, *openvpn) == [3]


def test_b_near_miss_a_checked_settings_file_is_verified() -> None:
    check = 'echo "$SQUID_SHA256  /etc/squid/squid.conf" | sha256sum -c -'
    assert in_script(UNVERIFIED, _SQUID, check, "systemctl restart squid") == []


def test_b_near_miss_a_release_tag_another_service_or_no_start() -> None:
    tagged = "https://raw.githubusercontent.com/vendor/tool/v1.2.0/config/squid.conf"
    assert in_script(UNVERIFIED, f"curl -fsSL {tagged} -o /etc/squid/squid.conf", "systemctl restart squid") == []
    assert in_script(UNVERIFIED, _SQUID, "systemctl restart nginx") == []
    assert in_script(UNVERIFIED, _SQUID) == []


# -- C: an updater renames each fetched file over a program file of its working directory -----------------------------

_UPDATER = (
    "#!/bin/bash",  # 1
    'FILES=("bot.py" "config_loader.py")',  # 2
    "{cd}",  # 3
    'for file in "${FILES[@]}"; do',  # 4
    '    if wget -q -O "$file.new" "$REPO_URL/$file"; then',  # 5
    "{check}",  # 6
    '        mv "$file.new" "$file"',  # 7
    "    fi",  # 8
    "done",  # 9
    "systemctl restart bot",  # 10
)


def _updater(name: str = "update.sh", cd: str = ":", check: str = ":", files: str = "") -> dict[str, str]:
    text = "\n".join(_UPDATER).replace("{cd}", cd).replace("{check}", check) + "\n"
    return {name: text.replace('"bot.py" "config_loader.py"', files)} if files else {name: text}


def test_c_an_updater_moving_fetched_files_over_its_own_code_is_reported_at_the_move() -> None:
    assert codes_at(_updater(), UNVERIFIED) == [7]
    assert codes_at(_updater(cd='cd "$SRC_DIR"', files='"index.php" "upload.php"'), UNVERIFIED) == [7]


def test_c_near_miss_a_checked_file_an_installer_data_files_or_a_scratch_directory() -> None:
    check = '        echo "$(grep "$file" SHA256SUMS)" | sha256sum -c - || exit 1'
    assert codes_at(_updater(check=check), UNVERIFIED) == []
    assert codes_at(_updater(name="install.sh"), UNVERIFIED) == []
    assert codes_at(_updater(files='"README.md" "settings.json"'), UNVERIFIED) == []
    assert codes_at(_updater(cd="cd /tmp/stage"), UNVERIFIED) == []


# -- D: a Windows download saved as a program archive or a plug-in its runtime loads: the save installs it ----------


def _windows(*lines: str) -> dict[str, str]:
    return {"setup.ps1": "\n".join(("$ErrorActionPreference = 'Stop'", *lines)) + "\n"}


def test_d_a_jar_or_a_plugin_saved_by_invoke_webrequest_is_installed_there() -> None:
    jar = "Invoke-WebRequest -Uri $LavalinkUrl -OutFile 'Lavalink.jar'"
    assert codes_at(_windows(jar), UNVERIFIED) == [2]
    plugin = "Invoke-WebRequest -Uri $PluginUrl -OutFile 'plugins\\lavasrc-plugin.jar'"
    assert codes_at(_windows(plugin), UNVERIFIED) == [2]


def test_d_near_miss_a_checked_jar_or_a_settings_file() -> None:
    jar = "Invoke-WebRequest -Uri $LavalinkUrl -OutFile 'Lavalink.jar'"
    check = "if ((Get-FileHash 'Lavalink.jar' -Algorithm SHA256).Hash -ne $Sha256) { throw 'bad download' }"
    assert codes_at(_windows(jar, check), UNVERIFIED) == []
    settings = "Invoke-WebRequest -Uri $ConfigUrl -OutFile 'application.yml'"
    assert codes_at(_windows(settings), UNVERIFIED) == []
