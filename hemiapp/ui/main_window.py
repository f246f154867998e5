"""The main window (a first version: welcome and content-error screens)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QPlainTextEdit, QVBoxLayout, QWidget

from hemiapp.content.errors import ContentError
from hemiapp.content.models import Content


class MainWindow(QMainWindow):
    def __init__(self, content: Content | None = None) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("HemiGuide"))
        self.content = content
        page = QWidget()
        layout = QVBoxLayout(page)
        title = QLabel(content.course.title.english if content else self.tr("HemiGuide"))
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 36px; font-weight: bold;")
        layout.addWidget(title)
        self.setCentralWidget(page)

    @classmethod
    def for_content_error(cls, error: ContentError) -> MainWindow:
        window = cls(None)
        page = QWidget()
        layout = QVBoxLayout(page)
        heading = QLabel(window.tr("The content could not be loaded. Please ask the front desk."))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        details = QPlainTextEdit("\n".join(str(f) for f in error.findings))
        details.setReadOnly(True)
        layout.addWidget(details)
        window.setCentralWidget(page)
        return window
