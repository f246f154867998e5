"""The printout's "Call 911 now" box: the signs to call 911 for, first among the signs.

One table (never split across pages) with a thick black border, a solid black banner with
the bold heading in white, then each sign in full-size bold black text with its detail in
full-size black text (never small grey): it stands apart from the warning signs on any
printer, black and white included.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QBrush, QColor

from hemiapp.content.emergency import in_display_order
from hemiapp.content.models import Checklist, Item, ItemKind, Section
from hemiapp.report.writer import UNIT, Line, Writer, block, char, table_format

BORDER = 3.0  # px: twice a warning sign's
HEADING_PT, TEXT_PT = 14.0, 11.0
SYMBOL = "⚠"


def print_runs(checklist: Checklist) -> list[tuple[Section | None, list[Item]]]:
    """The items as printed, in runs of one section each; the emergency signs in one run
    (section None), first among the signs (hemiapp.content.emergency.in_display_order)."""
    runs: list[tuple[Section | None, list[Item]]] = []
    for section, item in in_display_order(checklist):
        key = None if item.kind is ItemKind.EMERGENCY else section
        if not runs or runs[-1][0] is not key:
            runs.append((key, []))
        runs[-1][1].append(item)
    return runs


def emergency_box(
    writer: Writer, signs: Sequence[tuple[Item, str]], language: str, labels: dict[str, str]
) -> None:
    """``signs``: each emergency item with the note a staff member wrote on it (or "")."""
    fmt = table_format((100.0,), border=BORDER, padding=5, top=10)
    table = writer.table(1 + len(signs), fmt, role=UNIT)
    banner = table.cellAt(0, 0)
    cell = banner.format().toTableCellFormat()
    cell.setBackground(QBrush(QColor("#000000")))
    banner.setFormat(cell)
    white = char(HEADING_PT, bold=True)
    white.setForeground(QBrush(QColor("#FFFFFF")))
    writer.fill(table, 0, 0, [[(f"{SYMBOL} {labels['emergency_heading']}", white)]], block())
    for row, (item, note) in enumerate(signs, 1):
        lines: list[Line] = [[(f"• {item.text.get(language)}", char(TEXT_PT, bold=True))]]
        if item.detail is not None:
            lines.append([(item.detail.get(language), char(TEXT_PT))])
        if note:
            label = (f"{labels['note']} ", char(TEXT_PT, bold=True))
            lines.append([label, (note, char(TEXT_PT, italic=True))])
        writer.fill(table, row, 0, lines, block(bottom=1))
