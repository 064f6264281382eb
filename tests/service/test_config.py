"""The service configuration is read strictly; identities map to roles."""

from __future__ import annotations

from pathlib import Path

import pytest

from shipgate.service.config import ServiceConfig, ServiceConfigError
from shipgate.service.identity import caller_from_names


def load(tmp_path: Path, text: str) -> ServiceConfig:
    path = tmp_path / "serve.toml"
    path.write_text(text)
    return ServiceConfig.load(path)


def test_config_reads_every_section(tmp_path: Path) -> None:
    config = load(
        tmp_path,
        """
listen = "0.0.0.0:9000"
http_listen = "127.0.0.1:9001"
[policies]
default = "p/default.toml"
[environments]
prod = "/etc/envs/prod.toml"
[limits]
max_archive_bytes = 1024
upload_deadline_seconds = 2.5
spool_dir = "spool"
spool_direct_io = false
verify_while_uploading = false
[tls]
cert = "s.pem"
key = "s.key"
client_ca = "ca.pem"
[roles]
admin = ["CN=ops"]
[admission]
fail_open = true
""",
    )
    assert (config.listen, config.http_listen) == ("0.0.0.0:9000", "127.0.0.1:9001")
    assert config.policies == {"default": tmp_path / "p/default.toml"}
    assert config.environments == {"prod": Path("/etc/envs/prod.toml")}
    assert (config.limits.max_archive_bytes, config.limits.upload_deadline_seconds) == (1024, 2.5)
    assert config.limits.spool_dir == tmp_path / "spool"
    assert (config.limits.spool_direct_io, config.limits.verify_while_uploading) == (False, False)
    assert config.tls is not None and config.tls.client_ca == tmp_path / "ca.pem"
    assert config.fail_open is True
    assert config.anonymous_roles() == frozenset()  # mTLS: no anonymous roles


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("lisen = 'x'", "unknown keys ['lisen']"),
        ("[limits]\nmax_archive_bytes = -1", "max_archive_bytes must be an integer >= 1, not -1"),
        ("[limits]\nupload_deadline_seconds = 'soon'", "upload_deadline_seconds must be a positive number"),
        ("[tls]\ncert = 'a.pem'", "[tls] needs both cert and key"),
        (
            "[roles]\nallow_anonymous = ['admin']",
            "allow_anonymous may hold uploader, admission, metrics, status, not 'admin'",
        ),
        ("[roles]\nunauthenticated = ['uploader']", "unauthenticated is now allow_anonymous"),
        (
            "[tls]\ncert = 'a.pem'\nkey = 'a.key'\nrequire_client_cert = true",
            "require_client_cert = true needs client_ca",
        ),
        (
            "[tls]\ncert = 'a.pem'\nkey = 'a.key'\nclient_ca = 'ca.pem'\nrequire_client_cert = false",
            "gRPC cannot ask for an optional client certificate",
        ),
        ("[roles]\nadmin = 'CN=ops'", "admin must be a list of non-empty strings"),
        ("[admission]\nfail_open = 'yes'", "fail_open must be true or false"),
        ("listen = ", "not TOML"),
    ],
)
def test_config_errors_name_the_key(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ServiceConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load(tmp_path, text)


def test_identities_map_to_roles(tmp_path: Path) -> None:
    config = load(
        tmp_path,
        '[roles]\nadmin = ["CN=ops"]\nuploader = ["DNS:repo.example.net"]\nadmission = ["*"]\n',
    )
    ops = caller_from_names(["CN=ops", "DNS:ops.example.net"], config, authenticated=True)
    assert (ops.name, ops.roles) == ("ops", frozenset({"admin", "admission"}))
    repo = caller_from_names(["DNS:repo.example.net"], config, authenticated=True)
    assert (repo.name, repo.roles) == ("DNS:repo.example.net", frozenset({"uploader", "admission"}))
    anonymous = caller_from_names(["CN=ops"], config, authenticated=False)  # names without a verified cert
    assert (anonymous.name, anonymous.roles) == (
        "anonymous",
        frozenset({"uploader", "admission", "metrics", "status"}),
    )
