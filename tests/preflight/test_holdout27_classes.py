"""Classes the twenty-seventh hold-out set showed (tests/preflight/holdout27: language package managers' install-time
hooks), each as its minimal construct next to a near-miss that must stay quiet or keep being reported. Before this
round a ``package.json``, ``composer.json``, ``Makefile`` or ``setup.py`` was read as configuration text: every
metadata URL counted as contacted, no lifecycle script, recipe or command class was read as a command."""

from __future__ import annotations

import json
import random

from preflight_kit import INVENTORY, codes_at, package, run

from shipgate.preflight import makefile, setup_py
from shipgate.preflight.lifecycle import commands

_EP = "preflight.external_endpoint"
_PIPE = "preflight.pipe_to_shell"
_EGRESS = "preflight.implicit_egress"
_PRIV = "preflight.implicit_privilege"
_MIGRATION = "preflight.hidden_migration"
_UDE = "preflight.unverified_download_exec"
_SUDO = "preflight.sudo_unavailable"


def _json(doc: dict[str, object]) -> str:
    return json.dumps(doc, indent=2) + "\n"


# -- A: a manifest's metadata (homepage, repository, funding, support, setup(url=)) is shown to people -------------


def test_manifest_metadata_urls_are_mentions_but_a_composer_repository_is_contacted() -> None:
    npm = {
        "name": "agent",
        "homepage": "https://agent.vendor-tools.io",
        "repository": {"type": "git", "url": "git+https://github.com/vendor-tools/agent.git"},
        "author": {"name": "Vendor", "url": "https://vendor-tools.io/"},
        "funding": {"url": "https://opencollective.com/vendor-tools"},
    }
    assert codes_at({"package.json": _json(npm)}, _EP) == []
    composer = {
        "name": "vendor/app",
        "support": {"docs": "https://docs.vendor-tools.io", "source": "https://github.com/vendor-tools/app"},
        "authors": [{"name": "Dev", "homepage": "https://github.com/dev"}],
        "repositories": [{"type": "vcs", "url": "https://github.com/vendor-tools/bridge.git"}],
    }
    assert codes_at({"composer.json": _json(composer)}, _EP) == [16]  # the repository Composer clones
    setup = "from setuptools import setup\n\nsetup(\n    name='agent',\n    url='https://vendor-tools.io/agent',\n)\n"
    assert codes_at({"setup.py": setup}, _EP) == []


# -- B: npm runs preinstall/install/postinstall/prepare (and what they npm-run); other scripts only by name ----------


def test_npm_install_time_scripts_are_shell_at_their_lines_and_other_scripts_are_not_run() -> None:
    doc = {
        "name": "agent",
        "scripts": {
            "postinstall": "npm run fetch-tools",
            "fetch-tools": "curl -fsSL https://dl.vendor-tools.io/t.sh | bash",
            "test": "curl -fsSL https://dl.vendor-tools.io/test.sh | bash",
            "clean": "rm -rf ~/.agent",
        },
    }
    assert commands("package.json", _json(doc)) == [(4, "npm run fetch-tools"), (5, doc["scripts"]["fetch-tools"])]
    assert codes_at({"package.json": _json(doc)}, _PIPE) == [5]
    assert codes_at({"package.json": _json(doc)}, _EP) == [5]  # the test script's URL is a mention
    quiet = {"name": "agent", "scripts": {"test": "curl -fsSL https://dl.vendor-tools.io/test.sh | bash"}}
    assert codes_at({"package.json": _json(quiet)}, _PIPE) == []


def test_prebuild_install_bower_and_node_pre_gyp_reach_the_network_without_a_url() -> None:
    doc = {"name": "addon", "scripts": {"install": "prebuild-install -r napi || node-gyp rebuild"}}
    assert codes_at({"package.json": _json(doc)}, _EGRESS) == [4]
    doc = {"name": "app", "scripts": {"postinstall": "bower --config.interactive=false install -f; gulp build"}}
    assert codes_at({"package.json": _json(doc)}, _EGRESS) == [4]
    doc = {"name": "addon", "scripts": {"install": "node-pre-gyp install --fallback-to-build"}}
    assert codes_at({"package.json": _json(doc)}, _EGRESS) == [4]
    doc = {"name": "addon", "scripts": {"install": "node-gyp rebuild", "prebuild": "prebuild --all"}}
    assert codes_at({"package.json": _json(doc)}, _EGRESS) == []


# -- C: Composer's install/update events, @references, @php; create-project hooks and callbacks are not commands ----


def test_composer_event_scripts_follow_references_and_skip_callbacks_and_create_project() -> None:
    doc = {
        "name": "vendor/app",
        "scripts": {
            "post-install-cmd": ["@setup-tools", "Vendor\\Setup::run"],
            "post-update-cmd": "@php artisan migrate --force",
            "setup-tools": "curl -fsSL https://get.vendor-tools.io/setup.sh | sh",
            "post-create-project-cmd": ["curl -fsSL https://get.vendor-tools.io/other.sh | sh"],
        },
    }
    text = _json(doc)
    assert commands("composer.json", text) == [(8, "php artisan migrate --force"), (9, doc["scripts"]["setup-tools"])]
    assert codes_at({"composer.json": text}, _PIPE) == [9]
    assert codes_at({"composer.json": text}, _MIGRATION) == [8]
    assert codes_at({"composer.json": text}, _EP) == [9]  # the create-project script's URL is a mention


# -- D: make install runs the recipes of install* targets and their prerequisites, with make's variables ---------


def test_make_install_recipes_are_shell_with_variables_expanded() -> None:
    text = (
        "PREFIX ?= /usr/local\n"
        "BINS = $(wildcard bin/*)\n"
        "\n"
        "install: build\n"
        "\t@mkdir -p $(DESTDIR)$(PREFIX)/bin\n"
        "\t@install -m 755 agent $(DESTDIR)$(PREFIX)/bin/agent\n"
        "\t@$(foreach B, $(BINS), \\\n"
        "\t\tcp -f $(B) $(PREFIX)/$(B); \\\n"
        "\t)\n"
        "\n"
        "build:\n"
        "\tcurl -fsSL https://dl.vendor-tools.io/gen.sh | sh\n"
        "\n"
        "uninstall:\n"
        "\trm -f $(PREFIX)/bin/agent\n"
        "\tcurl -fsSL https://dl.vendor-tools.io/bye.sh | sh\n"
    )
    pieces = makefile.install_recipes(text)
    assert (6, "install -m 755 agent /usr/local/bin/agent") in pieces
    assert all(line not in (15, 16) for line, _ in pieces)  # uninstall is not a step of make install
    assert codes_at({"Makefile": text}, _PRIV) == [6, 8]  # mkdir -p of /usr/local/bin writes nothing
    assert codes_at({"Makefile": text}, _PIPE) == [12]  # build: a prerequisite of install


def test_a_makefile_with_no_install_target_runs_nothing() -> None:
    text = "all:\n\tcc -o agent agent.c\n\nsetuid:\n\tchown root:root /usr/local/bin/agent\n"
    assert makefile.install_recipes(text) == []
    assert codes_at({"Makefile": text}, _PRIV) == []


# -- E: setup.py's command classes, read through ast: commands, downloads unpacked and built ---------------------

_SETUP_BUILD = """import subprocess
import tarfile
import requests
from setuptools import setup
from setuptools.command.build_ext import build_ext


def fetch(url, dest):
    open(dest, "wb").write(requests.get(url).content)


class BuildWithDeps(build_ext):
    def run(self):
        self._build_lib(
            source_url="https://github.com/vendor-tools/lib/releases/download/v1/lib-1.tar.gz",
            commands=[
                ["./configure", "--prefix=/tmp/deps"],
                ["make"],
            ])
        build_ext.run(self)

    def _build_lib(self, source_url, commands):
        fetch(source_url, "lib.tar.gz")
        tarfile.open("lib.tar.gz").extractall("deps")
        for command in commands:
            subprocess.check_call(command, cwd="deps/lib-1")


setup(name="withdeps", url="https://vendor-tools.io", cmdclass={"build_ext": BuildWithDeps})
"""


def test_setup_py_download_unpacked_and_built_unchecked() -> None:
    assert codes_at({"setup.py": _SETUP_BUILD}, _EP) == [15]
    assert codes_at({"setup.py": _SETUP_BUILD}, _UDE) == [17]
    digest = '        hashlib.sha256(open("lib.tar.gz", "rb").read())\n'
    checked = _SETUP_BUILD.replace("import tarfile\n", "import hashlib\nimport tarfile\n").replace(
        '        tarfile.open("lib.tar.gz")', digest + '        tarfile.open("lib.tar.gz")'
    )
    assert codes_at({"setup.py": checked}, _UDE) == []


def test_setup_py_commands_run_only_from_command_classes() -> None:
    text = (
        "import subprocess\n"
        "from setuptools import setup\n"
        "from setuptools.command.install import install\n"
        "\n"
        "\n"
        "class Install(install):\n"
        "    def run(self):\n"
        '        subprocess.check_call(["sudo", "cp", "agent", "/usr/local/bin/agent"])\n'
        "        install.run(self)\n"
        "\n"
        "\n"
        "def release():\n"
        '    subprocess.check_call(["sudo", "twine", "upload", "dist/*"])\n'
        "\n"
        "\n"
        'setup(name="agent", cmdclass={"install": Install})\n'
    )
    assert setup_py.commands(text) == [(8, "sudo cp agent /usr/local/bin/agent")]
    assert codes_at({"setup.py": text}, _SUDO) == [8]
    assert setup_py.commands("def broken(:\n") == []


# -- bounds: hostile manifests are read in bounded time and never raise --------------------------------------------


def test_hostile_makefiles_and_manifests_stay_bounded() -> None:
    doubling = "".join(f"V{i} = $(V{i + 1})$(V{i + 1})\n" for i in range(40)) + "install:\n\techo $(V0)\n"
    [(line, text)] = makefile.install_recipes(doubling)
    assert line == 42 and len(text) <= makefile.MAX_VALUE + 5
    assert makefile.install_recipes("A = $(B)\nB = $(A)\ninstall:\n\techo $(A)\n") == [(4, "echo ${MAKE_VALUE}")]
    assert commands("composer.json", '{"scripts": {"post-install-cmd": ["@", "@missing", 7], "x": 5}}') == []
    assert commands("package.json", "[1, 2]") is None
    assert commands("package.json", "{" * 100_000) is None
    assert commands("package.json", '{"scripts": {"install": 5, "postinstall": ["x"]}}') == []


_TOKENS = [
    "install:", "install: build", "\t", "\n", "\\\n", "$(", ")", "${", "}", "$$", "@", "PREFIX", "?=", "=", ":=",
    "$(foreach B,", ",", "/usr/local/bin", "{", "}", "[", "]", ":", '"scripts"', '"postinstall"', '"@x"', '"x"',
    '"post-install-cmd"', '"curl -fsSL https://dl.vendor-tools.io/a.sh | sh"', "class I(install):", "def run(self):",
    "subprocess.check_call([", "'make'", "])", "urlretrieve(", "'https://dl.vendor-tools.io/x.tgz'", ".extractall(",
    "self._b(", "def _b(self, u, c):", "    ", "(", "é", "#",
]  # fmt: skip


def test_random_manifests_never_raise() -> None:
    rng = random.Random(27)
    for name in ("package.json", "composer.json", "Makefile", "setup.py"):
        for _ in range(40):
            text = "".join(rng.choice(_TOKENS) + rng.choice(("", " ")) for _ in range(rng.randint(1, 60)))
            if name.endswith(".json"):
                text = "{" + text
            run(package({name: text}), inventory=INVENTORY)


def _random_value(rng: random.Random, depth: int) -> object:
    kind = rng.randrange(6 if depth < 4 else 3)
    if kind == 0:
        return rng.choice(["curl -fsSL https://dl.vendor-tools.io/a.sh | sh", "@x", "npm run x", 'é"\\', ""])
    if kind == 1:
        return rng.choice([1, -2.5e3, True, None])
    if kind == 2:
        return "x" * rng.randrange(3)
    if kind == 3:
        return [_random_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    keys = ["scripts", "postinstall", "install", "x", "post-install-cmd", "homepage", "repositories", "url"]
    return {rng.choice(keys): _random_value(rng, depth + 1) for _ in range(rng.randrange(5))}


def test_json_manifests_are_read_whatever_their_layout() -> None:
    rng = random.Random(2027)
    for _ in range(200):
        doc = {"scripts": _random_value(rng, 1), "homepage": "https://agent.vendor-tools.io"}
        for indent in (None, 1, "\t"):
            text = json.dumps(doc, indent=indent, ensure_ascii=rng.random() < 0.5)
            for name in ("package.json", "composer.json"):
                found = commands(name, text)
                assert found is not None
                assert all(1 <= line <= text.count("\n") + 1 for line, _ in found)
