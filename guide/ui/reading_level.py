"""The reading level in the status bar, and grading a topic's articles in the background."""

from __future__ import annotations

import threading

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from guide.core.i18n import _
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
        self._showing: Article | None = None  # the article whose grade the label is for
        self.setToolTip(_(EXPLANATION))
        self.setAccessibleName(self.tr("Reading level"))
        self.setAccessibleDescription(_(EXPLANATION))
        self.hide()

    def stop(self) -> None:
        """Cut background grading short (the window is closing); grades so far are saved."""
        self._stop.set()

    def show_article(self, article: Article | None) -> None:
        """Show the article's grade; one not yet known is worked out in the background (about
        2 ms, but 0.7 s for a 5 MB article), then remembered. Hidden for other pages."""
        self._showing = article
        if article is None:
            self.setVisible(bool(self._grading))  # "Working out reading levels: 20 of 240…" stays
            return
        self.show()
        if self.levels.known(article):
            self.setText(self.tr("Reading level: {level}").format(level=describe(self.levels.grade(article))))
            return
        self.setText(self.tr("Reading level: {level}").format(level="…"))
        levels = self.levels

        def done(value: float | None) -> None:
            if self._showing is article:  # not if another page was opened meanwhile
                self.setText(self.tr("Reading level: {level}").format(level=describe(value)))

        self.tasks.run(lambda progress: levels.grade(article), done, lambda exc: done(None))

    def grading(self, topic: Topic) -> bool:
        """True while the topic's articles are being graded in the background."""
        return topic.id in self._grading

    def topic_grades(self, topic: Topic) -> dict[str, float | None] | None:
        """The grades of the topic's articles if all are known; else None, and they are
        worked out in the background (a large topic takes seconds the first time)."""
        if all(self.levels.known(a) for a in topic.articles):
            return self.levels.grades(topic.articles)
        if topic.id not in self._grading:
            self._grading.add(topic.id)
            self.setText(
                self.tr("Working out reading levels: {done} of {count}…").format(done=0, count=len(topic.articles))
            )
            self.show()
            levels, articles, stop = self.levels, topic.articles, self._stop

            def op(progress: Progress) -> None:
                for number, article in enumerate(articles):
                    if stop.is_set():  # the window is closing: keep what is done
                        break
                    levels.grade(article)
                    if number % 20 == 19:
                        progress(number + 1, len(articles))
                levels.save()

            def step(done_count: int, total: int) -> None:
                if topic.id in self._grading:
                    self.setText(
                        self.tr("Working out reading levels: {done} of {count}…").format(done=done_count, count=total)
                    )

            def done(_result: None) -> None:
                self._grading.discard(topic.id)
                self.hide()
                self.topic_ready.emit(topic.id)

            def failed(exc: BaseException) -> None:
                self._grading.discard(topic.id)
                self.setText(self.tr("Reading levels not available: {error}").format(error=exc))

            self.tasks.run(op, done, failed, step)
        return None
