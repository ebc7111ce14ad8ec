"""Adversarial texts for ``analyze``: the shapes that once made a rule's cost grow faster than the text.

Each family is a deterministic generator (a seed and a size in characters) of one kind of
hostile or degenerate input: cue words repeated thousands of times, quotation marks of
every style left unbalanced or nested, long runs of numbers and ranges, thousands of colons
or dashes, *enligt X enligt Y ...* chains, one word per line, one line with no punctuation.
``bench_adversarial.py`` times them beside ordinary news; ``tests/nlp/test_adversarial.py``
runs them small as correctness cases. The words come from the lexicon where they can, so a
cue added to ``cues.tsv`` is exercised without editing this file.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from claimledger.nlp import lexicon

QUOTE_MARKS = ("„", "'", '"', "”", "»", "«", "“", "‘", "’")
DASHES = ("–", "—", "-", "--", "―")
NAMES = {
    "sv": ("Försvarsmakten", "polisen", "TT", "regeringen", "Reuters", "källor", "uppgifter", "tidningen", "han"),
    "en": ("the ministry", "police", "Reuters", "officials", "sources", "the newspaper", "he", "Smith", "AP"),
}
FILLER = {
    "sv": ("soldater", "har", "skickats", "till", "fronten", "och", "det", "är", "att", "om", "i", "en", "som"),
    "en": ("troops", "have", "been", "sent", "to", "the", "front", "and", "it", "is", "that", "of", "in", "a"),
}
CHAIN = {"sv": "enligt", "en": "according to"}
RANGE_WORDS = {"sv": ("mellan", "och", "till", "omkring", "över", "miljoner", "procent", "kronor"),
               "en": ("between", "and", "to", "about", "over", "million", "percent", "dollars")}


@dataclass(frozen=True)
class Family:
    """One kind of adversarial text: its language and a generator ``(rng, size) -> text``."""

    lang: str
    make: Callable[[random.Random, str, int], str]
    about: str


def _cue_forms(lang: str) -> list[str]:
    forms = sorted({" ".join(c.words) for cues in lexicon.load(lang).cues.values() for c in cues})
    return [f for f in forms if f.replace(" ", "").isalpha()]


def _fill(rng: random.Random, size: int, piece: Callable[[], str], sep: str = " ") -> str:
    """Join pieces until ``size`` characters, then cut there."""
    out: list[str] = []
    n = 0
    while n < size:
        p = piece()
        out.append(p)
        n += len(p) + len(sep)
    return sep.join(out)[:size]


def _cues(rng: random.Random, lang: str, size: int) -> str:
    forms = _cue_forms(lang)
    return _fill(rng, size, lambda: rng.choice(forms))


def _cues_and_names(rng: random.Random, lang: str, size: int) -> str:
    forms, names = _cue_forms(lang), NAMES[lang]
    return _fill(rng, size, lambda: rng.choice(forms) + " " + rng.choice(names) + rng.choice(("", ",", ".", " att")))


def _quotes(rng: random.Random, lang: str, size: int) -> str:
    forms, names = _cue_forms(lang), NAMES[lang] + FILLER[lang]

    def piece() -> str:
        w = rng.choice(forms) if rng.random() < 0.4 else rng.choice(names)
        mark = rng.choice(QUOTE_MARKS)
        return rng.choice((mark + w, w + mark, mark, w + "," + mark, w))

    return _fill(rng, size, piece)


def _nested_quotes(rng: random.Random, lang: str, size: int) -> str:
    forms, names = _cue_forms(lang), NAMES[lang]

    def piece() -> str:
        depth = rng.randint(5, 40)
        opens = "".join(rng.choice(QUOTE_MARKS) for _ in range(depth))
        words = " ".join(rng.choice(names) + " " + rng.choice(forms) for _ in range(rng.randint(1, 4)))
        closes = "".join(rng.choice(QUOTE_MARKS) for _ in range(rng.randint(0, depth)))
        return f"{opens}{words}{closes}" if rng.random() < 0.5 else f"{opens} {words} {closes}"

    return _fill(rng, size, piece)


def _numbers(rng: random.Random, lang: str, size: int) -> str:
    words = RANGE_WORDS[lang]
    group = "\u00a0" if lang == "sv" else ","

    def num() -> str:
        k = rng.randint(1, 6)
        return str(rng.randint(1, 999)) + "".join(group + f"{rng.randint(0, 999):03d}" for _ in range(k))

    def piece() -> str:
        return rng.choice((
            f"{num()}–{num()}", f"{words[0]} {num()} {words[1]} {num()}", f"{num()} {words[5]}",
            f"{words[3]} {num()} {words[6]}", " ".join(str(rng.randint(0, 99)) for _ in range(8)),
            f"{num()}-{num()}-{num()}", f"{num()} {words[2]} {num()} {words[7]}",
        ))

    return _fill(rng, size, piece)


def _colons(rng: random.Random, lang: str, size: int) -> str:
    names, forms = NAMES[lang], _cue_forms(lang)
    return _fill(rng, size, lambda: rng.choice((":", "::::", rng.choice(names) + ":", rng.choice(forms) + ":", ": :")))


def _dashes(rng: random.Random, lang: str, size: int) -> str:
    names, forms = NAMES[lang], _cue_forms(lang)
    return _fill(rng, size, lambda: rng.choice((*DASHES, "–––––", rng.choice(names), rng.choice(forms) + " –")))


def _chain(rng: random.Random, lang: str, size: int) -> str:
    names = NAMES[lang]
    return _fill(rng, size, lambda: CHAIN[lang] + " " + rng.choice(names))


def _repeat_cue(rng: random.Random, lang: str, size: int) -> str:
    return _fill(rng, size, lambda: CHAIN[lang])


def _claims(rng: random.Random, lang: str, size: int) -> str:
    """Short attributed sentences with a figure each, paragraph after paragraph: one article that
    makes thousands of facts, each of which the linker must place among all the others."""
    said = {"sv": "sade", "en": "said"}[lang]
    counted = FILLER[lang][0]
    speakers = [n for n in NAMES[lang] if n[0].isupper()]

    def piece() -> str:
        return f"{rng.choice(speakers)} {said} {rng.randint(1, 9999)} {counted} {' '.join(FILLER[lang][1:5])}."

    return _fill(rng, size, piece, sep="\n\n")


def _one_word_lines(rng: random.Random, lang: str, size: int) -> str:
    words = _cue_forms(lang) + list(NAMES[lang]) + ['"', "–", ":", "10"]
    return _fill(rng, size, lambda: rng.choice(words), sep="\n")


def _no_punct(rng: random.Random, lang: str, size: int) -> str:
    words = list(FILLER[lang]) + list(NAMES[lang]) + _cue_forms(lang)[:40]
    return _fill(rng, size, lambda: rng.choice(words))


def _money_units(rng: random.Random, lang: str, size: int) -> str:
    """Currency signs, glued scales, hyphenated measures and one-word number words, back to back."""
    words = list(lexicon.load(lang).numbers.get("unit", {}))

    def piece() -> str:
        return rng.choice((
            f"${rng.randint(1, 999)}.{rng.randint(0, 9)}bn", f"€{rng.randint(1, 99)}m",
            f"SEK {rng.randint(1, 999)}m", f"{rng.randint(1, 999)}-km", f"{rng.randint(1, 99)}%",
            "$" * rng.randint(1, 9) + "1,000" * rng.randint(1, 9),
            "".join(rng.choice(words) for _ in range(rng.randint(2, 30))),
        ))

    return _fill(rng, size, piece, sep=rng.choice((" ", "")))


def _numerals(rng: random.Random, lang: str, size: int) -> str:
    """Fractions, vulgar fractions, scientific notation, signs and glued powers, back to back."""

    def piece() -> str:
        return rng.choice((
            "/".join(str(rng.randint(1, 9)) for _ in range(rng.randint(2, 12))), "½⅓¼⅕⅞" * rng.randint(1, 5),
            f"{rng.randint(1, 9)}e{rng.randint(-9, 9)}" * rng.randint(1, 5), f"2.5×10−{rng.randint(1, 9)}",
            "-" * rng.randint(1, 5) + str(rng.randint(1, 99)), f"{rng.randint(1, 99)}km^2^3", "0.5k$2T",
        ))

    return _fill(rng, size, piece, sep=rng.choice((" ", "")))


def _number_words(rng: random.Random, lang: str, size: int) -> str:
    """Number words of every kind (units, scales, articles, joiners, commas) in long runs: the
    spelled-number grammar must stop and restart in bounded steps, whatever the mixture."""
    nums = lexicon.load(lang).numbers
    words = [*nums.get("unit", {}), *nums.get("scale", {}), *nums.get("article", {}), *nums.get("fraction", {})]
    joiners = sorted(lexicon.load(lang).word_class("number_joiner")) + [","]
    return _fill(rng, size, lambda: rng.choice(words) if rng.random() < 0.8 else rng.choice(joiners))


def _title_case(rng: random.Random, lang: str, size: int) -> str:
    """One endless Title Case line of cue words, names and dashes: the headline test reads it whole."""
    words = [w.capitalize() for w in list(FILLER[lang]) + _cue_forms(lang)[:40]] + ["–", ":", "Smith"]
    return _fill(rng, size, lambda: rng.choice(words))


def _names_digits(rng: random.Random, lang: str, size: int) -> str:
    """Capitalised words before single digits and ages between commas (*Estlink 2*, *Smith, 37,*)."""
    names = [n.split()[-1].capitalize() for n in NAMES[lang]]
    return _fill(rng, size, lambda: rng.choice((f"{rng.choice(names)} {rng.randint(1, 9)}",
                                                f"{rng.choice(names)}, {rng.randint(18, 99)},")))


def _quote_runs(rng: random.Random, lang: str, size: int) -> str:
    """One paragraph: a quoted claim with its speaker, then sentence after sentence opening a
    quotation or a dash that is closed far away, late, or never (continuation quotes)."""
    forms, names, filler = _cue_forms(lang), NAMES[lang], FILLER[lang]

    def piece() -> str:
        words = " ".join(rng.choice(filler) for _ in range(rng.randint(1, 6)))
        opener = rng.choice(QUOTE_MARKS + DASHES)
        kind = rng.random()
        if kind < 0.2:
            return f"{opener}{words},{rng.choice(QUOTE_MARKS)} {rng.choice(names)} {rng.choice(forms)}."
        if kind < 0.6:
            return f"{opener}{words}."  # opened, never closed in this sentence
        return f"{opener}{words}.{rng.choice(QUOTE_MARKS)}"

    return _fill(rng, size, piece)


def _one_token(rng: random.Random, lang: str, size: int) -> str:
    return _fill(rng, size, lambda: rng.choice(("a", "::", "„", "–", "1", "»")), sep="")


FAMILIES: dict[str, Family] = {}
for _lang in ("sv", "en"):
    FAMILIES.update({
        f"cues-{_lang}": Family(_lang, _cues, "cue words, repeated, one line"),
        f"cues-names-{_lang}": Family(_lang, _cues_and_names, "cue word, source, cue word, source ..."),
        f"quotes-{_lang}": Family(_lang, _quotes, "reporting words and unbalanced quotation marks of every style"),
        f"nested-quotes-{_lang}": Family(_lang, _nested_quotes, "quotation marks nested 5-40 deep"),
        f"numbers-{_lang}": Family(_lang, _numbers, "long runs of numbers and ranges"),
        f"colons-{_lang}": Family(_lang, _colons, "thousands of colons"),
        f"dashes-{_lang}": Family(_lang, _dashes, "thousands of dashes"),
        f"chain-{_lang}": Family(_lang, _chain, "enligt X enligt Y ... / according to X according to Y ..."),
        f"repeat-chain-{_lang}": Family(_lang, _repeat_cue, "the chain cue alone, repeated on one line"),
        f"one-word-lines-{_lang}": Family(_lang, _one_word_lines, "one word per line"),
        f"no-punct-{_lang}": Family(_lang, _no_punct, "one line, no punctuation"),
        f"one-token-{_lang}": Family(_lang, _one_token, "one line, no spaces at all"),
        f"money-units-{_lang}": Family(_lang, _money_units,
                                       "currency signs, glued scales, measures, number words run together"),
        f"numerals-{_lang}": Family(_lang, _numerals, "fractions, vulgar fractions, scientific notation, signs"),
        f"number-words-{_lang}": Family(_lang, _number_words, "number words, scales and joiners in endless runs"),
        f"title-case-{_lang}": Family(_lang, _title_case, "one Title Case line of cue words, names and dashes"),
        f"names-digits-{_lang}": Family(_lang, _names_digits, "names before digits, ages between commas"),
        f"claims-{_lang}": Family(_lang, _claims, "thousands of short attributed figures: facts for the linker"),
        f"quote-runs-{_lang}": Family(_lang, _quote_runs, "a speaker, then sentence after sentence opening quotes"),
    })


def make(name: str, size: int, seed: int = 0) -> str:
    """``size`` characters of family ``name``, the same for the same seed."""
    family = FAMILIES[name]
    return family.make(random.Random(f"{name}:{seed}"), family.lang, size)
