"""Inno Setup and NSIS scripts read as programs (``windows/inno.py``, ``windows/nsis.py``): their program runs,
registry writes, service installs and downloads handed to the Windows checks at their own lines, and Inno's default
privilege level. Each construct is cut from a public script (repository, path and commit named at its input) and
stands next to the nearest inputs that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, findings

_ENDPOINT = "preflight.external_endpoint"
_PERSISTS = "preflight.persistence"
_PROTECTION = "preflight.protection_disabled"
_ROOT = "preflight.root_assumed"
_SCHEDULED = "preflight.scheduled_job"
_UNVERIFIED = "preflight.unverified_download_exec"

# tejaspradyumna/rdp_python setup.iss @ d53bc511f4901a06ae807de6d2314e555d74cae3: [Run] entries continued with a
# trailing backslash (firewall rules and ``sc.exe create`` of its own service) and an HKLM Run value in [Registry].
_OFFICE_MONITOR = (
    "[Setup]\n"
    "AppName=Office Monitor\n"
    "DefaultDirName={pf}\\OfficeMonitor\n"
    "PrivilegesRequired=admin\n"
    "\n"
    "[Run]\n"
    'Filename: "netsh.exe"; \\\n'
    '    Parameters: "advfirewall firewall add rule name=""OfficeMonitor"" dir=in action=allow '
    'program=""{app}\\OfficeMonitor.exe"" enable=yes"; \\\n'
    "    Flags: runhidden\n"
    'Filename: "sc.exe"; \\\n'
    '    Parameters: "create ""OfficeMonitorService"" binPath= ""{app}\\OfficeMonitorService.exe"" start= auto"; \\\n'
    "    Flags: runhidden\n"
    "\n"
    "[Registry]\n"
    "Root: HKLM; \\\n"
    '    Subkey: "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run"; \\\n'
    "    ValueType: string; \\\n"
    '    ValueName: "OfficeMonitor"; \\\n'
    '    ValueData: """{app}\\OfficeMonitor.exe"""; \\\n'
    "    Flags: uninsdeletevalue\n"
)


def test_inno_registry_run_value_is_persistence_at_its_entry() -> None:
    found = findings({"setup.iss": _OFFICE_MONITOR})
    assert [line for code, line in found if code == _PERSISTS] == [15]
    assert [line for code, line in found if code == _ROOT] == [4]
    # the product's own service and its firewall rules are not labelled (holdout26, holdout263)
    assert {code for code, _ in found} == {_PERSISTS, _ROOT}


def test_inno_registry_near_misses_are_quiet() -> None:
    other_key = _OFFICE_MONITOR.replace("CurrentVersion\\Run", "CurrentVersion\\App Paths\\OfficeMonitor.exe")
    assert codes_at({"setup.iss": other_key}, _PERSISTS) == []
    commented = _OFFICE_MONITOR.replace("Root: HKLM", "; Root: HKLM")
    assert codes_at({"setup.iss": commented}, _PERSISTS) == []
    as_text = _OFFICE_MONITOR  # the same entry in a text file is not a script
    assert codes_at({"docs/setup-notes.txt": as_text}, _PERSISTS) == []


# The [Run] shapes of public .iss files found by ``find_string`` (``Filename: "{sys}\\sc.exe"; Parameters:
# "create``, ``netsh``, ``schtasks``): each a program run handed to the batch reader's command-line checks.
_RUNS = (
    "[Setup]\n"
    "AppName=Agent\n"
    "PrivilegesRequired=lowest\n"
    "[Run]\n"
    'Filename: "{sys}\\schtasks.exe"; Parameters: "/Create /F /TN ""Agent"" /TR ""{app}\\agent.exe"" /SC ONLOGON"; '
    "Flags: runhidden\n"
    'Filename: "powershell.exe"; Parameters: "-NoProfile -Command ""Set-MpPreference -DisableRealtimeMonitoring '
    '$true"""; Flags: runhidden\n'
    'Filename: "{cmd}"; Parameters: "/c netsh advfirewall set allprofiles state off"; Flags: runhidden\n'
    "[UninstallRun]\n"
    'Filename: "{sys}\\schtasks.exe"; Parameters: "/Delete /F /TN ""Agent"""; Flags: runhidden\n'
)


def test_inno_run_entries_reach_the_windows_command_checks() -> None:
    found = findings({"installer/agent.iss": _RUNS})
    assert [line for code, line in found if code == _SCHEDULED] == [5]
    assert [line for code, line in found if code == _PROTECTION] == [6, 7]


# taskscape/SystemMonitor ServerInstaller.iss @ e0b1478def21302b06f0064d24eedc038ccdbe69 (a postinstall entry that
# offers to open the dashboard), raspopov/SLAP Setup/vs_12.iss @ 22b2ebd0d7f760d5868c91dc715cf1498a2b25cc and
# getlantern/lantern-client windows/packaging/exe/inno_setup.iss @ 81b390ef5113df72b663fe49ebc6b4174720f036 (a
# bundled redistributable run
# from {tmp}, with a ``Check:`` function).
_QUIET_RUNS = (
    "[Setup]\n"
    "AppName=System Monitor Server\n"
    "PrivilegesRequired=admin\n"
    "[Files]\n"
    'Source: "vcredist_x64.exe"; DestDir: "{tmp}"; Flags: deleteafterinstall\n'
    'Source: "MicrosoftEdgeWebView2Setup.exe"; DestDir: "{tmp}"; Flags: deleteafterinstall\n'
    "[Run]\n"
    'Filename: "{sys}\\sc.exe"; Parameters: "create SystemCollectorService '
    'binPath= ""{app}\\SystemCollectorService.exe"" start= auto obj= LocalSystem"; Flags: runhidden\n'
    'Filename: "{sys}\\sc.exe"; Parameters: "start SystemCollectorService"; Flags: runhidden\n'
    'Filename: "http://localhost:5100"; Flags: shellexec nowait postinstall skipifsilent; '
    'Description: "Open monitoring dashboard"\n'
    'Filename: "{app}\\SystemMonitor.exe"; Description: "{cm:LaunchProgram,System Monitor}"; '
    "Flags: nowait postinstall skipifsilent\n"
    'Filename: "{tmp}\\MicrosoftEdgeWebView2Setup.exe"; Parameters: "/silent /install"; '
    "Check: NeedsWebView2Runtime\n"
    "[Code]\n"
    "function NeedsWebView2Runtime(): Boolean;\n"
    "var Version: String;\n"
    "begin\n"
    "  Result := not RegQueryStringValue(HKLM, 'SOFTWARE\\WOW6432Node\\Microsoft\\EdgeUpdate', 'pv', Version);\n"
    "end;\n"
    "procedure ExecTemp(File, Params : String);\n"
    "var nCode: Integer;\n"
    "begin\n"
    "  Exec( ExpandConstant( '{tmp}' ) + '\\' + File, Params, ExpandConstant( '{tmp}' ), SW_SHOW, "
    "ewWaitUntilTerminated, nCode );\n"
    "end;\n"
)


def test_inno_launches_bundled_installers_and_check_functions_are_quiet() -> None:
    assert findings({"ServerInstaller.iss": _QUIET_RUNS}) == [(_ROOT, 3)]


# A [Code] download then run, cut from FiredMosquito831/my-claude-code
# desktop-shell/installer/windows/MyClaudeCode.iss @ 5863a7c93af1470f8b884aefc3ed340aeba472bf: Inno 6's
# DownloadTemporaryFile(Url, BaseFilename, RequiredSHA256OfFile, OnDownloadProgress) checks the file only when the
# hash is not empty.
_WEBVIEW = (
    "[Setup]\n"
    "AppName=My App\n"
    "PrivilegesRequired=lowest\n"
    "[Code]\n"
    "const\n"
    "  WebView2BootstrapperUrl = 'https://go.microsoft.com/fwlink/p/?LinkId=2124703';\n"
    "  WebView2BootstrapperFile = 'MicrosoftEdgeWebview2Setup.exe';\n"
    "\n"
    "function InstallWebView2Runtime(var Problem: string): Boolean;\n"
    "var\n"
    "  Target: string;\n"
    "  ResultCode: Integer;\n"
    "begin\n"
    "  Result := False;\n"
    "  Target := ExpandConstant('{tmp}\\' + WebView2BootstrapperFile);\n"
    "  try\n"
    "    DownloadTemporaryFile(WebView2BootstrapperUrl, WebView2BootstrapperFile, '', nil);\n"
    "  except\n"
    "    Exit;\n"
    "  end;\n"
    "  if not Exec(Target, '/silent /install', '', SW_HIDE, ewWaitUntilTerminated, ResultCode) then\n"
    "    Exit;\n"
    "  Result := True;\n"
    "end;\n"
    "\n"
    "function PrepareToInstall(var NeedsRestart: Boolean): String;\n"
    "var Problem: string;\n"
    "begin\n"
    "  if InstallWebView2Runtime(Problem) then\n"
    "    Exit;\n"
    "end;\n"
)


def test_inno_code_download_run_without_hash_is_unverified() -> None:
    found = findings({"setup/app.iss": _WEBVIEW})
    assert [line for code, line in found if code == _UNVERIFIED] == [21]
    assert [line for code, line in found if code == _ENDPOINT] == [17]  # once, at the download (its const on 6)
    in_run = _WEBVIEW.replace(
        "  if not Exec(Target, '/silent /install', '', SW_HIDE, ewWaitUntilTerminated, ResultCode) then\n    Exit;\n",
        "",
    )
    in_run = in_run.replace("[Code]\n", '[Run]\nFilename: "{tmp}\\MicrosoftEdgeWebview2Setup.exe"\n[Code]\n')
    assert codes_at({"setup/app.iss": in_run}, _UNVERIFIED) == [5]  # the [Code] wizard step runs before [Run]


def test_inno_download_with_hash_or_checked_file_is_quiet() -> None:
    sha = "'9c1e6d4a0f4b7b3e2e51c1b5d0e1f8a6c3d2b1a09f8e7d6c5b4a39281706f5e4'"
    hashed = _WEBVIEW.replace("WebView2BootstrapperFile, '', nil)", f"WebView2BootstrapperFile, {sha}, nil)")
    assert codes_at({"setup/app.iss": hashed}, _UNVERIFIED) == []
    checked = _WEBVIEW.replace(
        "  if not Exec(",
        f"  if GetSHA256OfFile(Target) <> {sha} then\n    Exit;\n  if not Exec(",
    )
    assert codes_at({"setup/app.iss": checked}, _UNVERIFIED) == []
    other_file = _WEBVIEW.replace(
        "Target := ExpandConstant('{tmp}\\' + WebView2BootstrapperFile)",
        "Target := ExpandConstant('{app}\\helper.exe')",
    )
    assert codes_at({"setup/app.iss": other_file}, _UNVERIFIED) == []


def test_inno_default_privilege_level_is_admin() -> None:
    no_line = '; Setup\n[Setup]\nAppName=Tool\nDefaultDirName={autopf}\\Tool\n[Files]\nSource: "tool.exe"\n'
    assert codes_at({"tool.iss": no_line}, _ROOT) == [2]
    lowest = no_line.replace("AppName=Tool\n", "AppName=Tool\nPrivilegesRequired=lowest\n")
    assert codes_at({"tool.iss": lowest}, _ROOT) == []
    overridable = no_line.replace("AppName=Tool\n", "AppName=Tool\nPrivilegesRequiredOverridesAllowed=dialog\n")
    assert codes_at({"tool.iss": overridable}, _ROOT) == []
    included = '[Files]\nSource: "tool.exe"; DestDir: "{app}"\n'  # a fragment another script includes
    assert codes_at({"files.iss": included}, _ROOT) == []


# hainguyents13/mechvibes build/installer.nsh @ fdfb94067f788af6bd2f44eb05c4867a97e12bfd (electron-builder's
# customInstall macro: inetc::get of the VC++ redistributable, then ExecWait of it).
_MECHVIBES = (
    "!addincludedir build\n"
    "\n"
    "!macro customInstall\n"
    "    SetRegView 64\n"
    '    ReadRegStr $0 HKLM "SOFTWARE\\Microsoft\\VisualStudio\\14.0\\VC\\Runtimes\\X64" "Version"\n'
    "    SetRegView 32\n"
    "\n"
    "    StrCmp $0 '' notInstalled installed\n"
    "\n"
    "    notInstalled:\n"
    '    DetailPrint "VC++ Redistributable package is missing!"\n'
    '    inetc::get "https://aka.ms/vs/17/release/vc_redist.x64.exe" $PLUGINSDIR\\vcredist.exe\n'
    '    DetailPrint "Installing Visual Studio Redistributable package..."\n'
    "    ExecWait '\"$PLUGINSDIR\\vcredist.exe\" /q /norestart'\n"
    '    DetailPrint "Done"\n'
    "\n"
    "    installed:\n"
    '    DetailPrint "VC++ Redistributable installed"\n'
    "!macroend\n"
)

# stream-labs/desktop installer.nsh @ 3b1bdab86ca85104cd2fcf69ef08ea85e4b61d0a (NSISdl::download, then ExecWait).
_STREAMLABS = (
    "!macro customInstall\n"
    "  NSISdl::download https://s3-us-west-2.amazonaws.com/obsstudionodes3.streamlabs.com/VC_redist.x64.exe "
    '"$INSTDIR\\vc_redist.x64.exe"\n'
    "  ${If} ${FileExists} `$INSTDIR\\vc_redist.x64.exe`\n"
    "    ExecWait '$INSTDIR\\vc_redist.x64.exe /passive /norestart' $1\n"
    "  ${EndIf}\n"
    "!macroend\n"
)


def test_nsis_download_then_run_is_unverified() -> None:
    assert codes_at({"build/installer.nsh": _MECHVIBES}, _UNVERIFIED) == [14]
    assert codes_at({"installer.nsh": _STREAMLABS}, _UNVERIFIED) == [4]
    through_call = (
        'Name "Agent"\n'
        "Section\n"
        '  NSISdl::download /TIMEOUT=30000 https://example.org/x/tool.exe "$TEMP\\tool.exe"\n'
        "  Call RunTool\n"
        "SectionEnd\n"
        "Function RunTool\n"
        "  nsExec::Exec '\"$TEMP\\tool.exe\" --register'\n"
        "FunctionEnd\n"
    )
    assert codes_at({"installer/agent.nsi": through_call}, _UNVERIFIED) == [7]


# Nexus-Mods/Vortex build/installer.nsh @ 65eb5e4c441c87bc4aaf863372be6d4ca4490128 (the redistributable shipped in
# the installer, ``File /oname=``, then ExecWait), and ExecWait of the bundled uninstaller.
_VORTEX = (
    "!macro customInstall\n"
    "  SetRegView 64\n"
    '  ReadRegDWORD $1 HKLM "SOFTWARE\\Microsoft\\VisualStudio\\14.0\\VC\\Runtimes\\x64" "Installed"\n'
    '  ${If} $1 != "1"\n'
    '    File /oname=$PLUGINSDIR\\vc_redist.x64.exe "${BUILD_RESOURCES_DIR}\\vc_redist.x64.exe"\n'
    "    ExecWait '\"$PLUGINSDIR\\vc_redist.x64.exe\" /passive /norestart'\n"
    "  ${EndIf}\n"
    "  ExecWait '\"$INSTDIR\\Uninstall Vortex.exe\" /S _?=$INSTDIR'\n"
    "!macroend\n"
)


def test_nsis_bundled_installers_and_uninstaller_are_quiet() -> None:
    assert findings({"build/installer.nsh": _VORTEX}) == []
    commented = _MECHVIBES.replace("    inetc::get", "    ; inetc::get")
    assert codes_at({"build/installer.nsh": commented}, _UNVERIFIED) == []
    block = _MECHVIBES.replace("    inetc::get", "    /* inetc::get").replace(
        "vcredist.exe\n    Det", "vcredist.exe */\n    Det"
    )
    assert codes_at({"build/installer.nsh": block}, _UNVERIFIED) == []


def test_nsis_run_key_service_and_task_reach_the_windows_checks() -> None:
    script = (
        '!define SVC "agent"\n'
        'Name "Agent"\n'
        "Section\n"
        '  WriteRegStr HKLM "Software\\Microsoft\\Windows\\CurrentVersion\\Run" "Agent" "$INSTDIR\\agent.exe"\n'
        '  nsExec::ExecToLog \'schtasks /Create /TN "${SVC}" /TR "$INSTDIR\\agent.exe" /SC ONSTART\'\n'
        '  inetc::get /CAPTION "Agent" "https://example.org/agent/agentsvc.exe" "$TEMP\\agentsvc.exe" /END\n'
        '  SimpleSC::InstallService "${SVC}" "Agent" "16" "2" "$TEMP\\agentsvc.exe" "" "" ""\n'
        "SectionEnd\n"
    )
    found = findings({"installer.nsi": script})
    assert [line for code, line in found if code == _PERSISTS] == [4]
    assert [line for code, line in found if code == _SCHEDULED] == [5]
    assert [line for code, line in found if code == _UNVERIFIED] == [7]
    quiet = script.replace("CurrentVersion\\Run", "CurrentVersion\\Uninstall\\Agent").replace("/Create", "/Run")
    quiet = quiet.replace('"$TEMP\\agentsvc.exe" "" ""', '"$INSTDIR\\agent.exe" "" ""')
    assert codes_at({"installer.nsi": quiet}, _PERSISTS) == []
    assert codes_at({"installer.nsi": quiet}, _SCHEDULED) == []
    assert codes_at({"installer.nsi": quiet}, _UNVERIFIED) == []
