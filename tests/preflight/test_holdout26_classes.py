"""Classes the twenty-sixth hold-out set showed (tests/preflight/holdout26: Windows installers and upgrade scripts,
PowerShell and batch), each as its minimal construct next to a near-miss that must stay quiet or keep being
reported. Before this round a ``.ps1``/``.bat`` file was read as configuration: hosts and keywords line by line,
no command seen as a command."""

from __future__ import annotations

from preflight_kit import codes_at, findings, package, run

from shipgate.findings import Severity
from shipgate.preflight.windows import parse_windows

_EP = "preflight.external_endpoint"
_UDE = "preflight.unverified_download_exec"
_PIPE = "preflight.pipe_to_shell"


# -- A: text is text: URLs in messages, echo and comments are not contacted -------------------------------------------


def test_urls_printed_or_commented_are_not_contacted_but_a_download_is() -> None:
    text = (
        "# see https://docs.vendor.io/install\n"
        'Write-Host "Get help at https://help.vendor.io"\n'
        'throw "Could not reach https://dl.vendor.io"\n'
        "Invoke-WebRequest -Uri https://dl.vendor.io/agent.zip -OutFile agent.zip\n"
    )
    assert codes_at({"install.ps1": text}, _EP) == [4]
    batch = "@echo off\r\necho Docs: https://docs.vendor.io\r\nREM https://x.vendor.io\r\ncurl -o a.zip https://dl.vendor.io/a.zip\r\n"
    assert codes_at({"install.bat": batch}, _EP) == [4]


def test_a_url_assigned_to_a_variable_is_reported_where_it_is_fetched_with_the_assignment() -> None:
    text = "$url = 'https://dl.vendor.io/agent.msi'\n$wc = New-Object Net.WebClient\n$wc.DownloadFile($url, 'a.msi')\n"
    found = parse_windows("install.ps1", text)
    assert [c.name for c in found.calls] == ["new-object", ".downloadfile"]
    assert (
        found.calls[1].args[0].value == "https://dl.vendor.io/agent.msi" and found.calls[1].args[0].assigned_line == 1
    )
    assert codes_at({"install.ps1": text}, _EP) == [3]


# -- B: a downloaded file that runs or installs with no hash check ----------------------------------------------------


def test_a_downloaded_installer_run_with_no_check_is_reported_at_the_run() -> None:
    text = (
        '$out = "$env:TEMP\\agent.msi"\n'
        "Invoke-WebRequest -Uri https://dl.vendor.io/agent.msi -OutFile $out\n"
        'Start-Process msiexec.exe -ArgumentList "/i $out /qn" -Wait\n'
    )
    assert codes_at({"install.ps1": text}, _UDE) == [3]


def test_a_hash_check_between_download_and_run_is_quiet() -> None:
    text = (
        '$out = "$env:TEMP\\agent.msi"\n'
        "Invoke-WebRequest -Uri https://dl.vendor.io/agent.msi -OutFile $out\n"
        "if ((Get-FileHash $out -Algorithm SHA256).Hash -ne $expected) { throw 'bad hash' }\n"
        'Start-Process msiexec.exe -ArgumentList "/i $out /qn" -Wait\n'
    )
    assert codes_at({"install.ps1": text}, _UDE) == []


def test_a_download_into_a_directory_the_script_puts_on_the_path_is_reported_at_the_download() -> None:
    text = (
        "$bin = 'C:\\k'\n"
        '$env:Path += ";$bin"\n'
        'curl.exe -Lo "$bin\\tool.exe" https://dl.vendor.io/tool.exe\n'
        'curl.exe -Lo "$bin\\notes.txt" https://dl.vendor.io/notes.txt\n'
    )
    assert codes_at({"prepare.ps1": text}, _UDE) == [3]


def test_a_function_defined_before_the_download_runs_in_call_order() -> None:
    text = (
        "function Add-Config { vendor config set x }\n"
        "function Install-It {\n"
        "  (New-Object Net.WebClient).DownloadFile('https://dl.vendor.io/vendor.zip', \"$dir\\vendor.zip\")\n"
        "  Add-Config\n"
        "}\n"
        "Install-It\n"
    )
    assert codes_at({"install.ps1": text}, _UDE) == [1]
    not_called = text.replace("Install-It\n", "", 1).rsplit("Install-It", 1)[0] + "\n"
    assert codes_at({"install.ps1": not_called}, _UDE) == []


def test_a_chocolatey_download_without_checksum_is_unverified_and_with_one_is_not() -> None:
    bare = "$url = 'https://dl.vendor.io/setup.exe'\nInstall-ChocolateyPackage 'vendor' 'exe' '/S' \"$url\"\n"
    assert codes_at({"tools/chocolateyInstall.ps1": bare}, _UDE) == [2]
    splat = (
        "$packageArgs = @{\n  packageName = 'vendor'\n  url = 'https://dl.vendor.io/setup.exe'\n"
        "  checksum = '" + "AB12CD34" * 8 + "'\n  checksumType = 'sha256'\n}\n"
        "Install-ChocolateyPackage @packageArgs\n"
    )
    assert codes_at({"tools/chocolateyInstall.ps1": splat}, _UDE) == []
    empty_url = (
        "$packageArgs = @{ url = ''; file = \"$toolsDir\\setup.msi\"; checksum = '' }\n"
        "Install-ChocolateyPackage @packageArgs\n"
    )
    assert codes_at({"tools/chocolateyInstall.ps1": empty_url}, _UDE) == []


# -- C: downloaded code run by Invoke-Expression ----------------------------------------------------------------------


def test_iex_of_a_download_is_pipe_to_shell() -> None:
    assert codes_at(
        {"i.ps1": "iex ((New-Object Net.WebClient).DownloadString('https://get.vendor.io/i.ps1'))\n"}, _PIPE
    ) == [1]
    assert codes_at({"i.ps1": "irm https://get.vendor.io/i.ps1 | iex\n"}, _PIPE) == [1]
    assert codes_at({"i.ps1": "$code = irm https://get.vendor.io/i.ps1\nInvoke-Expression $code\n"}, _PIPE) == [2]


def test_iex_of_local_text_is_quiet() -> None:
    assert codes_at({"i.ps1": '$cmd = "echo $JavaOpts"\nInvoke-Expression $cmd\n'}, _PIPE) == []


# -- D: privilege: Chocolatey scripts and Administrator checks require root; RunAs escalates --------------------------


def test_chocolatey_package_scripts_and_admin_checks_require_root() -> None:
    assert codes_at({"tools/chocolateyInstall.ps1": "Write-Host hi\n"}, "preflight.root_assumed") == [1]
    check = (
        "$p = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())\n"
        "if (!$p.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {\n    throw 'run as admin'\n}\n"
    )
    assert codes_at({"install.ps1": check}, "preflight.root_assumed") == [2]
    assert codes_at({"install.ps1": "#Requires -RunAsAdministrator\nWrite-Host hi\n"}, "preflight.root_assumed") == [1]
    batch = "@echo off\r\nnet session >nul 2>&1\r\nif %errorLevel% NEQ 0 goto end\r\necho hi\r\n:end\r\n"
    assert codes_at({"run.bat": batch}, "preflight.root_assumed") == [2]


def test_a_check_that_refuses_admin_and_a_plain_script_are_quiet() -> None:
    refuse = (
        "function Test-IsAdministrator { return ([Security.Principal.WindowsPrincipal]"
        "[Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole("
        "[Security.Principal.WindowsBuiltInRole]::Administrator) }\n"
        "if (Test-IsAdministrator) { throw 'do not run as admin' }\n"
    )
    assert codes_at({"install.ps1": refuse}, "preflight.root_assumed") == []
    assert codes_at({"tools/helper.ps1": "Write-Host hi\n"}, "preflight.root_assumed") == []


def test_start_process_runas_escalates_and_without_it_does_not() -> None:
    assert codes_at(
        {"i.ps1": "Start-Process powershell -Verb RunAs -ArgumentList '-File x.ps1'\n"}, "preflight.sudo_unavailable"
    ) == [1]
    assert (
        codes_at({"i.ps1": "Start-Process powershell -ArgumentList '-File x.ps1'\n"}, "preflight.sudo_unavailable")
        == []
    )


# -- E: persistence and scheduled tasks -------------------------------------------------------------------------------


def test_machine_path_and_run_keys_persist_the_process_path_does_not() -> None:
    text = (
        "[Environment]::SetEnvironmentVariable('PATH', \"$env:Path;C:\\vendor\",\n"
        "  [EnvironmentVariableTarget]::Machine)\n"
        "$env:Path += ';C:\\vendor'\n"
        "Set-ItemProperty -Path 'HKLM:\\Software\\Microsoft\\Windows\\CurrentVersion\\Run' -Name a -Value C:\\a.exe\n"
        "Set-ItemProperty -Path 'HKLM:\\Software\\Vendor' -Name agent -Value 'C:\\a.exe'\n"
        "[Environment]::SetEnvironmentVariable('VENDOR_HOME', 'C:\\vendor', 'Machine')\n"
    )
    found = [f for f in findings({"install.ps1": text}) if f[0] == "preflight.persistence"]
    assert found == [("preflight.persistence", 1), ("preflight.persistence", 4)]


def test_schtasks_create_is_a_scheduled_job_and_query_or_delete_is_not() -> None:
    text = (
        "schtasks /query /tn agent\n"
        "SchTasks /Create /SC DAILY /RU SYSTEM /TN agent /TR C:\\a.bat /ST 23:00 /F\n"
        "schtasks /Delete /TN agent /F\n"
        "Register-ScheduledTask -TaskName agent -Action $a -Trigger $t\n"
    )
    assert codes_at({"install.ps1": text}, "preflight.scheduled_job") == [2, 4]


# -- F: protections and TLS checks switched off -----------------------------------------------------------------------


def test_defender_and_firewall_off_are_protection_disabled_and_their_near_misses_are_not() -> None:
    text = (
        "Set-MpPreference -DisableRealtimeMonitoring $true\n"
        "Set-MpPreference -DisableRealtimeMonitoring $false\n"
        "netsh advfirewall set allprofiles state off\n"
        "netsh advfirewall firewall add rule name=x dir=in localport=443 protocol=TCP action=allow\n"
        "Set-MpPreference -ExclusionPath C:\\vendor\n"
    )
    assert codes_at({"install.ps1": text}, "preflight.protection_disabled") == [1, 3]


def test_defender_switches_in_a_splatted_hashtable_are_read() -> None:
    text = "$prefs = @(\n  @{DisableRealtimeMonitoring = $true}\n)\n$prefs | ForEach-Object { Set-MpPreference @_ }\n"
    assert codes_at({"image.ps1": text}, "preflight.protection_disabled") == [4]
    quiet = "$prefs = @(\n  @{ScanScheduleDay = 8}\n)\n$prefs | ForEach-Object { Set-MpPreference @_ }\n"
    assert codes_at({"image.ps1": quiet}, "preflight.protection_disabled") == []


def test_certificate_checks_switched_off_are_reported_and_a_protocol_choice_is_not() -> None:
    text = (
        "[Net.ServicePointManager]::ServerCertificateValidationCallback = { $true }\n"
        "[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12\n"
        "Invoke-RestMethod https://api.vendor.io/v1 -SkipCertificateCheck\n"
        "$o = New-PSSessionOption -SkipCACheck -SkipCNCheck\n"
        "$s = New-PSSessionOption -OperationTimeout 1000\n"
    )
    assert codes_at({"install.ps1": text}, "preflight.tls_verification_disabled") == [1, 3, 4]


# -- G: batch: PowerShell it runs, variables, echo --------------------------------------------------------------------


def test_powershell_command_in_a_batch_line_is_read_at_that_line() -> None:
    text = (
        "@echo off\r\n"
        '"%SystemRoot%\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" -NoProfile -ExecutionPolicy Bypass '
        "-Command \"iex ((New-Object System.Net.WebClient).DownloadString('https://get.vendor.io/install.ps1'))\"\r\n"
        'powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0scripts\\bootstrap.ps1"\r\n'
    )
    found = findings({"setup.bat": text})
    assert (_PIPE, 2) in found and (_EP, 2) in found
    assert [f for f in found if f[1] == 3] == []


def test_batch_set_variables_flow_into_a_download_that_runs() -> None:
    text = (
        "@echo off\r\nset URL=https://dl.vendor.io/agent.exe\r\n"
        'curl -L -o "%TEMP%\\agent.exe" %URL%\r\n"%TEMP%\\agent.exe" /S\r\n'
    )
    assert codes_at({"setup.cmd": text}, _UDE) == [4]
    assert codes_at({"setup.cmd": text}, _EP) == [3]


# -- H: package managers with their default feed; I: plain-text passwords ---------------------------------------------


def test_choco_install_from_the_default_feed_is_implicit_egress_and_a_named_source_is_not() -> None:
    text = "choco install -y git\nchoco install -y agent -s https://pkgs.vendor.io/choco\nchoco feature enable -n x\n"
    assert codes_at({"install.ps1": text}, "preflight.implicit_egress") == [1]
    assert codes_at({"install.ps1": text}, _EP) == [2]  # the feed -s names is contacted (holdout127 class D)


def test_a_literal_password_given_to_convertto_securestring_is_hardcoded() -> None:
    text = (
        "$pw = ConvertTo-SecureString 'Sup3r-Secret-4711' -AsPlainText -Force\n"
        "$pw2 = ConvertTo-SecureString $env:VENDOR_PASSWORD -AsPlainText -Force\n"
    )
    assert codes_at({"install.ps1": text}, "preflight.hardcoded_credential") == [1]


# -- J (found after the set, on unscored files of the same projects): the grammar's error recovery; `&` runs -----------


def test_a_line_after_a_bare_word_the_grammar_misreads_is_still_read() -> None:
    text = (
        '$d = "$env:ProgramFiles\\vendor"\n'
        'DownloadFile "$d\\vendor.tar.gz" https://dl.vendor.io/v${V}/vendor-${V}-windows.tar.gz\n'
        'tar.exe -xvf "$d\\vendor.tar.gz" --strip=1 -C $d\n'
    )
    assert codes_at({"install.ps1": text}, _UDE) == [3]
    assert codes_at({"install.ps1": text.replace("-C $d", "-C $env:TEMP")}, _UDE) == []


def test_a_download_run_with_the_call_operator_is_reported_and_a_local_script_is_not() -> None:
    text = "$u = 'https://raw.vendor.io/install.ps1'\n$p = Invoke-DownloadWithRetry $u\n& $p -Quiet\n& $local -Quiet\n"
    assert codes_at({"image.ps1": text}, _UDE) == [3]


def test_docker_pull_is_implicit_egress_and_docker_ps_is_not() -> None:
    text = "docker pull mcr.microsoft.com/windows/servercore:ltsc2022\ndocker ps -a\n"
    assert codes_at({"image.ps1": text}, "preflight.implicit_egress") == [1]


def test_a_splatted_url_carries_its_entry_line() -> None:
    text = "$a = @{\n  url = 'https://dl.vendor.io/s.msi'\n  checksum = 'ab12'\n}\nInstall-ChocolateyPackage @a\n"
    found = [f for f in run(package({"tools/chocolateyInstall.ps1": text})) if f.code == _EP]
    assert [(f.evidence["line"], f.evidence.get("assigned_line")) for f in found] == [(5, 2)]


def test_batch_native_tools_map_onto_the_same_codes() -> None:
    text = (
        '@echo off\r\ncertutil -urlcache -split -f https://dl.vendor.io/a.exe "%TEMP%\\a.exe"\r\n"%TEMP%\\a.exe" /S\r\n'
        'reg add "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run" /v agent /d "C:\\a.exe" /f\r\n'
        "netsh advfirewall set allprofiles state off\r\nschtasks /create /tn x /tr y /sc daily\r\n"
        'setx PATH "%PATH%;C:\\vendor" /M\r\n'
        "bitsadmin /transfer job https://dl.vendor.io/b.msi C:\\t\\b.msi\r\nmsiexec /i C:\\t\\b.msi /qn\r\n"
        "reg add HKLM\\Software\\Vendor /v agent /d 1 /f\r\nnetsh advfirewall firewall add rule name=x action=allow\r\n"
    )
    assert findings({"setup.cmd": text}) == [
        (_EP, 2),
        (_EP, 8),
        ("preflight.persistence", 4),
        ("preflight.persistence", 7),
        ("preflight.protection_disabled", 5),
        ("preflight.scheduled_job", 6),
        (_UDE, 3),
        (_UDE, 9),
    ]


def test_here_strings_are_data() -> None:
    text = (
        "$definition = @'\nInvoke-WebRequest https://dl.vendor.io/x.exe -OutFile C:\\Windows\\x.exe\n"
        "schtasks /create /tn x\n'@\nAdd-Type $definition\n"
    )
    assert findings({"install.ps1": text}) == []


def test_a_powershell_file_nested_past_the_bound_says_it_was_read_in_part() -> None:
    found = run(package({"deep.ps1": "(" * 5000 + "1" + ")" * 5000 + "\n"}))
    skipped = [f for f in found if f.code == "preflight.file_skipped"]
    assert len(skipped) == 1 and "nested over 200 levels" in skipped[0].message


def test_a_powershell_hook_is_read_as_powershell_not_as_shell() -> None:
    contents = package(
        {"hooks/upgrade.ps1": "iwr https://get.vendor.io/i.ps1 | iex\n"}, hooks={"pre_upgrade": "hooks/upgrade.ps1"}
    )
    assert sorted((f.code, f.evidence.get("line")) for f in run(contents) if f.severity > Severity.INFO) == [
        (_EP, 1),
        (_PIPE, 1),
    ]
