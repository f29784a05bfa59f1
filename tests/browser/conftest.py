"""Sites for the browser tests: each dataset built once, served on 127.0.0.1 and unzipped from its bundle.

The browser is Debian's Chromium driven by Playwright. Without it the tests skip, except under CI
(CI=true), where a missing browser is a failure: CI must never pass by skipping them.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from browsing import (
    CHROMIUM,
    CHROMIUM_ARGS,
    REPO,
    SEEDS,
    Seed,
    Site,
    Watch,
    checked,
    directory_urls,
    factsheet,
    need,
)


@functools.cache
def _validates(data: Path) -> bool:
    return data.is_dir() and factsheet("validate", "--data", str(data)).returncode == 0


@pytest.fixture(scope="session", params=SEEDS, ids=lambda seed: seed.label)
def seed(request: pytest.FixtureRequest) -> Seed:
    """Each dataset: the test fixture, and the real data when it validates."""
    chosen: Seed = request.param
    need(_validates(chosen.data), f"{chosen.data.relative_to(REPO)} does not validate")
    return chosen


@pytest.fixture(scope="session")
def built(seed: Seed, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as `factsheet build` writes it (mkdocs.yml)."""
    out = tmp_path_factory.mktemp(f"site-{seed.label}") / "site"
    checked(factsheet("build", "--data", str(seed.data), "--out", str(out)), "factsheet build")
    return out


@pytest.fixture(scope="session")
def bundle_zip(seed: Seed, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline zip as `factsheet bundle` writes it."""
    dist = tmp_path_factory.mktemp(f"dist-{seed.label}")
    result = checked(factsheet("bundle", "--data", str(seed.data), "--dist", str(dist)), "factsheet bundle")
    return Path(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="session")
def served(built: Path) -> Iterator[str]:
    """The built site on a free port of 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(built))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="session")
def unzipped(bundle_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle unzipped into a fresh folder; returns its top folder."""
    # A space and a non-Latin letter in the path: readers unzip it anywhere.
    target = tmp_path_factory.mktemp("unzipped") / "offline copy ع"
    with zipfile.ZipFile(bundle_zip) as archive:
        archive.extractall(target)
    (top,) = target.iterdir()
    return top


@pytest.fixture(scope="session", params=["served", "bundle"])
def site(request: pytest.FixtureRequest, seed: Seed) -> Site:
    """Each dataset's site, served on 127.0.0.1 and unzipped on file://."""
    if request.param == "served":
        root = request.getfixturevalue("built")
        return Site(seed, "served", root, request.getfixturevalue("served"), directory_urls(root))
    root = request.getfixturevalue("unzipped")
    return Site(seed, "bundle", root, root.as_uri() + "/", directory_urls=False)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless. Playwright gives each launch a new, empty profile directory."""
    need(CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK),
         f"{CHROMIUM} is missing (apt-get install chromium, or run scripts/install-system-deps.sh)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_watch(browser: object) -> Iterator[Callable[..., Watch]]:
    """Opens watched pages on a site, each in a fresh browser context; closes them afterwards."""
    contexts = []

    def opener(site: Site, width: int = 1280, height: int = 900, phone: bool = False,
               color_scheme: str = "light") -> Watch:
        context = browser.new_context(viewport={"width": width, "height": height},
                                      is_mobile=phone, has_touch=phone, color_scheme=color_scheme)
        contexts.append(context)
        return Watch(site, context)

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture
def watch(open_watch: Callable[..., Watch], site: Site) -> Watch:
    """A watched page on the site, 1280x900."""
    return open_watch(site)


@pytest.fixture(scope="session")
def served_site(seed: Seed, built: Path, served: str) -> Site:
    """Only the served site, for checks that the bundle would merely repeat."""
    return Site(seed, "served", built, served, directory_urls(built))


@pytest.fixture(scope="session")
def pages(seed: Seed) -> dict[str, str]:
    """Source paths of one page of each kind, chosen from the data so that no id is hard-coded."""
    from factsheet.markup import record_path
    from factsheet.pipeline import load_dataset
    from factsheet.render.indexes import CLAIMS

    dataset = load_dataset(seed.data)
    # The incident with the most claims has the widest tables and the most footnotes.
    incident = max(sorted(dataset.incidents.values(), key=lambda i: i.id), key=lambda i: len(i.claims))
    source = min(claim.cite.source for claim in incident.claims)
    organisation = min(dataset.organisations)
    return {"home": "index.md", "incident": record_path("incident", incident.id),
            "person": record_path("person", seed.person), "source": record_path("source", source),
            "organisation": record_path("organisation", organisation), "claims": CLAIMS}
