"""Paginate and paint a printout: to PDF, to a printer, or to a preview's device.

Pagination is two passes over Qt's own layout. The document is laid out for the
target device, then walked in order: each item (a one-row table) and each heading
with what it must stay with is checked against the page height, and a page break
is put before any that would straddle a page boundary; the layout is redone from
there and the walk goes on. So no item is ever cut in two and no heading is left
alone at the bottom of a page (unless a single item is taller than a page); the
warning signs stay on one page when they fit on one.
Painting then goes page by page, with a footer: the content version and
"Page 2 of 3" in the printout's language.
"""

from __future__ import annotations

import math
import os

from PySide6.QtCore import QLocale, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextTable,
)
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from hemiapp.report.document import FOOTER, PAGE_LABEL, PAGE_SIZE, PageSize
from hemiapp.report.errors import PrintError
from hemiapp.report.writer import (
    AUTO_BREAK,
    FONT_FAMILIES,
    KEEP_TOGETHER,
    KEEP_WITH_NEXT,
    ROLE,
    UNIT,
)

MARGIN_MM = 15.0
LAYOUT_DPI = 96
FOOTER_INCH = 0.32  # the band under the text for the footer line
JOB_NAME = "HemiGuide checklist"  # never the patient's name: print queues are visible to all
_PAGE_IDS = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
# Where Letter paper is the norm (ISO 3166 codes); A4 everywhere else.
_LETTER_TERRITORIES = frozenset(
    "US CA MX PR PH CL CO VE CR GT SV HN NI PA DO BZ".split()  # noqa: SIM905
)

Element = QTextBlock | QTextFrame


def page_size_for_locale(locale_name: str | None = None) -> PageSize:
    """Letter for the US, Canada, Mexico and the other Letter countries; A4 otherwise.

    ``locale_name`` like ``en_US`` or ``es_MX.UTF-8``; default: the system's locale."""
    name = locale_name if locale_name is not None else QLocale.system().name()
    parts = name.split(".")[0].split("@")[0].replace("-", "_").split("_")
    return "Letter" if len(parts) > 1 and parts[1].upper() in _LETTER_TERRITORIES else "A4"


# --- pagination ------------------------------------------------------------------------------


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
        layout.setPaintDevice(_layout_device())
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


# --- painting -------------------------------------------------------------------------------


def _footer_font() -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(7.5)
    return font


_layout_devices: list[QImage] = []  # one, made when first needed, kept for good


def _layout_device() -> QImage:
    """A device of exactly LAYOUT_DPI: the layout is the same whatever the printer."""
    if not _layout_devices:
        device = QImage(1, 1, QImage.Format.Format_RGB32)
        dots_per_meter = round(LAYOUT_DPI / 0.0254)
        device.setDotsPerMeterX(dots_per_meter)
        device.setDotsPerMeterY(dots_per_meter)
        _layout_devices.append(device)
    return _layout_devices[0]


def render(document: QTextDocument, printer: QPagedPaintDevice) -> int:
    """Paginate ``document`` for ``printer``'s paper and paint every page; return the page count.

    The layout is done at 96 dpi with the fonts' design metrics and scaled to the
    printer, so a preview and a print of the same paper size paginate the same way.
    Works on a copy: the document itself is left as it was."""
    copy = document.clone()
    copy.setDocumentMargin(document.documentMargin())
    device = _layout_device()
    scale_x = printer.logicalDpiX() / LAYOUT_DPI
    scale_y = printer.logicalDpiY() / LAYOUT_DPI
    # Whole layout pixels: Qt paginates in 1/64 px fixed point, and a page height it
    # cannot represent exactly puts lines a hair above the page break.
    width = float(math.floor(printer.width() / scale_x))
    footer = LAYOUT_DPI * FOOTER_INCH
    body = float(math.floor(printer.height() / scale_y - footer))
    layout = copy.documentLayout()
    layout.setPaintDevice(device)
    copy.setPageSize(QSizeF(width, body))
    pages = paginate(copy, body)
    label = str(document.property(PAGE_LABEL) or "{page} / {pages}")
    left = str(document.property(FOOTER) or "")
    band = QRectF(0, body * scale_y, printer.width(), footer * scale_y)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("The printer could not start the job. Check that it is on and ready.")
    try:
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, QColor("#000000"))
        for page in range(pages):
            if page and not printer.newPage():
                raise PrintError("The printer stopped during the job. Check the printer.")
            painter.save()
            painter.scale(scale_x, scale_y)
            painter.translate(QPointF(0, -page * body))
            painter.setClipRect(QRectF(0, page * body, width, body))
            # A hair inside the page: what touches a page boundary belongs to one page
            # only (else it is drawn, clipped but present in the PDF's text, on both).
            context.clip = QRectF(0, page * body + 0.01, width, body - 0.02)
            layout.draw(painter, context)
            painter.restore()
            _paint_footer(painter, printer, band, left, label.format(page=page + 1, pages=pages))
    finally:
        painter.end()
    return pages


def _paint_footer(
    painter: QPainter,
    printer: QPagedPaintDevice,
    band: QRectF,
    left: str,
    number: str,
) -> None:
    """The footer line, in the printer's own coordinates."""
    font = _footer_font()
    painter.setFont(font)
    metrics = QFontMetricsF(font, printer)
    pen = QPen(QColor("#000000"))
    pen.setWidthF(printer.logicalDpiY() / 144)  # half a point
    painter.setPen(pen)
    line_y = band.top() + band.height() * 0.3
    painter.drawLine(QPointF(band.left(), line_y), QPointF(band.right(), line_y))
    text = QRectF(band.left(), line_y, band.width(), band.bottom() - line_y)
    room = band.width() - metrics.horizontalAdvance(number) - metrics.averageCharWidth() * 4
    elided = metrics.elidedText(left, Qt.TextElideMode.ElideRight, max(0.0, room))
    painter.drawText(text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
    painter.drawText(text, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, number)


# --- targets --------------------------------------------------------------------------------


def _prepare(device: QPagedPaintDevice, page_size: str) -> None:
    device.setPageSize(QPageSize(_PAGE_IDS.get(page_size, QPageSize.PageSizeId.A4)))
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    device.setPageMargins(margins, QPageLayout.Unit.Millimeter)


def print_pdf(
    document: QTextDocument, path: str | os.PathLike[str], page_size: PageSize | None = None
) -> int:
    """Write the printout to a PDF file; return the page count."""
    try:  # say why, rather than Qt's bare "QPainter::begin(): Returned false"
        with open(path, "wb"):
            pass
    except OSError as exc:
        raise PrintError(f"Cannot write the PDF file {path}: {exc.strerror}.") from None
    writer = QPdfWriter(str(path))
    writer.setCreator("HemiGuide")
    writer.setTitle(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    _prepare(writer, page_size or str(document.property(PAGE_SIZE) or page_size_for_locale()))
    try:
        return render(document, writer)
    except PrintError:
        raise PrintError(
            f"Cannot write the PDF file {path}. Check the folder and the free space."
        ) from None


def _printer_info(printer_name: str | None) -> QPrinterInfo:
    names = QPrinterInfo.availablePrinterNames()
    known = ", ".join(f"'{n}'" for n in names) if names else "none (is the print service running?)"
    if printer_name is None:
        info = QPrinterInfo.defaultPrinter()
        if info.isNull():
            raise PrintError(f"No default printer is set up. Printers available: {known}.")
        return info
    if printer_name not in names:
        raise PrintError(f"No printer named '{printer_name}'. Printers available: {known}.")
    return QPrinterInfo.printerInfo(printer_name)


def print_to_printer(document: QTextDocument, printer_name: str | None = None) -> int:
    """Print on a printer the system knows (None: its default printer); return the page count."""
    info = _printer_info(printer_name)
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setDocName(JOB_NAME)
    printer.setCreator("HemiGuide")
    _prepare(printer, str(document.property(PAGE_SIZE) or page_size_for_locale()))
    pages = render(document, printer)
    if printer.printerState() is QPrinter.PrinterState.Error:
        raise PrintError(f"The printer '{info.printerName()}' did not accept the job.")
    return pages


__all__ = [
    "PrintError",
    "page_size_for_locale",
    "paginate",
    "print_pdf",
    "print_to_printer",
    "render",
]
