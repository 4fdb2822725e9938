"""``python -m bot``: the same as the ``film-bot`` command."""

import sys

from bot.cli import main

sys.exit(main())
