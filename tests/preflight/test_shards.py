"""Preflight read in shards across worker processes reports what one process reports, in the same order.

Risk covered: a scanner run shard by shard (``shards.LOCAL``) that reads across files, or findings put back in
another order, would make a large package's report depend on how many CPUs were idle. The package is the whole
real-world corpus (scripts, SQL, units, crontabs, config) with a migration run from a script, so lock context
and unit names cross files, and a configuration file's findings come before the scripts' in path order."""

from __future__ import annotations

from corpus_score import load_labels
from preflight_kit import INVENTORY, package

from shipgate.findings import Finding
from shipgate.preflight import PreflightOptions, facts, preflight_and_facts


def _package() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {f"{e.repo}/{e.path}": e.location.read_bytes() for e in load_labels()}
    # First and last in path order, so in different shards: lock context and unit names cross them.
    files["zz/migrate.sh"] = "#!/bin/sh\npsql -f db/0001_add.sql\nsystemctl enable --now dten-extra.service\n"
    files["0-units/dten-extra.service"] = "[Unit]\nDescription=x\n[Service]\nExecStart=/usr/bin/dten-extra\n"
    files["db/0001_add.sql"] = "ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 0;\n"
    files["0-repos/vendor.repo"] = "[vendor]\nbaseurl=https://rpm.vendor.io/el9\nsslverify=0\n"  # before every script
    # A library sourced by a script in another shard: the script is read again with its variables once the whole
    # package is parsed, and its shard's per-file findings are found again from that reading.
    files["00-lib/common.sh"] = 'SUDO="sudo -E"\n'
    files["zz/install.sh"] = "#!/bin/sh\n. ../00-lib/common.sh\n$SUDO apt-get install -y dten-agent\n"
    return files


def _as_rows(findings: list[Finding]) -> list[tuple[object, ...]]:
    return [(f.code, f.severity, f.path, f.message, f.remedy, repr(f.evidence)) for f in findings]


def test_sharded_reading_reports_what_one_process_reports() -> None:
    contents = package(_package())
    one, one_facts = preflight_and_facts(contents, inventory=INVENTORY, options=PreflightOptions(workers=1))
    three, three_facts = preflight_and_facts(contents, inventory=INVENTORY, options=PreflightOptions(workers=3))
    assert len(one) > 100 and {f.code for f in one} >= {"preflight.external_endpoint", "preflight.pipe_to_shell"}
    assert [(f.code, f.evidence.get("line")) for f in one if f.path == "zz/install.sh"] == [
        ("preflight.sudo_unavailable", 3),
        ("preflight.implicit_egress", 3),
    ]
    assert _as_rows(three) == _as_rows(one)
    assert three_facts == one_facts
    assert facts(contents, options=PreflightOptions(workers=3)) == one_facts  # the plan's reading alone


def _sdist_package() -> dict[str, str | bytes]:
    """A few real files, and an sdist's files whose reading rests on facts of other files (each with its near miss):
    PKG-INFO makes ``examples/`` documentation, ``setup.py`` names a command the operator runs, cloud-init runs a
    ``user-data`` script as root (also once it is read again with a library's variables)."""
    files: dict[str, str | bytes] = {f"{e.repo}/{e.path}": e.location.read_bytes() for e in load_labels()[::7]}
    fetch = "#!/bin/sh\ncurl -fsS https://api.dten-cloud.io/v1/status\n"
    restart = "#!/bin/sh\nsudo systemctl restart dten\n"
    install = "#!/bin/sh\n. ../lib/common.sh\n$SUDO apt-get install -y dten-agent\n"
    files.update(
        {
            "PKG-INFO": "Metadata-Version: 2.1\nName: dten\nVersion: 7.4.0\n",
            "examples/fetch.sh": fetch,
            "scripts/fetch.sh": fetch,
            "setup.py": 'from setuptools import setup\nsetup(name="dten", scripts=["tools/reset-dten"])\n',
            "tools/reset-dten": restart,
            "tools/restart.sh": restart,
            "lib/common.sh": 'SUDO="sudo -E"\n',
            "deploy/user-data.sh": install,
            "deploy/install.sh": install,
            "etc/nginx/sites-available/dten.conf": "location / { proxy_pass https://up.dten-cloud.io; }\n",
        }
    )
    return files


# downloads reports cron jobs, then services' command lines, then settings (whatever their paths' order), with no
# script read again (which took the findings of every file in path order)
_STAGES_PACKAGE: dict[str, str | bytes] = {
    "cron/dten.cron": "0 1 * * * root curl -k https://mirror.dten-cloud.io/feed -o /var/lib/dten/feed\n",
    "units/dten-sync.service": "[Service]\nExecStart=/usr/bin/curl -k https://mirror.dten-cloud.io/\n",
    "0-repos/dten.repo": "[dten]\nbaseurl=https://rpm.dten-cloud.io/el9\nsslverify=0\n",
}
_SYSTEM_PACKAGE: dict[str, str | bytes] = {  # a helper the postinst runs is a step; another payload tool is not
    "postinst": "#!/bin/sh\nset -e\n/usr/share/dten/migrate.sh\n",
    "usr/share/dten/migrate.sh": "#!/bin/sh\ncurl -fsSL https://get.dten-cloud.io/setup | sh\n",
    "usr/share/dten/tool.sh": "#!/bin/sh\ncurl -fsSL https://get.dten-cloud.io/setup | sh\n",
}


def _one_and_sharded(files: dict[str, str | bytes]) -> list[tuple[object, ...]]:
    """The findings read by one process, asserted the same (in the same order) as by two reading one file a shard."""
    contents = package(files)
    one = preflight_and_facts(contents, inventory=INVENTORY, options=PreflightOptions(workers=1))
    two = preflight_and_facts(contents, inventory=INVENTORY, options=PreflightOptions(workers=2, shard_files=1))
    assert _as_rows(two[0]) == _as_rows(one[0])
    assert two[1] == one[1]
    return [(f.code, f.path, f.evidence.get("line"), f.evidence.get("contacted")) for f in one[0]]


def test_package_wide_facts_do_not_depend_on_the_shards() -> None:
    found = _one_and_sharded(_sdist_package())
    assert ("preflight.external_endpoint", "examples/fetch.sh", 2, False) in found
    assert ("preflight.external_endpoint", "scripts/fetch.sh", 2, True) in found
    sudo = {path for code, path, _, _ in found if code == "preflight.sudo_unavailable"}
    assert {"tools/restart.sh", "deploy/install.sh"} <= sudo
    assert not {"tools/reset-dten", "deploy/user-data.sh"} & sudo
    offered = [c for c in found if c[1] == "etc/nginx/sites-available/dten.conf"]
    assert offered == [("preflight.external_endpoint", "etc/nginx/sites-available/dten.conf", 1, False)]
    staged = _one_and_sharded(_STAGES_PACKAGE) + _one_and_sharded({**_STAGES_PACKAGE, **_sdist_package()})
    tls = [path for code, path, _, _ in staged if code == "preflight.tls_verification_disabled"]
    assert tls == ["cron/dten.cron", "units/dten-sync.service", "0-repos/dten.repo"] * 2
    system = _one_and_sharded(_SYSTEM_PACKAGE)
    piped = {path for code, path, _, _ in system if code == "preflight.pipe_to_shell"}
    assert piped == {"usr/share/dten/migrate.sh"}
