"""The ledger in a browser: ``claimledger serve``, a server-rendered app over the same ledger.

In the manner of datasette: every page is a URL a colleague can open, and the same handler
answers HTML and JSON (a ``.json`` suffix, ``Accept: application/json``, or the versioned
``/api/v1/`` path). Pages read through a read-only ledger with a time limit on each query;
the one write, adding an article, goes through ``analyze.ingest_articles`` like the CLI.
Every string that came from an article reaches the page through Jinja2's autoescaping and
``safetext.visible`` (one output layer); no inline script runs (a strict
Content-Security-Policy), and the JavaScript libraries are vendored from npm.
"""

from claimledger.web.app import create_app

__all__ = ["create_app"]
