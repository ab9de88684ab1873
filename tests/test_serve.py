"""`briefgen serve` in a real headless Chromium (Debian's chromium and chromium-driver,
installed by scripts/system-deps), driven by Selenium through the system chromedriver:
nothing is downloaded and the browser only talks to 127.0.0.1."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import DEFAULT_CONFIG, ROOT, SEEDS, run_cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
needs_browser = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="needs chromium and chromedriver (scripts/system-deps)")
WAIT = 90  # seconds a change may take to reach the page on a busy machine


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_site(tmp: Path, title: str) -> Path:
    """A config of its own: two seed articles, a templates folder, an archive."""
    (tmp / "articles").mkdir()
    for seed in sorted(SEEDS.iterdir())[:2]:
        shutil.copy(seed, tmp / "articles")
    (tmp / "templates").mkdir()
    text = DEFAULT_CONFIG.read_text().replace("title: Daily brief", f"title: {title}", 1)
    text = text.replace("path: ../seeds", "path: articles")
    (tmp / "brief.yaml").write_text(text + "\ntemplates: templates\nstate_dir: state\n")
    return tmp / "brief.yaml"


@pytest.fixture
def server(tmp_path) -> Iterator[tuple[str, Path]]:
    config = write_site(tmp_path, "Morning desk")
    proc = run_cli("build", "--config", str(config), "--date", "2023-06-19",
                   "--out", str(tmp_path / "out"), "--format", "json", "-q")
    assert proc.returncode == 0, proc.stderr  # one archived edition to browse
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "briefgen.cli", "serve", "--config",
                               str(config), "--port", str(port)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(600):  # the first build runs before the server listens
            if server.poll() is not None:
                pytest.fail(f"serve exited: {server.stderr.read() if server.stderr else ''}")
            try:
                urllib.request.urlopen(url + "_version", timeout=5).read()
                break
            except OSError:
                time.sleep(0.5)
        yield url, config
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
        assert "Traceback" not in err, err


@pytest.fixture
def browser() -> Iterator:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or ""
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-background-networking"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def heading(driver) -> str:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.TAG_NAME, "h1").text


@needs_browser
def test_page_follows_the_config_and_shows_template_errors(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    url, config = server
    browser.get(url)
    assert heading(browser) == "Morning desk"
    items = browser.find_elements(By.CSS_SELECTOR, "ul.items li")
    assert items and all(li.text for li in items)
    # A mark set on the open page shows that it reloads by itself rather than being reopened.
    browser.execute_script("window.briefgenTestMark = 1")

    config.write_text(config.read_text().replace("title: Morning desk", "title: Evening desk"))
    WebDriverWait(browser, WAIT).until(lambda d: heading(d) == "Evening desk")
    assert browser.execute_script("return window.briefgenTestMark") is None

    broken = config.parent / "templates" / "brief.html.j2"
    broken.write_text('{% extends "default:brief.html.j2" %}\n'
                      "{% block footer %}{{ brief.title ( }}{% endblock %}\n")
    WebDriverWait(browser, WAIT).until(
        lambda d: d.find_elements(By.ID, "build-error"))
    error = browser.find_element(By.ID, "build-error").text
    assert "brief.html.j2:2: template error" in error

    broken.unlink()  # fixed: the server kept running and shows the brief again
    WebDriverWait(browser, WAIT).until(lambda d: heading(d) == "Evening desk")


@needs_browser
def test_archived_editions_are_served(server, browser):
    from selenium.webdriver.common.by import By

    url, _config = server
    browser.get(url + "briefs/")
    browser.find_element(By.LINK_TEXT, "2023-06-19").click()
    assert heading(browser) == "Morning desk"
    assert "2023-06-19" in browser.find_element(By.CLASS_NAME, "brief-date").text


def test_a_port_in_use_is_one_line(tmp_path):
    config = write_site(tmp_path, "Morning desk")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = run_cli("serve", "--config", str(config), "--port", str(port))
    assert proc.returncode == 1
    assert proc.stderr == (f"briefgen: error: 127.0.0.1:{port}: Address already in use; "
                           "choose another with --port\n")
