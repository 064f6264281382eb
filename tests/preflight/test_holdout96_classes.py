"""Classes the ninety-sixth hold-out set showed (tests/preflight/holdout96: install, update and migrate programs in
Python, JavaScript, Go, PHP and Ruby), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

UNVERIFIED = "preflight.unverified_download_exec"
TLS = "preflight.tls_verification_disabled"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: creativeprojects/go-selfupdate (go-github-selfupdate's fork) replaces the command with no validator ---------


def _go_updater(import_path: str) -> str:
    return _text(
        "package cmd",  # 1
        "",  # 2
        "import (",  # 3
        '\t"context"',  # 4
        '\t"os"',  # 5
        "",  # 6
        f'\t"{import_path}"',  # 7
        ")",  # 8
        "",  # 9
        "func update(ctx context.Context, url, name string) error {",  # 10
        "\texe, _ := os.Executable()",  # 11
        "\treturn selfupdate.UpdateTo(ctx, url, name, exe)",  # 12
        "}",  # 13
    )


def test_a_the_fork_update_to_replaces_the_command_unchecked() -> None:
    files = {"cmd/selfupdate.go": _go_updater("github.com/creativeprojects/go-selfupdate")}
    assert codes_at(files, UNVERIFIED) == [12]


def test_a_near_miss_another_package_of_that_name_is_not_read() -> None:
    files = {"cmd/selfupdate.go": _go_updater("github.com/example/selfupdate")}
    assert codes_at(files, UNVERIFIED) == []


EGRESS = "preflight.implicit_egress"


def _release_lookup(import_path: str) -> str:
    return _text(
        "package cmd",  # 1
        "",  # 2
        "import (",  # 3
        '\t"os"',  # 4
        "",  # 5
        f'\t"{import_path}"',  # 6
        ")",  # 7
        "",  # 8
        "func update() error {",  # 9
        '\tlatest, found, err := selfupdate.DetectLatest("vendor/cli")',  # 10
        "\tif err != nil || !found {",  # 11
        "\t\treturn err",  # 12
        "\t}",  # 13
        "\texe, _ := os.Executable()",  # 14
        "\treturn selfupdate.UpdateTo(latest.AssetURL, exe)",  # 15
        "}",  # 16
    )


def test_the_libraries_release_lookup_asks_githubs_api_with_no_url_in_the_file() -> None:
    """``selfupdate.DetectLatest(slug)`` (rhysd's and creativeprojects' packages) asks GitHub's releases API: egress
    with no URL written (holdout92's KubeArmor and holdout96's gpcore-cli)."""
    for library in ("github.com/rhysd/go-github-selfupdate/selfupdate", "github.com/creativeprojects/go-selfupdate"):
        assert codes_at({"cmd/selfupdate.go": _release_lookup(library)}, EGRESS) == [10]


def test_a_near_miss_a_detect_latest_of_another_package_asks_nothing_known() -> None:
    assert codes_at({"cmd/selfupdate.go": _release_lookup("github.com/example/selfupdate")}, EGRESS) == []


# -- B: PHP's curl extension with its certificate checks set off --------------------------------------------------

PHP_CURL = _text(
    "<?php",  # 1
    '$ch = curl_init("https://example.com/app.zip");',  # 2
    "curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 0);",  # 3
    "curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, \\CURLOPT_SSL_VERIFYPEER => false]);",  # 4
    "curl_exec($ch);",  # 5
)

PHP_CURL_CHECKED = _text(
    "<?php",  # 1
    '$ch = curl_init("https://example.com/app.zip");',  # 2
    "curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 2);",  # 3
    "curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);",  # 4
    "curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, $verify);",  # 5
    "// curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);",  # 6
    "curl_exec($ch);",  # 7
)


def test_b_curl_checks_set_off_in_php() -> None:
    assert codes_at({"framework/update.php": PHP_CURL}, TLS) == [3, 4]


def test_b_near_miss_checks_left_on_a_variable_or_a_comment() -> None:
    assert codes_at({"framework/update.php": PHP_CURL_CHECKED}, TLS) == []


def test_b_near_miss_a_test_file_is_not_the_product() -> None:
    assert codes_at({"tests/CurlTest.php": PHP_CURL}, TLS) == []


def test_b_near_miss_a_switch_the_operator_sets() -> None:
    text = _text(
        "<?php",  # 1
        "if ($this->sslcheck) {",  # 2
        "    curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 2);",  # 3
        "    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, 1);",  # 4
        "} else {",  # 5
        "    curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 0);",  # 6
        "    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, 0);",  # 7
        "}",  # 8
        "if ($debug) {",  # 9
        "    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);",  # 10
        "}",  # 11
        "curl_exec($ch);",  # 12
    )
    assert codes_at({"install.php": text}, TLS) == [10]


def test_b_near_miss_a_module_the_product_runs_later_is_not_the_install() -> None:
    assert codes_at({"lib/HttpClient.php": PHP_CURL}, TLS) == []
