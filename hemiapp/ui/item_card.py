"""One checklist item as a large card: its text, date, an optional "Why?", and Done /
I have a question. An emergency sign (shown in the "Call 911 now" box) is unfolded: its
detail always shown, nothing to tick or ask."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from hemiapp.content.session import ItemStatus
from hemiapp.ui.checklist_model import ChecklistModel, Role
from hemiapp.ui.flow import FlowLayout
from hemiapp.ui.progress import repolish
from hemiapp.ui.staffonly import staff_only
from hemiapp.ui.widgets import button, fill, label, set_text


class ItemCard(QFrame):
    """One item: its text, date, an optional "Why?", and Done / I have a question."""

    def __init__(self, model: ChecklistModel, row: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.row = row
        item = model.item(row)
        self.setObjectName(f"item-{item.id}")
        self.setProperty("role", "card")
        self.warning = item.is_sign
        # a sign to call 911 for: in the "Call 911 now" box, unfolded, nothing to tick
        self.emergency = model.is_emergency(row)
        layout = QVBoxLayout(self)
        # (in the box, whose own margins give the room: a rule between the signs)
        layout.setContentsMargins(*((4, 10, 4, 12) if self.emergency else (20, 16, 20, 16)))
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.setSpacing(12)
        self.sign = label("subheading", wrap=False)
        set_text(self.sign, "⚠", self.tr("Warning sign"))
        self.sign.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.sign.setVisible(self.warning and not self.emergency)
        top.addWidget(self.sign, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        self.text = label("emergency-sign" if self.emergency else "strong")
        self.due = label("muted")
        self.late = label("warning-text")  # a preparation whose date has passed
        self.late.setObjectName("past-due")
        self.late.setVisible(False)
        self.detail = label()
        self.detail.setObjectName("detail")
        self.detail.setContentsMargins(0, 8, 0, 4)
        self.detail.setVisible(self.emergency)
        self.nurse_note = label("muted")
        self.nurse_note.setVisible(item.nurse_only)
        self.note = label("muted")  # a staff member's note on this item (plain text)
        self.note.setObjectName("note")
        for widget in (self.text, self.due, self.late, self.detail, self.nurse_note, self.note):
            texts.addWidget(widget)
        top.addLayout(texts, 1)
        layout.addLayout(top)

        buttons = FlowLayout(spacing=12)
        self.why = button(checkable=True)
        self.why.setObjectName("why")
        self.why.toggled.connect(self.detail.setVisible)
        self.why.toggled.connect(lambda _: self._retranslate_why())
        self.done = button(checkable=True)
        self.done.setObjectName("done")
        self.done.clicked.connect(self._choose_done)
        # a warning sign is something to watch for, not a task: it has no Done
        self.done.setVisible(not self.warning)
        self.question = button(checkable=True)
        self.question.setObjectName("question")
        self.question.setVisible(not self.emergency)
        self.question.clicked.connect(self._choose_question)
        # staff mode only; the checklist screen asks for an editor
        self.note_button = staff_only(button())
        self.note_button.setObjectName("note-button")
        for each in (self.done, self.question, self.why, self.note_button):
            buttons.addWidget(each)
        layout.addLayout(buttons)
        self.sync()

    def _value(self, role: int) -> object:
        return self.model.data(self.model.index(self.row, 0), role)

    def _choose_done(self, checked: bool) -> None:
        wanted = ItemStatus.DONE if checked else ItemStatus.OPEN
        if not self.model.setData(self.model.index(self.row, 0), wanted, Role.STATUS):
            self.sync()  # refused: show the model's state again, not the click's

    def _choose_question(self, checked: bool) -> None:
        if not self.model.setData(self.model.index(self.row, 0), checked, Role.QUESTION):
            self.sync()

    def _retranslate_why(self) -> None:
        text = str(self._value(Qt.ItemDataRole.DisplayRole))
        if self.why.isChecked():
            set_text(self.why, self.tr("Hide why"), self.tr("Hide why: %1").replace("%1", text))
        else:
            set_text(self.why, self.tr("Why?"), self.tr("Why? %1").replace("%1", text))

    def sync(self) -> None:
        """Show the model's texts and status for this row."""
        text = str(self._value(Qt.ItemDataRole.DisplayRole))
        due = str(self._value(Role.DUE))
        detail = str(self._value(Role.DETAIL))
        status = ItemStatus(str(self._value(Role.STATUS)))
        editable = bool(
            self.model.flags(self.model.index(self.row, 0)) & Qt.ItemFlag.ItemIsEditable
        )
        set_text(self.text, text)
        self.setAccessibleName(str(self._value(Qt.ItemDataRole.AccessibleTextRole)))
        set_text(self.due, due)
        self.due.setVisible(bool(due))
        set_text(self.late, self.tr("This date has passed. Ask your care team."))
        self.late.setVisible(bool(self._value(Role.PAST_DUE)))
        set_text(self.detail, detail)
        self.why.setVisible(bool(detail) and not self.emergency)
        self.detail.setVisible(bool(detail) and (self.emergency or self.why.isChecked()))
        if not detail:
            self.why.setChecked(False)
        self._retranslate_why()
        done = self.tr("Done")
        ask = self.tr("I have a question")
        is_done = status is ItemStatus.DONE and not self.warning
        is_question = bool(self._value(Role.QUESTION))
        for widget, name, checked in (
            (self.done, done, is_done),
            (self.question, ask, is_question),
        ):
            # a disabled button is never drawn checked: the theme's checked colours do
            # not keep their contrast when disabled; the "✓" still says it
            widget.setChecked(checked and editable)
            widget.setEnabled(editable)
            shown = self.tr("✓ %1").replace("%1", name) if checked else name
            accessible = self.tr("%1: %2").replace("%1", name).replace("%2", text)
            set_text(widget, shown, accessible)

        if is_done:
            set_text(self.nurse_note, self.tr("✓ A nurse checked this item."))
        else:
            set_text(self.nurse_note, self.tr("A nurse will check this item."))
        note_role = "done" if is_done else "muted"
        if self.nurse_note.property("role") != note_role:
            self.nurse_note.setProperty("role", note_role)
            repolish(self.nurse_note)

        role = "question" if is_question else "warning" if self.warning else "card"
        if self.emergency:
            role = "emergency-item"
        if self.property("role") != role:
            self.setProperty("role", role)
            repolish(self)
        self._show_note(text)

    def _show_note(self, text: str) -> None:
        note = str(self._value(Role.NOTE) or "")
        set_text(self.note, fill(self.tr("Note: %1"), note))
        self.note.setVisible(bool(note))
        name = self.tr("Edit note") if note else self.tr("Add note")
        set_text(self.note_button, name, fill(self.tr("%1: %2"), name, text))
        self.note_button.setVisible(self.model.staff_mode)
