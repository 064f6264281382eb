"""``implicit_egress`` classes the hold-out guard showed in session 31 (docs/preflight.md, ``implicit_egress``): each
construct as a small one-file package next to near-misses that must stay quiet."""

from __future__ import annotations

import json

from preflight_kit import codes_at, in_script

EGRESS = "preflight.implicit_egress"
ENDPOINT = "preflight.external_endpoint"

# -- A: a Cargo build script's command whose folder alone comes from the function's parameter stays at its line -----


def _build_rs(locate: str) -> dict[str, str]:
    return {
        "sys/build.rs": (
            "use std::path::PathBuf;\n"  # 1
            "use std::process::Command;\n"  # 2
            "\n"  # 3
            "fn main() {\n"  # 4
            '    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());\n'  # 5
            "    let src = locate(&dir);\n"  # 6
            '    println!("cargo:rerun-if-changed={}", src.display());\n'  # 7
            "}\n"  # 8
            "\n" + locate  # 9
        )
    }


_SUBMODULE = (
    "fn locate(manifest_dir: &PathBuf) -> PathBuf {\n"  # 10
    '    let vendored = manifest_dir.join("vendor");\n'  # 11
    "    let root = manifest_dir.parent().unwrap();\n"  # 12
    '    let _ = Command::new("git")\n'  # 13
    '        .args(["submodule", "update", "--init", "--depth", "1"])\n'  # 14
    "        .current_dir(root)\n"  # 15
    "        .status();\n"  # 16
    "    vendored\n"  # 17
    "}\n"
)


def test_a_a_submodule_update_run_in_the_parameters_folder_is_reported_where_it_is_written() -> None:
    assert codes_at(_build_rs(_SUBMODULE), EGRESS) == [13]


def test_a_near_miss_a_command_whose_words_come_from_the_parameter_is_read_at_the_call() -> None:
    fetch = (
        "fn locate(url: &str) -> PathBuf {\n"  # 10
        '    Command::new("git").args(["clone", url, "vendor"]).status().unwrap();\n'  # 11
        '    PathBuf::from("vendor")\n'
        "}\n"
    )
    files = _build_rs(fetch)
    assert codes_at(files, EGRESS) == []
    assert 11 not in codes_at(files, ENDPOINT)  # its words are the call's: nothing known at the body's line


def test_a_near_miss_a_submodule_status_fetches_nothing() -> None:
    quiet = _SUBMODULE.replace('"update", "--init", "--depth", "1"', '"status"')
    assert codes_at(_build_rs(quiet), EGRESS) == []


# -- B: node-pre-gyp's binary host written in the same package.json is that file's endpoint, not an implicit one ------


def _package_json(binary: dict[str, str] | None) -> dict[str, str]:
    manifest: dict[str, object] = {
        "name": "native-tools",
        "version": "1.0.0",
        "scripts": {"install": "node-pre-gyp install"},
    }
    if binary is not None:
        manifest["binary"] = binary
    return {"packages/native-tools/package.json": json.dumps(manifest, indent=2) + "\n"}


def test_b_node_pre_gyp_with_the_binary_host_in_its_package_json_is_no_implicit_egress() -> None:
    files = _package_json({"module_name": "tools", "host": "https://storage.example-cdn.net/"})
    assert codes_at(files, EGRESS) == []
    assert codes_at(files, ENDPOINT) != []


def test_b_near_miss_no_binary_host_written_stays_implicit() -> None:
    assert codes_at(_package_json(None), EGRESS) == [5]
    assert codes_at(_package_json({"module_name": "tools", "host": "{{ mirror }}"}), EGRESS) == [5]


# -- C: curl given only a config file reaches the hosts that file lists, none written in the script ------------------


def test_c_curl_of_a_config_file_alone_is_implicit_egress() -> None:
    assert in_script(EGRESS, "cd /srv/app/plugins && curl -K plugins.txt") == [3]
    assert in_script(EGRESS, "curl -fsS --config /etc/app/fetch.cfg") == [3]


def test_c_near_misses_a_url_on_the_line_is_its_endpoint_and_plain_curl_is_no_egress() -> None:
    assert in_script(EGRESS, "curl -K auth.cfg https://example.org/app.tar.gz -o app.tar.gz") == []
    assert in_script(EGRESS, "curl -fsSL -o app.tar.gz https://example.org/app.tar.gz") == []


# -- D: a pull of a checkout whose remote the script gives as a folder of this host reaches no network --------------

_TEST_SITE = (
    "cd /var/www",
    "if [ -d site_test ]; then",
    "  cd site_test; git pull",
    "else",
    "  git clone {url} site_test",
    "fi",
)


def test_d_a_pull_of_a_checkout_cloned_from_a_local_bare_repository_is_quiet() -> None:
    lines = [line.format(url="/var/git/site.git/") for line in _TEST_SITE]
    assert in_script(EGRESS, *lines) == []
    assert in_script(EGRESS, "git remote add origin /srv/git/site.git", "git fetch origin") == []


def test_d_near_misses_a_remote_url_or_an_unknown_folder_stays_a_configured_remote() -> None:
    lines = [line.format(url="https://github.com/vendor/site.git") for line in _TEST_SITE]
    assert in_script(EGRESS, *lines) == [5]  # the remote an earlier install configured
    lines = [line.format(url='"$REPO"') for line in _TEST_SITE]
    assert in_script(EGRESS, *lines) == [5]
    assert in_script(EGRESS, "cd /srv/site", "git pull") == [4]


# -- E: a Python program's model download from the Hugging Face Hub (no URL written) --------------------------------


def test_e_hub_downloads_and_model_classes_given_a_name_are_implicit_egress() -> None:
    snapshot = "from huggingface_hub import snapshot_download\nsnapshot_download(repo_id='acme/model', local_dir='m')\n"
    assert codes_at({"install.py": snapshot}, EGRESS) == [2]
    by_module = "import huggingface_hub\nhuggingface_hub.hf_hub_download('acme/model', 'weights.bin')\n"
    assert codes_at({"install.py": by_module}, EGRESS) == [2]
    whisper = "RUN python -c \"from faster_whisper import WhisperModel; WhisperModel('base', device='cpu')\"\n"
    assert codes_at({"Dockerfile": "FROM python:3.12-slim\n" + whisper}, EGRESS) == [2]


def test_e_near_misses_a_model_folder_local_files_only_and_a_function_of_the_file_stay_quiet() -> None:
    folder = "from faster_whisper import WhisperModel\nWhisperModel('/models/base')\n"
    assert codes_at({"install.py": folder}, EGRESS) == []
    offline = "from faster_whisper import WhisperModel\nWhisperModel('base', local_files_only=True)\n"
    assert codes_at({"install.py": offline}, EGRESS) == []
    own = "def snapshot_download(repo_id):\n    return repo_id\n\nsnapshot_download(repo_id='acme/model')\n"
    assert codes_at({"install.py": own}, EGRESS) == []


# -- F: a function's package manager handed in by a caller whose branch tested it ------------------------------------

_INSTALLER = (
    "install_packages() {",
    "  local package_manager=$1",
    '  sudo "$package_manager" -y install {verb_args}',
    "}",
    "pm=$(detect_package_manager)",
    'if [ "$pm" = {tested} ]; then',
    '  install_packages "$pm"',
    "fi",
)


def _installer(tested: str, verb_args: str = "jq curl") -> list[str]:
    return [line.replace("{tested}", tested).replace("{verb_args}", verb_args) for line in _INSTALLER]


def test_f_the_callers_tested_value_names_the_functions_package_manager() -> None:
    assert in_script(EGRESS, *_installer("yum")) == [5]
    assert in_script(EGRESS, *_installer("apt-get")) == [5]


def test_f_near_misses_an_untested_argument_or_a_tool_that_fetches_nothing_stay_quiet() -> None:
    assert in_script(EGRESS, *_installer("dpkg")) == []
    untested = [line for line in _installer("yum") if not line.startswith(("if ", "fi"))]
    assert in_script(EGRESS, *untested) == []


# -- G: Nextcloud's command-line updater fetches the next release from its update server ----------------------------


def test_g_the_nextcloud_updater_run_by_php_is_implicit_egress() -> None:
    assert in_script(EGRESS, "php $APP_LOCATION/updater/updater.phar --no-backup --no-interaction") == [3]
    assert in_script(EGRESS, "sudo -u www-data php /var/www/nextcloud/updater/updater.phar --no-interaction") == [3]


def test_g_near_misses_its_help_and_another_products_phar_stay_quiet() -> None:
    assert in_script(EGRESS, "php /var/www/nextcloud/updater/updater.phar --help") == []
    assert in_script(EGRESS, "php /srv/app/bin/updater.phar --no-interaction") == []


# -- H: OCaml's opam fetches its package repository (init) and packages (install, update, upgrade) ------------------


def test_h_opam_init_and_install_are_implicit_egress() -> None:
    assert in_script(EGRESS, 'OPAM="$BINDIR/opam"', '"$OPAM" init --comp "$COMP"') == [4]
    assert in_script(EGRESS, "opam install -y dune") == [3]


def test_h_near_misses_opam_commands_that_read_the_local_state_stay_quiet() -> None:
    assert in_script(EGRESS, "opam list --installed") == []
    assert in_script(EGRESS, 'eval "$(opam env)"', "opam config var prefix") == []


# -- I: vendor consoles and package-manager front ends that fetch from their catalogue ------------------------------


def test_i_nuxeo_marketplace_concrete_language_packs_and_aptitude_robot_are_implicit_egress() -> None:
    assert in_script(EGRESS, "nuxeoctl mp-install $NUXEO_PACKAGES --accept=true --relax no") == [3]
    assert in_script(EGRESS, "${WHERE_IS_CONCRETE5}/concrete/bin/concrete5 c5:language-install --update") == [3]
    assert in_script(EGRESS, '/usr/sbin/aptitude-robot -y -q "$@"') == [3]


def test_i_near_misses_their_local_actions_stay_quiet() -> None:
    assert in_script(EGRESS, "nuxeoctl mp-list") == []
    assert in_script(EGRESS, "nuxeoctl start") == []
    assert in_script(EGRESS, "concrete/bin/concrete5 c5:clear-cache") == []
    assert in_script(EGRESS, "aptitude-robot --simulate") == []


# -- J: Jenkins' CLI jar installing a plugin by name: the server fetches it from its update center --------------------


def test_j_jenkins_cli_install_plugin_by_name_is_implicit_egress() -> None:
    lines = (
        'jenkins_cli="java -jar /tmp/jenkins-cli.jar -s http://localhost:8080"',
        "for plugin in git github-oauth; do",
        '  $jenkins_cli install-plugin "$plugin"',
        "done",
    )
    assert in_script(EGRESS, *lines) == [5]


def test_j_near_misses_other_cli_commands_plugin_files_and_other_jars_stay_quiet() -> None:
    assert in_script(EGRESS, "java -jar /tmp/jenkins-cli.jar -s http://localhost:8080 safe-restart") == []
    assert in_script(EGRESS, "java -jar jenkins-cli.jar -s http://localhost:8080 install-plugin ./git.hpi") == []
    assert in_script(EGRESS, "java -jar /opt/app/app.jar install-plugin git") == []


# -- K: a command variable set in a sourced file the package lacks, whose name spells a package manager's install ----


def test_k_an_unset_variable_named_for_a_tools_install_is_that_install() -> None:
    lines = (". /bd_build/buildconfig", "$minimal_apt_get_install apt-transport-https")
    assert in_script(EGRESS, *lines) == [4]
    assert in_script(EGRESS, ". ./lib.sh", "$pip_install -r requirements.txt") == [4]


def test_k_near_misses_an_assigned_variable_and_names_that_spell_no_fetch_stay_as_they_are() -> None:
    assert in_script(EGRESS, 'apt_get_install="echo would install"', "$apt_get_install jq") == []
    assert in_script(EGRESS, ". ./lib.sh", "$apt_get_remove jq") == []
    assert in_script(EGRESS, ". ./lib.sh", "$install_apt_get jq") == []


# -- L: a Laravel update command's injected shell service given a command line --------------------------------------

_COMMAND = """<?php

namespace App\\Console\\Commands;

use App\\Helper\\Shell\\Shell;
use Illuminate\\Console\\Command;

class UpdateCommand extends Command
{
    protected $signature = 'update';
    protected $description = 'Updates the tool';
    protected $shell;

    public function __construct({param})
    {
        parent::__construct();
        $this->shell = $shell;
    }

    public function handle()
    {
        $this->shell->{method}('cd /etc/tool && git pull');
    }
}
"""


def _update_command(param: str = "Shell $shell", method: str = "exec") -> dict[str, str]:
    text = _COMMAND.replace("{param}", param).replace("{method}", method)
    return {"app/Console/Commands/UpdateCommand.php": text}


def test_l_the_shell_services_exec_of_a_git_pull_is_implicit_egress() -> None:
    assert codes_at(_update_command(), EGRESS) == [22]
    assert codes_at(_update_command("ShellService $shell", "run"), EGRESS) == [22]


def test_l_near_misses_another_service_or_method_runs_nothing_known() -> None:
    assert codes_at(_update_command("Mailer $shell"), EGRESS) == []
    assert codes_at(_update_command(method="log"), EGRESS) == []


# -- M: a helper the package does not hold whose name spells a package manager's fetch ------------------------------


def test_m_a_distribution_helper_named_for_apt_get_update_is_implicit_egress() -> None:
    assert in_script(EGRESS, "/DietPi/dietpi/dietpi-apt-get_update 0 > /dev/null") == [3]
    assert in_script(EGRESS, ". /usr/lib/vendor/lib.sh", "vendor_pip_install requests") == [4]


def test_m_near_misses_a_function_of_the_script_a_held_helper_and_names_with_no_fetch_stay_quiet() -> None:
    own = ("vendor_apt_get_update() {", '  echo "skipped"', "}", "vendor_apt_get_update")
    assert in_script(EGRESS, *own) == []
    files = {
        "scripts/upgrade.sh": "#!/bin/sh\n./bin/apt-get-update-cache\n",
        "bin/apt-get-update-cache": "#!/bin/sh\n:\n",
    }
    assert codes_at(files, EGRESS) == []
    assert in_script(EGRESS, "docker-entrypoint.sh run") == []
    assert in_script(EGRESS, "pip-compile requirements.in") == []
