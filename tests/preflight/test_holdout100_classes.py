"""Classes the hundredth hold-out set showed (tests/preflight/holdout100: shell installers, update and upgrade
scripts), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

UNVERIFIED = "preflight.unverified_download_exec"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a URL whose last part ends in a substitution names the file it is saved under --------------------------------


def test_a_a_url_named_for_the_machine_saves_under_that_name() -> None:
    installer = _text(
        "#!/bin/sh",  # 1
        "wget https://github.com/acme/agent/raw/main/RELEASE/agent_$(uname -m)",  # 2
        "chmod +x agent_$(uname -m)",  # 3
        "cp agent_$(uname -m) /usr/local/bin/agent",  # 4
    )
    assert codes_at({"install.sh": installer}, UNVERIFIED) == [3]


def test_a_also_for_curl_remote_name() -> None:
    installer = _text(
        "#!/bin/sh",  # 1
        "curl -fsSLO https://downloads.example.com/agent/agent-linux-`uname -m`",  # 2
        "sh ./agent-linux-`uname -m`",  # 3
    )
    assert codes_at({"install.sh": installer}, UNVERIFIED) == [3]


def test_near_miss_a_a_url_an_api_answer_gives_is_saved_under_a_name_not_known() -> None:
    # the substitution gives the whole last part from a query of the API (it holds a ``/``): the file's name is
    # the server's, and a later ``chmod +x agent`` names another file
    installer = _text(
        "#!/bin/sh",  # 1
        "wget https://example.com/dl/$(curl -fsSL https://api.example.com/latest | cut -d/ -f2)",  # 2
        "chmod +x agent",  # 3
    )
    assert codes_at({"install.sh": installer}, UNVERIFIED) == []


# -- B: a variable printed as a secret setting's value, then a colour escape ----------------------------------------

PRINTED = "preflight.secret_printed"


def _shown(label: str) -> str:
    return _text(
        "#!/usr/bin/env bash",  # 1
        "appadminpw=`< /dev/urandom tr -dc A-Za-z0-9 | head -c8`",  # 2
        "php app/index.php install -username admin",  # 3
        f'echo -e "\\e[32m{label}: $appadminpw\\e[0m"',  # 4
    )


def test_b_a_value_shown_under_a_password_label_before_a_colour_escape_is_printed() -> None:
    assert codes_at({"install.sh": _shown("Password")}, PRINTED) == [4]


def test_near_miss_b_a_value_shown_under_another_label_is_not_a_secret() -> None:
    assert codes_at({"install.sh": _shown("Username")}, PRINTED) == []


# -- C: yum/dnf given a package file's URL install it with no signature check ----------------------------------------


def _repository_added(install: str) -> str:
    return _text(
        "#!/usr/bin/env bash",  # 1
        'if [ "$EUID" -ne 0 ]; then echo "run as root"; exit 1; fi',  # 2
        install,  # 3
        "dnf install php82-php-cli -y",  # 4
    )


def test_c_a_release_rpm_installed_from_its_url_is_unverified() -> None:
    script = _repository_added(
        ". /etc/os-release && dnf -y install https://rpms.example.org/enterprise/vendor-release-$(rpm -E %$ID).rpm"
    )
    assert codes_at({"install.sh": script}, UNVERIFIED) == [3]
    local = _repository_added("yum localinstall -y https://example.org/x-1.0.rpm")
    assert codes_at({"install.sh": local}, UNVERIFIED) == [3]


def test_near_miss_c_a_package_by_name_or_with_the_local_check_on_is_verified() -> None:
    # a name is resolved from the repositories (their gpgcheck); the local-package check switched on checks the file
    for install in (
        "dnf -y install epel-release",
        "dnf -y --setopt=localpkg_gpgcheck=1 install https://rpms.example.org/enterprise/vendor-release-9.rpm",
        "dnf -y install https://rpms.example.org/enterprise/",
    ):
        assert codes_at({"install.sh": _repository_added(install)}, UNVERIFIED) == []


# -- D: a downloaded tree's every name moved into a directory, then run by a versioned interpreter -------------------


def _web_root(moved: str, runner: str = "php82") -> str:
    return _text(
        "#!/usr/bin/env bash",  # 1
        "cd /home/shop/tmp/",  # 2
        "wget https://www.example.com/latest.zip",  # 3
        "unzip latest.zip",  # 4
        f"mv {moved} /home/shop/public_html/",  # 5
        f"{runner} /home/shop/public_html/index.php install",  # 6
    )


def test_d_every_name_of_an_unpacked_tree_moved_into_the_web_root_is_run() -> None:
    assert codes_at({"install.sh": _web_root("shop/*")}, UNVERIFIED) == [6]


def test_d_a_versioned_interpreter_runs_its_operand() -> None:
    assert codes_at({"install.sh": _web_root("shop/*", "php8.2")}, UNVERIFIED) == [6]
    assert codes_at({"install.sh": _web_root("shop/*", "php")}, UNVERIFIED) == [6]


def test_near_miss_d_one_named_file_moved_leaves_the_rest_of_the_target_its_own() -> None:
    # only shop/README lands there: index.php is not the download's
    assert codes_at({"install.sh": _web_root("shop/README")}, UNVERIFIED) == []
    # a program whose name merely starts with an interpreter's is not one (``phpize82`` takes no script)
    assert codes_at({"install.sh": _web_root("shop/*", "phpize82")}, UNVERIFIED) == []
