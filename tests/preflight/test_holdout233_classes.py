"""Classes of mistakes the two-hundred-and-thirty-third hold-out set found (tests/preflight/holdout233: install-time
hooks of package managers — a Composer script downloader, an npm postinstall downloader, two Cargo build scripts, a
RubyGems hook and a setup.py command class), each as its minimal construct next to near-misses that must stay
quiet."""

from __future__ import annotations

from preflight_kit import codes_at

ENDPOINT = "preflight.external_endpoint"
EGRESS = "preflight.implicit_egress"
UNVERIFIED = "preflight.unverified_download_exec"
PRIVILEGE = "preflight.implicit_privilege"


# -- A: a build script's function runs a command that uses none of its parameters -----------------------------------


def _build_rs(curl_args: str) -> dict[str, str]:
    text = (
        "use std::env;\n"
        "use std::path::PathBuf;\n"
        "\n"
        'const SOURCE_URL: &str = "https://downloads.example.org/lib-1.0.tar.gz";\n'
        "\n"
        "fn main() {\n"
        '    let manifest_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());\n'
        "    let source = locate_source(&manifest_dir);\n"
        '    println!("cargo:rerun-if-changed={}", source.display());\n'
        "}\n"
        "\n"
        "fn locate_source(manifest_dir: &PathBuf) -> PathBuf {\n"
        '    let vendored = manifest_dir.join("lib");\n'
        "    if vendored.exists() {\n"
        "        return vendored;\n"
        "    }\n"
        '    let out_dir = PathBuf::from(env::var("OUT_DIR").unwrap());\n'
        '    let tarball = out_dir.join("lib.tar.gz");\n'
        '    std::process::Command::new("curl")\n'
        f"        .args({curl_args})\n"
        "        .status()\n"
        "        .unwrap();\n"
        "    out_dir\n"
        "}\n"
    )
    return {"build.rs": text}


def test_a_a_command_using_no_parameter_stays_at_its_own_line() -> None:
    lines = codes_at(_build_rs('["-L", "-o", tarball.to_str().unwrap(), SOURCE_URL]'), ENDPOINT)
    assert 19 in lines and 8 not in lines  # the curl where it is written, not the call of locate_source


def test_a_near_miss_a_command_given_a_parameter_runs_at_the_call() -> None:
    # the parameter through the function's own binding (``vendored`` from ``manifest_dir``): the caller's value
    lines = codes_at(_build_rs('["-L", "-o", vendored.to_str().unwrap(), SOURCE_URL]'), ENDPOINT)
    assert 8 in lines and 19 not in lines


# -- B: PHP keeps the body of file_get_contents($url) in a variable, writes it, unpacks, moves and chmods ------------


def _download_php(move: str, mode: str = "0755") -> dict[str, str]:
    text = (
        "<?php\n"
        "$binDir = dirname(__DIR__) . DIRECTORY_SEPARATOR . 'bin';\n"
        "$binaryPath = $binDir . DIRECTORY_SEPARATOR . 'tool';\n"
        "$url = 'https://releases.example.org/tool-' . PHP_OS . '.tar.gz';\n"
        "$tmpFile = sys_get_temp_dir() . '/tool.tar.gz';\n"
        "$data = @file_get_contents($url, false, stream_context_create([]));\n"
        "file_put_contents($tmpFile, $data);\n"
        "$extractDir = sys_get_temp_dir() . DIRECTORY_SEPARATOR . 'tool-extract';\n"
        "$cmd = sprintf('tar -xzf %s -C %s', escapeshellarg($tmpFile), escapeshellarg($extractDir));\n"
        "exec($cmd, $out, $code);\n"
        "$extractedPath = $extractDir . DIRECTORY_SEPARATOR . 'tool';\n"
        f"{move}\n"
        f"chmod($binaryPath, {mode});\n"
    )
    return {"scripts/install.php": text}


def test_b_a_kept_body_written_unpacked_moved_and_made_executable() -> None:
    files = _download_php("rename($extractedPath, $binaryPath);")
    assert 6 in codes_at(files, ENDPOINT)  # the request's line, the host reported once
    assert codes_at(files, UNVERIFIED) != []


def test_b_near_miss_nothing_moved_into_place_or_nothing_fetched_stays_quiet() -> None:
    assert codes_at(_download_php("// kept where it was unpacked"), UNVERIFIED) == []
    local = _download_php("rename($extractedPath, $binaryPath);")
    text = local["scripts/install.php"]
    local["scripts/install.php"] = text.replace("file_get_contents($url", "file_get_contents($x")
    assert codes_at(local, UNVERIFIED) == []  # the body of a local file, not the download


def test_b_near_miss_a_chmod_of_a_written_system_path_is_reported_once() -> None:
    text = "<?php\n$target = '/usr/local/bin/todo';\nfile_put_contents($target, 'x');\nchmod($target, 0755);\n"
    assert codes_at({"install.php": text}, PRIVILEGE) == [3]  # the write, not also the chmod (holdout115)


# -- D: CommonJS names for https.get and path.join, a Windows-only branch, a redirect followed by recursion ----------


def _notion(windows_test: str = 'os === "windows"') -> dict[str, str]:
    text = (
        'const { execFileSync } = require("child_process");\n'
        'const { createWriteStream, chmodSync } = require("fs");\n'
        'const { get } = require("https");\n'
        'const { join } = require("path");\n'
        "\n"
        "function download(url) {\n"
        "  return new Promise((resolve, reject) => {\n"
        "    get(url, (res) => {\n"
        "      if (res.statusCode === 302) {\n"
        "        return download(res.headers.location).then(resolve);\n"
        "      }\n"
        "      resolve(res);\n"
        "    });\n"
        "  });\n"
        "}\n"
        "\n"
        "async function install(os) {\n"
        '  const binDir = join(__dirname, "bin");\n'
        '  const binPath = join(binDir, "tool");\n'
        '  const stream = await download("https://releases.example.org/tool.tar.gz");\n'
        '  const tmpPath = join(binDir, "tmp.tar.gz");\n'
        "  const file = createWriteStream(tmpPath);\n"
        "  await new Promise((resolve) => { stream.pipe(file); file.on('finish', resolve); });\n"
        f"  if ({windows_test}) {{\n"
        '    execFileSync("unzip", ["-o", tmpPath, "-d", binDir]);\n'
        "  } else {\n"
        '    execFileSync("tar", ["xzf", tmpPath, "-C", binDir]);\n'
        "  }\n"
        "  chmodSync(binPath, 0o755);\n"
        "}\n"
        "\n"
        "install(process.argv[2]);\n"
    )
    return {"install.js": text}


def test_d_a_stream_of_a_required_get_unpacked_into_bin_is_unverified_once() -> None:
    lines = codes_at(_notion(), UNVERIFIED)
    assert lines != [] and 25 not in lines  # the tar branch on Linux, not the Windows unzip


def test_d_near_miss_an_unknown_branch_keeps_both_and_a_redirect_is_no_second_download() -> None:
    assert 25 in codes_at(_notion("process.env.USE_ZIP"), UNVERIFIED)  # not a platform test: both branches read
    assert 10 not in codes_at(_notion(), UNVERIFIED)  # ``download(res.headers.location)``: the same download


def test_d_near_miss_get_of_another_module_is_no_request() -> None:
    files = _notion()
    files["install.js"] = files["install.js"].replace('require("https")', 'require("./local-get")')
    assert codes_at(files, UNVERIFIED) == []


# -- E: a URL PHP prints to standard error or echoes is shown, not contacted ------------------------------------------


def _shown_php(line: str) -> dict[str, str]:
    return {"scripts/install.php": f"<?php\n{line}\nexec('composer install');\n"}


def test_e_printed_or_thrown_urls_are_mentions() -> None:
    assert codes_at(_shown_php('fprintf(STDERR, "Install from https://releases.example.org/tool\\n");'), ENDPOINT) == []
    assert codes_at(_shown_php('echo "See https://docs.example.org/install\\n";'), ENDPOINT) == []
    assert codes_at(_shown_php('throw new RuntimeException("get it at https://x.example.org/");'), ENDPOINT) == []


def test_e_near_miss_a_stream_to_a_file_or_a_request_stays_a_contact() -> None:
    beside = "echo \"see https://docs.example.org\\n\"; shell_exec('curl -fsSL https://api.example.org/v');"
    assert 2 in codes_at(_shown_php(beside), ENDPOINT)  # a request on the message's line keeps it a contact
    requested = "$url = 'https://api.example.org/v';\necho file_get_contents($url);"
    assert codes_at(_shown_php(requested), ENDPOINT) != []  # the request the echoed body comes from
