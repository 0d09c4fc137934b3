"""Run the guide with ``python -m guide``."""

import sys

from guide.cli import main

sys.exit(main())
