"""Hostile scripts and SQL are read within bounds (nesting, node count, bytes), never by recursion or time."""

from __future__ import annotations

import pytest
from preflight_kit import package, run

from shipgate.preflight import js_script
from shipgate.preflight.shell.commands import option_values
from shipgate.preflight.shell.reader import MAX_DEPTH, parse_script
from shipgate.preflight.sql import MAX_SQL_BYTES, parse_sql


def test_fifty_thousand_nested_quotes_stop_at_the_depth_bound() -> None:
    source = "echo " + '"$(echo ' * 50_000 + "x" + ')"' * 50_000 + "\n"
    script = parse_script(source[: 1024 * 1024], path="evil.sh")
    assert script.incomplete is not None and str(MAX_DEPTH) in script.incomplete


def test_deeply_nested_command_substitutions() -> None:
    script = parse_script("x=" + "$(" * 5000 + "id" + ")" * 5000 + "\nsudo true\n", path="evil.sh")
    assert script.incomplete is not None


def test_a_heredoc_that_never_ends_is_data() -> None:
    script = parse_script("cat <<EOF\n" + "sudo rm -rf /\n" * 20_000, path="evil.sh")
    assert [c.name for c in script.commands] == ["cat"]


def test_sql_over_the_bound_is_skipped_with_a_reason() -> None:
    sql = parse_sql("x" * (MAX_SQL_BYTES + 1), path="huge.sql")
    assert sql.statements == () and sql.skipped and "bound" in sql.skipped


def test_an_over_bound_script_says_so() -> None:
    deep = "x=" + "$(" * 5000 + "id" + ")" * 5000 + "\n"
    found = run(package({"scripts/evil.sh": "#!/bin/sh\n" + deep}))
    assert [(f.code, f.evidence.get("partial")) for f in found if f.code == "preflight.file_skipped"] == [
        ("preflight.file_skipped", True)
    ]


def test_a_long_chain_of_js_bindings_is_followed_in_one_pass() -> None:
    """20,000 ``const aN = aN-1`` from a fetch to a write, declared in the order that made a per-pass fixpoint take
    one pass per link (minutes, past the suite's timeout): each binding is read once, the chain followed as a
    worklist, and the write still reads as the download it is."""
    links = [f"const a{i} = a{i - 1};" for i in range(1, 20_000)]
    head = ["const fs = require('fs');", "const target = 'bin/tool';", "const a0 = await fetch(url);"]
    tail = ["fs.writeFileSync(target, a19999);", "fs.chmodSync(target, 0o755);", ""]
    text = "\n".join([*head, *links, *tail])
    assert len(text) < js_script.MAX_CHARS
    shell = dict(js_script.commands("install.js", text) or [])
    assert shell[20_003].startswith('curl -fsSL -o "${target}"') and shell[20_004].startswith("chmod 755")


def test_a_long_chain_of_js_functions_that_fetch_through_each_other_is_followed_in_one_pass() -> None:
    """10,000 functions, each returning what the next one declared fetches, declared callers first (one pass per link
    for a per-pass fixpoint): each body is read once, and data the outermost returns still reads as fetched."""
    chain = [f"function f{i}(u) {{ return f{i - 1}(u); }}" for i in range(10_000 - 1, 0, -1)]
    head = ["const fs = require('fs');", "const target = 'bin/tool';"]
    tail = ["function f0(u) { return fetch(u); }", "const data = f9999(url);", "fs.writeFileSync(target, data);", ""]
    text = "\n".join([*head, *chain, *tail])
    assert len(text) < js_script.MAX_CHARS
    shell = dict(js_script.commands("install.js", text) or [])
    assert shell[10_004].startswith('curl -fsSL -o "${target}"')


def test_a_long_chain_of_shell_functions_printing_a_downloaded_path_is_followed() -> None:
    """10,000 functions each ending by calling the next, the last one printing the path its ``curl -o`` saved:
    the path the outermost prints is still the download, made executable and run (membership in the script's
    functions is a set lookup and the printed-path chain a worklist, not a scan per command or per pass)."""
    chain = [f'f{i}() {{\n  f{i - 1} "$@"\n}}' for i in range(10_000 - 1, 0, -1)]
    head = '#!/bin/sh\nf0() {\n  curl -fsSL -o /tmp/tool "$1"\n  echo /tmp/tool\n}\n'
    text = head + "\n".join(chain) + '\np=$(f9999 https://example.org/tool)\nchmod +x "$p"\n"$p"\n'
    lines = text.splitlines()
    found = run(package({"scripts/install.sh": text}))
    assert [(f.code, f.evidence.get("line")) for f in found if f.code == "preflight.unverified_download_exec"] == [
        ("preflight.unverified_download_exec", lines.index('chmod +x "$p"') + 1)
    ]


def test_twenty_thousand_reassignments_of_one_variable_are_read_linearly() -> None:
    """``X="$X/0"`` … ``X="$X/19999"`` then ``rm -rf "$X"``: each use looks up the latest literal above it by
    bisection (not a scan back over every assignment) and a delete's assignments are judged once per variable,
    so the file is read in seconds (the scans made it quadratic: 2,000 lines took 15 CPU s); the target names
    an entry after the variable, so it is no ``rm -rf`` of an empty variable."""
    lines = [f'X="$X/{i}"' for i in range(20_000)]
    found = run(package({"scripts/install.sh": "#!/bin/sh\nset -e\n" + "\n".join(lines) + '\nrm -rf "$X"\n'}))
    assert [f.code for f in found if f.code == "preflight.rm_rf_variable"] == []
    script = parse_script("U=https://a.example/x\nU=$1\nU=$2\ncurl -fsSL $U | sh\n", path="x.sh")
    assert [w.value for c in script.commands if c.name == "curl" for w in c.words[-1:]] == ["https://a.example/x"]


def test_a_command_of_thousands_of_options_is_indexed_once() -> None:
    """``curl -o x -o x …`` (3,200 words) is asked for its options by every reader: the values come from an
    index built once per command (a scan of every word per question made such a file cost seconds), in the order
    written and in every form (``-o x``, ``-ox``, ``--output=x``)."""
    [command] = parse_script("curl " + "-o x " * 1600 + "\n", path="evil.sh").commands
    assert command.options is command.options and len(command.options.whole["-o"]) == 1600
    assert len(option_values(command, "-o", "--output")) == 1600
    [command] = parse_script("curl -sLoa --output=b -o c -xd -- -o e https://h.example/\n", path="x.sh").commands
    assert [w.text for w in option_values(command, "-o", "--output", "-x")] == ["b", "c", "d", "e"]


@pytest.mark.timeout(60)
def test_nine_thousand_deletes_are_judged_without_rescanning_the_script() -> None:
    """Each ``rm -rf`` asks whether the script set its target aside, unpacked it or staged its replacement: from
    the script's index of commands by name, not a scan of every command per delete (9,000 deletes took about 80
    CPU s so; now a few)."""
    lines = [f'T{i}=$(mktemp -d)\nrm -rf "$T{i}"\nrm -rf /var/lib/app/{i}' for i in range(9_000)]
    found = run(package({"scripts/install.sh": "#!/bin/bash\nset -e\n" + "\n".join(lines) + "\n"}))
    assert sum(f.code == "preflight.destructive_delete" for f in found) == 9_000


@pytest.mark.timeout(60)
def test_nine_thousand_functions_setting_one_global_are_read_without_comparing_every_pair() -> None:
    """Each function sets the global ``DIR`` and fetches into it: the values a command may see come from the
    assignments of its own function and the top level (an index by function), and those other functions set from
    a bounded window, not every pair of the 9,000 (about 90 CPU s so)."""
    body = 'f{0}() {{\n  DIR=/opt/app{0}\n  curl -fsSL https://h{0}.example/x -o "$DIR/x"\n}}'
    bodies = [body.format(i) for i in range(9_000)]
    source = "#!/bin/bash\nset -e\n" + "\n".join(bodies) + "\n" + "\n".join(f"f{i}" for i in range(9_000)) + "\n"
    found = run(package({"scripts/install.sh": source}))
    assert sum(f.code == "preflight.external_endpoint" for f in found) == 9_000


@pytest.mark.timeout(30)
def test_fifteen_thousand_generated_secrets_printed_find_their_assignment_by_bisection() -> None:
    """Each ``echo "$TOKENn"`` asks which assignments reach it, and so whether a command between the latest one and
    the echo may assign the name: from the sorted lines of such commands, not a scan of the script per question
    (15,000 took about 70 CPU s so)."""
    lines = [f'TOKEN{i}=$(openssl rand -hex 8)\necho "token: $TOKEN{i}"' for i in range(15_000)]
    found = run(package({"scripts/install.sh": "#!/bin/bash\nset -e\n" + "\n".join(lines) + "\n"}))
    assert sum(f.code == "preflight.secret_printed" for f in found) == 15_000


@pytest.mark.timeout(60)
def test_six_thousand_pulled_checkouts_are_found_by_their_directories() -> None:
    """``( cd /opt/pN; f )`` with ``fN`` pulling there and running its build, 6,000 times: a run is compared with the
    trees whose directory is above its path (an index of the trees by directory), not with every checkout so far
    (about two minutes so; now a few)."""
    bodies = [f"f{i}() {{ git pull; ./build.sh; }}\n( cd /opt/p{i}; f{i} )" for i in range(6_000)]
    found = run(package({"scripts/install.sh": "#!/bin/bash\n" + "\n".join(bodies) + "\n"}))
    assert sum(f.code == "preflight.unverified_download_exec" for f in found) == 6_000
