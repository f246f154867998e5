"""Welcome: pick a language, optionally a surgery date, then Start. Nothing of anyone else."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget
from shiboken6 import isValid

from hemiapp.content.models import LANGUAGES
from hemiapp.content.schedule import format_date
from hemiapp.content.session import Session
from hemiapp.ui.datepicker import DatePicker, beside_calendar, bottom_right
from hemiapp.ui.widgets import Screen, button, label, set_text


class WelcomeScreen(Screen):
    language_chosen = Signal(str)
    #: A day before today was tapped (not taken yet: the main window asks about it).
    past_date_chosen = Signal(object)

    def __init__(self, session: Session, today: date, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.today = today
        screen = QVBoxLayout(self)
        screen.setContentsMargins(24, 16, 24, 16)
        left = QVBoxLayout()
        left.setSpacing(20)
        self.heading = label("heading")
        self.intro = label()
        left.addWidget(self.heading)
        left.addWidget(self.intro)
        self.language_prompt = label("subheading")
        left.addWidget(self.language_prompt)
        languages = QHBoxLayout()
        self.language_buttons = {}
        for code, name in LANGUAGES.items():
            choice = button(checkable=True)
            set_text(choice, name)
            choice.setObjectName(f"welcome-language-{code}")
            choice.setMinimumHeight(72)
            choice.clicked.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            self.language_buttons[code] = choice
            languages.addWidget(choice)
        languages.addStretch(1)
        left.addLayout(languages)
        self.date_prompt = label("subheading")
        self.date_value = label()
        self.clear_date = button()
        self.clear_date.setObjectName("clear-date")
        self.clear_date.clicked.connect(self._clear_date)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_value, 1)
        date_row.addWidget(self.clear_date)
        left.addWidget(self.date_prompt)
        left.addLayout(date_row)
        left.addStretch(1)
        self.picker = DatePicker(today)
        self.picker.date_chosen.connect(self._date_chosen)
        beside_calendar(screen, left, self.picker)
        self.start = button("primary")
        self.start.setObjectName("start")
        self.start.clicked.connect(self.next_requested)
        bottom_right(screen, self.start)
        self._listening = session
        session.events.details_changed.connect(self._details_changed)
        self.refresh()

    def attach(self) -> None:
        self._listening.events.details_changed.disconnect(self._details_changed, missing_ok=True)
        self._listening = self.session
        self.session.events.details_changed.connect(self._details_changed)

    def _details_changed(self, what: str) -> None:
        if what == "surgery_date" and isValid(self):  # (the language: its LanguageChange)
            self.refresh()

    def reset_view(self) -> None:
        super().reset_view()
        self.picker.reset(self.session.surgery_date)

    def _date_chosen(self, day: date) -> None:
        if day < self.today:
            self.picker.set_selected(self.session.surgery_date)  # not chosen until answered
            self.past_date_chosen.emit(day)
            return
        self.session.set_surgery_date(day)  # (the date shown follows details_changed)

    def _clear_date(self) -> None:
        self.session.set_surgery_date(None)
        self.picker.set_selected(None)

    def refresh(self) -> None:
        lang = self.session.language
        set_text(self.heading, self.tr("Welcome"))
        set_text(
            self.intro,
            self.tr(
                "Learn about your hemilaminotomy, step by step. "
                "Then get ready for surgery with your own checklist."
            ),
        )
        set_text(self.language_prompt, self.tr("Choose your language"))
        for code, choice in self.language_buttons.items():
            choice.setChecked(code == lang)
        set_text(self.date_prompt, self.tr("When is your surgery? (you can skip this)"))
        day = self.session.surgery_date
        if day is None:
            set_text(self.date_value, self.tr("No date chosen. Tap a day on the calendar."))
        else:
            set_text(
                self.date_value,
                self.tr("Surgery date: %1").replace("%1", format_date(day, lang, long=True)),
            )
        self.clear_date.setVisible(day is not None)
        set_text(self.clear_date, self.tr("Clear date"))
        set_text(self.start, self.tr("Start"))
        self.picker.set_language(lang)
        if self.picker.selected != day:
            self.picker.set_selected(day)
