"""Round thirty-five of the whole packages (tests/preflight/packages/README.md, "Round thirty-five"): each class fixed,
with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its
result)."""

from __future__ import annotations

from preflight_kit import findings

PRIVILEGE = "preflight.implicit_privilege"
SERVICE = "preflight.service_disabled"
DELETE = "preflight.destructive_delete"
EGRESS = "preflight.implicit_egress"
SUDO = "preflight.sudo_unavailable"

# a diskimage-builder element's post-install script: run as root in the chroot of the image being built
_IN_IMAGE = (
    "#!/bin/bash\n"  # 1
    "set -eux\n"  # 2
    "systemctl enable balancer-agent.service\n"  # 3
    "systemctl disable haproxy\n"  # 4
    "rm -rf /opt/balancer-agent\n"  # 5
    "useradd --system balancer\n"  # 6
)
# a file the element copies into the image, run on the machines booted from it
_ON_THE_IMAGE = (
    "#!/bin/bash\n"  # 1
    "set -e\n"  # 2
    "nft add table ip balancer\n"  # 3
    "ip link set eth1 up\n"  # 4
)
# the element's install script, which downloads over the build host's network
_IMAGE_INSTALL = (
    "#!/bin/bash\n"  # 1
    "set -eux\n"  # 2
    "/usr/bin/python3 -m venv /opt/agent-venv\n"  # 3
    "/opt/agent-venv/bin/pip install -U balancer-agent\n"  # 4
)
# an element's root.d script: run on the build host itself
_ON_THE_BUILD_HOST = (
    "#!/bin/bash\n"  # 1
    "set -eu\n"  # 2
    "sudo mkdir -p $TARGET_ROOT/etc/balancer\n"  # 3
)


CREDENTIAL = "preflight.hardcoded_credential"

# an SSO product's default settings: the password backend's module name and the pattern generated passwords follow
_BACKEND_AND_PATTERN = (
    "package Sso::Conf::DefaultValues;\n"  # 1
    "sub defaultValues {\n"  # 2
    "    return {\n"  # 3
    "          'passwordDB' => 'Demo',\n"  # 4
    "          'randomPasswordRegexp' => '[A-Z]{3}[a-z]{5}.\\d{2}',\n"  # 5
    "          'managerPassword' => 'Sesame42xq',\n"  # 6
    "    };\n"  # 7
    "}\n"  # 8
)


def test_a_password_backend_and_pattern_are_names() -> None:
    # LemonLDAP::NG's DefaultValues.pm and lmConf-1.json: `passwordDB => 'Demo'`, `randomPasswordRegexp => '…'`
    found = findings({"lib/Sso/Conf/DefaultValues.pm": _BACKEND_AND_PATTERN})
    found = [line for code, line in found if code == CREDENTIAL]
    assert 4 not in found and 5 not in found


def test_a_password_beside_them_is_still_a_password() -> None:
    # the same file's literal manager password stays reported
    assert (CREDENTIAL, 6) in findings({"lib/Sso/Conf/DefaultValues.pm": _BACKEND_AND_PATTERN})


ENDPOINT = "preflight.external_endpoint"

# a Zuul job: the repositories the CI's DevStack clones
_ZUUL_JOB = (
    "- job:\n"  # 1
    "    name: balancer-tempest\n"  # 2
    "    parent: devstack-tempest\n"  # 3
    "    vars:\n"  # 4
    "      devstack_plugins:\n"  # 5
    "        balancer: https://review.example-forge.org/openstack/balancer.git\n"  # 6
)


def test_zuul_d_is_ci_configuration() -> None:
    # Octavia's zuul.d/jobs.yaml: Zuul reads zuul.d/ as it reads .zuul.d/ and zuul.yaml
    assert ENDPOINT not in {code for code, _ in findings({"zuul.d/jobs.yaml": _ZUUL_JOB})}


def test_a_folder_of_settings_named_otherwise_is_still_read() -> None:
    # the same YAML in a product's own conf.d/ is a setting whose host is contacted
    assert (ENDPOINT, 6) in findings({"conf.d/jobs.yaml": _ZUUL_JOB})


# a playbook a CI job's test node runs, and the Zuul job that names it
_CI_PLAYBOOK = (
    "- hosts: all\n"  # 1
    "  tasks:\n"  # 2
    "    - name: Build the image\n"  # 3
    "      shell: ./build-image.sh\n"  # 4
    "      become: yes\n"  # 5
)
_ZUUL_JOBS = (
    "- job:\n"  # 1
    "    name: balancer-image-build\n"  # 2
    "    run: playbooks/image-build/run.yaml\n"  # 3
    "    post-run:\n"  # 4
    "      - playbooks/image-build/post\n"  # 5
)


def test_a_zuul_jobs_playbooks_are_ci_steps() -> None:
    # Octavia's playbooks/image-build/run.yaml, named by zuul.d/jobs.yaml's `run:` (also without its suffix)
    files = {
        "zuul.d/jobs.yaml": _ZUUL_JOBS,
        "playbooks/image-build/run.yaml": _CI_PLAYBOOK,
        "playbooks/image-build/post.yaml": _CI_PLAYBOOK,
    }
    assert SUDO not in _codes(files)


def test_a_playbook_no_job_names_stays_a_step() -> None:
    # another playbook beside them, and the same playbook in a package with no Zuul configuration
    files = {"zuul.d/jobs.yaml": _ZUUL_JOBS, "playbooks/deploy.yaml": _CI_PLAYBOOK}
    assert (SUDO, 5) in findings(files)
    assert (SUDO, 5) in findings({"playbooks/image-build/run.yaml": _CI_PLAYBOOK})


# a game server's message of the day, shown to each player who connects
_MOTD = (
    "Welcome to the realm!\n"  # 1
    "\n"  # 2
    "Tracker: http://tracker.example-forge.net/p/realm/bugs/\n"  # 3
)
# a script named for the message it writes, which fetches a host
_MOTD_SCRIPT = (
    "#!/bin/sh\n"  # 1
    "curl -fsS https://status.example-forge.net/today > /run/motd.dynamic\n"  # 2
)


def test_a_message_of_the_day_is_text_for_people() -> None:
    # crossfire-server's etc/crossfire/motd:3: a bug tracker's address in the text players see
    assert ENDPOINT not in _codes({"etc/realm/motd": _MOTD})


def test_a_motd_script_is_still_read() -> None:
    # update-motd's scripts and a command named motd (gitolite3's commands/motd, a Perl script) are code: their
    # requests stay reported
    assert (ENDPOINT, 2) in findings({"scripts/motd.sh": _MOTD_SCRIPT})
    assert (ENDPOINT, 2) in findings({"commands/motd": _MOTD_SCRIPT})


def _codes(files: dict[str, str | bytes]) -> set[str]:
    return {code for code, _ in findings(files)}


def test_an_image_elements_in_chroot_steps_change_the_image() -> None:
    # Octavia's elements/amphora-agent/post-install.d and static/usr/local/bin/lvs-masquerade.sh
    found = _codes(
        {
            "elements/balancer-agent/post-install.d/11-enable-agent": _IN_IMAGE,
            "elements/balancer-agent/finalise.d/99-user": _IN_IMAGE,
            "elements/balancer-agent/static/usr/local/bin/masquerade.sh": _ON_THE_IMAGE,
        }
    )
    assert not found & {PRIVILEGE, SERVICE, DELETE, SUDO}


def test_an_image_elements_install_script_still_fetches() -> None:
    # the pip install of an install.d script reaches PyPI from the build host
    assert (EGRESS, 4) in findings({"elements/balancer-agent/install.d/75-agent-install": _IMAGE_INSTALL})


def test_the_same_steps_outside_an_element_stay_steps() -> None:
    # a post-install.d folder that is not an element's, and an element's root.d script (the build host runs it)
    assert {PRIVILEGE, SERVICE, DELETE} <= _codes({"deploy/post-install.d/11-enable-agent": _IN_IMAGE})
    assert PRIVILEGE in _codes({"elements/balancer-agent/masquerade.sh": _ON_THE_IMAGE})
    assert (SUDO, 3) in findings({"elements/balancer-agent/root.d/10-config": _ON_THE_BUILD_HOST})
