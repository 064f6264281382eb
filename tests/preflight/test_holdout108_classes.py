"""Classes the hundred-and-eighth hold-out set showed (tests/preflight/holdout108: install, update and migrate
programs in Python, JavaScript/TypeScript, Go, PHP and Ruby), each as its minimal construct next to a near-miss that
must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

UNVERIFIED = "preflight.unverified_download_exec"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- D: a PHP updater's own ZipArchive subclass unpacks into the working directory -------------------------------------


def _php_updater(target: str, extends: str = "ZipArchive", method: str = "extractSubdirTo") -> str:
    return _text(
        "<?php",  # 1
        f"class my_Zip extends {extends} {{",  # 2
        f"  public function {method}($destination, $subdir) {{ return array(); }}",  # 3
        "}",  # 4
        "$file = 'temp.zip';",  # 5
        "$url = 'https://github.com/example/site/archive/master.zip';",  # 6
        "file_put_contents($file, file_get_contents($url));",  # 7
        f"$path = {target};",  # 8
        "$zip = new my_Zip();",  # 9
        "if ($zip->open($file) === TRUE) {",  # 10
        f"  $zip->{method}($path, 'site-master/');",  # 11
        "}",  # 12
    )


def test_d_a_zip_subclass_extract_method_over_the_working_directory() -> None:
    text = _php_updater("pathinfo(realpath($file), PATHINFO_DIRNAME)")
    assert codes_at({"updater.php": text}, UNVERIFIED) == [11]


def test_d_the_file_s_own_directory_is_its_code_too() -> None:
    assert codes_at({"updater.php": _php_updater("__DIR__")}, UNVERIFIED) == [11]
    assert codes_at({"updater.php": _php_updater("dirname(__FILE__)")}, UNVERIFIED) == [11]


def test_d_near_miss_a_staging_folder_is_not_the_product_s_code() -> None:
    assert codes_at({"updater.php": _php_updater("'/tmp/staging'")}, UNVERIFIED) == []


def test_d_near_miss_a_file_in_a_subfolder_names_that_subfolder() -> None:
    assert codes_at({"updater.php": _php_updater("dirname(realpath('cache/temp.zip'))")}, UNVERIFIED) == []


def test_d_near_miss_a_class_that_is_no_archive() -> None:
    assert codes_at({"updater.php": _php_updater("getcwd()", extends="Exception")}, UNVERIFIED) == []


def test_d_near_miss_a_method_not_named_for_extracting() -> None:
    assert codes_at({"updater.php": _php_updater("getcwd()", method="listFiles")}, UNVERIFIED) == []


# -- A: go-github-selfupdate's UpdateSelf/UpdateCommand look the latest release up (GitHub's API) ---------------------

EGRESS = "preflight.implicit_egress"


def _go_selfupdate(call: str) -> str:
    return _text(
        "package cmd",  # 1
        "",  # 2
        'import "github.com/rhysd/go-github-selfupdate/selfupdate"',  # 3
        "",  # 4
        "var selfUpdateCmd = &cobra.Command{RunE: func(cmd *cobra.Command, args []string) error {",  # 5
        f"\t_, err := {call}",  # 6
        "\treturn err",  # 7
        "}}",  # 8
    )


def test_a_update_self_asks_github_s_releases_api() -> None:
    files = {"cmd/selfupdate.go": _go_selfupdate('selfupdate.UpdateSelf(v, "owner/tool")')}
    assert codes_at(files, EGRESS) == [6]
    assert codes_at(files, UNVERIFIED) == [6]


def test_a_update_command_asks_it_too() -> None:
    files = {"cmd/selfupdate.go": _go_selfupdate('selfupdate.UpdateCommand(exe, v, "owner/tool")')}
    assert codes_at(files, EGRESS) == [6]


def test_a_near_miss_update_to_is_handed_the_asset_url() -> None:
    files = {"cmd/selfupdate.go": _go_selfupdate("nil, selfupdate.UpdateTo(assetURL, exe)")}
    assert codes_at(files, EGRESS) == []
    assert codes_at(files, UNVERIFIED) == [6]


def test_a_a_one_line_import_under_an_alias() -> None:
    text = _go_selfupdate('su.UpdateSelf(v, "owner/tool")').replace('import "', 'import su "')
    assert codes_at({"cmd/selfupdate.go": text}, EGRESS) == [6]


def test_a_near_miss_another_package_s_update_self() -> None:
    text = _go_selfupdate('selfupdate.UpdateSelf(v, "owner/tool")').replace(
        "rhysd/go-github-selfupdate/selfupdate", "example.org/tool/selfupdate"
    )
    assert codes_at({"cmd/selfupdate.go": text}, EGRESS) == []


# -- B: ``pipenv install`` resolves a Pipfile against PyPI and fetches what it names -----------------------------------


def test_b_pipenv_install_reaches_pypi() -> None:
    text = _text("import os", "", 'os.system("pipenv install --dev")', 'os.system("pipenv sync")')
    assert codes_at({"scripts/install.py": text}, EGRESS) == [3, 4]


def test_b_near_miss_pipenv_run_and_shell_fetch_nothing() -> None:
    text = _text("import os", "", 'os.system("pipenv run python manage.py check")', 'os.system("pipenv --venv")')
    assert codes_at({"scripts/install.py": text}, EGRESS) == []


# -- C: a PHP download of a URL variable reports its host once, at the request -----------------------------------------

ENDPOINT = "preflight.external_endpoint"


def test_c_a_url_variable_fetched_is_one_contact_at_the_request() -> None:
    text = _text(
        "<?php",  # 1
        "$url = 'https://github.com/example/site/archive/master.zip';",  # 2
        "file_put_contents('temp.zip', file_get_contents($url));",  # 3
    )
    assert codes_at({"update.php": text}, ENDPOINT) == [3]


def test_c_near_miss_a_url_variable_never_fetched_stays_at_its_literal() -> None:
    text = _text(
        "<?php",  # 1
        "$url = 'https://github.com/example/site/archive/master.zip';",  # 2
        "echo 'see ' . $url;",  # 3
    )
    assert codes_at({"update.php": text}, ENDPOINT) == [2]


# -- F: a request piped by Node's ``pipeline`` (also promisified) into a file stream is a download ---------------------


def _js_pipeline(source: str, pipeline: str = "_pipeline") -> str:
    return _text(
        "import * as fs from 'fs'",  # 1
        "import { pipeline } from 'stream'",  # 2
        "import { promisify } from 'util'",  # 3
        "import got from 'got'",  # 4
        "const _pipeline = promisify(pipeline) as any",  # 5
        "void (async () => {",  # 6
        "  const url = `https://github.com/example/tool/releases/download/v1/tool`",  # 7
        f"  await {pipeline}({source}, fs.createWriteStream(toolPath))",  # 8
        "  fs.chmodSync(toolPath, '775')",  # 9
        "})()",  # 10
    )


def test_f_a_promisified_pipeline_of_got_s_stream_saves_the_download() -> None:
    assert codes_at({"scripts/install.ts": _js_pipeline("got.stream.get(url)")}, UNVERIFIED) == [9]
    assert codes_at({"scripts/install.ts": _js_pipeline("got.stream(url)")}, UNVERIFIED) == [9]


def test_f_pipeline_itself_too() -> None:
    assert codes_at({"scripts/install.ts": _js_pipeline("got.stream(url)", "pipeline")}, UNVERIFIED) == [9]


def test_f_near_miss_a_pipeline_from_a_local_file_is_no_download() -> None:
    assert codes_at({"scripts/install.ts": _js_pipeline("fs.createReadStream('tool.bin')")}, UNVERIFIED) == []


# -- E: what a fetching promise resolves to, handed to ``.then``, is the fetched data ----------------------------------


def _js_then(promise: str, callback: str) -> str:
    return _text(
        "const fs = require('fs').promises",  # 1
        "const getBinary = async url => {",  # 2
        "  const response = await fetch(url)",  # 3
        "  return response.buffer()",  # 4
        "}",  # 5
        f"{promise}",  # 6
        f"  .then({callback} => fs.writeFile(BIN_PATH, buffer, {{ mode: 493 }}))",  # 7
    )


def test_e_a_then_callback_of_promise_all_over_a_fetch_writes_the_download() -> None:
    text = _js_then("Promise.all([getBinary(HOST), mkdirp(DIR)])", "([buffer])")
    assert codes_at({"scripts/postinstall.js": text}, UNVERIFIED) == [7]


def test_e_a_then_callback_of_a_fetch_itself() -> None:
    assert codes_at({"scripts/postinstall.js": _js_then("getBinary(HOST)", "(buffer)")}, UNVERIFIED) == [7]


def test_e_near_miss_a_then_of_a_local_read_is_no_download() -> None:
    text = _js_then("fs.readFile('vendor/tool.bin')", "(buffer)")
    assert codes_at({"scripts/postinstall.js": text}, UNVERIFIED) == []


def test_e_near_miss_a_then_callback_with_no_parameter_holds_nothing() -> None:
    text = _text(
        "const fs = require('fs')",  # 1
        "fetch(URL).then(() => fs.writeFileSync(BIN_PATH, local, { mode: 493 }))",  # 2
    )
    assert codes_at({"scripts/postinstall.js": text}, UNVERIFIED) == []


def test_e_a_long_then_chain_is_read_in_one_pass() -> None:
    chain = "fetch(URL)" + ".then((r) => r)" * 1000
    text = _text("const fs = require('fs')", chain + ".then((data) => fs.writeFileSync(BIN, data, { mode: 493 }))")
    assert codes_at({"scripts/postinstall.js": text}, UNVERIFIED) == [2]


def test_e_a_response_piped_into_a_stream_opened_executable() -> None:
    text = _text(
        "const fs = require('fs')",  # 1
        "fetch(URL).then((response) => {",  # 2
        "  response.body.pipe(fs.createWriteStream(BIN_PATH, { mode: '0755' }))",  # 3
        "})",  # 4
    )
    assert codes_at({"scripts/install.js": text}, UNVERIFIED) == [3]
