"""Classes the thirty-ninth hold-out set showed (tests/preflight/holdout39: install, setup and upgrade programs written
in JavaScript, TypeScript, Ruby and Go), each as its minimal construct next to a near-miss that must stay quiet or
stay reported."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

EGRESS = "preflight.implicit_egress"
SUDO = "preflight.sudo_unavailable"
ENDPOINT = "preflight.external_endpoint"
HIDDEN = "preflight.hidden_migration"
DESTRUCTIVE = "preflight.destructive_delete"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a Ruby install or setup script's commands -------------------------------------------------------------------

RUBY_INSTALLER = _text(
    "#!/usr/bin/ruby",  # 1
    'REPO = "https://git.vendor.example.com/tool".freeze',  # 2
    "def sudo(*args)",  # 3
    '  puts "running sudo #{args.join(" ")}"',  # 4
    '  system "/usr/bin/sudo", *args',  # 5
    "end",  # 6
    "def run(cmd)",  # 7
    "  `#{cmd}`",  # 8
    "end",  # 9
    'sudo "/bin/mkdir", "-p", "/opt/tool" unless File.directory?("/opt/tool")',  # 10
    'run("gem install tool-helper")',  # 11
    "system \"/bin/bash -o pipefail -c 'curl -fsSL #{REPO}/tarball/main | tar xz'\"",  # 12
    'Kernel.system "/usr/bin/sudo -n -v 2>/dev/null"',  # 13
    'puts "sudo apt-get install tool"',  # 14
)


def test_a_ruby_installer_commands_are_read_through_its_runner_methods() -> None:
    files = {"install": RUBY_INSTALLER}
    # sudo through the file's own method, at each call (not in its body, not in a printed hint, not ``sudo -n -v``)
    assert codes_at(files, SUDO) == [10]
    # a command line handed to a backtick runner; a constant's URL inside ``bash -o pipefail -c``
    assert codes_at(files, EGRESS) == [11]
    assert codes_at(files, ENDPOINT) == [12]


def test_a_near_miss_a_ruby_library_and_a_chef_recipe_are_not_an_installers_steps() -> None:
    # the same code in a library of the product (its name and place say neither install nor setup) is program source
    library = {"lib/tool/helpers.rb": RUBY_INSTALLER.replace("#!/usr/bin/ruby\n", "# helpers\n")}
    assert codes_at(library, SUDO) == []
    assert codes_at(library, EGRESS) == []
    # a Chef recipe keeps its own reader (a resource, root by design)
    recipe = _text("execute 'setup' do", "  command 'apt-get install -y tool'", "end")
    assert codes_at({"recipes/setup.rb": recipe}, SUDO) == []


RAILS_SETUP = _text(
    "#!/usr/bin/env ruby",  # 1
    "def system!(*args)",  # 2
    "  system(*args, exception: true)",  # 3
    "end",  # 4
    'system! "bundle install"',  # 5
    'system! "bin/rails db:prepare"',  # 6
    'system! "bin/rails log:clear tmp:clear"',  # 7
)


def test_a_rails_bin_setup_runs_bundle_and_db_prepare() -> None:
    files = {"bin/setup": RAILS_SETUP}
    assert codes_at(files, EGRESS) == [5]
    assert codes_at(files, HIDDEN) == [6]


RAKE_SETUP = _text(
    "namespace :app do",  # 1
    "  task setup: :environment do",  # 2
    '    Rake::Task["db:reset"].invoke',  # 3
    '    Rake::Task["db:seed"].invoke',  # 4
    "  end",  # 5
    "end",  # 6
)


def test_a_rake_setup_task_that_resets_the_database_deletes_data() -> None:
    assert codes_at({"lib/tasks/app/setup.rake": RAKE_SETUP}, DESTRUCTIVE) == [3]


def test_a_near_miss_a_rake_file_that_names_no_install_step_is_not_read() -> None:
    assert codes_at({"lib/tasks/app/reports.rake": RAKE_SETUP}, DESTRUCTIVE) == []


# -- B: shell classes the Ruby commands showed ----------------------------------------------------------------------


def test_b_a_shell_given_options_before_c_still_runs_its_string() -> None:
    assert in_script(ENDPOINT, "bash -o pipefail -c 'curl -fsSL https://dl.vendor.example.com/x.tgz | tar xz'") == [3]


def test_b_near_miss_a_shell_given_a_script_file_runs_no_string() -> None:
    assert in_script(ENDPOINT, "bash -o pipefail install-dl.vendor.example.com.sh") == []


def test_b_sudo_that_only_asks_whether_credentials_are_cached_runs_nothing() -> None:
    assert in_script(SUDO, "sudo -n -v 2>/dev/null", "sudo -nv", "sudo --non-interactive --validate") == []


def test_b_near_miss_sudo_v_prompts_and_sudo_n_with_a_command_escalates() -> None:
    # a plain ``sudo -v`` asks for the password the later steps need (starship's installer, holdout set 1)
    assert in_script(SUDO, "sudo -v", "sudo -n apt-get install -y jq") == [3, 4]


def test_b_rails_db_prepare_applies_migrations() -> None:
    assert in_script(HIDDEN, "bin/rails db:prepare", "bundle exec rake db:prepare") == [3, 4]


def test_b_near_miss_rails_tasks_that_do_not_migrate() -> None:
    assert in_script(HIDDEN, "bin/rails db:seed", "bin/rails assets:precompile") == []


def test_b_rails_tasks_that_drop_the_database_delete_data() -> None:
    assert in_script(DESTRUCTIVE, "rake db:reset", "bundle exec rails db:drop") == [3, 4]


def test_b_near_miss_a_dropping_task_after_a_dump_or_a_task_that_keeps_data() -> None:
    assert in_script(DESTRUCTIVE, "pg_dump app > /var/backups/app.sql", "rake db:reset") == []
    assert in_script(DESTRUCTIVE, "rake db:create", "rake db:seed") == []


def test_b_softwareupdate_lists_and_installs_from_apples_servers() -> None:
    assert in_script(EGRESS, "softwareupdate -l", "sudo softwareupdate -i -a") == [3, 4]


def test_b_near_miss_softwareupdate_reading_local_state() -> None:
    assert in_script(EGRESS, "softwareupdate --history", "softwareupdate --schedule") == []


# -- C: a JavaScript install script's child processes ---------------------------------------------------------------

TLS = "preflight.tls_verification_disabled"

NPM_INSTALL_JS = _text(
    "const child_process = require('child_process');",  # 1
    "const version = require('./package.json').version;",  # 2
    "child_process.execSync(`npm install --no-save helper-wasm@${version}`, { cwd: dir });",  # 3
    "const m = /v(\\d+)/.exec(process.version);",  # 4
    "child_process.execFileSync('tar', ['xzf', archive], { cwd: dir });",  # 5
)


def test_c_a_javascript_install_script_runs_its_child_processes() -> None:
    assert codes_at({"packages/core/postinstall.js": NPM_INSTALL_JS}, EGRESS) == [3]


def test_c_near_miss_the_same_calls_in_the_products_own_module_are_program_source() -> None:
    assert codes_at({"lib/build-helper.js": NPM_INSTALL_JS}, EGRESS) == []


DOWNLOAD_OPTIONS_JS = _text(
    "var https = require('https');",  # 1
    "function get(url, cb) {",  # 2
    "  var options = { rejectUnauthorized: false, headers: {} };",  # 3
    "  https.get(url, options, cb);",  # 4
    "}",  # 5
    "var opts = {};",  # 6
    "opts.rejectUnauthorized = !!process.env.npm_config_strict_ssl;",  # 7
    "var kept = { rejectUnauthorized: true };",  # 8
    "var env = { rejectUnauthorized: process.env.STRICT_SSL !== 'false' };",  # 9
)


def test_c_request_options_that_skip_the_certificate_check() -> None:
    # literally off, and off whenever a variable is unset; on, and on unless a variable turns it off, are quiet
    assert codes_at({"install.js": DOWNLOAD_OPTIONS_JS}, TLS) == [3, 7]


# -- D: URLs in JavaScript shown to people --------------------------------------------------------------------------

SHOWN_JS = _text(
    "var fs = require('fs');",  # 1
    "var BANNER = 'Thanks for using it ( https://github.com/vendor/tool ) ' +",  # 2
    "  'support us: https://opencollective.com/tool';",  # 3
    "function show() { console.log(COLOR ? BANNER : BANNER.replace(/x/g, '')); }",  # 4
    "banners.push(BANNER);",  # 5
    "for (const e of list) { continue; } // Guard against https://github.com/nodejs/node/issues/4760",  # 6
    "console.error(`Failed to install ${name}. Report at https://github.com/vendor/tool/issues`);",  # 7
    "throw new Error('see https://docs.vendor.example.com/install');",  # 8
    "var CDN = process.env.TOOL_CDN || 'https://downloads.vendor-cdn.com/tool';",  # 9
    "console.log('downloading from ' + CDN);",  # 10
    "fetch(CDN + '/tool.tgz');",  # 11
)


def test_d_urls_in_comments_and_shown_text_are_not_contacted() -> None:
    assert codes_at({"lib/tool/postinstall.js": SHOWN_JS}, ENDPOINT) == [9]


def test_d_near_miss_a_url_that_is_shown_and_also_fetched_is_contacted() -> None:
    # CDN (line 9) is printed on line 10 but also fetched on line 11: its literal stays a contacted host
    assert 9 in codes_at({"scripts/fetch.js": SHOWN_JS}, ENDPOINT)


# -- E: SQL a Node product's upgrade step runs ----------------------------------------------------------------------

UNLOCKED = "preflight.migration_unlocked"

UPGRADE_STEP_JS = _text(
    "'use strict';",  # 1
    "const db = require('../../database');",  # 2
    "module.exports = {",  # 3
    "\tname: 'Rebuild the sessions table',",  # 4
    "\tmethod: async function () {",  # 5
    "\t\tawait db.pool.query(`",  # 6
    'ALTER TABLE "sessions" ALTER "data" TYPE JSONB;',  # 7
    "`);",  # 8
    "\t},",  # 9
    "};",  # 10
)


def test_e_an_upgrade_steps_method_hands_sql_to_the_live_database() -> None:
    assert codes_at({"src/upgrades/2.1.0/sessions_jsonb.js": UPGRADE_STEP_JS}, UNLOCKED) == [7]


def test_e_near_miss_the_same_module_outside_an_upgrades_folder_is_program_source() -> None:
    assert codes_at({"src/database/sessions.js": UPGRADE_STEP_JS}, UNLOCKED) == []
