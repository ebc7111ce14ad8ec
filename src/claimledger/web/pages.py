"""The pages and the JSON API: each handler answers its page, its ``.json`` and ``/api/v1/`` twin.

Handlers are thin: they parse the URL, ask ``store.browse`` / ``store.factqueries`` inside one
timed read, and hand the same dict to a template or to JSON. The one write, the add form,
goes through ``analyze.ingest_articles`` with a writable ledger opened for that request.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response, StreamingResponse

from claimledger.errors import InputError, UsageError
from claimledger.model import CERTAINTIES, Article
from claimledger.safetext import csv_row
from claimledger.store import browse, exports, factqueries
from claimledger.store.admiralty import admiralty
from claimledger.web.highlight import pieces
from claimledger.web.plot import history_spec
from claimledger.web.respond import PAGE_SIZE, JSONText, cached, reading, render, web
from claimledger.web.security import check_csrf, check_write_token

router = APIRouter()
Text = Annotated[str | None, Query(max_length=200)]


def _json_suffix(value: str) -> str:
    return value[: -len(".json")] if value.endswith(".json") else value


@router.get("/", summary="Overview: counts per language, newest articles, contested facts")
@router.get("/index.json", include_in_schema=False)
@router.get("/api/v1/overview", summary="Overview (JSON)")
def overview(request: Request) -> Response:
    with reading(request) as conn:
        data = cached(request, "overview", conn, lambda: browse.overview(conn))
    return render(request, "overview.html", data)


@router.get("/claims", summary="Claims, filtered and searched, one page at a time")
@router.get("/claims.json", include_in_schema=False)
@router.get("/claims.csv", include_in_schema=False)
@router.get("/api/v1/claims", summary="Claims (JSON), with the cursor of the next page")
def claims(
    request: Request, q: Text = None, actor: Text = None, certainty: Text = None, lang: Text = None,
    outlet: Text = None, since: Text = None, until: Text = None,
    after: Annotated[str | None, Query(max_length=400)] = None,
    limit: Annotated[int, Query(ge=1, le=browse.PAGE_MAX)] = PAGE_SIZE,
) -> Response:
    filters = {k: v for k, v in {"q": q, "actor": actor, "certainty": certainty, "lang": lang, "outlet": outlet,
                                 "since": since, "until": until}.items() if v}
    with reading(request) as conn:
        page = browse.claims_page(conn, **filters, after=after or None, limit=limit)
    shown = {**filters, **({"after": after} if after else {}), **({"limit": str(limit)} if limit != PAGE_SIZE else {})}
    if request.url.path.endswith(".csv"):
        return _csv(page["rows"])
    nxt = urlencode({**filters, "after": page["next"], "limit": limit}) if page["next"] else None
    data = {**page, "filters": filters, "next_url": f"/claims?{nxt}" if nxt else None}
    context = {"certainties": CERTAINTIES, "download": urlencode(shown)}
    template = "claims_rows.html" if request.headers.get("hx-request") else "claims.html"
    return render(request, template, data, context=context)


CSV_COLUMNS = ("id", "article_id", "published", "outlet", "lang", "actor", "source", "cue", "content", "certainty",
               "anonymous", "title", "url")


def _csv(rows: list[dict[str, Any]]) -> Response:
    """Exactly the rows the page shows, each cell made safe for spreadsheets (``safetext.csv_row``)."""
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(CSV_COLUMNS)
    for r in rows:
        w.writerow(csv_row([r.get(c) for c in CSV_COLUMNS]))
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": 'attachment; filename="claims.csv"'})


@router.get("/articles/{article_id}", summary="One article with its claims and figures marked")
@router.get("/api/v1/articles/{article_id}", summary="One article (JSON): text, spans, copies")
def article(request: Request, article_id: str) -> Response:
    with reading(request) as conn:
        view = browse.article_view(conn, _json_suffix(article_id))
    return render(request, "article.html", view, context={"pieces": pieces(view)})


@router.get("/actors", summary="Originating actors, most claims first")
@router.get("/actors.json", include_in_schema=False)
@router.get("/api/v1/actors", summary="Actors (JSON)")
def actors(request: Request, lang: Text = None, limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> Response:
    from claimledger.link.data import with_table_kinds

    with reading(request) as conn:
        rows = cached(request, f"actors|{lang}|{limit}", conn,
                      lambda: with_table_kinds(factqueries.actors(conn, lang=lang, limit=limit)))
    return render(request, "actors.html", {"actors": rows, "lang": lang})


@router.get("/actors/{name}", summary="Everything one actor said, in every language")
@router.get("/api/v1/actors/{name}", summary="One actor (JSON)")
def actor(request: Request, name: str) -> Response:
    from claimledger.link.data import actors as table

    with reading(request) as conn:
        view = browse.actor_view(conn, _json_suffix(name), limit=ACTOR_CLAIMS)
    info = table().get(view["actor"])
    data = {**view, "kind": info.kind if info else None, "country": info.country if info else None,
            "parent": info.parent if info else None,
            "names": sorted({c["source"] for c in view["claims"] if c["source"]})}
    return render(request, "actor.html", data)


ACTOR_CLAIMS = 200
"""An actor page lists its latest claims up to this many (the claims page, filtered by it, has all)."""


@router.get("/facts", summary="Facts, most mentioned first")
@router.get("/facts.json", include_in_schema=False)
@router.get("/api/v1/facts", summary="Facts (JSON)")
def facts(request: Request, contested: bool = False, actor: Text = None, lang: Text = None,
          limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> Response:
    with reading(request) as conn:
        rows = factqueries.facts(conn, contested=contested, actor=actor, lang=lang, limit=limit)
    return render(request, "facts.html", {"facts": rows, "contested": contested, "actor": actor, "lang": lang})


HISTORY_DAYS, HISTORY_NEAR = 180, 150
"""A fact page shows its variable's history within this many days of the fact, and at most this
many facts each side of it, the nearest (``claimledger history`` shows all)."""


@router.get("/facts/{fact_id}", summary="One fact: mentions, sources, grade, contradictions, history")
@router.get("/api/v1/facts/{fact_id}", summary="One fact (JSON)")
def fact(request: Request, fact_id: str) -> Response:
    with reading(request) as conn:
        found = factqueries.fact(conn, _json_suffix(fact_id))
        found["admiralty"] = admiralty(conn, [found])[found["id"]].as_dict()
        followed = found["variable"] and not found["variable"].startswith("?")  # "?": what it counts is unknown
        history = factqueries.history(conn, found["id"], days=HISTORY_DAYS, near=HISTORY_NEAR) if followed else None
    data = {"fact": found, "history": history}
    return render(request, "fact.html", data)


@router.get("/facts/{fact_id}/plot.json", summary="The fact's history as a Vega-Lite specification")
def fact_plot(request: Request, fact_id: str) -> Response:
    with reading(request) as conn:
        found = factqueries.fact(conn, fact_id)
        if not found["variable"] or found["variable"].startswith("?"):
            raise UsageError(f"fact {found['id']} has no history: it is a claim, or a figure of nothing named")
        history = factqueries.history(conn, found["id"], days=HISTORY_DAYS, near=HISTORY_NEAR)
    return JSONText(history_spec(history, found["id"]))


@router.get("/add", summary="The form to add an article")
def add_form(request: Request) -> Response:
    return render(request, "add.html", {"error": None, "loopback": web(request).loopback})


@router.post("/add", summary="Add an article: pasted text or a URL, through the same path as analyze")
def add(request: Request, text: Annotated[str, Form(max_length=2_000_000)] = "",
        url: Annotated[str, Form(max_length=2000)] = "", title: Annotated[str, Form(max_length=500)] = "",
        csrf: Annotated[str, Form(max_length=100)] = "", token: Annotated[str, Form(max_length=200)] = "") -> Response:
    from claimledger.analyze import ingest_articles, read
    from claimledger.ingest.lang import detect_language
    from claimledger.store import Ledger

    state = web(request)
    form = {"csrf": csrf, "token": token}
    if not check_csrf(request, form):
        return render(request, "add.html", {"error": "the form expired: load the page again",
                                            "loopback": state.loopback}, status=403)
    if not check_write_token(request, form, state.settings.serve_token, state.loopback):
        return render(request, "add.html", {"error": "adding articles here needs the server's token",
                                            "loopback": state.loopback}, status=403)
    if bool(text.strip()) == bool(url.strip()):
        return render(request, "add.html", {"error": "give either the article's text or its URL",
                                            "loopback": state.loopback}, status=400)
    items: list[Article | InputError]
    if url.strip():
        items = list(read([url.strip()], settings=state.settings))
    else:
        body = text.replace("\r\n", "\n")
        items = [Article(text=body, lang=detect_language(body), title=title.strip() or None, raw_ref="web:pasted")]
    with Ledger(state.target) as ledger:
        report = ingest_articles(ledger, items, settings=state.settings)
    done = report.added_ids or report.seen_ids
    if not done:
        why = "; ".join(str(e) for e in report.errors) or "nothing could be read"
        return render(request, "add.html", {"error": why, "loopback": state.loopback}, status=422)
    return RedirectResponse(f"/articles/{done[0]}", status_code=303)


@router.get("/api/v1/export", summary="The ledger as jsonl, csv, claimreview (JSON-LD) or stix (2.1), streamed")
def export(
    request: Request, fmt: Annotated[str, Query(alias="format", max_length=20)] = "jsonl", actor: Text = None,
    lang: Text = None, since: Text = None, until: Text = None, certainty: Annotated[list[str] | None, Query()] = None,
    contested: bool = False,
) -> Response:
    """``Ledger.export``'s text formats and filters, written to the response as they are read
    (its own read transaction, no page time limit); CSV cells through ``safetext.csv_row``."""
    fmt = exports.check_format(fmt, text_only=True)
    chosen = exports.Filters.make(actor=actor, lang=lang, since=since, until=until, certainty=certainty,
                                  contested=contested)
    ledger, base = web(request).ledger, str(request.base_url)

    def pieces() -> Iterator[str]:
        with ledger.reading() as conn:
            yield from exports.stream(conn, fmt, chosen, base_url=base)

    name = f"claimledger.{exports.SUFFIXES[fmt]}"
    return StreamingResponse(pieces(), media_type=exports.MEDIA_TYPES[fmt],
                             headers={"content-disposition": f'attachment; filename="{name}"'})


@router.get("/docs", summary="The API's routes, from its OpenAPI description")
def docs(request: Request) -> Response:
    spec = request.app.openapi()
    routes = [{"path": p, "method": m.upper(), "summary": op.get("summary", ""),
               "params": [x["name"] for x in op.get("parameters", [])]}
              for p, ops in spec["paths"].items() for m, op in ops.items()]
    return render(request, "docs.html", {"routes": routes, "openapi": "/api/v1/openapi.json"})
