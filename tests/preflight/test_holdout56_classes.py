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
