"""Round fifteen of the whole packages (tests/preflight/packages/README.md, "Round fifteen"): each class fixed, with
a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its result)."""

from __future__ import annotations

from preflight_kit import findings, package, run

EGRESS = "preflight.implicit_egress"
GRANT = "preflight.container_host_access"
UNSIGNED = "preflight.signature_verification_disabled"

_PACKAGE_BUILDER = (
    "FROM debian:11\n"  # 1
    "RUN apt-get update -qq && \\\n"  # 2
    "    /bin/sh -c \"echo 'deb [trusted=yes] http://download.vendor.io/debbuild/ /' > "
    '/etc/apt/sources.list.d/debbuild.list" && \\\n'  # 3
    "    apt-get install -qqy debbuild\n"  # 4
    "COPY . /usr/src/product\n"  # 5
    'CMD ["/bin/bash", "-c", "make debs"]\n'  # 6
)
_TEST_RUN = (
    "#!/bin/bash\n"  # 1
    "set -e\n"  # 2
    'docker run -d --privileged --name product "product:$1" /lib/systemd/systemd --system\n'  # 3
    "docker exec product bash -c 'dpkg -i deb-build/DEBS/all/product*.deb'\n"  # 4
)


def test_containers_that_build_the_projects_packages_or_a_developers_environment_are_not_install_steps() -> None:
    # the images a maintainer builds the .deb/.rpm in, and the script that starts one to install it and run the tests;
    # the grant a developer's script asks for is still reported (holdout caprover's dev-scripts are labelled so)
    for folder in ("docker/debs", "docker/rpms", "docker/develop", "containers/dev"):
        files = {f"{folder}/Debian_11/Debian11.dockerfile": _PACKAGE_BUILDER, f"{folder}/install-debs.sh": _TEST_RUN}
        assert findings(files) == [(GRANT, 3)], folder


def test_the_same_image_and_script_in_a_deployment_folder_are_still_read() -> None:
    # near miss: a containers folder named for what it deploys (``docker/production/``, ``docker/web/``)
    for folder in ("docker/production", "docker/web"):
        found = findings(
            {f"{folder}/Debian_11/Debian11.dockerfile": _PACKAGE_BUILDER, f"{folder}/install-debs.sh": _TEST_RUN}
        )
        assert (EGRESS, 2) in found and (UNSIGNED, 3) in found and (GRANT, 3) in found, folder


PRIVILEGE = "preflight.implicit_privilege"
KERNEL = "preflight.kernel_settings"
ENDPOINT = "preflight.external_endpoint"

_SNIPPET = (
    "#!/bin/sh\n"  # 1
    "insmod /lib/ext4.o\n"  # 2
    "mount -o ro /dev/sda1 /tmp/keep\n"  # 3
    "systemctl enable sshd.service\n"  # 4
)
_ANSWERS = (
    "<installation>\n"  # 1
    "  <ntp-server>ntp.vendor-time.net</ntp-server>\n"  # 2
    "</installation>\n"  # 3
)


def test_installer_automation_a_provisioning_server_serves_is_not_its_own_step() -> None:
    # a kickstart snippet and an answer file: run and read by the installer of the machine they are served to
    for folder in ("autoinstall_snippets", "autoinstall_scripts", "kickstarts/snippets", "preseeds", "autoyast"):
        assert findings({f"{folder}/keep_files": _SNIPPET, f"{folder}/answerfile.xml": _ANSWERS}) == [], folder


def test_the_same_script_and_settings_elsewhere_are_still_read() -> None:
    # near miss: the same lines in the product's own scripts and configuration folder
    found = findings({"scripts/keep_files": _SNIPPET, "config/answerfile.xml": _ANSWERS})
    assert (KERNEL, 2) in found and (PRIVILEGE, 3) in found and (PRIVILEGE, 4) in found
    assert (ENDPOINT, 2) in found


DISABLED = "preflight.service_disabled"

_SPEC = (
    "Name: product\n"  # 1
    "Version: 1\n"  # 2
    "\n"  # 3
    "%pre\n"  # 4
    '%if "%{_vendor}" == "debbuild"\n'  # 5
    'if [ "$1" = "upgrade" ]; then\n'  # 6
    "%else\n"  # 7
    "if [ $1 -ge 2 ]; then\n"  # 8
    "%endif\n"  # 9
    "    cp -r /etc/product /var/lib/product/backup\n"  # 10
    "fi\n"  # 11
    "\n"  # 12
    "%preun\n"  # 13
    "%{systemd_preun product.service}\n"  # 14
    "\n"  # 15
    "%postun\n"  # 16
    "%systemd_postun_with_restart product.service\n"  # 17
)


def test_a_specs_alternative_branches_and_a_braced_service_macro_are_read_as_one_build_makes_them() -> None:
    # two vendors' openings of one upgrade block, and %{systemd_preun x} (disables only when the package is erased)
    assert DISABLED not in [code for code, _ in findings({"product.spec": _SPEC})]


def test_a_disable_in_the_first_branch_or_outside_a_removal_guard_is_still_reported() -> None:
    # near miss: the spec's upgrade block disables the service itself, in the branch a build keeps
    spec = _SPEC.replace("    cp -r /etc/product", "    systemctl disable product.service\n    cp -r /etc/product")
    assert (DISABLED, 10) in findings({"product.spec": spec})


HIDDEN = "preflight.hidden_migration"
_MIGRATING_SETTINGS = "auto_migrate_settings: true\nserver: 127.0.0.1\n"


def test_a_tests_settings_fixture_that_migrates_on_start_is_test_data() -> None:
    # the settings a test loads (cobbler's tests/test_data/V3_3_0/settings.yaml), not the ones the service starts with
    assert findings({"tests/test_data/V3_3_0/settings.yaml": _MIGRATING_SETTINGS}) == []


def test_the_same_setting_in_the_shipped_configuration_is_still_reported() -> None:
    # near miss: the product's own settings file switches the migrations on at start
    assert findings({"config/product/settings.yaml": _MIGRATING_SETTINGS}) == [(HIDDEN, 1)]


_REPORT_MAIL = (
    "From: $from_addr\n"  # 1
    "To: $to_addr\n"  # 2
    '#if $getVar("interfaces","") != ""\n'  # 3
    "Subject: $subject (system: $name)\n"  # 4
    "#end if\n"  # 5
    "\n"  # 6
    "Build report.\n"  # 7
    "https://product.vendor.io/\n"  # 8
)


def test_a_template_that_starts_with_a_mail_header_is_a_message_for_its_recipient() -> None:
    # Cobbler's build_report_email.template: From/To/Subject filled in by the template engine, then the body
    assert findings({"templates/reporting/build_report.template": _REPORT_MAIL}) == []


def test_a_template_without_a_mail_header_is_still_read() -> None:
    # near miss: the same body under one header field only (``To:``): a settings template naming a host
    body = _REPORT_MAIL.replace("From: $from_addr\n", "").replace('#if $getVar("interfaces","") != ""\n', "")
    body = body.replace("Subject: $subject (system: $name)\n#end if\n", "")
    assert findings({"templates/reporting/build_report.template": body}) == [(ENDPOINT, 4)]


_PXE_MENU = (
    "DEFAULT menu\n"  # 1
    "PROMPT 0\n"  # 2
    "MENU TITLE Product | https://product.vendor.io\n"  # 3
    "LABEL rescue\n"  # 4
    "        kernel http://boot.vendor-mirror.net/rescue/vmlinuz\n"  # 5
)
_IPXE_MENU = (
    "#!ipxe\n"  # 1
    ":start\n"  # 2
    "menu Product | https://product.vendor.io\n"  # 3
    "item local (local)\n"  # 4
    "chain http://boot.vendor-mirror.net/menu.ipxe\n"  # 5
)


def test_a_boot_menus_title_is_text_on_the_console() -> None:
    # the PXE and iPXE menu titles a provisioning server renders; the kernel and chain lines are what is fetched
    assert findings({"templates/boot_loader_conf/pxe_menu.template": _PXE_MENU}) == [(ENDPOINT, 5)]
    assert findings({"templates/boot_loader_conf/ipxe_menu.template": _IPXE_MENU}) == [(ENDPOINT, 5)]


def test_menu_words_in_a_file_that_is_no_boot_menu_are_still_read() -> None:
    # near miss: an iPXE-like ``menu`` line in a file without ``#!ipxe`` (a settings file with a key named menu)
    settings = "menu https://product.vendor.io\n"
    assert findings({"config/product.conf": settings}) == [(ENDPOINT, 1)]


def test_a_host_that_opens_with_your_and_ends_in_a_generic_word_is_a_placeholder() -> None:
    # OpenREM's ``EMAIL_OPENREM_URL = 'http://your.openrem.server'``: the reader's own server
    assert findings({"app/settings.py": "SERVER_URL = 'http://your.openrem.server'\n"}) == []


def test_a_host_that_opens_with_your_under_a_real_domain_is_still_read() -> None:
    # near miss: ``your.vendor.io`` ends in a top-level domain, a name someone may run
    assert findings({"app/settings.py": "SERVER_URL = 'http://your.vendor.io'\n"}) == [(ENDPOINT, 1)]


def _reboot_reasons(files: dict[str, str | bytes]) -> list[object]:
    found = run(package(files, reboot="none"))
    return [f.evidence.get("replaces") for f in found if f.code == "preflight.reboot_understated"]


def test_a_provisioning_servers_grub_module_and_served_config_are_not_the_hosts_boot_loader() -> None:
    # cobbler writes GRUB configurations for the machines it boots over the network
    assert _reboot_reasons({"cobbler/grub.py": "def write(): pass\n", "config/grub/grub.cfg": "set timeout=5\n"}) == []


def test_the_hosts_grub_defaults_and_boot_folder_still_need_a_reboot() -> None:
    # near miss: the host's own GRUB defaults and a file under boot/
    assert _reboot_reasons({"etc/default/grub": "GRUB_TIMEOUT=5\n"}) == [["bootloader"]]
    assert _reboot_reasons({"boot/grub/grub.cfg": "set timeout=5\n"}) == [["bootloader"]]


CREDENTIAL = "preflight.hardcoded_credential"
_KEY = "hmj#)-$smzqk*=wuz9^a46rex30^$_j$rghp+1#y&i+pys5b@$"


def test_a_dollar_inside_a_python_string_literal_is_a_character_of_the_key() -> None:
    # OpenREM's local_settings.py.example: Python never expands ``$`` in a string, so the key is a literal
    assert findings({"app/settings.py": f"SECRET_KEY = '{_KEY}'\n"}) == [(CREDENTIAL, 1)]
    assert findings({"app/local_settings.py.example": f"SECRET_KEY = '{_KEY}'\n"}) == [(CREDENTIAL, 1)]


def test_a_dollar_reference_in_an_env_file_or_a_whole_python_template_field_is_still_a_reference() -> None:
    # near miss: an env file expands ``$smzqk``; a Python value that is wholly ``$SECRET_KEY`` is a template's field
    assert findings({"deploy/app.env": f"SECRET_KEY={_KEY}\n"}) == []
    assert findings({"app/settings.py": "SECRET_KEY = '${SECRET_KEY}'\n"}) == []
