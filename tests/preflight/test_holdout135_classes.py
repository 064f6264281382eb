"""Classes of mistakes the hundred-and-thirty-fifth hold-out set found (tests/preflight/holdout135: install-time
hooks of package managers — npm postinstall downloaders and install scripts, build.rs downloads and clones,
extconf.rb fetchers, a setup.py build command, a Hatchling build hook, a Composer script handler), each as its
minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight import python_script, setup_py

EGRESS = "preflight.implicit_egress"
UNVERIFIED = "preflight.unverified_download_exec"


# -- A: a Hatchling build hook whose initialize runs a package manager ---------------------------------------------

_HOOK = (
    "import os",
    "",
    "from hatchling.builders.hooks.plugin.interface import BuildHookInterface",
    "",
    "",
    "class CustomHook(BuildHookInterface):",
    "    def initialize(self, version, build_data):",
    '        os.chdir("frontend")',
    '        os.system("yarn")',
    '        os.system("yarn build")',
)


def test_a_a_build_hooks_initialize_is_read_as_run_at_the_build() -> None:
    text = "\n".join(_HOOK) + "\n"
    assert codes_at({"hatch_build.py": text}, EGRESS) == [9]
    assert (10, 'yarn build; }; py_initialize') in (python_script.commands("hatch_build.py", text) or [])


def test_a_the_hook_base_named_through_its_module_and_finalize_count_too() -> None:
    text = (
        "import subprocess\n"
        "from hatchling.builders.hooks.plugin import interface\n"
        "\n"
        "class Hook(interface.BuildHookInterface):\n"
        "    def finalize(self, version, build_data, artifact_path):\n"
        '        subprocess.run(["npm", "install"], check=True)\n'
    )
    assert codes_at({"tools/hooks.py": text}, EGRESS) == [6]


def test_a_near_miss_a_hooks_clean_and_other_methods_are_not_run_at_the_build() -> None:
    text = (
        "import os\n"
        "from hatchling.builders.hooks.plugin.interface import BuildHookInterface\n"
        "\n"
        "class CustomHook(BuildHookInterface):\n"
        "    def clean(self, versions):\n"
        '        os.system("yarn")\n'
        "    def refresh(self):\n"
        '        os.system("yarn")\n'
    )
    assert codes_at({"hatch_build.py": text}, EGRESS) == []


def test_a_near_miss_a_class_of_no_hook_base_is_not_a_build_hook() -> None:
    text = "\n".join(_HOOK).replace("CustomHook(BuildHookInterface)", "Frontend") + "\n"  # a helper the user calls
    assert python_script.commands("hatch_build.py", text) is None
    assert codes_at({"hatch_build.py": text}, EGRESS) == []


# -- B: a setup.py build_ext that fetches and unpacks a source tree, then runs the base build on it ---------------

_BUILD_EXT = (
    "import tarfile",
    "import urllib.request",
    "from setuptools import setup, Extension",
    "from setuptools.command.build_ext import build_ext",
    "",
    "",
    "class FetchAndBuild(build_ext):",
    "    def run(self):",
    '        urllib.request.urlretrieve("http://libs.example.org/qpbo-1.3.tar.gz", "qpbo.tar.gz")',
    '        tarfile.open("qpbo.tar.gz").extractall(".")',
    "        build_ext.run(self)",
    "",
    "",
    'setup(cmdclass={"build_ext": FetchAndBuild},',
    '      ext_modules=[Extension("q", sources=["qpbo-1.3/QPBO.cpp"])])',
)


def test_b_the_base_build_after_an_unpacked_fetch_builds_the_fetched_tree() -> None:
    text = "\n".join(_BUILD_EXT) + "\n"
    assert (11, 'cd "$SETUP_BUILD" && make') in setup_py.commands(text)
    assert codes_at({"setup.py": text}, UNVERIFIED) == [11]


def test_b_super_run_counts_as_the_base_build() -> None:
    text = "\n".join(_BUILD_EXT).replace("build_ext.run(self)", "super().run()") + "\n"
    assert codes_at({"setup.py": text}, UNVERIFIED) == [11]


def test_b_near_miss_a_checked_archive_is_built_quietly() -> None:
    lines = list(_BUILD_EXT)
    lines[0] = "import hashlib, tarfile"
    lines.insert(9, '        assert hashlib.sha256(open("qpbo.tar.gz", "rb").read()).hexdigest() == "ab" * 32')
    text = "\n".join(lines) + "\n"
    assert codes_at({"setup.py": text}, UNVERIFIED) == []


def test_b_near_miss_a_fetch_not_unpacked_and_a_non_compiling_command_build_nothing() -> None:
    unpacked_not = [line for line in _BUILD_EXT if "extractall" not in line]
    assert not any("make" in shell for _, shell in setup_py.commands("\n".join(unpacked_not) + "\n"))
    installing = "\n".join(_BUILD_EXT).replace("build_ext", "install") + "\n"  # install.run: no compile of its own
    assert not any("make" in shell for _, shell in setup_py.commands(installing))
    assert codes_at({"setup.py": installing}, UNVERIFIED) == []
