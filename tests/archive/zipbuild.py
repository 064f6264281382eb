"""A ZIP writer with every field in the test's hands, for regression archives that real tools write (or that
only an attacker writes): local and central extras, data descriptors of either width, ZIP64 records, counts,
modes, comments and raw compressed payloads. Only what a test sets differs from a plain, valid archive."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field

SIG_LOCAL, SIG_CENTRAL, SIG_DESCRIPTOR = 0x04034B50, 0x02014B50, 0x08074B50
SIG_EOCD, SIG_ZIP64_EOCD, SIG_ZIP64_LOCATOR = 0x06054B50, 0x06064B50, 0x07064B50
FLAG_DESCRIPTOR, FLAG_UTF8 = 1 << 3, 1 << 11
SAT32 = 0xFFFFFFFF


def extra(header_id: int, data: bytes) -> bytes:
    return struct.pack("<HH", header_id, len(data)) + data


def unicode_path(header_name: bytes, name: str) -> bytes:
    """The Info-ZIP Unicode path extra (0x7075): version 1, CRC-32 of the header name, the UTF-8 name."""
    return extra(0x7075, b"\x01" + struct.pack("<I", zlib.crc32(header_name)) + name.encode())


def deflate(data: bytes) -> bytes:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


@dataclass
class Member:
    name: str | bytes
    data: bytes = b""
    method: int = 0
    payload: bytes | None = None
    """The compressed bytes; default: ``data`` stored, or deflated for method 8."""
    mode: int | None = 0o100644
    """Unix mode in the external attributes (made by Unix); None: made by MS-DOS."""
    flags: int = 0
    local_extra: bytes = b""
    central_extra: bytes = b""
    comment: bytes = b""
    descriptor: str | None = None
    """None, "signed" or "unsigned": a data descriptor after the data (and bit 3 set)."""
    zip64_local: bool = False
    """Sizes 0xFFFFFFFF in the local header and a ZIP64 extra with both; the descriptor then has 8-byte sizes."""
    zip64_central: bool = False
    """Sizes and offset 0xFFFFFFFF in the central header and a ZIP64 extra with all three."""
    descriptor_wide: bool | None = None
    """Override the descriptor's size width (default: 8 bytes when ``zip64_local``)."""
    external: int | None = None
    """Raw external attributes (overrides ``mode``)."""
    comment_len: int | None = None
    """Override the central record's comment length field."""
    crc: int | None = None
    extras_after: bytes = field(default=b"")


def _payload(m: Member) -> bytes:
    if m.payload is not None:
        return m.payload
    return deflate(m.data) if m.method == 8 else m.data


def build(
    members: list[Member],
    *,
    comment: bytes = b"",
    prefix: bytes = b"",
    count: int | None = None,
    zip64_eocd: bool = False,
    locator_offset: int | None = None,
) -> bytes:
    """The archive's bytes. ``count`` overrides the end record's entry counts; ``zip64_eocd`` writes a
    ZIP64 end record and locator (with saturated classic fields); ``locator_offset`` writes only a locator,
    stating that offset, before a classic end record that needs none."""
    out = bytearray(prefix)
    central = bytearray()
    for m in members:
        name = m.name.encode() if isinstance(m.name, str) else m.name
        body = _payload(m)
        crc = zlib.crc32(m.data) if m.crc is None else m.crc
        flags = m.flags | (FLAG_DESCRIPTOR if m.descriptor else 0)
        offset = len(out) - len(prefix)
        csize, usize = len(body), len(m.data)
        local_extra = m.local_extra
        if m.zip64_local:
            local_extra = extra(1, struct.pack("<QQ", 0 if m.descriptor else usize, 0 if m.descriptor else csize))
            local_extra += m.local_extra
        if m.descriptor:
            l_crc, l_csize, l_usize = 0, 0, 0
        else:
            l_crc, l_csize, l_usize = crc, csize, usize
        if m.zip64_local:
            l_csize = l_usize = SAT32
        out += struct.pack("<IHHHHHIIIHH", SIG_LOCAL, 45 if m.zip64_local else 20, flags, m.method, 0, 0x5821,
                           l_crc, l_csize, l_usize, len(name), len(local_extra)) + name + local_extra + body
        if m.descriptor:
            wide = m.zip64_local if m.descriptor_wide is None else m.descriptor_wide
            sizes = struct.pack("<QQ" if wide else "<II", csize, usize)
            sig = struct.pack("<I", SIG_DESCRIPTOR) if m.descriptor == "signed" else b""
            out += sig + struct.pack("<I", crc) + sizes
        central_extra = m.central_extra
        c_csize, c_usize, c_offset = csize, usize, offset
        if m.zip64_central:
            central_extra = extra(1, struct.pack("<QQQ", usize, csize, offset)) + central_extra
            c_csize = c_usize = c_offset = SAT32
        if m.external is not None:
            made_by, external = 0x031E, m.external
        elif m.mode is None:
            made_by, external = 0x0014, 0
        else:
            made_by, external = 0x031E, m.mode << 16
        comment_len = len(m.comment) if m.comment_len is None else m.comment_len
        central += struct.pack("<IHHHHHHIIIHHHHHII", SIG_CENTRAL, made_by, 45 if m.zip64_central else 20, flags,
                               m.method, 0, 0x5821, crc, c_csize, c_usize, len(name), len(central_extra),
                               comment_len, 0, 0, external, c_offset) + name + central_extra + m.comment
    cd_offset = len(out) - len(prefix)
    out += central
    entries = len(members) if count is None else count
    if zip64_eocd:
        record_at = len(out) - len(prefix)
        out += struct.pack("<IQHHIIQQQQ", SIG_ZIP64_EOCD, 44, 45, 45, 0, 0, entries, entries, len(central), cd_offset)
        out += struct.pack("<IIQI", SIG_ZIP64_LOCATOR, 0, record_at, 1)
        out += struct.pack("<IHHHHIIH", SIG_EOCD, 0, 0, 0xFFFF, 0xFFFF, SAT32, SAT32, len(comment)) + comment
        return bytes(out)
    if locator_offset is not None:
        out += struct.pack("<IIQI", SIG_ZIP64_LOCATOR, 0, locator_offset, 1)
    small = entries & 0xFFFF
    out += struct.pack("<IHHHHIIH", SIG_EOCD, 0, 0, small, small, len(central), cd_offset, len(comment)) + comment
    return bytes(out)
