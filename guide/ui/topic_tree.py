"""The topic tree: topics nested as given, articles under their topics, optionally filtered.

:class:`TopicModel` reads the library's :class:`Topic` values as the view asks for rows,
instead of copying every topic and article into a ``QStandardItemModel`` up front: a
library of 55,000 articles would make 55,000 items (over a second) before the window
could show, while the view only ever asks for the rows it draws and the topics opened.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from guide.core.models import Article, Topic

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class _Node:
    kind: str  # "topic" or "article"
    item: Topic | Article
    parent: int  # node number of the parent; -1 for the (invisible) root
    row: int


class TopicModel(QAbstractItemModel):
    """Topics and their articles, one column; ``KIND_ROLE`` is "topic" or "article".

    Rows are made when first asked for: each node has a number (the index's internal id)
    and a topic's children get numbers when the view first looks inside it. A filter
    (:meth:`set_filter`) keeps the articles whose titles hold every word typed, with the
    topics on the way to them, and the topics whose own titles match (so they can be opened;
    their other articles are left out: "kidney" should not list all of a kidney topic's 149).
    """

    def __init__(self, root: Topic, parent: Any = None) -> None:
        super().__init__(parent)
        self._root = root
        self._titles: list[tuple[Article, str]] | None = None  # (article, folded title), made by the first filter
        self._reset_nodes()
        self.filter_text = ""
        self._kept: dict[str, tuple[list[Topic], list[Article]]] | None = None  # topic id -> kept children

    def _reset_nodes(self) -> None:
        self._nodes: list[_Node] = [_Node("topic", self._root, -1, 0)]
        self._children: dict[int, list[int]] = {}

    # -- the tree's shape -------------------------------------------------------------------
    def _parts(self, topic: Topic) -> tuple[list[Topic] | tuple[Topic, ...], list[Article] | tuple[Article, ...]]:
        if self._kept is None:
            return topic.children, topic.articles
        return self._kept.get(topic.id, ([], []))

    def _child_nodes(self, number: int) -> list[int]:
        found = self._children.get(number)
        if found is None:
            node = self._nodes[number]
            found = []
            if isinstance(node.item, Topic):
                topics, articles = self._parts(node.item)
                start = len(self._nodes)
                self._nodes.extend(_Node("topic", t, number, row) for row, t in enumerate(topics))
                self._nodes.extend(_Node("article", a, number, len(topics) + row) for row, a in enumerate(articles))
                found = list(range(start, len(self._nodes)))
            self._children[number] = found
        return found

    def _number(self, index: Index) -> int:
        return int(index.internalId()) if index.isValid() else 0

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        children = self._child_nodes(self._number(parent))
        return self.createIndex(row, 0, children[row]) if row < len(children) else QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        up = self._nodes[self._number(index)].parent
        if up <= 0:
            return QModelIndex()
        return self.createIndex(self._nodes[up].row, 0, up)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.column() > 0:
            return 0
        node = self._nodes[self._number(parent)]
        if not isinstance(node.item, Topic):
            return 0
        number = self._number(parent)
        if number in self._children:
            return len(self._children[number])
        topics, articles = self._parts(node.item)
        return len(topics) + len(articles)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._nodes[self._number(index)]
        if role == Qt.ItemDataRole.DisplayRole:
            return node.item.title
        if role == ID_ROLE:
            return node.item.id
        if role == KIND_ROLE:
            return node.kind
        if role == Qt.ItemDataRole.ToolTipRole:
            summary = node.item.summary
            return f"{node.item.title}\n{summary}" if summary else node.item.title  # a long title is cut with "…"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section == 0:
            return self.tr("Topics")
        return None

    # -- finding ----------------------------------------------------------------------------
    def find(self, kind: str, item_id: str) -> QModelIndex:
        """The row of a topic or article by its id (invalid when it is not shown), without a search."""
        topic_id = item_id if kind == "topic" else item_id.rpartition("/")[0]
        number = 0
        if topic_id:
            steps = topic_id.split("/")
            for depth in range(1, len(steps) + 1):
                wanted = "/".join(steps[:depth])
                number = next((n for n in self._child_nodes(number) if self._is(n, "topic", wanted)), -1)
                if number < 0:
                    return QModelIndex()
        if kind == "article":
            number = next((n for n in self._child_nodes(number) if self._is(n, "article", item_id)), -1)
        if number <= 0:
            return QModelIndex()
        return self.createIndex(self._nodes[number].row, 0, number)

    def _is(self, number: int, kind: str, item_id: str) -> bool:
        node = self._nodes[number]
        return node.kind == kind and node.item.id == item_id

    # -- filtering --------------------------------------------------------------------------
    def set_filter(self, text: str) -> int:
        """Show only what matches ``text`` (every word, in any order; "" shows all); returns the articles kept."""
        words = text.casefold().split()
        self.beginResetModel()
        self.filter_text = " ".join(words)
        self._kept = None if not words else self._keep(words)
        self._reset_nodes()
        self.endResetModel()
        if self._kept is None:
            return -1
        return sum(len(articles) for _, articles in self._kept.values())

    def _keep(self, words: list[str]) -> dict[str, tuple[list[Topic], list[Article]]]:
        if self._titles is None:
            self._titles = [(a, a.title.casefold()) for a in _articles(self._root)]
        kept: dict[str, tuple[list[Topic], list[Article]]] = {}
        whole: set[str] = set()  # topics whose own title matches: all of them is shown
        for topic in _topics(self._root):
            if topic.id and all(w in topic.title.casefold() for w in words):
                whole.add(topic.id)
        for article, title in self._titles:
            topic_id = article.topic_id
            if all(w in title for w in words):
                kept.setdefault(topic_id, ([], []))[1].append(article)
        for topic in _topics(self._root):  # a topic is kept when something below it is
            if topic.id in whole:
                kept.setdefault(topic.id, ([], []))
        for topic in reversed(list(_topics(self._root))):  # children before parents
            if topic.id in kept and topic.id:
                parent = topic.id.rpartition("/")[0]
                kept.setdefault(parent, ([], []))[0].append(topic)
        for topics, _ in kept.values():
            topics.reverse()  # back into the library's order
        return kept


def _topics(root: Topic) -> list[Topic]:
    """Every topic, parents before children, in the library's order (no recursion)."""
    found, stack = [], [root]
    while stack:
        topic = stack.pop()
        found.append(topic)
        stack.extend(reversed(topic.children))
    return found


def _articles(root: Topic) -> list[Article]:
    return [a for t in _topics(root) for a in t.articles]


def build_model(root: Topic) -> TopicModel:
    """The model of a library's topic tree (see :class:`TopicModel`)."""
    return TopicModel(root)
