"""Classes the two-hundred-and-twelfth hold-out set showed (tests/preflight/holdout212: install, update and deploy
programs in Python, Go, PHP and Perl), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

EGRESS = "preflight.implicit_egress"
SUDO = "preflight.sudo_unavailable"
ENDPOINT = "preflight.external_endpoint"
PRIVILEGE = "preflight.implicit_privilege"


# -- A: a Python wrapper that hands its ``*cmd`` on as ``list(cmd)`` ------------------------------------------------


def _installer(*body: str, runner: str = "subprocess.run(list(cmd), check=check)") -> dict[str, str]:
    lines = (
        "import subprocess",
        "",
        "",
        "def run(*cmd, check=True):",
        f"    return {runner}",
        "",
        "",
        "def main():",
        *body,  # from line 9
        "",
        "",
        'if __name__ == "__main__":',
        "    main()",
    )
    return {"scripts/install.py": "\n".join(lines) + "\n"}


def test_a_the_words_of_a_star_args_wrapper_are_the_command_it_runs() -> None:
    files = _installer(
        '    run("sudo", "apt-get", "install", "-y", "krb5-user")',
        '    run("pip", "install", "--user", "pipx", check=False)',
    )
    assert codes_at(files, SUDO) == [9]
    assert codes_at(files, EGRESS) == [9, 10]


def test_a_tuple_of_the_star_args_is_the_same_words() -> None:
    files = _installer('    run("sudo", "apt-get", "update")', runner="subprocess.run(tuple(cmd))")
    assert codes_at(files, SUDO) == [9]


def test_a_a_wrapper_that_only_prints_its_words_runs_nothing() -> None:
    files = _installer('    run("sudo", "apt-get", "install", "-y", "krb5-user")', runner="print(list(cmd))")
    assert codes_at(files, SUDO) == []
    assert codes_at(files, EGRESS) == []


def test_a_list_of_something_else_is_not_the_callers_words() -> None:
    files = _installer('    run("sudo", "apt-get", "update")', runner='subprocess.run(list(["true"]))')
    assert codes_at(files, SUDO) == []


# -- C: a URL printed to a cobra command's own terminal writer ------------------------------------------------------


def _upgrade(*body: str) -> dict[str, str]:
    lines = (
        "package cmd",
        "",
        'import "fmt"',
        "",
        "var upgradeCmd = &cobra.Command{",
        "\tRunE: func(cmd *cobra.Command, _ []string) error {",
        *body,  # from line 7
        "\t\treturn nil",
        "\t},",
        "}",
    )
    return {"cmd/upgrade.go": "\n".join(lines) + "\n"}


def test_c_a_url_printed_to_the_commands_out_or_stdout_is_shown_not_contacted() -> None:
    files = _upgrade(
        "\t\tout := cmd.OutOrStdout()",
        '\t\tfmt.Fprintf(out, "Update available: https://github.com/%s/releases/tag/%s\\n", repo, tag)',
        '\t\tfmt.Fprintln(cmd.ErrOrStderr(), "see https://example.com/docs")',
    )
    assert codes_at(files, ENDPOINT) == []


def test_c_a_url_written_to_a_file_or_an_unbound_writer_is_still_a_contact() -> None:
    files = _upgrade(
        '\t\tf, _ := os.Create("/tmp/update.sh")',
        '\t\tfmt.Fprintf(f, "curl -fsSL https://get.example.com | sh\\n")',
        '\t\tresp, _ := http.Get("https://api.example.com/latest")',
        '\t\tfmt.Fprintln(out, "https://mirror.example.com/x")',
    )
    assert codes_at(files, ENDPOINT) == [8, 9, 10]


# -- D: cpanminus given a mirror by URL ------------------------------------------------------------------------------


def test_d_a_cpanm_mirror_written_on_the_line_is_a_host_contacted() -> None:
    assert in_script(ENDPOINT, "cpanm --installdeps . -M https://cpan.metacpan.org") == [3]
    assert in_script(ENDPOINT, "cpanm --mirror https://cpan.example.org App::cpanminus") == [3]


def test_f_freebsd_pkg_changing_the_package_database_needs_root() -> None:
    assert in_script(PRIVILEGE, "pkg update", "pkg install -y openvpn") == [3, 4]


def test_f_pkg_that_only_reads_or_is_escalated_or_checked_stays_quiet() -> None:
    assert in_script(PRIVILEGE, "pkg info openvpn", "pkg search nginx") == []
    assert in_script(PRIVILEGE, "sudo pkg install -y openvpn") == []
    assert in_script(PRIVILEGE, 'if [ "$(id -u)" -ne 0 ]; then exit 1; fi', "pkg install -y openvpn") == []


def test_f_sysrc_setting_or_deleting_a_variable_writes_rc_conf() -> None:
    assert in_script(PRIVILEGE, "sysrc openvpn_enable=yes", "sysrc -x openvpn_flags") == [3, 4]


def test_f_sysrc_querying_or_writing_another_file_stays_quiet() -> None:
    assert in_script(PRIVILEGE, "sysrc openvpn_enable", "sysrc -f ./my.conf a=b") == []
    assert in_script(PRIVILEGE, "sudo sysrc openvpn_enable=yes") == []


def _artisan(runner_body: str, *handle: str) -> dict[str, str]:
    lines = (
        "<?php",
        "namespace App\\Console\\Commands;",
        "use Illuminate\\Console\\Command;",
        "use Symfony\\Component\\Process\\Process;",
        "class UpdateCommand extends Command",
        "{",
        "    protected $signature = 'update';",
        "    public function handle()",
        "    {",
        *handle,  # from line 10
        "    }",
        "    private function runProcess($command) {",
        f"        {runner_body}",
        "    }",
        "}",
    )
    return {"app/Console/Commands/UpdateCommand.php": "\n".join(lines) + "\n"}


def test_h_a_method_handing_its_parameter_to_new_process_runs_each_calls_argv() -> None:
    files = _artisan(
        "$process = new Process($command); $process->run();",
        '        $this->runProcess(["git", "pull"]);',
        "        $this->runProcess(['composer', 'install']);",
    )
    assert codes_at(files, EGRESS) == [10, 11]
    assert codes_at(files, "preflight.unverified_download_exec") == [11]


def test_h_a_method_that_only_logs_its_parameter_runs_nothing() -> None:
    files = _artisan(
        "$this->info(implode(' ', $command));",
        '        $this->runProcess(["git", "pull"]);',
        "        $this->runProcess(['composer', 'install']);",
    )
    assert codes_at(files, EGRESS) == []


def test_d_cpanm_with_no_mirror_or_a_local_one_names_no_host() -> None:
    assert in_script(ENDPOINT, "cpanm --installdeps .") == []
    assert in_script(ENDPOINT, "cpanm --installdeps . -M /srv/minicpan") == []
