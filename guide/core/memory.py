"""Pausing Python's cycle collector while many small objects are made.

Reading a big catalog or an index's tables allocates tens of thousands of objects that make no
cycles; each allocation threshold passed starts a collection over everything made so far
(measured: half of reading 55,000 catalog records, half of re-opening an index beside 5,487
articles). Shared by the catalog reader and the search engine.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off inside the block, and back as it was after it (it may be off already:
    the window pauses it until its first paint)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
