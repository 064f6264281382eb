"""A download with no checksum or signature that is not run at once but installed where it runs or is loaded
(docs/preflight.md, ``unverified_download_exec``): each construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

CODE = "preflight.unverified_download_exec"


# -- a fetched file moved (not only copied) under /etc, /usr, /opt…; wget's URL written without its scheme ---------


def test_a_fetched_file_moved_into_a_system_directory_is_installed() -> None:
    """``mv named.conf.local /etc/bind/``: moving the download into place installs it as a copy does (holdout148's
    bind zones); wget saves a URL written without its scheme (``wget host/dns/db.hq.work``) under its last part."""
    for url in ("https://demo.example.org/dns/db.hq.work", "demo.example.org/dns/db.hq.work"):
        assert in_script(CODE, f"wget {url}", "mv db.hq.work /etc/bind/zones/") == [4]
    assert in_script(CODE, "curl -fsSLo agent https://dl.example.org/agent", "mv agent /opt/agent/agent") == [4]


def test_a_near_miss_data_moved_into_shared_data_or_checked_first_stays_quiet() -> None:
    """Model data moved into ``/usr/share`` (read, not run), a download checked before its move, and a file of the
    URL's name when ``-O`` saved the download under another: nothing installed unverified."""
    model = ("wget https://dl.example.org/khm.traineddata", "mv khm.traineddata /usr/share/tessdata")
    assert in_script(CODE, *model) == []
    checked = ("wget https://dl.example.org/db.hq.work", "echo 'ab12  db.hq.work' | sha256sum -c -")
    assert in_script(CODE, *checked, "mv db.hq.work /etc/bind/zones/") == []
    named = "wget -O db.hq.work.new demo.example.org/dns/db.hq.work"
    assert in_script(CODE, named, "mv db.hq.work /etc/bind/zones/") == []


# -- the same file from the same URL fetched and installed twice, one install after the other ---------------------


def _stages(second: str) -> str:
    return (
        "\n".join(
            (
                "FROM debian:12 AS server",  # 1
                "RUN curl -LO https://github.com/vendor/yarn/releases/download/v1.22.19/yarn_1.22.19_all.deb \\",  # 2
                "    && dpkg -i yarn_1.22.19_all.deb",  # 3
                "",  # 4
                "FROM debian:12 AS worker",  # 5
                second,  # 6
                "    && dpkg -i yarn_1.22.19_all.deb",  # 7
            )
        )
        + "\n"
    )


def test_b_one_package_fetched_and_installed_in_two_image_stages_is_two_installs() -> None:
    """Each stage fetches and installs the package with no check: two images, two findings (holdout76)."""
    second = "RUN curl -LO https://github.com/vendor/yarn/releases/download/v1.22.19/yarn_1.22.19_all.deb \\"
    assert codes_at({"Dockerfile": _stages(second)}, CODE) == [3, 7]


def test_b_near_miss_a_download_in_either_branch_or_checked_stays_one_or_none() -> None:
    """An ``if`` branch that runs the download and exits, then the other spelling of it: one fetched file; a second
    stage whose download is checked first: only the first stage's."""
    either = (
        "if [ -x /usr/bin/wget ]; then",
        "  wget -q https://dl.example.org/setup.sh -O setup.sh",
        "  bash setup.sh",
        "  exit",
        "fi",
        "curl -s -O https://dl.example.org/setup.sh",
        "bash setup.sh",
    )
    assert in_script(CODE, *either) == [5]
    checked = (
        "RUN curl -LO https://github.com/vendor/yarn/releases/download/v1.22.19/yarn_1.22.19_all.deb \\\n"
        "    && echo 'ab12  yarn_1.22.19_all.deb' | sha256sum -c - \\"
    )
    assert codes_at({"Dockerfile": _stages(checked)}, CODE) == [3]


# -- wget -i: the URLs, and so the saved names, come from a list -----------------------------------------------------

_LISTED = (
    "curl -s https://api.github.com/repos/vendor/tool/releases/latest | grep browser_download_url"
    " | cut -d : -f 2,3 | tr -d '\"' | wget -qi -"
)


def test_c_a_bare_name_after_wget_of_a_url_list_is_the_download() -> None:
    """``… | wget -qi -`` then ``chmod +x tool``: the file the list's URL saved is made executable unchecked
    (holdout173's openbin); also from a list file."""
    assert in_script(CODE, _LISTED, "chmod +x tool", "mv tool /usr/local/bin/tool") == [4]
    assert in_script(CODE, "wget -i urls.txt", "chmod +x tool") == [4]


def test_c_near_miss_a_named_download_or_a_checked_one_leaves_other_names_alone() -> None:
    """After a download whose name is known, another bare name is another file; a list's download checked before
    its ``chmod`` is not reported; a file only read is not used."""
    assert in_script(CODE, "wget -q https://dl.example.org/tool-1.2", "chmod +x tool") == []
    assert in_script(CODE, _LISTED, "echo 'ab12  tool' | sha256sum -c -", "chmod +x tool") == []
    assert in_script(CODE, _LISTED, "cat tool") == []


# -- an Ansible command task's chdir: the directory it builds in --------------------------------------------------


def _role(build: str) -> str:
    return "\n".join(
        (
            "- name: Download and unpack re2c",  # 1
            "  unarchive:",  # 2
            '    src: "https://github.com/vendor/re2c/archive/{{ re2c_version }}.tar.gz"',  # 3
            '    dest: "{{ source_dir }}"',  # 4
            "    remote_src: yes",  # 5
            "- name: Compile re2c",  # 6
            "  become: yes",  # 7
            build,  # 8…
        )
    )


def test_d_a_command_task_builds_in_the_directory_its_chdir_names() -> None:
    """``make install`` with ``args: chdir:`` below the unpacked URL archive: the fetched source built and installed
    as root, no checksum (holdout94's openvpn role: re2c and openvpn-auth-ldap); also ``chdir=`` in the free form."""
    block = (
        '  shell: |\n    ./configure\n    make install\n  args:\n    chdir: "{{ source_dir }}/re2c-{{ re2c_version }}"'
    )
    assert codes_at({"tasks/main.yml": _role(block)}, CODE) == [9]
    free = '  command: make install chdir="{{ source_dir }}/re2c"'
    assert codes_at({"tasks/main.yml": _role(free)}, CODE) == [8]


def test_d_near_miss_a_build_elsewhere_or_with_no_chdir_is_not_the_download() -> None:
    """The same build in a directory of the role's own (a literal path), or with no ``chdir``: not where the
    archive was unpacked."""
    other = "  shell: make install\n  args:\n    chdir: /usr/src/local-tool"
    assert codes_at({"tasks/main.yml": _role(other)}, CODE) == []
    assert codes_at({"tasks/main.yml": _role("  shell: make install")}, CODE) == []


# -- Go: an archive unpacked by a function named for it, and a path built below its directory -------------------------


def _go_updater(joined_under: str) -> str:
    return (
        "\n".join(
            (
                "package update",  # 1
                "",  # 2
                "import (",  # 3
                '\t"io"',  # 4
                '\t"net/http"',  # 5
                '\t"os"',  # 6
                '\t"path/filepath"',  # 7
                "",  # 8
                '\t"example.org/app/tools/archive"',  # 9
                ")",  # 10
                "",  # 11
                "func downloadFile(url string, dest string) error {",  # 12
                "\tresp, err := http.Get(url)",  # 13
                "\tif err != nil {",  # 14
                "\t\treturn err",  # 15
                "\t}",  # 16
                "\tdefer resp.Body.Close()",  # 17
                "\tout, err := os.Create(dest)",  # 18
                "\tif err != nil {",  # 19
                "\t\treturn err",  # 20
                "\t}",  # 21
                "\t_, err = io.Copy(out, resp.Body)",  # 22
                "\treturn err",  # 23
                "}",  # 24
                "",  # 25
                "func Update(url string, releaseDir string, keptDir string) error {",  # 26
                '\tassetZip := filepath.Join(releaseDir, "app.zip")',  # 27
                "\tif err := downloadFile(url, assetZip); err != nil {",  # 28
                "\t\treturn err",  # 29
                "\t}",  # 30
                '\textractDir := filepath.Join(releaseDir, "extracted")',  # 31
                "\tif err := archive.Extract(assetZip, extractDir); err != nil {",  # 32
                "\t\treturn err",  # 33
                "\t}",  # 34
                "\toldExec, err := os.Executable()",  # 35
                "\tif err != nil {",  # 36
                "\t\treturn err",  # 37
                "\t}",  # 38
                f'\tnewExec := filepath.Join({joined_under}, "app")',  # 39
                "\treturn os.Rename(newExec, oldExec)",  # 40
                "}",  # 41
            )
        )
        + "\n"
    )


def test_e_go_the_unpacked_executable_renamed_over_the_running_one() -> None:
    """``archive.Extract(assetZip, extractDir)`` then ``os.Rename(filepath.Join(extractDir, "app"), exe)``: the
    downloaded release replaces the running program with no check (holdout56's PocketBase ``ghupdate``)."""
    assert codes_at({"update/update.go": _go_updater("extractDir")}, CODE) == [40]


def test_e_near_miss_a_path_joined_under_another_directory_is_not_the_archives() -> None:
    """The renamed file built under a directory the archive was not unpacked into: another file."""
    assert codes_at({"update/update.go": _go_updater("keptDir")}, CODE) == []
