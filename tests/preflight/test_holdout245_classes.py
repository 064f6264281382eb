"""Classes of mistakes the two-hundred-and-forty-fifth hold-out set found (tests/preflight/holdout245: install-time
hooks of package managers — an npm postinstall downloader, a setup.py command class, an extconf.rb), each as its
minimal construct next to near-misses that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

EGRESS = "preflight.implicit_egress"


# -- A: a setup.py command class runs a command written as one string and split into its words -----------------------


def _setup_py(command: str) -> dict[str, str]:
    text = (
        "from setuptools import setup\n"
        "from setuptools.command.install import install\n"
        "from subprocess import check_call\n"
        "import shlex\n"
        "\n"
        "\n"
        "class PostInstallCommand(install):\n"
        "    def run(self):\n"
        f"        check_call({command})\n"
        "        install.run(self)\n"
        "\n"
        "\n"
        'setup(name="demo", version="0.1", cmdclass={"install": PostInstallCommand})\n'
    )
    return {"setup.py": text}


def test_a_a_split_string_command_is_read_as_its_words() -> None:
    assert 9 in codes_at(_setup_py('"python3 -m spacy download en_core_web_sm".split()'), EGRESS)


def test_a_a_shlex_split_command_is_read_as_its_words() -> None:
    assert 9 in codes_at(_setup_py('shlex.split("pip install demo-extra")'), EGRESS)


def test_a_near_miss_a_split_local_command_stays_quiet() -> None:
    assert 9 not in codes_at(_setup_py('"python3 -m compileall src".split()'), EGRESS)


def test_a_near_miss_a_split_on_a_separator_is_no_argv() -> None:
    # ``split(",")`` cuts on commas: the words are not the command line, nothing is read
    assert 9 not in codes_at(_setup_py('"pip,install,demo".split(",")'), EGRESS)
