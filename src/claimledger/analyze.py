"""The one orchestration: read -> extract -> annotate -> records -> store -> link.

``analyze`` serves a caller who wants records and no store; ``ingest`` serves the
ledger: one transaction per article holding its records *and* its links (copies, facts,
origins), content-hash ids so a re-run adds nothing, and a batch that goes on past a bad
input and reports it. Before new articles, ``ingest`` links any stored article that is not
linked yet, so a run killed mid-way, or a ledger from before links existed, is completed.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from claimledger.errors import INTERNAL, ClaimledgerError, InputError, debugging, internal_line
from claimledger.model import Analysis, Article
from claimledger.settings import Settings

if TYPE_CHECKING:
    import httpx

    from claimledger.store.ledger import Ledger

Source = str | Path


@dataclass
class IngestReport:
    """What one ``ingest`` run did, for the summary a user reads and the exit status a script reads."""

    read: int = 0
    added: int = 0
    duplicates: int = 0
    errors: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    added_ids: list[str] = field(default_factory=list)
    seen_ids: list[str] = field(default_factory=list)
    """Articles read that the ledger already held (a second add of one text lands on the stored one)."""
    relinked: int = 0
    """Stored articles that were not linked yet and were linked before the new ones."""

    @property
    def exit_code(self) -> int:
        """0 every input read, 1 some skipped, 2 nothing read."""
        if self.read == 0:
            return 2
        return 1 if self.errors else 0


@dataclass(frozen=True)
class Progress:
    """One step of an ingest, for a progress bar: the article just done (or the input just refused)."""

    kind: str  # "added", "duplicate", "error"
    label: str


def _looks_like_source(value: str) -> bool:
    if value == "-" or value.startswith(("http://", "https://")):
        return True
    if "\n" in value or len(value) > 4096:
        return False
    try:
        return Path(value).exists()
    except OSError:
        return False


def analyze_text(text: str, *, lang: str | None = None, **meta: str | None) -> Analysis:
    """Analyse one article's text as given (no store, no reading)."""
    from claimledger.ingest.lang import detect_language
    from claimledger.nlp.records import analyze_article

    article = Article(text=text, lang=lang or detect_language(text), raw_ref="<text>", **meta)  # type: ignore[arg-type]
    return analyze_article(article)


def read(
    sources: Iterable[Source], *, lang: str | None = None, settings: Settings | None = None,
    transport: httpx.BaseTransport | None = None,
) -> Iterator[Article | InputError]:
    """Articles (or one-line errors) from every source: the read and extract stages."""
    from claimledger.ingest import read_articles

    yield from read_articles(sources, settings or Settings.from_env(), lang=lang, transport=transport)


def analyze(
    source: Source | Article | Iterable[Source], *, lang: str | None = None, settings: Settings | None = None,
    errors: str = "raise",
) -> list[Analysis]:
    """Records for a text, an Article, or sources (paths, URLs, feeds, archives), with no store.

    A string that names an existing path or an http(s) URL (or is ``-``) is read as a
    source; any other string is the article text itself. With ``errors="raise"`` the first
    unreadable input raises its ``InputError``; with ``"skip"`` it is left out.
    """
    from claimledger.nlp.records import analyze_article

    if isinstance(source, Article):
        return [analyze_article(source)]
    if isinstance(source, str) and not _looks_like_source(source):
        return [analyze_text(source, lang=lang)]
    sources: list[Source] = [source] if isinstance(source, str | Path) else list(source)
    out = []
    for item in read(sources, lang=lang, settings=settings):
        if isinstance(item, InputError):
            if errors == "raise":
                raise item
            continue
        try:
            out.append(analyze_article(item, settings))
        except InputError:  # longer than max_article_chars
            if errors == "raise":
                raise
    return out


def ingest(
    ledger: Ledger, sources: Iterable[Source], *, lang: str | None = None, settings: Settings | None = None,
    progress: Callable[[Progress], None] | None = None, transport: httpx.BaseTransport | None = None,
    link: bool = True,
) -> IngestReport:
    """Read, analyse, store and link every article of ``sources``; one transaction per article."""
    items = read(sources, lang=lang, settings=settings, transport=transport)
    return ingest_articles(ledger, items, settings=settings, progress=progress, link=link)


def ingest_articles(
    ledger: Ledger, items: Iterable[Article | InputError], *, settings: Settings | None = None,
    progress: Callable[[Progress], None] | None = None, link: bool = True,
    analysed: Callable[[str], Analysis] | None = None,
) -> IngestReport:
    """Analyse, store and link articles already read (an error in ``items`` is reported and
    skipped): the one write path behind ``ingest``, behind the web app's add form for pasted
    text, which has no file to read, and behind a batch import, whose workers analysed the
    articles already (``analysed`` gives an article's records by its id)."""
    paused = pause_gc()
    try:
        return _ingest_articles(ledger, items, settings, progress, link, analysed, paused)
    finally:
        if paused is not None:
            gc.set_threshold(*paused)


def _ingest_articles(
    ledger: Ledger, items: Iterable[Article | InputError], settings: Settings | None,
    progress: Callable[[Progress], None] | None, link: bool, analysed: Callable[[str], Analysis] | None,
    paused: Thresholds | None,
) -> IngestReport:
    from claimledger.link import link_article
    from claimledger.nlp.records import analyze_article

    linker = link_article if link else None
    report = IngestReport()
    if linker is not None:
        report.relinked = ledger.link_pending(linker, failed=report.warnings)
    for item in items:
        if isinstance(item, InputError):
            report.errors.append(item)
            if progress:
                progress(Progress("error", item.source))
            continue
        report.read += 1
        report.warnings += [f"{item.raw_ref or item.url or item.id[:12]}: {w}" for w in item.warnings]
        label = item.title or item.raw_ref or item.id[:12]
        if ledger.has(item.id):
            if analysed is not None:
                analysed(item.id)  # its records are not needed: let them go
            report.duplicates += 1
            report.seen_ids.append(item.id)
            if progress:
                progress(Progress("duplicate", label))
            continue
        try:
            analysis = analysed(item.id) if analysed is not None else analyze_article(item, settings)
        except InputError as e:  # longer than max_article_chars: this article is refused, the batch goes on
            report.errors.append(e)
            if progress:
                progress(Progress("error", e.source))
            continue
        except ClaimledgerError:
            raise  # the model or the ledger: every article would fail alike
        except Exception as e:  # noqa: BLE001 - a bug of ours on this article: reported, the batch goes on
            if debugging():
                raise
            report.errors.append(InputError(label, INTERNAL, f"not analysed: {internal_line(e)}"))
            if progress:
                progress(Progress("error", label))
            continue
        stored = _store(ledger, analysis, linker, report, label)
        settle(paused)
        paused = None
        if stored:
            report.added += 1
            report.added_ids.append(item.id)
            kind = "added"
        else:
            report.duplicates += 1
            report.seen_ids.append(item.id)
            kind = "duplicate"
        if progress:
            progress(Progress(kind, label))
    return report


_SETTLED: list[bool] = []
Thresholds = tuple[int, int, int]


def pause_gc() -> Thresholds | None:
    """Until the first article is analysed, stored and linked (``settle``), no automatic garbage
    collection: what a process builds first (imports, language models, lexicons, linker tables,
    some 170,000 objects) lives as long as it does, yet each full collection walked it all again,
    a quarter of a second of a 20-page run. Paused by threshold, not ``gc.disable``, which a
    model reader turns back on (srsly's msgpack). Returns the thresholds to restore, None when
    there is nothing to pause (settled already, or the collector is off)."""
    if _SETTLED or not gc.isenabled() or not gc.get_threshold()[0]:
        return None
    before = gc.get_threshold()
    gc.set_threshold(0)
    return before


def settle(paused: Thresholds | None) -> None:
    """Once per process, after a first article: hide what is alive then from the collector for
    good (``gc.freeze``), so later collections walk only what articles make; then collect as
    before if ``pause_gc`` paused it."""
    if not _SETTLED:
        _SETTLED.append(True)
        gc.freeze()
    if paused is not None:
        gc.set_threshold(*paused)


def _store(ledger: Ledger, analysis: Analysis, linker: Callable[..., object] | None, report: IngestReport,
           label: str) -> bool:
    """Store an article with its links; if the linker fails on it (a bug of ours, not the
    database), store it unlinked, say so, and go on: its records are sound, and ``relink`` or
    the next run links it once the bug is fixed."""
    try:
        return ledger.add(analysis, link=linker)  # type: ignore[arg-type]
    except ClaimledgerError:
        raise
    except Exception as e:  # noqa: BLE001 - the transaction rolled back: nothing of this article is stored
        if linker is None or debugging():
            raise
        report.warnings.append(f"{label}: stored without links: {internal_line(e)}")
        return ledger.add(analysis)


def relink(ledger: Ledger, progress: Callable[[int, int, str], None] | None = None,
           failed: list[str] | None = None) -> int:
    """Forget every link decision and link every stored article again, oldest first; with
    ``failed``, an article the linker fails on is named there and left unlinked."""
    from claimledger.link import link_article

    return ledger.relink(link_article, progress, failed)
