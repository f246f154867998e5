"""Paginate and paint a printout: to PDF, to a printer, or to a preview's device.

Pagination (hemiapp.report.paginate) is done once, by ``lay_out``, at 96 dpi on the
printout's paper and margins, never on the device: a preview, a PDF and a printer
get the same pages. Painting then goes page by page, with a footer: the content
version and "Page 2 of 3" in the printout's language.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from hemiapp.report.document import FOOTER, PAGE_LABEL, PAGE_SIZE, PageSize
from hemiapp.report.errors import (
    NO_PRINTER,
    PDF_FAILED,
    PRINTER_FAILED,
    UNKNOWN_PRINTER,
    PrintError,
)
from hemiapp.report.paginate import LAYOUT_DPI, layout_device, paginate
from hemiapp.report.writer import FONT_FAMILIES

MARGIN_MM = 15.0
FOOTER_INCH = 0.32  # the band under the text for the footer line
JOB_NAME = "HemiGuide checklist"  # never the patient's name: print queues are visible to all
_PAGE_IDS = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
# Where Letter paper is the norm (ISO 3166 codes); A4 everywhere else.
_LETTER_TERRITORIES = frozenset(
    "US CA MX PR PH CL CO VE CR GT SV HN NI PA DO BZ".split()  # noqa: SIM905
)


def page_size_for_locale(locale_name: str | None = None) -> PageSize:
    """Letter for the US, Canada, Mexico and the other Letter countries; A4 otherwise.

    ``locale_name`` like ``en_US`` or ``es_MX.UTF-8``; default: the system's locale."""
    name = locale_name if locale_name is not None else QLocale.system().name()
    parts = name.split(".")[0].split("@")[0].replace("-", "_").split("_")
    return "Letter" if len(parts) > 1 and parts[1].upper() in _LETTER_TERRITORIES else "A4"


# --- painting -------------------------------------------------------------------------------


def _footer_font() -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(7.5)
    return font


def page_layout(page_size: str) -> QPageLayout:
    """The printout's paper: ``page_size`` (A4 or Letter), portrait, MARGIN_MM all round."""
    return QPageLayout(
        QPageSize(_PAGE_IDS.get(page_size, QPageSize.PageSizeId.A4)),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


@dataclass
class Laid:
    """A printout laid out into pages (at LAYOUT_DPI), ready to paint on any device."""

    document: QTextDocument  # a copy, with the page breaks pagination added
    width: float  # the text's width, in layout pixels
    body: float  # one page's text height, in layout pixels
    pages: int
    page_size: str
    label: str  # "Page {page} of {pages}", in the printout's language
    footer: str


def lay_out(document: QTextDocument, page_size: str | None = None) -> Laid:
    """Paginate ``document`` for its paper (or ``page_size``). The one pagination path:
    the page count depends on the paper and the margins only, never on the device, so
    the preview, the PDF and the printer all show the same pages.
    Works on a copy: the document itself is left as it was."""
    paper = page_size or str(document.property(PAGE_SIZE) or page_size_for_locale())
    rect = page_layout(paper).paintRect(QPageLayout.Unit.Point)
    copy = document.clone()
    copy.setDocumentMargin(document.documentMargin())
    # Whole layout pixels: Qt paginates in 1/64 px fixed point, and a page height it
    # cannot represent exactly puts lines a hair above the page break.
    width = float(math.floor(rect.width() * LAYOUT_DPI / 72))
    body = float(math.floor(rect.height() * LAYOUT_DPI / 72 - LAYOUT_DPI * FOOTER_INCH))
    copy.documentLayout().setPaintDevice(layout_device())
    copy.setPageSize(QSizeF(width, body))
    pages = paginate(copy, body)
    label = str(document.property(PAGE_LABEL) or "{page} / {pages}")
    return Laid(copy, width, body, pages, paper, label, str(document.property(FOOTER) or ""))


def paint(laid: Laid, printer: QPagedPaintDevice) -> None:
    """Paint every page of ``laid`` on ``printer`` (its paper set with ``prepare``).

    The layout is done at 96 dpi with the fonts' design metrics and scaled to the
    device."""
    scale_x = printer.logicalDpiX() / LAYOUT_DPI
    scale_y = printer.logicalDpiY() / LAYOUT_DPI
    width, body, pages = laid.width, laid.body, laid.pages
    layout = laid.document.documentLayout()
    footer = LAYOUT_DPI * FOOTER_INCH
    band = QRectF(0, body * scale_y, printer.width(), footer * scale_y)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(
            "The printer could not start the job. Check that it is on and ready.",
            PRINTER_FAILED,
        )
    try:
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, QColor("#000000"))
        for page in range(pages):
            if page and not printer.newPage():
                raise PrintError(
                    "The printer stopped during the job. Check the printer.", PRINTER_FAILED
                )
            painter.save()
            painter.scale(scale_x, scale_y)
            painter.translate(QPointF(0, -page * body))
            painter.setClipRect(QRectF(0, page * body, width, body))
            # A hair inside the page: what touches a page boundary belongs to one page
            # only (else it is drawn, clipped but present in the PDF's text, on both).
            context.clip = QRectF(0, page * body + 0.01, width, body - 0.02)
            layout.draw(painter, context)
            painter.restore()
            number = laid.label.format(page=page + 1, pages=pages)
            _paint_footer(painter, printer, band, laid.footer, number)
    finally:
        painter.end()


def render(document: QTextDocument, printer: QPagedPaintDevice) -> int:
    """Paginate ``document`` for ``printer``'s paper (A4 or Letter; else the document's)
    and paint every page on it; return the page count."""
    paper_id = printer.pageLayout().pageSize().id()
    paper = next((name for name, known in _PAGE_IDS.items() if known == paper_id), None)
    laid = lay_out(document, paper)
    paint(laid, printer)
    return laid.pages


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


def prepare(device: QPagedPaintDevice, page_size: str) -> None:
    """Set ``device``'s paper and margins to the printout's (see ``page_layout``)."""
    device.setPageLayout(page_layout(page_size))


def write_pdf(laid: Laid, path: str | os.PathLike[str], title: str = "") -> None:
    """Write a laid-out printout to a PDF file."""
    try:  # say why, rather than Qt's bare "QPainter::begin(): Returned false"
        with open(path, "wb"):
            pass
    except OSError as exc:
        raise PrintError(
            f"Cannot write the PDF file {path}: {exc.strerror}.", PDF_FAILED, str(path)
        ) from None
    writer = QPdfWriter(str(path))
    writer.setCreator("HemiGuide")
    writer.setTitle(title)
    prepare(writer, laid.page_size)
    try:
        paint(laid, writer)
    except PrintError:
        raise PrintError(
            f"Cannot write the PDF file {path}. Check the folder and the free space.",
            PDF_FAILED,
            str(path),
        ) from None


def print_pdf(
    document: QTextDocument, path: str | os.PathLike[str], page_size: PageSize | None = None
) -> int:
    """Write the printout to a PDF file; return the page count."""
    laid = lay_out(document, page_size)
    write_pdf(laid, path, document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    return laid.pages


def printer_info(printer_name: str | None) -> QPrinterInfo:
    """The printer to print on (None: the system's default); PrintError if there is none."""
    names = QPrinterInfo.availablePrinterNames()
    known = ", ".join(f"'{n}'" for n in names) if names else "none (is the print service running?)"
    if printer_name is None:
        info = QPrinterInfo.defaultPrinter()
        if info.isNull():
            raise PrintError(
                f"No default printer is set up. Printers available: {known}.", NO_PRINTER
            )
        return info
    if printer_name not in names:
        raise PrintError(
            f"No printer named '{printer_name}'. Printers available: {known}.",
            UNKNOWN_PRINTER,
            printer_name,
        )
    return QPrinterInfo.printerInfo(printer_name)


def send_to_printer(laid: Laid, info: QPrinterInfo) -> None:
    """Print a laid-out printout on the printer ``info``."""
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setDocName(JOB_NAME)
    printer.setCreator("HemiGuide")
    prepare(printer, laid.page_size)
    paint(laid, printer)
    if printer.printerState() is QPrinter.PrinterState.Error:
        raise PrintError(
            f"The printer '{info.printerName()}' did not accept the job.",
            PRINTER_FAILED,
            info.printerName(),
        )


def print_to_printer(document: QTextDocument, printer_name: str | None = None) -> int:
    """Print on a printer the system knows (None: its default printer); return the page count."""
    info = printer_info(printer_name)
    laid = lay_out(document)
    send_to_printer(laid, info)
    return laid.pages


__all__ = [
    "Laid",
    "PrintError",
    "lay_out",
    "page_layout",
    "page_size_for_locale",
    "paginate",
    "paint",
    "prepare",
    "print_pdf",
    "print_to_printer",
    "printer_info",
    "render",
    "send_to_printer",
    "write_pdf",
]
