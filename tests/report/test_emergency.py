"""The printout's "Call 911 now" box, read back from a real PDF: first among the signs,
a thick black border and a black banner, full-size black text (never small grey)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import (
    QColor,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFragment,
    QTextTable,
)
from PySide6.QtWidgets import QApplication

from hemiapp.content.loader import load_content
from hemiapp.content.models import Content
from hemiapp.content.session import ItemState, Session
from hemiapp.report.document import ReportOptions, build_document, in_print_order
from hemiapp.report.emergency import BORDER, HEADING_PT, TEXT_PT
from hemiapp.report.labels import labels_for
from hemiapp.report.printing import print_pdf
from tests.content.conftest import CHECKLIST, make_content
from tests.report.conftest import PRINTED_AT, needs_poppler, norm, pdf_text
from tests.ui.test_emergency import POST_OP

pytestmark = needs_poppler


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Content:
    root = make_content(
        tmp_path_factory.mktemp("emergency") / "c",
        checklists={"pre-op.yaml": CHECKLIST, "post-op.yaml": POST_OP},
    )
    return load_content(root).content


def document(content: Content, language: str = "en") -> QTextDocument:
    session = Session(content, language=language, surgery_date=date(2026, 12, 1))
    session.items[("post", "em-chest")] = ItemState(note="Lives alone")
    checklists = in_print_order(content.checklists)
    return build_document(session, checklists, ReportOptions(), printed_at=PRINTED_AT)


def test_the_box_prints_first_among_the_signs(
    qapp: QApplication, content: Content, tmp_path: Path
) -> None:
    path = tmp_path / "out.pdf"
    print_pdf(document(content), path, "A4")
    text = norm(pdf_text(path))
    order = [
        "Walk a little every day.",
        "⚠ Call 911 now",
        "• Call 911 if you have chest pain.",
        "Do not drive yourself.",
        "Note: Lives alone",
        "• Call 911 if you cannot move your legs.",
        "⚠ Call your team if",
        "You have a fever.",
    ]
    at = [text.index(each) for each in order]
    assert at == sorted(at), text
    assert "Get help at once" not in text  # the box's heading is the printout's own


def test_the_box_in_spanish(qapp: QApplication, content: Content, tmp_path: Path) -> None:
    path = tmp_path / "out.pdf"
    print_pdf(document(content, "es"), path, "A4")
    text = norm(pdf_text(path))
    assert labels_for("es")["emergency_heading"] == "Llame al 911 ahora"
    heading = text.index("⚠ Llame al 911 ahora")
    assert heading < text.index("• Llame al 911 si tiene dolor en el pecho.")
    assert text.index("No maneje usted.") < text.index("⚠ Llame a su equipo si")


def box_of(doc: QTextDocument) -> QTextTable:
    for frame in doc.rootFrame().childFrames():
        if isinstance(frame, QTextTable):
            cursor = frame.cellAt(0, 0).firstCursorPosition()
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            if cursor.selectedText() == "⚠ Call 911 now":
                return frame
    raise AssertionError("no 'Call 911 now' box")


def test_the_box_is_set_apart_in_black_and_white(qapp: QApplication, content: Content) -> None:
    doc = document(content)
    box = box_of(doc)
    assert box.rows() == 3 and box.columns() == 1  # the banner, then each sign
    assert box.format().border() == BORDER == 3.0  # a warning sign's is 1.5
    banner = box.cellAt(0, 0)
    assert banner.format().background().color() == QColor("#000000")
    heading = banner.firstCursorPosition()
    heading.movePosition(QTextCursor.MoveOperation.NextCharacter)
    assert heading.charFormat().foreground().color() == QColor("#FFFFFF")
    assert heading.charFormat().fontPointSize() == HEADING_PT
    # every line of the signs in full-size black; the sign itself bold
    cell = box.cellAt(1, 0)
    block = cell.firstCursorPosition().block()
    seen = []
    while block.isValid() and block.position() < cell.lastCursorPosition().position() + 1:
        for fragment in _fragments(block):
            fmt = fragment.charFormat()
            assert fmt.foreground().color() == QColor("#000000"), fragment.text()
            assert fmt.fontPointSize() == TEXT_PT == 11.0, fragment.text()
            seen.append((fragment.text(), fmt.fontWeight() >= 700))
        block = block.next()
    assert seen[:2] == [
        ("• Call 911 if you have chest pain.", True),
        ("Do not drive yourself.", False),
    ]


def _fragments(block: QTextBlock) -> Iterator[QTextFragment]:
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.isValid():
            yield fragment
        it += 1
