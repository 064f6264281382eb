"""Classes the 205th hold-out set showed (tests/preflight/holdout205: justfiles, a Taskfile, Makefile install
targets, Puppet, Salt and Chef install code, a tmpfiles.d file), each as its minimal construct next to a near-miss
that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight import justfile

SUDO = "preflight.sudo_unavailable"
EGRESS = "preflight.implicit_egress"
PRIVILEGE = "preflight.implicit_privilege"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a justfile's install recipes are the installer's shell ------------------------------------------------------


def test_a_an_install_recipe_and_the_recipe_it_depends_on_are_read() -> None:
    recipes = _text(
        "default:",  # 1
        "\tjust -l",  # 2
        "",  # 3
        "install-bin:",  # 4
        "\tcargo build --release",  # 5
        "\tsudo cp ./target/release/acme /usr/bin/",  # 6
        "",  # 7
        "install-unit: install-bin",  # 8
        "\t-sudo cp ./acme.service /etc/systemd/system",  # 9
    )
    assert codes_at({"justfile": recipes}, SUDO) == [6, 9]
    assert codes_at({"justfile": recipes}, EGRESS) == [5]


def test_a_recipe_parameters_dependency_arguments_and_quiet_lines() -> None:
    recipes = _text(
        'prefix := "/usr/local"',  # 1
        "",  # 2
        "[linux]",  # 3
        "@install target='release': (build target) && reload",  # 4
        "    @cp acme {{prefix}}/bin/acme",  # 5
        "",  # 6
        "build profile:",  # 7
        "    cargo build --profile {{profile}}",  # 8
        "",  # 9
        "reload:",  # 10
        "    systemctl daemon-reload",  # 11
    )
    assert codes_at({"Justfile": recipes}, PRIVILEGE) == [5, 11]
    assert codes_at({"Justfile": recipes}, EGRESS) == [8]


def test_a_a_shebang_recipe_is_one_script_at_its_lines() -> None:
    recipes = _text(
        "upgrade:",  # 1
        "    #!/usr/bin/env bash",  # 2
        "    set -eu",  # 3
        "    if [ -d /opt/acme ]; then",  # 4
        "        sudo systemctl restart acme",  # 5
        "    fi",  # 6
    )
    assert codes_at({"justfile": recipes}, SUDO) == [5]


def test_a_commands_are_placed_at_their_lines() -> None:
    recipes = _text("x := 'a'", "install:", "  echo {{x}} \\", "    {{other}}", "  make")
    assert justfile.install_recipes(recipes) == [(3, "echo a \n${JUST_VALUE}"), (5, "make")]


def test_near_miss_a_recipes_not_run_by_an_install_are_not_read() -> None:
    # a developer's recipes (build, test, a deploy to a workstation) run only when typed by name
    recipes = _text(
        "build:",  # 1
        "\tcargo build --release",  # 2
        "",  # 3
        "deploy:",  # 4
        "\tsudo cp ./target/release/acme /usr/bin/",  # 5
        "",  # 6
        "installer-image:",  # 7
        "\tsudo podman build -t acme .",  # 8
    )
    assert codes_at({"justfile": recipes}, SUDO) == []
    assert codes_at({"justfile": recipes}, EGRESS) == []


def test_near_miss_a_a_file_named_otherwise_is_not_a_justfile() -> None:
    recipes = _text("install:", "\tsudo cp acme /usr/bin/")
    assert codes_at({"docs/justfile.txt": recipes}, SUDO) == []


# -- B: a target or recipe that installs the product's systemd unit is an install step, whatever its name -----------


def test_b_a_make_target_that_copies_a_unit_into_the_system_unit_directory_is_read() -> None:
    makefile = _text(
        "UNITDIR = /etc/systemd/system",  # 1
        "install:",  # 2
        "\tgo build .",  # 3
        "service:",  # 4
        "\tcp acme.service $(UNITDIR)/acme.service",  # 5
        "\tsudo systemctl daemon-reload",  # 6
        "\tsudo systemctl enable acme",  # 7
    )
    assert codes_at({"Makefile": makefile}, PRIVILEGE) == [5]
    assert codes_at({"Makefile": makefile}, SUDO) == [6, 7]


def test_b_a_just_recipe_that_installs_a_timer_is_read() -> None:
    recipes = _text(
        "systemd:",  # 1
        "\tsudo cp systemd/acme.* /lib/systemd/system",  # 2
        "\tsudo systemctl enable acme.timer",  # 3
    )
    assert codes_at({"justfile": recipes}, SUDO) == [2, 3]
    assert codes_at({"justfile": recipes}, "preflight.scheduled_job") == [3]


def test_near_miss_b_a_user_unit_or_a_unit_kept_in_the_tree_is_no_install() -> None:
    # the user manager's directory, and a copy of a unit within the checkout, install no system service
    makefile = _text(
        "user-service:",  # 1
        "\tcp acme.service ~/.config/systemd/user/",  # 2
        "\tsudo systemctl daemon-reload",  # 3
        "dist:",  # 4
        "\tcp acme.service build/etc/systemd/system/",  # 5
        "\tsudo tar czf acme.tgz build",  # 6
    )
    assert codes_at({"Makefile": makefile}, SUDO) == []
    assert codes_at({"Makefile": makefile}, PRIVILEGE) == []


# -- C: root-only steps the shell reader did not know -------------------------------------------------------------


def test_c_a_copy_into_a_system_directory_itself_writes_there() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        "install -p -o root -g root -m 0640 rpaw.conf /etc",  # 2
        "cp acme.conf /var/lib",  # 3
        "mv acme /usr/local/bin",  # 4
    )
    assert codes_at({"install.sh": script}, PRIVILEGE) == [2, 3, 4]


def test_near_miss_c_a_copy_out_of_a_system_directory_or_into_another_directory() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        "cp /etc/acme.conf ./backup",  # 2
        "install -m 0640 acme.conf /opt",  # 3
        "cp acme.conf /etcetera",  # 4
        "install -d /usr",  # 5
    )
    assert codes_at({"install.sh": script}, PRIVILEGE) == []


def test_c_systemctl_link_changes_the_system_managers_units() -> None:
    script = _text("#!/bin/sh", "systemctl link /etc/systemd/rpaw.service", "systemctl revert rpaw.service")
    assert codes_at({"install.sh": script}, PRIVILEGE) == [2, 3]


def test_near_miss_c_systemctl_link_for_the_user_manager_or_a_query() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        "systemctl --user link ~/.config/acme/acme.service",  # 2
        "systemctl status acme",  # 3
        "service acme link",  # 4: not a verb of service(8)
    )
    assert codes_at({"install.sh": script}, PRIVILEGE) == []
