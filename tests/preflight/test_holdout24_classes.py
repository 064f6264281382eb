"""Classes the twenty-fourth hold-out set showed (tests/preflight/holdout24: Puppet manifests, Chef recipes and Salt
states vendors ship), each as its minimal construct next to a near-miss that must stay quiet or keep being
reported."""

from __future__ import annotations

from preflight_kit import codes_at, findings, in_script

from shipgate.preflight.config_management import declared_work

_UNVERIFIED = "preflight.unverified_download_exec"
_ENDPOINT = "preflight.external_endpoint"
_PROTECTION = "preflight.protection_disabled"
_EGRESS = "preflight.implicit_egress"
_UNSIGNED = "preflight.signature_verification_disabled"

# -- A: the commands a manifest, recipe or state runs are read as shell, at their lines, as root ---------------------


def test_puppet_exec_command_is_shell_at_its_line_and_guards_are_not_run() -> None:
    text = (
        "class vendor::repo {\n"
        "  exec { 'vendor_update':\n"
        "    command     => '/usr/bin/apt-get update',\n"
        "    unless      => '/usr/bin/apt-get update --print-uris',\n"
        "    refreshonly => true,\n"
        "  }\n"
        "}\n"
    )
    found = findings({"manifests/repo.pp": text})
    assert [line for code, line in found if code == _EGRESS] == [3]
    assert [f for f in found if f[0] in ("preflight.implicit_privilege", "preflight.root_assumed")] == []


def test_a_typed_class_parameter_feeds_the_command_that_uses_it() -> None:
    text = (
        "class vendor::cli (\n"
        "  String $base = 'https://dl.vendor.io/cli',\n"
        ") {\n"
        "  exec { 'cli': command => \"curl -fsSL ${base}/install.sh | sh\" }\n"
        "}\n"
    )
    assert codes_at({"manifests/cli.pp": text}, "preflight.pipe_to_shell") == [4]
    assert codes_at({"manifests/cli.pp": text}, _ENDPOINT) in ([2], [4])


def test_chef_execute_and_bash_heredoc_and_salt_cmd_run_are_read() -> None:
    recipe = (
        "execute 'refresh' do\n"
        "  command 'apt-get update'\n"
        "  not_if 'test -f /var/lib/apt/periodic/update-success-stamp'\n"
        "end\n"
        "bash 'install agent' do\n"
        "  code <<-EOH\n"
        "    yum makecache\n"
        "  EOH\n"
        "end\n"
    )
    assert codes_at({"recipes/default.rb": recipe}, _EGRESS) == [2, 7]
    state = "vendor-refresh:\n  cmd.run:\n    - name: apt-get update\n    - unless: test -f /tmp/stamp\n"
    assert codes_at({"vendor/init.sls": state}, _EGRESS) == [3]


def test_ruby_that_is_not_a_recipe_is_not_read_as_one() -> None:
    formula = (
        "class Vendor < Formula\n"
        '  url "https://dl.vendor.io/vendor-1.0.tar.gz"\n'
        "  def install\n"
        '    system "make", "install"\n'
        "  end\n"
        "end\n"
    )
    assert declared_work("Formula/vendor.rb", formula) is None
    assert declared_work("db/migrate/20240101_add.rb", "class Add < ActiveRecord::Migration[7.0]\nend\n") is None


# -- B: downloads declared as resources, run or installed with no digest check --------------------------------------


def test_chef_remote_file_made_executable_and_run_is_unverified() -> None:
    recipe = (
        'installer = "#{Chef::Config[:file_cache_path]}/vendor-install"\n'
        "remote_file installer do\n"
        "  source 'https://raw.githubusercontent.com/vendor/tool/master/install'\n"
        "  mode '755'\n"
        "end\n"
        "execute installer do\n"
        "  user 'build'\n"
        "end\n"
    )
    assert codes_at({"recipes/tool.rb": recipe}, _UNVERIFIED) == [4]
    assert codes_at({"recipes/tool.rb": recipe}, _ENDPOINT) == [3]


def test_chef_remote_file_with_a_checksum_is_quiet() -> None:
    recipe = (
        "remote_file '/usr/local/bin/vendor' do\n"
        "  source 'https://dl.vendor.io/vendor'\n"
        "  checksum node['vendor']['sha256']\n"
        "  mode 0o755\n"
        "end\n"
        "execute '/usr/local/bin/vendor setup'\n"
    )
    assert codes_at({"recipes/tool.rb": recipe}, _UNVERIFIED) == []


def test_chef_archive_extracted_then_its_installer_run_is_unverified() -> None:
    recipe = (
        "cache = Chef::Config[:file_cache_path]\n"
        "remote_file 'bundle' do\n"
        '  path "#{cache}/bundle.zip"\n'
        "  source 'https://dl.vendor.io/bundle.zip'\n"
        "end\n"
        "archive_file 'extract' do\n"
        '  path "#{cache}/bundle.zip"\n'
        '  destination "#{cache}/bundle"\n'
        "end\n"
        "bash 'install' do\n"
        '  code "#{cache}/bundle/install -i /usr/local/vendor"\n'
        "end\n"
    )
    assert codes_at({"recipes/bundle.rb": recipe}, _UNVERIFIED) == [11]


_ALERT = (
    "{% set version = pillar['vendor']['version'] %}\n"
    '{% set url = "https://dl.vendor.io/v" + version + "/vendor.tar.gz" %}\n'
    "vendor-download:\n"
    "  archive.extracted:\n"
    "    - name: /opt/vendor\n"
    "    - source: {{ url }}\n"
    "    - {check}\n"
)


def test_salt_archive_extracted_with_skip_verify_into_opt_is_unverified() -> None:
    text = _ALERT.replace("{check}", "skip_verify: True")
    assert codes_at({"vendor/init.sls": text}, _UNVERIFIED) == [6]
    assert codes_at({"vendor/init.sls": text}, _ENDPOINT) in ([2], [6])


def test_salt_archive_extracted_with_source_hash_is_quiet() -> None:
    text = _ALERT.replace("{check}", "source_hash: sha512=0123abcd")
    assert codes_at({"vendor/init.sls": text}, _UNVERIFIED) == []


def test_salt_file_managed_binary_with_skip_verify_in_a_branch_is_unverified() -> None:
    text = (
        "vendor-binary:\n"
        "  file.managed:\n"
        "    - name: /usr/local/lib/vendor/vendorctl\n"
        "    - source: {{ vendor.binary.source }}\n"
        "        {%- if vendor.binary.source_hash %}\n"
        "    - source_hash: {{ vendor.binary.source_hash }}\n"
        "        {%- else %}\n"
        "    - skip_verify: True\n"
        "        {%- endif %}\n"
        "    - mode: '0755'\n"
    )
    assert codes_at({"vendor/binary.sls": text}, _UNVERIFIED) == [10]
    local = text.replace("{{ vendor.binary.source }}", "salt://vendor/files/vendorctl")
    assert codes_at({"vendor/binary.sls": local}, _UNVERIFIED) == []


def test_salt_file_managed_into_a_bin_directory_with_a_hash_is_quiet() -> None:
    text = (
        "{%- set base = 'https://github.com/vendor/tool/releases/download' %}\n"
        "tool:\n"
        "  file.managed:\n"
        "    - name: /usr/local/bin/tool\n"
        "    - source: {{ base }}/v1/tool\n"
        "    - source_hash: sha512=0123abcd\n"
        "    - mode: 755\n"
    )
    assert codes_at({"tool/release.sls": text}, _UNVERIFIED) == []
    assert codes_at({"tool/release.sls": text}, _ENDPOINT) in ([1], [5])


# -- C: Jinja: a host set in {% set %} and used in a state; pillar defaults --------------------------------------------


def test_salt_pillar_get_default_flows_into_the_source() -> None:
    text = (
        "{%- set default_base = 'https://releases.vendor.io' %}\n"
        "{%- set base = salt['pillar.get']('vendor:base_url', default_base) %}\n"
        "vendor:\n"
        "  archive.extracted:\n"
        "    - name: /usr/local/bin/vendor-1.0\n"
        "    - source: {{ base }}/vendor/1.0/vendor.zip\n"
        "    - source_hash: sha512=0123abcd\n"
    )
    assert codes_at({"vendor/install.sls": text}, _ENDPOINT) in ([1], [6])
    assert codes_at({"vendor/install.sls": text}, _UNVERIFIED) == []


def test_a_jinja_syntax_error_costs_only_its_own_state() -> None:
    text = (
        "{%- if 'binary' in vendor. and 'path' in vendor %}\n"
        "refresh:\n"
        "  cmd.run:\n"
        "    - name: apt-get update\n"
        "{%- endif %}\n"
    )
    assert codes_at({"vendor/refresh.sls": text}, _EGRESS) == [4]


# -- D: protections switched off by a resource, grubby or the grub defaults -------------------------------------------


def test_selinux_off_through_chef_grubby_and_grub_defaults() -> None:
    recipe = (
        "selinux_state 'off' do\n"
        "  action :disabled\n"
        "end\n"
        "execute 'kernel' do\n"
        "  command 'grubby --update-kernel=ALL --args=\"selinux=0\"'\n"
        "end\n"
        "execute 'grub' do\n"
        "  command 'sed -i -E \\'s/selinux=1/selinux=0/g\\' /etc/default/grub'\n"
        "end\n"
    )
    assert codes_at({"recipes/selinux.rb": recipe}, _PROTECTION) == [2, 5, 8]


def test_selinux_kept_on_is_quiet() -> None:
    recipe = (
        "selinux_state 'on' do\n"
        "  action :enforcing\n"
        "end\n"
        "execute 'kernel' do\n"
        "  command 'grubby --update-kernel=ALL --remove-args=\"selinux=0\"'\n"
        "end\n"
        "execute 'grub' do\n"
        "  command 'sed -i s/quiet/quiet splash/ /etc/default/grub'\n"
        "end\n"
    )
    assert codes_at({"recipes/selinux.rb": recipe}, _PROTECTION) == []


def test_grub_defaults_in_a_shell_script() -> None:
    assert in_script(_PROTECTION, "sed -i 's/GRUB_CMDLINE_LINUX=\"/&apparmor=0 /' /etc/default/grub") == [3]
    assert in_script(_PROTECTION, "sed -i 's/selinux=0/selinux=1/' /etc/default/grub") == [3]
    assert in_script(_PROTECTION, "sed -i 's/selinux=1/selinux=0/' /etc/vendor/boot.conf") == []


def test_services_stopped_or_disabled_by_a_resource() -> None:
    recipe = "service 'firewalld' do\n  action [:stop, :disable]\nend\nservice 'cups' do\n  action :disable\nend\n"
    found = findings({"recipes/services.rb": recipe})
    assert [f for f in found if f[0] in (_PROTECTION, "preflight.service_disabled")] == [
        (_PROTECTION, 2),
        ("preflight.service_disabled", 5),
    ]
    manifest = "service { 'apparmor':\n  ensure => stopped,\n  enable => false,\n}\n"
    assert codes_at({"manifests/services.pp": manifest}, _PROTECTION) == [2, 3]
    state = "firewalld:\n  service.dead:\n    - enable: False\n"
    assert codes_at({"vendor/services.sls": state}, _PROTECTION) == [2, 3]


def test_services_kept_running_are_quiet() -> None:
    recipe = "service 'vendor-agent' do\n  action [:enable, :start]\nend\n"
    manifest = "service { 'vendor': ensure => running, enable => true }\n"
    state = "vendor:\n  service.running:\n    - enable: True\n"
    files = {"recipes/services.rb": recipe, "manifests/services.pp": manifest, "vendor/services.sls": state}
    found = findings(files)
    assert [f for f in found if f[0] in (_PROTECTION, "preflight.service_disabled")] == []


# -- E: package options that install unsigned packages ----------------------------------------------------------------


def test_chef_package_force_yes_is_unsigned() -> None:
    recipe = (
        "apt_package 'vendor-agent' do\n"
        "  version node['vendor']['version']\n"
        "  options '--force-yes' if node['vendor']['allow_downgrade']\n"
        "end\n"
        "apt_package 'vendor-tools' do\n"
        "  options '--no-install-recommends'\n"
        "end\n"
    )
    assert codes_at({"recipes/install.rb": recipe}, _UNSIGNED) == [3]


# -- F: repository declarations in states: key servers, baseurl beside gpgcheck ----------------------------------------


def test_salt_pkgrepo_keyserver_and_baseurl_are_contacted() -> None:
    text = (
        "vendor-repo:\n"
        "  pkgrepo.managed:\n"
        "    - name: vendor\n"
        "    - baseurl: https://yum.vendor.io/stable/{{ grains['cpuarch'] }}\n"
        "    - gpgcheck: '1'\n"
        "    - keyserver: keyserver.vendor.io\n"
    )
    assert codes_at({"vendor/install.sls": text}, _ENDPOINT) == [4, 6]


def test_a_jinja_url_that_feeds_no_command_stays_a_setting() -> None:
    text = (
        "{% set url = 'https://apt.vendor.io/repo ' ~ grains['oscodename'] ~ ' main' %}\n"
        "vendor-repo:\n"
        "  pkgrepo.managed:\n"
        "    - name: deb {{ url }}\n"
        "    - keyserver: keyserver.vendor.io\n"
    )
    assert codes_at({"vendor/repo.sls": text}, _ENDPOINT) == [1, 5]


def test_base_url_outside_a_repository_stays_the_products_own_name() -> None:
    text = "vendor:\n  settings:\n    - base_url: https://status.vendor.io/\n"
    assert codes_at({"vendor/config.sls": text}, _ENDPOINT) == []


# -- G: a state or manifest carrying a unit's or a crontab's text is still read as Salt/Puppet -----------------------


def test_a_state_writing_a_unit_is_read_as_a_state() -> None:
    text = (
        "vendor-service:\n"
        "  file.managed:\n"
        "    - name: /etc/systemd/system/vendor.service\n"
        "    - contents: |\n"
        "        [Unit]\n"
        "        Description=Vendor\n"
        "        [Service]\n"
        "        ExecStart=/opt/vendor/bin/vendor\n"
        "vendor-download:\n"
        "  archive.extracted:\n"
        "    - name: /opt/vendor\n"
        "    - source: https://dl.vendor.io/vendor.tar.gz\n"
        "    - skip_verify: True\n"
    )
    assert codes_at({"vendor/service.sls": text}, _UNVERIFIED) == [12]


# -- H: shell: an octal chmod with an execute bit makes a download executable ----------------------------------


def test_octal_chmod_with_an_execute_bit_makes_a_download_executable() -> None:
    fetch = "curl -fsSL -o /tmp/vendor-install https://dl.vendor.io/install"
    assert in_script(_UNVERIFIED, fetch, "chmod 0755 /tmp/vendor-install") == [4]
    assert in_script(_UNVERIFIED, fetch, "chmod 644 /tmp/vendor-install") == []


# -- bounds: hostile Jinja and Ruby/Puppet text is read without error -------------------------------------------------


def test_unclosed_and_deep_jinja_is_read_without_error() -> None:
    deep = "{% set x = " + "(" * 400 + "1" + ")" * 400 + " %}\nrefresh:\n  cmd.run:\n    - name: apt-get update\n"
    assert codes_at({"vendor/deep.sls": deep}, _EGRESS) == [4]
    work = declared_work("vendor/open.sls", "{% {{ {# " * 20_000 + "\nrefresh:\n  cmd.run:\n    - name: ls\n")
    assert work is not None
    assert declared_work("manifests/broken.pp", "exec { 'a': command => " + "[" * 5_000) is not None
    assert declared_work("recipes/broken.rb", "execute 'a' do\n" + "(" * 5_000 + "\nend\n") is not None
