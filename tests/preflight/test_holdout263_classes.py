"""Classes the two-hundred-and-sixty-third hold-out set showed (tests/preflight/holdout263: Windows installers,
updaters and maintenance scripts of self-hosted products, PowerShell, batch, Chocolatey and Inno Setup, the population
of holdout231/246/254 sampled a sixteenth time), each as its minimal construct next to the nearest inputs that must
stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

_EGRESS = "preflight.implicit_egress"
_ROOT = "preflight.root_assumed"
_UNVERIFIED = "preflight.unverified_download_exec"

# -- A: a fallback download into the same file is one file at the step that runs it -------------------------------

_FALLBACK = (
    "function Get-WithRetry([string]$Uri, [string]$OutFile) {\n"
    "    Invoke-WebRequest -Uri $Uri -OutFile $OutFile\n"
    "    return $?\n"
    "}\n"
    "$zip = Join-Path $env:TEMP 'tool.zip'\n"
    "$ok = Get-WithRetry 'https://tools.example.org/tool-1.2.zip' $zip\n"
    "if (-not $ok) { $ok = Get-WithRetry 'https://mirror.example.net/tool-1.2.zip' $zip }\n"
    "Expand-Archive $zip -DestinationPath $env:TEMP\\tool\n"
    "& $env:TEMP\\tool\\tool.exe install Agent\n"
)


def test_a_a_download_and_its_fallback_into_one_file_are_one_finding() -> None:
    assert codes_at({"scripts/install-service.ps1": _FALLBACK}, _UNVERIFIED) == [9]
    direct = (
        "Invoke-WebRequest -Uri 'https://tools.example.org/setup.exe' -OutFile $env:TEMP\\setup.exe\n"
        "if (-not $?) { Invoke-WebRequest -Uri 'https://mirror.example.net/setup.exe' -OutFile $env:TEMP\\setup.exe }\n"
        "Start-Process -FilePath $env:TEMP\\setup.exe -Wait\n"
    )
    assert codes_at({"install.ps1": direct}, _UNVERIFIED) == [3]


def test_a_two_files_or_one_file_run_twice_stay_two_findings() -> None:
    two_files = (
        "Invoke-WebRequest -Uri 'https://tools.example.org/a.exe' -OutFile $env:TEMP\\a.exe\n"
        "Invoke-WebRequest -Uri 'https://tools.example.org/b.exe' -OutFile $env:TEMP\\b.exe\n"
        "Start-Process -FilePath $env:TEMP\\a.exe -Wait\n"
        "Start-Process -FilePath $env:TEMP\\b.exe -Wait\n"
    )
    assert codes_at({"install.ps1": two_files}, _UNVERIFIED) == [3, 4]
    again = (
        "Invoke-WebRequest -Uri 'https://tools.example.org/v1/setup.exe' -OutFile $env:TEMP\\setup.exe\n"
        "Start-Process -FilePath $env:TEMP\\setup.exe -Wait\n"
        "Invoke-WebRequest -Uri 'https://tools.example.org/v2/setup.exe' -OutFile $env:TEMP\\setup.exe\n"
        "Start-Process -FilePath $env:TEMP\\setup.exe -Wait\n"
    )
    assert codes_at({"install.ps1": again}, _UNVERIFIED) == [2, 4]


# -- B: cargo in a PowerShell script fetches crates as in a shell script --------------------------------------------

_BUILD = (
    "function Build-Release([string]$TargetDir) {\n"
    "    if ($TargetDir) { $env:CARGO_TARGET_DIR = $TargetDir }\n"
    "    cargo build --release -j 1\n"
    "    return $LASTEXITCODE -eq 0\n"
    "}\n"
    "if (-not (Build-Release '')) { Build-Release 'C:\\tmp\\target' }\n"
)


def test_b_the_first_cargo_build_of_a_script_is_egress() -> None:
    assert codes_at({"scripts/install-service.ps1": _BUILD}, _EGRESS) == [3]
    twice = "cargo build --release\ncargo test\n"
    assert codes_at({"build.ps1": twice}, _EGRESS) == [1]
    assert codes_at({"tools.ps1": "cargo install ripgrep\n"}, _EGRESS) == [1]
    fetched = "cargo fetch\ncargo build --release\n"
    assert codes_at({"build.ps1": fetched}, _EGRESS) == [1]


def test_b_offline_builds_and_other_cargo_steps_are_not_egress() -> None:
    assert codes_at({"build.ps1": "cargo build --release --offline\n"}, _EGRESS) == []
    assert codes_at({"build.ps1": "cargo build --frozen\n"}, _EGRESS) == []
    offline = "$env:CARGO_NET_OFFLINE = 'true'\ncargo build --release\n"
    assert codes_at({"build.ps1": offline}, _EGRESS) == []
    assert codes_at({"build.ps1": "cargo --version\ncargo fmt --check\n"}, _EGRESS) == []


# -- C: an Inno Setup or NSIS script that runs only as Administrator ------------------------------------------------

_INNO = (
    "; Setup script\n"
    "[Setup]\n"
    "AppName=Exporter\n"
    "DefaultDirName={pf}\\Exporter\n"
    "PrivilegesRequired=admin\n"
    "\n"
    "[Run]\n"
    'Filename: "{app}\\exporter.exe"; Parameters: "install"; Flags: runhidden\n'
)


def test_c_inno_setup_and_nsis_scripts_requiring_administrator_are_root_assumed() -> None:
    assert codes_at({"installer.iss": _INNO}, _ROOT) == [5]
    power = _INNO.replace("PrivilegesRequired=admin", "PrivilegesRequired = poweruser")
    assert codes_at({"setup/exporter.iss": power}, _ROOT) == [5]
    nsis = '!include "MUI2.nsh"\nName "Exporter"\nRequestExecutionLevel admin\nSection\nSectionEnd\n'
    assert codes_at({"installer/installer.nsi": nsis}, _ROOT) == [3]


def test_c_per_user_or_overridable_levels_comments_and_other_files_are_quiet() -> None:
    for level in ("lowest", "none"):
        lowered = _INNO.replace("PrivilegesRequired=admin", f"PrivilegesRequired={level}")
        assert codes_at({"installer.iss": lowered}, _ROOT) == []
    overridable = _INNO.replace("[Run]", "PrivilegesRequiredOverridesAllowed=commandline dialog\n[Run]")
    assert codes_at({"installer.iss": overridable}, _ROOT) == []
    commented = _INNO.replace("PrivilegesRequired=admin", ";PrivilegesRequired=admin")
    assert codes_at({"installer.iss": commented}, _ROOT) == [2]  # no level stated: Inno's default, admin, at [Setup]
    commented_lowest = _INNO.replace("PrivilegesRequired=admin", "PrivilegesRequired=lowest\n;PrivilegesRequired=admin")
    assert codes_at({"installer.iss": commented_lowest}, _ROOT) == []
    moved = _INNO.replace("PrivilegesRequired=admin\n", "PrivilegesRequired=lowest\n")
    other_section = moved.replace("[Run]\n", "[Run]\nPrivilegesRequired=admin\n")
    assert codes_at({"installer.iss": other_section}, _ROOT) == []
    for level in ("highest", "user"):
        nsis = f'Name "Exporter"\nRequestExecutionLevel {level}\n'
        assert codes_at({"installer.nsi": nsis}, _ROOT) == []
    assert codes_at({"installer.nsi": 'Name "Exporter"\n; RequestExecutionLevel admin\n'}, _ROOT) == []
    assert codes_at({"notes/installer.txt": "[Setup]\nPrivilegesRequired=admin\n"}, _ROOT) == []
