"""Classes of mistakes the seventy-eighth hold-out set found (tests/preflight/holdout78: install-time hooks of
package managers), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

PRIVILEGE = "preflight.implicit_privilege"


# -- C: an install recipe that runs make on another target of the same Makefile -----------------------------------


def _makefile(reload_call: str) -> dict[str, str]:
    text = f"install:\n\t@cp -f tool.py /usr/local/bin/tool\n\t{reload_call}\n\nreload:\n\t@systemctl daemon-reload\n"
    return {"Makefile": text}


def test_c_a_recipe_make_of_a_target_of_the_same_makefile_is_read() -> None:
    assert codes_at(_makefile("@make reload"), PRIVILEGE) == [2, 6]


def test_c_a_recipe_dollar_make_with_options_and_variables_is_read() -> None:
    assert codes_at(_makefile("$(MAKE) -s reload QUIET=1  # reload the units"), PRIVILEGE) == [2, 6]


def test_c_near_miss_make_of_another_directory_is_not_followed() -> None:
    assert codes_at(_makefile("$(MAKE) -C contrib reload"), PRIVILEGE) == [2]


def test_c_near_miss_a_target_no_install_recipe_makes_stays_unread() -> None:
    assert codes_at(_makefile("@echo run make reload yourself"), PRIVILEGE) == [2]


# -- A: a setup.py command whose run a class decorator of the file attaches, downloading through a bound name -------

ENDPOINT = "preflight.external_endpoint"
UNVERIFIED = "preflight.unverified_download_exec"

_DECORATED = (
    "from setuptools import setup",
    "from setuptools.command.install import install",
    "",
    "def fetch_tool(command_subclass):",
    "    original = command_subclass.run",
    "",
    "    def run_and_fetch(self):",
    "        import shutil",
    "        from subprocess import check_call",
    "        from urllib.request import urlopen",
    "        src = 'http://tools.example.org/tool.zip'",
    "        response = urlopen(src)",
    "        dest = 'bin/tool.zip'",
    "        with open(dest, 'wb') as out:",
    "            shutil.copyfileobj(response, out)",
    "        check_call(['unzip', dest, '-d', 'bin'])",
    "        original(self)",
    "",
    "    ATTACH",
    "    return command_subclass",
    "",
    "@fetch_tool",
    "class Install(install):",
    "    pass",
    "",
    "setup(name='x', cmdclass={'install': Install})",
)


def _decorated(attach: str) -> dict[str, str]:
    return {"setup.py": "\n".join(_DECORATED).replace("ATTACH", attach) + "\n"}


def test_a_a_run_attached_by_a_class_decorator_is_read() -> None:
    files = _decorated("command_subclass.run = run_and_fetch")
    assert codes_at(files, ENDPOINT) == [11]
    assert codes_at(files, UNVERIFIED) == [16]


def test_a_near_miss_a_decorator_that_attaches_no_run_stays_quiet() -> None:
    files = _decorated("command_subclass.fetch = run_and_fetch")
    assert codes_at(files, ENDPOINT) == []
    assert codes_at(files, UNVERIFIED) == []


# -- B: a setup.py command that extracts a download and makes it executable -----------------------------------------

_BUILD_PY = (
    "import os",
    "import zipfile",
    "from io import BytesIO",
    "from urllib.request import urlopen",
    "from setuptools import setup",
    "from setuptools.command.build_py import build_py",
    "from tool.urls import release_url",
    "",
    "class Fetch(build_py):",
    "    def run(self):",
    "        response = urlopen(release_url())",
    "        with zipfile.ZipFile(BytesIO(response.read())) as archive:",
    "            archive.extractall('tool')",
    "        os.chmod(os.path.join('tool', 'driver'), MODE)",
    "        build_py.run(self)",
    "",
    "setup(name='x', cmdclass={'build_py': Fetch})",
)


def _build_py(mode: str) -> dict[str, str]:
    return {"setup.py": "\n".join(_BUILD_PY).replace("MODE", mode) + "\n"}


def test_b_an_extracted_download_made_executable_is_unverified() -> None:
    assert codes_at(_build_py("0o755"), UNVERIFIED) == [14]


def test_b_near_miss_an_extracted_download_given_a_data_mode_stays_quiet() -> None:
    assert codes_at(_build_py("0o644"), UNVERIFIED) == []
