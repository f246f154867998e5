"""A touch date picker: a month of large day buttons, with previous and next month."""

from __future__ import annotations

import calendar
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from hemiapp.content.schedule import format_date, month_title, weekday_letters
from hemiapp.ui.widgets import button, frame, label, scroll_area, set_text


class DatePicker(QWidget):
    """Emits ``date_chosen`` with the day tapped. Shows one month at a time."""

    date_chosen = Signal(object)  # datetime.date

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = "en"
        self.today = today
        self.selected: date | None = None
        self.month = today.replace(day=1)
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.previous = button()
        self.previous.setObjectName("previous-month")
        self.previous.clicked.connect(lambda: self._move(-1))
        self.title = label("subheading")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next = button()
        self.next.setObjectName("next-month")
        self.next.clicked.connect(lambda: self._move(1))
        header.addWidget(self.previous)
        header.addWidget(self.title, 1)
        header.addWidget(self.next)
        layout.addLayout(header)
        self.grid = QGridLayout()
        self.grid.setSpacing(6)
        self.weekday_labels = [label("muted", wrap=False) for _ in range(7)]
        for column, weekday in enumerate(self.weekday_labels):
            self.grid.addWidget(weekday, 0, column)
        self.days: list[QPushButton] = []
        for cell in range(42):
            day = button("day", checkable=True)
            day.clicked.connect(lambda _=False, c=cell: self._chosen(c))
            self.grid.addWidget(day, 1 + cell // 7, cell % 7)
            self.days.append(day)
        layout.addLayout(self.grid)
        self.refresh()

    def set_language(self, language: str) -> None:
        self.language = language
        self.refresh()

    def reset(self, day: date | None) -> None:
        """As built, with ``day`` chosen: its month shown, or this month."""
        self.selected = day
        self.month = (day or self.today).replace(day=1)
        self.refresh()

    def set_selected(self, day: date | None) -> None:
        self.selected = day
        if day is not None:
            self.month = day.replace(day=1)
        self.refresh()

    def _move(self, months: int) -> None:
        index = self.month.year * 12 + self.month.month - 1 + months
        self.month = date(index // 12, index % 12 + 1, 1)
        self.refresh()

    def _cell_date(self, cell: int) -> date | None:
        offset = self.month.weekday()  # Monday first
        number = cell - offset + 1
        last = calendar.monthrange(self.month.year, self.month.month)[1]
        if 1 <= number <= last:
            return self.month.replace(day=number)
        return None

    def _chosen(self, cell: int) -> None:
        day = self._cell_date(cell)
        if day is not None:
            self.selected = day
            self.refresh()
            self.date_chosen.emit(day)

    def refresh(self) -> None:
        lang = self.language
        set_text(self.title, month_title(self.month, lang))
        set_text(self.previous, "◀", self.tr("Previous month"))
        set_text(self.next, "▶", self.tr("Next month"))
        for letter, weekday in zip(weekday_letters(lang), self.weekday_labels, strict=True):
            weekday.setText(letter)
        for cell, widget in enumerate(self.days):
            day = self._cell_date(cell)
            widget.setVisible(day is not None)
            if day is None:
                continue
            widget.setText(str(day.day))
            widget.setAccessibleName(format_date(day, lang, long=True))
            widget.setChecked(day == self.selected)


def beside_calendar(screen: QVBoxLayout, left: QVBoxLayout, picker: DatePicker) -> None:
    """A scrolling page on ``screen``: ``left`` (3 parts) and the calendar in a card (2)."""
    page = QWidget()
    columns = QHBoxLayout(page)
    columns.setContentsMargins(24, 0, 12, 0)
    columns.addLayout(left, 3)
    card = frame("card")
    QVBoxLayout(card).addWidget(picker)
    columns.addSpacing(32)
    columns.addWidget(card, 2, Qt.AlignmentFlag.AlignTop)
    screen.addWidget(scroll_area(page), 1)


def bottom_right(screen: QVBoxLayout, big: QPushButton) -> None:
    """The screen's big button at the bottom right (it stays on screen at every size)."""
    big.setMinimumSize(240, 76)
    bottom = QHBoxLayout()
    bottom.addStretch(1)
    bottom.addWidget(big)
    screen.addLayout(bottom)
