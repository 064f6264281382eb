"""Classes of mistakes the thirty-fifth hold-out set found (tests/preflight/holdout35: upgrade scripts of appliances
and embedded/over-the-air update systems), each as its minimal construct next to a near-miss that must stay quiet
or keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at, package, run

PRIVILEGE = "preflight.implicit_privilege"
ROOT = "preflight.root_assumed"
ENDPOINT = "preflight.external_endpoint"

# -- A: device steps: an image written onto a block device, snap, FreeBSD's boot manager; mount listing ----------


def test_a_writing_a_block_device_snap_and_boot0cfg_are_root_only() -> None:
    text = (
        "#!/bin/sh\n"
        "gunzip -c /tmp/fw.img.gz | dd of=/dev/mmcblk0 bs=1M\n"
        'dd if=/dev/zero of=/dev/"${DISK}"s2a bs=1m count=1\n'
        "snap install core22\n"
        "boot0cfg -s 2 -v /dev/ada0\n"
        "chflags -R noschg /usr/local\n"
    )
    assert codes_at({"upgrade.sh": text}, PRIVILEGE) == [2, 3, 4, 5, 6]


def test_a_a_file_or_null_device_snap_queries_and_a_mount_listing_need_no_root() -> None:
    text = (
        "#!/bin/sh\n"
        "dd if=/dev/urandom of=./key.bin bs=32 count=1\n"
        "dd if=fw.img of=/dev/null\n"
        "snap list\n"
        "snap info core22\n"
        "BOOT=$(mount | grep pfsense)\n"
        "mount -p\n"
        "chflags -R noschg ./build\n"
    )
    assert codes_at({"upgrade.sh": text}, PRIVILEGE) == []


def test_a_mounting_something_stays_root_only() -> None:
    text = "#!/bin/sh\nmount -o remount,rw /boot\nmount -a\n"
    assert codes_at({"upgrade.sh": text}, PRIVILEGE) == [2, 3]


# -- B: an archive extracted into the directory the script moved to (cd / && tar x…); named members under /tmp ---


def test_b_extracting_into_a_system_directory_entered_with_cd_is_root_only() -> None:
    text = (
        "#!/bin/sh\n"
        'cd / && tar xzUPf "$IMG"\n'
        'if ! (cd /boot && xz -dc < "$F" | tar xvf - --no-same-owner); then exit 1; fi\n'
    )
    assert codes_at({"upgrade.sh": text}, PRIVILEGE) == [2, 3]


def test_b_extracting_elsewhere_listing_or_only_a_member_under_tmp_needs_no_root() -> None:
    text = (
        "#!/bin/sh\n"
        'cd /tmp && tar xzf "$IMG"\n'
        'cd / && tar tzf "$IMG"\n'
        'tar xzvf "$IMG" -C / ./tmp/pre_upgrade_command\n'
    )
    assert codes_at({"upgrade.sh": text}, PRIVILEGE) == []


def test_b_a_named_member_outside_tmp_stays_root_only() -> None:
    text = '#!/bin/sh\ntar xzf "$IMG" -C / ./etc/rc.conf\ntar xzf "$IMG" -C / ./tmp/../etc/rc.conf\n'
    assert codes_at({"upgrade.sh": text}, PRIVILEGE) == [2, 3]


# -- C: update packages' install scripts run by an appliance's update system (pakfire, RAUC) ----------------------


def test_c_a_pakfire_update_script_requires_root_and_its_steps_are_not_implicit() -> None:
    text = (
        "#!/bin/bash\n"
        ". /opt/pakfire/lib/functions.sh\n"
        "/etc/init.d/unbound stop\n"
        "extract_files\n"
        "ldconfig\n"
        "/etc/init.d/unbound start\n"
    )
    files = {"config/rootfiles/core/129/update.sh": text}
    assert codes_at(files, ROOT) == [1]
    assert codes_at(files, PRIVILEGE) == []


def test_c_a_rauc_hook_reading_the_slot_it_installs_requires_root() -> None:
    text = (
        "#!/bin/sh\n"
        'if [ "${RAUC_SLOT_CLASS}" = "boot" ]; then\n'
        '    dd if="${RAUC_IMAGE_NAME}" of="${RAUC_SLOT_DEVICE}"\n'
        "fi\n"
    )
    files = {"ota/rauc-hook": text}
    assert codes_at(files, ROOT) == [1]
    assert codes_at(files, PRIVILEGE) == []


def test_c_a_script_that_runs_rauc_or_its_own_library_is_not_an_update_script() -> None:
    installer = '#!/bin/sh\nRAUC_BUNDLE=/tmp/update.raucb\nrauc install "$RAUC_BUNDLE"\nldconfig\n'
    assert codes_at({"scripts/install-update.sh": installer}, ROOT) == []
    assert codes_at({"scripts/install-update.sh": installer}, PRIVILEGE) == [4]
    sets_env = '#!/bin/sh\nRAUC_SLOT_CLASS=boot\necho "$RAUC_SLOT_CLASS"\nldconfig\n'
    assert codes_at({"scripts/fake.sh": sets_env}, ROOT) == []
    own_library = "#!/bin/bash\n. /opt/vendor/lib/functions.sh\nldconfig\n"
    assert codes_at({"update.sh": own_library}, ROOT) == []
    assert codes_at({"update.sh": own_library}, PRIVILEGE) == [3]


# -- D: ${X/pattern/replacement} of a known X (rpi-update's api.github.com built from its repository URL) ---------


def _hosts(text: str) -> set[tuple[int, str]]:
    found = run(package({"update.sh": text}))
    return {(f.evidence["line"], f.evidence["host"]) for f in found if f.code == "preflight.external_endpoint"}


def test_d_a_literal_pattern_substitution_of_a_known_url_is_followed() -> None:
    text = (
        "#!/bin/bash\n"
        'REPO_URI=${REPO_URI:-"https://github.com/vendor/firmware"}\n'
        "REPO_API=${REPO_URI/github.com/api.github.com\\/repos}/git/refs/heads/main\n"
        "GITREV=$(curl -s ${REPO_API})\n"
        "curl -s ${REPO_URI//github.com/mirror.vendor.io}/tarball/x -o /tmp/x\n"
    )
    assert {(4, "api.github.com"), (5, "mirror.vendor.io")} <= _hosts(text)


def test_d_a_glob_or_expanded_replacement_adds_no_host() -> None:
    text = (
        "#!/bin/bash\n"
        'REPO_URI="https://github.com/vendor/firmware"\n'
        "curl -s ${REPO_URI/*/$MIRROR}\n"
        "curl -s ${REPO_URI/github.com/$MIRROR}\n"
        "curl -s ${REPO_URI/vendor/other*}\n"
    )
    assert {host for _, host in _hosts(text)} <= {"github.com"}


# -- G: a download streamed straight onto a disk (curl URL | gunzip | dd of=/dev/mmcblk0) ------------------------

DOWNLOAD = "preflight.unverified_download_exec"


def test_g_a_download_piped_onto_a_device_is_an_unverified_install() -> None:
    text = (
        "#!/bin/bash\n"
        "curl -L -k ${IMG} --progress | gunzip | dd of=/dev/mmcblk0 bs=1M conv=fsync\n"
        "wget -qO- https://dl.vendor.io/fw.img.xz | xz -d | dd of=/dev/sda\n"
    )
    assert codes_at({"install.sh": text}, DOWNLOAD) == [2, 3]


def test_g_a_download_to_a_file_a_local_image_or_dev_null_is_not() -> None:
    text = (
        "#!/bin/bash\n"
        "curl -L https://dl.vendor.io/fw.img.gz | gunzip | dd of=./fw.img\n"
        "gunzip -c /tmp/fw.img.gz | dd of=/dev/sda\n"
        "curl -s https://dl.vendor.io/x | dd of=/dev/null\n"
    )
    assert codes_at({"install.sh": text}, DOWNLOAD) == []


# -- F: a cd inside a function moves the commands after it in that function (Batocera's do_update) --------------


def test_f_a_cd_inside_a_function_applies_to_the_rest_of_that_function() -> None:
    text = (
        "#!/bin/bash\n"
        "do_update() {\n"
        '    if ! (cd /boot && xz -dc < "$F" | tar xvf - --no-same-owner); then return 1; fi\n'
        "}\n"
        "do_update\n"
    )
    assert codes_at({"upgrade": text}, PRIVILEGE) == [3]


def test_f_a_cd_in_another_function_does_not_move_this_one() -> None:
    text = (
        "#!/bin/bash\n"
        "prepare() {\n"
        "    cd /boot\n"
        "}\n"
        "unpack() {\n"
        '    cd "$WORK" && tar xf "$F"\n'
        "}\n"
        "prepare\n"
        "unpack\n"
    )
    assert codes_at({"upgrade": text}, PRIVILEGE) == []


# -- H: a function's local copy of a positional parameter with text around it (local URL="${2}/boot.tar.xz") ------


def test_h_a_url_argument_reaching_curl_through_a_local_with_a_path_added_is_a_contact() -> None:
    text = (
        "#!/bin/bash\n"
        "download() {\n"
        '    local URL="${2}/boot.tar.xz"\n'
        '    curl -fL "${URL}" -o /tmp/boot.tar.xz\n'
        "}\n"
        'download 1 "https://updates.vendor.io/stable/last" 100\n'
    )
    assert codes_at({"upgrade": text}, ENDPOINT) == [6]


def test_h_a_local_built_from_a_command_or_another_variable_is_not_the_argument() -> None:
    text = (
        "#!/bin/bash\n"
        "download() {\n"
        '    local URL="$(cat /etc/vendor/mirror)${2}"\n'
        '    local NAME="${2}-${3}"\n'
        '    curl -fL "${URL}" -o "/tmp/${NAME}"\n'
        "}\n"
        'download 1 "https://updates.vendor.io/stable/last" 100\n'
    )
    assert codes_at({"upgrade": text}, ENDPOINT) == []


# -- I: FreeBSD fetch(1) without certificate checks (OPNsense's opnsense-patch -i) -------------------------------

TLS = "preflight.tls_verification_disabled"


def test_i_fetch_no_verify_peer_also_through_an_option_variable_turns_tls_off() -> None:
    text = (
        "#!/bin/sh\n"
        "DO_INSECURE=\n"
        "while getopts i OPT; do\n"
        "\tcase ${OPT} in\n"
        "\ti)\n"
        '\t\tDO_INSECURE="--no-verify-peer"\n'
        "\t\t;;\n"
        "\tesac\n"
        "done\n"
        "fetch ${DO_INSECURE} -q -o /tmp/x https://github.com/vendor/core/commit/abc.patch\n"
        "SSL_NO_VERIFY_PEER=1 fetch -o /tmp/y https://pkg.vendor.io/x\n"
    )
    assert codes_at({"patch.sh": text}, TLS) == [10, 11]


def test_i_fetch_with_its_checks_or_a_ca_file_keeps_tls() -> None:
    text = (
        "#!/bin/sh\n"
        "fetch -q -o /tmp/x https://github.com/vendor/core/commit/abc.patch\n"
        "fetch --ca-cert=/etc/ssl/vendor-ca.pem -o /tmp/y https://pkg.vendor.io/x\n"
    )
    assert codes_at({"patch.sh": text}, TLS) == []


# -- C (whole package): the scripts an update image's description names (SWUpdate's sw-description, RAUC's
# manifest.raucm) run as root, whatever the scripts say about themselves --------------------------------------

SW_DESCRIPTION = (
    "software =\n{\n"
    '\tversion = "1.0";\n'
    '\timages: ( { filename = "rootfs.ext4.gz"; device = "/dev/mmcblk0p2"; } );\n'
    "\tscripts: (\n"
    '\t\t{ filename = "swupdate_post.sh"; type = "postinstall"; },\n'
    '\t\t{ filename = "check.lua"; type = "lua"; }\n'
    "\t);\n}\n"
)


def _located(files: dict[str, str], code: str) -> list[tuple[str, int | None]]:
    return sorted((f.path, f.evidence.get("line")) for f in run(package(dict(files))) if f.code == code)


def test_c_scripts_a_sw_description_or_a_rauc_manifest_names_require_root() -> None:
    swu = {"sw-description": SW_DESCRIPTION, "swupdate_post.sh": "#!/bin/sh\nsleep 1\nreboot\n"}
    assert _located(swu, ROOT) == [("swupdate_post.sh", 1)]
    assert _located(swu, PRIVILEGE) == []
    manifest = "[update]\ncompatible=vendor-rpi4\nversion=1\n\n[hooks]\nfilename=hook\n"
    rauc = {"manifest.raucm": manifest, "hook": '#!/bin/sh\ndd if="$1" of=/dev/mmcblk0p1\n'}
    assert _located(rauc, ROOT) == [("hook", 1)]
    assert _located(rauc, PRIVILEGE) == []


def test_c_a_script_no_description_names_stays_an_ordinary_script() -> None:
    files = {"sw-description": SW_DESCRIPTION, "tools/flash.sh": "#!/bin/sh\nsleep 1\nreboot\n"}
    assert _located(files, ROOT) == []
    assert _located(files, PRIVILEGE) == [("tools/flash.sh", 3)]
    images_only = {"sw-description": 'software = { images: ( { filename = "x.sh"; } ); }\n', "x.sh": "reboot\n"}
    assert _located(images_only, ROOT) == []
