"""Classes the hundredth hold-out set showed (tests/preflight/holdout100: shell installers, update and upgrade
scripts), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

UNVERIFIED = "preflight.unverified_download_exec"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a URL whose last part ends in a substitution names the file it is saved under --------------------------------


def test_a_a_url_named_for_the_machine_saves_under_that_name() -> None:
    installer = _text(
        "#!/bin/sh",  # 1
        "wget https://github.com/acme/agent/raw/main/RELEASE/agent_$(uname -m)",  # 2
        "chmod +x agent_$(uname -m)",  # 3
        "cp agent_$(uname -m) /usr/local/bin/agent",  # 4
    )
    assert codes_at({"install.sh": installer}, UNVERIFIED) == [3]


def test_a_also_for_curl_remote_name() -> None:
    installer = _text(
        "#!/bin/sh",  # 1
        "curl -fsSLO https://downloads.example.com/agent/agent-linux-`uname -m`",  # 2
        "sh ./agent-linux-`uname -m`",  # 3
    )
    assert codes_at({"install.sh": installer}, UNVERIFIED) == [3]


def test_near_miss_a_a_url_an_api_answer_gives_is_saved_under_a_name_not_known() -> None:
    # the substitution gives the whole last part from a query of the API (it holds a ``/``): the file's name is
    # the server's, and a later ``chmod +x agent`` names another file
    installer = _text(
        "#!/bin/sh",  # 1
        "wget https://example.com/dl/$(curl -fsSL https://api.example.com/latest | cut -d/ -f2)",  # 2
        "chmod +x agent",  # 3
    )
    assert codes_at({"install.sh": installer}, UNVERIFIED) == []
