"""Pieces the staff pages share: a page with a heading and a message, text fields, names."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from hemiapp.content.session import Actor
from hemiapp.store.staff import StaffMember
from hemiapp.ui.theme import NORMAL, Palette
from hemiapp.ui.widgets import FollowsLanguage, frame, label, set_text


def field_style(palette: Palette) -> str:
    """Text fields in the theme's colours (the theme itself has no rule for them)."""
    p = palette
    return f"""
    QLineEdit, QPlainTextEdit {{ background: {p.surface}; color: {p.text};
        border: 2px solid {p.text}; border-radius: 8px; padding: 6px 10px;
        selection-background-color: {p.primary}; selection-color: {p.on_primary}; }}
    QLineEdit:focus, QPlainTextEdit:focus {{ border: 4px solid {p.focus}; }}
    """


# What staff type is about patients: an on-screen keyboard must not learn or suggest it.
PRIVATE_TEXT = Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText


def line_edit(
    object_name: str,
    *,
    max_length: int = 100,
    hints: Qt.InputMethodHint = Qt.InputMethodHint.ImhNone,
) -> QLineEdit:
    """A one-line text field, tall enough to touch (give it an accessible name).

    ``hints`` for an on-screen keyboard are added to PRIVATE_TEXT, never instead of it."""
    field = QLineEdit()
    field.setObjectName(object_name)
    field.setInputMethodHints(PRIVATE_TEXT | hints)
    field.setMaxLength(max_length)
    field.setMinimumHeight(56)
    field.setMinimumWidth(64)
    return field


def refit(root: QWidget) -> None:
    """Have every scroll area under ``root`` fit its page to the page's texts again.

    A scroll area sizes its page on its own resize only, and a wrapping label whose font
    changed while its page was hidden keeps its old height in the layout: a text that
    now wraps onto more lines would otherwise be squeezed into the old height.
    """
    for text in root.findChildren(QLabel):
        if text.wordWrap():
            text.updateGeometry()
    for area in root.findChildren(QScrollArea):
        QCoreApplication.postEvent(area, QEvent(QEvent.Type.LayoutRequest))


def actor_of(member: StaffMember) -> Actor:
    return Actor(member.id, member.staff_id, member.name, member.role)


class Page(FollowsLanguage, QWidget):
    """A staff page shown over the journey: a heading, its content, and a message line.
    It retranslates itself when the language changes (``retranslate``, FollowsLanguage)."""

    # Something could not be saved: the window shows its maintenance page.
    store_failed = Signal(str)
    # A change was refused, another station having changed it first: the window shows
    # what is saved now, and says so.
    changed_elsewhere = Signal()

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.apply_palette(NORMAL)
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(32, 20, 32, 20)
        self.outer.setSpacing(14)
        self.heading = label("heading")
        self.outer.addWidget(self.heading)
        self.message_box = frame("warning")
        self.message_box.setObjectName("message-box")
        box = QVBoxLayout(self.message_box)
        box.setContentsMargins(16, 8, 16, 8)
        self.message = label()
        self.message.setObjectName("message")
        box.addWidget(self.message)
        self.message_box.setVisible(False)

    def show_message(self, text: str) -> None:
        """Show (or with "" hide) the page's message."""
        set_text(self.message, text)
        self.message_box.setVisible(bool(text))
        refit(self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        refit(self)

    def apply_palette(self, palette: Palette) -> None:
        self.setStyleSheet(field_style(palette))

    def reset(self) -> None:
        """Forget whatever the page shows or holds (at sign-out)."""
        self.show_message("")
