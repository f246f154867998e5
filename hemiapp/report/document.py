"""The printout of a session's checklists, built as a QTextDocument.

``build_document`` is pure: it reads the session and content and returns a new
document (no printer, nothing written; the only file it reads is the clinic's
logo, from inside the content folder). Pagination and page footers are
hemiapp.report.printing's job; the words it needs for them (``Page 2 of 3`` in the
session's language, the content version) ride along as document properties.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument, QTextImageFormat, QTextLength

from hemiapp.content.models import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Checklist,
    ChecklistKind,
    Content,
    Course,
    Item,
)
from hemiapp.content.schedule import due_label, format_date
from hemiapp.content.session import ItemState, ItemStatus, Session, SignOff
from hemiapp.report.emergency import emergency_box, print_runs
from hemiapp.report.labels import labels_for
from hemiapp.report.parts import birth_date, load_logo, stamp
from hemiapp.report.writer import (
    KEEP_TOGETHER,
    UNIT,
    Line,
    Writer,
    block,
    char,
    default_font,
    outline_only,
    pad_cell,
    table_format,
    underline_cells,
)

PageSize = Literal["A4", "Letter"]

#: Document properties that hemiapp.report.printing reads.
PAGE_LABEL = "hemiapp_page_label"  # "Page {page} of {pages}", translated
FOOTER = "hemiapp_footer"  # left side of every page's footer
PAGE_SIZE = "hemiapp_page_size"  # "A4" or "Letter"

SYMBOLS = {ItemStatus.DONE: "☑", ItemStatus.OPEN: "☐"}
QUESTION_SYMBOL = "?"  # beside ☑ or ☐: the patient has a question about this item
BLANK = "_" * 24
LOGO_URL = QUrl("hemiapp-logo:logo")  # a document resource: nothing is ever fetched
LOGO_HEIGHT = 56.0  # CSS px (about 15 mm)
ITEM_WIDTHS = (7.0, 61.0, 32.0)  # symbol, item text, date and who checked it (percent)


@dataclass(frozen=True)
class ReportOptions:
    clinic_name: str = "HemiGuide"
    logo: Path | None = None  # inside the content folder (relative paths are taken from there)
    page_size: PageSize = "A4"


_KIND_ORDER = {ChecklistKind.PRE_OP: 0, ChecklistKind.POST_OP: 1, ChecklistKind.OTHER: 2}


def in_print_order(checklists: Iterable[Checklist]) -> list[Checklist]:
    """Pre-op first, then post-op, then the others (each group in the order given)."""
    return sorted(checklists, key=lambda c: _KIND_ORDER[c.kind])


__all__ = ["ReportOptions", "birth_date", "build_document", "in_print_order", "load_logo"]
__all__ += ["stamp"]


def build_document(
    session: Session | None,
    checklists: list[Checklist],
    options: ReportOptions,
    *,
    printed_at: datetime,
    blank: bool = False,
    audit_head: str = "",
) -> QTextDocument:
    """The printout of ``checklists`` for ``session``, in the session's language.

    ``blank`` prints the checklists to fill in on paper: no ticks, notes or sign-offs
    (the patient's name and surgery date still print when the session has them).
    ``session`` None is a blank English printout for nobody in particular.
    ``audit_head``: the audit chain's head (``hemiapp.store.audit.audit_head``), printed
    under "About this printout": an anchor kept outside the database.
    """
    blank = blank or session is None
    language = session.language if session else DEFAULT_LANGUAGE
    content = session.content if session else None
    labels = labels_for(language)
    document = QTextDocument()
    document.setDefaultFont(default_font())
    document.setDocumentMargin(0)
    document.setUseDesignMetrics(True)  # lay out as printed, not as hinted for a screen
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, labels["title"])
    document.setProperty(PAGE_LABEL, labels["page"])
    document.setProperty(PAGE_SIZE, options.page_size)
    footer = [session.patient.name] if session and session.patient else []
    version = (
        content.version_label if content else ", ".join(f"{c.id} {c.version}" for c in checklists)
    )
    footer.append(f"{labels['content_version']}: {version}")
    document.setProperty(FOOTER, "  ·  ".join(footer))
    logo = load_logo(options.logo, content) if options.logo else None
    if logo is not None:
        document.addResource(QTextDocument.ResourceType.ImageResource.value, LOGO_URL, logo)
    report = _Report(Writer(document), session, language, labels, blank)
    report.header(options.clinic_name, logo)
    for checklist in checklists:
        report.checklist(checklist)
    report.about(content, checklists, printed_at, audit_head)
    return document


class _Report:
    def __init__(
        self,
        writer: Writer,
        session: Session | None,
        language: str,
        labels: dict[str, str],
        blank: bool,
    ) -> None:
        self.w = writer
        self.session = session
        self.lang = language
        self.labels = labels
        self.blank = blank

    def text(self, value: str, size: float = 10, **style: bool) -> Line:
        return [(value, char(size, **style))]

    # --- the top of the first page -------------------------------------------------------

    def header(self, clinic_name: str, logo: QImage | None) -> None:
        widths: tuple[float | QTextLength | None, ...] = (100.0,)
        if logo is not None:
            logo_width = min(LOGO_HEIGHT * logo.width() / max(1, logo.height()), 4 * LOGO_HEIGHT)
            widths = (QTextLength(QTextLength.Type.FixedLength, logo_width + 14), None)
        table = self.w.table(1, table_format(widths, padding=0))
        if logo is not None:
            image = QTextImageFormat()
            image.setName(LOGO_URL.toString())
            image.setWidth(logo_width)
            image.setHeight(logo_width * logo.height() / max(1, logo.width()))
            table.cellAt(0, 0).firstCursorPosition().insertImage(image)
        names = [self.text(clinic_name, 17, bold=True), self.text(self.labels["title"], 13)]
        self.w.fill(table, 0, len(widths) - 1, names, block(bottom=2))
        self.patient_box()
        runs = [(self.labels["legend"] + "   ", char(9, grey=True))]
        for symbol, word in (
            (SYMBOLS[ItemStatus.DONE], "done"),
            (SYMBOLS[ItemStatus.OPEN], "open"),
            (QUESTION_SYMBOL, "question"),
        ):
            runs += [
                (symbol, char(12, bold=True)),
                (f" {self.labels[word]}     ", char(9)),
            ]
        self.w.paragraph(runs, block(top=6, bottom=2))

    def patient_box(self) -> None:
        session, labels, lang = self.session, self.labels, self.lang
        patient = session.patient if session else None
        surgery = session.surgery_date if session else None
        rows = [
            (
                ("patient", patient.name if patient else BLANK),
                (
                    "date_of_birth",
                    birth_date(patient.date_of_birth, lang) if patient else BLANK,
                ),
            ),
            (
                ("surgery_date", format_date(surgery, lang, long=True) if surgery else BLANK),
                ("language", LANGUAGES.get(lang, lang)),
            ),
        ]
        if patient and (patient.mrn or patient.surgeon):
            rows.append((("mrn", patient.mrn), ("surgeon", patient.surgeon)))
        table = self.w.table(len(rows), table_format((15, 37, 16, 32), border=1, top=10))
        for r, row in enumerate(rows):
            for c, (key, value) in enumerate(row):
                self.w.fill(table, r, 2 * c, [self.text(labels[key], 8.5, grey=True)], block())
                self.w.fill(table, r, 2 * c + 1, [self.text(value, 11, bold=True)], block())
            if any(value == BLANK for _, value in row):  # room to write by hand
                for column in range(4):
                    pad_cell(table, r, column, 16)
        if session is not None and not self.blank:
            self.w.paragraph(
                [(f"{labels['teach_back']}  ", char(9, grey=True)),
                 (self.teach_back(session), char(10, bold=True))],
                block(top=4),
            )  # fmt: skip

    def teach_back(self, session: Session) -> str:
        """'Done by Ana Ruiz, Thu 12 Mar 2026, 14:05', or 'Not done'."""
        when = session.teach_back_at
        if when is None:
            return self.labels["teach_back_not_done"]
        by = self.labels["teach_back_by"].format(who=session.teach_back_by or "?")
        return f"{by}, {stamp(when, self.lang)}"

    # --- a checklist ---------------------------------------------------------------------

    def checklist(self, checklist: Checklist) -> None:
        self.w.paragraph(
            self.text(checklist.title.get(self.lang), 15, bold=True),
            block(top=16, bottom=2),
            keep_with_next=True,
        )
        if checklist.intro is not None:
            self.w.paragraph(
                self.text(checklist.intro.get(self.lang), 9.5, italic=True),
                block(bottom=2),
                keep_with_next=True,
            )
        for section, items in print_runs(checklist):
            if section is None:  # the signs to call 911 for, first among the signs
                notes = [self.state(checklist.id, i.id).note for i in items]
                emergency_box(self.w, list(zip(items, notes, strict=True)), self.lang, self.labels)
                continue
            warnings = [i for i in items if i.is_sign]
            others = [i for i in items if not i.is_sign]
            title = section.title.get(self.lang)
            if not others:
                title = f"⚠ {title}"
            self.w.paragraph(
                self.text(title, 12.5, bold=True), block(top=12, bottom=4), keep_with_next=True
            )
            for item in others:
                self.item(checklist.id, item)
            if warnings and others:
                self.w.paragraph(
                    self.text(f"⚠ {self.labels['warning_heading']}", 11.5, bold=True),
                    block(top=8, bottom=4),
                    keep_with_next=True,
                )
            for index, item in enumerate(warnings, 1):  # one list: on one page if it fits
                self.item(checklist.id, item, KEEP_TOGETHER if index < len(warnings) else UNIT)
        self.signoff(checklist.id)

    def state(self, checklist_id: str, item_id: str) -> ItemState:
        if self.blank or self.session is None:
            return ItemState()
        return self.session.item(checklist_id, item_id)

    def item(self, checklist_id: str, item: Item, role: str = UNIT) -> None:
        labels, lang = self.labels, self.lang
        state = self.state(checklist_id, item.id)
        warning = item.is_sign
        fmt = table_format(ITEM_WIDTHS, border=1.5 if warning else 0, top=5 if warning else 0)
        table = self.w.table(1, fmt, role=role)
        if warning:
            outline_only(table)
        else:
            underline_cells(table)
        # A warning sign is something to watch for, not a task: no box to tick.
        marks = [] if warning else [SYMBOLS[state.status]]
        if state.question:
            marks.append(QUESTION_SYMBOL)
        symbol = self.text(" ".join(marks), 15, bold=True)
        self.w.fill(table, 0, 0, [symbol], block())
        lines = [self.text(item.text.get(lang), 11)]
        if item.detail is not None:
            lines.append(self.text(item.detail.get(lang), 8.5, grey=True))
        if state.note:
            lines.append(
                [(f"{labels['note']} ", char(9.5, bold=True)), (state.note, char(9.5, italic=True))]
            )
        self.w.fill(table, 0, 1, lines, block(bottom=1))
        self.w.fill(table, 0, 2, self.status_lines(item, state), block(bottom=1))

    def status_lines(self, item: Item, state: ItemState) -> list[Line]:
        labels, lang = self.labels, self.lang
        lines: list[Line] = []
        surgery = self.session.surgery_date if self.session else None
        if item.when is not None:
            lines.append(self.text(due_label(item.when, surgery, lang), 9))
        if not self.blank:
            warning = item.is_sign  # no status: nothing to complete
            if not warning:
                word = "done" if state.status is ItemStatus.DONE else "open"
                lines.append(self.text(labels[word], 9.5, bold=True))
            if state.question:
                lines.append(self.text(labels["question"], 9.5, bold=True))
            touched = state.question or (state.status is ItemStatus.DONE and not warning)
            who = state.changed_by or (labels["by_patient"] if touched else "")
            if who:
                when = f", {stamp(state.changed_at, lang)}" if state.changed_at else ""
                lines.append(self.text(who + when, 8.5, grey=True))
        if item.nurse_only:
            lines.append(self.text(labels["nurse_item"], 8.5, italic=True))
        return lines

    # --- sign-off and signature lines ----------------------------------------------------

    def signoff(self, checklist_id: str) -> None:
        labels, session = self.labels, self.session
        signed: SignOff | None = None
        superseded = False
        if session is not None and not self.blank:
            signed = session.signoffs.get(checklist_id)
            superseded = any(s.checklist_id == checklist_id for s in session.signoff_history)
        self.w.paragraph(
            self.text(labels["signoff"], 11.5, bold=True),
            block(top=12, bottom=4),
            keep_with_next=True,
        )
        if signed is not None:
            rows = [
                ("signed_by", f"{signed.name} ({signed.role})"),
                ("time", stamp(signed.signed_at, self.lang)),
                ("method", signed.method),
                ("attestation", signed.attestation),
            ]
            table = self.w.table(len(rows), table_format((22, 78), border=1))
            for r, (key, value) in enumerate(rows):
                self.w.fill(table, r, 0, [self.text(labels[key], 9, grey=True)], block(top=1))
                self.w.fill(table, r, 1, [self.text(value, 10)], block())
            signers = ["signature_patient"]
        else:
            if superseded:
                self.w.paragraph(
                    self.text(labels["needs_signoff"], 9.5, bold=True),
                    block(bottom=4),
                    keep_with_next=True,
                )
            signers = ["signature_patient", "signature_nurse"]
        lines = [
            self.text(f"{labels[who]}  {'_' * 34}    {labels['date']}  {'_' * 14}", 10)
            for who in signers
        ]
        table = self.w.table(1, table_format((100,), padding=0, top=30))
        self.w.fill(table, 0, 0, lines, block(top=30))

    # --- what this printout is -----------------------------------------------------------

    def about(
        self,
        content: Content | None,
        checklists: list[Checklist],
        printed_at: datetime,
        audit_head: str = "",
    ) -> None:
        labels = self.labels
        rows: list[tuple[str, str]] = []
        if content is not None:
            rows.append((labels["content_version"], content.version_label))
            rows.append((labels["course"], self.review(content.course)))
        rows += [(labels["checklist"], self.review(checklist)) for checklist in checklists]
        rows.append((labels["printed"], stamp(printed_at, self.lang)))
        if audit_head:
            rows.append((labels["audit_head"], audit_head))
        self.w.paragraph(
            self.text(labels["about"], 10, bold=True), block(top=18, bottom=2), keep_with_next=True
        )
        table = self.w.table(len(rows), table_format((22, 78), padding=1))
        for r, (key, value) in enumerate(rows):
            self.w.fill(table, r, 0, [self.text(key, 8, grey=True)], block())
            self.w.fill(table, r, 1, [self.text(value, 8, grey=True)], block())

    def review(self, file: Course | Checklist) -> str:
        """'Your surgery — version 0.3.0 (draft)': calm words for a patient's printout."""
        status = self.labels["review_" + file.review_status.value.replace("-", "_")]
        title = file.title.get(self.lang)
        return self.labels["versioned"].format(title=title, version=file.version, status=status)
