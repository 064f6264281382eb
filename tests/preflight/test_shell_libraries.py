"""Shell libraries with no shebang and no ``.sh`` are read as shell: when a script of the package sources them, or
when their text is clearly shell (functions and control flow that tree-sitter-bash reads without an error). A
``KEY=value`` file stays configuration."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight.contents import Kind, refine_kind

_FALLBACK = 'if [ -z "$DBROPW" ]; then\n  DBROPW=kamailioro\nfi\n'
_DEFAULT = "preflight.default_credential"


def test_a_library_the_package_sources_is_shell() -> None:
    tool = '#!/bin/sh\nLIBDIR="/usr/lib/tool//ctl"\n. "$LIBDIR/tool.base"\nmysql -p"$DBROPW"\n'
    files: dict[str, str | bytes] = {"usr/sbin/tool": tool, "usr/lib/tool/ctl/tool.base": _FALLBACK}
    assert codes_at(files, _DEFAULT) == [2]
    beside = {"bin/tool": "#!/bin/sh\nsource ./common\n", "bin/common": _FALLBACK}
    assert codes_at(beside, _DEFAULT) == [2]


def test_a_library_no_script_sources_is_configuration_unless_clearly_shell() -> None:
    # a fallback written as a test, with no function: nothing says shell; read as configuration, not a default
    assert codes_at({"usr/lib/tool/tool.base": _FALLBACK}, _DEFAULT) == []
    library = "prompt() {\n  read -r answer\n}\n" + _FALLBACK
    assert codes_at({"usr/lib/tool/tool.base": library}, _DEFAULT) == [5]


def test_a_firewall_step_of_a_hardening_library_is_read() -> None:
    library = 'function f_firewall {\n  if [ "$FW" = yes ]; then\n    ufw disable\n  fi\n}\n'
    assert codes_at({"scripts/02_firewall": library}, "preflight.protection_disabled") == [3]


def test_key_value_files_and_other_languages_stay_what_they_are() -> None:
    env = "DB_HOST=localhost\nDB_USER=app\nMODE=${MODE:-prod}\n"
    assert refine_kind(Kind.CONFIG, env, "etc/default/tool") is Kind.CONFIG
    js = "function start() {\n  if (x) { run(); }\n}\n"
    assert refine_kind(Kind.CONFIG, js, "static/app.js") is Kind.CONFIG
    broken = "setup() {\n  if [ -x /bin/true ]; then\n    echo yes\n}\n"  # no fi: not read as shell
    assert refine_kind(Kind.CONFIG, broken, "lib/setup") is Kind.CONFIG
    assert refine_kind(Kind.CONFIG, "prompt() {\n  if true; then :; fi\n}\n", "lib/prompt") is Kind.SHELL
