"""The gRPC/protobuf modules are shipped, never generated at run time (issue 15.2), and are exactly what the
pinned generators write from proto/ (so a .proto change without regeneration fails here)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from service.kit import Server, as_other_user, need_root
from shipgate.service import codegen

ROOT = Path(__file__).resolve().parents[2]


def test_committed_modules_are_what_the_generators_write() -> None:
    # Risk: a .proto edited without regenerating; the service then speaks an API its file does not describe.
    assert codegen.differences(ROOT) == []


def test_generated_modules_load_from_the_installed_package() -> None:
    script = (
        "import shipgate, shipgate.v1.shipgate_service_pb2 as pb, shipgate.v1.admin_service_pb2_grpc as g; "
        "from pathlib import Path; package = Path(shipgate.__file__).parent; "
        "print(Path(pb.__file__).parent == package / 'v1', Path(g.__file__).parent == package / 'v1', "
        "pb.VerifyRequest(chunk=b'x').SerializeToString().hex())"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout == "True True 120178\n"


def _old_cache_key() -> str:
    """The cache directory name the run-time generator used (grpcio-tools + proto files): predictable by anyone."""
    from importlib.metadata import version

    import grpc_tools

    digest = hashlib.sha256()
    digest.update(Path(grpc_tools.__file__).parent.name.encode())
    digest.update(version("grpcio-tools").encode())
    proto = ROOT / "proto"
    for path in sorted((proto / "shipgate" / "v1").glob("*.proto")):
        digest.update(str(path.relative_to(proto)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:24]


def test_modules_planted_in_the_temporary_directory_are_never_imported(
    pinned_home: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    # Risk (issue 15.2): with an unwritable cache the server generated and imported shipgate.v1 from
    # /tmp/shipgate-proto-<uid>/<key>; another local user who created that first ran code as the server's user.
    need_root()
    shared_tmp = Path(tempfile.mkdtemp(prefix="shipgate-shared-tmp-"))  # like /tmp: anyone may create there
    shared_tmp.chmod(0o1777)
    request.addfinalizer(lambda: shutil.rmtree(shared_tmp, ignore_errors=True))
    marker = tmp_path / "pwned"
    planted = shared_tmp / f"shipgate-proto-{os.getuid()}" / _old_cache_key() / "shipgate" / "v1"
    payload = f"open({str(marker)!r}, 'w').write('ran as ' + str(__import__('os').getuid()))\n"
    names = ("report_pb2", "shipgate_service_pb2", "shipgate_service_pb2_grpc", "admin_service_pb2")
    script = f"mkdir -p {planted} && touch {planted}/complete && " + " && ".join(
        f"printf '%s' \"$0\" > {planted}/{name}.py" for name in names
    )
    as_other_user(["sh", "-c", script, payload])
    unwritable_cache = tmp_path / "cache-is-a-file"
    unwritable_cache.write_text("")
    env = {"TMPDIR": str(shared_tmp), "XDG_CACHE_HOME": str(unwritable_cache), "HOME": str(unwritable_cache)}
    with Server(pinned_home, env=env) as server:
        assert server.info["event"] == "serving"
    assert not marker.exists()
