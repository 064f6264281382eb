"""Classes of mistakes the hundred-and-sixty-eighth hold-out set found (tests/preflight/holdout168: install-time
hooks of package managers — npm postinstall downloaders and shell step, two extconf.rb files, a setup.py, a Cargo
build script, a Composer script handler), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

UNVERIFIED = "preflight.unverified_download_exec"


# -- B: a Cargo build in a fresh clone of a branch runs the clone's build script and proc macros -----------------------

_CLONE_AND_BUILD = (
    "%x(git clone https://github.com/example/native_ext)",
    'Dir.chdir("native_ext")',
    "%x(cargo build --release)",
    'mv("target/release/libnative.so", "../../lib/")',
)


def test_b_cargo_build_in_a_cloned_branch_runs_its_code() -> None:
    text = "\n".join(_CLONE_AND_BUILD) + "\n"
    assert codes_at({"ext/extconf.rb": text}, UNVERIFIED) == [3]
    shell = "#!/bin/sh\ngit clone https://github.com/example/tool\ncd tool\ncargo test\n"
    assert codes_at({"install.sh": shell}, UNVERIFIED) == [4]


def test_b_near_miss_cargo_that_reads_nothing_of_the_clone_stays_quiet() -> None:
    for tail in ("cargo install ripgrep", "cargo --version", "cargo fetch"):
        shell = f"#!/bin/sh\ngit clone https://github.com/example/tool\ncd tool\n{tail}\n"
        assert codes_at({"install.sh": shell}, UNVERIFIED) == [], tail


def test_b_near_miss_a_clone_pinned_to_a_full_commit_is_verified() -> None:
    shell = (
        "#!/bin/sh\n"
        "git clone https://github.com/example/tool\n"
        "cd tool\n"
        "git checkout 0123456789abcdef0123456789abcdef01234567\n"
        "cargo build --release\n"
    )
    assert codes_at({"install.sh": shell}, UNVERIFIED) == []
