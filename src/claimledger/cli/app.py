"""The ``claimledger`` command: a thin Typer shell over the library.

Each command lives in its own module, parses its options, calls one library function
and prints. ``main`` is the one place errors become the one line a user reads: no
traceback reaches a user (``CLAIMLEDGER_DEBUG=1`` shows it to a developer).

Exit statuses, as data tools use them: 0 done; 1 done in part (``analyze`` skipped some
inputs); 2 a usage or input error (a bad option value, an unknown id, a file that is not
a ledger); 3 an internal error (a bug to report); 130 interrupted.

Typer ships its own copy of click, so click's exceptions are recognised by what they
do (``exit_code`` and ``format_message``), not by importing a ``click`` that may be
another copy. Every line printed here passes through ``safetext.visible``: an error
message may quote a hostile file name or article title.
"""

from __future__ import annotations

import os
import sys
import warnings
from importlib.metadata import PackageNotFoundError, version
from typing import Annotated, Any

import typer

from claimledger.errors import ClaimledgerError, LedgerDamageWarning, debugging
from claimledger.safetext import visible

app = typer.Typer(
    name="claimledger",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        try:
            print(f"claimledger {version('claimledger')}")
        except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
            print("claimledger (not installed)")
        raise typer.Exit(0)


@app.callback()
def _root(
    _show_version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars, summaries or notes on stderr; "
                                                               "errors are still printed.")] = False,
) -> None:
    """Who says what, how firmly, and who confirms it: a ledger of claims from news.

    Listings print a table on a terminal and take --json, --nl or --csv for pipes.
    NO_COLOR turns colours off; CLAIMLEDGER_* environment variables set defaults.
    """
    from claimledger.cli import render

    render.QUIET = quiet


COMMANDS = {
    "analyze": "analyze", "articles": "articles", "claims": "claims", "show": "show", "facts": "facts",
    "fact": "fact", "history": "history", "actors": "actors", "actor": "actor", "copies": "copies",
    "relink": "relink", "diff": "diff", "export": "export", "predict": "predict",
    "predict-links": "predict_links", "eval": "evaluate", "serve": "serve", "import": "batch", "watch": "watch",
}
"""Command name -> the module under ``claimledger.cli`` that defines it, in the order ``--help`` lists them."""
_ROOT_FLAGS = frozenset({"--quiet", "-q"})


def _command(argv: list[str]) -> str | None:
    """The command ``argv`` runs, when it names one after nothing but ``--quiet``; else None."""
    for arg in argv:
        if arg in _ROOT_FLAGS:
            continue
        return arg if arg in COMMANDS else None
    return None


def _register(argv: list[str] | None = None) -> None:
    """Register the command ``argv`` runs, or every command when it runs none (``--help``, a typo).

    One command's module is all a run imports: the others pull in what they print with and
    typer builds each one's options, a tenth of a second that ``predict`` or ``analyze`` would
    pay for nothing. A later call for another command (tests run several in one process) adds
    its module; a call that needs them all registers them all again, in ``COMMANDS`` order."""
    from importlib import import_module

    have = {c.name for c in app.registered_commands}
    name = _command(sys.argv[1:] if argv is None else argv)
    if name is not None:
        if name not in have:
            import_module(f"claimledger.cli.{COMMANDS[name]}").register(app)
        return
    if have == set(COMMANDS):
        return
    app.registered_commands.clear()
    for module in COMMANDS.values():
        import_module(f"claimledger.cli.{module}").register(app)


def say(message: object) -> None:
    """One line on stderr, prefixed ``claimledger:``, with any control or bidi character made visible."""
    print(f"claimledger: {visible(message)}", file=sys.stderr)


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: Any = None, line: str | None = None) -> None:
    """Damaged-ledger warnings as one ``note`` line each; other warnings as Python shows them."""
    if issubclass(category, LedgerDamageWarning):
        from claimledger.cli import render

        if not render.QUIET:
            say(f"note: {message}")
        return
    _python_show_warning(message, category, filename, lineno, file, line)


_python_show_warning = warnings.showwarning


def _usage_line(e: Any) -> str:
    """A click usage error as one line: the command, the complaint, where help is."""
    ctx = getattr(e, "ctx", None)
    where = ctx.command_path if ctx is not None else "claimledger"
    text = " ".join(str(e.format_message()).split())
    return f"{where}: {text} (see {where} --help)"


def _one_blas_thread() -> None:
    """Have numpy's OpenBLAS multiply on one thread unless ``OPENBLAS_NUM_THREADS`` says otherwise.

    Why: the models multiply their matrices through numpy (``nlp/pipeline.py``), whose OpenBLAS
    starts a thread per core; on matrices of an article's size the extra threads mostly wait
    for work, spinning. Unpinned on two cores, ``claimledger analyze`` of 20 news pages took a
    quarter more CPU time (user 7.9 and 6.4 s against 5.7 and 4.9 s) and no less wall time
    than with one thread; the products, and so the output, are the same. Set here, before
    anything imports numpy, and inherited by the processes a command starts (Dask workers).
    """
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status instead of raising."""
    _one_blas_thread()
    _register(argv)
    warnings.showwarning = _show_warning
    try:
        result = app(args=argv, standalone_mode=False, prog_name="claimledger")
    except ClaimledgerError as e:
        say(e)
        return 2
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    except BrokenPipeError:  # `claimledger claims --csv | head`: the reader left, nothing is wrong
        _quiet_stdout()
        return 0
    except (typer.Exit, SystemExit) as e:
        code = getattr(e, "exit_code", None)
        return int(code if code is not None else getattr(e, "code", 0) or 0)
    except typer.Abort:
        say("aborted")
        return 1
    except Exception as e:  # the last line of defence: one line, never a traceback
        if hasattr(e, "exit_code") and hasattr(e, "format_message"):  # click's usage errors (typer's copy)
            if type(e).__name__ == "NoArgsIsHelpError":
                print(e.format_message(), file=sys.stderr)
                return 2
            print(visible(_usage_line(e)), file=sys.stderr)
            return 2
        if debugging():
            raise
        say(f"internal error: {type(e).__name__}: {e} (CLAIMLEDGER_DEBUG=1 shows more)")
        return 3
    finally:
        warnings.showwarning = _python_show_warning
    return int(result or 0)


def _quiet_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so Python's exit flush does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - stdout is not a real file
        pass


if __name__ == "__main__":
    sys.exit(main())
