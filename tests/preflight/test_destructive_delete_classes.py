"""Classes of ``preflight.destructive_delete`` the hold-out sets missed or over-reported (session 30's class task on
the category), each as its minimal construct next to near-misses that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

DELETE = "preflight.destructive_delete"

# -- A: Windows scripts' recursive deletes of a data folder (holdout221's install.bat) ---------------------------------


def _bat(*lines: str) -> dict[str, str | bytes]:
    return {"install.bat": "\r\n".join(("@echo off", *lines)) + "\r\n"}


def _ps1(*lines: str, name: str = "install.ps1") -> dict[str, str | bytes]:
    return {name: "\n".join(lines) + "\n"}


def test_a_cmd_deletes_of_a_user_profile_are_one_data_delete() -> None:
    files = _bat(
        "if exist C:\\Users\\jdoe (",
        "  net user jdoe /delete",
        "  del /Q /S C:\\Users\\jdoe",
        "  rmdir /Q /S C:\\Users\\jdoe",
        ")",
    )
    assert codes_at(files, DELETE) == [4]


def test_a_rd_through_cmd_and_remove_item_recurse_of_programdata() -> None:
    assert codes_at(_bat('cmd /c rd /s /q "%ProgramData%\\Acme"'), DELETE) == [2]
    assert codes_at(_ps1('Remove-Item -Path "$env:ProgramData\\Acme\\db" -Recurse -Force'), DELETE) == [1]
    assert codes_at(_ps1("Remove-Item C:\\ProgramData\\Acme\\* -Recurse -Force"), DELETE) == [1]


def test_a_program_temporary_and_non_recursive_deletes_are_quiet() -> None:
    assert codes_at(_ps1('Remove-Item -Path "C:\\Program Files\\Acme" -Recurse -Force'), DELETE) == []
    assert codes_at(_bat("rd /s /q C:\\acme"), DELETE) == []
    assert codes_at(_bat("rd /s /q C:\\Users\\jdoe\\AppData\\Local\\Temp\\acme-setup"), DELETE) == []
    assert codes_at(_ps1("Remove-Item $env:LOCALAPPDATA\\Programs\\Acme -Recurse"), DELETE) == []
    assert codes_at(_bat("del /Q /F C:\\Users\\jdoe\\AppData\\Local\\Acme\\starter.txt"), DELETE) == []
    assert codes_at(_ps1("Remove-Item C:\\ProgramData\\Acme\\agent.log -Force"), DELETE) == []


def test_a_data_copied_aside_first_or_a_removal_is_quiet() -> None:
    staged = _ps1(
        '$data = "$env:ProgramData\\Acme"',
        'Copy-Item -Recurse "$data" "$env:TEMP\\acme-stage"',
        'Remove-Item "$data\\*" -Recurse -Force',
    )
    assert codes_at(staged, DELETE) == []
    removal = 'Remove-Item -Path "C:\\ProgramData\\Acme" -Recurse -Force'
    assert codes_at(_ps1(removal, name="uninstall.ps1"), DELETE) == []
    assert codes_at(_ps1("function Remove-Agent {", f"  {removal}", "}"), DELETE) == []
    assert codes_at(_ps1("function Remove-Agent {", f"  {removal}", "}", "Remove-Agent"), DELETE) == [2]


# -- B: a delete in a function named for removal that the file never calls is the removal the operator chose ----------


def test_b_a_fabric_task_named_for_removal_deletes_what_was_asked() -> None:
    fabfile = (
        "from fabric import Connection, task\n"
        "\n"
        "conn = Connection('db1')\n"
        "\n"
        "@task\n"
        "def remove_user(c):\n"
        "    conn.sudo('rm -rf /home/{}'.format(c.user))\n"
        "\n"
        "@task\n"
        "def reset_user(c):\n"
        "    conn.sudo('rm -rf /home/{}'.format(c.user))\n"
    )
    assert codes_at({"fabfile.py": fabfile}, DELETE) == [11]


def test_b_a_removal_function_the_script_calls_itself_stays_reported() -> None:
    # holdout153's rule: an ``uninstall`` the run also calls is part of the run
    assert in_script(DELETE, "remove_data() {", "  rm -rf /srv/acme/data", "}") == []
    assert in_script(DELETE, "remove_data() {", "  rm -rf /srv/acme/data", "}", "remove_data") == [4]
    assert in_script(DELETE, "removed() {", "  rm -rf /srv/acme/data", "}") == [4]


# -- C: a program's tree delete (Node's fs.rmSync recursive, fs-extra's remove, Ruby's FileUtils.rm_rf) is ``rm -rf`` --

RM_VARIABLE = "preflight.rm_rf_variable"


def _node(*lines: str) -> dict[str, str | bytes]:
    return {"scripts/postinstall.js": "\n".join(("const fs = require('fs');", *lines)) + "\n"}


def _ruby(*lines: str) -> dict[str, str | bytes]:
    return {"install.rb": "\n".join(("#!/usr/bin/env ruby", "require 'fileutils'", *lines)) + "\n"}


def test_c_node_recursive_deletes_of_a_data_directory() -> None:
    assert codes_at(_node("fs.rmSync('/var/lib/acme', { recursive: true, force: true });"), DELETE) == [2]
    named = _node("const dataDir = '/var/lib/acme';", "fs.rmSync(dataDir, { recursive: true });")
    assert codes_at(named, DELETE) == [3]
    assert codes_at(_node("fs.removeSync('/srv/acme/uploads');"), DELETE) == [2]


def test_c_node_near_misses_one_file_a_cache_the_package_s_own_tree_a_program_value() -> None:
    assert codes_at(_node("fs.rmSync('/var/lib/acme/acme.pid');"), DELETE) == []
    assert codes_at(_node("fs.rmSync('/var/lib/acme/cache', { recursive: true });"), DELETE) == []
    assert codes_at(_node("fs.rmSync('build', { recursive: true });"), DELETE) == []
    assert codes_at(_node("fs.rmSync('/var/lib/acme', { recursive: false });"), DELETE) == []
    # a path that is one JavaScript value: Node throws on an empty or undefined path, never deletes /
    assert codes_at(_node("fs.rmSync(target, { recursive: true });"), RM_VARIABLE) == []


def test_c_ruby_fileutils_tree_deletes() -> None:
    assert codes_at(_ruby("FileUtils.rm_rf('/var/lib/acme')"), DELETE) == [3]
    assert codes_at(_ruby("DATA_DIR = '/var/lib/acme'", "FileUtils.rm_r(DATA_DIR)"), DELETE) == [4]


def test_c_ruby_near_misses() -> None:
    assert codes_at(_ruby("FileUtils.rm_f('/var/lib/acme/acme.pid')"), DELETE) == []
    assert codes_at(_ruby("FileUtils.rm_rf('/var/lib/acme/tmp')"), DELETE) == []
    assert codes_at(_ruby("FileUtils.rm_rf(dir)"), RM_VARIABLE) == []


# -- D: a function's recursive rm of the path its call passes is a data delete at the call ----------------------------


def test_d_a_delete_through_a_function_s_parameter_is_reported_at_the_call() -> None:
    assert in_script(DELETE, "wipe() {", '  rm -rf "$1"', "}", "wipe /var/lib/acme") == [6]
    assert in_script(DELETE, "wipe() {", '  local dir="$1"', '  rm -rf "$dir"', "}", "wipe /srv/acme/data") == [7]


def test_d_near_misses_scratch_paths_a_copy_kept_and_a_literal_body() -> None:
    assert in_script(DELETE, "wipe() {", '  rm -rf "$1"', "}", "wipe /tmp/acme-build") == []
    assert in_script(DELETE, "wipe() {", '  rm -rf "$1"', "}", "wipe /var/lib/acme/cache") == []
    kept = ("cp -a /var/lib/acme /var/backups/acme.old", "wipe() {", '  rm -rf "$1"', "}", "wipe /var/lib/acme")
    assert in_script(DELETE, *kept) == []
    # a literal path in the body stays reported where it is written, once
    assert in_script(DELETE, "wipe() {", "  rm -rf /var/lib/acme", "}", "wipe x") == [4]
