"""Every screen, at every text size and both kiosk sizes: touch targets of 48×48 px or more,
a name for screen readers on every control, and no clipped text."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hemiapp.content.models import Content
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.theme import TextSize
from tests.screenshots import journey

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
)


def settle() -> None:
    for _ in range(10):
        QCoreApplication.sendPostedEvents()
        QApplication.processEvents()


def shown(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if w.isVisible()]


def problems(window: MainWindow, state: str, page: QWidget | None = None) -> list[str]:
    """What is too small, unnamed or clipped on the top bar and ``page`` (default: the
    current screen)."""
    found = []
    roots = [window.top_bar, page or window.stack.currentWidget()]
    for widget in (w for root in roots for w in shown(root)):
        name = widget.objectName() or type(widget).__name__
        where = f"{state}: {name}"
        if isinstance(widget, INTERACTIVE):
            if widget.width() < 48 or widget.height() < 48:
                found.append(f"{where} is {widget.width()}×{widget.height()} px")
            iface = QAccessible.queryAccessibleInterface(widget)
            if iface is None or not iface.text(QAccessible.Text.Name).strip():
                found.append(f"{where} has no accessible name")
        elif isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + 2:
                    found.append(f"{where} is clipped ({widget.height()} < {needed} px high)")
            elif widget.sizeHint().width() > widget.width() + 2:
                found.append(f"{where} is clipped ({widget.width()} px wide)")
    return found


@pytest.mark.parametrize("size", list(TextSize), ids=lambda s: s.name.lower())
@pytest.mark.parametrize("geometry", [(1280, 800), (1920, 1080)], ids=["1280x800", "1920x1080"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_targets_names_and_no_clipping(
    qtbot: QtBot, content: Content, size: TextSize, geometry: tuple[int, int], language: str
) -> None:
    window = MainWindow(content, today=date(2026, 11, 23))
    qtbot.addWidget(window)
    window.resize(*geometry)
    window.show()
    window.set_language(language)
    window.set_text_size(size)
    found = []
    for state in journey(window):
        settle()
        found += problems(window, state)
    assert found == []


def test_every_screen_is_checked(qtbot: QtBot, content: Content) -> None:
    window = MainWindow(content, today=date(2026, 11, 23))
    qtbot.addWidget(window)
    window.show()
    expected = {
        id(s)
        for s in [
            *window.screens,
            window.crash,
            window.maintenance,
            window.finish_confirm,
            window.closing,
            window.date_page,
            window.past_date,
        ]
    }
    seen = set()
    for _ in journey(window):
        seen.add(id(window.stack.currentWidget()))
    assert seen == expected
