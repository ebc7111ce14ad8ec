"""``claimledger fact ID``: one fact, every article that states it, and why each was linked to it.

The point is to make each linking decision checkable: every mention shows the words the
article used, where they are in it, whose claim it is once relays collapse, and the
linker's reason and score; then the contradictions, denials and revisions around it. The
Admiralty grade (``store.admiralty``: source reliability A-F, credibility 1-6) is shown with
the evidence that earns it, and is in ``--json`` as ``admiralty``.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from claimledger.cli.options import DEFAULT_LEDGER, LedgerOpt
from claimledger.cli.render import Col, day, emit_json, figure, fitted, out, safe, variable

LINK_STYLE = {"contradiction": "bold red", "denial": "red", "revision": "yellow"}
MENTION_COLUMNS = (Col("article", 12, grow=2), Col("record", 16, grow=4), Col("span", 9, no_wrap=True),
                   Col("source", 10, grow=2), Col("why linked", 12, grow=2))
LINK_COLUMNS = (Col("kind", 13, no_wrap=True), Col("", 1, no_wrap=True), Col("other fact", 10, no_wrap=True),
                Col("its label", 12, grow=2), Col("reason", 12, grow=3))


def header(f: dict[str, Any]) -> Table:
    """The fact's own fields, one a row."""
    t = Table(show_header=False, box=None, padding=(0, 2))
    t.add_column(style="dim")
    t.add_column(overflow="fold")
    rows: list[tuple[str, Text | str]] = [
        ("id", safe(f["id"])),
        ("kind", safe(f["kind"])),
        ("variable", safe(variable(f["variable"]))),
        ("figure", safe(figure(f["value"], f["value_max"], f["approx"], f["unit"]))),
        ("date", day(f["date"])),
        ("sources", safe(", ".join(f["source_names"]) or "(unattributed)")),
        ("independent", str(f["independent"])),
        ("grade", str(f["grade"])),
        *([("admiralty", safe(f["admiralty"]["words"] + "\n" + "\n".join(f["admiralty"]["evidence"]),
                              newlines=True))] if "admiralty" in f else []),
        ("mentions/articles", f"{f['mention_count']}/{f['articles']}"),
        ("languages", safe(", ".join(f["langs"]))),
        ("contested", Text("yes", style="bold red") if f["contested"] else "no"),
    ]
    for key, value in rows:
        t.add_row(key, value)
    return t


def mentions_table(mentions: list[dict[str, Any]]) -> Table:
    t, _ = fitted(MENTION_COLUMNS, title=f"{len(mentions)} mention(s)", show_lines=True)
    for m in mentions:
        article = Text.assemble(
            safe(m["title"] or m["article_id"][:12], "bold"), "\n",
            safe(" · ".join(x for x in (m["outlet"], m["published"], m["lang"]) if x), "dim"),
            safe(f"\ncopy of {m['copy_of'][:10]}", "yellow", newlines=True) if m["copy_of"] else "",
        )
        kind = "quantity" if m["kind"] == "q" else "claim"
        record = Text.assemble((f"{kind} ", "dim"), safe(m["text"], newlines=True))
        if m["value"] is not None:
            record.append(f"\n= {figure(m['value'], m['value_max'], m['approx'])}", style="yellow")
        span = "" if m["start"] is None else f"{m['start']}:{m['end']}"
        source = safe(m["actor_name"]) if m["actor"] else Text("(unattributed)", style="dim")
        why = Text.assemble(safe(m["reason"]), (f"\nscore {m['score']:.2f}", "dim"))
        t.add_row(article, record, span, source, why)
    return t


def links_table(links: list[dict[str, Any]]) -> Table:
    t, _ = fitted(LINK_COLUMNS, title=f"{len(links)} link(s)")
    for x in links:
        arrow = "→" if x["direction"] == "out" else "←"
        t.add_row(safe(x["kind"], LINK_STYLE.get(x["kind"], "")), arrow, safe(x["other"][:10]),
                  safe(x["other_label"]), safe(x["reason"]))
    return t


def fact(
    fact_id: Annotated[str, typer.Argument(metavar="ID", help="A fact id or a unique id prefix.")],
    ledger: LedgerOpt = DEFAULT_LEDGER,
    as_json: Annotated[bool, typer.Option("--json", help="Print the fact as JSON.")] = False,
) -> None:
    """Show one fact: its figure and sources, every mention with why it was linked, and its links."""
    from claimledger.store import Ledger
    from claimledger.store.admiralty import admiralty

    with Ledger(ledger, readonly=True) as store:
        f = store.fact(fact_id)
        with store.reading() as conn:
            f["admiralty"] = admiralty(conn, [f])[f["id"]].as_dict()
    if as_json:
        emit_json(f)
        return
    out.rule(safe(f["label"]))
    out.print(header(f))
    out.print(mentions_table(f["mentions"]))
    if f["links"]:
        out.print(links_table(f["links"]))


def register(app: typer.Typer) -> None:
    app.command("fact")(fact)
