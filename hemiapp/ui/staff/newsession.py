"""The staff menu's "New patient session" form: who the patient is, language, surgery date.

Dates are typed as day, month and year (on the keypad or a keyboard; each field moves on
once full). The form only reads and checks what was entered; the staff panel starts the
session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hemiapp.content.models import DEFAULT_LANGUAGE, LANGUAGES
from hemiapp.content.session import PatientDetails
from hemiapp.ui.staff.common import line_edit
from hemiapp.ui.staff.keypad import Keypad
from hemiapp.ui.widgets import button, fill, forget, label, scroll_area, set_text

EARLIEST_BIRTH_YEAR = 1900
SURGERY_BEFORE = timedelta(days=366)  # a surgery date may be this far back (after surgery)
SURGERY_AFTER = timedelta(days=2 * 366)  # … or this far ahead


@dataclass(frozen=True)
class NewPatient:
    patient: PatientDetails
    language: str
    surgery_date: date | None


def _digits(object_name: str, length: int) -> QLineEdit:
    field = line_edit(object_name, max_length=length, hints=Qt.InputMethodHint.ImhDigitsOnly)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{length}}}")))
    field.setFixedWidth(112 if length > 2 else 84)  # two dates side by side, at A++ too
    return field


class DateFields:
    """Day, month and year fields with their small labels, in a grid."""

    def __init__(self, prefix: str) -> None:
        self.day, self.month, self.year = (
            _digits(f"{prefix}-day", 2),
            _digits(f"{prefix}-month", 2),
            _digits(f"{prefix}-year", 4),
        )
        self.fields = (self.day, self.month, self.year)
        self.labels = [label("muted", wrap=False) for _ in self.fields]
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(2)
        for column, (part, field) in enumerate(zip(self.labels, self.fields, strict=True)):
            self.grid.addWidget(part, 0, column)
            self.grid.addWidget(field, 1, column)
        self.grid.setColumnStretch(3, 1)
        self.day.textChanged.connect(lambda text: _advance(text, 2, self.month))
        self.month.textChanged.connect(lambda text: _advance(text, 2, self.year))

    def texts(self) -> list[str]:
        return [field.text() for field in self.fields]

    def set_date(self, day: date | None) -> None:
        values = (
            ("", "", "") if day is None else (f"{day.day:02}", f"{day.month:02}", str(day.year))
        )
        for field, value in zip(self.fields, values, strict=True):
            field.blockSignals(True)  # no moving on while filling in
            field.setText(value)
            field.blockSignals(False)

    def value(self) -> date | None:
        """The date typed (ValueError if it does not exist; None if any part is missing)."""
        parts = self.texts()
        if not all(parts):
            return None
        day, month, year = (int(part) for part in parts)
        return date(year, month, day)

    def name(self, parts: tuple[str, str, str], accessible: tuple[str, str, str]) -> None:
        for shown, field, text, name in zip(
            self.labels, self.fields, parts, accessible, strict=True
        ):
            set_text(shown, text)
            field.setAccessibleName(name)


def _advance(text: str, length: int, following: QLineEdit) -> None:
    if len(text) == length:
        following.setFocus(Qt.FocusReason.OtherFocusReason)


class NewSessionForm(QWidget):
    """Emits ``submitted`` with a NewPatient once everything required is filled in rightly,
    else ``problems_found`` with what is missing or wrong ("" when nothing is)."""

    submitted = Signal(object)  # NewPatient
    problems_found = Signal(str)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new-session-form")
        self.today = today
        self.language = DEFAULT_LANGUAGE  # the patient's, chosen here
        self.keeps_progress = False
        fields_page = QWidget()
        fields = QVBoxLayout(fields_page)
        fields.setContentsMargins(0, 0, 12, 0)
        fields.setSpacing(6)
        self.keeps = label("muted")
        self.keeps.setObjectName("keeps")
        self.name_label = label("strong")
        self.name = line_edit("patient-name", max_length=100)
        self.dob_label = label("strong")
        self.dob = DateFields("dob")
        self.language_label = label("strong")
        languages = QHBoxLayout()
        self.language_group = QButtonGroup(self)
        self.language_buttons = {}
        for code, name in LANGUAGES.items():
            choice = button(checkable=True)
            set_text(choice, name)
            choice.setObjectName(f"new-language-{code}")
            choice.clicked.connect(lambda _=False, c=code: self._set_language(c))
            self.language_group.addButton(choice)
            self.language_buttons[code] = choice
            languages.addWidget(choice)
        languages.addStretch(1)
        self.surgery_label = label("strong")
        self.surgery = DateFields("surgery")
        self.mrn_label = label("strong")
        self.mrn = line_edit("mrn", max_length=32)
        self.surgeon_label = label("strong")
        self.surgeon = line_edit("surgeon", max_length=100)
        self.dob.year.textChanged.connect(lambda text: _advance(text, 4, self.surgery.day))
        self.name.returnPressed.connect(self.dob.day.setFocus)
        # Two columns, so that every field is in view at 1280×800: name and language, the
        # two dates, MRN and surgeon. Labels sit on a line of their own, fields under them.
        fields.addWidget(self.keeps)
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(6)
        pairs: tuple[tuple[tuple[QWidget, QWidget | QLayout], ...], ...] = (
            ((self.name_label, self.name), (self.language_label, languages)),
            ((self.dob_label, self.dob.grid), (self.surgery_label, self.surgery.grid)),
            ((self.mrn_label, self.mrn), (self.surgeon_label, self.surgeon)),
        )
        for number, row in enumerate(pairs):
            top = 3 * number
            if number:
                grid.setRowMinimumHeight(top - 1, 8)  # a gap between the rows of fields
            for column, (title, field) in enumerate(row):
                grid.addWidget(title, top, column, Qt.AlignmentFlag.AlignBottom)
                if isinstance(field, QWidget):
                    grid.addWidget(field, top + 1, column)
                else:
                    grid.addLayout(field, top + 1, column)
        for column in (0, 1):
            grid.setColumnStretch(column, 1)
        fields.addLayout(grid)
        fields.addStretch(1)

        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(32)
        columns.addWidget(scroll_area(fields_page), 3)
        # The keypad and Start stay in view whatever field is being filled in (the keypad
        # scrolls only when the text is so large that the screen is too low for it).
        side = QVBoxLayout()
        side.setSpacing(12)
        keypad_page = QWidget()
        keypad_layout = QVBoxLayout(keypad_page)
        keypad_layout.setContentsMargins(0, 0, 12, 0)
        self.keypad = Keypad()
        keypad_layout.addWidget(self.keypad)
        keypad_layout.addStretch(1)
        side.addWidget(scroll_area(keypad_page), 1)
        self.start = button("primary")
        self.start.setObjectName("start-session")
        self.start.clicked.connect(self.submit)
        side.addWidget(self.start, 0, Qt.AlignmentFlag.AlignRight)
        columns.addLayout(side, 2)
        self.retranslate()

    def reset(self, *, language: str, surgery_date: date | None, keeps_progress: bool) -> None:
        """Empty the form; language and surgery date start as the current session's."""
        for field in (self.name, self.mrn, self.surgeon):
            forget(field)
        self.dob.set_date(None)
        self.surgery.set_date(surgery_date)
        self.keeps_progress = keeps_progress
        self._set_language(language)
        self.keypad.set_targets([*self.dob.fields, *self.surgery.fields, self.mrn])
        self.retranslate()

    def _set_language(self, language: str) -> None:
        self.language = language
        for code, choice in self.language_buttons.items():
            choice.setChecked(code == language)

    def _date_of_birth(self) -> tuple[date | None, str]:
        if not all(self.dob.texts()):
            return None, self.tr("Enter the date of birth: day, month and year.")
        try:
            born = self.dob.value()
        except ValueError:
            return None, self.tr("That date of birth does not exist. Check the day and month.")
        if born is None or born.year < EARLIEST_BIRTH_YEAR or born > self.today:
            return None, self.tr("The date of birth must be between 1900 and today.")
        return born, ""

    def _surgery_date(self) -> tuple[date | None, str]:
        texts = self.surgery.texts()
        if not any(texts):
            return None, ""
        if not all(texts):
            return None, self.tr(
                "Enter the surgery date as day, month and year, or leave it empty."
            )
        try:
            day = self.surgery.value()
        except ValueError:
            return None, self.tr("That surgery date does not exist. Check the day and month.")
        if day is None or not self.today - SURGERY_BEFORE <= day <= self.today + SURGERY_AFTER:
            return None, self.tr(
                "Check the surgery date: it must be within a year before or two years after today."
            )
        return day, ""

    def submit(self) -> None:
        problems = []
        name = " ".join(self.name.text().split())
        if not name:
            problems.append(self.tr("Enter the patient's name."))
        born, why_born = self._date_of_birth()
        surgery, why_surgery = self._surgery_date()
        problems += [why for why in (why_born, why_surgery) if why]
        self.problems_found.emit("\n".join(problems))
        if problems or born is None:
            first = self.name if not name else self.dob.day if why_born else self.surgery.day
            first.setFocus()
            return
        patient = PatientDetails(name, born, self.mrn.text().strip(), self.surgeon.text().strip())
        self.submitted.emit(NewPatient(patient, self.language, surgery))

    def retranslate(self) -> None:
        if self.keeps_progress:
            keeps = self.tr("What the patient has done so far in this session is kept.")
        else:
            keeps = self.tr("This starts a new, empty session.")
        set_text(self.keeps, keeps)
        set_text(self.name_label, self.tr("Patient's name (required)"))
        self.name.setAccessibleName(self.tr("Patient's name"))
        parts = (self.tr("Day"), self.tr("Month"), self.tr("Year"))
        set_text(self.dob_label, self.tr("Date of birth (required)"))
        born = self.tr("Date of birth: %1")
        self.dob.name(parts, (fill(born, parts[0]), fill(born, parts[1]), fill(born, parts[2])))
        set_text(self.language_label, self.tr("The patient's language"))
        set_text(self.surgery_label, self.tr("Surgery date (optional)"))
        when = self.tr("Surgery date: %1")
        self.surgery.name(parts, (fill(when, parts[0]), fill(when, parts[1]), fill(when, parts[2])))
        set_text(self.mrn_label, self.tr("Medical record number (MRN, optional)"))
        self.mrn.setAccessibleName(self.tr("Medical record number"))
        set_text(self.surgeon_label, self.tr("Surgeon (optional)"))
        self.surgeon.setAccessibleName(self.tr("Surgeon"))
        set_text(self.start, self.tr("Start the session"))
        self.keypad.retranslate()
