"""The printout's content, read back from real PDFs: every item with its status, the
patient, dates, notes, sign-off, page numbers, in English and Spanish."""

from __future__ import annotations

import logging
import re
import subprocess
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QTextCursor, QTextDocument, QTextFrame
from PySide6.QtWidgets import QApplication

from hemiapp.content.loader import load_content
from hemiapp.content.models import LANGUAGES, ChecklistKind, Content, ItemKind
from hemiapp.content.schedule import due_label, format_date
from hemiapp.content.session import ItemStatus, Session, SignOff
from hemiapp.report.document import (
    LOGO_URL,
    ReportOptions,
    build_document,
    in_print_order,
    stamp,
)
from hemiapp.report.labels import labels_for
from hemiapp.report.printing import page_size_for_locale, print_pdf
from tests.content.conftest import TEAM_CHECKLIST, make_content
from tests.report.conftest import (
    ATTESTATION,
    CHANGED_AT,
    NOTE,
    NURSE,
    PATIENT,
    PRINTED_AT,
    SIGNED_AT,
    item_rows,
    marks_for,
    needs_poppler,
    norm,
    pdf_pages,
    pdf_text,
)

pytestmark = needs_poppler


def printed(
    tmp_path: Path, session: Session | None, content: Content, *, blank: bool = False, **kw: object
) -> tuple[Path, int]:
    checklists = in_print_order(content.checklists)
    document = build_document(
        session, checklists, ReportOptions(**kw), printed_at=PRINTED_AT, blank=blank
    )
    path = tmp_path / "out.pdf"
    return path, print_pdf(document, path, "A4")


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_completed_session_prints_every_item_with_its_status(
    qapp: QApplication,
    tmp_path: Path,
    content: Content,
    make_session: Callable[..., Session],
    language: str,
) -> None:
    session = make_session(language)
    path, pages = printed(tmp_path, session, content)
    labels = labels_for(language)
    raw = pdf_text(path)
    text = norm(raw)
    assert pages == pdf_pages(path) >= 2

    items = [(c, i) for c in content.checklists for i in c.items]
    marks = {item.id: marks_for(item, session.item(c.id, item.id)) for c, item in items}
    assert len(item_rows(raw)) == len([m for m in marks.values() if m])
    for _, item in items:
        symbol = marks[item.id]
        assert f"{symbol} {norm(item.text.get(language))}".strip() in text
        if item.detail is not None:
            assert norm(item.detail.get(language)) in text
        if item.when is not None:
            assert norm(due_label(item.when, session.surgery_date, language)) in text
    for checklist in content.checklists:
        assert norm(checklist.title.get(language)) in text
        for section in checklist.sections:
            assert norm(section.title.get(language)) in text

    # the patient (literally, no HTML), dates, language
    assert "<b>x</b> María López" in text
    assert norm(format_date(PATIENT.date_of_birth, language, long=True).split(", ")[1]) in text
    assert norm(format_date(session.surgery_date, language, long=True)) in text
    assert {"en": "English", "es": "Español"}[language] in text
    assert "MRN-0042" in text and "Dr. Grey" in text
    # who checked what, and when (local time); notes
    assert f"{NURSE}, {norm(stamp(CHANGED_AT, language))}" in text
    assert f"{labels['by_patient']}, {norm(stamp(CHANGED_AT, language))}" in text
    assert norm(f"{labels['note']} {NOTE}") in text
    for word in ("done", "open", "question"):
        assert norm(labels[word]) in text
    # the sign-off, and a line for the patient to sign
    assert norm(labels["signed_by"]) in text
    assert f"{NURSE} (RN)" in text and norm(stamp(SIGNED_AT, language)) in text
    assert norm(ATTESTATION) in text and "PIN" in text
    assert re.search(rf"{labels['signature_patient']}\s+_{{20,}}\s+{labels['date']}\s+_+", text)
    # the footer: every page numbered, the content version and review status
    for page in range(1, pages + 1):
        page_text = norm(pdf_text(path, page))
        assert norm(labels["page"].format(page=page, pages=pages)) in page_text
        assert content.version_label in page_text
    # calm words for a patient: the version, and "(draft)" (not "not clinically reviewed")
    draft = labels["review_draft"]
    title, version = content.course.title.get(language), content.course.version
    assert norm(labels["versioned"].format(title=title, version=version, status=draft)) in text
    for checklist in content.checklists:
        title, version = checklist.title.get(language), checklist.version
        assert norm(labels["versioned"].format(title=title, version=version, status=draft)) in text
    assert "not clinically" not in text and "sin revisión clínica" not in text
    assert norm(stamp(PRINTED_AT, language)) in text
    for checklist in content.checklists:  # a section of warning signs only: its own title
        for section in checklist.sections:
            if all(item.is_sign for item in section.items):
                assert norm(f"⚠ {section.title.get(language)}") in text


def test_spanish_printout_uses_spanish_words(
    qapp: QApplication, tmp_path: Path, content: Content, make_session: Callable[..., Session]
) -> None:
    path, pages = printed(tmp_path, make_session("es"), content)
    text = norm(pdf_text(path))
    for spanish in (
        f"Página 1 de {pages}",
        "Fecha de nacimiento",
        "3 de mayo de 1961",
        "martes, 1 de diciembre de 2026",
        "Firmada por",
        "Versión del contenido",
        "Pregunta",
        "Pendiente",
    ):
        assert spanish in text
    for english in ("Page 1 of", "Date of birth", "Signed off by", "Not done", "December"):
        assert english not in text


def test_an_anonymous_session_gets_lines_to_write_on(
    qapp: QApplication, tmp_path: Path, content: Content, make_session: Callable[..., Session]
) -> None:
    session = make_session(patient=None, surgery=None, sign=False)
    path, _ = printed(tmp_path, session, content)
    layout = pdf_text(path, layout=True)
    for label in ("Patient", "Date of birth", "Surgery date"):
        assert re.search(rf"{label}\s+_{{20,}}", layout), label
    text = norm(pdf_text(path))
    assert "4 weeks before" in text  # due dates without a surgery date: relative only
    assert len(re.findall(r"Nurse\s+_{20,}\s+Date\s+_+", text)) == len(content.checklists)
    assert len(re.findall(r"Patient\s+_{20,}\s+Date\s+_+", text)) == len(content.checklists)
    assert "Signed off by" not in text


def test_a_blank_checklist_has_empty_boxes_and_signature_lines(
    qapp: QApplication, tmp_path: Path, content: Content
) -> None:
    pre_op = content.checklist("pre-op")
    document = build_document(None, [pre_op], ReportOptions(), printed_at=PRINTED_AT, blank=True)
    path = tmp_path / "blank.pdf"
    print_pdf(document, path, "Letter")
    raw = pdf_text(path)
    assert [s for s, _ in item_rows(raw)] == ["☐"] * len(pre_op.items)
    assert all(f"☐ {norm(i.text.english)}" in norm(raw) for i in pre_op.items)
    text = norm(pdf_text(path))
    assert re.search(r"Patient\s+_{20,}.*Date of birth\s+_{20,}", text)
    assert re.search(r"Nurse\s+_{20,}\s+Date\s+_+", text)
    for word in ("Question Ana", NURSE, "Signed off by", "Note:"):
        assert word not in text
    assert "Getting ready for your surgery" in text and "Caring for yourself" not in text


def test_blank_ignores_what_the_session_holds(
    qapp: QApplication, tmp_path: Path, content: Content, make_session: Callable[..., Session]
) -> None:
    session = make_session("es")
    path, _ = printed(tmp_path, session, content, blank=True)
    rows = item_rows(pdf_text(path))
    tasks = [i for c in content.checklists for i in c.items if not i.is_sign]
    assert {s for s, _ in rows} == {"☐"} and len(rows) == len(tasks)
    text = norm(pdf_text(path))
    assert NURSE not in text and NOTE not in text
    assert "<b>x</b> María López" in text  # the patient's name still heads the page
    assert "Tome los medicamentos para el dolor" in text


def test_warning_signs_print_without_a_status_and_done_items_keep_questions(
    qapp: QApplication, tmp_path: Path, content: Content
) -> None:
    post = content.checklist("post-op")
    warnings = [i for i in post.items if i.kind is ItemKind.WARNING_SIGN]
    task = next(i for i in post.items if i.kind is ItemKind.TASK)
    session = Session(content, patient=PATIENT)
    session.set_status("post-op", task.id, ItemStatus.DONE)
    session.set_question("post-op", task.id, True)
    session.set_question("post-op", warnings[1].id, True)
    document = build_document(session, [post], ReportOptions(), printed_at=PRINTED_AT)
    path = tmp_path / "post.pdf"
    print_pdf(document, path, "A4")
    raw = pdf_text(path)
    text = norm(raw)
    assert f"☑ ? {norm(task.text.english)}" in text  # done, and a question
    assert f"? {norm(warnings[1].text.english)}" in text
    assert f"☐ {norm(warnings[0].text.english)}" not in text  # no box to tick
    assert "Not confirmed yet" not in text and "I understand" not in text
    # the warning signs' box holds their texts and no status word
    box = text[text.index(norm(warnings[0].text.english)) :]
    box = box[: box.index(norm(warnings[-1].text.english))]
    assert "Not done" not in box and "Done" not in box
    assert text.count("Question") == 3  # the legend, then the two items


def test_typed_text_is_never_read_as_html(
    qapp: QApplication, content: Content, make_session: Callable[..., Session]
) -> None:
    session = make_session()
    session.signoffs["pre-op"] = SignOff(
        "pre-op", "<script>x</script>", "R&N", SIGNED_AT, "PIN", "a < b"
    )
    document = build_document(
        session, list(content.checklists), ReportOptions(), printed_at=PRINTED_AT
    )
    plain = document.toPlainText()
    for literal in ("<b>x</b> María López", NOTE, "<script>x</script> (R&N)", "a < b"):
        assert literal in plain
    assert "&lt;b&gt;x&lt;/b&gt;" in document.toHtml()


def test_a_changed_checklist_says_it_needs_a_new_sign_off(
    qapp: QApplication, content: Content, make_session: Callable[..., Session]
) -> None:
    session = make_session(sign=False)
    session.signoff_history.append(SignOff("pre-op", NURSE, "RN", SIGNED_AT, "PIN", "ok"))
    plain = build_document(
        session, [content.checklist("pre-op")], ReportOptions(), printed_at=PRINTED_AT
    ).toPlainText()
    assert labels_for("en")["needs_signoff"] in plain
    assert "Signed off by" not in plain


def test_warning_signs_are_boxed(qapp: QApplication, content: Content) -> None:
    post_op = content.checklist("post-op")
    document = build_document(None, [post_op], ReportOptions(), printed_at=PRINTED_AT)
    boxed = [
        t
        for t in document.rootFrame().childFrames()
        if t.frameFormat().border() >= 1
        and len(t.frameFormat().toTableFormat().columnWidthConstraints()) == 3
    ]
    # (the emergency signs are in one box of their own: tests/report/test_emergency.py)
    warnings = [i for i in post_op.items if i.kind is ItemKind.WARNING_SIGN]
    assert warnings and len(boxed) == len(warnings)
    texts = [frame_text(t) for t in boxed]
    assert all(w.text.english in t for w, t in zip(warnings, texts, strict=True))


def frame_text(frame: QTextFrame) -> str:
    cursor = QTextCursor(frame.document())
    cursor.setPosition(frame.firstPosition())
    cursor.setPosition(frame.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def test_the_labels_are_complete_in_every_language() -> None:
    english = labels_for("en")
    for language in LANGUAGES:
        labels = labels_for(language)
        assert set(labels) == set(english), language
        assert all(value.strip() for value in labels.values()), language
        assert "{page}" in labels["page"] and "{pages}" in labels["page"]
    assert labels_for("xx") == english


def test_the_logo_comes_from_the_content_folder_only(
    qapp: QApplication, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = make_content(tmp_path / "content")
    logo = QImage(120, 40, QImage.Format.Format_RGB32)
    logo.fill(QColor("#000000"))
    assert logo.save(str(root / "resources" / "logo.png"))
    assert logo.save(str(tmp_path / "outside.png"))
    content = load_content(root).content
    session = Session(content)

    def build(path: Path) -> QTextDocument:
        options = ReportOptions(clinic_name="Clinica Norte", logo=path)
        return build_document(session, list(content.checklists), options, printed_at=PRINTED_AT)

    inside = build(Path("resources/logo.png"))
    image = inside.resource(QTextDocument.ResourceType.ImageResource.value, LOGO_URL)
    assert isinstance(image, QImage) and image.width() == 120
    assert LOGO_URL.scheme() == "hemiapp-logo" and not QUrl(LOGO_URL).isLocalFile()
    pdf = tmp_path / "logo.pdf"
    print_pdf(inside, pdf, "A4")
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert len(listing.splitlines()) >= 3  # two header lines, then the logo
    assert "Clinica Norte" in pdf_text(pdf)

    with caplog.at_level(logging.WARNING):
        outside = build(tmp_path / "outside.png")
        sneaky = build(Path("../outside.png"))
    for document in (outside, sneaky):
        assert document.resource(QTextDocument.ResourceType.ImageResource.value, LOGO_URL) is None
    assert caplog.text.count("outside the content folder") == 2


def test_checklists_print_pre_op_first(content: Content) -> None:
    kinds = [c.kind for c in in_print_order(reversed(content.checklists))]
    assert kinds == sorted(kinds, key=[ChecklistKind.PRE_OP, ChecklistKind.POST_OP].index)


@pytest.mark.parametrize(
    ("locale", "size"),
    [
        ("en_US", "Letter"),
        ("en_US.UTF-8", "Letter"),
        ("es_US", "Letter"),
        ("es_MX", "Letter"),
        ("en_CA", "Letter"),
        ("fr-CA", "Letter"),
        ("en_GB", "A4"),
        ("es_ES", "A4"),
        ("de_DE@euro", "A4"),
        ("C", "A4"),
        ("", "A4"),
    ],
)
def test_paper_size_follows_the_locale(locale: str, size: str) -> None:
    assert page_size_for_locale(locale) == size


def test_status_symbols_survive_in_the_pdf(
    qapp: QApplication, tmp_path: Path, content: Content, make_session: Callable[..., Session]
) -> None:
    """The glyphs are embedded (DejaVu Sans has them) and come back as text."""
    path, _ = printed(tmp_path, make_session(), content)
    rows = item_rows(pdf_text(path))
    session = make_session()
    items = [(c.id, i) for c in content.checklists for i in c.items]
    wanted = [marks_for(i, session.item(checklist_id, i.id)) for checklist_id, i in items]
    assert sorted(row for row, _ in rows) == sorted(w for w in wanted if w)
    assert {"☑", "☐", "☑ ?", "☐ ?", "?", ""} <= set(wanted)
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert "DejaVuSans" in fonts


MIXED = """\
id: mixed
kind: post-op
version: "2.1"
review_status: approved
reviewed_by: Dr. Ana Ruiz, spine surgeon
reviewed_on: 2026-11-30
title:
  en: At home
sections:
  - id: home
    title:
      en: Looking after yourself
    items:
      - id: rest
        text:
          en: Rest when you are tired.
      - id: fever
        kind: warning-sign
        text:
          en: You have a fever.
      - id: walk
        text:
          en: Walk a little each day.
"""


def test_warning_signs_in_a_mixed_section_get_their_own_heading(
    qapp: QApplication, tmp_path: Path
) -> None:
    root = make_content(tmp_path / "content", checklists={"mixed.yaml": MIXED})
    content = load_content(root).content
    document = build_document(
        Session(content, language="es"),
        list(content.checklists),
        ReportOptions(),
        printed_at=PRINTED_AT,
    )
    plain = document.toPlainText()
    heading = "⚠ " + labels_for("es")["warning_heading"]
    assert heading == "⚠ Llame de inmediato a su equipo médico si…"
    assert plain.index("Rest when") < plain.index("Walk a little") < plain.index(heading)
    assert plain.index(heading) < plain.index("You have a fever")
    assert "⚠ Looking after yourself" not in plain
    assert "At home — versión 2.1 (aprobada)" in plain and "mixed 2.1" in plain


def short_stamp(moment: datetime) -> str:
    """'Tue 1 Dec 2026, 14:05' in this machine's time zone (English)."""
    local = moment.astimezone()
    return f"{local:%a} {local.day} {local:%b} {local.year}, {local:%H:%M}"


def test_teach_back_is_printed_with_who_and_when(
    qapp: QApplication, tmp_path: Path, content: Content, make_session: Callable[..., Session]
) -> None:
    session = make_session("en")
    path, _ = printed(tmp_path, session, content)
    assert "Teach-back (the patient explained it back): Not done" in norm(pdf_text(path))
    session.teach_back_at = datetime(2026, 11, 23, 15, 40, tzinfo=UTC)
    session.teach_back_by = "Ana Ruiz"
    path, _ = printed(tmp_path, session, content)
    assert (
        "Teach-back (the patient explained it back): Done by Ana Ruiz, "
        f"{short_stamp(session.teach_back_at)}"
    ) in norm(pdf_text(path))
    session.language = "es"
    path, _ = printed(tmp_path, session, content)
    assert (
        "Comprensión verificada (lo explicó con sus propias palabras): Hecha por Ana Ruiz"
    ) in norm(pdf_text(path))
    path, _ = printed(tmp_path, session, content, blank=True)
    assert "Comprensión verificada" not in norm(pdf_text(path))  # a paper form: no record


@pytest.mark.parametrize(
    ("language", "label"), [("en", "Audit log"), ("es", "Registro de auditoría")]
)
def test_the_printout_carries_the_audit_chain_head(
    qapp: QApplication,
    tmp_path: Path,
    content: Content,
    make_session: Callable[..., Session],
    language: str,
    label: str,
) -> None:
    document = build_document(
        make_session(language),
        in_print_order(content.checklists),
        ReportOptions(),
        printed_at=PRINTED_AT,
        audit_head="42:0123456789abcdef",
    )
    path = tmp_path / "out.pdf"
    pages = print_pdf(document, path, "A4")
    assert f"{label} 42:0123456789abcdef" in norm(pdf_text(path, pages))  # under "About"


@pytest.mark.parametrize(
    ("language", "team", "computed"),
    [
        ("en", "On the date your team gives you", "Tue 24 Nov — 7 days before"),
        ("es", "En la fecha que le dé su equipo", "mar 24 nov — 7 días antes"),
    ],
)
def test_a_team_date_prints_its_words_and_no_computed_date(
    qapp: QApplication, tmp_path: Path, language: str, team: str, computed: str
) -> None:
    root = make_content(tmp_path / "content", checklists={"pre-op.yaml": TEAM_CHECKLIST})
    content = load_content(root).content
    session = Session(content, language=language)
    session.surgery_date = date(2026, 12, 1)
    checklist = content.checklist("pre-op")
    visit = checklist.items[1].text.get(language)
    for blank in (False, True):  # the session's printout, and a paper one to fill in
        path, _ = printed(tmp_path, session, content, blank=blank)
        text = norm(pdf_text(path))
        assert norm(f"{visit} {team}") in text
        assert text.count(norm(team)) == 1
        assert norm(computed) in text  # the other item's date is computed
        assert "dic" not in text.split(norm(visit))[1][:60]  # no date after the visit
        assert "Dec" not in text.split(norm(visit))[1][:60]
