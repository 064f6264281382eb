"""Classes of mistakes the hundred-and-eighty-ninth hold-out set found (tests/preflight/holdout189: install-time
hooks of package managers — two npm install scripts, a Composer script handler, two Cargo build scripts, a setup.py
and the module it calls, a Hatchling build hook, an extconf.rb), each as its minimal construct next to a near-miss
that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

ENDPOINT = "preflight.external_endpoint"


# -- B: a Python module constant a request URL is built on: one contact, at the request ------------------------------


def _hook(url: str) -> str:
    return (
        "import urllib.request\n"
        "from hatchling.builders.hooks.plugin.interface import BuildHookInterface\n\n"
        "BASE_URL = (\n"
        '    f"https://github.com/example/tool/releases/download/{VERSION}"\n'
        ")\n\n\n"
        "def _download(dest):\n"
        f'    url = f"{url}"\n'
        "    data = urllib.request.urlopen(url).read()\n"
        "    dest.write_bytes(data)\n\n\n"
        "class CustomHook(BuildHookInterface):\n"
        "    def initialize(self, version, build_data):\n"
        "        _download(self.root)\n"
    )


def test_b_a_module_constant_the_request_url_is_built_on_is_not_a_second_contact() -> None:
    assert codes_at({"hatch_build.py": _hook("{BASE_URL}/tool-linux.tar.xz")}, ENDPOINT) == [11]


def test_b_near_miss_a_constant_the_request_does_not_use_stays_where_it_is_written() -> None:
    other = _hook("https://mirror.example.org/tool-linux.tar.xz")
    assert codes_at({"hatch_build.py": other}, ENDPOINT) == [5, 11]


# -- D: a fetching tool's module called instead of its command (prebuild-install's download function) --------------

EGRESS = "preflight.implicit_egress"


def _wrapper(module: str) -> str:
    return (
        "const path = require('path');\n"
        f"const prebuildDL = require('{module}');\n"
        "const prebuildUtil = require('prebuild-install/util');\n"
        "const opts = { pkg: require(path.resolve(__dirname, '../package.json')) };\n"
        "prebuildDL(prebuildUtil.getDownloadUrl(opts), opts, function (err) {\n"
        "  if (err) process.exit(1);\n"
        "});\n"
    )


def test_d_prebuild_installs_download_module_called_reaches_the_network() -> None:
    assert codes_at({"scripts/install.js": _wrapper("prebuild-install/download")}, EGRESS) == [5]


def test_d_near_miss_the_tools_configuration_module_called_fetches_nothing() -> None:
    assert codes_at({"scripts/install.js": _wrapper("prebuild-install/rc")}, EGRESS) == []


# -- A: a list of one host's URLs, one element per line, fetched in a loop: one contact, at the first element --------


def _handler(second: str) -> str:
    return (
        "<?php\n\n"
        "final class Scripts\n{\n"
        "    private const array DATA_FILES = [\n"
        "        'https://data.example.org/files/a.txt',\n"
        f"        '{second}',\n"
        "        'https://data.example.org/files/c.txt',\n"
        "    ];\n\n"
        "    public static function postInstall(): void\n    {\n"
        "        foreach (self::DATA_FILES as $url) {\n"
        "            $r = fopen($url, 'r');\n"
        "            stream_copy_to_stream($r, fopen(getcwd() . '/data/' . basename($url), 'w'));\n"
        "        }\n"
        "    }\n"
        "}\n"
    )


def test_a_a_list_of_one_hosts_urls_is_one_contact_at_its_first_element() -> None:
    php = _handler("https://data.example.org/files/b.txt")
    assert codes_at({"src/Composer/Scripts.php": php}, ENDPOINT) == [6]


def test_a_near_miss_another_host_in_the_list_is_a_contact_of_its_own() -> None:
    php = _handler("https://mirror.example.net/files/b.txt")
    assert codes_at({"src/Composer/Scripts.php": php}, ENDPOINT) == [6, 7, 8]


def test_a_near_miss_urls_among_other_arguments_of_one_call_are_each_a_contact() -> None:
    php = (
        "<?php\n\n"
        "final class Scripts\n{\n"
        "    public static function postInstall(): void\n    {\n"
        "        $r = self::fetch(\n"
        "            -1,\n"
        "            'https://data.example.org/files/a.txt',\n"
        "            'https://data.example.org/files/a.txt',\n"
        "            0,\n"
        "        );\n"
        "        $f = fopen('https://data.example.org/files/b.txt', 'r');\n"
        "    }\n"
        "}\n"
    )
    assert codes_at({"src/Composer/Scripts.php": php}, ENDPOINT)[:2] == [9, 10]
