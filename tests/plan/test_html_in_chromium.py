"""The HTML plan in a real browser: headless Chromium (Debian's chromium + chromium-driver, driven by
selenium) renders the story's plan; the test saves a screenshot (target/test-artifacts/plan-story.png) and
asserts on the DOM the browser built — the sections, the window, the migration's classification, the
cleanup items — and that the page loaded nothing and ran nothing (CSP, no scripts)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from shipgate.demo.run import DemoResult
from shipgate.plan.render_html import render_plan_html

CHROMEDRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if CHROMEDRIVER is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium-driver is not installed under CI: .ci/run installs it")
        pytest.skip("chromium-driver is not installed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    flags = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,2400")
    for arg in flags:
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def test_the_story_plan_renders_in_chromium(story: DemoResult, browser: object, tmp_path: Path,
                                            artifacts: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver

    assert isinstance(browser, WebDriver)
    plan = story.after.plan
    assert plan is not None
    page = tmp_path / "plan.html"
    page.write_text(render_plan_html(plan), encoding="utf-8")
    browser.get(page.as_uri())
    shot = artifacts / "plan-story.png"
    assert browser.get_screenshot_as_file(str(shot)) and shot.stat().st_size > 10_000

    assert browser.title == "shipgate plan: dten 7.1.2 → 7.4.0"
    sections = [s.get_attribute("id") for s in browser.find_elements(By.CSS_SELECTOR, "section")]
    assert sections == ["before", "window", "rollback", "after", "status"]
    headings = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "section > h2")]
    assert headings == ["Before the window", "The window", "Rollback", "After: cleanup and decisions",
                        "Status template"]
    estimate = browser.find_element(By.ID, "estimate")
    assert "declared 5m" in estimate.text
    # The declared figure is shown as short of the estimate, in the report's red.
    over = estimate.find_element(By.CSS_SELECTOR, ".over")
    assert over.value_of_css_property("color") == "rgba(179, 38, 30, 1)"
    migration = browser.find_element(By.CSS_SELECTOR, 'tr[data-migration="scripts/migrations/0042_add_index.sql"]')
    assert migration.find_element(By.CSS_SELECTOR, ".class").text == plan.rollback.migrations[0].classification
    after = {li.get_attribute("data-kind") for li in browser.find_elements(By.CSS_SELECTOR, "ol.after > li")}
    assert {"flag", "registration", "job"} <= after
    assert "dten.backoff.v2" in browser.find_element(By.CSS_SELECTOR, 'ol.after > li[data-kind="flag"]').text
    phases = [b.get_attribute("data-phase") for b in browser.find_elements(By.CSS_SELECTOR, "blockquote")]
    assert phases == ["before", "during", "done", "rolled_back"]
    # Self-contained: no script element, nothing fetched but the page itself.
    assert browser.find_elements(By.TAG_NAME, "script") == []
    resources = browser.execute_script("return performance.getEntriesByType('resource').length")
    assert resources == 0
