"""Classes the 270th hold-out set showed (tests/preflight/holdout270: Puppet manifests, Chef recipes and Salt states
that install or upgrade a self-hosted product), each as its minimal construct next to near-misses that must stay
quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

UNVERIFIED = "preflight.unverified_download_exec"
UNSIGNED = "preflight.signature_verification_disabled"
RECIPE = "recipes/install.rb"
MANIFEST = "manifests/install.pp"
STATE = "acme/install.sls"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a saved script run by ``cat FILE | bash`` ----------------------------------------------------------------------


def test_a_saved_script_catted_into_a_shell_is_run() -> None:
    assert in_script(
        UNVERIFIED,
        "curl -sSL https://get.example.com -o installer.sh",  # 3
        "cat installer.sh | bash -s stable",  # 4
        "source /etc/profile.d/installer.sh",  # 5
    ) == [4]


def test_a_catted_file_as_data_or_beside_a_script_operand_is_not_run() -> None:
    as_data = in_script(
        UNVERIFIED,
        "curl -sSL https://api.example.com/release -o release.json",
        "cat release.json | python3 -m json.tool",
    )
    script_given = in_script(
        UNVERIFIED,
        "curl -sSL https://get.example.com/answers -o answers.txt",
        "cat answers.txt | bash ./configure.sh",
    )
    not_a_shell = in_script(
        UNVERIFIED,
        "curl -sSL https://get.example.com -o installer.sh",
        "cat installer.sh | grep -c curl",
    )
    assert (as_data, script_given, not_a_shell) == ([], [], [])


# -- B: a declared yum repository with package signatures off --------------------------------------------------------


def _yumrepo(*attributes: str) -> str:
    return _text(
        "class acme::repo {",  # 1
        "  yumrepo { 'acme':",  # 2
        "    baseurl  => 'https://packages.example.com/rpm/',",  # 3
        *(f"    {a}," for a in attributes),  # 4…
        "  }",
        "}",
    )


def test_b_yumrepo_with_gpgcheck_off_installs_unsigned_packages() -> None:
    assert codes_at({MANIFEST: _yumrepo("gpgcheck => '0'", "enabled  => '1'")}, UNSIGNED) == [4]


def test_b_salt_and_chef_repositories_with_gpgcheck_off() -> None:
    state = _text(
        "acme-repo:",  # 1
        "  pkgrepo.managed:",  # 2
        "    - baseurl: https://packages.example.com/rpm/",  # 3
        "    - gpgcheck: 0",  # 4
    )
    recipe = _text(
        "yum_repository 'acme' do",  # 1
        "  baseurl 'https://packages.example.com/rpm/'",  # 2
        "  gpgcheck false",  # 3
        "end",  # 4
    )
    assert codes_at({STATE: state}, UNSIGNED) == [4]
    assert codes_at({RECIPE: recipe}, UNSIGNED) == [3]


def test_b_near_misses_checked_packages_or_signed_metadata_are_quiet() -> None:
    checked = _yumrepo("gpgcheck => '1'", "gpgkey   => 'https://packages.example.com/key.asc'")
    signed_metadata = _yumrepo("gpgcheck => '0'", "repo_gpgcheck => '1'")
    other_resource = _text(
        "class acme::conf {",
        "  file { '/etc/acme/acme.conf':",
        "    gpgcheck => '0',",
        "  }",
        "}",
    )
    assert codes_at({MANIFEST: checked}, UNSIGNED) == []
    assert codes_at({MANIFEST: signed_metadata}, UNSIGNED) == []
    assert codes_at({MANIFEST: other_resource}, UNSIGNED) == []


# -- D: Chef's ``git`` resource of a branch, then run in its tree by a command resource's ``cwd`` ----------------------


def _git_then_bundle(revision: str, cwd: str = "/srv/acme") -> str:
    return _text(
        "git '/srv/acme' do",  # 1
        "  repository 'https://github.com/example/acme.git'",  # 2
        *([f"  revision '{revision}'"] if revision else []),  # 3
        "end",
        "",
        "bash 'acme install' do",
        f"  cwd '{cwd}'",
        "  code <<-EOF",
        "  bundle install",  # 9 (8 without a revision)
        "  EOF",
        "end",
    )


def test_d_git_resource_of_a_branch_run_in_its_tree() -> None:
    assert codes_at({RECIPE: _git_then_bundle("main")}, UNVERIFIED) == [9]
    assert codes_at({RECIPE: _git_then_bundle("")}, UNVERIFIED) == [8]


def test_d_relative_destination_is_below_the_root_directory() -> None:
    recipe = _text(
        "git 'acme' do",  # 1
        "  repository 'https://github.com/example/acme.git'",  # 2
        "  revision 'main'",  # 3
        "end",  # 4
        "bash 'acme install' do",  # 5
        "  cwd '/acme'",  # 6
        "  code 'bundle exec rake acme:setup'",  # 7
        "end",  # 8
    )
    assert codes_at({RECIPE: recipe}, UNVERIFIED) == [7]


def test_d_near_misses_a_pinned_commit_or_another_directory_are_quiet() -> None:
    pinned = _git_then_bundle("4b825dc642cb6eb9a060e54bf8d69288fbee4904")
    elsewhere = _git_then_bundle("main", cwd="/srv/other")
    assert codes_at({RECIPE: pinned}, UNVERIFIED) == []
    assert codes_at({RECIPE: elsewhere}, UNVERIFIED) == []


def test_d_cwd_ends_with_its_resource() -> None:
    recipe = _text(
        "git '/srv/acme' do",  # 1
        "  repository 'https://github.com/example/acme.git'",  # 2
        "end",  # 3
        "execute 'list' do",  # 4
        "  cwd '/srv/acme'",  # 5
        "  command 'ls'",  # 6
        "end",  # 7
        "execute 'bundle install'",  # 8: run in chef-client's own directory, not the checkout
    )
    assert codes_at({RECIPE: recipe}, UNVERIFIED) == []
