"""Classes the hundred-and-seventh hold-out set showed (tests/preflight/holdout107: install, update and migrate
programs in Python, JavaScript, Go, PHP and Ruby), each as its minimal construct next to a near-miss that must stay
quiet."""

from __future__ import annotations

from preflight_kit import codes_at

UNVERIFIED = "preflight.unverified_download_exec"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a program named for the one who updates (``updater.py``, ``upgrader.py``) is a step ---------------------------

_SELF_UPDATER = _text(
    "import os",  # 1
    "",  # 2
    'os.system("wget http://updates.example.net/main.py")',  # 3
    'os.system("python3 main.py")',  # 4
)


def test_a_an_updater_script_is_read_as_a_step() -> None:
    assert codes_at({"myapp/updater.py": _SELF_UPDATER}, UNVERIFIED) == [4]


def test_a_an_upgrader_script_is_read_as_a_step() -> None:
    assert codes_at({"tools/upgrader.py": _SELF_UPDATER}, UNVERIFIED) == [4]


def test_a_near_miss_a_word_that_only_starts_with_update_is_not_a_step() -> None:
    assert codes_at({"myapp/updates.py": _SELF_UPDATER}, UNVERIFIED) == []


def test_a_near_miss_an_updater_module_that_only_defines_is_not_a_step() -> None:
    module = _text(
        "import os",  # 1
        "",  # 2
        "def update():",  # 3
        '    os.system("wget http://updates.example.net/main.py")',  # 4
        '    os.system("python3 main.py")',  # 5
    )
    assert codes_at({"myapp/updater.py": module}, UNVERIFIED) == []
