"""``python -m claimledger`` is the ``claimledger`` command."""

import sys

from claimledger.cli.app import main

sys.exit(main())
