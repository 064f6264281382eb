"""Classes the two-hundred-and-twenty-second hold-out set showed (tests/preflight/holdout222: container entrypoints
and start scripts of self-hosted products), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import in_script

UNVERIFIED = "preflight.unverified_download_exec"

# -- A: ``java OPTIONS -jar FILE`` runs FILE: the launcher's options may come before ``-jar`` -------------------------

_FETCH = "curl -fsSL https://downloads.example.com/server -o /opt/game/server.bin"


def test_a_jar_run_after_heap_options_is_the_download_run() -> None:
    # mmzhi's Minecraft start script: ``exec java -Xmx2G -jar $server nogui`` after the jar's curl
    assert in_script(UNVERIFIED, _FETCH, "exec java -Xmx2G -jar /opt/game/server.bin nogui") == [4]


def test_a_jar_run_after_a_classpath_and_properties_is_the_download_run() -> None:
    run = "java -Xms1G -cp /opt/game/lib -Dlog.level=info -jar /opt/game/server.bin"
    assert in_script(UNVERIFIED, _FETCH, run) == [4]


def test_a_jar_as_the_main_class_argument_is_not_run_by_the_launcher() -> None:
    # ``-jar`` after the main class is the program's own argument, not the launcher's
    assert in_script(UNVERIFIED, _FETCH, "java -Xmx1G org.example.Main -jar /opt/game/server.bin") == []


def test_a_launcher_options_alone_run_nothing() -> None:
    assert in_script(UNVERIFIED, _FETCH, "java -Xmx1G -version") == []


def test_a_the_launcher_running_another_jar_is_quiet() -> None:
    assert in_script(UNVERIFIED, _FETCH, "java -Xmx2G -jar /usr/share/game/shipped.jar") == []
