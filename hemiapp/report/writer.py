"""A small layer over QTextCursor: paragraphs and tables, and the marks pagination reads.

Text goes in with ``QTextCursor.insertText`` only, never as HTML, so whatever a
patient or nurse typed (``<b>x</b>``, ``&amp;``) prints exactly as typed.

Pagination (hemiapp.report.printing) keeps together what is marked here: each
table is never split across pages (``UNIT``); a paragraph marked ``KEEP_WITH_NEXT``
(a heading) always goes to the next page with what follows it; a table marked
``KEEP_TOGETHER`` stays on one page with the next one when the whole run of them
fits on a page (the warning signs: one list, not two halves).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
    QTextTableFormat,
)

#: Format property: what pagination must keep together (see the module docstring).
ROLE = int(QTextFormat.Property.UserProperty.value) + 1
UNIT, KEEP_WITH_NEXT, KEEP_TOGETHER = "unit", "keep-with-next", "keep-together"
#: Format property: set on a page break that pagination added (and may take out again).
AUTO_BREAK = int(QTextFormat.Property.UserProperty.value) + 2

BLACK, GREY = QColor("#000000"), QColor("#3a3a3a")
FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Segoe UI Symbol"]

Run = tuple[str, QTextCharFormat]
Line = Sequence[Run]


def char(
    size: float, *, bold: bool = False, italic: bool = False, grey: bool = False
) -> QTextCharFormat:
    """A character format: size in points, black (or dark grey) for black-and-white printers."""
    fmt = QTextCharFormat()
    fmt.setFontFamilies(FONT_FAMILIES)
    fmt.setFontPointSize(size)
    fmt.setFontWeight(QFont.Weight.Bold.value if bold else QFont.Weight.Normal.value)
    fmt.setFontItalic(italic)
    fmt.setForeground(QBrush(GREY if grey else BLACK))
    return fmt


def block(
    *, top: float = 0, bottom: float = 0, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
) -> QTextBlockFormat:
    """A paragraph format; margins in CSS pixels (1/96 inch; scaled to the printer)."""
    fmt = QTextBlockFormat()
    fmt.setTopMargin(top)
    fmt.setBottomMargin(bottom)
    fmt.setAlignment(align)
    return fmt


def default_font() -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(10)
    return font


def _length(width: float | QTextLength | None) -> QTextLength:
    if width is None:
        return QTextLength(QTextLength.Type.VariableLength, 0)
    if isinstance(width, QTextLength):
        return width
    return QTextLength(QTextLength.Type.PercentageLength, width)


def table_format(
    widths: Sequence[float | QTextLength | None],
    *,
    border: float = 0,
    padding: float = 4,
    top: float = 0,
) -> QTextTableFormat:
    """A full-width table; ``widths`` in percent, as a QTextLength, or ``None`` (the rest)."""
    fmt = QTextTableFormat()
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    fmt.setColumnWidthConstraints([_length(w) for w in widths])
    fmt.setBorderCollapse(True)
    fmt.setBorder(border)
    fmt.setBorderBrush(QBrush(BLACK))
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setCellSpacing(0)
    fmt.setCellPadding(padding)
    fmt.setMargin(0)
    fmt.setTopMargin(top)
    return fmt


def underline_cells(table: QTextTable, width: float = 0.75) -> None:
    """A thin grey rule under the table's last row (the rows of a list)."""
    for column in range(table.columns()):
        cell = table.cellAt(table.rows() - 1, column)
        fmt = cell.format().toTableCellFormat()
        fmt.setBottomBorder(width)
        fmt.setBottomBorderBrush(QBrush(QColor("#808080")))
        fmt.setBottomBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        cell.setFormat(fmt)


def pad_cell(table: QTextTable, row: int, column: int, top: float) -> None:
    """More room above a cell's text (for handwriting on a blank line)."""
    cell = table.cellAt(row, column)
    fmt = cell.format().toTableCellFormat()
    fmt.setTopPadding(top)
    cell.setFormat(fmt)


def outline_only(table: QTextTable) -> None:
    """No rules between the columns of a bordered one-row table: a box around the row."""
    last = table.columns() - 1
    for column in range(table.columns()):
        cell = table.cellAt(0, column)
        fmt = cell.format().toTableCellFormat()
        if column > 0:
            fmt.setLeftBorder(0)
            fmt.setLeftBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
        if column < last:
            fmt.setRightBorder(0)
            fmt.setRightBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
        cell.setFormat(fmt)


class Writer:
    """Appends paragraphs and tables to a document, keeping the block structure tidy."""

    def __init__(self, document: QTextDocument) -> None:
        self.document = document
        self.cursor = QTextCursor(document)
        self._fresh = True  # the cursor's block is empty and still unused
        self._after_table = False
        self._last_table: QTextTable | None = None

    def paragraph(
        self,
        runs: Line,
        fmt: QTextBlockFormat | None = None,
        *,
        keep_with_next: bool = False,
    ) -> None:
        fmt = QTextBlockFormat(fmt) if fmt is not None else QTextBlockFormat()
        if keep_with_next:
            fmt.setProperty(ROLE, KEEP_WITH_NEXT)
        cursor = self.cursor
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if self._last_table is not None and self._after_table and fmt.topMargin():
            # Qt lays a paragraph that follows a table out without its top margin:
            # give the space to the table, below it.
            table_fmt = self._last_table.format()
            table_fmt.setBottomMargin(max(table_fmt.bottomMargin(), fmt.topMargin()))
            self._last_table.setFormat(table_fmt)
        if self._fresh:
            cursor.setBlockFormat(fmt)
        else:
            cursor.insertBlock(fmt)
        if runs:
            cursor.setBlockCharFormat(runs[0][1])
        for text, run_format in runs:
            cursor.insertText(text, run_format)
        self._fresh = self._after_table = False

    def table(
        self,
        rows: int,
        fmt: QTextTableFormat,
        *,
        role: str = UNIT,
    ) -> QTextTable:
        """A table that pagination keeps on one page (space above it: its top margin)."""
        cursor = self.cursor
        cursor.movePosition(QTextCursor.MoveOperation.End)
        fmt = QTextTableFormat(fmt)
        fmt.setProperty(ROLE, role)
        table = cursor.insertTable(rows, len(fmt.columnWidthConstraints()), fmt)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self._fresh = self._after_table = True
        self._last_table = table
        return table

    @staticmethod
    def fill(
        table: QTextTable, row: int, column: int, lines: Sequence[Line], fmt: QTextBlockFormat
    ) -> None:
        """Write ``lines`` (one paragraph each) into a cell."""
        cursor = table.cellAt(row, column).firstCursorPosition()
        for index, line in enumerate(lines):
            if index:
                cursor.insertBlock(fmt)
            else:
                cursor.setBlockFormat(fmt)
            if line:  # merged: a cell keeps its own format (borders) in its first block's
                cursor.mergeBlockCharFormat(line[0][1])
            for text, run_format in line:
                cursor.insertText(text, run_format)
