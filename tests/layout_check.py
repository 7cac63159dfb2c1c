"""A layout check for any page or panel: which shown widgets stick out of what shows them.

Qt clips a child to its parent and a scroll area's contents to its viewport without a word, so a
column whose content is wider than the column looks cut off at its right edge while every size
hint test still passes. `overflows(root)` walks the widgets shown inside `root` and reports each
one whose rectangle reaches past

* the visible width of the nearest enclosing QScrollArea's viewport, unless that scroll area
  shows a horizontal scroll bar (then the user can scroll to it); the same for the height, where
  a shown vertical scroll bar is the usual, legitimate case;
* its parent's rectangle (outside a scroll area's contents, which are measured as above);

and each word-wrapped label shown lower than its wrapped text needs at its width (its last
lines cut off).

Left alone, as Qt or the user can always bring them into view: hidden widgets, windows (menus,
dialogs), scroll bars and their containers, splitter handles, and everything inside item views
(tables, lists) and graphics views (plots), which scroll their own content.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QFormLayout, QGraphicsView, QGroupBox,
                               QLabel, QLineEdit, QScrollArea, QScrollBar, QSplitterHandle, QWidget)

MAX_LINES = 30  # a failure lists at most this many widgets (the first ones found, outermost first)


def overflows(root: QWidget) -> list[str]:
    """One line per widget shown in `root` (which must be shown) that reaches past the visible
    area of its scroll area or past its parent, or per wrapped label whose last lines are cut off:
    class, name or text, where and by how many pixels. An empty list when everything can be seen
    (or scrolled to)."""
    problems = []
    for widget in root.findChildren(QWidget):
        if _checked(widget, root):
            problems += _overflow_lines(widget) + _cut_text_lines(widget)
    if len(problems) > MAX_LINES:
        problems = problems[:MAX_LINES] + [f"… and {len(problems) - MAX_LINES} more"]
    return problems


def _checked(widget: QWidget, root: QWidget) -> bool:
    """Whether `widget` is one the user should see whole: shown in `root`, not a window, not a
    scroll bar or splitter handle, and not inside an item view or a graphics view."""
    if widget.isWindow() or not widget.isVisibleTo(root) or widget.width() <= 0 or widget.height() <= 0:
        return False
    if isinstance(widget, (QScrollBar, QSplitterHandle)) or widget.objectName().startswith("qt_scrollarea_"):
        return False
    ancestor = widget.parentWidget()
    while ancestor is not None and ancestor is not root:
        if isinstance(ancestor, (QAbstractItemView, QGraphicsView)):
            return False
        ancestor = ancestor.parentWidget()
    return True


def _overflow_lines(widget: QWidget) -> list[str]:
    """The report lines for one widget: past its scroll area's visible area, past its parent."""
    lines = []
    scroll = _enclosing_scroll_area(widget)
    if scroll is not None:
        viewport = scroll.viewport()
        rect = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
        sides = _sides_past(rect, viewport.rect(), horizontal=not scroll.horizontalScrollBar().isVisible(),
                            vertical=not scroll.verticalScrollBar().isVisible())
        if sides:
            lines.append(f"{describe(widget)} reaches past the visible area of {describe(scroll)} "
                         f"({viewport.width()}x{viewport.height()} px): {sides}")
    parent = widget.parentWidget()
    is_scrolled_content = scroll is not None and scroll.widget() == widget
    if parent is not None and not is_scrolled_content:
        sides = _sides_past(widget.geometry(), parent.rect(), horizontal=True, vertical=True)
        if sides:
            lines.append(f"{describe(widget)} reaches past its parent {describe(parent)} "
                         f"({parent.width()}x{parent.height()} px): {sides}")
    return lines


def _cut_text_lines(widget: QWidget) -> list[str]:
    """A report line when `widget` is a word-wrapped label lower than its text needs at its width."""
    if not isinstance(widget, QLabel) or not widget.wordWrap() or not widget.text() or not widget.pixmap().isNull():
        return []
    needed = widget.heightForWidth(widget.width())
    if needed <= widget.height():
        return []
    return [f"{describe(widget)} is {widget.height()} px high, its wrapped text needs {needed} px: "
            f"{needed - widget.height()} px at the bottom cut off"]


def _enclosing_scroll_area(widget: QWidget) -> QScrollArea | None:
    """The nearest QScrollArea whose scrolled content is `widget` or holds it."""
    ancestor = widget.parentWidget()
    while ancestor is not None:
        content = ancestor.widget() if isinstance(ancestor, QScrollArea) else None
        if content is not None and (content == widget or content.isAncestorOf(widget)):
            return ancestor
        ancestor = ancestor.parentWidget()
    return None


def _sides_past(rect: QRect, visible: QRect, horizontal: bool, vertical: bool) -> str:
    """'12 px on the right, 3 px at the bottom' for the parts of `rect` outside `visible`,
    looking only along the directions asked for; '' when nothing is outside."""
    # QRect.right() is left + width - 1, so compare the exclusive edges.
    past = []
    if horizontal:
        past += [(visible.x() - rect.x(), "on the left"),
                 (rect.x() + rect.width() - (visible.x() + visible.width()), "on the right")]
    if vertical:
        past += [(visible.y() - rect.y(), "at the top"),
                 (rect.y() + rect.height() - (visible.y() + visible.height()), "at the bottom")]
    return ", ".join(f"{pixels} px {side}" for pixels, side in past if pixels > 0)


def describe(widget: QWidget) -> str:
    """The widget's class, object name, the text it shows and the label of its form row, e.g.
    `QComboBox #units "NCHW" (row "Channel order")`, so a failure says which widget it is."""
    parts = [type(widget).__name__]
    if widget.objectName() and not widget.objectName().startswith("qt_"):
        parts.append(f"#{widget.objectName()}")
    text = _shown_text(widget)
    if text:
        parts.append(f'"{text[:40]}"')
    row = _form_row_label(widget)
    if row:
        parts.append(f'(row "{row}")')
    return " ".join(parts)


def _shown_text(widget: QWidget) -> str:
    """The text a user reads on the widget itself, markup removed ('' when it shows none)."""
    if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
        text = widget.text() or (widget.placeholderText() if isinstance(widget, QLineEdit) else "")
    elif isinstance(widget, QGroupBox):
        text = widget.title()
    elif isinstance(widget, QComboBox):
        text = widget.currentText()
    else:
        text = ""
    return re.sub(r"<[^>]+>", "", text).replace("\n", " ").strip()


def _form_row_label(widget: QWidget) -> str:
    """The label text of the QFormLayout row that holds `widget` (directly or in a nested
    layout of the row), '' when it is in no form row."""
    parent = widget.parentWidget()
    form = parent.layout() if parent is not None else None
    if not isinstance(form, QFormLayout):
        return ""
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is None or field is None or label.widget() is None:
            continue
        if field.widget() is widget or (field.layout() is not None and _layout_holds(field.layout(), widget)):
            return _shown_text(label.widget())
    return ""


def _layout_holds(layout, widget: QWidget) -> bool:
    """Whether `widget` is an item of `layout` or of a layout nested in it."""
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is widget or (item.layout() is not None and _layout_holds(item.layout(), widget)):
            return True
    return False


def texts_over_legends(root: QWidget) -> list[str]:
    """One line per text drawn inside a shown pyqtgraph plot of `root` (a line's label, a text
    item) that overlaps the plot's legend, where one of the two hides the other."""
    import pyqtgraph as pg

    problems = []
    for plot in root.findChildren(pg.PlotWidget):
        legend = plot.getPlotItem().legend
        if not plot.isVisibleTo(root) or legend is None or not legend.isVisible() or not legend.items:
            continue
        covered = legend.sceneBoundingRect()
        for item in plot.scene().items():
            if isinstance(item, pg.TextItem) and item.isVisible() and item.toPlainText() and \
                    not legend.isAncestorOf(item) and item.sceneBoundingRect().intersects(covered):
                title = re.sub(r"<[^>]+>", "", plot.getPlotItem().titleLabel.text)
                problems.append(f'text "{item.toPlainText()}" overlaps the legend of the plot "{title}"')
    return problems
