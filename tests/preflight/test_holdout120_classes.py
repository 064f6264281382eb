"""Classes the hundred-and-twentieth hold-out set showed (tests/preflight/holdout120: install, update and migrate
programs in Python, JavaScript, Go, PHP, Ruby and Perl), each as its minimal construct next to a near-miss that must
stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight.contents import Kind, refine_kind

PRIVILEGE = "preflight.implicit_privilege"
EGRESS = "preflight.implicit_egress"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a Python 2 file indenting with tabs beside spaces is read as Python 2 reads it -------------------------------


def _python2_installer(first: str, second: str) -> str:
    return _text(
        "#!/usr/bin/env python",  # 1
        "import os",  # 2
        "def install():",  # 3
        f"{first}print('installing')",  # 4
        f"{second}os.system('yum install -y openresty')",  # 5
        "if __name__ == '__main__':",  # 6
        "    install()",  # 7
    )


def test_a_a_tab_beside_eight_spaces_is_one_indentation_level() -> None:
    text = _python2_installer("        ", "\t")
    assert codes_at({"install.py": text}, EGRESS) == [5]


def test_a_spaces_only_read_as_before() -> None:
    text = _python2_installer("    ", "    ")
    assert codes_at({"install.py": text}, EGRESS) == [5]


def test_a_near_miss_a_tab_that_is_not_the_block_of_its_neighbours_stays_unread() -> None:
    # A tab is eight columns in Python 2: beside a four-space line it opens a deeper block (an IndentationError).
    text = _python2_installer("    ", "\t")
    assert codes_at({"install.py": text}, EGRESS) == []


def test_a_near_miss_python_2_statements_stay_unread() -> None:
    text = _python2_installer("        ", "\t").replace("print('installing')", "print 'installing'")
    assert codes_at({"install.py": text}, EGRESS) == []


# -- B: a program whose text holds the unit it writes is read as the program, not as a unit --------------------------

_UNIT_HEREDOC = (
    "service = <<EOF",  # 1
    "[Unit]",  # 2
    "Description=Fan controller",  # 3
    "[Service]",  # 4
    "ExecStart=ruby fanctrl.rb",  # 5
    "EOF",  # 6
)


def test_b_a_ruby_installer_writing_a_unit_from_a_heredoc_is_read_as_ruby() -> None:
    text = _text(
        *_UNIT_HEREDOC, 'File.write("/etc/systemd/system/fanctrl.service", service)', "`systemctl daemon-reload`"
    )
    assert codes_at({"install.rb": text}, PRIVILEGE) == [7, 8]


def test_b_near_miss_unit_text_in_a_file_that_is_no_program_source_is_still_a_unit() -> None:
    # Content still makes a unit of configuration that is no program source (holdout38's unit with no suffix).
    unit = _text(*_UNIT_HEREDOC[1:5])
    assert refine_kind(Kind.CONFIG, unit, "deploy/fanctrl") is Kind.SYSTEMD
    assert refine_kind(Kind.CONFIG, unit, "deploy/fanctrl.rb") is Kind.CONFIG


# -- C: a JavaScript copy to a name bound to an absolute path, and a folder made with fs -------------------------------


def _postinstall(*lines: str) -> dict[str, str]:
    return {"scripts/postinstall.js": _text("const fs = require('fs-extra');", *lines)}


def test_c_a_copy_to_a_name_bound_to_a_system_path_needs_root() -> None:
    files = _postinstall("const dest = '/usr/local/bin/tool';", "fs.copySync('target/tool', dest);")
    assert codes_at(files, PRIVILEGE) == [3]


def test_c_a_template_of_known_parts_too() -> None:
    files = _postinstall(
        "const name = 'tool';", "const dest = `/usr/local/bin/${name}`;", "fs.copyFileSync('x', dest);"
    )
    assert codes_at(files, PRIVILEGE) == [4]


def test_c_near_miss_a_relative_path_bound_to_the_name_is_the_package_s_own() -> None:
    files = _postinstall("const dest = 'vendor/bin/tool';", "fs.copySync('target/tool', dest);")
    assert codes_at(files, PRIVILEGE) == []


def test_c_a_folder_made_under_etc_needs_root() -> None:
    assert codes_at(_postinstall("fs.ensureDirSync('/etc/tool');"), PRIVILEGE) == [2]
    assert codes_at(_postinstall("fs.mkdirSync('/etc/tool', { recursive: true });"), PRIVILEGE) == [2]


def test_c_near_miss_a_folder_made_in_the_package() -> None:
    assert codes_at(_postinstall("fs.mkdirSync('build', { recursive: true });"), PRIVILEGE) == []


# -- D: yum-config-manager adding or switching a repository writes /etc/yum.repos.d ------------------------------------


def _installer(line: str) -> str:
    return _text("#!/bin/sh", line)


def test_d_yum_config_manager_adding_a_repository_needs_root() -> None:
    line = "yum-config-manager --add-repo https://openresty.org/package/centos/openresty.repo"
    assert codes_at({"install.sh": _installer(line)}, PRIVILEGE) == [2]
    assert codes_at({"install.sh": _installer("yum-config-manager --enable=epel")}, PRIVILEGE) == [2]


def test_d_near_miss_yum_config_manager_listing_repositories() -> None:
    assert codes_at({"install.sh": _installer("yum-config-manager epel")}, PRIVILEGE) == []


# -- E: a Perl open for writing is the shell's redirection into the file ---------------------------------------------


def _perl(*lines: str) -> dict[str, str]:
    return {"install.pl": _text("#!/usr/bin/perl", "use strict;", *lines)}


def test_e_a_three_argument_open_writes_its_path() -> None:
    files = _perl('open my $OUT, ">", "/etc/yum.repos.d/plex.repo";', "print $OUT $repo;")
    assert codes_at(files, PRIVILEGE) == [3]


def test_e_a_two_argument_append_too() -> None:
    assert codes_at(_perl('open(LOG, ">>/etc/plex.conf") or die;'), PRIVILEGE) == [3]


def test_e_near_miss_an_open_for_reading_writes_nothing() -> None:
    assert codes_at(_perl('open my $IN, "<", "/etc/yum.repos.d/plex.repo";'), PRIVILEGE) == []


def test_e_near_miss_a_file_of_the_working_folder() -> None:
    assert codes_at(_perl('open my $CRONTAB, ">", "plexrpm.crontab";'), PRIVILEGE) == []


# -- F: the first cargo build of a script downloads the crates the registry cache lacks --------------------------------


def test_f_a_cargo_build_fetches_crates() -> None:
    assert codes_at({"install.sh": _installer("cargo build --release")}, EGRESS) == [2]


def test_f_only_the_first_build_fetches() -> None:
    text = _text("#!/bin/sh", "cargo build --release", "cargo test")
    assert codes_at({"install.sh": text}, EGRESS) == [2]


def test_f_near_miss_an_offline_build_or_one_after_a_fetch() -> None:
    assert codes_at({"install.sh": _installer("cargo build --release --offline")}, EGRESS) == []
    assert codes_at({"install.sh": _installer("CARGO_NET_OFFLINE=true cargo build")}, EGRESS) == []
    text = _text("#!/bin/sh", "cargo vendor", "cargo build --release")
    assert codes_at({"install.sh": text}, EGRESS) == [2]  # the vendoring fetches, the build after it does not


# -- G: a program kept in a cron/ folder is the job's program, not a crontab -------------------------------------------

_UPDATER = _text(
    "<?php",  # 1
    '$version = @file_get_contents("https://raw.githubusercontent.com/o/r/$branch/site/version");',  # 2
)
_CRONTAB = _text("0 3 * * * root curl -fsS https://hc-ping.example.org/abc")


def test_g_a_php_updater_in_a_cron_folder_is_read_as_php() -> None:
    assert codes_at({"site/cron/updateChecker.php": _UPDATER}, "preflight.external_endpoint") == [2]


def test_g_near_miss_a_crontab_in_a_cron_folder_is_still_a_crontab() -> None:
    assert codes_at({"site/cron/backup": _CRONTAB}, "preflight.scheduled_job") != []


# -- H: a folder made by a forEach callback over a list of literal paths is made for each of them ------------------


def test_h_a_foreach_over_a_named_list_of_system_folders() -> None:
    files = _postinstall(
        "const dirs = ['/etc/tool', 'build'];", "dirs.forEach(dir => {", "  fs.ensureDirSync(dir);", "});"
    )
    assert codes_at(files, PRIVILEGE) == [4]


def test_h_a_foreach_over_a_list_written_in_place() -> None:
    files = _postinstall("['/var/lib/tool'].forEach(function (dir) { fs.mkdirSync(dir); });")
    assert codes_at(files, PRIVILEGE) == [2]


def test_h_near_miss_a_list_of_the_package_s_own_folders() -> None:
    files = _postinstall("const dirs = ['build', 'dist'];", "dirs.forEach(dir => fs.ensureDirSync(dir));")
    assert codes_at(files, PRIVILEGE) == []


def test_h_near_miss_a_list_with_a_value_not_literal_stays_unknown() -> None:
    files = _postinstall("const dirs = ['/etc/tool', other];", "dirs.forEach(dir => fs.ensureDirSync(dir));")
    assert codes_at(files, PRIVILEGE) == []


def test_h_a_copy_to_each_object_s_destination() -> None:
    files = _postinstall(
        "const configs = [{ src: 'proxy.yaml', dest: '/etc/tool/proxy.yaml' }];",
        "configs.forEach(({ src, dest }) => {",
        "  fs.copySync(path.join(__dirname, src), dest);",
        "});",
    )
    assert codes_at(files, PRIVILEGE) == [4]


def test_h_near_miss_an_object_without_the_property_stays_unknown() -> None:
    files = _postinstall(
        "const configs = [{ src: 'proxy.yaml', dest: '/etc/tool/proxy.yaml' }, { src: 'b' }];",
        "configs.forEach(({ src, dest }) => fs.copySync(src, dest));",
    )
    assert codes_at(files, PRIVILEGE) == []
