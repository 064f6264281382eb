"""Classes of mistakes the hundred-and-twenty-eighth hold-out set found (tests/preflight/holdout128: install-time
hooks of package managers — npm postinstall downloaders, a build.rs, an extconf.rb, a setup.py, a Composer script
handler, a go generate helper), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight import setup_py

ENDPOINT = "preflight.external_endpoint"
UNVERIFIED = "preflight.unverified_download_exec"


# -- A: setup.py code run at module level (a function of the file called after setup()) --------------------------

_MODULE_LEVEL = (
    "import os",
    "import zipfile",
    "from io import BytesIO",
    "from urllib.request import urlopen",
    "from setuptools import setup",
    "",
    'MODEL_URL = "https://models.example.org/g2p-models.zip"',
    "",
    "",
    "def _post_install():",
    "    target = os.path.join(os.path.dirname(__file__), 'models')",
    "    with urlopen(MODEL_URL) as response:",
    "        zipfile.ZipFile(BytesIO(response.read())).extractall(target)",
    "",
    "",
    "setup()",
    "",
    "_post_install()",
)


def test_a_a_function_the_setup_py_module_body_calls_is_read_as_install_code() -> None:
    text = "\n".join(_MODULE_LEVEL)
    assert codes_at({"setup.py": text}, ENDPOINT) == [7]
    assert (7, 'curl -fsSL -o "$SETUP_DOWNLOAD" "https://models.example.org/g2p-models.zip"') in setup_py.commands(text)
    assert codes_at({"setup.py": text}, UNVERIFIED) == []  # model data unpacked beside setup.py: not a program


def test_a_a_module_level_call_under_an_if_counts_too() -> None:
    text = "\n".join(_MODULE_LEVEL[:-1]) + '\nif os.environ.get("FETCH", "1") == "1":\n    _post_install()\n'
    assert codes_at({"setup.py": text}, ENDPOINT) == [7]


def test_a_near_miss_a_function_the_file_only_defines_is_not_run() -> None:
    text = "\n".join(_MODULE_LEVEL[:-1])  # no call: a console script's ``fetch_models`` the user runs later
    assert setup_py.commands(text) == []
    assert codes_at({"setup.py": text}, ENDPOINT) == []


def test_a_near_miss_a_class_factory_whose_result_is_kept_is_not_run_as_install_code() -> None:
    text = (
        "import subprocess\n"
        "from setuptools import setup\n"
        "from setuptools.command.build_py import build_py\n"
        "\n"
        "\n"
        "def npm_first(cls):\n"
        "    class Command(cls):\n"
        "        def run(self):\n"
        "            self.run_command('js')\n"
        "            return super().run()\n"
        "    return Command\n"
        "\n"
        "\n"
        "class NPM:\n"
        "    def run(self):\n"
        "        subprocess.check_call(['npm', 'install'])\n"
        "\n"
        "\n"
        "cmdclass = {'js': NPM, 'build_py': npm_first(build_py)}\n"
        "setup(cmdclass=cmdclass)\n"
    )
    assert setup_py.commands(text) == []  # the factory's class runs only if setuptools picks build_py


def test_a_near_miss_a_method_of_the_same_name_or_a_handed_function_is_not_run() -> None:
    handed = "\n".join(_MODULE_LEVEL[:-1]) + "\natexit_hooks = [_post_install]\nhelpers.run(_post_install)\n"
    assert setup_py.commands(handed) == []
    method = "\n".join(_MODULE_LEVEL[:9]) + (
        "\nclass Models:\n"
        "    def fetch(self):\n"
        "        urlopen(MODEL_URL)\n"
        "\n"
        "\nsetup()\n"
        "fetch()\n"  # a bare name the file defines only as a method: not the file's function
    )
    assert setup_py.commands(method) == []


# -- B: a Go URL literal two requests are built from, though it reads as a repository's page -----------------------

_GENERATOR = (
    "package main",
    "",
    'import "net/http"',
    "",
    "const (",
    '\tbaseUrl = "https://github.com/upstream-owner/wordlists"',
    '\tdataUrl = baseUrl + "/raw/$REF/data/"',
    '\trefsUrl = baseUrl + ".git/info/refs?service=git-upload-pack"',
    ")",
    "",
    "func commit() {",
    "\tresp, _ := http.Get(refsUrl)",
    "\tdefer resp.Body.Close()",
    "}",
    "",
    "func fetch(ref string, name string) {",
    '\turl := strings.ReplaceAll(dataUrl, "$REF", ref) + name',
    "\tresp, _ := http.Get(url)",
    "\tdefer resp.Body.Close()",
    "}",
)


def test_b_requests_built_from_a_go_url_constant_contact_its_host_at_each_call() -> None:
    files = {"internal/codegen/main.go": "\n".join(_GENERATOR) + "\n"}
    assert codes_at(files, ENDPOINT) == [12, 18]


def test_b_a_new_request_with_context_is_a_request_too() -> None:
    text = "\n".join(_GENERATOR).replace("http.Get(url)", 'http.NewRequestWithContext(ctx, "GET", url, nil)')
    assert codes_at({"internal/codegen/main.go": text + "\n"}, ENDPOINT) == [12, 18]


def test_b_near_miss_one_request_keeps_a_repository_page_a_link() -> None:
    one = "\n".join(_GENERATOR[:15]) + "\n"  # only the refs lookup: the literal alone reads as the project's page
    assert codes_at({"internal/codegen/main.go": one}, ENDPOINT) == []


def test_b_near_miss_a_repository_page_only_printed_stays_a_link() -> None:
    text = (
        "\n".join(_GENERATOR)
        .replace("http.Get(refsUrl)", "fmt.Println(refsUrl)")
        .replace("http.Get(url)", "fmt.Println(url)")
    )
    assert codes_at({"internal/codegen/main.go": text + "\n"}, ENDPOINT) == []


# -- C: a JS function that builds its command from its parameters, read at each call with what it is given --------

_UNPACKER = (
    'const https = require("https");',
    'const fs = require("fs");',
    'const path = require("path");',
    'const { execSync } = require("child_process");',
    "",
    "function download(url) {",
    "  return new Promise((resolve) => {",
    "    https.get(url, (res) => {",
    "      const chunks = [];",
    '      res.on("data", (c) => chunks.push(c));',
    '      res.on("end", () => resolve(Buffer.concat(chunks)));',
    "    });",
    "  });",
    "}",
    "",
    "function unpack(archive, destDir) {",
    '  const tmp = path.join(destDir, "_tool.tar.gz");',
    "  fs.writeFileSync(tmp, archive);",
    '  execSync(`tar xzf "${tmp}" -C "${destDir}"`);',
    "}",
    "",
    "async function main() {",
    '  const binDir = path.join(__dirname, "bin");',
    '  const archive = await download("https://downloads.example.org/tool.tar.gz");',
    "  unpack(archive, binDir);",
    "}",
    "",
    "main();",
)


def test_c_a_download_untarred_into_bin_by_a_function_given_the_directory_is_unverified() -> None:
    files = {"npm/install.js": "\n".join(_UNPACKER) + "\n"}
    assert codes_at(files, UNVERIFIED) == [25]


def test_c_near_miss_the_same_function_given_a_cache_directory_stays_quiet() -> None:
    text = "\n".join(_UNPACKER).replace('path.join(__dirname, "bin")', 'path.join(__dirname, "cache")')
    assert codes_at({"npm/install.js": text + "\n"}, UNVERIFIED) == []


def test_c_near_miss_a_checked_archive_stays_quiet() -> None:
    check = '  require("crypto").createHash("sha256").update(fs.readFileSync(tmp)).digest("hex");\n'
    text = "\n".join(_UNPACKER).replace(
        "  fs.writeFileSync(tmp, archive);\n", "  fs.writeFileSync(tmp, archive);\n" + check
    )
    assert codes_at({"npm/install.js": text + "\n"}, UNVERIFIED) == []
