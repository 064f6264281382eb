"""Classes of mistakes the fifty-sixth hold-out set found (tests/preflight/holdout56: install and upgrade programs
written in Python, JavaScript/TypeScript, PHP, Ruby and Go), each as its minimal construct next to a near-miss that
must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

PRIVILEGE = "preflight.implicit_privilege"


# -- A: ldconfig that only prints the linker cache changes nothing -------------------------------------------------


def test_a_ldconfig_printing_its_cache_needs_no_root() -> None:
    assert in_script(PRIVILEGE, "ldconfig -p | grep libxcb") == []
    assert in_script(PRIVILEGE, "/sbin/ldconfig --print-cache") == []
    program = "#!/usr/bin/env python3\nimport subprocess\nsubprocess.run(['/sbin/ldconfig', '-p'], check=True)\n"
    assert codes_at({"scripts/install.py": program}, PRIVILEGE) == []


def test_a_near_miss_ldconfig_that_rebuilds_the_cache_is_still_root_only() -> None:
    assert in_script(PRIVILEGE, "ldconfig") == [3]
    assert in_script(PRIVILEGE, "ldconfig /opt/dten/lib") == [3]
    program = "#!/usr/bin/env python3\nimport subprocess\nsubprocess.run(['/sbin/ldconfig'], check=True)\n"
    assert codes_at({"scripts/install.py": program}, PRIVILEGE) == [3]


# -- B: a Rails generator's actions run commands (rake, bundle_command, run) ---------------------------------------

HIDDEN = "preflight.hidden_migration"
EGRESS = "preflight.implicit_egress"
GENERATOR_PATH = "lib/generators/dten/install/install_generator.rb"


def _generator(superclass: str, *body: str) -> str:
    lines = ["module Dten", f"  class InstallGenerator < {superclass}", *(f"    {b}" for b in body), "  end", "end"]
    return "\n".join(lines) + "\n"


def test_b_generator_actions_are_the_commands_they_run() -> None:
    text = _generator(
        "Rails::Generators::AppBase",
        "def install_admin",
        "  bundle_command 'add dten_admin'",
        "end",
        "def run_migrations",
        "  rake 'db:migrate'",
        "end",
        "def fetch_assets",
        "  run 'bundle install'",
        "end",
    )
    files = {GENERATOR_PATH: text}
    assert codes_at(files, HIDDEN) == [7]
    assert codes_at(files, EGRESS) == [4, 10]


def test_b_a_thor_group_and_rails_command_are_read_the_same_way() -> None:
    text = _generator("Thor::Group", "def migrate", "  rails_command 'db:migrate'", "end")
    assert codes_at({GENERATOR_PATH: text}, HIDDEN) == [4]


def test_b_near_miss_the_same_calls_outside_a_generator_and_bundle_add_skip_install() -> None:
    plain = _generator(
        "Dten::Task", "def migrate", "  rake 'db:migrate'", "end", "def gems", "  run 'bundle install'", "end"
    )
    assert codes_at({GENERATOR_PATH: plain}, HIDDEN) == []
    assert codes_at({GENERATOR_PATH: plain}, EGRESS) == []
    skip = _generator("Rails::Generators::Base", "def admin", "  bundle_command 'add dten_admin --skip-install'", "end")
    assert codes_at({GENERATOR_PATH: skip}, EGRESS) == []
    status = _generator("Rails::Generators::Base", "def status", "  rake 'db:migrate:status'", "end")
    assert codes_at({GENERATOR_PATH: status}, HIDDEN) == []


# -- C: URLs in the messages a Ruby program prints or raises are mentions ------------------------------------------

ENDPOINT = "preflight.external_endpoint"
RUBY_PATH = "bin/dten-update"


def _ruby(*lines: str) -> dict[str, str | bytes]:
    return {RUBY_PATH: "#!/usr/bin/env ruby\n" + "\n".join(lines) + "\n"}


def test_c_urls_a_ruby_program_prints_or_raises_are_not_contacted_hosts() -> None:
    files = _ruby(
        '$stdout.puts "[-] reinstall from the installers (http://downloads.dten.io/get ),"',
        'puts "see https://docs.dten.io/update"',
        'warn("mirror list: " + "https://mirrors.dten.io/list")',
        'raise RuntimeError, "register first at https://portal.dten.io/register"',
        'raise UpdateError.new("try https://status.dten.io later")',
    )
    assert codes_at(files, ENDPOINT) == []


def test_c_near_miss_a_url_a_ruby_program_runs_or_keeps_stays_a_host() -> None:
    files = _ruby(
        'system("curl", "-fsSL", "https://downloads.dten.io/dten.tar.gz")',
        'MIRROR = "https://mirrors.dten.io/list"',
        'puts "fetching"; system("wget https://cdn.dten.io/x.tgz")',
    )
    assert codes_at(files, ENDPOINT) == [2, 3, 4]
