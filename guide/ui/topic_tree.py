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


def _item(kind: str, item_id: str, title: str, summary: str) -> QStandardItem:
    item = QStandardItem(title)
    item.setEditable(False)
    item.setData(kind, KIND_ROLE)
    item.setData(item_id, ID_ROLE)
    item.setToolTip(f"{title}\n{summary}" if summary else title)  # a long title is cut with "…"
    return item


def _fill(parent: QStandardItem, topic: Topic) -> None:
    for child in topic.children:
        item = _item("topic", child.id, child.title, child.summary)
        parent.appendRow(item)
        _fill(item, child)
    for article in topic.articles:
        parent.appendRow(_item("article", article.id, article.title, article.summary))
