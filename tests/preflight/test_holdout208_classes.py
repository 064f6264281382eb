"""Classes of mistakes the two-hundred-and-eighth hold-out set found (tests/preflight/holdout208: install-time hooks
of package managers — two npm install scripts, two setup.py files, a Hatchling hook and its helper module, a Cargo
build script, an mkmf file and a Composer handler), each as its minimal construct next to a near-miss that must
stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

EGRESS = "preflight.implicit_egress"
ENDPOINT = "preflight.external_endpoint"
UNVERIFIED = "preflight.unverified_download_exec"


# -- A: a Composer script handler class (a method taking Composer's event) is read as what the install runs ----------


def _handler(use: str, parameter: str) -> dict[str, str]:
    text = (
        "<?php\n"
        "namespace Acme\\Tools;\n"
        f"{use}\n"
        "class ComposerScripts\n"
        "{\n"
        f"    public static function postUpdate({parameter} $event)\n"
        "    {\n"
        "        \\exec('composer require vendor/dev-tool --dev --no-scripts');\n"
        "    }\n"
        "}\n"
    )
    return {"src/ComposerScripts.php": text}


def test_a_composer_handler_runs_its_exec_lines() -> None:
    assert 8 in codes_at(_handler("use Composer\\Script\\Event;", "Event"), EGRESS)
    aliased = _handler("use Composer\\Installer\\PackageEvent as Pe;", "Pe")
    assert 8 in codes_at(aliased, EGRESS)
    qualified = _handler("use Foo\\Bar;", "\\Composer\\Script\\Event")
    assert 8 in codes_at(qualified, EGRESS)


def test_a_near_miss_another_event_class_is_no_handler() -> None:
    symfony = _handler("use Symfony\\Contracts\\EventDispatcher\\Event;", "Event")
    assert codes_at(symfony, EGRESS) == []
    unresolved = _handler("use Foo\\Bar;", "Event")
    assert codes_at(unresolved, EGRESS) == []


# -- B: a function of setup.py called to compute a keyword argument of setup(…) runs at every execution -------------


def _setup_py(argument: str) -> dict[str, str]:
    text = (
        "import urllib.request\n"
        "from setuptools import setup\n"
        "\n"
        "def fetch_model():\n"
        '    urllib.request.urlretrieve("https://models.example.org/m.bin", "m.bin")\n'
        '    return ["numpy"]\n'
        "\n"
        f'setup(name="pkg", {argument})\n'
    )
    return {"setup.py": text}


def test_b_a_setup_argument_call_runs_its_function() -> None:
    assert 5 in codes_at(_setup_py("install_requires=fetch_model()"), ENDPOINT)


def test_b_near_miss_a_function_only_defined_or_a_cmdclass_factory_is_not_run() -> None:
    assert codes_at(_setup_py("install_requires=[]"), ENDPOINT) == []
    assert codes_at(_setup_py("cmdclass=fetch_model()"), ENDPOINT) == []


# -- D (half): subprocess.run(shlex.split(CONSTANT)) runs the constant's words ---------------------------------------


def _hatch_hook(command: str) -> dict[str, str]:
    text = (
        "import shlex\n"
        "import subprocess\n"
        "from hatchling.builders.hooks.plugin.interface import BuildHookInterface\n"
        "\n"
        f"NPM_INSTALL_CMD = {command!r}\n"
        "\n"
        "\n"
        "class CustomBuildHook(BuildHookInterface):\n"
        "    def initialize(self, version, build_data):\n"
        '        subprocess.run(shlex.split(NPM_INSTALL_CMD), cwd="frontend", check=True)\n'
    )
    return {"hatch_build.py": text}


def test_d_shlex_split_of_a_constant_is_its_command() -> None:
    assert 10 in codes_at(_hatch_hook("npm install --no-progress"), EGRESS)


def test_d_near_miss_a_split_with_a_shell_operator_or_a_local_command_is_quiet() -> None:
    assert codes_at(_hatch_hook("npm install | tee log"), EGRESS) == []  # ``|`` is a word to shlex
    assert codes_at(_hatch_hook("npm run build"), EGRESS) == []


# -- E: a request function imported under another name (or a choice between two) is a request -----------------------


def _postinstall(imports: str, getter: str) -> dict[str, str]:
    text = (
        'import { createWriteStream, chmodSync } from "node:fs";\n'
        f"{imports}\n"
        "\n"
        "function download(url, dest) {\n"
        "  return new Promise((resolve) => {\n"
        f"    const getter = {getter};\n"
        "    getter(url, (res) => { res.pipe(createWriteStream(dest)); resolve(); });\n"
        "  });\n"
        "}\n"
        "\n"
        'await download("https://cdn.example.org/tool", binPath);\n'
        "chmodSync(binPath, 0o755);\n"
    )
    return {"scripts/postinstall.mjs": text}


def test_e_an_aliased_request_function_downloads_what_is_made_executable() -> None:
    both = 'import { get as httpsGet } from "node:https";\nimport { get as httpGet } from "node:http";'
    files = _postinstall(both, 'url.startsWith("https") ? httpsGet : httpGet')
    assert set(codes_at(files, UNVERIFIED)) & {13, 14}  # the download, or the chmod of what it saved
    single = _postinstall('import { get as fetchIt } from "https";', "fetchIt")
    assert set(codes_at(single, UNVERIFIED)) & {12, 13}


def test_e_near_miss_a_get_of_another_module_is_no_request() -> None:
    other = _postinstall('import { get as cacheGet } from "./cache.js";', "cacheGet")
    assert codes_at(other, UNVERIFIED) == []
