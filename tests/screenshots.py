"""Save a screenshot of every screen: ``python -m tests.screenshots [OUT] [--size WxH]
[--every-step]``.

Renders offscreen at kiosk size (1280×800 by default) in English/Normal text,
Spanish/Large text, Spanish/Extra large and high contrast, walking the real main
window through the journey with a surgery date, quiz answers and ticks.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from hemiapp.content.loader import load_content
from hemiapp.content.session import ItemStatus
from hemiapp.paths import bundled_content_root
from hemiapp.ui.checklist_model import Role
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.maintenance import MaintenanceWindow
from hemiapp.ui.theme import TextSize

CONFIGS = {
    "en-normal": ("en", TextSize.NORMAL, False),
    "es-large": ("es", TextSize.LARGE, False),
    "es-xlarge": ("es", TextSize.EXTRA_LARGE, False),
    "en-contrast": ("en", TextSize.NORMAL, True),
}


def journey(window: MainWindow, every_step: bool = False) -> Iterator[str]:
    """Show each screen in turn; yield its name once it is on screen.

    ``every_step``: every education step (with its picture), not just two."""
    window.show_screen(0)
    yield "1-welcome"
    window.choose_date(date(2026, 11, 2), window.welcome)
    yield "1-welcome-past-date"
    window.past_date.no.click()
    window.session.set_surgery_date(date(2026, 12, 8))
    window.retranslate()
    yield "1-welcome-date"
    window.show_screen(1)
    yield "2-education-step1"
    for step in range(1, len(window.education.steps)) if every_step else [6]:
        window.education.show_step(step)
        yield f"2-education-step{step + 1}"
    window.show_screen(2)
    questions = window.content.course.questions
    first = questions[0]
    wrong = next(c for c in first.choices if c.id != first.answer)
    window.quiz.refresh()
    yield "3-quiz-question"
    window.session.answer(first, wrong.id)
    window.quiz.refresh()
    yield "3-quiz-feedback"
    for question in questions:
        window.session.answer(question, question.answer if question is not first else wrong.id)
    window.show_screen(2, backwards=True)
    yield "3-quiz-summary"
    for index, screen in enumerate(window.checklist_screens):
        checklist = screen.model.checklist
        screen.model.setData(screen.model.index(0), ItemStatus.DONE.value, Role.STATUS)
        screen.model.setData(screen.model.index(1), True, Role.QUESTION)
        window.show_screen(3 + index)
        yield f"4-checklist-{checklist.id}"
        if index == 0:
            screen.change_date.click()
            yield "4-change-date"
            window.date_page.finish.click()
        bar = screen.scroll_area.verticalScrollBar()
        bar.setValue(bar.maximum())
        yield f"4-checklist-{checklist.id}-end"
    window.show_screen(len(window.screens) - 1)
    yield "5-review"
    window.something_went_wrong()
    yield "6-something-went-wrong"
    window.recover()
    window.store_failed(
        "The database /srv/hemiguide/hemiguide.db is in use by another program and stayed "
        "locked. Close the other program, then try again."
    )
    yield "7-maintenance"
    window.maintenance.stop()
    window.recover()
    window.show_screen(len(window.screens) - 1)
    window.ask_finish()
    yield "8-finish-confirm"
    window.printed = True
    window.finish_confirm.yes.click()
    yield "9-closing-printed"


def settle(app: QApplication) -> None:
    """Let nested layouts finish: each level posts its own layout request."""
    for _ in range(10):
        QCoreApplication.sendPostedEvents()
        app.processEvents()


def start_up_maintenance(app: QApplication, out: Path, width: int, height: int) -> int:
    """The screen a station shows when its database cannot be opened at start-up."""
    window = MaintenanceWindow(
        "The folder /srv/hemiguide does not exist. "
        "Check the database path (--db, or database: in the settings).",
        retry=lambda: "still missing",
    )
    window.resize(width, height)
    window.show()
    settle(app)
    window.grab().save(str(out / "7-maintenance-start-up.png"))
    window.page.stop()
    window.close()
    window.deleteLater()
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", nargs="?", default="screenshots", type=Path)
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--every-step", action="store_true", help="every education step")
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.split("x"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    content = load_content(bundled_content_root()).content
    args.out.mkdir(parents=True, exist_ok=True)
    saved = 0
    for name, (language, size, contrast) in CONFIGS.items():
        window = MainWindow(content, today=date(2026, 11, 23))
        window.resize(width, height)
        window.show()
        window.set_language(language)
        window.set_text_size(size)
        window.set_high_contrast(contrast)
        for shot in journey(window, args.every_step):
            settle(app)
            path = args.out / f"{name}-{shot}.png"
            window.grab().save(str(path))
            saved += 1
        window.close()
        window.deleteLater()
        app.processEvents()
    saved += start_up_maintenance(app, args.out, width, height)
    print(f"saved {saved} screenshots in {args.out}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
