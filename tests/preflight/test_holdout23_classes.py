"""Classes the twenty-third hold-out set showed (tests/preflight/holdout23: shell scripts that start containers, VMs
and cluster objects), each as its minimal construct next to a near-miss that must stay quiet or stay reported."""

from __future__ import annotations

from preflight_kit import in_script, package, run, script

from shipgate.findings import Severity

HOST = "preflight.container_host_access"
EGRESS = "preflight.implicit_egress"


def _grants(*lines: str) -> list[tuple[int | None, Severity]]:
    found = run(package({"scripts/deploy.sh": script(*lines)}))
    return sorted((f.evidence.get("line"), f.severity) for f in found if f.code == HOST)


# -- A: host grants on an engine's command line ------------------------------------------------------------------


def test_a_run_and_create_flags_that_hand_over_the_host_are_reported_at_their_lines() -> None:
    # Sourcegraph's cAdvisor and node-exporter, Home Assistant's supervisor: one finding per grant, at its option
    assert _grants(
        "sudo docker run --detach \\",
        "    --pid='host' \\",
        "    --volume=/:/rootfs:ro \\",
        "    -v /var/run/docker.sock:/var/run/docker.sock \\",
        "    --privileged \\",
        "    vendor/agent:1.0",
    ) == [(4, Severity.HIGH), (5, Severity.HIGH), (6, Severity.HIGH), (7, Severity.HIGH)]
    # two grants on one line are two findings (dev-scripts' podman run -d --net host --privileged --pod …)
    assert _grants("sudo podman run -d --net host --privileged --name web --pod ironic-pod vendor/web") == [
        (3, Severity.MEDIUM),
        (3, Severity.HIGH),
    ]
    # ``docker container create``, ``--mount type=bind``, capabilities, raw devices, confinement switched off
    assert _grants(
        "docker container create --name s -v /run/containerd/containerd.sock:/run/containerd/containerd.sock img",
        "nerdctl run --mount type=bind,source=/etc,target=/host/etc --cap-add SYS_ADMIN img",
        "docker run --device /dev/sda:/dev/sda --cap-add=sys_time --security-opt seccomp=unconfined img",
        "docker service create --mount type=bind,src=/var/run/docker.sock,dst=/var/run/docker.sock img",
    ) == [
        (3, Severity.HIGH),
        (4, Severity.HIGH),
        (4, Severity.HIGH),
        (5, Severity.MEDIUM),
        (5, Severity.MEDIUM),
        (5, Severity.HIGH),
        (6, Severity.HIGH),
    ]


def test_a_near_misses_grant_nothing_of_the_host() -> None:
    # kind's registry: a loopback publish and the default bridge; a named volume, the product's own directory,
    # a rootless socket, /sys, a narrow device, a profile of the product's own, NET_ADMIN, privileged=false
    assert (
        _grants(
            'docker run -d --restart=always -p "127.0.0.1:5001:5000" --network bridge --name reg registry:3',
            'docker run -v data:/var/lib/app -v "$(pwd)/config":/tmp/config -v /srv/app:/app img',
            "podman run -v /run/user/1000/podman/podman.sock:/var/run/docker.sock -v /sys:/sys:ro img",
            "docker run --device=/dev/kmsg --device /dev/net/tun --cap-add NET_ADMIN --privileged=false img",
            'docker container create --security-opt apparmor="hassio-supervisor" -v /etc/machine-id:/mid img',
            "docker exec --privileged web sh",  # exec runs in a container that already exists: no new grant
            "docker run img --privileged -v /:/host",  # after the image: the container's own arguments
        )
        == []
    )


# -- B: which image an engine's run names, and images built or tagged here ----------------------------------------


def test_b_pod_and_authfile_values_are_not_taken_for_the_image() -> None:
    # dev-scripts: ``--authfile FILE`` and ``--pod NAME`` take a value; the image pulled first is not fetched again
    assert in_script(
        EGRESS,
        "sudo podman pull --authfile $AUTH quay.io/vendor/ironic:1.0",
        "sudo podman run -d --net host --name ironic --pod ironic-pod quay.io/vendor/ironic:1.0",
    ) == [3]
    # near-miss: a second image is still a fetch of its own
    assert in_script(
        EGRESS,
        "sudo podman pull --authfile $AUTH quay.io/vendor/ironic:1.0",
        "sudo podman run -d --pod ironic-pod quay.io/vendor/httpd:2.4",
    ) == [3, 4]
