"""Classes the two-hundred-and-forty-sixth hold-out set showed (tests/preflight/holdout246: Windows installers,
updaters and maintenance scripts of products, PowerShell, batch and Chocolatey, the population of holdout209/221/231
sampled a fourteenth time), each as its minimal construct next to the nearest inputs that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

_ENDPOINT = "preflight.external_endpoint"
_UNVERIFIED = "preflight.unverified_download_exec"

# -- A: a parameter whose name holds a digit (``-Url64bit``, ``-Checksum64``) ends the command in the grammar ------

_WEBFILE = (
    "$url = 'https://downloads.example-agent.net/agent-1.2.zip'\n"
    "$url64 = $url\n"
    "$zip = Join-Path $env:TEMP 'agent.zip'\n"
    'Get-ChocolateyWebFile -PackageName "agent" -FileFullPath "$zip" -Url "$url" -Url64bit "$url64" '
    '-Checksum "0f1e2d3c" -ChecksumType "sha256" -Checksum64 "0f1e2d3c"\n'
    "Get-ChocolateyUnzip \"$zip\" \"$env:TEMP\\agent\"\n"
    "Move-Item \"$env:TEMP\\agent\\agent.exe\" \"$env:ProgramFiles\\Agent\" -Force\n"
)


def test_a_a_named_url_before_a_parameter_with_digits_is_read() -> None:
    assert codes_at({"install.ps1": _WEBFILE}, _ENDPOINT) == [4]
    continued = _WEBFILE.replace(' -Url64bit "$url64" ', " `\n  -Url64bit $url64 `\n  ")
    assert codes_at({"install.ps1": continued}, _ENDPOINT) == [4]


def test_a_digits_in_a_string_or_comment_are_not_read_as_a_call() -> None:
    quiet = "Write-Host 'pass -Url64bit https://downloads.example-agent.net/x.zip to the helper'\n"
    assert codes_at({"install.ps1": quiet}, _ENDPOINT) == []
    comment = "# Get-ChocolateyWebFile -Url64bit https://downloads.example-agent.net/x.zip\n"
    assert codes_at({"install.ps1": comment}, _ENDPOINT) == []


# -- A (follow-on): ``Get-ChocolateyWebFile -Checksum`` checks the file it saves -----------------------------------


def test_a_a_checksummed_web_file_moved_into_program_files_is_quiet() -> None:
    assert codes_at({"install.ps1": _WEBFILE}, _UNVERIFIED) == []


def test_a_a_web_file_with_no_checksum_moved_into_program_files_is_reported() -> None:
    bare = _WEBFILE.replace(' -Checksum "0f1e2d3c" -ChecksumType "sha256" -Checksum64 "0f1e2d3c"', "")
    assert codes_at({"install.ps1": bare}, _UNVERIFIED) != []
    empty = _WEBFILE.replace('-Checksum "0f1e2d3c"', "-Checksum ''").replace(' -Checksum64 "0f1e2d3c"', "")
    assert codes_at({"install.ps1": empty}, _UNVERIFIED) != []
