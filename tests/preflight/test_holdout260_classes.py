"""Classes the two-hundred-and-sixtieth hold-out set showed (tests/preflight/holdout260: cloud-init user data, Vagrant
and Packer provisioner scripts), each as its minimal construct next to near-misses that must stay quiet."""

from __future__ import annotations

from preflight_kit import in_script

DOWNLOAD = "preflight.unverified_download_exec"

# -- C: manifests from a branch clone applied to the cluster ----------------------------------------------------------


def test_c_manifests_of_a_branch_clone_applied_are_reported() -> None:
    lines = (
        "git clone --single-branch https://github.com/example/operator.git /root/operator",
        "kubectl apply -f /root/operator/deploy/crds.yaml",
        "kubectl apply -f /root/operator/deploy/operator.yaml",
    )
    assert in_script(DOWNLOAD, *lines) == [4]
    relative = (
        "git clone https://github.com/example/stack.git",
        "kubectl apply --server-side -f stack/manifests/setup",
    )
    assert in_script(DOWNLOAD, *relative) == [4]


def test_c_own_manifests_pinned_clones_and_reads_are_quiet() -> None:
    # the script's own manifest, not fetched
    assert in_script(DOWNLOAD, "kubectl apply -f /root/grafana.yaml") == []
    # a clone checked out at a full commit id
    pinned = (
        "git clone https://github.com/example/operator.git /root/operator",
        "git -C /root/operator checkout 0123456789abcdef0123456789abcdef01234567",
        "kubectl apply -f /root/operator/deploy/operator.yaml",
    )
    assert in_script(DOWNLOAD, *pinned) == []
    # reading the cluster with the clone's file is no apply
    clone = "git clone https://github.com/example/operator.git /root/operator"
    assert in_script(DOWNLOAD, clone, "kubectl get -f /root/operator/deploy/operator.yaml") == []
    assert in_script(DOWNLOAD, clone, "kubectl diff -f /root/operator/deploy/operator.yaml") == []
