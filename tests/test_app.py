"""The composition root: the app on bundled content, on a clinic's folder, on broken content."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from hemiapp.app import build_window
from hemiapp.paths import bundled_content_root
from hemiapp.ui.content_error import ContentErrorWindow
from hemiapp.ui.main_window import MainWindow


def args(content: Path | None) -> argparse.Namespace:
    return argparse.Namespace(content=content, command=None)


def test_bundled_content_starts_the_app(qtbot: QtBot) -> None:
    window = build_window(args(None))
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    assert window.content.root == bundled_content_root()


def test_a_clinic_folder_is_used(qtbot: QtBot, tmp_path: Path) -> None:
    clinic = tmp_path / "clinic"
    for folder in ("resources", "checklists"):
        shutil.copytree(bundled_content_root() / folder, clinic / folder)
    course = clinic / "resources" / "education" / "course.yaml"
    original = course.read_text(encoding="utf-8")
    assert 'en: "What is a hemilaminotomy?"' in original
    course.write_text(
        original.replace(
            'en: "What is a hemilaminotomy?"', 'en: "What is a hemilaminotomy at Riverside?"'
        ),
        encoding="utf-8",
    )
    window = build_window(args(clinic))
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    window.show_screen(1)
    assert window.education.title.text() == "What is a hemilaminotomy at Riverside?"


def test_broken_content_shows_the_problems_instead_of_crashing(
    qtbot: QtBot, tmp_path: Path, capsys: object
) -> None:
    clinic = tmp_path / "clinic"
    for folder in ("resources", "checklists"):
        shutil.copytree(bundled_content_root() / folder, clinic / folder)
    checklist = clinic / "checklists" / "pre-op.yaml"
    text = checklist.read_text(encoding="utf-8")
    checklist.write_text(text.replace("kind: pre-op", "kind: preop", 1), encoding="utf-8")
    line = text.splitlines().index("kind: pre-op") + 1
    window = build_window(args(clinic))
    qtbot.addWidget(window)
    assert isinstance(window, ContentErrorWindow)
    assert window.details.toPlainText() == (
        f"{checklist}:{line}:7: error: 'preop' is not a valid checklist kind; "
        "did you mean 'pre-op'?"
    )
    assert window.heading.text() == "HemiGuide cannot start"
    assert checklist.read_text(encoding="utf-8") != text  # the author's file is left as it is
