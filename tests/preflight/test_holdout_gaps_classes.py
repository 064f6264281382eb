"""Classes of misses and false findings that remained across the hold-out sets (tests/preflight/holdout*/) after
each set's own round, each as its minimal construct next to a near-miss that must stay quiet or keep being
reported."""

from __future__ import annotations

from preflight_kit import codes_at, in_script, script

# -- fpm's scriptlet names (``beforeInstall.sh``, ``post-install.sh``) with both dpkg's and rpm's tools -------------

_BOTH = script(
    'if [ -f /etc/debian_version ]; then update-rc.d vendor-agent defaults; else chkconfig --add vendor-agent; fi',
    "cp -f /usr/lib/vendor/vendor-agent.service /lib/systemd/system/vendor-agent.service",
)


def test_an_fpm_named_scriptlet_for_deb_and_rpm_runs_as_root() -> None:
    for path in ("scripts/post-install.sh", "src/linux/scripts/beforeInstall.sh", "scripts/after_upgrade.sh"):
        assert codes_at({path: _BOTH}, "preflight.root_assumed") == [1], path
        assert codes_at({path: _BOTH}, "preflight.implicit_privilege") == [], path
    queried = script("VERSION=$(dpkg-query -W -f='${Version}' vendor || rpm -q vendor)", "cp x /etc/vendor/x")
    assert codes_at({"scripts/beforeInstall.sh": queried}, "preflight.root_assumed") == [1]


def test_an_fpm_name_alone_or_one_package_system_is_a_vendor_hook() -> None:
    one = script("chkconfig --add vendor-agent", "cp -f a.service /lib/systemd/system/a.service")
    assert codes_at({"scripts/post-install.sh": one}, "preflight.root_assumed") == []
    assert codes_at({"scripts/post-install.sh": one}, "preflight.implicit_privilege") == [3, 4]
    # an installer of either system's packages (apt-get or yum) is any installer
    deps = script("apt-get install -y jq || yum install -y jq")
    assert codes_at({"scripts/post-install.sh": deps}, "preflight.root_assumed") == []
    # both systems' tools in a file not named as a scriptlet
    assert codes_at({"scripts/setup.sh": _BOTH}, "preflight.root_assumed") == []


# -- fetched code run: by a bare name, as a jar, or unpacked into a variable one of whose values is a system dir ---


def test_a_fetched_file_run_by_its_bare_name_or_as_a_jar_is_run() -> None:
    bare = ("curl -fsSL https://deb.example.net/setup_12.x -o setup_dten.sh", "setup_dten.sh")
    assert in_script("preflight.unverified_download_exec", *bare) == [4]
    jar = ("curl -fsSL -o dten-installer.jar https://maven.example.net/i.jar", "java -jar dten-installer.jar server")
    assert in_script("preflight.unverified_download_exec", *jar) == [4]
    # a system tool of the same base name as a file fetched elsewhere is not the fetched file
    other = ("curl -fsSL -o /tmp/dten/helm https://get.example.net/helm", "helm version")
    assert in_script("preflight.unverified_download_exec", *other) == []
    checked = (*jar[:1], "sha256sum -c dten-installer.jar.sha256", jar[1])
    assert in_script("preflight.unverified_download_exec", *checked) == []


def test_an_archive_unpacked_where_a_variable_may_name_a_system_directory() -> None:
    lines = (
        "out_dir=/opt",
        'if [ "$(uname)" = Darwin ]; then out_dir=/Applications; fi',
        'curl -s "https://static.example.net/dten.tar.gz" --output dten.tar.gz',
        'tar -C "$out_dir" -f dten.tar.gz -x -z',
    )
    assert in_script("preflight.unverified_download_exec", *lines) == [6]
    # every value the variable takes is the product's own directory
    home = ("out_dir=$HOME/dten", *lines[1:])
    assert in_script("preflight.unverified_download_exec", *home) == []


# -- a secret expanded after an escaped quote (``'…'\''…'\'$PW\''…'``) is one word that expands it -----------------

_SED_PW = r"""sed -i 's/$db_password = '\''.*'\''/$db_password = '\'$DB_PASSWORD\''/g' /var/www/html/settings.php"""


def test_a_traced_command_expanding_a_secret_after_an_escaped_quote_prints_it() -> None:
    assert in_script("preflight.secret_printed", "set -x", _SED_PW) == [4]
    # tracing switched off before it, or never on: nothing is printed
    assert in_script("preflight.secret_printed", "set -x", "set +x", _SED_PW) == []
    assert in_script("preflight.secret_printed", _SED_PW) == []
