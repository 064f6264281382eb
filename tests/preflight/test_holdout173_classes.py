"""Classes the hundred-and-seventy-third hold-out set showed (tests/preflight/holdout173: CLI tool and agent installers
that download a release and put it on PATH, holdout79/129/140/153/161's population sampled a sixth time), each as its
minimal construct next to the nearest input that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

_UNVERIFIED = "preflight.unverified_download_exec"


# -- C: a fetched tarball decompressed onto a pipe into ``tar`` is unpacked from the fetch -----------------------------


def _install(unpack: str, check: str = "") -> dict[str, str]:
    return {
        "install.sh": (
            "#!/bin/sh\n"
            "set -eu\n"
            "tmp=/tmp/tool-$$\n"
            'out="${tmp}/tool.tar.gz"\n'
            'mkdir -p "${tmp}"\n'
            'wget -q https://releases.example.org/tool.tar.gz -O "${out}"\n'  # 6
            f"{check}"
            'cd "${tmp}"\n'
            f"{unpack}\n"
            'mv "${tmp}/tool" /usr/local/bin\n'
        )
    }


def test_c_a_tarball_gunzipped_onto_a_pipe_into_tar_is_followed_to_its_install() -> None:
    assert codes_at(_install('gzip -d -c "${out}" | tar x'), _UNVERIFIED) == [9]


def test_c_the_pipe_inside_an_if_and_the_cat_spellings_are_followed_too() -> None:
    guarded = 'if ! gzip -dc "${out}" | tar x; then\n  exit 1\nfi'
    assert codes_at(_install(guarded), _UNVERIFIED) == [11]
    assert codes_at(_install('zcat "${out}" | tar -xf -'), _UNVERIFIED) == [9]


def test_c_a_checksum_before_the_pipe_still_counts() -> None:
    check = 'echo "0123abcd  ${out}" | sha256sum -c\n'
    assert codes_at(_install('gzip -d -c "${out}" | tar x', check), _UNVERIFIED) == []


def test_c_a_decompressed_stream_read_by_something_other_than_an_unpacker_installs_nothing() -> None:
    assert codes_at(_install('gzip -d -c "${out}" | wc -c'), _UNVERIFIED) == []


# -- H: a variable set from a function that echoes a path below a top directory is never / or the working tree -------

_RM = "preflight.rm_rf_variable"


def _cleanup(printed: str) -> dict[str, str]:
    """``tempname`` prints ``printed``; its output is removed on line 7."""
    body = f'tempname() {{\n  echo {printed}\n}}\ntmp="$(tempname)"\nrm -rf "${{tmp}}"\n'
    return {"install.sh": "#!/bin/sh\nset -eu\n" + body}


def test_h_a_function_that_echoes_a_path_under_tmp_hands_a_safe_value_to_rm() -> None:
    assert codes_at(_cleanup('"/tmp/${PROGRAM}-$$"'), _RM) == []


def test_h_a_function_that_echoes_a_bare_variable_still_leaves_rm_unsafe() -> None:
    assert codes_at(_cleanup('"${TARGET}"'), _RM) == [7]
