"""A writer process for ``test_ledger_crash``: adds N made-up analyses, one line per add.

Run as ``python crash_writer.py LEDGER N [PAUSE_AT]``. With PAUSE_AT, the writer stops
*inside* the transaction of article PAUSE_AT (after its article, attribution and
quantity rows are sent, before its mentions) and prints ``inside PAUSE_AT``, so the test
can SIGKILL it at exactly the worst moment instead of hoping a random kill lands there.

The test imports ``analysis`` and ``expected`` from this file by path, so the writer and
the checker agree on what each article should hold.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from sqlalchemy import event

from claimledger.model import Analysis, Article, Attribution, Mention, Quantity, Span
from claimledger.store import Ledger


def expected(i: int) -> dict[str, int]:
    """How many records article ``i`` holds, per table."""
    attributions = 1 + i % 4
    return {"attributions": attributions, "quantities": min(i % 3, attributions), "mentions": 30 + i % 7}


def analysis(i: int) -> Analysis:
    """Article ``i``: invented Swedish sentences, each with a claim, some with a count."""
    want = expected(i)
    sentences = [f"Rapport nummer {i} om läget vid gränsen."]
    for k in range(want["attributions"]):
        sentences.append(f"Enligt källa {i}-{k} har {k + 2} fordon setts vid bro {k}.")
    places = [f"Ort{i}x{j}" for j in range(want["mentions"])]
    text = " ".join(sentences) + " Platser: " + ", ".join(places) + "."
    art = Article(text=text, lang="sv", raw_ref=f"crash-writer#{i}")

    def at(words: str, after: int = 0) -> Span:
        s = text.index(words, after)
        return Span(s, s + len(words))

    atts, qs = [], []
    for k in range(want["attributions"]):
        cue = at("Enligt", at(f"källa {i}-{k} ").start - 8)
        src = at(f"källa {i}-{k}")
        content = Span(src.end + 1, at(f"bro {k}.", src.end).end - 1)
        atts.append(
            Attribution(
                f"a{k}", art.id, cue=cue, content=content, source=src, certainty="reported", anonymous=True
            )
        )
        if k < want["quantities"]:
            phrase = at(f"{k + 2} fordon", src.end)
            number = Span(phrase.start, phrase.start + len(str(k + 2)))
            qs.append(
                Quantity(
                    f"q{k}",
                    art.id,
                    number,
                    k + 2,
                    "exact",
                    counted=Span(number.end + 1, phrase.end),
                    attribution_id=f"a{k}",
                )
            )
    ms = [Mention(f"m{j}", art.id, at(p), "LOC") for j, p in enumerate(places)]
    return Analysis(art, tuple(atts), tuple(qs), tuple(ms))


def main(argv: list[str]) -> None:
    path, n = argv[0], int(argv[1])
    pause_at = int(argv[2]) if len(argv) > 2 else -1
    with Ledger(path) as led:
        current = {"i": -1}

        def hold(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
            if current["i"] == pause_at and statement.lstrip().upper().startswith("INSERT INTO MENTIONS"):
                print(f"inside {pause_at}", flush=True)
                time.sleep(60)  # the test kills us here, mid-transaction

        event.listen(led.engine, "before_cursor_execute", hold)
        for i in range(n):
            current["i"] = i
            print(f"{i} {led.add(analysis(i))}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
