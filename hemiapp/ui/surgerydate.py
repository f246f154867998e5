"""The surgery date away from the welcome screen: a page with the touch date picker (opened
from the checklists with "Change date"), and the question a date in the past asks.

Pages of the main window's stack; the main window decides what a chosen date does.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from hemiapp.content.schedule import format_date
from hemiapp.ui.closing import QuestionPage
from hemiapp.ui.datepicker import DatePicker, beside_calendar, bottom_right
from hemiapp.ui.widgets import button, fill, label, set_text


class SurgeryDatePage(QWidget):
    """Your surgery date: the calendar, Clear date, and Done (back where it was opened)."""

    date_chosen = Signal(object)  # datetime.date: a day was tapped
    cleared = Signal()
    done = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("surgery-date")
        self.language = "en"
        self.day: date | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        left = QVBoxLayout()
        left.setSpacing(20)
        self.heading = label("heading")
        self.value = label()
        self.value.setObjectName("surgery-date-value")
        self.hint = label("muted")
        self.clear = button()
        self.clear.setObjectName("surgery-date-clear")
        self.clear.clicked.connect(self.cleared)
        for widget in (self.heading, self.value, self.hint):
            left.addWidget(widget)
        left.addWidget(self.clear, 0, Qt.AlignmentFlag.AlignLeft)
        left.addStretch(1)
        self.picker = DatePicker(today)
        self.picker.date_chosen.connect(self.date_chosen)
        beside_calendar(outer, left, self.picker)
        self.finish = button("primary")
        self.finish.setObjectName("surgery-date-done")
        self.finish.clicked.connect(self.done)
        bottom_right(outer, self.finish)

    def show_date(self, day: date | None, language: str) -> None:
        """Show ``day`` (None: no date yet) in ``language``, its month on the calendar."""
        self.day, self.language = day, language
        self.picker.set_language(language)
        self.picker.reset(day)
        self.refresh()

    def refresh(self) -> None:
        set_text(self.heading, self.tr("Your surgery date"))
        day = self.day
        when = format_date(day, self.language, long=True) if day else ""
        value = fill(self.tr("Surgery date: %1"), when) if day else self.tr("No date chosen.")
        set_text(self.value, value)
        set_text(
            self.hint,
            self.tr("Tap a day on the calendar. The dates on your checklists change with it."),
        )
        set_text(self.clear, self.tr("Clear date"))
        self.clear.setVisible(self.day is not None)
        set_text(self.finish, self.tr("Done"))


class PastDateQuestion(QuestionPage):
    """A date before today: has the surgery already happened? (Yes: the after-care.)"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("past-date", parent)
        self.day: date | None = None

    def forget(self) -> None:
        """Nothing of the last visit's date stays behind (a wipe)."""
        self.day = None
        set_text(self.text, "")

    def ask(self, day: date, language: str) -> None:
        self.day = day
        set_text(self.heading, self.tr("Has your surgery already happened?"))
        set_text(
            self.text,
            fill(
                self.tr("You chose %1. That day is before today."),
                format_date(day, language, long=True),
            ),
        )
        set_text(self.no, self.tr("No, choose again"))
        set_text(self.yes, self.tr("Yes, it has"))
