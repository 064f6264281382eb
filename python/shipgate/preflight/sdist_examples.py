"""The examples a Python source distribution carries beside its product.

An sdist (``PKG-INFO`` at the tree's root, the core metadata every sdist starts with) installs its packages and the
data files its build names; a top-level ``examples/`` folder (or ``example/``, or one named ``example_<what>``/
``example-<what>``: HyperKitty's ``example_project/``, a Django project to run it with; or ``samples/``: zaqar's
sample clients in several languages, ``samples/python-zaqarclient/…`` with a session token) is in the tarball for
people to read and copy (JupyterHub's ``examples/service-notebook/…/jupyterhub_config.py`` with a sample API
token, an example service's ``Dockerfile``), not installed and not run by the install. Their credentials are
examples, as in documentation (a value in a token's own format is still reported), and the hosts their scripts
contact are contacted only when someone runs the example; the crontab of an example is installed only when someone
copies it.

The same holds for an ``examples/`` folder right inside one of the sdist's top-level Python packages
(``<package>/examples/``, the package having its ``__init__.py``): the product ships it as package data for people
to copy (an example machine-translation backend, an example ``docker-compose.yml``) and never imports or runs it.

A single file under ``examples/`` with no sdist around it (a repository's ``examples/systemd/x.service``) is read
by what it does: the folder alone says nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_FOLDER = re.compile(r"^(?:examples?|samples?)(?:[_-][\w-]+)?/")
# ``<package>/examples/…``: the examples folder of a top-level package
_PACKAGE_FOLDER = re.compile(r"^([\w-]+)/(?:examples?|samples?)(?:[_-][\w-]+)?/")


def sdist_example_paths(paths: Iterable[str]) -> frozenset[str]:
    """The paths under the top-level ``examples/`` folder of a tree that is an sdist, or under the ``examples/``
    folder of one of its top-level Python packages; empty for any other tree."""
    listed = list(paths)
    if "PKG-INFO" not in listed:
        return frozenset()
    packages = {p.partition("/")[0] for p in listed if p.count("/") == 1 and p.endswith("/__init__.py")}
    return frozenset(p for p in listed if _FOLDER.match(p) or _in_package_examples(p, packages))


def _in_package_examples(path: str, packages: set[str]) -> bool:
    match = _PACKAGE_FOLDER.match(path)
    return match is not None and match.group(1) in packages
