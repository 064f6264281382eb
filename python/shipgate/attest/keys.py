"""shipgate's own attestation key: ``<home>/attest/signing-key.pem`` (PKCS#8, mode 0600), Ed25519 when
shipgate creates it on first use; an operator may put an ECDSA P-256 key there instead. The public key
is written beside it (``signing-key.pub.pem``) for whoever verifies the attestations.

An existing key is used only when it is a regular file (not a symlink) owned by this user with no group or
other access: a key others can read signs for them, one others can write signs what they chose."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from shipgate.attest.dsse import PrivateKey, PublicKey
from shipgate.errors import MalformedInput, UnsupportedInput, UntrustedInput

KEY_NAME = "signing-key.pem"
PUBLIC_NAME = "signing-key.pub.pem"


def key_paths(home: Path) -> tuple[Path, Path]:
    base = home / "attest"
    return base / KEY_NAME, base / PUBLIC_NAME


def keyid(public: PublicKey) -> str:
    """SHA-256 of the SubjectPublicKeyInfo DER, hex."""
    der = public.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(der).hexdigest()


def public_pem(public: PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def load_or_create_key(home: Path) -> PrivateKey:
    path, pub_path = key_paths(home)
    if path.exists() or path.is_symlink():
        try:
            key = serialization.load_pem_private_key(_read_private(path), password=None)
        except (ValueError, TypeError, OSError) as exc:
            raise MalformedInput(f"attestation key {path}: cannot be loaded: {exc}") from None
        if isinstance(key, ed25519.Ed25519PrivateKey) or (
            isinstance(key, ec.EllipticCurvePrivateKey) and isinstance(key.curve, ec.SECP256R1)
        ):
            return key
        raise UnsupportedInput(f"attestation key {path}: must be Ed25519 or ECDSA P-256")
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    new = ed25519.Ed25519PrivateKey.generate()
    pem = new.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(pem)
    pub_path.write_bytes(public_pem(new.public_key()))
    return new


def _read_private(path: Path) -> bytes:
    """The key file's bytes, if only this user can reach it (else :class:`UntrustedInput`)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as exc:
        raise UntrustedInput(f"attestation key {path}: cannot be opened safely ({exc.strerror}); refused") from None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        mode = stat.S_IMODE(info.st_mode)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid() or mode & 0o077:
            raise UntrustedInput(
                f"attestation key {path} has mode {mode:04o} and owner uid {info.st_uid}; refused: it must be a file "
                f"owned by this user (uid {os.geteuid()}) with mode 0600 (chmod 600 {path})"
            )
        return f.read(1 << 20)


def load_public_key(path: Path) -> PublicKey:
    key = serialization.load_pem_public_key(path.read_bytes())
    if isinstance(key, ed25519.Ed25519PublicKey | ec.EllipticCurvePublicKey):
        return key
    raise UnsupportedInput(f"{path}: not an Ed25519 or ECDSA public key")
