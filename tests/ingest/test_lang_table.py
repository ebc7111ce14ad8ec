"""The language identifier's widened table and the letter checks give the answers the slow forms gave.

``ingest/lang.py`` widens py3langid's float16 feature table to float32 once (instead of on
every call) and counts letters with early exits and ``str.count``; each is a speed-up
only if no answer moves, which is what these tests hold it to, on real text.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from claimledger.ingest import lang


def _texts(shared: Path) -> list[str]:
    out = []
    for path in sorted(shared.glob("data/*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text")
            if isinstance(text, str):
                out.append(text[: lang.SAMPLE_CHARS])
    return out


def test_widened_table_scores_are_bit_identical_to_py3langids_own(shared: Path) -> None:
    stock = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ours = lang._identifier()
    assert stock.nb_ptc.dtype == numpy.float16 and ours.nb_ptc.dtype == numpy.float32
    texts = _texts(shared)
    assert len(texts) > 500  # PolNeAR, the Swedish dev set and the cluster sets
    for text in texts:
        assert numpy.array_equal(stock._decide(text), ours._decide(text))


def test_has_letters_counts_only_letters_and_stops_at_the_bound() -> None:
    assert lang.has_letters("ab 12 cd", 4)
    assert not lang.has_letters("ab 12 c — 3", 4)
    assert lang.has_letters("äöå" * 7, 20)
    assert not lang.has_letters("1234567890 " * 100 + "abc", 20)
    assert lang.has_letters("", 0)


def test_letter_vote_counts_swedish_and_dano_norwegian_letters() -> None:
    assert lang._letter_vote("Nära två år efter mötet är läget öppet") == "sv"
    assert lang._letter_vote("Røde Kors sier at økningen er større enn ventet på øya") == "no/da"
    assert lang._letter_vote("no special letters at all") is None
    assert lang.detect_language("Regeringen säger att läget är allvarligt och att fler åtgärder behövs nu.") == "sv"
