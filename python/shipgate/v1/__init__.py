"""``shipgate.v1``: the generated gRPC/protobuf modules of ``proto/shipgate/v1/`` (``report_pb2``,
``shipgate_service_pb2``, ``shipgate_service_pb2_grpc``, ``admin_service_pb2``...).

Nothing generated is committed: importing this package generates the code once into a cache directory
(:mod:`shipgate.service.codegen`) and adds it to this package's path.
"""

from __future__ import annotations

from typing import Any

from shipgate.service.codegen import PROTO_PACKAGE, generated_dir

__path__.append(str(generated_dir() / PROTO_PACKAGE))


def __getattr__(name: str) -> Any:
    # Generated submodules are imported on demand (``from shipgate.v1 import report_pb2``); for type
    # checkers every attribute is ``Any`` since the modules do not exist before the first import.
    raise AttributeError(name)
