"""How a print went, on the review screen: one message per state, in the current language.

Printing…, Printed, Saved as PDF, No printer, Printer problem, Not recorded: each has
its own words, in large text, in a box (a problem in the warning colours). A staff
member also sees the reason on a second line. The state is kept, not the words, so a
language switch says the same thing in the other language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from hemiapp.report.errors import (
    FAILED,
    NO_PRINTER,
    PDF_FAILED,
    PRINTED,
    PRINTER_FAILED,
    PRINTING,
    UNKNOWN_PRINTER,
    UNRECORDED,
)
from hemiapp.ui.progress import repolish
from hemiapp.ui.widgets import label, set_text


@dataclass(frozen=True)
class PrintState:
    state: str  # PRINTING, PRINTED or FAILED
    pdf: Path | None = None  # a Save as PDF
    kind: str = ""  # the failure's kind (hemiapp.report.errors)
    subject: str = ""  # the printer or file the failure is about


class PrintStatus(QFrame):
    """The box above the review's buttons (hidden until something is printed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("print-status")
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 12)
        layout.setSpacing(4)
        self.message = label("subheading")
        self.message.setObjectName("print-message")
        self.detail = label()
        self.detail.setObjectName("print-detail")
        layout.addWidget(self.message)
        layout.addWidget(self.detail)
        self.state: PrintState | None = None
        self.staff = False
        self.setVisible(False)

    def show_state(self, state: PrintState | None, *, staff: bool) -> None:
        """Show ``state`` (None: nothing); ``staff``: with the reason for a problem."""
        self.state, self.staff = state, staff
        problem = state is not None and state.state == FAILED
        if self.property("role") != ("warning" if problem else "card"):
            self.setProperty("role", "warning" if problem else "card")
            repolish(self)
        self.retranslate()
        self.setVisible(state is not None)

    def retranslate(self) -> None:
        state = self.state
        if state is None:
            set_text(self.message, "")
            set_text(self.detail, "")
            return
        set_text(self.message, self.wording(state))
        detail = self.reason(state) if self.staff else ""
        set_text(self.detail, detail)
        self.detail.setVisible(bool(detail))

    def wording(self, state: PrintState) -> str:
        """What everyone reads."""
        if state.state == PRINTING:
            return self.tr("Printing…")
        if state.state == PRINTED:
            if state.pdf is not None:
                return self.tr("Saved as PDF: %1").replace("%1", state.pdf.name)
            return self.tr("Printed. Please collect your pages.")
        if state.kind == NO_PRINTER:
            return self.tr("No printer is set up. Please ask the front desk.")
        if state.kind == UNRECORDED:
            return self.tr(
                "Not printed. This station cannot save right now. Please ask the front desk."
            )
        if state.kind == PDF_FAILED:
            return self.tr("The PDF was not saved.")
        return self.tr("Printer problem. Please ask the front desk.")

    def reason(self, state: PrintState) -> str:
        """Why it failed, for staff ('' when nothing failed)."""
        if state.state != FAILED:
            return ""
        if state.kind == NO_PRINTER:
            return self.tr(
                "This computer has no default printer. "
                "Set one up, or name one in the settings file."
            )
        if state.kind == UNKNOWN_PRINTER:
            return self.tr("This computer has no printer named “%1”.").replace("%1", state.subject)
        if state.kind == PRINTER_FAILED:
            return self.tr("The printer did not take the job. Check that it is on and ready.")
        if state.kind == PDF_FAILED:
            return self.tr(
                "The file %1 could not be written. Check the folder and the free space."
            ).replace("%1", state.subject)
        if state.kind == UNRECORDED:
            return self.tr(
                "The audit log could not record the print, so nothing was printed. "
                "The log has the details."
            )
        return self.tr("Something went wrong while printing. The log has the details.")
