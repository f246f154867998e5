"""The app under the crash test: ``python -m tests.store.crash_child DB SEED``.

Runs the real main window on the real store (offscreen), clicks Done / I have a
question on checklist items, writes notes and signs off, and prints one line
``SAVED <audit action> <item> <detail>`` after each action has returned, that is,
once the screen shows it as saved. The parent kills it with SIGKILL at random.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from hemiapp.content.loader import load_content
from hemiapp.content.session import Actor
from hemiapp.paths import bundled_content_root
from hemiapp.store.db import open_database
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.main_window import MainWindow


def say(action: str, item: str, detail: dict[str, str]) -> None:
    print("SAVED", action, item, json.dumps(detail, sort_keys=True), flush=True)


def main() -> None:
    db_path, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    app = QApplication([])
    content = load_content(bundled_content_root()).content
    db = open_database(db_path)
    with db.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO staff (staff_id, name, role, pin_hash, created_at) "
            "VALUES (?, 'Ana Ruiz', 'Nurse', 'x', '2026-11-23T00:00:00+00:00')",
            (f"n{seed}",),
        )
    nurse = Actor(int(cur.lastrowid or 0), f"n{seed}", "Ana Ruiz", "Nurse")
    window = MainWindow(content, sessions=SessionStore(db))
    window.show()
    window.session.actor = nurse
    screens = window.checklist_screens
    for screen in screens:
        screen.model.refresh()
    print("READY", flush=True)
    for step in range(10_000):
        screen = rng.choice(screens)
        window.show_screen(window.screens.index(screen))
        row = rng.randrange(len(screen.cards))
        card = screen.cards[row]
        item = f"{screen.model.checklist.id}/{screen.model.item(row).id}"
        kind = rng.random()
        if kind < 0.7:
            button = rng.choice([card.done, card.question])
            old = window.session.status(*item.split("/")).value
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
            new = window.session.status(*item.split("/")).value
            if new != old:
                say("tick", item, {"new": new, "old": old})
        elif kind < 0.9:
            old_note = window.session.item(*item.split("/")).note
            note = f"note {step} for {item}"
            window.session.set_note(*item.split("/"), note)
            say("note", item, {"new": note, "old": old_note})
        else:
            checklist = screen.model.checklist.id
            previous = window.session.signoffs.get(checklist)
            window.session.sign_off(checklist, "I went through this with the patient.")
            detail = {"method": "PIN", "name": "Ana Ruiz", "role": "Nurse"}
            if previous is not None:
                detail["replaces"] = previous.signed_at.isoformat()
            say("sign-off", checklist, detail)
        app.processEvents()


if __name__ == "__main__":
    main()
