"""The one background-task helper: run an op off the UI thread, report back on it.

An op's ``Exception`` is a failed task (the failure callback, or a message). ``KeyboardInterrupt``
and ``SystemExit`` are not failures of the task: as in Anki's ``QueryOp``, they are raised again
on the UI thread, where Ctrl+C and ``sys.exit`` act as they would anywhere else. (Letting them
escape ``QRunnable.run`` instead hangs the thread pool.)
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)

T = TypeVar("T")
Progress = Callable[[int, int], None]


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)
    interrupted = Signal(object)


class _Job(QRunnable, Generic[T]):
    def __init__(self, op: Callable[[Progress], T], signals: _Signals) -> None:
        super().__init__()
        self.op = op
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.op(lambda done, total: self.signals.progressed.emit(done, total))
        except Exception as exc:
            self.signals.failed.emit(exc)
        except BaseException as exc:  # KeyboardInterrupt, SystemExit: the UI thread raises them
            self.signals.interrupted.emit(exc)
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Runs ``op(progress)`` in a thread pool; success/failure/progress run on the UI thread."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self._parent = parent
        self._live: set[_Signals] = set()

    def run(
        self,
        op: Callable[[Progress], T],
        success: Callable[[T], None],
        failure: Callable[[BaseException], None] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        signals = _Signals()
        self._live.add(signals)

        def finish(result: Any) -> None:
            self._live.discard(signals)
            success(result)

        def fail(exc: Any) -> None:
            self._live.discard(signals)
            log.error("background task failed", exc_info=exc)
            if failure is not None:
                failure(exc)
            else:
                QMessageBox.warning(
                    self._parent,
                    self.tr("Something went wrong"),
                    self.tr("The task could not finish: {error}").format(error=exc),
                )

        def interrupt(exc: Any) -> None:
            self._live.discard(signals)
            raise exc

        signals.done.connect(finish)
        signals.interrupted.connect(interrupt)
        signals.failed.connect(fail)
        if progress is not None:
            signals.progressed.connect(progress)
        self.pool.start(_Job(op, signals))

    def busy(self) -> bool:
        """Whether an op is still running (tests wait on it)."""
        return bool(self._live)

    def wait(self, msecs: int = 10000) -> bool:
        """Wait for running ops to finish (window close, test teardown)."""
        return self.pool.waitForDone(msecs)
