"""Printout fixtures: sessions built in memory, and reading PDFs back with poppler-utils."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from hemiapp.content.loader import load_content
from hemiapp.content.models import Content, Item, ItemKind
from hemiapp.content.session import ItemState, ItemStatus, PatientDetails, Session, SignOff
from hemiapp.paths import bundled_content_root

SYMBOLS = {ItemStatus.DONE: "☑", ItemStatus.OPEN: "☐"}
NURSE = "Ana Ruiz"
CHANGED_AT = datetime(2026, 11, 23, 14, 5, tzinfo=UTC)
SIGNED_AT = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
PRINTED_AT = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
ATTESTATION = "I went through every item with the patient & their family."
NOTE = "Ask about <i>ibuprofen</i> & rides"
PATIENT = PatientDetails("<b>x</b> María López", date(1961, 5, 3), "MRN-0042", "Dr. Grey")

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdftotext, pdftoppm) is not installed",
)


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content(bundled_content_root()).content


def norm(text: str) -> str:
    """NFKC (the PDF's ligatures and '…' come back as plain letters) and single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pdf_text(path: Path, page: int | None = None, *, layout: bool = False) -> str:
    """The PDF's text (one page, or all), NFKC-normalised: in drawing order (each table
    cell's lines together, so an item reads "☑ its text… its date, status, who"), or
    with ``layout`` as laid out on the page."""
    args = ["pdftotext", "-enc", "UTF-8", "-layout" if layout else "-raw"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    done = subprocess.run(
        [*args, str(path), "-"], capture_output=True, check=True, timeout=60, text=True
    )
    return unicodedata.normalize("NFKC", done.stdout)


def pdf_pages(path: Path) -> int:
    done = subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, check=True, timeout=60, text=True
    )
    found = re.search(r"^Pages:\s+(\d+)", done.stdout, re.MULTILINE)
    assert found, done.stdout
    return int(found.group(1))


def item_rows(text: str) -> list[tuple[str, str]]:
    """(marks, first line of the item text) of every item row with marks, from
    ``pdf_text``: ☑ or ☐, then " ?" when it has a question; a warning sign (no status: not
    a task) has no mark, or only "?"."""
    rows = []
    for line in text.splitlines():
        found = re.match(r"([☑☐](?: \?)?|\?) (.*)", line)
        if found:
            rows.append((found[1], found[2].strip()))
    return rows


def state_of(index: int) -> tuple[ItemStatus, bool]:
    """(status, question) in turn: done, open with a question, open, done with a question."""
    done, still_open = ItemStatus.DONE, ItemStatus.OPEN
    return ((done, False), (still_open, True), (still_open, False), (done, True))[index % 4]


def marks_for(item: Item, state: ItemState) -> str:
    """What the printout should show beside an item (written out here, not by the code):
    nothing beside an emergency sign (it is in the "Call 911 now" box, never a question)."""
    if item.kind is ItemKind.EMERGENCY:
        return ""
    marks = [] if item.is_sign else [SYMBOLS[state.status]]
    return " ".join([*marks, "?"] if state.question else marks)


def fill_session(session: Session, *, sign: bool = True) -> Session:
    """Every item gets a state (see state_of); every third one a note; staff and patient
    changes alternate; every checklist is signed off."""
    for checklist in session.content.checklists:
        for index, item in enumerate(checklist.items):
            status, question = state_of(index)
            by = NURSE if index % 2 == 0 else ""
            note = NOTE if index % 3 == 1 else ""
            changed = CHANGED_AT if status is not ItemStatus.OPEN or question or by else None
            session.items[(checklist.id, item.id)] = ItemState(
                status, note, by, changed, question=question
            )
        if sign:
            session.signoffs[checklist.id] = SignOff(
                checklist.id, NURSE, "RN", SIGNED_AT, "PIN", ATTESTATION
            )
    return session


def big_checklist(sections: int, per_section: int) -> str:
    """A checklist "big": items of varying height; the last section is warning signs."""
    lines = [
        "id: big",
        "kind: pre-op",
        'version: "0.1"',
        "review_status: draft",
        "title:",
        "  en: A long checklist",
        "sections:",
    ]
    number = 0
    for section in range(1, sections + 1):
        warning = section == sections
        lines += [f"  - id: s{section:02}", "    title:", f"      en: Section {section:02} heading"]
        lines.append("    items:")
        for _ in range(per_section):
            number += 1
            filler = " and then rest" * (number % 5 * 4)
            lines += [
                f"      - id: i{number:03}",
                "        text:",
                f'          en: "Item {number:03}: do the task{filler}."',
                f"        kind: {'warning-sign' if warning else 'task'}",
            ]
            if number % 3 == 0:
                lines += ["        detail:", f'          en: "Why{" it helps" * 12}."']
            if not warning:
                lines.append(f'        when: "-{number % 30 + 1}d"')
    return "\n".join(lines) + "\n"


@pytest.fixture
def make_session(content: Content) -> Callable[..., Session]:
    def make(
        language: str = "en",
        *,
        patient: PatientDetails | None = PATIENT,
        surgery: date | None = date(2026, 12, 1),
        sign: bool = True,
        content_: Content | None = None,
    ) -> Session:
        session = Session(content_ or content, language=language, surgery_date=surgery)
        session.patient = patient
        return fill_session(session, sign=sign)

    return make
