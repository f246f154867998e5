"""A staff member's print preview: the printout's pages as they will print, and Print….

Qt's own QPrintPreviewDialog hid Print behind its toolbar's overflow arrow at the
app's text sizes, had no Close button and opened at 37%. This one has large
buttons that wrap onto a second row rather than hide, opens fitted to the width,
and says "Page 1 of 4". The pages are the ones the print will have: they are laid
out once (hemiapp.report.printing.lay_out) and painted on the preview.

Non-blocking: ``open()``, then ``print_chosen`` (a printer was chosen in the print
dialog) or ``finished``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from hemiapp.report.printing import Laid, paint, prepare
from hemiapp.ui.flow import FlowLayout
from hemiapp.ui.widgets import button, fill, label, set_text

#: Qt's print dialog, under the app's large-text stylesheet: less padding on its buttons.
PRINT_DIALOG_STYLE = "QPushButton { padding: 6px 12px; }"


class PreviewDialog(QDialog):
    print_chosen = Signal(QPrinter)  # the print dialog was accepted: print on this printer

    def __init__(self, laid: Laid, printer_name: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("print-preview")
        self.laid = laid
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if printer_name:
            self.printer.setPrinterName(printer_name)
        prepare(self.printer, laid.page_size)
        self.print_dialog: QPrintDialog | None = None

        self.print_button = button("primary")
        self.print_button.setObjectName("preview-print")
        self.print_button.clicked.connect(self.choose_printer)
        self.previous = button()
        self.previous.setObjectName("preview-previous")
        self.next = button()
        self.next.setObjectName("preview-next")
        self.page_label: QLabel = label("strong", wrap=False)
        self.page_label.setObjectName("preview-page")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        self.zoom_out = button()
        self.zoom_out.setObjectName("preview-zoom-out")
        self.zoom_in = button()
        self.zoom_in.setObjectName("preview-zoom-in")
        self.fit = button()
        self.fit.setObjectName("preview-fit")
        self.close_button = button()
        self.close_button.setObjectName("preview-close")
        self.close_button.clicked.connect(self.reject)

        self.view = QPrintPreviewWidget(self.printer, self)
        self.view.setObjectName("preview-pages")
        self.view.paintRequested.connect(lambda target: paint(self.laid, target))
        self.view.previewChanged.connect(self._show_page)
        self.previous.clicked.connect(lambda: self._go(-1))
        self.next.clicked.connect(lambda: self._go(1))
        self.zoom_out.clicked.connect(lambda: self.view.zoomOut())
        self.zoom_in.clicked.connect(lambda: self.view.zoomIn())
        self.fit.clicked.connect(self.view.fitToWidth)

        tools = QWidget()
        flow = FlowLayout(tools, spacing=10)
        for widget in (
            self.print_button,
            self.previous,
            self.page_label,
            self.next,
            self.zoom_out,
            self.zoom_in,
            self.fit,
            self.close_button,
        ):
            flow.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(tools)
        layout.addWidget(self.view, 1)
        self.view.setZoomMode(QPrintPreviewWidget.ZoomMode.FitToWidth)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print preview"))
        set_text(self.print_button, self.tr("Print…"))
        set_text(self.previous, self.tr("Previous page"))
        set_text(self.next, self.tr("Next page"))
        set_text(self.zoom_out, self.tr("Smaller"))
        set_text(self.zoom_in, self.tr("Larger"))
        set_text(self.fit, self.tr("Fit to width"))
        set_text(self.close_button, self.tr("Close"))
        self._show_page()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # level with the buttons beside it (the flow lines its items up at their tops)
        self.page_label.setMinimumHeight(self.next.sizeHint().height())

    def page_count(self) -> int:
        return self.view.pageCount()

    def _go(self, step: int) -> None:
        self.view.setCurrentPage(self.view.currentPage() + step)
        self._show_page()

    def _show_page(self) -> None:
        pages = max(self.view.pageCount(), 1)
        page = min(max(self.view.currentPage(), 1), pages)
        text = fill(self.tr("Page %1 of %2"), str(page), str(pages))
        set_text(self.page_label, text)
        self.previous.setEnabled(page > 1)
        self.next.setEnabled(page < pages)

    def choose_printer(self) -> None:
        """Qt's print dialog, to choose the printer; non-blocking."""
        dialog = QPrintDialog(self.printer, self)
        dialog.setObjectName("print-dialog")
        dialog.setStyleSheet(PRINT_DIALOG_STYLE)
        dialog.accepted.connect(lambda: self.print_chosen.emit(self.printer))
        dialog.finished.connect(lambda _result: self._print_dialog_closed(dialog))
        self.print_dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        # Under the large-text stylesheet Qt's layout gave "Properties" less than its
        # text needs (and the dialog less than its own size hint): no button is cut.
        for child in dialog.findChildren(QPushButton):
            child.setMinimumWidth(child.sizeHint().width())
        dialog.resize(dialog.size().expandedTo(dialog.sizeHint()))

    def _print_dialog_closed(self, dialog: QPrintDialog) -> None:
        if self.print_dialog is dialog:
            self.print_dialog = None
        dialog.deleteLater()

    def reject(self) -> None:
        if self.print_dialog is not None:
            self.print_dialog.reject()
        super().reject()
