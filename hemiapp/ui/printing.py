"""Printing from the app.

'Print my checklist' (the patient, at the kiosk) goes straight to the station's
printer without blocking, and the review screen says how it went (hemiapp.ui.
print_status). A signed-in staff member also gets a print preview with the choice of
printer, and Save as PDF. Every print is recorded in the audit log before it prints,
and how it went after (hemiapp.report.output): no record, no print.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from hemiapp.report.document import ReportOptions, build_document, in_print_order
from hemiapp.report.errors import FAILED, PRINTED, PRINTING, UNRECORDED, PrintError
from hemiapp.report.job import JobSpec, PrintJob
from hemiapp.report.output import PrintRecorder, Target
from hemiapp.report.printing import lay_out
from hemiapp.store.audit import audit_head
from hemiapp.store.printlog import PrintRequest, SessionPrintLog
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.host import PageHost
from hemiapp.ui.preview import PreviewDialog
from hemiapp.ui.print_status import PrintState
from hemiapp.ui.staffonly import staff_only

#: Qt's file dialog, under the app's large-text stylesheet, cut its small tool buttons.
FILE_DIALOG_STYLE = "QToolButton { min-height: 0px; min-width: 0px; padding: 4px; }"


def suggested_pdf(today: date | None = None) -> Path:
    """Where Save as PDF suggests saving: the user's Documents folder (or home), under a
    name with no patient data in it."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    base = Path(folder) if folder and Path(folder).is_dir() else Path.home()
    return base / f"hemiguide-checklist-{(today or date.today()).isoformat()}.pdf"


class _Unrecorded:
    """The recorder when the app has no database: it refuses, so nothing prints."""

    def started(self, request: PrintRequest) -> int:
        raise PrintError("Nothing was printed: there is no audit log to record it in.", UNRECORDED)

    def finished(self, attempt: int, error: str) -> None:
        """Never called: nothing was started."""


class PrintController(QObject):
    """Prints the session on ``host``. It is not handed the window: the composition root
    connects the window's print, preview and Save as PDF requests to :meth:`print_session`,
    :meth:`preview` and :meth:`save_pdf`, and ``state_shown`` to the window, which shows it
    on the review."""

    #: How a print is going (a hemiapp.ui.print_status.PrintState), for the review.
    state_shown = Signal(object)

    def __init__(
        self,
        host: PageHost,
        options: ReportOptions,
        printer_name: str | None = None,
        sessions: SessionStore | None = None,
        *,
        pdf: Path | None = None,
    ) -> None:
        """Print on ``printer_name`` (None: the system's default printer), or into the
        file ``pdf`` instead when given."""
        super().__init__(host.widget)
        self.host = host
        self.options = options
        self.printer_name = printer_name
        self.sessions = sessions
        self.pdf = pdf
        self.last_preview_pages = 0
        self.preview_dialog: PreviewDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.job = PrintJob(self)
        self.job.state_changed.connect(self._show_state)

    def document(self) -> QTextDocument:
        session = self.host.session
        checklists = in_print_order(session.content.checklists)
        head = audit_head(self.sessions.db) if self.sessions is not None else ""
        now = datetime.now(UTC)
        document = build_document(
            session, checklists, self.options, printed_at=now, audit_head=head
        )
        document.setParent(self)
        return document

    def _start(self, target: Target) -> None:
        session = self.host.session
        recorder: PrintRecorder = (
            SessionPrintLog(self.sessions, session) if self.sessions is not None else _Unrecorded()
        )
        spec = JobSpec(
            tuple(c.id for c in in_print_order(session.content.checklists)),
            session.language,
            page_size=self.options.page_size,
        )
        self.job.start(self.document(), target, recorder, spec)

    # --- the patient's print -------------------------------------------------------------

    def print_session(self) -> None:
        target = Target(pdf=self.pdf) if self.pdf is not None else Target(printer=self.printer_name)
        self._start(target)

    def _show_state(self, state: str) -> None:
        job = self.job
        pdf = job.target.pdf if job.target.pdf != self.pdf else None  # a staff member's file
        if state == PRINTING:
            shown = PrintState(PRINTING)
        elif state == PRINTED:
            shown = PrintState(PRINTED, pdf=pdf)  # pdf None: the patient's print
        elif state == FAILED:
            shown = PrintState(FAILED, pdf=pdf, kind=job.kind, subject=job.subject)
        else:
            return
        self.state_shown.emit(shown)

    # --- staff: preview with printer choice, Save as PDF ---------------------------------

    def close_dialogs(self) -> None:
        """Staff signed out (or were signed out): their preview or file dialog, with the
        patient's printout or the file system in it, must not stay on screen."""
        for dialog in (self.preview_dialog, self.file_dialog):
            if dialog is not None:
                dialog.reject()  # finished: each forgets and deletes itself

    # Both dialogs are staff-only: when staff sign out (or are signed out), they are
    # closed with the rest of staff mode (hemiapp.ui.staffonly), printout and file system.

    def _staff_present(self) -> bool:
        return self.host.session.actor is not None  # set only while staff are signed in

    def preview(self) -> None:
        if not self._staff_present():
            return  # a named patient's printout is never shown with nobody signed in
        laid = lay_out(self.document(), self.options.page_size)
        self.last_preview_pages = laid.pages
        over = self.host.widget.window()  # (the dialogs go over the whole window)
        dialog = staff_only(PreviewDialog(laid, self.printer_name, over))
        dialog.resize(over.size())
        dialog.print_chosen.connect(self._print_chosen)
        dialog.finished.connect(lambda _result: self._preview_closed(dialog))
        self.preview_dialog = dialog
        dialog.open()

    def _print_chosen(self, printer: QPrinter) -> None:
        """Print… in the preview, and a printer chosen: print there (recorded), close it."""
        out = printer.outputFileName()
        if printer.outputFormat() is QPrinter.OutputFormat.PdfFormat and out:
            self._start(Target(pdf=Path(out)))
        else:
            self._start(Target(printer=printer.printerName() or self.printer_name))
        if self.preview_dialog is not None:
            self.preview_dialog.accept()

    def _preview_closed(self, dialog: PreviewDialog) -> None:
        if self.preview_dialog is dialog:
            self.preview_dialog = None
        dialog.deleteLater()

    def save_pdf(self) -> None:
        if not self._staff_present():
            return
        over = self.host.widget.window()
        dialog = staff_only(QFileDialog(over, self.tr("Save as PDF")))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF files (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        suggested = suggested_pdf()
        dialog.setDirectory(str(suggested.parent))
        dialog.selectFile(suggested.name)
        dialog.fileSelected.connect(self._save_to)
        dialog.finished.connect(lambda _result: self._file_dialog_closed(dialog))
        dialog.setStyleSheet(FILE_DIALOG_STYLE)
        self.file_dialog = dialog
        dialog.open()
        room = over.size()
        dialog.resize(min(1200, room.width()), min(680, room.height()))

    def _file_dialog_closed(self, dialog: QFileDialog) -> None:
        if self.file_dialog is dialog:
            self.file_dialog = None
        dialog.deleteLater()

    def _save_to(self, path: str) -> None:
        self.file_dialog = None
        self._start(Target(pdf=Path(path)))
