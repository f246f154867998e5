"""Page breaks: a 120-item checklist over several pages, with no item cut in two and no
heading left alone at the bottom of a page; checked page by page in the PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from hemiapp.content.loader import load_content
from hemiapp.content.models import Content, ItemKind
from hemiapp.content.session import ItemState, PatientDetails, Session
from hemiapp.report.document import ReportOptions, build_document, in_print_order
from hemiapp.report.printing import prepare, print_pdf, render
from hemiapp.report.writer import AUTO_BREAK
from tests.content.conftest import make_content
from tests.report.conftest import (
    CHANGED_AT,
    PATIENT,
    PRINTED_AT,
    big_checklist,
    fill_session,
    marks_for,
    needs_poppler,
    norm,
    pdf_pages,
    pdf_text,
    state_of,
)

pytestmark = needs_poppler

SECTIONS, PER_SECTION = 12, 10


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Content:
    text = big_checklist(SECTIONS, PER_SECTION)
    root = make_content(tmp_path_factory.mktemp("big") / "content", checklists={"big.yaml": text})
    return load_content(root).content


def big_session(content: Content, note: str = "") -> Session:
    session = Session(content, patient=PATIENT)
    for number in range(1, SECTIONS * PER_SECTION + 1):
        status, question = state_of(number)
        session.items[("big", f"i{number:03}")] = ItemState(
            status,
            note or f"End of item {number:03}.",
            f"Checker {number:03}",
            CHANGED_AT,
            question=question,
        )
    return session


def pages_of(path: Path) -> list[str]:
    return [norm(pdf_text(path, page)) for page in range(1, pdf_pages(path) + 1)]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_no_item_is_split_and_no_heading_is_left_alone(
    qapp: QApplication, tmp_path: Path, big: Content, paper: str
) -> None:
    session = big_session(big)
    document = build_document(
        session, list(big.checklists), ReportOptions(page_size="A4"), printed_at=PRINTED_AT
    )
    path = tmp_path / "big.pdf"
    pages = print_pdf(document, path, paper)  # type: ignore[arg-type]
    assert pages == pdf_pages(path) >= 4
    texts = pages_of(path)

    def page_with(token: str) -> int:
        found = [number for number, text in enumerate(texts, 1) if token in text]
        assert len(found) == 1, (token, found)  # on exactly one page: never cut in two
        return found[0]

    items = {item.id: item for item in big.checklist("big").items}
    for number in range(1, SECTIONS * PER_SECTION + 1):
        item_id = f"i{number:03}"
        symbol = marks_for(items[item_id], session.item("big", item_id))
        page = page_with(f"{symbol} Item {number:03}:".strip())  # the status symbol, the text
        assert page_with(f"Checker {number:03},") == page  # its status line
        assert page_with(f"End of item {number:03}.") == page  # its last line (the note)
    for section in range(1, SECTIONS + 1):
        first_item = (section - 1) * PER_SECTION + 1
        assert page_with(f"Section {section:02} heading") == page_with(f"Item {first_item:03}:")

    for number in range(1, pages + 1):
        lines = [ln.strip() for ln in pdf_text(path, number, layout=True).splitlines()]
        body = [ln for ln in lines if ln and not re.search(r"Page \d+ of \d+$", ln)]
        assert not re.fullmatch(r"(⚠ )?Section \d\d heading", body[-1]), (number, body[-1])
        assert f"Page {number} of {pages}" in texts[number - 1]


def test_a_preview_paginates_like_the_print(
    qapp: QApplication, tmp_path: Path, big: Content
) -> None:
    document = build_document(
        big_session(big), list(big.checklists), ReportOptions(), printed_at=PRINTED_AT
    )
    printed = print_pdf(document, tmp_path / "a.pdf", "Letter")
    preview = QPrinter(QPrinter.PrinterMode.HighResolution)
    preview.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    preview.setOutputFileName(str(tmp_path / "preview.pdf"))
    prepare(preview, "Letter")
    assert render(document, preview) == printed == pdf_pages(tmp_path / "preview.pdf")
    assert print_pdf(document, tmp_path / "again.pdf", "Letter") == printed  # repeatable

    # the caller's document is left as it was: no page breaks added to it
    it = document.rootFrame().begin()
    while not it.atEnd():
        fmt = (
            it.currentFrame().frameFormat()
            if it.currentFrame()
            else it.currentBlock().blockFormat()
        )
        assert not fmt.hasProperty(AUTO_BREAK)
        it += 1


def test_an_item_taller_than_a_page_still_prints(
    qapp: QApplication, tmp_path: Path, big: Content
) -> None:
    session = big_session(big, note="A very long note. " * 600)
    document = build_document(
        session, [big.checklist("big")], ReportOptions(), printed_at=PRINTED_AT
    )
    pages = print_pdf(document, tmp_path / "tall.pdf", "A4")
    assert pages == pdf_pages(tmp_path / "tall.pdf") > SECTIONS * PER_SECTION


def test_a_short_printout_is_one_page(qapp: QApplication, tmp_path: Path) -> None:
    content = load_content(make_content(tmp_path / "content")).content
    session = Session(content, patient=PatientDetails("Jo", PATIENT.date_of_birth))
    document = build_document(
        session, list(content.checklists), ReportOptions(), printed_at=PRINTED_AT
    )
    assert print_pdf(document, tmp_path / "one.pdf", "A4") == 1
    assert "Page 1 of 1" in pdf_text(tmp_path / "one.pdf")


@pytest.mark.parametrize(("language", "paper"), [("en", "A4"), ("es", "Letter")])
def test_the_warning_signs_stay_on_one_page(
    qapp: QApplication, tmp_path: Path, content: Content, language: str, paper: str
) -> None:
    session = fill_session(Session(content, language=language, patient=PATIENT))
    document = build_document(
        session, in_print_order(content.checklists), ReportOptions(), printed_at=PRINTED_AT
    )
    path = tmp_path / "warnings.pdf"
    print_pdf(document, path, paper)  # type: ignore[arg-type]
    texts = pages_of(path)
    post_op = content.checklist("post-op")
    warnings = [i for i in post_op.items if i.kind is ItemKind.WARNING_SIGN]
    heading = norm(next(s for s in post_op.sections if s.items[0] in warnings).title.get(language))
    pages = {
        number
        for number, text in enumerate(texts, 1)
        for wanted in [heading, *(norm(w.text.get(language)) for w in warnings)]
        if wanted in text
    }
    assert len(pages) == 1, pages
