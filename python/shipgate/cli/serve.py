"""``shipgate serve [--config FILE] [--listen HOST:PORT] [--http-listen HOST:PORT]``: the verification
service (gRPC ``shipgate.v1``, health, reflection) and its HTTP side (AdmissionReview, JSON admit,
Prometheus metrics). Configuration: ``python/shipgate/service/config.py`` and the README."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "serve",
        help="run the verification service (gRPC + HTTP admission and metrics)",
        description="Serve shipgate.v1 over gRPC (Verify, GetVerdict, Admit, administration, health, "
        "reflection) and, with --http-listen, Kubernetes AdmissionReview, JSON admit and /metrics. "
        "Prints one JSON line with the bound addresses, then logs JSON lines on stderr. SIGTERM drains.",
    )
    p.add_argument("--config", metavar="FILE", help="service configuration TOML")
    p.add_argument("--listen", metavar="HOST:PORT", help="gRPC address (overrides the config; port 0 = any)")
    p.add_argument("--http-listen", metavar="HOST:PORT", help="HTTP address (overrides the config)")
    p.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from shipgate.home import home_dir
    from shipgate.service.config import ServiceConfig
    from shipgate.service.server import run as run_server

    config = ServiceConfig.load(Path(args.config) if args.config else None)
    overrides: dict[str, Any] = {}
    if args.listen:
        overrides["listen"] = args.listen
    if args.http_listen is not None:
        overrides["http_listen"] = args.http_listen
    if overrides:
        config = dataclasses.replace(config, **overrides)
    return run_server(config, home=home_dir(args.home), log_level=args.log_level)
