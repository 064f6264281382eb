"""Stops and restarts asked of supervisors the service managers of ``plan.interrupts`` do not cover: macOS's
launchd (``launchctl``), s6 (``s6-svc``, ``s6-svscanctl``, ``s6-rc``) and Kubernetes' scale to zero.

- ``launchctl unload|bootout|stop|remove|kill`` ends the job (launchd may start it again on demand, it is still an
  interruption); ``kickstart -k`` kills the running instance and starts it again. ``load``, ``bootstrap``,
  ``start``, ``enable``, ``list``, ``print`` stop nothing.
- ``s6-svc`` sends its letters to a supervised service: ``-d``/``-D`` bring it down, ``-k``/``-t`` signal it (s6
  restarts it), ``-r`` restarts it; ``-u``/``-U``/``-o`` bring it up. ``s6-svscanctl -t`` ends the scan and every
  service it supervises (a container's whole s6 tree). ``s6-rc -d change X`` brings X down.
- ``kubectl scale … --replicas=0`` stops every pod of what it scales; any other count changes capacity and is not
  read as a stop (``rollout restart`` is read in ``plan.interrupts``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from shipgate.preflight.shell.model import Command

_LAUNCHD_STOPS = frozenset({"unload", "bootout", "stop", "remove", "kill"})
_S6_SVC_STOPS = frozenset("dDkt")
_S6_SVC_RESTARTS = frozenset("r")
# kubectl's options that take a value in the next word (the resource is the first word that is not one).
_KUBECTL_VALUE_OPTIONS = frozenset({"-n", "--namespace", "-l", "--selector", "-f", "--filename", "--context",
                                    "--kubeconfig", "--current-replicas", "--resource-version", "--timeout"})


def _letters(words: list[str]) -> set[str]:
    return {ch for w in words if w.startswith("-") and not w.startswith("--") for ch in w[1:]}


def _launchd_job(target: str) -> str:
    """The job a ``launchctl`` target names: a plist's base name without ``.plist``, a ``system/LABEL``'s label."""
    last = posixpath.basename(target.rstrip("/"))
    return last.removesuffix(".plist") or target


def _launchctl(words: list[str]) -> Iterator[tuple[str, str]]:
    ops = [w for w in words if not w.startswith("-")]
    if not ops:
        return
    verb, targets = ops[0], ops[1:]
    if verb == "kickstart" and "-k" in words:
        yield from (("restart", _launchd_job(t)) for t in targets)
    elif verb in _LAUNCHD_STOPS:
        if verb == "kill":
            targets = targets[1:]  # ``launchctl kill SIGNAL TARGET``
        elif verb == "bootout" and len(targets) > 1:
            targets = targets[1:]  # ``launchctl bootout DOMAIN PLIST…``
        yield from (("stop", _launchd_job(t)) for t in targets)


def _s6(name: str, words: list[str]) -> Iterator[tuple[str, str]]:
    letters, ops = _letters(words), [w for w in words if not w.startswith("-")]
    if name == "s6-svc":
        verb = "restart" if letters & _S6_SVC_RESTARTS else "stop" if letters & _S6_SVC_STOPS else None
        if verb is not None:
            yield from ((verb, posixpath.basename(d.rstrip("/")) or d) for d in ops)
    elif name == "s6-svscanctl" and "t" in letters:
        yield from (("stop", f"every service supervised under {d}") for d in ops)
    elif name == "s6-rc" and ops[:1] == ["change"] and letters & {"d", "D"}:
        yield from (("stop", svc) for svc in ops[1:])


def _scaled_to_zero(words: list[str]) -> Iterator[tuple[str, str]]:
    start = 0
    while start < len(words) and words[start].startswith("-"):  # ``kubectl -n ns scale …``
        start += 2 if words[start] in _KUBECTL_VALUE_OPTIONS else 1
    if words[start:start + 1] != ["scale"]:
        return
    replicas, targets, i = None, [], start + 1
    while i < len(words):
        w = words[i]
        if w.startswith("--replicas="):
            replicas = w.split("=", 1)[1]
        elif w == "--replicas" and i + 1 < len(words):
            replicas, i = words[i + 1], i + 1
        elif w in _KUBECTL_VALUE_OPTIONS:
            i += 1
        elif not w.startswith("-"):
            targets.append(w)
        i += 1
    if replicas == "0":
        yield "stop", " ".join(targets) or "the scaled resources"


def supervised_stops(c: Command) -> Iterator[tuple[str, str]]:
    """(verb, what) for each job, service or workload the command asks launchd, s6 or Kubernetes to stop."""
    words = [w.text for w in c.words]
    if c.name == "launchctl":
        yield from _launchctl(words)
    elif c.name in ("s6-svc", "s6-svscanctl", "s6-rc"):
        yield from _s6(c.name, words)
    elif c.name == "kubectl":
        yield from _scaled_to_zero(words)
