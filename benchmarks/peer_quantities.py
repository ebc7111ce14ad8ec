"""quantulum3's own English test cases, read from the installed package, and how we score on them.

quantulum3 (MIT, a dev dependency pinned in pyproject.toml) ships the cases it tests itself
on: ``_lang/en_US/tests/quantities.json`` (a sentence and the quantities in it: value, unit
name, surface) and ``extract_spellout_values.py`` (number words and their values). They are
read from the installed package at run time, never copied here, so this module is the
scoring only; ``bench_quantities.py`` prints the figures and
``tests/nlp/test_quantity_peer_cases.py`` pins a floor on them.

Scoring conventions, where quantulum3's annotation and our documented policy differ:

* A gold value matches one of our quantities (each used once) when it equals, within
  1e-6 relative, our ``value``, our ``value_max`` or the midpoint of the two: quantulum3
  stores a range (*44 mg to 50 mg*) as its midpoint, we store both ends.
* Counting units (*a dozen*, *a gross*) are values in quantulum3 (1 dozen); we store the
  count (12), so the gold value is multiplied by the unit's count first (``COUNT_UNITS``).
* Years and clock times are not counts in our policy (FORMAT.md: "Not counts: dates, years,
  times, ages used as names, phone and case numbers, ordinals"); quantulum3 marks years
  (*in 1979*) as dimensionless quantities. Figures are given both over all gold values and
  with gold years excluded (``policy``): there a prediction that would match an excluded gold
  value counts neither way. The gate in the test uses the ``policy`` figure.
* Unit agreement is counted over matched pairs where both sides name a unit, through
  ``UNIT_CODES`` (quantulum3's unit name -> our stored code); a gold unit that is not in
  the table (rates such as *dollar per hour*, *joule second*) is left out of it.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.resources import files

CASES = "_lang/en_US/tests/quantities.json"
SPELLOUT = "quantulum3._lang.en_US.tests.extract_spellout_values"

UNIT_CODES = {
    "metre": "m", "kilometre": "km", "centimetre": "cm", "millimetre": "mm", "nanometre": "nm",
    "picometre": "pm", "mile": "mi", "inch": "in", "square kilometre": "km2", "square mile": "mi2",
    "cubic kilometre": "km3", "gallon": "gal", "litre": "l", "centilitre": "cl", "cubic centimetre": "ml",
    "cup": "cup", "tablespoon": "tbsp", "kilogram": "kg", "milligram": "mg", "tonne": "t", "pound-mass": "lb",
    "second": "s", "hour": "h", "day": "d", "week": "wk", "month": "mo", "year": "a",
    "percentage": "%", "dollar": "USD", "euro": "EUR", "pound sterling": "GBP",
    "electronvolt": "eV", "teraelectronvolt": "TeV", "watt hour": "Wh", "megawatt hour": "MWh",
    "gigahertz": "GHz", "megabyte": "MB", "exabyte": "EB", "milligray": "mGy",
    "degree Celsius": "°C", "degree fahrenheit": "°F", "kilometre per hour": "km/h",
}
"""quantulum3's unit names -> the code our extractor stores (``lang/en/unitcodes.tsv``)."""

COUNT_UNITS = {"dozen": 12.0, "gross": 144.0, "baker's dozen": 13.0}
"""Units that are counts: we store the number counted, quantulum3 the number of these units."""

_YEAR = re.compile(r"1[0-9]{3}|20[0-9]{2}")


@dataclass(frozen=True, slots=True)
class Gold:
    """One annotated quantity: value (counting units already multiplied out), unit name, surface."""

    value: float
    unit: str
    surface: str

    @property
    def is_year(self) -> bool:
        """A dimensionless four-digit whole number written as such: a year, which we do not count."""
        return self.unit == "dimensionless" and _YEAR.fullmatch(self.surface.strip()) is not None


@dataclass(frozen=True, slots=True)
class Predicted:
    """One extracted quantity, reduced to what the scoring reads."""

    value: float
    value_max: float | None
    unit: str | None

    def candidates(self) -> tuple[float, ...]:
        if self.value_max is None:
            return (self.value,)
        return (self.value, self.value_max, (self.value + self.value_max) / 2)


@dataclass
class Score:
    """Counts over a set of cases; ``policy`` leaves gold years out."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    unit_pairs: int = 0
    unit_agree: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def unit_agreement(self) -> float:
        return self.unit_agree / self.unit_pairs if self.unit_pairs else 0.0


def load_cases() -> list[tuple[str, list[Gold]]]:
    """The sentences of quantulum3's ``quantities.json`` with their gold quantities."""
    raw = json.loads(files("quantulum3").joinpath(CASES).read_text(encoding="utf-8"))
    return [(case["req"], [Gold(float(r["value"]) * COUNT_UNITS.get(r["unit"], 1.0), r["unit"], r["surface"])
                           for r in case["res"]]) for case in raw]


def load_spellout() -> list[tuple[str, list[float]]]:
    """quantulum3's number-word cases (``TEST_CASES``): a phrase and the values in it."""
    module = importlib.import_module(SPELLOUT)
    return [(text, [float(v) for v in values]) for text, values in module.TEST_CASES]


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-12)


def score_sentence(gold: list[Gold], pred: list[Predicted], out: Score, *, policy: bool,
                   unit_of: Callable[[str], str | None] = UNIT_CODES.get, label: str = "") -> None:
    """Add one sentence's matches to ``out``: each gold value to at most one prediction."""
    used: set[int] = set()
    for g in gold:
        hit = next((i for i, p in enumerate(pred) if i not in used
                    and any(_same(g.value, c) for c in p.candidates())), None)
        excluded = policy and g.is_year
        if hit is not None:
            used.add(hit)
        if excluded:
            continue
        if hit is None:
            out.fn += 1
            out.misses.append(f"miss {g.value:g} {g.surface!r} in {label!r}")
            continue
        out.tp += 1
        code, ours = unit_of(g.unit), pred[hit].unit
        if code is not None and ours is not None:
            out.unit_pairs += 1
            out.unit_agree += code == ours
    for i, p in enumerate(pred):
        if i not in used:
            out.fp += 1
            out.misses.append(f"extra {p.value:g} in {label!r}")


def score_all(cases: Iterable[tuple[str, list[Gold]]], predict: Callable[[str], list[Predicted]],
              unit_of: Callable[[str], str | None] = UNIT_CODES.get) -> tuple[Score, Score]:
    """(all gold values, gold years excluded) for one system's ``predict``."""
    every, policy = Score(), Score()
    for text, gold in cases:
        pred = predict(text)
        score_sentence(gold, pred, every, policy=False, unit_of=unit_of, label=text)
        score_sentence(gold, pred, policy, policy=True, unit_of=unit_of, label=text)
    return every, policy


def claimledger_predict(text: str) -> list[Predicted]:
    """Our quantities for one English sentence."""
    from claimledger.model import Article
    from claimledger.nlp.records import analyze_article

    analysis = analyze_article(Article(text=text, lang="en"))
    return [Predicted(q.value, q.value_max, q.unit) for q in analysis.quantities]


def quantulum_predict(text: str) -> list[Predicted]:
    """quantulum3's own parse of one sentence (its unit name kept as the unit), without its
    optional classifier, as on a machine without scikit-learn: the pickled classifier does not
    load under a newer scikit-learn (which ``make bench`` may bring in with textacy), and the
    figures stay comparable from run to run."""
    from quantulum3 import classifier, parser

    classifier.USE_CLF = False
    return [Predicted(float(q.value), None, q.unit.name) for q in parser.parse(text)]


def spellout_score(predict: Callable[[str], list[Predicted]]) -> Score:
    """Number words: each expected value matched to one prediction, as for the sentences."""
    out = Score()
    for text, values in load_spellout():
        gold = [Gold(v, "dimensionless", "") for v in values]
        score_sentence(gold, predict(text), out, policy=False, label=text)
    return out
