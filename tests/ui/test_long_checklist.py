"""A very long checklist is shown a batch of cards at a time (scrolling near the end, or
"Show more"), so its screen never freezes the kiosk."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hemiapp.content.loader import load_content
from hemiapp.content.models import ItemKind
from hemiapp.content.session import ItemStatus, Session
from hemiapp.ui.checklist import BATCH, ChecklistScreen
from tests.bench.scaling import content_copy
from tests.ui.helpers import shown

ITEMS = 100


def test_cards_come_a_batch_at_a_time(qtbot: QtBot, tmp_path: Path) -> None:
    content = load_content(content_copy(tmp_path, ITEMS)).content
    session = Session(content)
    screen = shown(qtbot, ChecklistScreen(session, "synthetic-1"))
    assert len(screen.cards) == BATCH
    assert screen.more.isVisible() and screen.more.text() == "Show more (60 left)"
    qtbot.mouseClick(screen.more, Qt.MouseButton.LeftButton)
    assert len(screen.cards) == 2 * BATCH
    assert screen.more.text() == "Show more (20 left)"
    bar = screen.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())  # scrolling near the end brings the rest
    qtbot.waitUntil(lambda: len(screen.cards) == ITEMS)
    assert not screen.more.isVisible()
    assert [row for _, row in screen.section_titles] == list(range(0, ITEMS, 20))
    last = screen.cards[-2]  # (item-100 is for nurses)
    qtbot.mouseClick(last.done, Qt.MouseButton.LeftButton)
    assert session.status("synthetic-1", "item-99") is ItemStatus.DONE
    tasks = [
        i for i in content.checklist("synthetic-1").items if i.kind is not ItemKind.WARNING_SIGN
    ]
    assert screen.progress.text() == f"1 of {len(tasks)} done"  # warning signs are not tasks
    session.set_language("es")
    screen.refresh()
    assert screen.section_titles[-1][0].text() == "Parte 5 de la lista"


def test_a_bundled_checklist_is_shown_whole(qtbot: QtBot, tmp_path: Path) -> None:
    content = load_content(content_copy(tmp_path, 0)).content
    screen = shown(qtbot, ChecklistScreen(Session(content), "pre-op"))
    assert len(screen.cards) == screen.model.rowCount() < BATCH
    assert not screen.more.isVisible()
