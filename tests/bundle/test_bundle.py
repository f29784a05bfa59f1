"""The offline bundle: a reproducible zip, built with a config that keeps every request inside it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from factsheet import __version__, bundle
from factsheet.pipeline import load_dataset

REPO = Path(__file__).resolve().parents[2]
VALID = REPO / "tests" / "fixtures" / "valid"
SHIM = "assets/offline/iframe-worker-shim.js"
# Hosts the theme or its plugins reach for when left to their defaults.
REMOTE = re.compile(r"unpkg\.com|fonts\.(googleapis|gstatic)\.com|cdn\.jsdelivr\.net|api\.github\.com")


def _tree(root: Path) -> None:
    (root / "b").mkdir(parents=True)
    (root / "b" / "z.html").write_text("z")
    (root / "a.html").write_text("a")
    (root / "b" / "c.js").write_bytes(b"\x00c")


def test_zip_depends_only_on_paths_and_bytes(tmp_path: Path) -> None:
    _tree(tmp_path / "one")
    _tree(tmp_path / "two")
    # Different clocks and permissions on disk must not show in the zip.
    os.utime(tmp_path / "two" / "a.html", (0, 2_000_000_000))
    (tmp_path / "two" / "b" / "c.js").chmod(0o755)
    epoch = bundle.epoch_of("2019-11-30")
    bundle.write_zip(tmp_path / "one", tmp_path / "one.zip", "top", epoch)
    bundle.write_zip(tmp_path / "two", tmp_path / "two.zip", "top", epoch)
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "one.zip") as archive:
        infos = archive.infolist()
        assert [i.filename for i in infos] == ["top/a.html", "top/b/c.js", "top/b/z.html"]
        assert {i.date_time for i in infos} == {(2019, 11, 30, 0, 0, 0)}
        assert {i.external_attr >> 16 for i in infos} == {0o100644}
        assert archive.read("top/b/c.js") == b"\x00c"


def test_epoch_of_a_partial_date_and_the_zip_floor() -> None:
    assert bundle.epoch_of("2019") == int(datetime(2019, 1, 1, tzinfo=UTC).timestamp())
    assert bundle.epoch_of("2020-02") == int(datetime(2020, 2, 1, tzinfo=UTC).timestamp())
    assert bundle.epoch_of("1970-01-02") == bundle.ZIP_EPOCH


def test_data_date_is_the_newest_date_in_the_records() -> None:
    # The fixture's newest date is the publication date of track-persia-2019-11-30 in sources.bib.
    assert bundle.data_date(load_dataset(VALID)) == "2019-11-30"


def _bundle(dist: Path, **settings: str) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for name in ("SOURCE_DATE_EPOCH", "FACTSHEET_SITE_URL", "FACTSHEET_REPO_URL"):
        env.pop(name, None)
    env |= settings
    result = subprocess.run([sys.executable, "-m", "factsheet.cli", "bundle", "--data", str(VALID),
                             "--dist", str(dist)], cwd=REPO, env=env, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    return Path(result.stdout.strip())


@pytest.fixture(scope="module")
def two_bundles(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The fixture data bundled twice, into two folders."""
    return _bundle(tmp_path_factory.mktemp("first")), _bundle(tmp_path_factory.mktemp("second"))


def test_same_data_gives_the_same_bytes(two_bundles: tuple[Path, Path]) -> None:
    first, second = two_bundles
    assert first.name == second.name == f"iraq-protests-factsheet-offline-{__version__}-2019-11-30.zip"
    assert first.read_bytes() == second.read_bytes()


def test_bundle_has_search_and_the_shim_and_nothing_remote(two_bundles: tuple[Path, Path]) -> None:
    zipped = two_bundles[0]
    top = zipped.name.removesuffix(".zip")
    with zipfile.ZipFile(zipped) as archive:
        names = set(archive.namelist())
        assert {f"{top}/index.html", f"{top}/search/search_index.js", f"{top}/{SHIM}"} <= names
        pages = {n: archive.read(n).decode("utf-8") for n in sorted(names) if n.endswith(".html")}
        styles = {n: archive.read(n).decode("utf-8") for n in sorted(names) if n.endswith(".css")}
    assert len(pages) > 3
    left_in = sorted(n for n in names if bundle.LEFT_OUT.fullmatch(n.removeprefix(f"{top}/")))
    assert not left_in, f"files no reader on file:// loads: {left_in}"
    # The theme's script names remote hosts too, but loads them only when a page asks for them:
    # https://unpkg.com/mermaid for a diagram, api.github.com for the repository's star count,
    # and a ResizeObserver polyfill that no current browser needs. No page may ask.
    remote = [n for n, text in {**pages, **styles}.items() if REMOTE.search(text)]
    assert not remote, f"pages or stylesheets naming a remote host: {remote}"
    for name, html in pages.items():
        assert "iframe-worker-shim.js" in html, f"{name} does not load the vendored shim"
        assert 'class="mermaid"' not in html, f"{name} has a diagram, which loads mermaid from unpkg"
        assert 'data-md-component="source"' not in html, f"{name} would call api.github.com"


def test_vendored_shim_is_the_npm_package_file() -> None:
    installed = REPO / "node_modules" / "iframe-worker" / "shim" / "index.js"
    if not installed.is_file():
        reason = "node_modules/iframe-worker is not installed (scripts/install-system-deps.sh)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}; CI=true, so this is a failure", pytrace=False)
        pytest.skip(reason)
    assert (REPO / "docs" / SHIM).read_bytes() == installed.read_bytes()


def test_offline_config_is_the_site_config_plus_offline() -> None:
    from mkdocs.config import load_config

    site = load_config(str(REPO / "mkdocs.yml"))
    offline = load_config(str(REPO / "mkdocs-offline.yml"))
    shared = [name for name in offline.plugins if name != "material/offline"]
    assert shared == list(site.plugins), "mkdocs-offline.yml lists other plugins than mkdocs.yml"
    for name in shared:
        # Hooks files are listed as plugins too, as modules without options.
        options = [dict(getattr(c.plugins[name], "config", {})) for c in (offline, site)]
        assert options[0] == options[1], (
            f"plugin {name} has other options in mkdocs-offline.yml than in mkdocs.yml")
    assert "material/offline" in offline.plugins
    assert offline.use_directory_urls is False
    assert offline.theme["font"] is False
    features = set(offline.theme["features"])
    assert not {f for f in features if f.startswith("navigation.instant")}, "instant loading uses fetch"
    assert features == {f for f in site.theme["features"] if not f.startswith("navigation.instant")}
    assert offline.extra["polyfills"] == [SHIM]
    assert not offline.extra.get("analytics")


def test_bundle_cites_the_public_site_and_has_no_canonical_links(tmp_path: Path) -> None:
    """Offline pages are files, not the site's addresses: How to cite names the published page."""
    site = "https://factsheet.test/iraq-protests/"
    zipped = _bundle(tmp_path, FACTSHEET_SITE_URL=site)
    top = zipped.name.removesuffix(".zip")
    with zipfile.ZipFile(zipped) as archive:
        page = archive.read(f"{top}/incident/2019-11-28-nasiriyah.html").decode("utf-8")
        missing = archive.read(f"{top}/404.html").decode("utf-8")
    assert f"<code>{site}incident/2019-11-28-nasiriyah/</code>" in page
    assert 'rel="canonical"' not in page
    assert "<base " not in missing  # its links stay relative to the folder
    assert 'href="./incidents.html"' in missing
