"""An on-screen numeric keypad for PINs and dates: large keys that type into a text field.

The keys never take the keyboard focus, so they type into whichever of the keypad's
target fields has it (or had it last); a physical keyboard types into that field too.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

from hemiapp.ui.widgets import button, forget, set_text

KEY_SIZE = 64  # px: larger than the 48 px minimum, for PIN entry by touch


class Keypad(QWidget):
    """Keys 1–9, Clear, 0 and ⌫ (delete) in a 4×3 grid."""

    # A key was pressed (the field it typed into has already changed).
    key_pressed = Signal(str)

    def __init__(self, targets: Sequence[QLineEdit] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keypad")
        self._targets: list[QLineEdit] = []
        self._current: QLineEdit | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        self.keys: dict[str, QPushButton] = {}
        layout = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "delete")
        for position, key in enumerate(layout):
            widget = button()
            widget.setObjectName(f"key-{key}")
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            widget.setAutoRepeat(key == "delete")
            widget.setMinimumSize(88, KEY_SIZE)
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            widget.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(widget, position // 3, position % 3)
            self.keys[key] = widget
        self.set_targets(targets)
        self.retranslate()

    def set_targets(self, targets: Sequence[QLineEdit]) -> None:
        for old in self._targets:
            old.removeEventFilter(self)
        self._targets = list(targets)
        for target in self._targets:
            target.installEventFilter(self)
        self._current = self._targets[0] if self._targets else None

    def target(self) -> QLineEdit | None:
        """The field the keys type into: the focused target, else the last one focused."""
        for field in self._targets:
            if field.hasFocus():
                return field
        return self._current

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QLineEdit):
            self._current = watched
        return False

    def press(self, key: str) -> None:
        """Type ``key`` (a digit, "delete" or "clear") into the target field."""
        field = self.target()
        if field is None or not field.isEnabled() or field.isReadOnly():
            return
        # focus first: a field that moves on once full (a date's day) may pass it on
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        if key == "delete":
            field.backspace()
        elif key == "clear":
            forget(field)
        else:
            field.insert(key)  # the field's validator and maximum length still apply
        self.key_pressed.emit(key)

    def retranslate(self) -> None:
        for digit in "0123456789":
            set_text(self.keys[digit], digit)
        set_text(self.keys["delete"], "⌫", self.tr("Delete"))
        self.keys["delete"].setToolTip(self.tr("Delete"))
        set_text(self.keys["clear"], self.tr("Clear"))
