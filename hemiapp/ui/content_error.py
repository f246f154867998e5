"""Shown instead of the app when the settings file or the content folder has errors:
what is wrong, where, and the command that checks it again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QPlainTextEdit, QVBoxLayout, QWidget

from hemiapp.content.errors import ContentError
from hemiapp.ui.theme import NORMAL, TextSize, stylesheet
from hemiapp.ui.widgets import label, set_text


class ContentErrorWindow(QMainWindow):
    def __init__(
        self, error: ContentError, parent: QWidget | None = None, *, settings: Path | None = None
    ) -> None:
        """``settings``: the problems are in this settings file (else in the content)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("HemiGuide"))
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(16)
        self.heading = label("heading")
        set_text(self.heading, self.tr("HemiGuide cannot start"))
        self.explanation = label()
        if settings is not None:
            explanation = self.tr(
                "The settings file %1 has errors. Please ask the front desk. "
                "For staff: fix the problems below, then check the file with "
                "'hemiapp validate --config %1'."
            ).replace("%1", str(settings))
            details = self.tr("Problems found in the settings file")
        else:
            explanation = self.tr(
                "The content files have errors. Please ask the front desk. "
                "For staff: fix the problems below, then check them with "
                "'hemiapp validate'."
            )
            details = self.tr("Problems found in the content")
        set_text(self.explanation, explanation)
        self.details = QPlainTextEdit("\n".join(str(f) for f in error.errors))
        self.details.setReadOnly(True)
        self.details.setAccessibleName(details)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.details, 1)
        self.setCentralWidget(page)
        self.setStyleSheet(stylesheet(NORMAL, TextSize.NORMAL))
