"""Run the guide with ``python -m guide``."""

import gc
import sys

gc.disable()  # paused for the start: see guide.app.collect_after_start (a command turns it on again at once)

from guide.cli import main  # noqa: E402

code = main()
window = sys.modules.get("guide.app")
if window is not None and window.window_closed:  # the window ran and has closed: saved, nothing left to wait for
    window.end_process(code)
sys.exit(code)
