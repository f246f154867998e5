"""Building blocks shared by the screens: the Screen base, labels, buttons, the top bar."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hemiapp.content.models import LANGUAGES
from hemiapp.content.session import Session
from hemiapp.ui.i18n import every_translation
from hemiapp.ui.theme import BODY_PX, TOP_BAR_PADDING, TextSize

if TYPE_CHECKING:
    _Widget = QWidget
else:
    _Widget = object  # a mixin: the Qt widget class comes after it


class FollowsLanguage(_Widget):
    """Mixin for a page or bar, before its Qt class (``class Page(FollowsLanguage,
    QWidget)``): it calls its own ``retranslate()`` whenever the interface language changes
    (installing a translator sends every widget a LanguageChange, hidden ones too:
    hemiapp.ui.i18n). Nobody has to tell it to retranslate."""

    def retranslate(self) -> None:
        """Re-render every text in the interface's current language."""

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()


class Screen(QWidget):
    """One page of the journey. It shows the session and asks to move on; it never
    shows another screen itself (the main window decides what is shown). It follows the
    session's events and the interface language itself: a LanguageChange (a translator
    installed, hemiapp.ui.i18n) re-renders it, shown or not; nobody refreshes it."""

    next_requested = Signal()
    back_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session

    def bind(self, session: Session) -> None:
        """Show another visit (a wipe, a new or resumed session): the screen forgets every
        view state of the last one, then shows this one. Screens are built once per
        process and reused: rebuilding them for each visit cost half a second and, in
        PySide6, memory that was never given back."""
        self.session = session
        self.attach()
        self.reset_view()
        self.refresh()

    def follow(self, session: Session) -> None:
        """Show the same visit read again from the store (another station changed it):
        where the person is, keeping the view (its page, its scrolling)."""
        self.session = session
        self.attach()
        self.refresh()

    def attach(self) -> None:
        """Whatever else shows ``self.session`` (a model, a subscription) follows it."""

    def reset_view(self) -> None:
        """Back to how the screen was built: its first page, scrolled to the top."""
        for area in self.findChildren(QScrollArea):
            area.verticalScrollBar().setValue(0)
            area.horizontalScrollBar().setValue(0)

    def refresh(self) -> None:
        """Re-render every text from the session, in the session's language."""

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()  # (the session's language is set before its translator)

    def enter(self, *, backwards: bool) -> None:
        """Called when the screen is shown (``backwards``: reached with Back)."""
        self.refresh()


def label(role: str | None = None, *, wrap: bool = True, rich: bool = False) -> QLabel:
    """A label that shows text literally unless ``rich`` (only for escaped content HTML)."""
    widget = QLabel()
    widget.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    widget.setWordWrap(wrap)
    if role:
        widget.setProperty("role", role)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return widget


class Button(QPushButton):
    """A push button that Enter and Return activate too (keyboard-only use)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.isEnabled():
            self.click()
            return
        super().keyPressEvent(event)


def button(role: str | None = None, *, checkable: bool = False) -> QPushButton:
    widget = Button()
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.setCheckable(checkable)
    widget.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
    if role:
        widget.setProperty("role", role)
    return widget


def discard(layout: QLayout, widgets: list[QWidget]) -> None:
    """Take ``widgets`` out of ``layout`` and the window at once (nothing of them can be
    reached any more); they are deleted when control is back in the event loop."""
    for widget in widgets:
        layout.removeWidget(widget)
        widget.hide()
        widget.setParent(None)
        widget.deleteLater()


def forget(field: QLineEdit | QPlainTextEdit) -> None:
    """Empty a text field *and* its undo history (``clear()`` keeps it: Ctrl+Z would bring
    the last person's text back)."""
    if isinstance(field, QLineEdit):
        field.setText("")  # setText, unlike clear(), starts a new history
    else:
        field.setPlainText("")
        field.document().clearUndoRedoStacks()


def set_text(widget: QPushButton | QLabel, text: str, accessible: str | None = None) -> None:
    """Set a widget's text and the name a screen reader says for it."""
    widget.setText(text)
    widget.setAccessibleName(accessible or text)


def scroll_area(page: QWidget) -> QScrollArea:
    """A vertical scroll area for a page: never sideways, and swiped by touch."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(page)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
    return area


def fill(template: str, *values: str) -> str:
    """``template`` with %1, %2… replaced in one pass, so a value holding "%2" stays as typed."""
    return re.sub(
        r"%([1-9])",
        lambda m: values[int(m[1]) - 1] if int(m[1]) <= len(values) else m[0],
        template,
    )


def frame(role: str) -> QFrame:
    widget = QFrame()
    widget.setProperty("role", role)
    return widget


class FixedButton(Button):
    """A top-bar button with one size, big enough for each of its texts at the largest
    text size: whatever the language or text size shows in it, it never moves (a second
    tap where "A" was must not land on "A+"). Its text grows inside it."""

    def __init__(self, texts: tuple[str, ...], *, bold: bool = True) -> None:
        super().__init__()
        font = QFont(self.font())
        font.setPixelSize(round(BODY_PX * max(s.value for s in TextSize)))
        font.setBold(bold)
        metrics = QFontMetrics(font)
        frame_px = 2 * (TOP_BAR_PADDING + 4)  # padding, and the widest (focus) border
        width = max(metrics.horizontalAdvance(text) for text in texts) + frame_px + 4
        self.fixed = QSize(max(width, 48), max(metrics.height() + 2 * (8 + 4), 48))
        policy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)  # nor when a button beside it comes or goes
        self.setSizePolicy(policy)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def sizeHint(self) -> QSize:
        return self.fixed

    def minimumSizeHint(self) -> QSize:
        return self.fixed


class TopBar(QFrame):
    """Always on screen: language, text size and contrast (and staff mode's controls).

    Its buttons have one size and place for every language and text size (their text
    grows inside them); the title is in a fixed size too."""

    language_chosen = Signal(str)
    text_size_chosen = Signal(object)  # TextSize
    contrast_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "topbar")
        # Rows under the main one (staff mode adds who is signed in: hemiapp.ui.staff).
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(0)
        layout = QHBoxLayout()
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(6)
        self.rows.addLayout(layout)
        self.title = label("brand", wrap=False)
        # the title gives way first in a narrow window; the buttons keep their size
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.title, 1)  # (it takes the room left: the buttons stay right)
        self.languages = QButtonGroup(self)
        for code, name in LANGUAGES.items():
            lang = FixedButton((name,))
            lang.setCheckable(True)
            set_text(lang, name)  # each language is named in its own language
            lang.setObjectName(f"language-{code}")
            lang.clicked.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            self.languages.addButton(lang)
            layout.addWidget(lang)
        layout.addSpacing(12)
        self.sizes = QButtonGroup(self)
        self.size_buttons: dict[TextSize, QPushButton] = {}
        for size, text in zip(TextSize, ("A", "A+", "A++"), strict=True):
            sized = FixedButton((text,))
            sized.setCheckable(True)
            sized.setText(text)
            sized.setObjectName(f"size-{size.name.lower()}")
            sized.clicked.connect(lambda _=False, s=size: self.text_size_chosen.emit(s))
            self.sizes.addButton(sized)
            self.size_buttons[size] = sized
            layout.addWidget(sized)
        layout.addSpacing(12)
        self.contrast = FixedButton(every_translation("TopBar", "High contrast"))
        self.contrast.setCheckable(True)
        self.contrast.setObjectName("contrast")
        self.contrast.toggled.connect(self.contrast_toggled)
        layout.addWidget(self.contrast)
        # Where staff mode puts its "Staff" button.
        self.staff_slot = QHBoxLayout()
        layout.addLayout(self.staff_slot)
        self.retranslate()

    def retranslate(self) -> None:
        set_text(self.title, self.tr("HemiGuide"))
        names = (self.tr("Normal text"), self.tr("Large text"), self.tr("Extra large text"))
        for size, name in zip(TextSize, names, strict=True):
            self.size_buttons[size].setAccessibleName(name)
            self.size_buttons[size].setToolTip(name)
        set_text(self.contrast, self.tr("High contrast"))

    def show_state(self, language: str, size: TextSize, high_contrast: bool) -> None:
        for lang in self.languages.buttons():
            lang.setChecked(lang.objectName() == f"language-{language}")
        self.size_buttons[size].setChecked(True)
        self.contrast.blockSignals(True)
        self.contrast.setChecked(high_contrast)
        self.contrast.blockSignals(False)
