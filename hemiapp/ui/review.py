"""The review before printing: quiz score and, per checklist, done / still to do / questions.

Every text here is shown literally (plain-text labels): item texts come from content
files a clinic edits, and later from notes typed by staff.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget
from shiboken6 import isValid

from hemiapp.content.models import ChecklistKind
from hemiapp.content.session import Session
from hemiapp.report.errors import PRINTING
from hemiapp.ui.checklist_model import ChecklistModel, Role
from hemiapp.ui.emergency import EmergencyBox
from hemiapp.ui.flow import FlowLayout
from hemiapp.ui.print_status import PrintState, PrintStatus
from hemiapp.ui.staffonly import staff_only
from hemiapp.ui.widgets import Screen, button, discard, frame, label, scroll_area, set_text


class ReviewScreen(Screen):
    print_requested = Signal()
    finish_requested = Signal()

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        models: list[ChecklistModel] | None = None,
    ) -> None:
        """``models``: the checklists' models the checklist screens show too (made here
        when not given)."""
        super().__init__(session, parent)
        order = list(ChecklistKind)  # before surgery, after surgery, then any other
        checklists = sorted(session.content.checklists, key=lambda c: order.index(c.kind))
        given = {model.checklist.id: model for model in models or ()}
        self.models = [
            given.get(checklist.id) or ChecklistModel(session, checklist.id, self, today=today)
            for checklist in checklists
        ]
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(12)
        self.title = label("heading")
        outer.addWidget(self.title)
        self.page = QWidget()
        self.page.setObjectName("review-page")
        self.page_layout = QVBoxLayout(self.page)
        self.page_layout.setContentsMargins(0, 0, 12, 0)
        self.page_layout.setSpacing(16)
        self.score = label("subheading")
        self.score.setObjectName("score")
        self.page_layout.addWidget(self.score)
        self.cards: list[QWidget] = []
        self.emergency_boxes: list[EmergencyBox] = []  # one per checklist with such signs
        self._entries: dict[tuple[str, str], list[str]] = {}
        self._stale = True  # the lists are not (or no longer) what the session says
        self.page_layout.addStretch(1)
        self.scroll_area = scroll_area(self.page)
        outer.addWidget(self.scroll_area, 1)

        self.print_status = PrintStatus()
        outer.addWidget(self.print_status)
        self.back: QPushButton = button()
        self.back.setObjectName("back")
        self.back.clicked.connect(self.back_requested)
        self.print_button: QPushButton = button()
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(self.print_requested)
        self.finish: QPushButton = button("primary")
        self.finish.setObjectName("finish")
        self.finish.clicked.connect(self.finish_requested)
        # Staff only (shown while a staff member is signed in): preview and Save as PDF.
        self.preview_button: QPushButton = staff_only(button())
        self.preview_button.setObjectName("print-preview")
        self.pdf_button: QPushButton = staff_only(button())
        self.pdf_button.setObjectName("save-pdf")
        # The buttons wrap onto a second row rather than shrink (large text, Spanish).
        nav_row = QHBoxLayout()
        nav_row.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)
        actions = QWidget()
        nav = FlowLayout(actions, spacing=12, right=True)
        for widget in (self.preview_button, self.pdf_button, self.print_button, self.finish):
            nav.addWidget(widget)
        nav_row.addWidget(actions, 1)
        outer.addLayout(nav_row)
        self._events = session.events
        self._events.actor_changed.connect(self._show_staff)
        self.refresh()

    def attach(self) -> None:
        """The lists' models and the actor_changed subscription follow the session."""
        if self._events is not self.session.events:
            self._events.actor_changed.disconnect(self._show_staff, missing_ok=True)
            self._events = self.session.events
            self._events.actor_changed.connect(self._show_staff)
        for model in self.models:
            model.set_session(self.session)

    def reset_view(self) -> None:
        super().reset_view()  # (the lists: refresh() makes them, or drops them if hidden)
        self.print_status.show_state(None, staff=False)
        self.print_button.setEnabled(True)

    def enter(self, *, backwards: bool) -> None:
        self._rebuild()
        self.scroll_area.verticalScrollBar().setValue(0)

    def show_print_state(self, state: PrintState) -> None:
        """How a print is going (hemiapp.ui.print_status), above the buttons."""
        self.print_status.show_state(state, staff=self.session.actor is not None)
        self.print_button.setEnabled(state.state != PRINTING)

    def refresh(self) -> None:
        """Rebuild the lists from the session, in its language. Not while the screen is
        hidden (a language switch while it is covered): they are rebuilt when it is shown
        again (entering it, or going back to it from a page that covered it)."""
        if not self.isVisible():
            self._clear_cards()  # nothing stale stays behind, nothing is built for nobody
            self._stale = True
            return
        self._rebuild()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:  # (entering the screen has rebuilt it already)
            self._rebuild()

    def _show_staff(self, *_: object) -> None:
        """The staff-only buttons, and the reason for a print problem, while a staff member
        is signed in (the session's actor_changed: whether the screen is shown or not)."""
        if not isValid(self):
            return
        staff = self.session.actor is not None and self.print_button.isVisibleTo(self)
        self.preview_button.setVisible(staff)
        self.pdf_button.setVisible(staff)
        self.print_status.show_state(self.print_status.state, staff=staff)

    def _rebuild(self) -> None:
        set_text(self.title, self.tr("Your review"))
        set_text(self.back, self.tr("Back"))
        set_text(self.print_button, self.tr("Print my checklist"))
        set_text(self.preview_button, self.tr("Print preview…"))
        set_text(self.pdf_button, self.tr("Save as PDF…"))
        set_text(self.finish, self.tr("Finish"))
        self._show_staff()
        right, answered = self.session.quiz_score()
        if answered:
            score = self.tr("Quiz: you got %1 of %2 right.").replace("%1", str(right))
            set_text(self.score, score.replace("%2", str(answered)))
        else:
            set_text(self.score, self.tr("Quiz: not answered yet."))
        self._clear_cards()
        for number, model in enumerate(self.models):
            card = self._checklist_card(model)
            self.page_layout.insertWidget(1 + number, card)
            card.show()  # now, not after the next event loop pass
            self.cards.append(card)
        self._stale = False

    def _clear_cards(self) -> None:
        discard(self.page_layout, self.cards)
        self.cards = []
        self.emergency_boxes = []
        self._entries = {}

    def _checklist_card(self, model: ChecklistModel) -> QWidget:
        lang = self.session.language
        card = frame("card")
        card.setObjectName(f"review-{model.checklist.id}")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(6)
        title = label("subheading")
        set_text(title, model.checklist.title.get(lang))
        layout.addWidget(title)
        done, total = model.progress()
        progress = label("muted")
        text = self.tr("%1 of %2 done").replace("%1", str(done)).replace("%2", str(total))
        set_text(progress, text)
        layout.addWidget(progress)

        # An item is done or still to do, and may have a question as well (then it is in
        # both lists). A warning sign is something to watch for, not a task: it is listed
        # on its own, never as done or not done; the signs to call 911 for come first
        # among the signs, in the "Call 911 now" box.
        rows: dict[str, list[int]] = {
            "done": [], "open": [], "question": [], "emergency": [], "warning": []
        }  # fmt: skip
        for row in range(model.rowCount()):
            if model.is_emergency(row):
                rows["emergency"].append(row)
                continue  # (never a question: it is for 911)
            if model.item(row).is_sign:
                rows["warning"].append(row)
            else:
                rows[model.status(row).value].append(row)
            if model.has_question(row):
                rows["question"].append(row)
        groups = [
            ("done", self.tr("Done"), "✓"),
            ("open", self.tr("Still to do"), "•"),
            ("question", self.tr("Your questions for the care team"), "?"),
        ]
        if rows["emergency"]:
            groups.append(("emergency", "", ""))
        if rows["warning"]:
            groups.append(("warning", self.tr("Warning signs to watch for"), "⚠"))
        for group, heading, mark in groups:
            if group == "emergency":
                self._emergency_box(model, rows["emergency"], layout)
                continue
            group_title = label("strong")
            group_title.setObjectName(f"{model.checklist.id}-{group}")
            group_title.setContentsMargins(0, 12, 0, 0)
            count = len(rows[group])
            set_text(
                group_title, self.tr("%1 (%2)").replace("%1", heading).replace("%2", str(count))
            )
            layout.addWidget(group_title)
            entries: list[str] = []
            self._entries[(model.checklist.id, group)] = entries
            if not rows[group]:
                empty = label("muted")
                empty.setContentsMargins(16, 0, 0, 0)
                set_text(empty, self.tr("None"))
                layout.addWidget(empty)
            for row in rows[group]:
                index = model.index(row, 0)
                text = str(model.data(index, Qt.ItemDataRole.DisplayRole))
                due = str(model.data(index, Role.DUE)) if group in ("open", "question") else ""
                shown = text
                if group == "question" and model.item(row).is_sign:
                    shown = self.tr("Warning sign: %1").replace("%1", text)
                late = group == "open" and model.past_due(row)
                layout.addLayout(self._entry(mark, shown, due, late=late))
                entries.append(text)
        return card

    def _emergency_box(self, model: ChecklistModel, rows: list[int], layout: QVBoxLayout) -> None:
        """The signs to call 911 for, in their own box (its heading is the group's)."""
        box = EmergencyBox()
        box.setObjectName(f"{model.checklist.id}-emergency")
        layout.addSpacing(12)
        layout.addWidget(box)
        self.emergency_boxes.append(box)
        texts = [str(model.data(model.index(row, 0))) for row in rows]
        for text in texts:
            box.add_sign(text)
        self._entries[(model.checklist.id, "emergency")] = texts

    def _entry(self, mark: str, text: str, due: str, *, late: bool = False) -> QHBoxLayout:
        """One listed item: its mark, then its text and date, wrapping under the text."""
        row = QHBoxLayout()
        row.setContentsMargins(16, 0, 0, 0)
        row.setSpacing(10)
        sign = label(wrap=False)
        sign.setText(mark)
        sign.setAccessibleName("")
        row.addWidget(sign, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(0)
        entry = label()
        entry.setObjectName("entry")
        set_text(entry, text)
        texts.addWidget(entry)
        if due:
            when = label("muted")
            set_text(when, due)
            texts.addWidget(when)
        if late:
            passed = label("warning-text")
            passed.setObjectName("past-due")
            set_text(passed, self.tr("This date has passed. Ask your care team."))
            texts.addWidget(passed)
        row.addLayout(texts, 1)
        return row

    def entries(self, checklist_id: str, group: str) -> list[str]:
        """The item texts listed under one group (done, open, question or warning; an
        ``ItemStatus`` is its group's name; emergency: the "Call 911 now" box), as shown
        (for tests and the printout)."""
        return list(self._entries.get((checklist_id, str(group)), []))
