"""Pagination: page breaks so that no item is cut in two and no heading is left alone.

Two passes over Qt's own layout. The document is laid out at LAYOUT_DPI, then walked
in order: each item (a one-row table) and each heading with what it must stay with
is checked against the page height, and a page break is put before any that would
straddle a page boundary; the layout is redone from there and the walk goes on. So
no item is ever cut in two and no heading is left alone at the bottom of a page
(unless a single item is taller than a page); the warning signs stay on one page
when they fit on one.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QImage,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextTable,
)

from hemiapp.report.writer import AUTO_BREAK, KEEP_TOGETHER, KEEP_WITH_NEXT, ROLE, UNIT

LAYOUT_DPI = 96
Element = QTextBlock | QTextFrame


layout_devices: list[QImage] = []  # one, made when first needed, kept for good


def layout_device() -> QImage:
    """A device of exactly LAYOUT_DPI: the layout is the same whatever the printer."""
    if not layout_devices:
        device = QImage(1, 1, QImage.Format.Format_RGB32)
        dots_per_meter = round(LAYOUT_DPI / 0.0254)
        device.setDotsPerMeterX(dots_per_meter)
        device.setDotsPerMeterY(dots_per_meter)
        layout_devices.append(device)
    return layout_devices[0]


def _elements(document: QTextDocument) -> Group:
    """The marked paragraphs and tables of the top level, in order, with their role."""
    found: Group = []
    it = document.rootFrame().begin()
    while not it.atEnd():
        frame = it.currentFrame()
        if frame is not None:
            role = frame.frameFormat().property(ROLE)
            found.append((frame, str(role) if role else UNIT))
        else:
            block = it.currentBlock()
            role = block.blockFormat().property(ROLE)
            if role:
                found.append((block, str(role)))
        it += 1
    return found


Group = list[tuple[Element, str]]


def _groups(elements: Group, *, soft: bool) -> list[Group]:
    """Runs of elements to keep on one page: headings with what follows them, and
    (with ``soft``) runs of KEEP_TOGETHER tables too."""
    chained = {KEEP_WITH_NEXT, KEEP_TOGETHER} if soft else {KEEP_WITH_NEXT}
    groups: list[Group] = []
    current: Group = []
    for element, role in elements:
        current.append((element, role))
        if role not in chained:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


_TOP_PADDING = QTextFormat.Property.TableCellTopPadding
_TOP_BORDER = QTextFormat.Property.TableCellTopBorder
_TOP_BORDER_STYLE = QTextFormat.Property.TableCellTopBorderStyle
_offsets: dict[tuple[object, ...], float] = {}


def _offset_key(table: QTextTable) -> tuple[object, ...]:
    fmt = table.format()
    key: list[object] = [
        fmt.topMargin(),
        fmt.border(),
        fmt.padding(),
        fmt.cellPadding(),
        fmt.cellSpacing(),
        fmt.borderCollapse(),
        table.columns(),
    ]
    for column in range(table.columns()):
        cell = table.cellAt(0, column).format()
        key += [cell.property(p) for p in (_TOP_PADDING, _TOP_BORDER, _TOP_BORDER_STYLE)]
    return tuple(str(k) for k in key)


def _top_offset(table: QTextTable) -> float:
    """How far below a table's top Qt's frameBoundingRect() puts it.

    Qt adds the first cell's position to a table's rectangle: its top margin, its
    (collapsed, rounded) border and the cell's padding. Rather than redo Qt's border
    arithmetic, measure it once per kind of table: lay out a paragraph and then a
    table with the same formats, and see where Qt says the table is."""
    key = _offset_key(table)
    if key not in _offsets:
        probe = QTextDocument()
        cursor = QTextCursor(probe)
        cursor.insertText("x")
        copy = cursor.insertTable(1, table.columns(), table.format())
        for column in range(table.columns()):
            copy.cellAt(0, column).setFormat(table.cellAt(0, column).format())
        layout = probe.documentLayout()
        layout.setPaintDevice(layout_device())
        probe.setPageSize(QSizeF(1000, 100000))
        probe.pageCount()
        paragraph_bottom = layout.blockBoundingRect(probe.begin()).bottom()
        _offsets[key] = layout.frameBoundingRect(copy).top() - paragraph_bottom
    return _offsets[key]


def _rect(layout: QAbstractTextDocumentLayout, element: Element) -> QRectF:
    """Where an element is laid out (a table: from its top margin to its bottom margin)."""
    if isinstance(element, QTextTable):
        return layout.frameBoundingRect(element).translated(0, -_top_offset(element))
    if isinstance(element, QTextFrame):
        return layout.frameBoundingRect(element)
    return layout.blockBoundingRect(element)


def _break_before(element: Element) -> None:
    policy = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
    if isinstance(element, QTextFrame):
        frame_format = element.frameFormat()
        frame_format.setPageBreakPolicy(policy)
        frame_format.setProperty(AUTO_BREAK, True)
        element.setFrameFormat(frame_format)
    else:
        block_format = element.blockFormat()
        block_format.setPageBreakPolicy(policy)
        block_format.setProperty(AUTO_BREAK, True)
        QTextCursor(element).setBlockFormat(block_format)


def paginate(document: QTextDocument, page_height: float) -> int:
    """Add page breaks so that no marked group straddles a page; return the page count.

    The document must already have its page size and paint device set."""
    layout = document.documentLayout()
    document.pageCount()  # lays the whole document out
    tolerance = page_height * 1e-4

    def span(group: Group) -> tuple[float, float]:
        return _rect(layout, group[0][0]).top(), _rect(layout, group[-1][0]).bottom()

    for soft_group in _groups(_elements(document), soft=True):
        top, bottom = span(soft_group)
        fits = bottom - top <= page_height
        for group in [soft_group] if fits else _groups(soft_group, soft=False):
            top, bottom = span(group)
            first_page = int((top + tolerance) // page_height)
            last_page = int((bottom - tolerance) // page_height)
            at_page_top = top - first_page * page_height <= tolerance
            if first_page != last_page and bottom - top <= page_height and not at_page_top:
                _break_before(group[0][0])
                document.pageCount()  # lays out again from the change on
    return document.pageCount()
