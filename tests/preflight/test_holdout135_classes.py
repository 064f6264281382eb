"""Classes of mistakes the hundred-and-thirty-fifth hold-out set found (tests/preflight/holdout135: install-time
hooks of package managers — npm postinstall downloaders and install scripts, build.rs downloads and clones,
extconf.rb fetchers, a setup.py build command, a Hatchling build hook, a Composer script handler), each as its
minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight import python_script

EGRESS = "preflight.implicit_egress"


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
