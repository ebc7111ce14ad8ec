"""Options several commands share, declared once: the ledger, the language, the limit, the output format.

Every listing takes ``--json`` (one array), ``--nl`` (JSON Lines) and ``--csv``, the
flags sqlite-utils and datasette users reach for when piping; ``output_format`` turns
the three into one format name and refuses two at once.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from claimledger.errors import UsageError
from claimledger.settings import Settings, language_tag

LedgerOpt = Annotated[
    str,
    typer.Option("--ledger", "-l", envvar="CLAIMLEDGER_LEDGER",
                 help="The ledger: a SQLite path or an SQLAlchemy URL."),
]
DEFAULT_LEDGER = Settings().ledger


def _lang(value: str | None) -> str | None:
    """``--lang`` as the ledger stores languages (``EN`` -> ``en``, ``sv-SE`` -> ``sv``, ``nb`` -> ``no``)."""
    if value is None:
        return None
    try:
        return language_tag(value)
    except UsageError as e:
        raise typer.BadParameter(str(e)) from None


def lang_option(help: str) -> Any:  # noqa: A002 - typer's own parameter name
    """A ``--lang`` option with ``help``; the tag is normalised before the command sees it."""
    return typer.Option("--lang", help=f"{help} A language tag: sv, en, sv-SE, nb ... (any case).",
                        callback=_lang)


def limit_option(help: str = "At most this many rows.") -> Any:  # noqa: A002
    """A ``--limit`` option: a whole number, 0 or more."""
    return typer.Option("--limit", "-n", min=0, help=help)


JsonOpt = Annotated[bool, typer.Option("--json", help="Print the rows as one JSON array.")]
NlOpt = Annotated[bool, typer.Option("--nl", help="Print the rows as JSON Lines, one object a line.")]
CsvOpt = Annotated[bool, typer.Option("--csv", help="Print the rows as CSV (formula cells neutralised).")]


def output_format(as_json: bool, as_nl: bool, as_csv: bool) -> str:
    """``table``, ``json``, ``nl`` or ``csv`` from the three flags; UsageError for more than one."""
    chosen = [name for name, on in (("json", as_json), ("nl", as_nl), ("csv", as_csv)) if on]
    if len(chosen) > 1:
        raise UsageError(f"choose one output format, not {' and '.join('--' + c for c in chosen)}")
    return chosen[0] if chosen else "table"
