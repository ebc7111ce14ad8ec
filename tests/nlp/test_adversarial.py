"""Adversarial text, small: the families of ``benchmarks/adversarial.py`` as correctness cases.

The benchmark times these families at 100 KB and 1 MB; here they are a few KB and nothing
is timed. What must hold on any text: every span indexes the article exactly, and an
ordinary paragraph among the junk gives exactly the records it gives alone (the bounds that
keep junk linear never cost real text anything). An over-long article is refused with a
one-line error that names the setting.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from claimledger.errors import TOO_LARGE, ClaimledgerError, InputError
from claimledger.model import Analysis, Article, Span
from claimledger.nlp import pipeline, windows
from claimledger.nlp.records import analyze_article
from claimledger.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def _load_families() -> Any:
    spec = importlib.util.spec_from_file_location("adversarial", ROOT / "benchmarks" / "adversarial.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["adversarial"] = module
    spec.loader.exec_module(module)
    return module


adversarial = _load_families()
FAMILIES = sorted(adversarial.FAMILIES)

NORMAL = {
    "sv": (
        "Nordkorea uppskattas ha skickat omkring 10 000 soldater till Ryssland. Det uppger den sydkoreanska "
        "militären.\n\n"
        "Enligt den sydkoreanska generalstaben har soldaterna främst placerats i Kurskregionen, där de ska ha "
        "deltagit i strider mot ukrainska styrkor.\n\n"
        "– Vi bedömer att drygt 1 000 nordkoreanska soldater har dödats eller skadats, säger överste Park "
        "Min-jae vid en pressträff i Seoul."
    ),
    "en": (
        "Ukrainian intelligence says North Korea has moved about 1,500 soldiers to a new stretch of the front.\n\n"
        "\"They have changed their tactics,\" a senior Ukrainian intelligence official told reporters in Kyiv.\n\n"
        "According to a statement from the agency, the troops were pulled back in January for retraining. "
        "South Korea's spy agency estimated that between 2,000 and 3,000 soldiers had been wounded."
    ),
}


def _analyze(text: str, lang: str) -> Analysis:
    return analyze_article(Article(text=text, lang=lang))


def _spans_exact(a: Analysis) -> None:
    n = len(a.article.text)
    spans: list[Span] = []
    for x in a.attributions:
        spans += [x.cue, x.content, *x.content_parts, *([x.source] if x.source else [])]
    for q in a.quantities:
        spans += [q.span, *([q.counted] if q.counted else [])]
    spans += [m.span for m in a.mentions]
    for s in spans:
        assert 0 <= s.start < s.end <= n, s
        assert a.article.text[s.start : s.end].strip(), s


def _records_in(a: Analysis, lo: int, hi: int) -> set[tuple[Any, ...]]:
    """The records that lie wholly in ``[lo, hi)``, with offsets made relative to ``lo``."""
    inside = Span(lo, hi)

    def rel(s: Span | None) -> tuple[int, int] | None:
        return None if s is None else (s.start - lo, s.end - lo)

    by_id = {x.id: x for x in a.attributions}
    out: set[tuple[Any, ...]] = set()
    for x in a.attributions:
        parts = [x.cue, x.content, *x.content_parts, *([x.source] if x.source else [])]
        if all(inside.contains(p) for p in parts):
            host = by_id[x.via] if x.via else None
            out.add(("a", x.rule, rel(x.cue), rel(x.content), rel(x.source), tuple(rel(p) for p in x.content_parts),
                     x.certainty, x.anonymous, x.source_kind, x.actor_id, rel(host.content) if host else None))
    for q in a.quantities:
        if inside.contains(q.span):
            owner = by_id[q.attribution_id] if q.attribution_id else None
            out.add(("q", rel(q.span), q.value, q.value_max, q.approx, rel(q.counted), q.unit,
                     rel(owner.content) if owner else None))
    return out


def _embedded(junk_before: str, junk_after: str, lang: str) -> tuple[str, int, int]:
    """Junk, the ordinary text on lines of its own, junk again; where the ordinary text stands.

    The junk before ends with a full stop, so it cannot lead into the first paragraph with a colon."""
    head = junk_before.rstrip() + ".\n\n"
    return head + NORMAL[lang] + "\n\n" + junk_after, len(head), len(head) + len(NORMAL[lang])


@pytest.fixture(scope="module")
def alone() -> dict[str, set[tuple[Any, ...]]]:
    out = {}
    for lang, text in NORMAL.items():
        a = _analyze(text, lang)
        out[lang] = _records_in(a, 0, len(text))
        assert out[lang], f"the ordinary {lang} text must carry records for this test to mean anything"
    return out


@pytest.mark.parametrize("name", FAMILIES)
def test_family_keeps_ordinary_records(name: str, alone: dict[str, set[tuple[Any, ...]]]) -> None:
    family = adversarial.FAMILIES[name]
    text, lo, hi = _embedded(adversarial.make(name, 3500), adversarial.make(name, 3500, seed=1), family.lang)
    a = _analyze(text, family.lang)
    _spans_exact(a)
    assert _records_in(a, lo, hi) == alone[family.lang]


@pytest.mark.parametrize("name", ["quotes-en", "cues-sv", "one-token-sv", "numbers-sv"])
def test_family_past_one_window(name: str) -> None:
    """Longer than a window and than a run without spaces: windows meet without losing a character."""
    family = adversarial.FAMILIES[name]
    text = adversarial.make(name, windows.MAX_WINDOW * 3 + 17)
    a = _analyze(text, family.lang)
    _spans_exact(a)
    covered = "".join(b.text for b in pipeline.blocks(text, family.lang))
    assert covered == text.replace("\n", "")


def test_long_line_of_ordinary_sentences_is_cut_between_sentences() -> None:
    sentence = "Enligt Försvarsmakten sköts tolv drönare ner över Gotland under natten. "
    line = sentence * (windows.MAX_WINDOW // len(sentence) * 3)
    a = _analyze(line, "sv")
    _spans_exact(a)
    one = _records_in(_analyze(sentence, "sv"), 0, len(sentence))
    for k in range(0, len(line), len(sentence)):
        assert _records_in(a, k, k + len(sentence)) == one


def test_windows_cover_the_line_within_bounds() -> None:
    line = ("ord " * 900) + ("x" * 1000) + " " + ("mening. " * 600)
    cuts = windows.windows(line)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(line)
    assert all(a < b and b - a <= windows.MAX_WINDOW for a, b in cuts)
    assert all(x[1] == y[0] for x, y in zip(cuts, cuts[1:], strict=False))
    assert all(max((len(w) for w in line[a:b].split()), default=0) <= windows.MAX_RUN for a, b in cuts)
    assert windows.windows("Kort rad.") == [(0, 9)]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_sentences_the_rules_read_are_bounded(lang: str) -> None:
    text = adversarial.make(f"no-punct-{lang}", 2500)
    for block in pipeline.blocks(text, lang):
        assert block.doc is not None
        assert all(len(s) <= windows.MAX_SENTENCE for s in windows.rule_sentences(block.doc))


def test_over_long_article_is_refused_naming_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError) as e:
        analyze_article(Article(text="Enligt TT dog 3 personer. " * 10, lang="sv"), Settings(max_article_chars=100))
    assert e.value.code == TOO_LARGE
    message = str(e.value)
    assert "\n" not in message and "max_article_chars" in message and "CLAIMLEDGER_MAX_ARTICLE_CHARS" in message
    monkeypatch.setenv("CLAIMLEDGER_MAX_ARTICLE_CHARS", "50")
    with pytest.raises(InputError):
        analyze_article(Article(text="x" * 51, lang="sv"))


def test_ten_megabytes_raise_the_documented_error_not_spacys() -> None:
    import claimledger

    with pytest.raises(ClaimledgerError) as e:
        claimledger.analyze("enligt " * 1_500_000, lang="sv")
    assert isinstance(e.value, InputError) and e.value.code == TOO_LARGE


def test_hypothesis_mixtures_keep_ordinary_records(alone: dict[str, set[tuple[Any, ...]]]) -> None:
    """Random mixtures of the families, seeded with them: the same two properties."""
    import hypothesis
    from hypothesis import strategies as st

    examples = int(os.environ.get("CLAIMLEDGER_FUZZ_EXAMPLES", "0"))  # a long local run, random

    pieces = st.tuples(st.sampled_from(FAMILIES), st.integers(0, 1200), st.integers(0, 3),
                       st.sampled_from(["", " ", "\n", "\n\n", "„", "»", ":", "–"]))

    @hypothesis.settings(max_examples=examples or 20, deadline=None, derandomize=not examples, database=None)
    @hypothesis.given(st.sampled_from(["sv", "en"]), st.lists(pieces, min_size=1, max_size=5),
                      st.lists(pieces, max_size=3))
    def check(lang: str, before: list[tuple[str, int, int, str]], after: list[tuple[str, int, int, str]]) -> None:
        def junk(parts: list[tuple[str, int, int, str]]) -> str:
            return "".join(adversarial.make(name, size, seed) + sep for name, size, seed, sep in parts)

        text, lo, hi = _embedded(junk(before), junk(after), lang)
        a = _analyze(text, lang)
        _spans_exact(a)
        assert _records_in(a, lo, hi) == alone[lang]

    for name in FAMILIES:  # the families themselves are the first examples
        check = hypothesis.example(adversarial.FAMILIES[name].lang, [(name, 800, 0, "")], [])(check)
    check()
