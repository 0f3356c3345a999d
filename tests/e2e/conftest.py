"""Browser tests: a real Chromium (Debian's /usr/bin/chromium) driven by Playwright.

Every page a test visits should be checked with `axe_check(page)`: it fails the test on any
serious or critical accessibility violation found by axe-core.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test`, which installs it.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, timeout=120_000
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session", autouse=True)
def warm_url_patterns():
    """The first request imports every view (naober.urls); on a loaded machine, or on a
    pytest-xdist worker whose first test is a browser test, that alone can outlast a page's 15 s
    timeout. So the URL patterns are loaded here, in the process the live server runs in."""
    from django.urls import get_resolver

    assert get_resolver().url_patterns


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    context.set_default_timeout(15_000)
    page = context.new_page()
    reads = page.evaluate
    # every test's reading of the page (its width, a style) waits for the page a click opened
    page.evaluate = lambda expression, arg=None: when_settled(page, lambda: reads(expression, arg))
    yield page
    context.close()


def when_settled(page, read, attempts: int = 3):
    """Read the page once it has settled.

    A read right after a click may start while the browser is still swapping documents (the
    old one gone, the new one not yet there: "reading 'documentElement'", "reading
    'scrollWidth'" of null, or "Execution context was destroyed"); wait for the new page's load
    and read again rather than fail.
    """
    from playwright.sync_api import Error as PlaywrightError

    for attempt in range(attempts):
        page.wait_for_load_state()
        try:
            return read()
        except PlaywrightError as error:
            said = str(error)
            settling = "of null" in said or "context was destroyed" in said
            if not settling or attempt == attempts - 1:
                raise
            page.wait_for_timeout(200)


@pytest.fixture(scope="session")
def _axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def axe_check(_axe):
    """Run axe-core on the current page; fail on serious or critical violations."""

    def check(page):
        results = when_settled(page, lambda: _axe.run(page))
        bad = [
            v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")
        ]
        summary = "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in bad
        )
        assert not bad, f"axe-core found violations on {page.url}:\n{summary}"

    return check


@pytest.fixture
def login(axe_check):
    """Log in through the real login page (and check that page with axe)."""

    def do_login(page, username: str, password: str = "geheim-wachtwoord"):
        page.goto("/accounts/login/")
        axe_check(page)
        page.get_by_label("Gebruikersnaam").fill(username)
        page.get_by_label("Wachtwoord").fill(password)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state()

    return do_login
