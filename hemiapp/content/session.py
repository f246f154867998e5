"""What one patient has done in the app: language, surgery date, quiz answers, item states,
notes, sign-offs.

Plain Python (no Qt). Every change goes through a method that first hands it to the
``recorder`` (the store, which commits it durably) and only then changes the state in
memory, so nothing is shown as saved before it is saved. A recorder that raises
leaves the session as it was. Then the change is announced on ``events`` (psygnal
signals, see SessionEvents): screens subscribe to them instead of being refreshed.

Several stations may hold the same session. The session knows which version of each
stored row it shows (``ItemState.version``, ``Session.version``, ``SignOff.id``), and
the store refuses a change based on a row that another station has changed since
(``hemiapp.store.base.StaleError``): nobody's change is silently overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Protocol

from psygnal import Signal, SignalGroup

from hemiapp.content.bidi import without_bidi_controls
from hemiapp.content.clock import Clock, system_clock
from hemiapp.content.models import (
    DEFAULT_LANGUAGE,
    Checklist,
    Content,
    QuizQuestion,
)


class ItemStatus(StrEnum):
    """Whether an item is done. A question is separate (``ItemState.question``): an item
    can be done and still have a question for the care team."""

    OPEN = "open"
    DONE = "done"


@dataclass(frozen=True)
class Actor:
    """A signed-in staff member acting for the patient (the patient acts as ``None``)."""

    staff_pk: int
    staff_id: str
    name: str
    role: str


@dataclass(frozen=True)
class ItemState:
    status: ItemStatus = ItemStatus.OPEN
    note: str = ""  # without bidirectional controls (hemiapp.content.bidi), like all typed text
    changed_by: str = ""  # the staff member's name; "" when the patient did it
    changed_at: datetime | None = None
    question: bool = False  # "I have a question" (with Done or without)
    #: The version of its stored row that this state shows: 0 while there is no row. A
    #: recorded change makes it one more (the store refuses it if the row moved on).
    version: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "note", without_bidi_controls(self.note))


@dataclass(frozen=True)
class PatientDetails:
    name: str
    date_of_birth: date
    mrn: str = ""
    surgeon: str = ""

    def __post_init__(self) -> None:
        for field_name in ("name", "mrn", "surgeon"):
            object.__setattr__(self, field_name, without_bidi_controls(getattr(self, field_name)))


@dataclass(frozen=True)
class SignOff:
    checklist_id: str
    name: str
    role: str
    signed_at: datetime  # UTC
    method: str
    attestation: str
    #: Its row in the store (None: not stored), so a station knows *which* sign-off it saw.
    id: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        for field_name in ("name", "role", "attestation"):
            object.__setattr__(self, field_name, without_bidi_controls(getattr(self, field_name)))


class ReadOnlyError(Exception):
    """A signed checklist was changed by the patient; only staff may change it."""


class SessionRecorder(Protocol):
    """Persists a change before it is made in memory (raise to refuse it: a change based
    on a state that is no longer the stored one raises StaleError)."""

    def item_changed(
        self, session: Session, checklist_id: str, item_id: str, old: ItemState, new: ItemState
    ) -> None: ...

    def answered(self, session: Session, question_id: str, choice_id: str) -> None: ...

    def details_changed(self, session: Session, what: str, old: object, new: object) -> None: ...

    def signed_off(
        self, session: Session, signoff: SignOff, superseded: SignOff | None
    ) -> int | None:
        """The sign-off's id in the store."""
        ...

    def teach_back_done(self, session: Session) -> None: ...


class SessionEvents(SignalGroup):
    """What changed in a session, after it was recorded (typed psygnal signals)."""

    #: An item's status, question flag or note: (checklist id, item id).
    item_changed = Signal(str, str)
    #: A checklist was signed off, or its sign-off was set aside by a change: (checklist id).
    signoff_changed = Signal(str)
    #: A quiz answer: (question id).
    answered = Signal(str)
    #: "language" or "surgery_date".
    details_changed = Signal(str)
    teach_back_changed = Signal()
    #: Who acts: the signed-in staff member, or None for the patient.
    actor_changed = Signal(object)


@dataclass
class Session:
    content: Content
    language: str = DEFAULT_LANGUAGE
    surgery_date: date | None = None
    patient: PatientDetails | None = None
    quiz_answers: dict[str, str] = field(default_factory=dict)  # question id -> choice id
    items: dict[tuple[str, str], ItemState] = field(default_factory=dict)
    signoffs: dict[str, SignOff] = field(default_factory=dict)  # the current one per checklist
    signoff_history: list[SignOff] = field(default_factory=list)  # superseded ones
    teach_back_at: datetime | None = None
    teach_back_by: str = ""  # the staff member who marked teach-back done (their name)
    id: int | None = None  # the store's id, once anything was saved
    #: The version of the session's stored row this shows (0: no row yet; the store keeps
    #: it, with ``id``).
    version: int = field(default=0, compare=False)
    actor: Actor | None = None  # staff signed in at this station, or None
    recorder: SessionRecorder | None = None
    events: SessionEvents = field(default_factory=SessionEvents, repr=False, compare=False)
    #: Where every time this session stamps comes from (the store's clock, when stored).
    clock: Clock = field(default=system_clock, repr=False, compare=False)

    def __setattr__(self, name: str, value: Any) -> None:
        announce = name == "actor" and "actor" in self.__dict__ and self.__dict__[name] != value
        object.__setattr__(self, name, value)
        if announce:
            self.events.actor_changed.emit(value)

    # --- checklist items -----------------------------------------------------------------

    def item(self, checklist_id: str, item_id: str) -> ItemState:
        return self.items.get((checklist_id, item_id), ItemState())

    def status(self, checklist_id: str, item_id: str) -> ItemStatus:
        return self.item(checklist_id, item_id).status

    def has_question(self, checklist_id: str, item_id: str) -> bool:
        return self.item(checklist_id, item_id).question

    def _check_item(self, checklist_id: str, item_id: str) -> None:
        checklist = self.content.checklist(checklist_id)
        if not any(item.id == item_id for item in checklist.items):
            raise KeyError(f"{checklist_id}/{item_id}")
        if checklist_id in self.signoffs and self.actor is None:
            raise ReadOnlyError(checklist_id)

    def _change_item(self, checklist_id: str, item_id: str, new: ItemState) -> None:
        old = self.item(checklist_id, item_id)
        if self.recorder is not None:
            new = replace(new, version=old.version + 1)  # what the stored row becomes
            self.recorder.item_changed(self, checklist_id, item_id, old, new)
        self.items[(checklist_id, item_id)] = new
        signed = self.signoffs.pop(checklist_id, None)
        if signed is not None:  # a change after sign-off needs a new sign-off
            self.signoff_history.append(signed)
        self.events.item_changed.emit(checklist_id, item_id)
        if signed is not None:
            self.events.signoff_changed.emit(checklist_id)

    def set_status(self, checklist_id: str, item_id: str, status: ItemStatus) -> None:
        self._mark(checklist_id, item_id, status=status)

    def set_question(self, checklist_id: str, item_id: str, question: bool) -> None:
        """Mark (or unmark) "I have a question"; whether the item is done stays as it is."""
        self._mark(checklist_id, item_id, question=question)

    def _mark(self, checklist_id: str, item_id: str, **change: ItemStatus | bool) -> None:
        """Change the status or the question flag, stamped with who and when."""
        self._check_item(checklist_id, item_id)
        old = self.item(checklist_id, item_id)
        new = replace(old, **change)  # type: ignore[arg-type]
        if new == old:
            return
        by = self.actor.name if self.actor else ""
        self._change_item(
            checklist_id, item_id, replace(new, changed_by=by, changed_at=self.clock())
        )

    def set_note(self, checklist_id: str, item_id: str, note: str) -> None:
        self._check_item(checklist_id, item_id)
        old = self.item(checklist_id, item_id)
        if old.note == note:
            return
        self._change_item(checklist_id, item_id, replace(old, note=note))

    def sign_off(self, checklist_id: str, attestation: str, method: str = "PIN") -> SignOff:
        if self.actor is None:
            raise PermissionError("only a signed-in staff member can sign off")
        self.content.checklist(checklist_id)
        signoff = SignOff(
            checklist_id, self.actor.name, self.actor.role, self.clock(), method, attestation
        )
        superseded = self.signoffs.get(checklist_id)
        if self.recorder is not None:
            stored = self.recorder.signed_off(self, signoff, superseded)
            signoff = replace(signoff, id=stored)
        if superseded is not None:
            self.signoff_history.append(superseded)
        self.signoffs[checklist_id] = signoff
        self.events.signoff_changed.emit(checklist_id)
        return signoff

    # --- quiz, details, teach-back -------------------------------------------------------

    def answer(self, question: QuizQuestion, choice_id: str) -> bool:
        """Record an answer; True when it is the right one."""
        if choice_id not in {c.id for c in question.choices}:
            raise KeyError(f"{question.id}/{choice_id}")
        if self.quiz_answers.get(question.id) != choice_id:
            if self.recorder is not None:
                self.recorder.answered(self, question.id, choice_id)
            self.quiz_answers[question.id] = choice_id
            self.events.answered.emit(question.id)
        return choice_id == question.answer

    def set_language(self, language: str) -> None:
        if language != self.language:
            if self.recorder is not None:
                self.recorder.details_changed(self, "language", self.language, language)
            self.language = language
            self.events.details_changed.emit("language")

    def set_surgery_date(self, day: date | None) -> None:
        if day != self.surgery_date:
            if self.recorder is not None:
                self.recorder.details_changed(self, "surgery_date", self.surgery_date, day)
            self.surgery_date = day
            self.events.details_changed.emit("surgery_date")

    def mark_teach_back_done(self) -> None:
        if self.actor is None:
            raise PermissionError("only a signed-in staff member can mark teach-back done")
        if self.recorder is not None:
            self.recorder.teach_back_done(self)
        self.teach_back_at = self.clock()
        self.teach_back_by = self.actor.name
        self.events.teach_back_changed.emit()

    # --- summaries -----------------------------------------------------------------------

    def quiz_score(self) -> tuple[int, int]:
        """(right answers, questions answered)."""
        questions = {q.id: q for q in self.content.course.questions}
        right = sum(questions[q].answer == a for q, a in self.quiz_answers.items())
        return right, len(self.quiz_answers)

    def missed_questions(self) -> list[QuizQuestion]:
        """Questions answered wrongly: what the nurse should go over (teach-back)."""
        return [
            q
            for q in self.content.course.questions
            if q.id in self.quiz_answers and self.quiz_answers[q.id] != q.answer
        ]

    def progress(self, checklist: Checklist) -> tuple[int, int]:
        """(items done, all items). Warning signs are things to watch for, not tasks:
        they are not counted."""
        items = [i for i in checklist.items if not i.is_sign]
        done = sum(self.status(checklist.id, i.id) is ItemStatus.DONE for i in items)
        return done, len(items)
