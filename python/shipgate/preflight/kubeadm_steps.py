"""What a ``kubeadm`` command line does to the node (docs/preflight.md, "Privilege" and "Egress").

kubeadm's own documentation ("kubeadm init", "kubeadm config images"): ``kubeadm config images pull`` pulls the
control-plane images through the container runtime's socket (root's), and ``kubeadm init`` pulls the same images in
its preflight phase before it writes ``/etc/kubernetes``; ``join``, ``reset`` and ``upgrade`` refuse to run unless
root (their ``IsPrivilegedUser`` preflight check). ``kubeadm version``, ``token list``, ``config print`` only read."""

from __future__ import annotations

# kubeadm options that take a value as the next word (``--config kubeadm.yaml``): not the subcommand.
_VALUE_OPTIONS = frozenset(
    {"--config", "--kubernetes-version", "--cri-socket", "--image-repository", "--kubeconfig", "-v", "--v"}
)
_ROOT_COMMANDS = frozenset({"init", "join", "reset", "upgrade"})


def _subcommand(args: list[str]) -> list[str]:
    """kubeadm's positional words: the subcommand path and its operands, options and their values left out."""
    words: list[str] = []
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg.startswith("-"):
            skip = arg in _VALUE_OPTIONS
        else:
            words.append(arg)
    return words


def pulls_images(args: list[str]) -> bool:
    """``kubeadm config images pull`` or ``kubeadm init`` (not one of its ``phase`` steps): the control-plane images
    are pulled from the image repository (registry.k8s.io unless ``--image-repository`` names another)."""
    words = _subcommand(args)
    return words[:3] == ["config", "images", "pull"] or (words[:1] == ["init"] and words[1:2] != ["phase"])


def node_step(args: list[str]) -> bool:
    """A kubeadm step that needs root: the image pull, or a subcommand that sets the node up or tears it down."""
    words = _subcommand(args)
    return pulls_images(args) or (words[:1] != [] and words[0] in _ROOT_COMMANDS)
