"""Classes the ninety-second hold-out set showed (tests/preflight/holdout92: install and upgrade programs in Python,
JavaScript, PHP, Ruby and Go), each as its minimal construct next to a near-miss that must stay reported or quiet."""

from __future__ import annotations

from preflight_kit import codes_at

ENDPOINT = "preflight.external_endpoint"
EGRESS = "preflight.implicit_egress"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: an index URL written on a ``python -m pip`` run is the host pip asks ------------------------------------------

PIP_MODULE_INDEX = _text(
    "import subprocess",  # 1
    "import sys",  # 2
    "",  # 3
    "def main():",  # 4
    '    subprocess.check_call([sys.executable, "-m", "pip", "install", "torch==2.0.0",',  # 5
    '                           "--index-url", "https://download.pytorch.org/whl/cu118"])',  # 6
    "",  # 7
    'if __name__ == "__main__":',  # 8
    "    main()",  # 9
)


def test_a_index_url_on_a_pip_module_run_is_an_endpoint_not_an_egress() -> None:
    files = {"install.py": PIP_MODULE_INDEX}
    assert codes_at(files, ENDPOINT) == [5]
    assert codes_at(files, EGRESS) == []


def test_a_the_same_in_a_shell_step() -> None:
    files = {
        "scripts/setup.sh": _text(
            "#!/bin/sh", "python3 -m pip install --index-url https://pypi.example.com/simple tool"
        )
    }
    assert codes_at(files, ENDPOINT) == [2]
    assert codes_at(files, EGRESS) == []


def test_a_near_miss_no_url_or_an_extra_index_still_reaches_the_default_index() -> None:
    lines = _text(
        "#!/bin/sh",  # 1
        "python3 -m pip install tool",  # 2: PyPI, no URL written
        "python3 -m pip install --extra-index-url https://wheels.example.org/simple tool",  # 3: PyPI asked too
        'python3 -m pip install --index-url "$INDEX" tool',  # 4: the index is the environment's
        "python3 -m http.server https://not.an.index.example.com/",  # 5: not pip: a module given a word
    )
    files = {"scripts/setup.sh": lines}
    assert codes_at(files, EGRESS) == [2, 3, 4]
    assert codes_at(files, ENDPOINT) == [3]
