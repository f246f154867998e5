"""One checklist (before or after surgery): sections of large item cards with their dates.

Every status change goes through the ``ChecklistModel``; the cards repaint from its
``dataChanged`` signal, so a change made elsewhere (a nurse station, the review) shows too.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hemiapp.content.schedule import format_date, format_moment
from hemiapp.content.session import Session
from hemiapp.ui.checklist_model import ChecklistModel
from hemiapp.ui.emergency import EmergencyBox
from hemiapp.ui.item_card import ItemCard
from hemiapp.ui.progress import ProgressBar, repolish
from hemiapp.ui.staffonly import staff_only
from hemiapp.ui.widgets import (
    Screen,
    button,
    fill,
    frame,
    label,
    scroll_area,
    set_text,
)

__all__ = ["BATCH", "ChecklistScreen", "ItemCard"]

# Cards made at a time on a long checklist (a bundled one has about twenty items).
BATCH = 40


class ChecklistScreen(Screen):
    """Heading, progress, then the checklist's sections of item cards in a scroll area."""

    # Staff mode: the note of the item in this row is to be edited.
    note_requested = Signal(int)
    # Staff mode: "Sign off this checklist" was pressed.
    signoff_requested = Signal()
    # "Change date" (or "Set the date") was pressed: the main window shows the calendar.
    date_requested = Signal()

    def __init__(
        self,
        session: Session,
        checklist_id: str,
        parent: QWidget | None = None,
        *,
        model: ChecklistModel | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(session, parent)
        self.setObjectName(f"checklist-{checklist_id}")
        self.model = model or ChecklistModel(session, checklist_id, self, today=today)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(12)
        self.title = label("heading")
        outer.addWidget(self.title)
        # The surgery date the dates below come from, and the way to change it.
        date_row = QHBoxLayout()
        date_row.setSpacing(16)
        self.surgery_date = label()
        self.surgery_date.setObjectName("checklist-surgery-date")
        self.change_date = button()
        self.change_date.setObjectName("change-date")
        self.change_date.clicked.connect(self.date_requested)
        date_row.addWidget(self.surgery_date, 1)
        date_row.addWidget(self.change_date, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(date_row)
        self.signed_box = frame("card")  # who signed it off, or that it needs a new sign-off
        self.signed_box.setObjectName("signed-box")
        signed_layout = QVBoxLayout(self.signed_box)
        signed_layout.setContentsMargins(16, 8, 16, 8)
        self.signed = label("done")
        self.signed.setObjectName("signed")
        signed_layout.addWidget(self.signed)
        outer.addWidget(self.signed_box)
        progress_row = QHBoxLayout()
        progress_row.setSpacing(16)
        self.progress = label(wrap=False)
        self.progress.setObjectName("progress")
        self.progress_bar = ProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedHeight(16)
        progress_row.addWidget(self.progress)
        progress_row.addWidget(self.progress_bar, 1)
        outer.addLayout(progress_row)

        page = QWidget()
        page.setObjectName("checklist-page")
        self.page_layout = QVBoxLayout(page)
        self.page_layout.setContentsMargins(0, 0, 12, 0)
        self.page_layout.setSpacing(12)
        self.intro = label()
        self.page_layout.addWidget(self.intro)
        self.cards: list[ItemCard] = []
        self.section_titles: list[tuple[QLabel, int]] = []  # label, first row of its section
        self._last_section: object = None
        # the signs to call 911 for, together in one box, first among the signs
        self.emergency_box: EmergencyBox | None = None
        self._batch_pending = False
        # A long checklist gets its cards a batch at a time (scrolling near the end, or
        # "Show more"), so a screen of a thousand items never freezes the kiosk.
        self.more = button()
        self.more.setObjectName("show-more")
        self.more.clicked.connect(self._add_batch)
        self.page_layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)
        self.page_layout.addStretch(1)
        self._add_batch()
        self.scroll_area = scroll_area(page)
        # When the window is short of height (the largest text, the staff bar, a notice
        # above), the list gives way before the texts above it are cut.
        self.scroll_area.setMinimumHeight(48)
        self.scroll_area.verticalScrollBar().valueChanged.connect(self._scrolled)
        outer.addWidget(self.scroll_area, 1)

        nav = QHBoxLayout()
        self.back: QPushButton = button()
        self.back.setObjectName("back")
        self.back.clicked.connect(self.back_requested)
        self.next: QPushButton = button("primary")
        self.next.setObjectName("next")
        self.next.clicked.connect(self.next_requested)
        self.sign_off = staff_only(button())
        self.sign_off.setObjectName("sign-off")
        self.sign_off.clicked.connect(self.signoff_requested)
        nav.addWidget(self.back)
        nav.addStretch(1)
        nav.addWidget(self.sign_off)
        nav.addWidget(self.next)
        outer.addLayout(nav)

        self.model.dataChanged.connect(self._data_changed)
        self.model.visit_changed.connect(self._show_texts)  # date, sign-off, who acts
        self.refresh()

    def _add_batch(self) -> None:
        """The next BATCH cards (with their section titles), before "Show more".

        Each batch has a box of its own: Qt keeps a box's height for its width, so adding
        a batch does not lay out (in Python, card by card) the ones before it again."""
        start = len(self.cards)
        batch = QWidget()
        layout = QVBoxLayout(batch)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(self.page_layout.spacing())
        for row in range(start, min(start + BATCH, self.model.rowCount())):
            section = self.model.section(row)
            if self.model.is_emergency(row):
                self._add_emergency(layout, row)
                continue
            if section is not self._last_section:
                title = label("subheading")
                set_text(title, section.title.get(self.session.language))
                layout.addSpacing(8)
                layout.addWidget(title)
                self.section_titles.append((title, row))
                self._last_section = section
            card = ItemCard(self.model, row)
            card.note_button.clicked.connect(lambda _=False, r=row: self.note_requested.emit(r))
            layout.addWidget(card)
            self.cards.append(card)
        self.page_layout.insertWidget(self.page_layout.indexOf(self.more), batch)
        self._show_more()  # (each new card shows itself in the session's language)

    def _add_emergency(self, layout: QVBoxLayout, row: int) -> None:
        """An emergency sign's card, in the box (made at the first of them). The box has
        its own heading: its section's title is not shown."""
        if self.emergency_box is None:
            self.emergency_box = EmergencyBox()
            layout.addSpacing(8)
            layout.addWidget(self.emergency_box)
        card = ItemCard(self.model, row)
        card.note_button.clicked.connect(lambda _=False, r=row: self.note_requested.emit(r))
        self.emergency_box.add(card)
        self.cards.append(card)
        self._last_section = None  # what follows the box gets its section's title again

    def _show_more(self) -> None:
        left = self.model.rowCount() - len(self.cards)
        self.more.setVisible(left > 0)
        if left > 0:
            set_text(self.more, self.tr("Show more (%1 left)").replace("%1", str(left)))

    def _scrolled(self, value: int) -> None:
        bar = self.scroll_area.verticalScrollBar()
        near_end = value >= bar.maximum() - bar.pageStep()
        if near_end and self.more.isVisible() and not self._batch_pending:
            self._batch_pending = True
            QTimer.singleShot(0, self, self._next_batch)  # after this scroll has been painted

    def _next_batch(self) -> None:
        self._batch_pending = False
        self._add_batch()

    def _data_changed(
        self,
        top: QModelIndex | QPersistentModelIndex,
        bottom: QModelIndex | QPersistentModelIndex,
        roles: list[int] | None = None,
    ) -> None:
        for row in range(max(top.row(), 0), min(bottom.row() + 1, len(self.cards))):
            self.cards[row].sync()
        self._show_progress()

    def _show_progress(self) -> None:
        done, total = self.model.progress()
        text = self.tr("%1 of %2 done").replace("%1", str(done)).replace("%2", str(total))
        set_text(self.progress, text)
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self.progress_bar.setAccessibleName(text)
        self._show_signoff()

    def _show_signoff(self) -> None:
        """The sign-off line, and the sign-off button in staff mode."""
        signed = self.model.signoff()
        staff = self.model.staff_mode
        text, role = "", "card"
        if signed is not None:
            when = format_moment(signed.signed_at, self.session.language)
            text = fill(self.tr("✓ Signed by %1 (%2) on %3"), signed.name, signed.role, when)
        elif staff and self.model.signed_before():
            text, role = (
                self.tr("Changed after it was signed off: it needs a new sign-off."),
                "question",
            )
        set_text(self.signed, text)
        self.signed_box.setVisible(bool(text))
        if self.signed_box.property("role") != role:
            self.signed_box.setProperty("role", role)
            repolish(self.signed_box)
        set_text(self.sign_off, self.tr("Sign off this checklist"))
        self.sign_off.setVisible(staff)

    def attach(self) -> None:
        self.model.set_session(self.session)

    def reset_view(self) -> None:
        super().reset_view()
        for card in self.cards:
            card.why.setChecked(False)

    def refresh(self) -> None:
        """Re-render every text in the session's language; statuses and scrolling stay."""
        self._show_texts()
        self.model.refresh()  # the cards and the progress repaint from dataChanged

    def _show_texts(self) -> None:
        """The screen's own texts: title, intro, section titles, the surgery date."""
        lang = self.session.language
        checklist = self.model.checklist
        set_text(self.title, checklist.title.get(lang))
        intro = checklist.intro.get(lang) if checklist.intro else ""
        set_text(self.intro, intro)
        self.intro.setVisible(bool(intro))
        if self.emergency_box is not None:
            self.emergency_box.retranslate()
        for title, row in self.section_titles:
            set_text(title, self.model.section(row).title.get(lang))
        day = self.session.surgery_date
        if day is None:
            set_text(self.surgery_date, self.tr("No surgery date yet: the dates are not shown."))
            set_text(self.change_date, self.tr("Set the date"))
        else:
            when = format_date(day, lang, long=True)
            set_text(self.surgery_date, fill(self.tr("Surgery date: %1"), when))
            set_text(self.change_date, self.tr("Change date"))
        set_text(self.back, self.tr("Back"))
        set_text(self.next, self.tr("Next"))
        self._show_more()
