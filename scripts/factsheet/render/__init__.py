"""Stage 5: every page and download of the site as strings; nothing here reads or writes files."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from ..cite import References
from ..i18n import LANGUAGES, N_, speaking
from ..link import Links
from ..model import Dataset
from . import downloads, guide, incident, indexes, organisation, person, source
from .common import GOVERNORATES_PAGE, METHODOLOGY, Context

Pages = str | dict[str, str]  # one page, or a long index split into several by path

# The pages of the navigation, in order: (path, title). Record pages stay out of it.
NAV = (
    (guide.HOME, N_("Home")),
    (indexes.INCIDENTS, N_("Incidents")),
    (GOVERNORATES_PAGE, N_("By governorate")),
    (indexes.CLAIMS, N_("All casualty claims")),
    (indexes.VICTIMS, N_("Named dead")),
    (indexes.PEOPLE, N_("People")),
    (indexes.ORGANISATIONS, N_("Organisations")),
    (indexes.SOURCES, N_("Sources")),
    (METHODOLOGY, N_("Methodology")),
    (guide.DOWNLOADS, N_("Downloads")),
)


@dataclass(frozen=True)
class Output:
    """One file of the site: its text, the file it was made from, and whether it is in the nav."""

    content: str
    origin: str  # a record's data file, the bibliography, or the module that writes the page
    listed: bool = False


def _module_pages(ctx: Context, schemas: Mapping[str, str]) -> dict[str, tuple[Callable[[], Pages], str]]:
    return {
        guide.HOME: (lambda: guide.home(ctx), guide.__file__),
        METHODOLOGY: (lambda: guide.methodology(ctx), guide.__file__),
        guide.DOWNLOADS: (lambda: downloads.page(ctx, schemas), downloads.__file__),
        indexes.INCIDENTS: (lambda: indexes.incidents(ctx), indexes.__file__),
        GOVERNORATES_PAGE: (lambda: indexes.governorates(ctx), indexes.__file__),
        indexes.CLAIMS: (lambda: indexes.claims(ctx), indexes.__file__),
        indexes.VICTIMS: (lambda: indexes.victims(ctx), indexes.__file__),
        indexes.PEOPLE: (lambda: indexes.people(ctx), indexes.__file__),
        indexes.ORGANISATIONS: (lambda: indexes.organisations(ctx), indexes.__file__),
        indexes.SOURCES: (lambda: indexes.sources(ctx), indexes.__file__),
    }


def _parts(path: str, result: Pages, origin: str, listed: bool = False) -> Iterator[tuple[str, Output]]:
    """One page, or a page split into parts: only the first can be in the navigation."""
    parts = {path: result} if isinstance(result, str) else result
    yield from ((p, Output(text, origin, listed=listed and p == path)) for p, text in parts.items())


def pages(ds: Dataset, links: Links, refs: References, schemas: Mapping[str, str],
          languages: Sequence[str] = LANGUAGES) -> Iterator[tuple[str, Output]]:
    """Every page and download of the site, one at a time, so that a writer need not hold them all.

    Each edition has every page, at the same path below its folder (ar/incident/<id>.md); the
    downloads are the same data for all, so only the English edition has them.
    """
    for lang in languages:
        ctx = Context(ds, links, refs, lang)
        for path, output in _edition(ctx, schemas):
            yield ctx.prefix + path, output
        if lang == "en":
            with speaking(lang):
                found = downloads.files(ctx, schemas)
            for path, text in found.items():
                yield path, Output(text, downloads.__file__)


def _edition(ctx: Context, schemas: Mapping[str, str]) -> Iterator[tuple[str, Output]]:
    """The pages of one edition, each written in its language."""
    def written(render: Callable[[], Pages]) -> Pages:
        with speaking(ctx.lang):  # only around the page: the caller may be writing another edition
            return render()

    ds = ctx.ds
    for record in ds.incidents.values():
        yield incident.path(record.id), Output(written(lambda r=record: incident.render(ctx, r)),
                                               record.where.path)
    for record in ds.people.values():
        yield from _parts(person.path(record.id), written(lambda r=record: person.render(ctx, r)),
                          record.where.path)
    for record in ds.organisations.values():
        yield from _parts(organisation.path(record.id), written(lambda r=record: organisation.render(ctx, r)),
                          record.where.path)
    for record in ds.sources.values():
        yield from _parts(source.path(record.key), written(lambda r=record: source.render(ctx, r)),
                          record.where.path)
    for path, (render, origin) in _module_pages(ctx, schemas).items():
        yield from _parts(path, written(render), origin, listed=True)


def site(ds: Dataset, links: Links, refs: References, schemas: Mapping[str, str],
         languages: Sequence[str] = LANGUAGES) -> dict[str, Output]:
    """Every page and download of the site, by path, in a stable order."""
    out = dict(pages(ds, links, refs, schemas, languages))
    return dict(sorted(out.items()))
