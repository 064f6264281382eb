"""Classes the two-hundred-and-seventy-sixth hold-out set showed (tests/preflight/holdout276: Windows installers,
updaters and maintenance scripts of self-hosted products and tools, Inno Setup, NSIS and PowerShell, the population
of holdout246/254/263 sampled a seventeenth time), each as its minimal construct next to the nearest inputs that must
stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

_CREDENTIAL = "preflight.hardcoded_credential"
_ENDPOINT = "preflight.external_endpoint"
_ROOT = "preflight.root_assumed"
_SCHEDULED = "preflight.scheduled_job"
_UNVERIFIED = "preflight.unverified_download_exec"

# -- A: an Inno Setup script's [Code] section is Pascal source, its other sections settings ---------------------

_INNO_HEAD = "[Setup]\nAppName=Agent\nPrivilegesRequired=lowest\n\n[Code]\n"


def test_a_a_literal_assigned_in_code_is_a_credential() -> None:
    literal = _INNO_HEAD + "procedure InitializeWizard();\nbegin\n  AdminPassword := 'Gx7-vPq2-Lm9z';\nend;\n"
    assert codes_at({"installer/agent.iss": literal}, _CREDENTIAL) == [8]


def test_a_values_computed_in_code_are_no_credentials() -> None:
    computed = _INNO_HEAD + (
        "var\n"
        "  CertPath, CertPassword: string;\n"
        "function Params(Param: string): string;\n"
        "begin\n"
        "  EnrollmentToken := GetCommandLineParam('/ENROLLMENTTOKEN');\n"
        "  EnrollmentToken := CertPage.Values[1];\n"
        "  CertPassword := GetCommandLineParam('/CERTPASSWORD');\n"
        "  Result := ' --cert-password \"' + CertPassword + '\"';\n"
        "end;\n"
    )
    assert codes_at({"installer/agent.iss": computed}, _CREDENTIAL) == []


def test_a_a_setting_outside_code_is_still_read_as_a_setting() -> None:
    setting = "[Setup]\nAppName=Agent\nPassword=Gx7vPq2Lm9zK\nEncryption=yes\n"
    assert codes_at({"installer/agent.iss": setting}, _CREDENTIAL) == [3]


# -- B: NSIS' MultiUser header declares the installer's level -----------------------------------------------------


def _multiuser(level: str, include: bool = True) -> str:
    header = '!include "MultiUser.nsh"\n' if include else ""
    return f'Name "Agent"\n!define MULTIUSER_EXECUTIONLEVEL {level}\n{header}Section\nSectionEnd\n'


def test_b_multiuser_admin_or_power_runs_only_as_administrator() -> None:
    assert codes_at({"installer/agent.nsi": _multiuser("Admin")}, _ROOT) == [2]
    assert codes_at({"installer/agent.nsi": _multiuser("Power")}, _ROOT) == [2]


def test_b_other_multiuser_levels_or_no_header_require_nothing() -> None:
    assert codes_at({"installer/agent.nsi": _multiuser("Highest")}, _ROOT) == []
    assert codes_at({"installer/agent.nsi": _multiuser("Standard")}, _ROOT) == []
    assert codes_at({"installer/agent.nsi": _multiuser("Admin", include=False)}, _ROOT) == []
    assert codes_at({"installer/agent.txt": _multiuser("Admin")}, _ROOT) == []


# -- C: powershell -File runs the script it names -----------------------------------------------------------------

_NSIS_FETCH = (
    'Name "Agent"\n'
    "Section\n"
    '  inetc::get https://downloads.example.org/agent/main/setup.ps1 "$INSTDIR\\temp\\setup.ps1"\n'
    "  Pop $R0\n"
)


def test_c_a_fetched_script_run_by_powershell_file_is_unverified() -> None:
    run = _NSIS_FETCH + '  ExecWait "PowerShell.exe -ExecutionPolicy ByPass -File $INSTDIR\\temp\\setup.ps1"\n'
    assert codes_at({"installer/agent.nsi": run + "SectionEnd\n"}, _UNVERIFIED) == [5]
    script = (
        "Invoke-WebRequest -Uri https://downloads.example.org/agent/setup.ps1 -OutFile $env:TEMP\\setup.ps1\n"
        "powershell -NoProfile -File $env:TEMP\\setup.ps1 -Quiet\n"
    )
    assert codes_at({"install.ps1": script}, _UNVERIFIED) == [2]


def test_c_another_script_or_a_command_naming_it_is_no_run_of_the_download() -> None:
    other = _NSIS_FETCH + '  ExecWait "PowerShell.exe -File $INSTDIR\\configure.ps1"\nSectionEnd\n'
    assert codes_at({"installer/agent.nsi": other}, _UNVERIFIED) == []
    checked = (
        "Invoke-WebRequest -Uri https://downloads.example.org/agent/setup.ps1 -OutFile $env:TEMP\\setup.ps1\n"
        "if ((Get-FileHash $env:TEMP\\setup.ps1).Hash -ne $expected) { throw 'bad download' }\n"
        "powershell -File $env:TEMP\\setup.ps1\n"
    )
    assert codes_at({"install.ps1": checked}, _UNVERIFIED) == []
    printed = (
        "Invoke-WebRequest -Uri https://downloads.example.org/agent/setup.ps1 -OutFile $env:TEMP\\setup.ps1\n"
        "powershell -Command \"Write-Host 'saved setup.ps1'\"\n"
    )
    assert codes_at({"install.ps1": printed}, _UNVERIFIED) == []


# -- D: one task created again by a fallback is one job -----------------------------------------------------------

_TASK = "schtasks.exe /create /tn AgentTask /tr C:\\Agent\\run.cmd /sc onstart /ru SYSTEM"


def test_d_a_fallback_create_of_the_same_task_is_one_job() -> None:
    fallback = f"& {_TASK} /RL HIGHEST /f\nif ($LASTEXITCODE -ne 0) {{\n    & {_TASK} /f\n}}\n"
    assert codes_at({"install.ps1": fallback}, _SCHEDULED) == [1]


def test_d_another_task_or_another_schedule_is_another_job() -> None:
    two = f"& {_TASK} /f\n& {_TASK.replace('AgentTask', 'AgentWatch')} /f\n"
    assert codes_at({"install.ps1": two}, _SCHEDULED) == [1, 2]
    other_schedule = f"& {_TASK} /f\n& {_TASK.replace('onstart /ru SYSTEM', 'onlogon')} /f\n"
    assert codes_at({"install.ps1": other_schedule}, _SCHEDULED) == [1, 2]


# -- E: the publisher's links in an installer script are shown, not contacted -------------------------------------


def test_e_publisher_links_are_no_contacts() -> None:
    inno = "[Setup]\nAppName=Agent\nAppPublisherURL=https://www.example-vendor.org\nAppUpdatesURL=https://example-vendor.org/dl\n"
    assert codes_at({"installer/agent.iss": inno}, _ENDPOINT) == []
    nsis = (
        'Name "Agent"\n'
        "!define URL http://www.example-vendor.org\n"
        'VIAddVersionKey CompanyWebsite "${URL}"\n'
        'WriteRegStr HKLM "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Agent" URLInfoAbout "${URL}"\n'
    )
    assert codes_at({"installer/agent.nsi": nsis}, _ENDPOINT) == []


def test_e_a_symbol_the_product_or_a_download_uses_stays_a_contact() -> None:
    setting = (
        'Name "Agent"\n'
        '!define SERVER "https://api.example-vendor.org"\n'
        'WriteRegStr HKLM "SOFTWARE\\ExampleVendor\\Agent" Server "${SERVER}"\n'
    )
    assert codes_at({"installer/agent.nsi": setting}, _ENDPOINT) == [2]
    fetched = (
        'Name "Agent"\n'
        "!define SOURCE https://downloads.example-vendor.org/agent.zip\n"
        "Section\n"
        '  inetc::get ${SOURCE} "$TEMP\\agent.zip"\n'
        "SectionEnd\n"
    )
    assert codes_at({"installer/agent.nsi": fetched}, _ENDPOINT) != []


# -- F: files of a branch clone copied into a system directory are installed ------------------------------------

_CLONE = "git clone https://github.com/example/agent-scripts C:\\Temp\\agent\n"


def test_f_a_clone_copied_into_program_files_is_installed_unverified() -> None:
    copy = _CLONE + 'Copy-Item -Path "C:\\Temp\\agent\\scripts\\*" -Destination "C:\\Program Files\\Agent\\scripts"\n'
    assert codes_at({"install.ps1": copy}, _UNVERIFIED) == [2]


def test_f_a_copy_elsewhere_or_of_a_pinned_clone_installs_nothing() -> None:
    elsewhere = _CLONE + 'Copy-Item -Path "C:\\Temp\\agent\\scripts\\*" -Destination "C:\\Users\\me\\agent"\n'
    assert codes_at({"install.ps1": elsewhere}, _UNVERIFIED) == []
    pinned = (
        _CLONE
        + "git -C C:\\Temp\\agent checkout 0123456789abcdef0123456789abcdef01234567\n"
        + 'Copy-Item -Path "C:\\Temp\\agent\\scripts\\*" -Destination "C:\\Program Files\\Agent\\scripts"\n'
    )
    assert codes_at({"install.ps1": pinned}, _UNVERIFIED) == []
    other_source = _CLONE + 'Copy-Item -Path "C:\\Temp\\agentx\\run.ps1" -Destination "C:\\Program Files\\Agent"\n'
    assert codes_at({"install.ps1": other_source}, _UNVERIFIED) == []
