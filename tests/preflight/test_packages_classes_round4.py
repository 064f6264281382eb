"""The classes of false positives and misses that round four of whole real packages showed
(tests/preflight/packages/README.md, "Round four"), each with a minimal construct and a near miss that must still
be reported."""

from __future__ import annotations

from preflight_kit import codes_at, package, run

CREDENTIAL = "preflight.hardcoded_credential"
ENDPOINT = "preflight.external_endpoint"
PRIVILEGE = "preflight.implicit_privilege"
ROOT = "preflight.root_assumed"


def test_composer_installed_json_under_any_vendor_folder_is_package_metadata() -> None:
    installed = (
        '{\n    "packages": [\n        {\n            "name": "dten/assert",\n'
        '            "source": {\n                "url": "https://github.com/dten/assert.git"\n            }\n'
        "        }\n    ]\n}\n"
    )
    library = (
        '{\n    "name": "dten/contracts",\n    "extra": {"thanks": {"url": "https://github.com/dten/contracts"}}\n}\n'
    )
    files = {
        "usr/share/dten/lib/3rdParty/composer/composer/installed.json": installed,
        "usr/share/dten/lib/3rdParty/composer/dten/contracts/composer.json": library,
    }
    assert codes_at(files, ENDPOINT) == []
    # near miss: an installed.json outside Composer's own folder is the product's data, read as configuration
    assert codes_at({"usr/share/dten/data/installed.json": installed}, ENDPOINT) == [6]


def test_a_per_language_json_catalogue_is_a_translation() -> None:
    catalogue = '{"Password": "Passwort", "Camera URL": "http://beispiel-cam.io:8765/cams/..."}\n'
    for path in ("dten/static/js/dten.de.json", "dten/static/js/dten.nb_NO.json"):
        assert codes_at({path: catalogue}, ENDPOINT) == [], path
    # near miss: the same content in a file named by a word, not a language (``my`` is left out on purpose)
    assert codes_at({"dten/static/js/dten.my.json": catalogue}, ENDPOINT) == [1]
    assert codes_at({"dten/static/js/servers.json": catalogue}, ENDPOINT) == [1]


def _resource_map(count: int) -> str:
    entries = "".join(f'        "library_sync_{i}": "https://r{i}.dten-reader.io/v1/",\n' for i in range(count))
    return f"def resources():\n    return {{\n{entries}    }}\n"


def test_a_large_table_of_named_urls_is_a_client_resource_map() -> None:
    assert codes_at({"dten/reader.py": _resource_map(25)}, ENDPOINT) == []
    # near miss: a handful of named endpoints the product calls itself stays read
    assert codes_at({"dten/reader.py": _resource_map(3)}, ENDPOINT) == [3, 4, 5]


def test_bash_arithmetic_on_the_uid_is_a_root_check() -> None:
    body = (
        "#!/usr/bin/env bash\nif (( UID )); then\n  echo 'Root permissions required'\n  exit 1\nfi\n"
        "apt-get -y install motion\nsystemctl enable --now dten\n"
    )
    assert codes_at({"dten/extra/linux_init": body}, PRIVILEGE) == []
    assert codes_at({"dten/extra/linux_init": body}, ROOT) == [2]
    # near miss: without the check the script does not say it needs root
    unchecked = body.replace("if (( UID )); then\n  echo 'Root permissions required'\n  exit 1\nfi\n", "")
    assert codes_at({"dten/extra/linux_init": unchecked}, PRIVILEGE) == [2, 3]


def test_a_url_an_objects_text_form_returns_is_a_link_shown() -> None:
    source = (
        "class Identifier:\n    def __repr__(self):\n"
        '        return "https://www.dten-books.io/book/show/{0}".format(self.val)\n'
    )
    assert codes_at({"dten/db.py": source}, ENDPOINT) == []
    # near miss: the same URL in a method that fetches it
    fetched = source.replace("__repr__", "refresh").replace("return ", "return requests.get(") + ""
    fetched = fetched.replace(".format(self.val)", ".format(self.val))")
    assert codes_at({"dten/db.py": fetched}, ENDPOINT) == [3]


def test_an_applications_own_lib_modules_folder_holds_no_kernel_module() -> None:
    php = {"usr/share/dten/lib/modules/account.inc": "<?php\nclass account {}\n"}
    found = run(package(php, reboot="none"))
    assert [f for f in found if f.code == "preflight.reboot_understated"] == []
    # near miss: kernel modules under the root's lib/modules, or under a kernel release in an image's tree
    for path in ("lib/modules/6.1.0-18-amd64/extra/dten.ko.xz", "rootfs/lib/modules/6.1.0-18-amd64/modules.dep"):
        found = run(package({path: b"\x7fELF\x00"}, reboot="none"))
        assert [f.evidence["replaces"] for f in found if f.code == "preflight.reboot_understated"] == [
            ["kernel module"]
        ], path
