"""The "Call 911 now" box: the signs to call 911 for, unfolded and set apart.

One look everywhere it is shown (the checklist screen, the review, a course step): a
thick border and a solid banner with "⚠ Call 911 now" in bold, so that it is told apart
from the warning signs by more than colour (in high contrast, and on a black-and-white
screen too). Its heading is the app's own words, never the content's: content may say
911 only in the signs themselves (see hemiapp.content.emergency).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from hemiapp.ui.widgets import discard, fill, label, set_text

ROLE = "emergency"  # the box's style role (hemiapp.ui.theme)
SYMBOL = "⚠"


class EmergencyBox(QFrame):
    """A banner heading, then the signs (``add``: any widget, or ``add_sign``: a text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emergency-box")
        self.setProperty("role", ROLE)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.heading = label("emergency-heading")
        self.heading.setObjectName("emergency-heading")
        outer.addWidget(self.heading)
        self.body = QVBoxLayout()
        self.body.setContentsMargins(20, 12, 20, 16)
        self.body.setSpacing(8)
        outer.addLayout(self.body)
        self.signs: list[str] = []
        self.sign_labels: list[QWidget] = []
        self.retranslate()

    def add(self, widget: QWidget) -> None:
        self.body.addWidget(widget)

    def add_sign(self, text: str) -> None:
        """One sign as a bulleted line of bold text."""
        row = QWidget()
        row.setObjectName("emergency-sign")
        row.setProperty("role", "emergency-row")
        row.setAccessibleName(text)
        line = QHBoxLayout(row)  # the bullet, then the text wrapping under itself
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(10)
        bullet = label("emergency-sign", wrap=False)
        bullet.setText("•")
        bullet.setAccessibleName("")
        line.addWidget(bullet, 0, Qt.AlignmentFlag.AlignTop)
        sign = label("emergency-sign")
        set_text(sign, text)
        line.addWidget(sign, 1)
        self.body.addWidget(row)
        self.signs.append(text)
        self.sign_labels.append(row)
        self._describe()

    def set_signs(self, texts: list[str]) -> None:
        """Show these signs instead of the ones shown (a step's, in a new language)."""
        discard(self.body, self.sign_labels)
        self.sign_labels, self.signs = [], []
        for text in texts:
            self.add_sign(text)

    def retranslate(self) -> None:
        """The heading in the interface's language (call it after a language switch)."""
        heading = self.tr("Call 911 now")
        set_text(self.heading, f"{SYMBOL} {heading}", self.accessible_heading())
        self.setAccessibleName(self.accessible_heading())
        self._describe()

    def accessible_heading(self) -> str:
        return self.tr("Emergency. Call 911 now")

    def _describe(self) -> None:
        if self.signs:
            self.setAccessibleDescription(
                fill(self.tr("Emergency. Call 911 now: %1"), " ".join(self.signs))
            )
