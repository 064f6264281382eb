"""Round fourteen of the whole packages (tests/preflight/packages/README.md, "Round fourteen"): each class fixed, with
a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its result)."""

from __future__ import annotations

from preflight_kit import findings

ENDPOINT = "preflight.external_endpoint"

_BACKEND = (
    "import requests\n"  # 1
    "\n"  # 2
    "class RegistryBackend:\n"  # 3
    '    name = "Registry"\n'  # 4
    "    examples = [\n"  # 5
    '        "https://registry.vendor.io/package/left-pad",\n'  # 6
    '        "https://registry.vendor.io/package/colors",\n'  # 7
    "    ]\n"  # 8
    "\n"  # 9
    "    @classmethod\n"  # 10
    "    def get_versions(cls, project):\n"  # 11
    '        url = f"https://api.vendor.io/{project.name}/versions"\n'  # 12
    "        return requests.get(url, timeout=60).json()\n"  # 13
)


def test_a_collection_of_examples_shown_to_a_user_names_no_host_it_requests() -> None:
    # the backend's samples of what to type; the URL it builds from the project is what it requests
    assert findings({"monitor/backends/registry.py": _BACKEND}) == [(ENDPOINT, 12)]


def test_a_single_example_url_or_a_list_under_another_name_is_still_read() -> None:
    # near miss: one setting named example (not a collection of samples) and the same list named for mirrors
    one = _BACKEND.replace("    examples = [\n", '    example = "https://registry.vendor.io/x"\n    mirrors = [\n')
    assert (ENDPOINT, 7) in findings({"monitor/backends/registry.py": one})
    mirrors = _BACKEND.replace("examples = [", "mirrors = [")
    assert (ENDPOINT, 6) in findings({"monitor/backends/registry.py": mirrors})


_HIDDEN_LOCK = (
    "{\n"  # 1
    '  "name": "static",\n'  # 2
    '  "lockfileVersion": 3,\n'  # 3
    '  "packages": {\n'  # 4
    '    "node_modules/bootstrap": {\n'  # 5
    '      "version": "5.3.3",\n'  # 6
    '      "resolved": "https://registry.npmjs.org/bootstrap/-/bootstrap-5.3.3.tgz"\n'  # 7
    "    }\n"  # 8
    "  }\n"  # 9
    "}\n"  # 10
)


def test_npms_hidden_lock_file_in_node_modules_is_a_lock_file() -> None:
    # npm writes node_modules/.package-lock.json on every install: where the build fetched each dependency
    assert findings({"app/static/node_modules/.package-lock.json": _HIDDEN_LOCK}) == []


def test_the_same_urls_in_a_settings_file_beside_it_are_still_read() -> None:
    # near miss: the same mapping under a name no package manager writes
    assert (ENDPOINT, 7) in findings({"app/static/registry.json": _HIDDEN_LOCK})


SUDO = "preflight.sudo_unavailable"
_POSTRM = (
    "#!/bin/sh\n"  # 1
    "set -e\n"  # 2
    'case "$1" in\n'  # 3
    "    purge)\n"  # 4
    "        rm -rf /var/lib/lab/home/\n"  # 5
    '        sudo su postgres -c "dropdb lab" || true\n'  # 6
    "    ;;\n"  # 7
    "    remove|upgrade|failed-upgrade|abort-install|abort-upgrade|disappear)\n"  # 8
    "    ;;\n"  # 9
    "esac\n"  # 10
    "exit 0\n"  # 11
)


def test_sudo_in_a_postrms_purge_branch_is_not_a_step_of_the_upgrade() -> None:
    # only `dpkg --purge` runs the branch: the removal the operator asked for, not the upgrade
    assert SUDO not in {code for code, _ in findings({"postrm": _POSTRM})}


def test_the_same_sudo_in_the_branch_an_upgrade_takes_is_still_reported() -> None:
    # near miss: the same line where dpkg's upgrade call lands
    upgrade = _POSTRM.replace("    purge)\n", "    purge|upgrade)\n").replace("|upgrade|failed", "|failed")
    assert (SUDO, 6) in findings({"postrm": upgrade})


_ERRATA = (
    "%(product)s Update: %(update_id)s\n"  # 1
    "--------------------------------------------------------------------------------\n"  # 2
    "%(notes)s\n"  # 3
    "For more information, refer to the documentation available at\n"  # 4
    "https://updates.vendor.io/command_ref.html#upgrade\n"  # 5
    "Keys used to sign the packages can be found at https://vendor.io/keys\n"  # 6
)


def test_a_template_in_a_folder_of_mail_templates_is_a_message_for_its_recipient() -> None:
    # the body of the errata mail the product fills in and sends: its links are the reader's
    assert findings({"server/email/templates/errata.tpl": _ERRATA}) == []


def test_the_same_text_in_a_template_folder_of_another_kind_is_still_read() -> None:
    # near miss: a template folder that is not a mail folder (a configuration template the product renders)
    assert (ENDPOINT, 5) in findings({"server/config/templates/errata.tpl": _ERRATA})
