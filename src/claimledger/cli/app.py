"""The ``claimledger`` command: a thin Typer shell over the library.

Each command lives in its own module, parses its options, calls one library function
and prints. ``main`` is the one place errors become the one line a user reads: no
traceback reaches a user (``CLAIMLEDGER_DEBUG=1`` shows it to a developer).
"""

from __future__ import annotations

import os
import sys

import typer

from claimledger.errors import ClaimledgerError

app = typer.Typer(
    name="claimledger",
    help="Who says what, how firmly, and who confirms it: a ledger of claims from news.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _register() -> None:
    from claimledger.cli import (
        actor,
        actors,
        analyze,
        articles,
        claims,
        evaluate,
        export,
        fact,
        facts,
        history,
        predict,
        predict_links,
        relink,
        show,
    )

    for module in (analyze, articles, claims, show, facts, fact, history, actors, actor, relink, export, predict,
                   predict_links, evaluate):
        module.register(app)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status instead of raising."""
    _register()
    try:
        result = app(args=argv, standalone_mode=False)
    except ClaimledgerError as e:
        print(f"claimledger: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("claimledger: interrupted", file=sys.stderr)
        return 130
    except (typer.Exit, SystemExit) as e:
        code = getattr(e, "exit_code", None)
        return int(code if code is not None else getattr(e, "code", 0) or 0)
    except typer.Abort:
        print("claimledger: aborted", file=sys.stderr)
        return 1
    except Exception as e:  # the last line of defence: one line, never a traceback
        import click

        if isinstance(e, click.ClickException):
            e.show()
            return e.exit_code
        if os.environ.get("CLAIMLEDGER_DEBUG"):
            raise
        print(f"claimledger: internal error: {type(e).__name__}: {e} (CLAIMLEDGER_DEBUG=1 shows more)",
              file=sys.stderr)
        return 3
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
