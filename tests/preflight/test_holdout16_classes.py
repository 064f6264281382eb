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
    # %systemd_preun and the chkconfig --del under ``$1 -eq 0`` run only on erase (test_removal_only_steps.py)
    assert codes_at(files, "preflight.service_disabled") == []
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


# -- C: a build recipe read as text (Homebrew formula, PKGBUILD, APKBUILD): its URLs are the package manager's ---

_FORMULA = """class VendorAgent < Formula
  desc "Vendor agent"
  homepage "https://www.vendor.io/"
  url "https://downloads.vendor.io/agent-1.0.tar.gz"
  mirror "https://mirror.vendor.io/agent-1.0.tar.gz"
  sha256 "56445b1771b2ba5b7573453f9e8a9451e2d810b1741a352fa05259733b1e9758"
end
"""


def test_c_a_formula_or_pkgbuild_names_sources_it_does_not_contact() -> None:
    assert codes_at({"Formula/v/vendor-agent.rb": _FORMULA}, "preflight.external_endpoint") == []
    pkgbuild = "pkgname=vendor-agent\nsource=(https://downloads.vendor.io/agent-1.0.tar.gz)\nsha256sums=('SKIP')\n"
    assert codes_at({"PKGBUILD": pkgbuild}, "preflight.external_endpoint") == []


def test_c_other_ruby_or_config_naming_a_url_is_still_contacted() -> None:
    ruby = 'class Uploader\n  ENDPOINT = "https://api.vendor.io/v1/upload"\nend\n'
    assert codes_at({"lib/uploader.rb": ruby}, "preflight.external_endpoint") == [2]
    config = "url: https://downloads.vendor.io/agent-1.0.tar.gz\nsha256: 56445b1771b2ba\n"
    assert codes_at({"config/fetch.yml": config}, "preflight.external_endpoint") == [1]


# -- D: Ruby's ``#{…}`` interpolation is a reference, not a literal secret -----------------------------------------


def test_d_an_interpolated_value_under_a_password_name_is_a_reference() -> None:
    text = (
        'args = %W[\n  --with-password-argon2=#{Formula["argon2"].opt_prefix}\n  DB_PASSWORD="#{ENV["DB_PASS"]}"\n]\n'
    )
    assert codes_at({"Formula/p/php.rb": text}, "preflight.hardcoded_credential") == []


def test_d_a_literal_next_to_a_hash_brace_is_still_a_secret() -> None:
    assert codes_at({"config/app.env": "DB_PASSWORD=s3cr3t#pass{word}\n"}, "preflight.hardcoded_credential") == [1]


# -- E: snapd gives a snap's hooks $SNAP_COMMON & co: never empty there ---------------------------------------------


def test_e_snapd_directories_in_a_snap_hook_are_never_empty() -> None:
    hook = "#!/bin/bash\nrm -rf ${SNAP_COMMON}/var/lib/containerd/* || true\nrm -R $SNAP_DATA/etc\n"
    assert codes_at({"snap/hooks/remove": hook}, "preflight.rm_rf_variable") == []


def test_e_the_same_variables_outside_a_snap_or_other_variables_in_a_hook_stay_reported() -> None:
    hook = "#!/bin/bash\nrm -rf ${SNAP_COMMON}/var/lib/containerd/* || true\n"
    assert codes_at({"scripts/cleanup.sh": hook}, "preflight.rm_rf_variable") == [2]
    other = "#!/bin/bash\nrm -rf ${DATA_DIR}/* || true\n"
    assert codes_at({"snap/hooks/remove": other}, "preflight.rm_rf_variable") == [2]


# -- F: FreeBSD's /etc/rc and RHEL's /etc/rc.d/rc.local run at every boot, as /etc/rc.local does ------------------


def test_f_a_write_to_a_boot_script_persists() -> None:
    text = "#!/bin/sh\ncat > /etc/rc <<EOF\n/usr/local/etc/rc\nEOF\necho /opt/v/start >> /etc/rc.d/rc.local\n"
    assert codes_at({"scripts/setup.sh": text}, "preflight.persistence") == [2, 5]


def test_f_rc_conf_and_rc_d_scripts_are_not_boot_hooks_of_this_kind() -> None:
    text = "#!/bin/sh\necho 'vendor_enable=YES' >> /etc/rc.conf\ncp vendor /etc/rc.d/vendor\n"
    assert codes_at({"scripts/setup.sh": text}, "preflight.persistence") == []


def test_a_b_what_the_scriptlets_do_is_read_like_any_script() -> None:
    pacman = "post_install() {\n  curl -fsSL https://get.vendor.io/setup.sh | sh\n}\n\n"
    pacman += "pre_remove() {\n  systemctl disable --now vendor.service\n}\n"
    files: dict[str, str | bytes] = {"vendor/trunk/vendor.install": pacman}
    assert codes_at(files, "preflight.pipe_to_shell") == [2]  # pacman calls the function; nothing in the file does
    # pacman calls pre_remove only on removal: not a step of an upgrade (test_removal_only_steps.py)
    assert codes_at(files, "preflight.service_disabled") == []
    spec = "Name: v\n\n%post\ncurl -fsSL https://get.vendor.io/setup.sh | sh\nchmod 777 /var/lib/vendor\n"
    assert codes_at({"v.spec": spec}, "preflight.pipe_to_shell") == [4]
    assert codes_at({"v.spec": spec}, "preflight.world_writable") == [5]


def test_b_a_pyinstaller_spec_is_python_read_as_text() -> None:
    pyinstaller = "a = Analysis(['app.py'])\nAPI_URL = 'https://api.vendor.io/v1'\n"
    assert codes_at({"app.spec": pyinstaller}, "preflight.external_endpoint") == [2]
    assert codes_at({"app.spec": pyinstaller}, "preflight.root_assumed") == []


def test_a_b_other_spellings_of_the_same_scripts() -> None:
    pacman = "function post_install {\n  useradd -r vendor\n}\n"
    assert codes_at({"vendor/trunk/vendor.install": pacman}, "preflight.root_assumed") == [1]
    assert codes_at(
        {"main/vendor/vendor.trigger": "#!/bin/sh\nchown -R vendor /var/lib/vendor\n"}, "preflight.root_assumed"
    ) == [1]
    spec = "Name: v\n\n%post -p /bin/bash\nchmod 777 /var/lib/vendor\n"
    assert codes_at({"v.spec": spec}, "preflight.world_writable") == [4]  # -p /bin/bash: the body is shell
    assert codes_at({"debian/vendor.triggers": "interest-noawait /usr/lib/vendor\n"}, "preflight.root_assumed") == []
