"""The status page in a real headless browser (Debian ``chromium`` + ``chromium-driver``, driven by selenium) against
a real ``shipgate serve`` (issue 21): an upload shows in progress and then its verdict without a reload, under a
strict Content-Security-Policy; the page works without JavaScript, changes nothing, and needs the ``status``
role (a bearer token here). Screenshots are kept as test artifacts (their paths are printed)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from service.kit import Server, Vendor, build_package
from service.test_http_verify import Raw
from shipgate.service.client import verify_remote

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
TOKEN = "status-token-5d1e0c2a9f7b4e61"
TOKEN_ENV = "SHIPGATE_TEST_STATUS_TOKEN"
WAIT_SECONDS = 30


def browser(*, javascript: bool = True, token: str | None = TOKEN) -> Any:
    """Headless Chromium; ``token`` is sent as ``Authorization: Bearer`` with every request (DevTools protocol)."""
    if shutil.which(CHROMIUM) is None or shutil.which(CHROMEDRIVER) is None:
        pytest.skip("needs chromium and chromium-driver (apt; .ci/run installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,1500",
    ):
        options.add_argument(arg)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    if token is not None:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": {"Authorization": f"Bearer {token}"}})
    return driver


def text_of(driver: Any, element_id: str) -> str:
    return str(driver.find_element("id", element_id).text)


def wait_text(driver: Any, element_id: str, *wanted: str) -> str:
    """The element's text once it holds every one of ``wanted`` (the page is not reloaded meanwhile)."""
    from selenium.webdriver.support.wait import WebDriverWait

    WebDriverWait(driver, WAIT_SECONDS, poll_frequency=0.1).until(
        lambda d: all(w in text_of(d, element_id) for w in wanted)
    )
    return text_of(driver, element_id)


@pytest.fixture
def server(pinned_home: Path) -> Iterator[Server]:
    config = pinned_home.parent / "serve-status.toml"
    config.write_text(
        f'[tokens]\ndashboard = {{ env = "{TOKEN_ENV}" }}\n'
        '[roles]\nallow_anonymous = ["uploader"]\nstatus = ["token:dashboard"]\n'
    )
    with Server(pinned_home, config, env={TOKEN_ENV: TOKEN}) as running:
        yield running


def curl_status(url: str, *headers: str) -> tuple[int, str]:
    args = ["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code} %header{www-authenticate}", url]
    for header in headers:
        args += ["-H", header]
    code, _, challenge = subprocess.run(args, capture_output=True, text=True, timeout=30).stdout.partition(" ")
    return int(code), challenge


def test_an_upload_shows_in_progress_then_its_verdict_without_a_reload(
    server: Server, good_zip: Path, vendor: Vendor, tmp_path: Path
) -> None:
    package = build_package(tmp_path / "slow.zip", vendor, payload=os.urandom(3 << 20))
    driver = browser()
    try:
        driver.get(f"{server.http_base}/")
        assert driver.title == "shipgate status"
        wait_text(driver, "live", "live")  # the event stream is open
        assert "No upload in progress." in text_of(driver, "uploads")
        assert "Example Networks 1" in text_of(driver, "vendors") and "no feed" in text_of(driver, "vendors")
        assert "pin" in text_of(driver, "trust")
        driver.execute_script("window.shipgateMarker = 42")  # gone if the page reloads

        data = package.read_bytes()
        upload = Raw(server)
        upload.head("PUT", "/v1/verify?name=slow-upload.zip", len(data))
        upload.send(data[: (2 << 20) + 100])  # two whole chunks (max_chunk_bytes) and a bit
        so_far = f"2.0 MiB of {len(data) / (1 << 20):.1f} MiB"
        wait_text(driver, "uploads", "slow-upload.zip", "receiving", "http:anonymous", so_far)
        uploading = tmp_path / "status-page-uploading.png"
        driver.save_screenshot(str(uploading))
        upload.send(data[(2 << 20) + 100 :])
        assert upload.read_status()[0] == 200
        upload.close()
        ended = wait_text(driver, "ended", "slow-upload.zip", "ALLOW", "verified")
        assert "No upload in progress." in wait_text(driver, "uploads", "No upload in progress.")
        assert "dten 7.4.0" in wait_text(driver, "verdicts", "ALLOW")
        # gRPC uploads show there too: the page watches the upload, not the transport.
        verify_remote(server.grpc_address, good_zip, file_name="over-grpc.zip")
        wait_text(driver, "ended", "over-grpc.zip", "grpc:anonymous")
        assert driver.execute_script("return window.shipgateMarker") == 42
        verdict = tmp_path / "status-page-verdict.png"
        driver.save_screenshot(str(verdict))
        print(f"status page screenshots: {uploading} {verdict}")
        assert "slow-upload.zip" in ended
        refused = [e["message"] for e in driver.get_log("browser") if "Content Security Policy" in e["message"]]
        assert refused == []
        # The verdict links to the stored verdict's page.
        driver.find_element("css selector", "#ended a").click()
        assert driver.title == "shipgate: ALLOW dten 7.4.0 (Example Networks)"
        assert "No findings." in driver.find_element("tag name", "body").text
    finally:
        driver.quit()


def test_the_page_works_without_javascript_and_changes_nothing(server: Server, good_zip: Path) -> None:
    verify_remote(server.grpc_address, good_zip, file_name="before.zip")
    driver = browser(javascript=False)
    try:
        driver.get(f"{server.http_base}/")
        assert "before.zip" in text_of(driver, "ended") and "ALLOW" in text_of(driver, "verdicts")
        assert text_of(driver, "live").startswith("as of ")  # no script ran
        refresh = driver.find_elements("css selector", "noscript")
        assert refresh  # the page reloads itself instead
        for tag in ("form", "button", "input", "select", "textarea"):
            assert driver.find_elements("tag name", tag) == [], tag
        links = {a.get_attribute("href") for a in driver.find_elements("tag name", "a")}
        assert links and all(link.startswith(f"{server.http_base}/verdicts/") for link in links)
    finally:
        driver.quit()
    for method in ("POST", "PUT", "DELETE"):
        auth = f"Authorization: Bearer {TOKEN}"
        done = subprocess.run(
            ["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-X", method, "-H", auth, f"{server.http_base}/"],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert done.stdout == "405", method


def test_the_page_needs_the_status_role(server: Server) -> None:
    # Risk: the page shows verdicts, vendors and trust history to anyone who reaches the listener.
    for path in ("/", "/status/events", f"/verdicts/{'ab' * 32}"):
        assert curl_status(f"{server.http_base}{path}") == (403, ""), path  # anonymous: no status role
        code, challenge = curl_status(f"{server.http_base}{path}", "Authorization: Bearer not-the-token")
        assert (code, challenge) == (401, 'Bearer realm="shipgate", error="invalid_token"'), path
    assert curl_status(f"{server.http_base}/", f"Authorization: Bearer {TOKEN}")[0] == 200
    assert curl_status(f"{server.http_base}/verdicts/{'ab' * 32}", f"Authorization: Bearer {TOKEN}")[0] == 404
    # The browser with no token at all is refused too.
    driver = browser(token=None)
    try:
        driver.get(f"{server.http_base}/")
        assert "/ needs the status role; anonymous lacks it" in driver.find_element("tag name", "body").text
    finally:
        driver.quit()
