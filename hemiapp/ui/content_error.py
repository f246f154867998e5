"""Shown instead of the app when the content folder has errors: what is wrong, where."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QPlainTextEdit, QVBoxLayout, QWidget

from hemiapp.content.errors import ContentError
from hemiapp.ui.theme import NORMAL, TextSize, stylesheet
from hemiapp.ui.widgets import label, set_text


class ContentErrorWindow(QMainWindow):
    def __init__(self, error: ContentError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("HemiGuide"))
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(16)
        self.heading = label("heading")
        set_text(self.heading, self.tr("HemiGuide cannot start"))
        self.explanation = label()
        set_text(
            self.explanation,
            self.tr(
                "The content files have errors. Please ask the front desk. "
                "For staff: fix the problems below, then check them with "
                "'hemiapp validate'."
            ),
        )
        self.details = QPlainTextEdit("\n".join(str(f) for f in error.errors))
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Problems found in the content"))
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.details, 1)
        self.setCentralWidget(page)
        self.setStyleSheet(stylesheet(NORMAL, TextSize.NORMAL))
