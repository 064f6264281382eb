"""Classes of mistakes the hundred-and-ninety-fifth hold-out set found (tests/preflight/holdout195: install-time
hooks of package managers — an npm postinstall and its package.json, two Cargo build scripts, a setup.py, a Composer
manifest, a Hatchling build hook, an extconf.rb and a gem's extension helper), each as its minimal construct next to
a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

ENDPOINT = "preflight.external_endpoint"


# -- A: a Rust constant per platform under #[cfg(target_os = "…")]: another system's is not contacted here ------------


def _per_platform(other_cfg: str) -> str:
    return (
        "use std::process::Command;\n\n"
        f"#[cfg({other_cfg})]\n"
        'const TOOL_URL: &str = "https://mirror.example.org/tool/v1/tool_mac.zip";\n\n'
        '#[cfg(target_os = "linux")]\n'
        'const TOOL_URL: &str = "https://github.com/example/tool/releases/download/v1/tool_linux.zip";\n\n'
        "fn main() {\n"
        '    Command::new("wget").args(&[TOOL_URL, "-O", "tool.zip"]).status().unwrap();\n'
        "}\n"
    )


def test_a_a_constant_under_a_cfg_naming_another_system_is_not_contacted() -> None:
    assert 4 not in codes_at({"build.rs": _per_platform('target_os = "macos"')}, ENDPOINT)
    both = _per_platform('all(target_arch = "x86_64", target_os = "macos")')
    assert 4 not in codes_at({"build.rs": both}, ENDPOINT)


def test_a_near_miss_a_cfg_that_also_names_linux_is_still_contacted() -> None:
    either = _per_platform('any(target_os = "linux", target_os = "macos")')
    assert 4 in codes_at({"build.rs": either}, ENDPOINT)


# -- B: adm-zip's extractEntryTo of an archive built on the response's own buffer -----------------------------------

UNVERIFIED = "preflight.unverified_download_exec"


def _postinstall(archive: str) -> str:
    return (
        'const fs = require("fs");\n'
        'const path = require("path");\n'
        'const AdmZip = require("adm-zip");\n'
        'const axios = require("axios");\n\n'
        "async function main() {\n"
        '  const url = "https://github.com/example/tool/releases/download/v1/tool_Linux_x86_64.zip";\n'
        '  const response = await axios({ url: url, method: "GET", responseType: "arraybuffer" });\n'
        '  const binDir = path.join(__dirname, "bin");\n'
        '  const binaryPath = path.join(binDir, "tool");\n'
        f"  const zip = new AdmZip({archive});\n"
        '  zip.extractEntryTo("tool", binDir, false, true);\n'
        "  fs.chmodSync(binaryPath, 0o755);\n"
        "}\n\n"
        "main();\n"
    )


def test_b_an_entry_unpacked_from_the_fetched_buffer_into_bin_is_installed_unchecked() -> None:
    assert codes_at({"postinstall.js": _postinstall("response.data")}, UNVERIFIED) == [12]


def test_b_near_miss_an_entry_of_an_archive_the_package_ships_is_not_a_download() -> None:
    shipped = _postinstall('path.join(__dirname, "vendor", "tool.zip")')
    assert codes_at({"postinstall.js": shipped}, UNVERIFIED) == []


# -- C: a Python module whose command line downloads data, run as python -m -------------------------------------------

EGRESS = "preflight.implicit_egress"


def _setup_py(command: str) -> str:
    return (
        "from setuptools import setup\n"
        "from setuptools.command.install import install\n"
        "import subprocess\n\n"
        "class PostInstallCommand(install):\n"
        "    def run(self):\n"
        "        install.run(self)\n"
        f"        subprocess.run({command}, check=True)\n\n"
        "setup(cmdclass={'install': PostInstallCommand})\n"
    )


def test_c_nltks_downloader_run_as_a_module_reaches_the_network() -> None:
    assert codes_at({"setup.py": _setup_py('["python", "-m", "nltk.downloader", "punkt"]')}, EGRESS) == [8]
    assert in_script(EGRESS, "python3 -m nltk.downloader -d /usr/share/nltk_data stopwords") == [3]
    assert in_script(EGRESS, "python3 -m spacy download en_core_web_sm") == [3]


def test_c_near_miss_another_module_or_only_help_stays_quiet() -> None:
    assert codes_at({"setup.py": _setup_py('["python", "-m", "nltk.tokenize", "punkt"]')}, EGRESS) == []
    assert in_script(EGRESS, "python3 -m nltk.downloader --help") == []
    assert in_script(EGRESS, "python3 -m spacy validate") == []
