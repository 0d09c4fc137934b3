"""The reading level in the status bar, and grading a topic's articles in the background."""

from __future__ import annotations

import threading

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from guide.core.models import Article, Topic
from guide.core.readability import EXPLANATION, ReadingLevels, describe
from guide.ui.tasks import Progress, TaskRunner


class ReadingLevelLabel(QLabel):
    """Shows "Reading level: grade 8" for the open article; emits ``topic_ready(id)`` once
    the articles of a topic asked for with :meth:`topic_grades` have all been graded."""

    topic_ready = Signal(str)

    def __init__(self, levels: ReadingLevels, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.levels = levels
        self.tasks = tasks
        self._grading: set[str] = set()  # topics whose articles are being graded
        self._stop = threading.Event()
        self.setToolTip(EXPLANATION)
        self.setAccessibleName("Reading level")
        self.setAccessibleDescription(EXPLANATION)
        self.hide()

    def stop(self) -> None:
        """Cut background grading short (the window is closing); grades so far are saved."""
        self._stop.set()

    def show_article(self, article: Article | None) -> None:
        """Grade the article (about 2 ms, then remembered) and show it; hide for other pages."""
        if article is None:
            self.hide()
            return
        self.setText(f"Reading level: {describe(self.levels.grade(article))}")
        self.show()

    def topic_grades(self, topic: Topic) -> dict[str, float | None] | None:
        """The grades of the topic's articles if all are known; else None, and they are
        worked out in the background (a large topic takes seconds the first time)."""
        if all(self.levels.known(a) for a in topic.articles):
            return self.levels.grades(topic.articles)
        if topic.id not in self._grading:
            self._grading.add(topic.id)
            self.setText("Working out reading levels…")
            self.show()
            levels, articles, stop = self.levels, topic.articles, self._stop

            def op(progress: Progress) -> None:
                for article in articles:
                    if stop.is_set():  # the window is closing: keep what is done
                        break
                    levels.grade(article)
                levels.save()

            def done(_result: None) -> None:
                self._grading.discard(topic.id)
                self.hide()
                self.topic_ready.emit(topic.id)

            def failed(exc: BaseException) -> None:
                self._grading.discard(topic.id)
                self.setText(f"Reading levels not available: {exc}")

            self.tasks.run(op, done, failed)
        return None
