"""Classes the hundred-and-thirty-third hold-out set showed (tests/preflight/holdout133: install, update and migrate
programs in Python, JavaScript, Go, PHP and Ruby), each as its minimal construct next to a near-miss that must stay
quiet."""

from __future__ import annotations

from preflight_kit import codes_at

PRIVILEGE = "preflight.implicit_privilege"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- D: a PHP write through a variable the file assigns once a literal path is a write of that path ------------------


def _php_installer(*assignments: str) -> str:
    return _text(
        "<?php",  # 1
        *assignments,  # 2 (3)
        "file_put_contents($target, \"#!/bin/sh\\n\");",
    )


def test_d_a_write_through_a_path_variable_assigned_once_is_read_at_its_path() -> None:
    text = _php_installer("$target = '/usr/local/bin/todo';")
    assert codes_at({"install.php": text}, PRIVILEGE) == [3]


def test_d_a_write_through_a_variable_assigned_a_project_path_stays_quiet() -> None:
    text = _php_installer("$target = 'bin/todo';")
    assert codes_at({"install.php": text}, PRIVILEGE) == []


def test_d_a_variable_assigned_twice_is_not_taken_for_either_literal() -> None:
    text = _php_installer("$target = '/usr/local/bin/todo';", "$target = 'bin/todo';")
    assert codes_at({"install.php": text}, PRIVILEGE) == []
