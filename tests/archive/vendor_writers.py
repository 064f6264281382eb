"""Builders for archives written by the tools vendor packages come from, beyond the ones test_real_tools.py
has always built: Android's zipalign and apksigner (an APK Signing Block before the central directory), the
JDK's jar and jarsigner, Go's archive/zip, Rust's zip crate, Mono's ZipArchive, Info-ZIP's update, delete,
repair and split modes, 7-Zip's update, Chrome's CRX3 layout, CPython's zipapp and append mode, and
LibreOffice. Each builder is ``build(src, out)``; a tool that is not installed skips (fails under CI when
.ci/run installs it)."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import struct
import subprocess
import zipapp
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from realtools import require_tool


def optional_tool(name: str) -> str:
    """A tool CI does not install (too large for what it adds: Go, Mono, LibreOffice): skipped where missing.
    What it writes is also kept under tests/archive/writers/ and checked everywhere."""
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (its archives are checked from tests/archive/writers/)")
    return path

BIG = 1_600_000  # more than 1 MiB
UNICODE_NAME = "docs/Überblick-日本語.txt"


def tree(root: Path) -> dict[str, bytes]:
    """Ordinary contents, the same every time: directories, an empty file, a file over 1 MiB, a Unicode name."""
    text = b"".join(b"%06d dten.backoff.v2 vendor release notes line\n" % i for i in range(2_000))
    noise = random.Random(52)
    files = {
        "doc/notes.txt": text[:24_000],
        "bin/tool": noise.randbytes(8_000),
        "readme": b"hello\n",
        "empty": b"",
        "data/big.bin": noise.randbytes(4_096) + (text[:30_000] * (BIG // 30_000 + 1))[:BIG],
        UNICODE_NAME: "Grüße\n".encode(),
    }
    return write_tree(root, files)


def write_tree(root: Path, files: dict[str, bytes]) -> dict[str, bytes]:
    """``files`` written under ``root``, ``bin/tool`` executable, and an empty directory beside them."""
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    (root / "bin" / "tool").chmod(0o755)
    (root / "empty-dir").mkdir()
    return files


def run(argv: list[str], cwd: Path, stdout: Path | None = None, env: dict[str, str] | None = None) -> None:
    """Run a tool; with ``stdout``, through a pipe so the tool sees a non-seekable output."""
    full_env = {**os.environ, **(env or {})}
    if stdout is None:
        subprocess.run(argv, cwd=cwd, check=True, capture_output=True, env=full_env)
        return
    proc = subprocess.run(argv, cwd=cwd, check=True, capture_output=True, env=full_env)
    stdout.write_bytes(proc.stdout)


def _files(src: Path) -> list[Path]:
    return sorted(p for p in src.rglob("*") if p.is_file())


# --- Android -------------------------------------------------------------------------------------------------

def _keystore(work: Path) -> Path:
    ks = work / "release.p12"
    if not ks.exists():
        run([require_tool("keytool"), "-genkeypair", "-keystore", str(ks), "-storetype", "PKCS12", "-storepass",
             "android", "-keypass", "android", "-alias", "release", "-keyalg", "RSA", "-keysize", "2048",
             "-validity", "3650", "-dname", "CN=Vendor Release"], work)
    return ks


def _unsigned_apk(src: Path, out: Path) -> None:
    """What an Android build packs: a manifest, code, native libraries and resources.arsc stored (zipalign
    page-aligns them), the rest deflated."""
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("AndroidManifest.xml", b"\x03\x00\x08\x00" + os.urandom(600))
        zf.writestr(zipfile.ZipInfo("resources.arsc"), os.urandom(3_001), compress_type=zipfile.ZIP_STORED)
        zf.writestr(zipfile.ZipInfo("lib/x86_64/libvendor.so"), b"\x7fELF" + os.urandom(70_001),
                    compress_type=zipfile.ZIP_STORED)
        zf.writestr("classes.dex", b"dex\n035\x00" + os.urandom(40_000))
        for path in _files(src):
            zf.write(path, "assets/" + path.relative_to(src).as_posix())


def apk_signed(src: Path, out: Path) -> None:
    """zipalign -p 4, then apksigner (v1 JAR signature, v2 and v3 in the APK Signing Block)."""
    zipalign, apksigner = require_tool("zipalign"), require_tool("apksigner")
    work = out.parent
    unsigned, aligned = work / "unsigned.apk", work / "aligned.apk"
    _unsigned_apk(src, unsigned)
    run([zipalign, "-p", "-f", "4", str(unsigned), str(aligned)], work)
    ks = _keystore(work)
    run([apksigner, "sign", "--ks", str(ks), "--ks-pass", "pass:android", "--min-sdk-version", "21",
         "--v1-signing-enabled", "true", "--v2-signing-enabled", "true", "--v3-signing-enabled", "true",
         "--out", str(out), str(aligned)], work)


def apk_aligned(src: Path, out: Path) -> None:
    """zipalign alone, on an archive from Python's zipfile: padding in the stored entries' local extra fields."""
    unsigned = out.parent / "unsigned.apk"
    _unsigned_apk(src, unsigned)
    run([require_tool("zipalign"), "-p", "-f", "4", str(unsigned), str(out)], out.parent)


# --- the JDK -------------------------------------------------------------------------------------------------

def jar_plain(src: Path, out: Path) -> None:
    run([require_tool("jar"), "--create", "--file", str(out), "-C", str(src), "."], src)


def jar_stored_dated(src: Path, out: Path) -> None:
    run([require_tool("jar"), "--create", "--no-compress", "--date", "2021-03-04T05:06:07Z", "--file", str(out),
         "-C", str(src), "."], src)


def jar_signed(src: Path, out: Path) -> None:
    """jar, then jarsigner: META-INF/RELEASE.SF and RELEASE.RSA added, the manifest rewritten with digests."""
    jar_plain(src, out)
    ks = _keystore(out.parent)
    run([require_tool("jarsigner"), "-keystore", str(ks), "-storepass", "android", "-storetype", "PKCS12",
         str(out), "release"], out.parent)


# --- Go, Rust, Mono ------------------------------------------------------------------------------------------

GO = """package main

import (
\t"archive/zip"
\t"io"
\t"io/fs"
\t"os"
\t"path/filepath"
)

// args: OUT SRC; "-" as OUT writes to stdout. Files deflated (streamed, data descriptors), readme stored.
func main() {
\tvar w io.Writer = os.Stdout
\tif os.Args[1] != "-" {
\t\tf, err := os.Create(os.Args[1])
\t\tif err != nil {
\t\t\tpanic(err)
\t\t}
\t\tdefer f.Close()
\t\tw = f
\t}
\tz := zip.NewWriter(w)
\troot := os.Args[2]
\terr := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
\t\tif err != nil || p == root {
\t\t\treturn err
\t\t}
\t\trel, _ := filepath.Rel(root, p)
\t\tinfo, _ := d.Info()
\t\th, _ := zip.FileInfoHeader(info)
\t\th.Name = filepath.ToSlash(rel)
\t\tif d.IsDir() {
\t\t\th.Name += "/"
\t\t\t_, err := z.CreateHeader(h)
\t\t\treturn err
\t\t}
\t\th.Method = zip.Deflate
\t\tif rel == "readme" {
\t\t\th.Method = zip.Store
\t\t}
\t\tout, err := z.CreateHeader(h)
\t\tif err != nil {
\t\t\treturn err
\t\t}
\t\tdata, err := os.ReadFile(p)
\t\tif err != nil {
\t\t\treturn err
\t\t}
\t\t_, err = out.Write(data)
\t\treturn err
\t})
\tif err != nil {
\t\tpanic(err)
\t}
\tif err := z.SetComment("built by archive/zip"); err != nil {
\t\tpanic(err)
\t}
\tif err := z.Close(); err != nil {
\t\tpanic(err)
\t}
}
"""


def _go_binary(work: Path) -> Path:
    go = optional_tool("go")
    prog = work / "gozip"
    prog.mkdir(exist_ok=True)
    (prog / "main.go").write_text(GO)
    env = {"GOCACHE": str(work / "gocache"), "GOPATH": str(work / "gopath"), "GO111MODULE": "off"}
    run([go, "build", "-o", "gozip", "main.go"], prog, env=env)
    return prog / "gozip"


def go_zip(src: Path, out: Path) -> None:
    run([str(_go_binary(out.parent)), str(out), str(src)], out.parent)


def go_zip_pipe(src: Path, out: Path) -> None:
    run([str(_go_binary(out.parent)), "-", str(src)], out.parent, stdout=out)


def rust_zip(mode: str) -> Callable[[Path, Path], None]:
    """The zip crate's writer: tests/archive/writers/zipw.rs built with cargo, its path in
    $SHIPGATE_RUST_ZIP_WRITER (CI does not fetch crates for it: its archives are kept in tests/archive/writers/)."""

    def build(src: Path, out: Path) -> None:
        writer = os.environ.get("SHIPGATE_RUST_ZIP_WRITER", "")
        if not writer or not Path(writer).exists():
            pytest.skip("the zip-crate writer is not built ($SHIPGATE_RUST_ZIP_WRITER)")
        if mode == "stream":
            run([writer, "-", str(src), mode], out.parent, stdout=out)
        else:
            run([writer, str(out), str(src), mode], out.parent)

    build.__name__ = f"rust_zip_{mode}"
    return build


CSHARP = """using System;
using System.IO;
using System.IO.Compression;

class Pack {
    // args: OUT SRC; "-" writes to stdout (a non-seekable stream: data descriptors).
    static void Main(string[] args) {
        Stream stream = args[0] == "-" ? Console.OpenStandardOutput() : File.Create(args[0]);
        string root = Path.GetFullPath(args[1]);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create)) {
            foreach (var dir in Directory.GetDirectories(root, "*", SearchOption.AllDirectories))
                zip.CreateEntry(dir.Substring(root.Length + 1).Replace('\\\\', '/') + "/");
            foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories)) {
                var entry = zip.CreateEntry(file.Substring(root.Length + 1).Replace('\\\\', '/'));
                using (var output = entry.Open())
                using (var input = File.OpenRead(file))
                    input.CopyTo(output);
            }
        }
    }
}
"""


def _mono_binary(work: Path) -> Path:
    mcs = optional_tool("mcs")
    (work / "Pack.cs").write_text(CSHARP)
    run([mcs, "-r:System.IO.Compression.dll", "-out:Pack.exe", "Pack.cs"], work)
    return work / "Pack.exe"


def mono_zip(src: Path, out: Path) -> None:
    run([optional_tool("mono"), str(_mono_binary(out.parent)), str(out), str(src)], out.parent)


def mono_zip_pipe(src: Path, out: Path) -> None:
    run([optional_tool("mono"), str(_mono_binary(out.parent)), "-", str(src)], out.parent, stdout=out)


# --- Info-ZIP and 7-Zip changing an archive in place ---------------------------------------------------------

def _zip(*args: str, cwd: Path) -> None:
    run([require_tool("zip"), *args], cwd)


def _change(src: Path, path: Path, data: bytes) -> None:
    """Write ``data`` with a time a minute later than the tree's, so an update sees it as newer."""
    path.write_bytes(data)
    later = max(p.stat().st_mtime for p in src.rglob("*")) + 60
    os.utime(path, (later, later))


def info_zip_update(src: Path, out: Path) -> None:
    """zip -r, then a file grown, one shrunk and one added, and zip -u."""
    _zip("-qr", str(out), ".", cwd=src)
    _change(src, src / "readme", b"hello again, a longer readme\n" * 50)
    _change(src, src / "doc" / "notes.txt", b"short notes\n")
    _change(src, src / "added.txt", b"added later\n")
    _zip("-qru", str(out), ".", cwd=src)


def info_zip_delete(src: Path, out: Path) -> None:
    """zip -r, then zip -d of an entry in the middle."""
    _zip("-qr", str(out), ".", cwd=src)
    _zip("-qd", str(out), "bin/tool", cwd=src)
    (src / "bin" / "tool").unlink()


def info_zip_fix_valid(src: Path, out: Path) -> None:
    """zip -FF over a valid archive (what a packager does to be safe)."""
    plain = out.with_suffix(".orig.zip")
    _zip("-qr", str(plain), ".", cwd=src)
    subprocess.run([require_tool("zip"), "-FF", str(plain), "--out", str(out)], cwd=src, check=True,
                   capture_output=True, input=b"y\n")


def info_zip_fix_truncated(src: Path, out: Path) -> None:
    """zip -FF over an archive whose central directory was cut off: the directory rebuilt from the local
    headers."""
    plain = out.with_suffix(".orig.zip")
    _zip("-qr", str(plain), ".", cwd=src)
    with zipfile.ZipFile(plain) as zf:
        start = min(i.header_offset for i in zf.infolist())
        cd = max(i.header_offset for i in zf.infolist())
    data = plain.read_bytes()
    cut = data.index(b"PK\x01\x02", cd)
    assert start == 0
    plain.write_bytes(data[:cut])
    subprocess.run([require_tool("zip"), "-FF", str(plain), "--out", str(out)], cwd=src, check=True,
                   capture_output=True, input=b"y\n")


def info_zip_split_one(src: Path, out: Path) -> None:
    """zip -s with a size larger than the archive: one file, written by the split code path."""
    _zip("-qr", "-s", "100m", str(out), ".", cwd=src)


def _split_pieces(src: Path, work: Path) -> Path:
    """``zip -s 64k`` (the smallest piece Info-ZIP writes) over the tree and 150 kB that do not compress: three
    pieces, pieces.z01, pieces.z02 and pieces.zip (the central directory)."""
    (src / "data" / "noise.bin").write_bytes(random.Random(7).randbytes(150_000))
    split = work / "split" / "pieces.zip"
    split.parent.mkdir()
    _zip("-qr", "-s", "64k", str(split), ".", cwd=src)
    return split


def info_zip_split_merged(src: Path, out: Path) -> None:
    """zip -s 64k into pieces, then zip -s 0 to merge them into one archive."""
    split = _split_pieces(src, out.parent)
    _zip("-q", "-s", "0", str(split), "--out", str(out), cwd=src)


def info_zip_split_last(src: Path, out: Path) -> None:
    """zip -s 64k: the last piece (.zip, holding the central directory) is what a gate would be handed."""
    split = _split_pieces(src, out.parent)
    shutil.copy(split, out)


def info_zip_split_first(src: Path, out: Path) -> None:
    """zip -s 64k: the first piece (.z01), renamed to .zip."""
    split = _split_pieces(src, out.parent)
    shutil.copy(split.with_suffix(".z01"), out)


def seven_zip_update(src: Path, out: Path) -> None:
    """7z a, then files changed and 7z u; then 7z d of one entry."""
    seven = require_tool("7z")
    run([seven, "a", "-tzip", str(out), "."], src)
    _change(src, src / "readme", b"hello again, a longer readme\n" * 50)
    _change(src, src / "added.txt", b"added later\n")
    run([seven, "u", "-tzip", str(out), "."], src)
    run([seven, "d", "-tzip", str(out), "empty"], src)
    (src / "empty").unlink()


# --- containers with a header before the archive -------------------------------------------------------------

def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _field(number: int, data: bytes) -> bytes:
    return _varint(number << 3 | 2) + _varint(len(data)) + data


def crx3(src: Path, out: Path) -> None:
    """Chrome's CRX3 (components/crx_file/crx3.proto): "Cr24", version 3, the header's length, a CrxFileHeader
    (an RSA key proof and the signed crx_id), then the ZIP as Chrome's packer writes it (a separate file)."""
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    body = out.with_suffix(".body.zip")
    _zip("-qr", "-X", str(body), ".", cwd=src)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    signed_data = _field(1, hashlib.sha256(public).digest()[:16])
    archive = body.read_bytes()
    message = b"CRX3 SignedData\x00" + struct.pack("<I", len(signed_data)) + signed_data + archive
    signature = key.sign(message, padding.PKCS1v15(), hashes.SHA256())
    header = _field(2, _field(1, public) + _field(2, signature)) + _field(10000, signed_data)
    out.write_bytes(b"Cr24" + struct.pack("<II", 3, len(header)) + header + archive)


def chromium_crx(src: Path, out: Path) -> None:
    """Chromium's own packer (--pack-extension), with a manifest.json added."""
    chromium = require_tool("chromium")
    ext = out.parent / "ext"
    shutil.copytree(src, ext)
    (ext / "manifest.json").write_text('{"manifest_version": 3, "name": "vendor", "version": "1.0"}')
    run([chromium, "--headless", "--no-sandbox", f"--pack-extension={ext}"], out.parent)
    shutil.move(out.parent / "ext.crx", out)


def python_zipapp(src: Path, out: Path) -> None:
    """zipapp with a shebang line: the archive after it, offsets from the file's start."""
    (src / "__main__.py").write_text("print('vendor')\n")
    zipapp.create_archive(src, out, interpreter="/usr/bin/env python3")


def python_append_to_script(src: Path, out: Path) -> None:
    """zipfile in append mode on a file that is not an archive (a shell stub): the archive after it."""
    out.write_bytes(b"#!/bin/sh\nexec python3 \"$0\" \"$@\"\n")
    with zipfile.ZipFile(out, "a", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in _files(src):
            zf.write(path, path.relative_to(src).as_posix())


def python_append_to_archive(src: Path, out: Path) -> None:
    """zipfile in append mode on an archive: half the files first, the rest appended in a second session."""
    paths = _files(src)
    half = len(paths) // 2
    for mode, part in (("w", paths[:half]), ("a", paths[half:])):
        with zipfile.ZipFile(out, mode, compression=zipfile.ZIP_DEFLATED) as zf:
            for path in part:
                zf.write(path, path.relative_to(src).as_posix())


# --- LibreOffice ---------------------------------------------------------------------------------------------

def soffice_docx(src: Path, out: Path) -> None:
    """soffice --convert-to docx from a text file (LibreOffice's OOXML writer)."""
    soffice = optional_tool("soffice")
    doc = out.parent / "letter.txt"
    doc.write_text("Release notes\n\n" + "A line of release notes. Grüße.\n" * 2000)
    run([soffice, "--headless", f"-env:UserInstallation=file://{out.parent}/lo-profile", "--convert-to", "docx",
         "--outdir", str(out.parent), str(doc)], out.parent)
    shutil.move(out.parent / "letter.docx", out)


def soffice_odt(src: Path, out: Path) -> None:
    soffice = optional_tool("soffice")
    doc = out.parent / "letter.txt"
    doc.write_text("Release notes\n\n" + "A line of release notes. Grüße.\n" * 2000)
    run([soffice, "--headless", f"-env:UserInstallation=file://{out.parent}/lo-profile", "--convert-to", "odt",
         "--outdir", str(out.parent), str(doc)], out.parent)
    shutil.move(out.parent / "letter.odt", out)
