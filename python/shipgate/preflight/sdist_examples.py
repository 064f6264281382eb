"""The examples a Python source distribution carries beside its product.

An sdist (``PKG-INFO`` at the tree's root, the core metadata every sdist starts with) installs its packages and the
data files its build names; a top-level ``examples/`` folder (or ``example/``, or one named ``example_<what>``/
``example-<what>``: HyperKitty's ``example_project/``, a Django project to run it with) is in the tarball for
people to read and copy (JupyterHub's ``examples/service-notebook/…/jupyterhub_config.py`` with a sample API
token, an example service's ``Dockerfile``), not installed and not run by the install. Their credentials are
examples, as in documentation (a value in a token's own format is still reported), and the hosts their scripts
contact are contacted only when someone runs the example; the crontab of an example is installed only when someone
copies it.

A single file under ``examples/`` with no sdist around it (a repository's ``examples/systemd/x.service``) is read
by what it does: the folder alone says nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_FOLDER = re.compile(r"^examples?(?:[_-][\w-]+)?/")


def sdist_example_paths(paths: Iterable[str]) -> frozenset[str]:
    """The paths under the top-level ``examples/`` folder of a tree that is an sdist; empty for any other tree."""
    listed = list(paths)
    if "PKG-INFO" not in listed:
        return frozenset()
    return frozenset(p for p in listed if _FOLDER.match(p))
