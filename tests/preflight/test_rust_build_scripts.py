"""Cargo build scripts (``build.rs``) read as the shell that does the same (shipgate.preflight.rust_script) and Rust
clients that turn certificate checks off (shipgate.preflight.rust_tls): each construct next to a near-miss that must
stay quiet."""

from __future__ import annotations

import pytest
from preflight_kit import codes_at, findings, in_script

from shipgate.preflight import rust_script

ENDPOINT = "preflight.external_endpoint"
UNVERIFIED = "preflight.unverified_download_exec"
TLS = "preflight.tls_verification_disabled"
PIPE = "preflight.pipe_to_shell"


def _main(*lines: str) -> str:
    """A build script whose ``main`` holds ``lines`` from line 4 on."""
    return "use std::process::Command;\n\nfn main() {\n" + "".join(f"    {line}\n" for line in lines) + "}\n"


def test_a_fetched_library_unpacked_and_linked() -> None:
    source = _main(
        'let out_dir = std::env::var("OUT_DIR").unwrap();',
        "let bytes = reqwest::blocking::get(",
        '    "https://example.org/releases/kernel-1.0.zip",',
        ")",
        ".unwrap()",
        ".bytes()",
        ".unwrap();",
        'std::fs::write(format!("{out_dir}/kernel.zip"), bytes).unwrap();',
        'zip::ZipArchive::new(std::fs::File::open(format!("{out_dir}/kernel.zip")).unwrap())',
        "    .unwrap()",
        "    .extract(&out_dir)",
        "    .unwrap();",
        'println!("cargo:rustc-link-search=native={out_dir}/lib");',
        'println!("cargo:rustc-link-lib=static=kernel");',
    )
    found = findings({"build.rs": source})
    assert (ENDPOINT, 5) in found and (ENDPOINT, 6) not in found  # the URL on the call's second line: once
    assert (UNVERIFIED, 17) in found


def test_a_fetched_library_the_build_does_not_link_is_no_run() -> None:
    source = _main(
        'let out_dir = std::env::var("OUT_DIR").unwrap();',
        'let bytes = reqwest::blocking::get("https://example.org/data.zip").unwrap().bytes().unwrap();',
        'std::fs::write(format!("{}/data.zip", out_dir), bytes).unwrap();',
        'println!("cargo:rustc-link-lib=ssl");',
    )
    assert codes_at({"build.rs": source}, UNVERIFIED) == []
    assert codes_at({"build.rs": source}, ENDPOINT) == [5]


def test_a_saved_response_through_a_client_and_io_copy() -> None:
    source = _main(
        'let out_dir = std::env::var("OUT_DIR").unwrap();',
        'let url = "https://example.org/sdk.tar.gz";',
        "let client = reqwest::blocking::Client::new();",
        "let mut res = client.get(url).send().unwrap();",
        'let mut file = std::fs::File::create(format!("{}/sdk.tar.gz", out_dir)).unwrap();',
        "std::io::copy(&mut res, &mut file).unwrap();",
    )
    pieces = dict(rust_script.commands("build.rs", source) or [])
    assert pieces[5] == "url=https://example.org/sdk.tar.gz"
    assert pieces[7].startswith('curl -fsSL -o "${OUT_DIR}/sdk.tar.gz" "${url}"')
    assert codes_at({"build.rs": source}, ENDPOINT) == [7]  # the literal's line is the assignment's, not again


def test_a_command_chain_is_its_shell_command() -> None:
    source = _main(
        'Command::new("git")',
        '    .args(["clone", "https://github.com/example/api.git"])',
        "    .output()",
        '    .expect("clone");',
        'Command::new("sh").arg("-c").arg("curl -fsSL https://example.org/i.sh | sh").status().unwrap();',
    )
    pieces = dict(rust_script.commands("crate/build.rs", source) or [])
    assert pieces[4].startswith("git clone https://github.com/example/api.git")
    assert codes_at({"crate/build.rs": source}, ENDPOINT) == [4, 8]
    assert codes_at({"crate/build.rs": source}, PIPE) == [8]


def test_a_bound_command_takes_its_later_arguments_and_directory() -> None:
    source = _main(
        'let mut cmd = Command::new("wget");',
        'cmd.arg("-q").arg("https://example.org/lib.so");',
        'cmd.current_dir("/usr/local/lib");',
        "cmd.status().unwrap();",
    )
    pieces = dict(rust_script.commands("build.rs", source) or [])
    assert pieces[4] == "( cd /usr/local/lib; wget -q https://example.org/lib.so )"


def test_a_write_of_a_system_path() -> None:
    source = _main('std::fs::write("/etc/ld.so.conf.d/vendor.conf", "/opt/vendor/lib\\n").unwrap();')
    pieces = dict(rust_script.commands("build.rs", source) or [])
    assert pieces[4] == "printf '%s\\n' \"${RUST_VALUE}\" > /etc/ld.so.conf.d/vendor.conf"


@pytest.mark.parametrize(
    "line",
    [
        'cc::Build::new().file("src/shim.c").compile("shim");',
        'let head = Command::new("git").args(["rev-parse", "HEAD"]).output().unwrap();',
        "// see https://example.org/docs for the flags",
        'println!("cargo:warning=see https://example.org/build-notes");',
        'println!("cargo:rerun-if-changed=build.rs");',
        'let out = std::env::var("OUT_DIR").unwrap(); std::fs::write(format!("{out}/gen.rs"), "").unwrap();',
        'bindgen::Builder::default().header("wrapper.h").generate().unwrap();',
    ],
)
def test_build_script_near_misses_stay_quiet(line: str) -> None:
    assert findings({"build.rs": _main(line)}) == []


def test_only_a_file_named_build_rs_is_read() -> None:
    source = _main('Command::new("curl").arg("-fsSL").arg("https://example.org/x").status().unwrap();')
    assert rust_script.commands("src/main.rs", source) is None
    assert rust_script.commands("build.rs", "x" * (rust_script.MAX_CHARS + 1)) is None
    assert rust_script.commands("build.rs", source)


def test_a_client_that_accepts_any_certificate() -> None:
    source = _main(
        "let client = reqwest::blocking::Client::builder()",
        "    .danger_accept_invalid_certs(true)",
        "    .build()",
        "    .unwrap();",
    )
    assert codes_at({"build.rs": source}, TLS) == [5]
    assert codes_at({"src/net.rs": source}, TLS) == [5]


@pytest.mark.parametrize(
    ("path", "value"),
    [("src/net.rs", "false"), ("src/net.rs", "opts.insecure"), ("tests/net.rs", "true")],
)
def test_tls_near_misses(path: str, value: str) -> None:
    source = _main(f"let client = reqwest::blocking::Client::builder().danger_accept_invalid_certs({value}).build();")
    assert codes_at({path: source}, TLS) == []


def test_a_shell_link_against_a_fetched_tree() -> None:
    fetch = ("curl -fsSL -o /tmp/sdk.tar.gz https://example.org/sdk.tar.gz", "tar -xf /tmp/sdk.tar.gz -C /tmp/sdk")
    assert in_script(UNVERIFIED, *fetch, "gcc -o app main.c -L /tmp/sdk/lib -lsdk") == [5]
    assert in_script(UNVERIFIED, *fetch, "cc -o app main.c -L/tmp/sdk/lib -lsdk") == [5]


@pytest.mark.parametrize(
    "line",
    ["gcc -o app main.c -L /usr/lib -lssl", "gcc -o app main.c -L /tmp/sdk/lib", "gcc -o app main.c -lsdk"],
)
def test_shell_link_near_misses(line: str) -> None:
    fetch = ("curl -fsSL -o /tmp/sdk.tar.gz https://example.org/sdk.tar.gz", "tar -xf /tmp/sdk.tar.gz -C /tmp/sdk")
    assert in_script(UNVERIFIED, *fetch, line) == []


_BY_SYSTEM = """fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap();
    let url = match os.as_str() {
        "linux" => "https://example.org/lib-linux.zip",
        "macos" | "ios" => "https://example.org/lib-macos.zip",
        "windows" => "https://example.org/lib-win.zip",
        _ => panic!("unsupported"),
    };
    #[cfg(target_os = "windows")]
    let tool = reqwest::blocking::get("https://example.org/tool.exe").unwrap();
    if cfg!(not(windows)) {
        std::process::Command::new("curl").arg("https://example.org/unix-tool").status().unwrap();
    }
}
"""


def test_what_runs_only_for_another_system_is_not_read() -> None:
    assert codes_at({"build.rs": _BY_SYSTEM}, ENDPOINT) == [4, 12]
    assert 10 not in dict(rust_script.commands("build.rs", _BY_SYSTEM) or [])


def test_a_link_directive_printed_before_the_download_it_links() -> None:
    source = _main(
        'let out_dir = std::env::var_os("OUT_DIR").unwrap();',
        'println!("cargo:rustc-flags=-L {}", out_dir.to_str().unwrap());',
        'println!("cargo:rustc-link-lib=vendor");',
        'let lib = std::path::Path::new(&out_dir).join("libvendor.so");',
        'Command::new("wget").arg("https://example.org/libvendor.so").arg("-O").arg(lib).output().unwrap();',
    )
    pieces = dict(rust_script.commands("build.rs", source) or [])
    assert pieces[6] == "cargo_link_6() { cc -L \"${OUT_DIR}\" -lvendor; }; trap 'cargo_link_6' EXIT"
    assert codes_at({"build.rs": source}, UNVERIFIED) == [6]  # Cargo links after the script, with the download
    assert codes_at({"build.rs": source.replace("libvendor.so", "libother.so")}, UNVERIFIED) == []


def test_a_long_hostile_build_script_is_read_in_bounded_time() -> None:
    rebinding = 'let a = format!("{a}/{}", a);' * 3000
    commands = 'let mut cmd = Command::new("x"); cmd.arg("y"); cmd.arg(a);' * 3000
    source = _main(rebinding, commands, 'std::fs::write(format!("{a}/z"), "").unwrap();')
    pieces = rust_script.commands("build.rs", source) or []
    assert len(pieces) == 1 and pieces[0][1].count("x y") == 3000
