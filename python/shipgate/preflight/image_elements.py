"""Scripts and files of a diskimage-builder element: the image being built runs them, not the host.

diskimage-builder (``disk-image-create``, OpenStack's machine image builder) builds an image from elements, folders
under an ``elements/`` folder (``elements/<element>/``). The scripts of an element's in-image phases
(``pre-install.d``, ``install.d``, ``post-install.d``, ``finalise.d``) run as root inside the chroot of the image
being built, and the files of its ``static/`` folder are copied into the image, to run on the machines booted from it
(a load balancer's firewall script, a unit's helper). What they change (services, users, firewall rules, kernel
modules, files) is the image's, not the host's being installed: the privilege and system-state checks do not read
them. Their downloads still go out through the build host's network while the image is built, so the egress check
reads the in-image phases' scripts. The phases that run on the build host itself (``root.d``, ``extra-data.d``,
``block-device.d``, ``cleanup.d``) stay steps.
"""

from __future__ import annotations

import re

_IN_IMAGE_PHASE = re.compile(r"(?:^|/)elements/[^/]+/(?:pre-install|install|post-install|finalise)\.d/")
_STATIC = re.compile(r"(?:^|/)elements/[^/]+/static/")


def is_image_build_step(path: str) -> bool:
    """A script of an element's in-image phase (``elements/agent/install.d/75-agent-install``): run in the chroot
    of the image being built, over the build host's network."""
    return bool(_IN_IMAGE_PHASE.search(path))


def is_in_image(path: str) -> bool:
    """A file whose doing is the built image's: an in-image phase's script, or a file the element copies into the
    image (``elements/agent/static/usr/local/bin/masquerade.sh``)."""
    return is_image_build_step(path) or bool(_STATIC.search(path))
