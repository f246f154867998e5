"""The staff menu's "Find a patient": search open named sessions, resume one.

A date of birth is typed in the station's order (its locale's: day/month/year in most
places); hemiapp.content.typed_dates lists the forms read.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hemiapp.content.models import DEFAULT_LANGUAGE
from hemiapp.content.schedule import format_date
from hemiapp.content.typed_dates import DateOrder, order_of
from hemiapp.store.sessions import SessionSummary
from hemiapp.ui.staff.common import line_edit
from hemiapp.ui.widgets import button, fill, forget, frame, label, set_text

MAX_SHOWN = 50
EXAMPLES: dict[DateOrder, str] = {"DMY": "07/03/1961", "MDY": "03/07/1961", "YMD": "1961-03-07"}


def station_date_order() -> DateOrder:
    """How this station writes dates (its locale's short date: 'dd/MM/yyyy' is DMY)."""
    return order_of(QLocale().dateFormat(QLocale.FormatType.ShortFormat))


class FindSection(QWidget):
    """Emits ``search_requested`` with the text, and ``resume_requested`` with a session id."""

    search_requested = Signal(str)
    resume_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find-section")
        self.ui_language = DEFAULT_LANGUAGE
        self.results: list[SessionSummary] | None = None  # None: no search yet
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.search_label = label("strong")
        layout.addWidget(self.search_label)
        row = QHBoxLayout()
        self.search = line_edit("search", max_length=100)
        self.search.returnPressed.connect(self._search)
        self.search_label.setBuddy(self.search)
        self.search_button = button("primary")
        self.search_button.setObjectName("search-button")
        self.search_button.clicked.connect(self._search)
        row.addWidget(self.search, 1)
        row.addWidget(self.search_button)
        layout.addLayout(row)
        self.summary = label("muted")
        self.summary.setObjectName("results-summary")
        layout.addWidget(self.summary)
        self.list_layout = QVBoxLayout()
        self.list_layout.setSpacing(10)
        layout.addLayout(self.list_layout)
        layout.addStretch(1)
        self.cards: list[tuple[QFrame, QLabel, QLabel, QPushButton]] = []
        self.retranslate()

    def _search(self) -> None:
        self.search_requested.emit(self.search.text())

    def reset(self) -> None:
        """Nothing of any patient left on screen or in the field."""
        forget(self.search)
        self.show_results(None)

    def show_results(self, results: list[SessionSummary] | None) -> None:
        self.results = results
        self._rebuild()
        self.retranslate()

    def _rebuild(self) -> None:
        for card, *_ in self.cards:
            self.list_layout.removeWidget(card)
            card.hide()  # at once: deleteLater() waits for the event loop
            card.deleteLater()
        self.cards = []
        for summary in (self.results or [])[:MAX_SHOWN]:
            card = frame("card")
            card.setObjectName(f"result-{summary.id}")
            row = QHBoxLayout(card)
            row.setContentsMargins(20, 12, 20, 12)
            texts = QVBoxLayout()
            texts.setSpacing(2)
            name = label("strong")
            name.setObjectName("result-name")
            details = label("muted")
            details.setObjectName("result-details")
            texts.addWidget(name)
            texts.addWidget(details)
            row.addLayout(texts, 1)
            resume = button()
            resume.setObjectName("resume")
            resume.clicked.connect(lambda _=False, i=summary.id: self.resume_requested.emit(i))
            row.addWidget(resume, 0, Qt.AlignmentFlag.AlignVCenter)
            self.list_layout.addWidget(card)
            card.show()
            self.cards.append((card, name, details, resume))

    def order_words(self, order: DateOrder) -> str:
        """'day/month/year' (DMY), 'month/day/year' (MDY) or 'year-month-day' (YMD)."""
        if order == "MDY":
            return self.tr("month/day/year")
        return self.tr("year-month-day") if order == "YMD" else self.tr("day/month/year")

    def retranslate(self) -> None:
        words = self.order_words(station_date_order())
        set_text(self.search_label, fill(self.tr("Name, date of birth (%1) or MRN"), words))
        self.search.setAccessibleName(self.tr("Search for a patient"))
        set_text(self.search_button, self.tr("Search"))
        results = self.results
        if results is None:
            text = self.tr("Type a name, a date of birth or an MRN, then tap Search.")
        elif not results:
            text = self.tr("No patient found. Check the spelling, or start a new session.")
        elif len(results) > MAX_SHOWN:
            text = fill(self.tr("Showing the first %1 of %2. Type more to narrow the search."),
                        str(MAX_SHOWN), str(len(results)))  # fmt: skip
        else:
            text = fill(self.tr("Found: %1"), str(len(results)))
        set_text(self.summary, text)
        for (_, name, details, resume), summary in zip(self.cards, results or [], strict=False):
            set_text(name, summary.name)
            set_text(details, self.details(summary))
            set_text(resume, self.tr("Resume"), fill(self.tr("Resume: %1"), summary.name))

    def details(self, summary: SessionSummary) -> str:
        parts = [fill(self.tr("Born %1"), summary.date_of_birth.isoformat())]
        if summary.mrn:
            parts.append(fill(self.tr("MRN %1"), summary.mrn))
        if summary.surgery_date:
            when = format_date(summary.surgery_date, self.ui_language, long=True)
            parts.append(fill(self.tr("Surgery %1"), when))
        else:
            parts.append(self.tr("No surgery date"))
        return " · ".join(parts)
