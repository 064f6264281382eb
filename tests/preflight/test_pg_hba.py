"""``preflight.authentication_disabled``: a shipped ``pg_hba.conf`` that trusts a network, beside the trust rules
that stay info (local socket, loopback) and the records that ask for a password.

Risk covered: a package that opens its database to a whole address range with no password passing as plain
configuration."""

from __future__ import annotations

from preflight_kit import package, run

from shipgate.findings import Severity

CODE = "preflight.authentication_disabled"
HBA = """# TYPE  DATABASE  USER  ADDRESS  METHOD
local   all   postgres                    trust
host    all   all      127.0.0.1/32       trust
host    all   all      ::1/128            trust
host    all   all      localhost          trust
host    all   all      10.0.0.0/8         trust   # the cluster network
hostssl all   all      192.168.0.0 255.255.0.0 trust
host    all   all      all                trust
host    all   all      0.0.0.0/0          scram-sha-256
host    replication all 10.1.0.0/16       md5
"""


def test_trust_beyond_the_host_is_high_and_the_host_itself_is_info() -> None:
    found = [f for f in run(package({"config/pg_hba.conf": HBA})) if f.code == CODE]
    assert [(f.evidence.get("line"), f.severity, f.evidence.get("address")) for f in found] == [
        (2, Severity.INFO, "the local socket"),
        (3, Severity.INFO, "127.0.0.1/32"),
        (4, Severity.INFO, "::1/128"),
        (5, Severity.INFO, "localhost"),
        (6, Severity.HIGH, "10.0.0.0/8"),
        (7, Severity.HIGH, "192.168.0.0"),
        (8, Severity.HIGH, "all"),
    ]


def test_other_files_and_commented_records_are_not_read_as_pg_hba() -> None:
    commented = "# host all all 10.0.0.0/8 trust\nhost all all 10.0.0.0/8 scram-sha-256\n"
    assert [f for f in run(package({"config/pg_hba.conf": commented})) if f.code == CODE] == []
    assert [f for f in run(package({"docs/access.txt": HBA})) if f.code == CODE] == []
