"""Run the guide with ``python -m guide``."""

import gc
import sys

gc.disable()  # paused for the start: see guide.app.collect_after_start (a command turns it on again at once)

from guide.cli import main  # noqa: E402

sys.exit(main())
