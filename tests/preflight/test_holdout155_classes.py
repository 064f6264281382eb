"""Classes of mistakes the hundred-and-fifty-fifth hold-out set found (tests/preflight/holdout155: install-time hooks
of package managers — npm postinstall downloaders, an npm manifest, an extconf.rb, two setup.py files, a Hatchling
hook, a Composer script handler), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight import setup_py

ENDPOINT = "preflight.external_endpoint"
PIPE = "preflight.pipe_to_shell"


# -- A: a setup.py whose module body itself runs a command or downloads (no function of the file in between) -------

_TOOLCHAIN_FIRST = (
    "from setuptools import setup",
    "from setuptools_rust import RustExtension",
    "import subprocess",
    "import os",
    "",
    'subprocess.run("curl https://sh.rustup.rs -sSf | sh -s -- -y", shell=True)',
    "os.environ['PATH'] = os.environ.get('HOME', '') + '/.cargo/bin:' + os.environ.get('PATH', '')",
    "",
    'setup(name="example", rust_extensions=[RustExtension("example")])',
)


def test_a_a_command_the_setup_py_module_body_runs_is_read_as_install_code() -> None:
    text = "\n".join(_TOOLCHAIN_FIRST) + "\n"
    assert (6, "curl https://sh.rustup.rs -sSf | sh -s -- -y") in setup_py.commands(text)
    assert codes_at({"setup.py": text}, ENDPOINT) == [6]
    assert codes_at({"setup.py": text}, PIPE) == [6]


def test_a_a_module_level_download_is_read_too() -> None:
    text = (
        "import urllib.request\n"
        "from setuptools import setup\n"
        "\n"
        'urllib.request.urlretrieve("https://data.example.org/tables.zip", "tables.zip")\n'
        "setup(name='example')\n"
    )
    assert codes_at({"setup.py": text}, ENDPOINT) == [4]


def test_a_near_miss_a_lambda_or_a_function_the_module_only_defines_runs_nothing() -> None:
    text = (
        "import subprocess\n"
        "from setuptools import setup\n"
        "\n"
        'bootstrap = lambda: subprocess.run("curl https://sh.rustup.rs -sSf | sh", shell=True)\n'
        "\n"
        "def toolchain():\n"
        '    subprocess.run("curl https://sh.rustup.rs -sSf | sh", shell=True)\n'
        "\n"
        "setup(name='example')\n"
    )
    assert setup_py.commands(text) == []
    assert codes_at({"setup.py": text}, PIPE) == []


def test_a_near_miss_a_module_level_local_command_contacts_no_host() -> None:
    text = (
        "import subprocess\n"
        "from setuptools import setup\n"
        "\n"
        'version = subprocess.check_output(["git", "describe", "--tags"]).decode().strip()\n'
        "setup(name='example', version=version, url='https://example.org/project')\n"
    )
    assert (4, "git describe --tags") in setup_py.commands(text)
    assert codes_at({"setup.py": text}, ENDPOINT) == []
    assert codes_at({"setup.py": text}, PIPE) == []


_PUBLISH = (
    "import os",
    "import sys",
    "from setuptools import setup",
    "",
    "if sys.argv[-1] == 'publish':",
    "    os.system('twine upload dist/*')",
    "    os.system('curl -X POST https://hooks.example.org/released')",
    "    sys.exit()",
    "",
    "setup(name='example', version='1.0')",
)


def test_a_near_miss_a_branch_the_developers_run_by_a_command_of_their_own_is_not_install_code() -> None:
    """``if sys.argv[-1] == 'publish':`` (also ``'tag' in sys.argv``) runs only for ``python setup.py publish``;
    pip passes the build and install commands, so a branch for those is still read."""
    text = "\n".join(_PUBLISH) + "\n"
    assert setup_py.commands(text) == []
    assert codes_at({"setup.py": text}, ENDPOINT) == []
    tagged = text.replace("if sys.argv[-1] == 'publish':", "if 'tag' in sys.argv:")
    assert codes_at({"setup.py": tagged}, ENDPOINT) == []
    installing = text.replace("'publish'", "'install'")
    assert codes_at({"setup.py": installing}, ENDPOINT) == [7]
