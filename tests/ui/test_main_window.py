from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hemiapp.content.models import Content
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.theme import TextSize


def test_print_button_only_when_printing_is_wired(qtbot: QtBot, content: Content) -> None:
    window = MainWindow(content)
    qtbot.addWidget(window)
    window.show()
    window.show_screen(len(window.screens) - 1)
    assert not window.review.print_button.isVisible()
    window.enable_printing()
    assert window.review.print_button.isVisible()
    with qtbot.waitSignal(window.print_requested):
        qtbot.mouseClick(window.review.print_button, Qt.MouseButton.LeftButton)


def test_text_size_and_contrast_from_every_screen(qtbot: QtBot, content: Content) -> None:
    window = MainWindow(content)
    qtbot.addWidget(window)
    window.show()
    for index in range(len(window.screens)):
        window.show_screen(index)
        qtbot.mouseClick(window.top_bar.size_buttons[TextSize.LARGE], Qt.MouseButton.LeftButton)
        assert window.text_size is TextSize.LARGE
        assert "font-size: 25px" in window.styleSheet()
        qtbot.mouseClick(window.top_bar.contrast, Qt.MouseButton.LeftButton)
        assert window.high_contrast
        assert "background: #000000" in window.styleSheet()
        qtbot.mouseClick(window.top_bar.contrast, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(window.top_bar.size_buttons[TextSize.NORMAL], Qt.MouseButton.LeftButton)
        assert window.current_screen() is window.screens[index]
