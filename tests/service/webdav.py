"""A real downstream repository for the gate's tests: nginx (Debian ``nginx`` + ``libnginx-mod-http-dav-ext``)
serving WebDAV ``PUT`` on 127.0.0.1, started in the foreground from a configuration written into the test's
own directory, with HTTP basic authentication and an access log of the headers the gate sends."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

NGINX = "/usr/sbin/nginx"
DAV_EXT = Path("/usr/lib/nginx/modules/ngx_http_dav_ext_module.so")
USER, PASSWORD = "shipgate", "downstream-secret-8c1f"

CONFIG = """
daemon off;
master_process off;
pid {root}/nginx.pid;
error_log {root}/error.log info;
load_module {dav_ext};
events {{ worker_connections 64; }}
http {{
    log_format gate '$request_method $uri $status verdict=$http_x_shipgate_verdict sha256=$http_x_shipgate_sha256 '
                    'blake3=$http_x_shipgate_blake3 checksum=$http_x_checksum_sha256 repr=$http_repr_digest '
                    'length=$content_length';
    access_log {root}/access.log gate;
    client_body_temp_path {root}/body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root}/store;
        client_max_body_size 0;
        location / {{
            dav_methods PUT DELETE MKCOL;
            dav_ext_methods PROPFIND OPTIONS;
            create_full_put_path on;
            dav_access user:rw;
            auth_basic "repository";
            auth_basic_user_file {root}/htpasswd;
        }}
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class WebDav:
    """nginx with WebDAV on 127.0.0.1; ``store`` is its document root (what it keeps on disk)."""

    def __init__(self, root: Path) -> None:
        if not Path(NGINX).exists() or not DAV_EXT.exists():
            pytest.skip("needs nginx and libnginx-mod-http-dav-ext (apt; .ci/run installs them)")
        self.root = root
        self.store = root / "store"
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self) -> WebDav:
        for sub in ("store", "body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        (self.root / "htpasswd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
        conf = self.root / "nginx.conf"
        conf.write_text(CONFIG.format(root=self.root, port=self.port, dav_ext=DAV_EXT))
        self.proc = subprocess.Popen(
            [NGINX, "-p", str(self.root), "-e", str(self.root / "error.log"), "-c", str(conf)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"nginx exited: {self.proc.stderr.read() if self.proc.stderr else b''!r}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise AssertionError("nginx did not start listening")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=20)

    def stored(self) -> list[str]:
        """Paths of the files nginx keeps, relative to its root."""
        return sorted(str(p.relative_to(self.store)) for p in self.store.rglob("*") if p.is_file())

    def puts(self) -> list[str]:
        """The access log's PUT lines."""
        log = self.root / "access.log"
        return [line for line in log.read_text().splitlines() if line.startswith("PUT ")] if log.exists() else []

    def __enter__(self) -> WebDav:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
        shutil.rmtree(self.root / "body", ignore_errors=True)
