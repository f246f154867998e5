"""A staff member's note on one checklist item: a small editor, at most 1000 characters."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QWidget

from hemiapp.ui.staff.common import PRIVATE_TEXT, Page
from hemiapp.ui.widgets import button, fill, forget, label, set_text

MAX_NOTE = 1000


class NoteEditor(Page):
    """Emits ``saved`` (checklist id, item id, note) or ``cancelled``."""

    saved = Signal(str, str, str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("note-editor", parent)
        self.checklist_id = self.item_id = ""
        self.item = label("strong")
        self.item.setObjectName("note-item")
        self.outer.addWidget(self.item)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("note-text")
        self.editor.setInputMethodHints(PRIVATE_TEXT)
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(160)
        self.editor.textChanged.connect(self._limit)
        self.outer.addWidget(self.editor, 1)
        self.count = label("muted")
        self.count.setObjectName("note-count")
        self.outer.addWidget(self.count)
        self.outer.addWidget(self.message_box)
        actions = QHBoxLayout()
        self.cancel = button()
        self.cancel.setObjectName("cancel-note")
        self.cancel.clicked.connect(self._cancel)
        self.save = button("primary")
        self.save.setObjectName("save-note")
        self.save.clicked.connect(self._save)
        actions.addWidget(self.cancel)
        actions.addStretch(1)
        actions.addWidget(self.save)
        self.outer.addLayout(actions)
        self.retranslate()

    def open(self, checklist_id: str, item_id: str, item_text: str, note: str) -> None:
        self.checklist_id, self.item_id = checklist_id, item_id
        set_text(self.item, item_text)
        self.editor.setPlainText(note)
        self.editor.moveCursor(QTextCursor.MoveOperation.End)
        self.show_message("")
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.retranslate()

    def reset(self) -> None:
        self.checklist_id = self.item_id = ""
        set_text(self.item, "")
        forget(self.editor)
        self.show_message("")

    def text(self) -> str:
        return self.editor.toPlainText().strip()

    def _limit(self) -> None:
        text = self.editor.toPlainText()
        if len(text) > MAX_NOTE:  # typed or pasted past the limit: keep the first 1000
            cursor = self.editor.textCursor()
            position = min(cursor.position(), MAX_NOTE)
            self.editor.blockSignals(True)
            self.editor.setPlainText(text[:MAX_NOTE])
            self.editor.blockSignals(False)
            cursor = self.editor.textCursor()
            cursor.setPosition(position)
            self.editor.setTextCursor(cursor)
        self._show_count()

    def _show_count(self) -> None:
        count = len(self.editor.toPlainText())
        set_text(self.count, fill(self.tr("%1 of %n characters", "", MAX_NOTE), str(count)))

    def _save(self) -> None:
        self.saved.emit(self.checklist_id, self.item_id, self.text())

    def _cancel(self) -> None:
        self.reset()
        self.cancelled.emit()

    def retranslate(self) -> None:
        set_text(self.heading, self.tr("Note on this item"))
        self.editor.setAccessibleName(self.tr("Note"))
        self._show_count()
        set_text(self.cancel, self.tr("Cancel"))
        set_text(self.save, self.tr("Save note"))
