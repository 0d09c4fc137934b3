"""The topic tree: topics nested as given, articles under their topics."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from guide.core.models import Topic

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


def build_model(root: Topic) -> QStandardItemModel:
    """A model with one row per topic and article; KIND_ROLE is "topic" or "article"."""
    model = QStandardItemModel()
    model.setHorizontalHeaderLabels(["Topics"])
    _fill(model.invisibleRootItem(), root)
    return model


def _fill(parent: QStandardItem, topic: Topic) -> None:
    for child in topic.children:
        item = QStandardItem(child.title)
        item.setEditable(False)
        item.setData("topic", KIND_ROLE)
        item.setData(child.id, ID_ROLE)
        if child.summary:
            item.setToolTip(child.summary)
        parent.appendRow(item)
        _fill(item, child)
    for article in topic.articles:
        item = QStandardItem(article.title)
        item.setEditable(False)
        item.setData("article", KIND_ROLE)
        item.setData(article.id, ID_ROLE)
        if article.summary:
            item.setToolTip(article.summary)
        parent.appendRow(item)
