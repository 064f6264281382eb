"""Classes the sixtieth hold-out set showed (tests/preflight/holdout60: distribution maintainer scripts, RPM
scriptlets and the units/cron/tmpfiles files they install), each as its minimal construct next to a near-miss that
must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

BITS = "preflight.privileged_binary"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a file list's own directives and conditionals do not end a spec's %files section ------------------------------

DEFATTR_THEN_SETUID = _text(
    "Name: vendor",  # 1
    "%description",  # 2
    "x",  # 3
    "%files server",  # 4
    "%defattr(-,root,root)",  # 5
    "%license LICENSE",  # 6
    "%if ! %{rescue}",  # 7
    "%attr(4711,root,root) %{_libexecdir}/vendor/vendor-keysign",  # 8
    "%else",  # 9
    "%attr(4750,root,vendor) %{_bindir}/vendor-lock",  # 10
    "%endif",  # 11
    "%exclude %{_bindir}/vendor-debug",  # 12
    "%attr(4755,root,root) %{_bindir}/vendor-helper",  # 13
)


def test_a_setuid_attr_after_defattr_and_inside_a_conditional_of_files_is_reported() -> None:
    assert codes_at({"vendor.spec": DEFATTR_THEN_SETUID}, BITS) == [8, 10, 13]


def test_a_near_miss_attr_lines_after_files_ended_and_directories_stay_quiet() -> None:
    ended = _text(
        "Name: vendor",  # 1
        "%description",  # 2
        "x",  # 3
        "%files",  # 4
        "%defattr(-,root,root)",  # 5
        "%dir %attr(2755,root,vendor) %{_localstatedir}/lib/vendor",  # 6: a directory
        "%attr(0755,root,root) %{_bindir}/vendor",  # 7: no setuid/setgid bit
        "%package devel",  # 8: a new section ends the list
        "%attr(4755,root,root) %{_bindir}/not-a-file-list",  # 9
        "%changelog",  # 10
        "%attr(4711,root,root) %{_libexecdir}/vendor/vendor-keysign",  # 11: text of the changelog
    )
    assert codes_at({"vendor.spec": ended}, BITS) == []


# -- B: a spec's build template (``*.spec.in``) has its %attr modes read, as its scriptlets already were ---------------

TEMPLATE = _text(
    "Name: @PACKAGE@",  # 1
    "Version: @VERSION@",  # 2
    "%description",  # 3
    "x",  # 4
    "%files",  # 5
    "%defattr(-,root,root)",  # 6
    "%attr(4755,root,root) /usr/libexec/vendor/vendor-helper",  # 7
)


def test_b_a_setuid_attr_in_a_spec_template_is_reported() -> None:
    assert codes_at({"pkg/rpm/vendor.spec.in": TEMPLATE}, BITS) == [7]


def test_b_near_miss_the_same_lines_in_files_not_named_as_a_spec_stay_quiet() -> None:
    assert codes_at({"pkg/rpm/vendor.conf.in": TEMPLATE}, BITS) == []
    assert codes_at({"pkg/rpm/vendor.spec.orig": TEMPLATE}, BITS) == []
