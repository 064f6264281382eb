"""Classes of mistakes the sixteenth hold-out set found (tests/preflight/holdout16: install scripts of apk, pacman,
FreeBSD pkg, Snap, RPM specs, Gentoo ebuilds and a Homebrew formula), each as its minimal construct next to a
near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at

# -- A: scripts other package managers run as root (no shebang, or a path that says what runs them) --------------

_STEPS = "addgroup -S vendor\nchown -R vendor /var/lib/vendor\niptables -D FORWARD -s 10.1.0.0/16 -j ACCEPT\n"


def test_a_apk_pacman_pkg_and_snap_scripts_are_run_as_root() -> None:
    pacman = "post_install() {\n  useradd -r vendor\n  chown -R vendor /var/lib/vendor\n}\n\n"
    pacman += "post_upgrade() {\n  post_install\n}\n"
    cases = {
        "community/vendor/vendor.pre-deinstall": "#!/bin/sh\n" + _STEPS,
        "vendor/trunk/vendor.install": pacman,
        "+POST_INSTALL": _STEPS,
        "net/vendor/+POST_INSTALL.post": _STEPS,
        "sysutils/vendor/files/pkg-deinstall.in": _STEPS,
        "snap/hooks/remove": "#!/bin/sh\n" + _STEPS,
    }
    for path, text in cases.items():
        assert codes_at({path: text}, "preflight.root_assumed") == [1], path
        assert codes_at({path: text}, "preflight.implicit_privilege") == [], path


def test_a_a_debian_install_list_or_a_vendor_hook_is_not_a_package_script() -> None:
    # debian/<pkg>.install lists files: no function pacman calls, not shell
    assert codes_at({"debian/vendor.install": "usr/bin/vendor\netc/vendor/*.conf\n"}, "preflight.root_assumed") == []
    # a vendor's own hooks directory is not snapd's: its root-only steps stay implicit
    for path in ("hooks/remove", "deploy/snap-hooks/remove"):
        text = "#!/bin/sh\n" + _STEPS
        assert codes_at({path: text}, "preflight.root_assumed") == [], path
        assert codes_at({path: text}, "preflight.implicit_privilege") == [2, 3, 4], path


# -- B: an RPM spec or a Gentoo ebuild: only the install-time sections run on the target, as root -----------------

_SPEC = """Name: vendor-agent
Version: 1.0
URL: https://www.vendor.io/
Source0: https://downloads.vendor.io/vendor-agent-%{version}.tar.gz

%description
Agent.

%install
rm -rf %{buildroot}
make install DESTDIR=%{buildroot}

%pre
getent passwd vendor >/dev/null || %{_sbindir}/useradd -r vendor

%post
%systemd_post vendor-agent.service

%preun
%systemd_preun vendor-agent.service

%postun
if [ $1 -eq 0 ]; then
    /sbin/chkconfig --del vendor-agent
fi

%files
%{_bindir}/vendor-agent

%changelog
* Mon Jan 01 2024 Packager <https://packager.example.org/> 1.0-1
"""


def test_b_a_spec_is_read_as_its_scriptlets_run_as_root() -> None:
    files: dict[str, str | bytes] = {"pkg/vendor-agent.spec": _SPEC}
    assert codes_at(files, "preflight.root_assumed") == [13]
    assert codes_at(files, "preflight.service_disabled") == [20, 24]  # %systemd_preun, chkconfig --del
    assert codes_at(files, "preflight.external_endpoint") == []  # URL:/Source0: are the packager's, at build time
    assert codes_at(files, "preflight.rm_rf_variable") == []  # %install runs on the build host
    assert codes_at(files, "preflight.implicit_privilege") == []


def test_b_a_spec_without_scriptlets_runs_nothing_on_the_target() -> None:
    build_only = _SPEC.split("%pre\n", maxsplit=1)[0] + "%files\n%{_bindir}/vendor-agent\n"
    assert codes_at({"vendor-agent.spec.in": build_only}, "preflight.root_assumed") == []
    # a Lua scriptlet is not shell; a -p program is its own body
    lua = "Name: x\n\n%post -p <lua>\nprint('hi')\n\n%postun -p /sbin/ldconfig\n"
    assert codes_at({"x.spec": lua}, "preflight.root_assumed") == [3]


_EBUILD = """EAPI=8
SRC_URI="https://downloads.vendor.io/${P}.tar.gz"
EGIT_REPO_URI="https://github.com/vendor/agent"

src_install() {
\tdefault
\trm -rf "${ED}"/run || die
}

pkg_postinst() {
\tchmod 711 "${EROOT}/var/db/vendor" || die
\tsystemctl disable vendor-legacy.service
}
"""


def test_b_an_ebuild_is_read_as_its_pkg_phases_run_as_root() -> None:
    files: dict[str, str | bytes] = {"app-admin/vendor/vendor-1.0.ebuild": _EBUILD}
    assert codes_at(files, "preflight.root_assumed") == [10]
    assert codes_at(files, "preflight.service_disabled") == [12]
    assert codes_at(files, "preflight.external_endpoint") == []
    assert codes_at(files, "preflight.rm_rf_variable") == []


def test_b_an_ebuild_with_build_phases_only_runs_nothing_on_the_target() -> None:
    build_only = _EBUILD.split("pkg_postinst", maxsplit=1)[0]
    assert codes_at({"app-admin/vendor/vendor-1.0.ebuild": build_only}, "preflight.root_assumed") == []
