"""Classes of mistakes the twelfth hold-out set found (tests/preflight/holdout12: upgrade scripts, scriptlets stored
as standalone files, backup/restore hooks and an agent installer), each as its minimal construct next to a near-miss
that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import in_script

# -- A: sudo found at run time (``maybe_sudo=$(command -v sudo)``) is escalation ---------------------------------


def test_a_an_escalator_looked_up_at_run_time_is_sudo() -> None:
    lines = (
        'maybe_sudo=""',
        'if [ "$(id -u)" != "0" ]; then',
        "  maybe_sudo=$(command -v sudo)",
        "  $maybe_sudo -k",
        "fi",
        "$maybe_sudo apt-get install -y vendor-agent",
        "echo ok | $maybe_sudo tee /etc/vendor.conf",
    )
    assert in_script("preflight.sudo_unavailable", *lines) == [8, 9]
    assert in_script("preflight.implicit_privilege", *lines) == []
    which = ("SUDO=`which doas`", "$SUDO apt-get install -y vendor-agent")
    assert in_script("preflight.sudo_unavailable", *which) == [4]


def test_a_a_looked_up_tool_that_does_not_escalate_is_not_sudo() -> None:
    lines = ("CURL=$(command -v curl)", "RUN=$(command -v sudo-wrapper)", "$RUN $CURL -fsSO x.tgz", "$CURL -fsSO y")
    assert in_script("preflight.sudo_unavailable", *lines) == []
