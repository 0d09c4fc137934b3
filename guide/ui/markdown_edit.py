"""Markdown typing helpers for the editor: headings, bold, lists and tables at the cursor.

Each helper changes the text through one QTextCursor edit block, so one Ctrl+Z undoes it.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]*")
_BULLET = re.compile(r"^(\s*)[-*+][ \t]+")
_NUMBER = re.compile(r"^(\s*)\d+[.)][ \t]+")

TABLE = "| Column 1 | Column 2 |\n|---|---|\n|  |  |\n|  |  |\n"


def _selected_blocks(edit: QPlainTextEdit) -> tuple[QTextCursor, int, int]:
    cursor = edit.textCursor()
    doc = edit.document()
    first = doc.findBlock(cursor.selectionStart()).blockNumber()
    last_pos = cursor.selectionEnd()
    last_block = doc.findBlock(last_pos)
    if cursor.hasSelection() and last_pos == last_block.position() and last_block.blockNumber() > first:
        last_block = last_block.previous()  # a selection ending at a line's start does not take that line
    return cursor, first, last_block.blockNumber()


def _rewrite_lines(edit: QPlainTextEdit, change: list[str]) -> None:
    """Replace the selected lines (or the cursor's line) with ``change`` in one undo step."""
    cursor, first, last = _selected_blocks(edit)
    doc = edit.document()
    start = doc.findBlockByNumber(first).position()
    end_block = doc.findBlockByNumber(last)
    end = end_block.position() + len(end_block.text())
    cursor.beginEditBlock()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText("\n".join(change))
    cursor.endEditBlock()
    edit.setTextCursor(cursor)


def _lines(edit: QPlainTextEdit) -> list[str]:
    _, first, last = _selected_blocks(edit)
    doc = edit.document()
    return [doc.findBlockByNumber(n).text() for n in range(first, last + 1)]


def heading(edit: QPlainTextEdit, level: int = 2) -> None:
    """Make the cursor's line a heading of ``level`` (## or ###); again, back to text."""
    lines = _lines(edit)
    marks = "#" * level + " "
    out = []
    for line in lines:
        if line.startswith(marks):
            out.append(line[len(marks) :])
        else:
            out.append(marks + _HEADING.sub("", line))
    _rewrite_lines(edit, out)


def bulleted(edit: QPlainTextEdit) -> None:
    """Start each selected line with "- "; lines that all have one lose it."""
    lines = _lines(edit)
    if all(_BULLET.match(line) for line in lines if line.strip()) and any(line.strip() for line in lines):
        _rewrite_lines(edit, [_BULLET.sub(r"\1", line) for line in lines])
    else:
        _rewrite_lines(edit, [("- " + _NUMBER.sub(r"\1", line)) if line.strip() or len(lines) == 1 else line
                              for line in lines])


def numbered(edit: QPlainTextEdit) -> None:
    """Number the selected lines 1., 2., …; lines that all have numbers lose them."""
    lines = _lines(edit)
    if all(_NUMBER.match(line) for line in lines if line.strip()) and any(line.strip() for line in lines):
        _rewrite_lines(edit, [_NUMBER.sub(r"\1", line) for line in lines])
        return
    out, number = [], 1
    for line in lines:
        if line.strip() or len(lines) == 1:
            out.append(f"{number}. " + _BULLET.sub(r"\1", line))
            number += 1
        else:
            out.append(line)
    _rewrite_lines(edit, out)


def wrap(edit: QPlainTextEdit, marker: str = "**") -> None:
    """Put ``marker`` around the selection (bold), or insert a pair with the cursor between."""
    cursor = edit.textCursor()
    text = cursor.selectedText()
    cursor.beginEditBlock()
    if text:
        cursor.insertText(f"{marker}{text}{marker}")
    else:
        cursor.insertText(marker * 2)
        cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.MoveAnchor, len(marker))
    cursor.endEditBlock()
    edit.setTextCursor(cursor)


def insert_block(edit: QPlainTextEdit, text: str) -> None:
    """Insert a block (a table) on lines of its own, with an empty line before and after."""
    cursor = edit.textCursor()
    cursor.beginEditBlock()
    cursor.clearSelection()
    line = cursor.block().text()
    if line.strip():
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertText("\n\n")
    elif cursor.block().previous().isValid() and cursor.block().previous().text().strip():
        cursor.insertText("\n")
    start = cursor.position()
    cursor.insertText(text + "\n")
    cursor.endEditBlock()
    cursor.setPosition(start + 2)  # into the first header cell
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


def insert_inline(edit: QPlainTextEdit, text: str) -> None:
    """Insert text at the cursor (replacing a selection) as one undo step."""
    cursor = edit.textCursor()
    cursor.beginEditBlock()
    cursor.insertText(text)
    cursor.endEditBlock()
    edit.setTextCursor(cursor)


def link_markdown(label: str, target: str, image: bool = False) -> str:
    """``[label](target)`` (``![label](target)`` for an image); brackets in the label escaped and
    a target with spaces or parentheses put in ``<…>``."""
    label = label.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace("\n", " ")
    if re.search(r"[\s()<>]", target):
        target = "<" + target.replace("<", "%3C").replace(">", "%3E") + ">"
    return f"{'!' if image else ''}[{label}]({target})"
