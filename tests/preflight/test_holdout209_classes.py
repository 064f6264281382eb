"""Classes the two-hundred-and-ninth hold-out set showed (tests/preflight/holdout209: Windows installers, updaters
and maintenance scripts, PowerShell and batch, the population of holdout26/68/127/139/149/158/169/178/191/196
sampled an eleventh time), each as its minimal construct next to the nearest input that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

# -- A: a variable assigned the value of an ``if`` expression, ``$x = if (…) { V1 } else { V2 }`` ----------------------

_ENDPOINT = "preflight.external_endpoint"
_UNVERIFIED = "preflight.unverified_download_exec"
_PERSISTENCE = "preflight.persistence"
_BRANCHED = (
    "$version = if ($env:VERSION) { $env:VERSION } else { 'latest' }\n"
    "$installDir = if ($env:INSTALL_DIR) { $env:INSTALL_DIR } else { Join-Path $HOME '.local\\bin' }\n"
    "$url = if ($version -eq 'latest') {\n"
    '    "https://github.com/acme/tool/releases/latest/download/tool.exe"\n'
    "} else {\n"
    '    "https://github.com/acme/tool/releases/download/$version/tool.exe"\n'
    "}\n"
    "$dest = Join-Path $installDir 'tool.exe'\n"
    "Invoke-WebRequest -Uri $url -OutFile $dest -UseBasicParsing\n"
    "$current = [Environment]::GetEnvironmentVariable('PATH', 'User')\n"
    '$new = if ($current) { "$current;$installDir" } else { $installDir }\n'
    "[Environment]::SetEnvironmentVariable('PATH', $new, 'User')\n"
)


def test_a_an_if_expression_gives_the_variable_its_branch_value() -> None:
    files = {"install.ps1": _BRANCHED}
    assert codes_at(files, _ENDPOINT) == [9]
    assert codes_at(files, _UNVERIFIED) == [9]  # saved into the folder the user PATH gets on line 12
    assert codes_at(files, _PERSISTENCE) == [12]


def test_a_branches_of_another_host_or_folder_stay_what_they_are() -> None:
    # the PATH gets another folder in both branches: the download is not installed by it
    other = '"$current;C:\\other" } else { "C:\\other" }'
    elsewhere = _BRANCHED.replace('"$current;$installDir" } else { $installDir }', other)
    assert codes_at({"install.ps1": elsewhere}, _UNVERIFIED) == []
    # an ``if`` statement that assigns inside its blocks is not a value: the variable keeps its earlier value
    statement = (
        "$u = 'https://a.example-dl.net/x.zip'\nif ($y) { $v = 1 } else { $v = 2 }\n"
        "Invoke-WebRequest -Uri $u -OutFile x.zip\n"
    )
    assert codes_at({"get.ps1": statement}, _ENDPOINT) == [3]
    # a branch that only reads a variable the script never set leaves no host
    unknown = "$url = if ($env:URL) { $env:URL } else { $env:FALLBACK }\nInvoke-WebRequest -Uri $url -OutFile x.zip\n"
    assert codes_at({"get.ps1": unknown}, _ENDPOINT) == []


# -- B: an Administrator check whose role is the enum cast of its name, ``[…WindowsBuiltInRole] "Administrator"`` ----

_ROOT = "preflight.root_assumed"
_CAST_CHECK = (
    "$isAdmin = ([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent())"
    '.IsInRole([Security.Principal.WindowsBuiltInRole] "{role}")\r\n'
    "if (-not $isAdmin) {{\r\n"
    '    Write-Host "Please run this script as an Administrator."\r\n'
    "    exit 1\r\n"
    "}}\r\n"
)


def test_b_a_role_cast_from_its_name_is_the_administrators_role() -> None:
    assert codes_at({"update.ps1": _CAST_CHECK.format(role="Administrator")}, _ROOT) == [2]
    single = _CAST_CHECK.format(role="Administrator").replace('"Administrator"', "'Administrator'")
    assert codes_at({"update.ps1": single}, _ROOT) == [2]


def test_b_another_role_cast_or_a_check_that_only_warns_stays_quiet() -> None:
    assert codes_at({"update.ps1": _CAST_CHECK.format(role="User")}, _ROOT) == []
    warns = _CAST_CHECK.format(role="Administrator").replace("    exit 1\r\n", "")
    assert codes_at({"update.ps1": warns}, _ROOT) == []


# -- E: ``docker compose … up --build`` in PowerShell pulls the stack's images (as the shell reader reads it) ----------

_EGRESS = "preflight.implicit_egress"
_COMPOSE = (
    "& docker compose version | Out-Null\n"
    "& docker compose --project-name deploy --file $ComposeFile up --detach --build --wait\n"
    "& docker compose --project-name deploy --file $ComposeFile logs --tail 200 panel\n"
)


def test_e_a_compose_up_or_pull_fetches_the_stack_images() -> None:
    assert codes_at({"update.ps1": _COMPOSE}, _EGRESS) == [2]
    assert codes_at({"update.ps1": "docker-compose -f deploy.yml pull\n"}, _EGRESS) == [1]


def test_e_compose_commands_that_fetch_nothing_stay_quiet() -> None:
    never = _COMPOSE.replace("up --detach --build", "up --detach --pull never")
    assert codes_at({"update.ps1": never}, _EGRESS) == []
    # an ``up`` after a ``pull`` of the same stack: the images are already here
    pulled = "docker compose -f app.yml pull\ndocker compose -f app.yml up -d\n"
    assert codes_at({"update.ps1": pulled}, _EGRESS) == [1]
    assert codes_at({"update.ps1": "docker compose ps\ndocker compose down\n"}, _EGRESS) == []
