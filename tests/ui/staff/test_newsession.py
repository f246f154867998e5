"""The new-session form fits a 1280×800 station: every field in view without scrolling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.staff.controller import StaffController
from hemiapp.ui.theme import TextSize
from tests.ui.staff.conftest import settle, sign_in


def in_view(widget: QWidget, area: QScrollArea) -> bool:
    """All of ``widget`` is inside the scroll area's visible part."""
    viewport = area.viewport()
    top = widget.mapTo(viewport, QPoint(0, 0))
    bottom = widget.mapTo(viewport, QPoint(widget.width(), widget.height()))
    return viewport.rect().contains(top) and viewport.rect().contains(bottom - QPoint(1, 1))


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_field_is_in_view_at_1280_by_800(
    qtbot: QtBot, window: MainWindow, controller: StaffController, language: str
) -> None:
    window.set_language(language)
    sign_in(qtbot, controller)
    controller.open_panel("new")
    settle()
    form = controller.panel.form
    area = form.findChild(QScrollArea)
    assert area is not None and area.verticalScrollBar().value() == 0
    fields = [form.name, *form.dob.fields, *form.surgery.fields, form.mrn, form.surgeon]
    assert [f.objectName() for f in fields if not in_view(f, area)] == []
    assert form.start.isVisible()


def test_at_extra_large_text_the_form_scrolls_to_every_field(
    qtbot: QtBot, window: MainWindow, controller: StaffController
) -> None:
    window.set_text_size(TextSize.EXTRA_LARGE)
    sign_in(qtbot, controller)
    controller.open_panel("new")
    settle()
    form = controller.panel.form
    area = form.findChild(QScrollArea)
    assert area is not None
    for field in (form.mrn, form.surgeon):
        area.ensureWidgetVisible(field)
        settle()
        assert in_view(field, area), field.objectName()
        assert field.width() >= 200  # wide enough to read what is typed
