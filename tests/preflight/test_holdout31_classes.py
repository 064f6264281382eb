"""Classes the thirty-first hold-out set showed (tests/preflight/holdout31: install, upgrade and maintenance scripts
written in Python and Perl), each as its minimal construct next to a near-miss that must stay quiet or keep being
reported."""

from __future__ import annotations

from preflight_kit import codes_at

_PRIV = "preflight.implicit_privilege"
_EGRESS = "preflight.implicit_egress"
_ROOT = "preflight.root_assumed"
_SUDO = "preflight.sudo_unavailable"
_EP = "preflight.external_endpoint"
_PIPE = "preflight.pipe_to_shell"
_UNVERIFIED = "preflight.unverified_download_exec"
_RM = "preflight.rm_rf_variable"


# -- A: a Python script's subprocess argument lists and os.system strings are the shell it runs --


def test_a_python_scripts_commands_are_steps() -> None:
    script = (
        "#!/usr/bin/env python3\n"
        "import os, subprocess\n"
        'subprocess.run(["apt-get", "install", "-y", "nginx"], check=True)\n'
        'os.system("chown -R app:app /etc/app")\n'
    )
    assert codes_at({"scripts/upgrade.py": script}, _PRIV) == [3, 4]
    assert codes_at({"scripts/upgrade.py": script}, _EGRESS) == [3]
    # a Submitty-style migration module: up() runs during the upgrade
    migration = 'import os\n\ndef up(config):\n    os.system("apt-get install nodejs -y")\n'
    assert codes_at({"migration/migrations/system/2023_node.py": migration}, _EGRESS) == [4]


def test_a_a_library_module_is_not_a_step() -> None:
    library = (
        '"""apt helpers"""\nimport subprocess\n\n\ndef install_packages(packages):\n'
        '    subprocess.run(["apt-get", "install", "--yes"] + packages)\n'
    )
    assert codes_at({"tljh/apt.py": library}, _PRIV) == []
    assert codes_at({"tljh/apt.py": library}, _EGRESS) == []
    product = '#!/usr/bin/env python3\nimport subprocess\nsubprocess.run(["apt-get", "install", "-y", "x"])\n'
    assert codes_at({"glances/outdated.py": product}, _EGRESS) == []  # the product's own module, not a step


def test_a_a_migrations_rollback_is_not_a_step() -> None:
    migration = (
        "import os\n\ndef up(config):\n    pass\n\ndef down(config):\n"
        '    os.system("curl -sL https://deb.nodesource.com/setup_16.x | bash -")\n'
    )
    for code in (_PIPE, _EP, _EGRESS):
        assert codes_at({"migration/migrations/system/2023_node.py": migration}, code) == []


def test_a_the_same_command_in_up_is_read() -> None:
    migration = (
        'import os\n\ndef up(config):\n    os.system("curl -sL https://deb.nodesource.com/setup_16.x | bash -")\n'
    )
    assert codes_at({"migration/migrations/system/2023_node.py": migration}, _PIPE) == [4]
    assert codes_at({"migration/migrations/system/2023_node.py": migration}, _EP) == [4]


# -- B: a function of the script that runs its parameter is a runner, also of shell text in a mapping --


def test_b_commands_given_to_the_scripts_own_runner_are_read() -> None:
    script = (
        "#!/usr/bin/env python3\nimport shutil, subprocess\n\n"
        "def run_os_command(command_map):\n"
        "    for executable, commands in command_map.items():\n"
        "        for command in commands:\n"
        "            subprocess.check_call(command, shell=True)\n\n"
        "def _call(args):\n"
        "    return subprocess.run(args, check=True)\n\n"
        "run_os_command({'apt-get': ['apt-get update',\n"
        "                            'apt-get install -y git']})\n"
        "_call(['pip', 'install', 'ansible'])\n"
    )
    assert codes_at({"install.py": script}, _EGRESS) == [12, 13, 14]


def test_b_a_value_formatted_into_a_command_is_not_a_command() -> None:
    script = (
        "#!/usr/bin/env python3\nimport subprocess\n\n"
        "def install_package(name):\n"
        "    subprocess.check_call('echo installing {0}'.format(name), shell=True)\n\n"
        "install_package('apt-get')\n"
    )
    assert codes_at({"install.py": script}, _EGRESS) == []
    assert codes_at({"install.py": script}, _PRIV) == []


# -- C: a uid check that exits, in Python, requires root --


def test_c_python_uid_checks_require_root() -> None:
    direct = '#!/usr/bin/env python3\nimport os, sys\nif os.geteuid() != 0:\n    sys.exit("run as root")\n'
    assert codes_at({"bin/upgrade.py": direct}, _ROOT) == [3]
    helper = (
        "#!/usr/bin/env python3\nimport os, subprocess, sys\n\n"
        "def prerequisites():\n    subprocess.check_call('apt-get update', shell=True)\n\n"
        "def is_root():\n    return os.geteuid() == 0\n\n"
        "if __name__ == '__main__':\n    if not is_root():\n        sys.exit()\n    prerequisites()\n"
    )
    assert codes_at({"install.py": helper}, _ROOT) == [11]
    assert codes_at({"install.py": helper}, _PRIV) == []  # called after the check: runs as root
    etc = '#!/usr/bin/python3\nimport os, sys\nif not os.access("/etc/app.conf", os.W_OK):\n    sys.exit(1)\n'
    assert codes_at({"setup/migrate.py": etc}, _ROOT) == [3]


def test_c_a_uid_test_that_does_not_exit_is_no_requirement() -> None:
    script = '#!/usr/bin/env python3\nimport os\nif os.geteuid() == 0:\n    print("root")\n' + (
        "if os.getuid() != 0:\n    pass\n"
    )
    assert codes_at({"bin/upgrade.py": script}, _ROOT) == []
    writable = '#!/usr/bin/python3\nimport os, sys\nif not os.access("/srv/app", os.W_OK):\n    sys.exit(1)\n'
    assert codes_at({"bin/upgrade.py": writable}, _ROOT) == []


# -- D: a Perl script's system()/backticks with literal arguments, and its uid check --


def test_d_perl_system_calls_and_uid_checks_are_read() -> None:
    script = (
        "#!/usr/bin/perl\nuse strict;\n\n"
        'die "please run as root\\n" if $> != 0;\n\n'
        "system('apt-get', 'dist-upgrade');\n"
        "my $v = `git describe --tags`;\n"
    )
    assert codes_at({"bin/pveupgrade": script}, _ROOT) == [4]
    assert codes_at({"bin/pveupgrade": script}, _EGRESS) == [6]
    block = '#!/usr/bin/env perl\nif ( $> != 0 ) {\n    print STDERR "root!\\n";\n    exit 1;\n}\n'
    assert codes_at({"bin/app.SetPermissions.pl": block}, _ROOT) == [2]


def test_d_perl_modules_pod_and_data_are_not_run() -> None:
    module = "package App::Install;\nsub go { system('apt-get', 'install', '-y', 'x'); }\n1;\n"
    assert codes_at({"lib/App/Install.pm": module}, _EGRESS) == []
    pod = (
        "#!/usr/bin/perl\nprint \"ok\\n\";\n\n=head1 USAGE\n\n  system('apt-get', 'update');\n\n=cut\n\n"
        "exit 0;\n__END__\nsystem('apt-get', 'update');\n"
    )
    assert codes_at({"bin/tool": pod}, _EGRESS) == []
    uid_ok = '#!/usr/bin/perl\nprint "root\\n" if $> == 0;\n'
    assert codes_at({"bin/tool": uid_ok}, _ROOT) == []
    heredoc = "#!/usr/bin/perl\nprint <<EOF;\nsystem('apt-get', 'update');\nEOF\n" + (
        "my $mask = 1 << 8;\nsystem('apt-get', 'update');\n"
    )
    assert codes_at({"bin/tool": heredoc}, _EGRESS) == [6]  # the here-document is text; a shift opens none


# -- E: downloads in Python: a fetched file run unchecked, fetched code exec()'d --


def test_e_python_downloads_that_run_are_reported() -> None:
    script = (
        "#!/usr/bin/env python3\nimport subprocess, sys, tempfile, urllib.request\nfrom pathlib import Path\n"
        "url = 'https://bootstrap.example-vendor.io/tool.pyz'\n"
        "with tempfile.TemporaryDirectory() as tmp:\n"
        "    target = Path(tmp) / 'tool.pyz'\n"
        "    urllib.request.urlretrieve(url, target)\n"
        "    subprocess.run([sys.executable, str(target)], check=True)\n"
    )
    assert codes_at({"install-tool.py": script}, _UNVERIFIED) == [8]
    bootstrap = "#!/usr/bin/env python3\nfrom urllib.request import urlopen\nez = {}\n" + (
        "exec(urlopen('https://bootstrap.example-vendor.io/ez_setup.py').read(), ez)\n"
    )
    assert codes_at({"bootstrap.py": bootstrap}, _PIPE) == [4]


def test_e_a_fetch_of_data_and_the_scripts_own_temporary_directory_are_quiet() -> None:
    script = (
        "#!/usr/bin/env python3\nimport json, shutil, tempfile, urllib.request\n"
        "JSON_URL = 'https://pypi.org/pypi/tool/json'\n"
        "tmp = tempfile.mkdtemp()\n"
        "data = json.load(urllib.request.urlopen(JSON_URL))\n"
        "shutil.rmtree(tmp)\n"
    )
    assert codes_at({"install-tool.py": script}, _PIPE) == []
    assert codes_at({"install-tool.py": script}, _UNVERIFIED) == []
    assert codes_at({"install-tool.py": script}, _RM) == []
    assert codes_at({"install-tool.py": script}, _EP) in ([5], [3])


# -- F: sudo in a script that already requires root gains nothing --


def test_f_sudo_after_a_root_requirement_is_not_escalation() -> None:
    script = '#!/bin/sh\nif [ "$(id -u)" -ne 0 ]; then echo "run as root"; exit 1; fi\nsudo apt-get update\n'
    assert codes_at({"scripts/install.sh": script}, _SUDO) == []
    assert codes_at({"scripts/install.sh": script}, _ROOT) == [2]


def test_f_sudo_that_gains_root_is_still_reported() -> None:
    reexec = '#!/bin/sh\nif [ "$(id -u)" -ne 0 ]; then exec sudo "$0" "$@"; fi\napt-get update\n'
    assert codes_at({"scripts/install.sh": reexec}, _SUDO) == [2]
    plain = "#!/bin/sh\nsudo apt-get update\n"
    assert codes_at({"scripts/install.sh": plain}, _SUDO) == [2]
    rerun = (
        '#!/bin/sh\nis_root() {\n  if [ "$(id -u)" -eq 0 ]; then return 0; fi\n'
        "  command -v sudo >/dev/null && return 1\n  echo 'run as root'; exit 1\n}\n"
        "rerun() {\n  curl -fsSL https://get.vendor.io/install.sh | sudo sh\n  exit $?\n}\n"
        "if ! is_root; then\n  rerun\nfi\napt-get update\n"
    )
    assert codes_at({"scripts/install.sh": rerun}, _SUDO) == [8]


# -- G: apt's dist-upgrade (apt accepts apt-get's name for full-upgrade) --


def test_g_apt_dist_upgrade_is_a_package_manager_step() -> None:
    assert codes_at({"scripts/upgrade.sh": "#!/bin/sh\napt dist-upgrade -y\n"}, _EGRESS) == [2]
    assert codes_at({"scripts/upgrade.sh": "#!/bin/sh\napt dist-upgrade -y\n"}, _PRIV) == [2]


def test_g_apt_listing_is_not() -> None:
    assert codes_at({"scripts/upgrade.sh": "#!/bin/sh\napt list --upgradable\n"}, _EGRESS) == []


# -- H: a chained assignment in program source gives its literal to a password name --


def test_h_a_chained_assignment_of_a_password_literal_is_a_credential() -> None:
    script = (
        "#!/usr/bin/env python3\ndef f(args):\n    if args.ci:\n        root_password = admin_password = 'travis'\n"
    )
    assert codes_at({"install.py": script}, "preflight.hardcoded_credential") == [4]


def test_h_a_chained_assignment_of_an_expression_or_of_other_names_is_not() -> None:
    script = (
        "#!/usr/bin/env python3\ndef f(options):\n    root_password = admin_password = options.password\n"
        "    first = second = 'travis'\n"
    )
    assert codes_at({"install.py": script}, "preflight.hardcoded_credential") == []


# -- I: pip installing straight from a version-control URL at a branch or tag --


def test_i_an_unpinned_vcs_install_is_unverified_code() -> None:
    shell = "#!/bin/sh\npython3 -m pip install --upgrade git+https://github.com/vendor/tool.git\n"
    assert codes_at({"scripts/install.sh": shell}, _UNVERIFIED) == [2]
    tagged = '#!/bin/sh\nSPEC="${SPEC:-git+https://github.com/vendor/tool.git@v1.2}"\npip3 install "$SPEC"\n'
    assert codes_at({"scripts/install.sh": tagged}, _UNVERIFIED) == [3]
    script = (
        "#!/usr/bin/env python3\nimport os, subprocess\n\n"
        "def pip_install(prefix, packages):\n"
        "    subprocess.check_output([os.path.join(prefix, 'bin', 'python3'), '-m', 'pip', 'install'] + packages)\n\n"
        "spec = os.environ.get('SPEC', 'git+https://github.com/vendor/tool.git')\n"
        "pip_install('/opt/tool', [spec])\n"
    )
    assert codes_at({"bootstrap/bootstrap.py": script}, _UNVERIFIED) == [8]
    assert codes_at({"bootstrap/bootstrap.py": script}, _EGRESS) == [8]  # once: at the call, not also in the body


def test_i_a_pinned_commit_or_an_index_install_is_not() -> None:
    pinned = "#!/bin/sh\npip install git+https://github.com/vendor/tool.git@0123456789abcdef0123456789abcdef01234567\n"
    assert codes_at({"scripts/install.sh": pinned}, _UNVERIFIED) == []
    index = "#!/bin/sh\npip install tool==1.2 && git clone --depth 1 https://github.com/vendor/tool.git@main x\n"
    assert codes_at({"scripts/install.sh": index}, _UNVERIFIED) == []


# -- J: a Python script's file operations are the shell's: writes under /etc, modes, deletes --


def test_j_python_file_operations_are_read_as_steps() -> None:
    script = (
        "#!/usr/bin/env python3\nimport os, shutil\n"
        "with open('/etc/sudoers.d/vendor', 'w') as f:\n"
        "    f.write('vendor ALL=(ALL) NOPASSWD: ALL\\n')\n"
        "os.chmod('/opt/vendor/data', 0o777)\n"
        "shutil.rmtree('/var/lib/vendor')\n"
    )
    files = {"scripts/upgrade.py": script}
    assert 3 in codes_at(files, _PRIV)
    assert codes_at(files, "preflight.persistence") == [3]
    assert codes_at(files, "preflight.world_writable") == [5]
    assert codes_at(files, "preflight.destructive_delete") == [6]


def test_j_reads_private_files_and_temporary_directories_are_quiet() -> None:
    script = (
        "#!/usr/bin/env python3\nimport os, shutil, tempfile\n"
        "conf = open('/etc/vendor.conf').read()\n"
        "with open('/tmp/vendor-install.log', 'w') as log:\n    log.write(conf)\n"
        "os.chmod('/opt/vendor/secret.key', 0o600)\n"
        "tmp = tempfile.mkdtemp()\nshutil.rmtree(tmp)\n"
    )
    files = {"scripts/upgrade.py": script}
    for code in (_PRIV, "preflight.world_writable", "preflight.destructive_delete", _RM):
        assert codes_at(files, code) == [], code


def test_a_a_multi_line_shell_string_keeps_every_later_line_in_place() -> None:
    script = (
        "#!/usr/bin/env python3\nimport os\n\ndef prepare():\n"
        '    os.system("""set -e\n    mkdir -p /tmp/x\n    echo ok""")\n'
        "def install():\n"
        '    os.system("apt-get install -y nginx")\n'
    )
    assert codes_at({"scripts/install.py": script}, _EGRESS) == [9]
