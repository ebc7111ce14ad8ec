"""The output layer's rules on their own: each sink's escaping, and how tables fit a terminal."""

from __future__ import annotations

import json

from claimledger.cli.render import Col, fitted
from claimledger.safetext import json_text, visible, visible_same_length

HOSTILE = "a\x1b[2J\x07\x9b\x7f\u202e\u2066\u2028b\tc\nd"


def test_cli_render_visible_shows_every_control() -> None:
    assert visible(HOSTILE) == "a␛[2J␇<U+009B>␡<U+202E><U+2066><U+2028>b c␊d"
    assert visible(HOSTILE, newlines=True).endswith("b c\nd")
    assert visible(None) == "" and visible(3) == "3"


def test_cli_render_same_length_keeps_offsets() -> None:
    shown = visible_same_length(HOSTILE)
    assert len(shown) == len(HOSTILE) and "\x1b" not in shown and "\u202e" not in shown


def test_cli_render_json_keeps_the_exact_text_without_raw_controls() -> None:
    line = json_text({"t": HOSTILE, "sv": "Försvarsmakten"})
    assert json.loads(line) == {"t": HOSTILE, "sv": "Försvarsmakten"}
    assert not any(c in line for c in ("\x1b", "\x07", "\x9b", "\x7f", "\u202e", "\u2066", "\u2028", "\n"))
    assert "Försvarsmakten" in line  # ordinary letters stay readable


def test_cli_render_fitted_drops_least_important_columns_first() -> None:
    cols = (Col("id", 10, keep=2, no_wrap=True), Col("text", 20, grow=3), Col("extra", 10, keep=1),
            Col("n", 6, right=True))
    _, wide = fitted(cols, width=200)
    assert [c.name for c in wide] == ["id", "text", "extra", "n"]
    _, mid = fitted(cols, width=50)
    assert [c.name for c in mid] == ["text", "extra", "n"]  # the largest ``keep`` goes first
    _, narrow = fitted(cols, width=40)
    assert [c.name for c in narrow] == ["text", "n"]
    table, _ = fitted(cols, width=40)
    assert all(c.min_width is not None and c.max_width is not None and c.max_width >= c.min_width
               for c in table.columns)
