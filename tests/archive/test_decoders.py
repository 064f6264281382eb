"""Differential tests of the bzip2, Deflate64 and PPMd decoders (rust/zip/decode/) against second implementations in C:
libbz2 (Python's bz2), zlib's infback9 (the inflate64 package) and 7-Zip's PPMd (the pyppmd package). Valid streams
and seeded mutations of them (flipped bits, changed bytes, cuts, repeated slices) go into one archive, each entry
declaring the CRC and size of what the reference decodes (or of the original when it rejects the mutant): whatever
shipgate verifies, the reference decoded to the same bytes. (LZMA, XZ and Zstandard are compared in Rust against
lzma-rs and ruzstd: rust/zip/decode/tests.rs; longer runs: fuzz/fuzz_targets/decoders.rs.)"""

from __future__ import annotations

import bz2
import hashlib
import random
import zlib
from collections.abc import Callable
from pathlib import Path

import inflate64
import pyppmd
import pytest
from zipbuild import Member, build

from shipgate.archive import inspect

WORDS = b"vendor upgrade dten migrate schema restart binary 42 0xdeadbeef \n".split(b" ")


def _text(rng: random.Random, n: int) -> bytes:
    return b" ".join(rng.choice(WORDS) for _ in range(n))


def _bz2_reference(stream: bytes) -> bytes | None:
    d = bz2.BZ2Decompressor()
    try:
        out = d.decompress(stream)
    except (OSError, ValueError, EOFError):
        return None
    return out if d.eof else None


def _deflate64_reference(stream: bytes) -> bytes | None:
    i = inflate64.Inflater()
    try:
        out = i.inflate(stream)
    except (ValueError, RuntimeError, EOFError, OSError):
        return None
    return out if i.eof else None


def _deflate64(data: bytes) -> bytes:
    d = inflate64.Deflater()
    return bytes(d.deflate(data) + d.flush())


def _mutants(stream: bytes, rng: random.Random, count: int) -> list[bytes]:
    out = []
    for i in range(count):
        m = bytearray(stream)
        kind = i % 4
        if kind == 0:
            m[rng.randrange(len(m))] ^= 1 << rng.randrange(8)
        elif kind == 1:
            m[rng.randrange(len(m))] = rng.randrange(256)
        elif kind == 2:
            del m[rng.randrange(len(m)):]
        else:
            a, b = sorted((rng.randrange(len(m)), rng.randrange(len(m))))
            at = rng.randrange(len(m))
            m[at:at] = m[a:b]
        out.append(bytes(m))
    return out


# A PPMd entry (APPNOTE 5.10): the parameter word — order 6, a 16 MiB model, restore by restarting — then the
# stream with its end mark, as 7-Zip writes it.
PPMD_ORDER, PPMD_MIB = 6, 16
PPMD_WORD = (PPMD_ORDER - 1 | (PPMD_MIB - 1) << 4).to_bytes(2, "little")


def _ppmd(data: bytes) -> bytes:
    encoder = pyppmd.Ppmd8Encoder(PPMD_ORDER, PPMD_MIB << 20, 0)
    return PPMD_WORD + encoder.encode(data) + encoder.flush()


def _ppmd_reference(entry: bytes) -> bytes | None:
    """7-Zip's reading of the entry: its parameter word, then the stream up to the end mark."""
    if len(entry) < 2:
        return None
    word = int.from_bytes(entry[:2], "little")
    order, mib, restore = (word & 0xF) + 1, (word >> 4 & 0xFF) + 1, word >> 12
    if order < 2 or restore > 1 or mib > 192:  # 192 MiB: shipgate's decoder memory bound, reported apart
        return None
    decoder = pyppmd.Ppmd8Decoder(order, mib << 20, restore)
    try:
        out = decoder.decode(entry[2:], 1 << 20)  # the originals are far smaller: more is a runaway mutant
    except (ValueError, RuntimeError, EOFError, OSError):
        return None
    return out if decoder.eof else None


CASES: dict[str, tuple[int, Callable[[bytes], bytes], Callable[[bytes], bytes | None]]] = {
    "bzip2": (12, bz2.compress, _bz2_reference),
    "deflate64": (9, _deflate64, _deflate64_reference),
    "ppmd": (98, _ppmd, _ppmd_reference),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_what_shipgate_verifies_the_reference_decodes_the_same(tmp_path: Path, name: str) -> None:
    method, compress, reference = CASES[name]
    rng = random.Random(method)
    originals = [_text(rng, n) for n in (0, 1, 50, 5_000, 60_000)]
    members, expected = [], {}
    for k, data in enumerate(originals):
        stream = compress(data)
        assert reference(stream) == data
        for j, mutant in enumerate([stream, *_mutants(stream, rng, 150)]):
            decoded = reference(mutant)
            declared = data if decoded is None else decoded
            entry = f"{k}/{j}"
            members.append(Member(entry, declared, method=method, payload=mutant, crc=zlib.crc32(declared)))
            expected[entry] = decoded
    path = tmp_path / f"{name}.zip"
    path.write_bytes(build(members))
    report = inspect(path)
    verified = {e.name: e.digests["sha256"] for e in report.entries if e.verified}
    assert len(verified) >= len(originals)  # at least every valid stream
    for entry, digest in verified.items():
        decoded = expected[entry]
        assert decoded is not None, f"{entry}: shipgate verified a stream the reference rejects"
        assert digest == hashlib.sha256(decoded).hexdigest(), entry
    # Valid streams are never refused.
    assert all(f"{k}/0" in verified for k in range(len(originals)))
