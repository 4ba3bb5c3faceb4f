"""Shared fixtures: named personas (one per role), the loaded Hải Phòng plan, browser switch.

Browser tests (marker ``browser``) drive Debian's Chromium through Playwright;
they run with ``--browser`` (CI always passes it) and are skipped otherwise
so the default local run stays fast.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

# Settings read KEHOACH_HOME at import: give tests their own folder.
os.environ.setdefault("KEHOACH_HOME", tempfile.mkdtemp(prefix="kehoach-test-"))
# Playwright's sync API keeps an event loop in the test thread; Django must still allow DB calls there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SEED_DIR = Path(__file__).resolve().parents[2] / "shared" / "seed"
if not SEED_DIR.is_dir():  # a clone elsewhere: shared/ sits beside the checkout
    SEED_DIR = Path(os.environ.get("KEHOACH_SHARED", "../shared")).resolve() / "seed"
SEED_TEXT = SEED_DIR / "000_43d4c465a0477983.txt"
SEED_GOLD = SEED_DIR / "000_43d4c465a0477983.gold.json"
SEED_TASKS_GOLD = SEED_DIR / "000_43d4c465a0477983.tasks.gold.json"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--browser", action="store_true", help="run the Playwright/Chromium tests")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--browser"):
        return
    skip = pytest.mark.skip(reason="browser test: run with --browser")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def hp_plan(db: Any) -> Any:
    """The bundled Hải Phòng 2026 plan loaded into the test database, with agencies."""
    from kehoach.plans.bootstrap import seed_agencies
    from kehoach.plans.services import bundled_plan_document, plan_load

    seed_agencies()
    return plan_load(document=bundled_plan_document("haiphong-2026"), reason="test")


def _persona(username: str, role: str | None, agency_code: str | None = None) -> Any:
    from django.contrib.auth import get_user_model

    from kehoach.accounts.models import Agency, Membership

    user = get_user_model().objects.create_user(username=username, password="mat-khau-thu-nghiem")
    if role:
        agency = Agency.objects.get(code=agency_code) if agency_code else None
        Membership.objects.create(user=user, role=role, agency=agency)
    return user


@pytest.fixture
def personas(hp_plan: Any) -> dict[str, Any]:
    """Named users: ``secretariat`` (STC), ``editor_sct`` and ``editor_stc`` (agency editors),
    ``viewer_sct``, ``council``, ``admin``, ``nobody`` (signed in, no role)."""
    return {
        "secretariat": _persona("thu_ky", "secretariat"),
        "editor_sct": _persona("can_bo_sct", "editor", "SCT"),
        "editor_stc": _persona("can_bo_stc", "editor", "STC"),
        "viewer_sct": _persona("xem_sct", "viewer", "SCT"),
        "council": _persona("dai_bieu", "council"),
        "admin": _persona("quan_tri", "admin"),
        "nobody": _persona("khach", None),
    }


CHROMIUM = os.environ.get("KEHOACH_CHROMIUM", "/usr/bin/chromium")
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
ARTIFACTS = Path(
    os.environ.get("KEHOACH_TEST_ARTIFACTS", Path(__file__).resolve().parents[1] / "test-artifacts")
)


@pytest.fixture(scope="session")
def browser() -> Any:
    """Debian's Chromium driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Any:
    """A fresh browser page; ``page.goto_path('/x')`` opens a path on the live server.
    Save screenshots with ``page.shot('name')`` into test-artifacts/."""
    context = browser.new_context(
        locale="vi-VN", viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    pg = context.new_page()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.goto_path = lambda path, **kw: pg.goto(live_server.url + path, **kw)
    pg.shot = lambda name, **kw: pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True, **kw)
    pg.base_url = live_server.url
    yield pg
    context.close()
