"""Values a Python install program's own functions build from what each call gives them
(``shipgate.preflight.python_helper_values``): a download helper that builds its URL and path from one parameter,
the value a function returns, and a module constant inside an f-string; each next to a near-miss."""

from __future__ import annotations

from shipgate.preflight import python_script


def _read(*lines: str) -> dict[int, str]:
    pieces = python_script.commands("install.py", "\n".join(lines) + "\n")
    assert pieces is not None
    return dict(pieces)


_HEAD = (
    "import os, shutil, tarfile, tempfile",  # 1
    "import requests",  # 2
    'VERSION = "1.2.3"',  # 3
    'BASE = f"https://github.com/acme/agent/releases/download/v{VERSION}"',  # 4
)


# -- 1: a download helper whose URL and path are expressions of its parameter --------------------------------------

_ONE_PARAMETER = (
    *_HEAD,
    "def download(name):",  # 5
    '    r = requests.get(f"{BASE}/{name}", stream=True, timeout=30)',  # 6
    '    with open(f"/tmp/{name}", "wb") as fh:',  # 7
    "        shutil.copyfileobj(r.raw, fh)",  # 8
    '    return f"/tmp/{name}"',  # 9
    "def main():",  # 10
    '    archive = download("agent-linux-amd64.tar.gz")',  # 11
    "    with tarfile.open(archive) as tar:",  # 12
    '        tar.extractall("/usr/local/lib/acme")',  # 13
    'if __name__ == "__main__":',  # 14
    "    main()",  # 15
)


def test_a_helper_saving_a_fetch_of_its_parameter_is_a_download_at_each_call() -> None:
    at = _read(*_ONE_PARAMETER)
    assert at[11].startswith(
        'curl -fsSL -o "/tmp/agent-linux-amd64.tar.gz" "${BASE}/agent-linux-amd64.tar.gz"'
    ), at[11]


def test_the_helper_through_its_locals_os_path_join_and_a_default() -> None:
    at = _read(
        *_HEAD,
        'TMP = "/var/tmp"',  # 5
        'def fetch(name, where=TMP):',  # 6
        '    url = BASE + "/" + name',  # 7
        "    dest = os.path.join(where, name)",  # 8
        "    urllib.request.urlretrieve(url, dest)",  # 9
        "fetch('agent.tgz')",  # 10
        "fetch('agent.tgz', '/opt')",  # 11
    )
    assert at[10].startswith('curl -fsSL -o "${TMP}/agent.tgz" "${BASE}/agent.tgz"'), at[10]
    assert at[11].startswith('curl -fsSL -o "/opt/agent.tgz" "${BASE}/agent.tgz"'), at[11]


def test_the_helper_of_one_parameter_saved_at_another_still_reads() -> None:
    at = _read(
        "import urllib.request",  # 1
        "def download(url, dest):",  # 2
        "    urllib.request.urlretrieve(url, dest)",  # 3
        'download("https://example.org/agent.tgz", "/tmp/agent.tgz")',  # 4
    )
    assert at[4].startswith('curl -fsSL -o "/tmp/agent.tgz" "https://example.org/agent.tgz"'), at[4]


def test_near_miss_a_helper_whose_path_is_no_expression_of_its_parameters_is_no_download_at_the_call() -> None:
    at = _read(
        *_HEAD,
        "def download(name):",  # 5
        "    dest = tempfile.mktemp()",  # 6
        '    urllib.request.urlretrieve(f"{BASE}/{name}", dest)',  # 7
        'download("agent.tgz")',  # 8
    )
    assert "curl" not in at[8], at[8]


# -- 2: a name bound to the call of a function with one return ------------------------------------------------------


def test_a_name_bound_to_a_helpers_call_is_what_it_returns_so_the_unpack_reads_the_download() -> None:
    at = _read(*_ONE_PARAMETER)
    assert 'archive="/tmp/agent-linux-amd64.tar.gz"' in at[11], at[11]
    assert at[13].startswith('tar -xf "${archive}" -C "/usr/local/lib/acme"'), at[13]


def test_near_miss_a_function_with_two_different_returns_gives_no_value() -> None:
    at = _read(
        "import tarfile",  # 1
        "def archive_path(name, local):",  # 2
        "    if local:",  # 3
        '        return f"/srv/{name}"',  # 4
        '    return f"/tmp/{name}"',  # 5
        'archive = archive_path("agent.tgz", True)',  # 6
        'tarfile.open(archive).extractall("/opt/acme")',  # 7
    )
    assert "archive=" not in at[6], at[6]
    assert at[7] == 'tar -xf "${PY_VALUE}" -C "/opt/acme"'


# -- 3: a module constant inside an f-string --------------------------------------------------------------------------


def test_a_module_constant_in_an_f_string_is_its_variable_written_at_its_line() -> None:
    at = _read(
        "import os",  # 1
        'PREFIX = "/opt/acme"',  # 2
        "def main():",  # 3
        '    os.makedirs(f"{PREFIX}/bin")',  # 4
        "main()",  # 5
    )
    assert at[2] == 'PREFIX="/opt/acme"'
    assert at[4].startswith('mkdir -p -- "${PREFIX}/bin"'), at[4]


def test_near_miss_a_constant_that_is_not_a_string_and_a_converted_field_stay_unknown() -> None:
    at = _read(
        "import os",  # 1
        'DIRS = ["/opt/acme", "/srv/acme"]',  # 2
        'PREFIX = "/opt/acme"',  # 3
        "def main():",  # 4
        '    os.makedirs(f"{DIRS}/bin")',  # 5
        '    os.makedirs(f"{PREFIX!r}/lib")',  # 6
        "main()",  # 7
    )
    assert at[5].startswith('mkdir -p -- "${PY_VALUE}/bin"'), at[5]
    assert at[6].startswith('mkdir -p -- "${PY_VALUE}/lib"'), at[6]
    assert 3 not in at


def test_a_fetch_of_a_url_that_starts_with_a_constant_holding_a_url_is_a_request() -> None:
    at = _read(
        "from requests import get",  # 1
        'API_ROOT = "https://api.example.org/v2/"',  # 2
        'DATA = "/var/lib/acme/"',  # 3
        "def main():",  # 4
        '    get(f"{API_ROOT}projects/paper")',  # 5
        '    get(f"{DATA}projects/paper")',  # 6
        '    get(API_ROOT + "x", stream=True)',  # 7
        "main()",  # 8
    )
    assert at[5].startswith('curl -fsSL "${API_ROOT}projects/paper"'), at[5]
    assert 6 not in at  # near-miss: a constant that holds no URL
    assert at[7].startswith('curl -fsSL "${API_ROOT}x"'), at[7]
