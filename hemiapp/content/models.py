"""Typed, frozen models of the content: an education course and checklists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

DEFAULT_LANGUAGE = "en"
#: Languages the content and the interface are written in, with their own names.
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}


@dataclass(frozen=True, slots=True)
class LocalizedText:
    """One text in several languages; English is always present and is the fallback."""

    texts: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, **texts: str) -> LocalizedText:
        return cls(tuple(texts.items()))

    def get(self, language: str) -> str:
        """The text in ``language``, or the English text when it is not translated."""
        english = ""
        for lang, text in self.texts:
            if lang == language:
                return text
            if lang == DEFAULT_LANGUAGE:
                english = text
        return english

    def has(self, language: str) -> bool:
        return any(lang == language for lang, _ in self.texts)

    @property
    def english(self) -> str:
        return self.get(DEFAULT_LANGUAGE)


class ReviewStatus(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in-review"
    APPROVED = "approved"


class ChecklistKind(StrEnum):
    PRE_OP = "pre-op"
    POST_OP = "post-op"
    OTHER = "other"


class ItemKind(StrEnum):
    TASK = "task"
    WARNING_SIGN = "warning-sign"
    #: A sign to call 911 for: shown first among the signs, unfolded, set apart.
    EMERGENCY = "emergency"
    QUESTION = "question"


@dataclass(frozen=True, slots=True)
class When:
    """When an item is due, relative to the surgery date (``-7d``, ``day-of``, ``+2w``),
    or ``team``: on a date the care team gives, never computed."""

    offset_days: int
    unit: str  # "d", "w", "" for the day of surgery, or "team"
    text: str

    @property
    def computed(self) -> bool:
        """False for ``team``: no calendar date is worked out or shown for it."""
        return self.unit != "team"

    @classmethod
    def parse(cls, text: str) -> When:
        if text == "day-of":
            return cls(0, "", text)
        if text == "team":
            return cls(0, "team", text)
        sign = -1 if text[0] == "-" else 1
        number, unit = int(text[1:-1]), text[-1]
        return cls(sign * number * (7 if unit == "w" else 1), unit, text)


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    text: LocalizedText


@dataclass(frozen=True, slots=True)
class QuizQuestion:
    id: str
    question: LocalizedText
    choices: tuple[Choice, ...]
    answer: str
    explanation: LocalizedText

    @property
    def right_choice(self) -> Choice:
        return next(c for c in self.choices if c.id == self.answer)


@dataclass(frozen=True, slots=True)
class SvgElement:
    """One checked element of a picture; ``lines`` are a ``<text>``'s lines (one per tspan)."""

    tag: str
    attrs: tuple[tuple[str, str], ...]
    children: tuple[SvgElement | PictureLabel, ...] = ()
    lines: tuple[str, ...] = ()

    def attr(self, name: str, default: str = "") -> str:
        return next((value for key, value in self.attrs if key == name), default)


@dataclass(frozen=True, slots=True)
class PictureLabel:
    """Words in a picture: one ``<text>`` per language (a ``<switch>``); English first."""

    variants: tuple[tuple[str, SvgElement], ...]

    def get(self, language: str) -> SvgElement:
        """The label in ``language``, or the English one when it is not translated."""
        for lang, text in self.variants:
            if lang == language:
                return text
        return self.variants[0][1]

    def has(self, language: str) -> bool:
        return any(lang == language for lang, _ in self.variants)


@dataclass(frozen=True, slots=True)
class Picture:
    """A checked illustration: only elements and attributes HemiGuide allows, nothing external.

    Colours are names (``class="fill-bone"``) the theme turns into colours; see
    ``hemiapp.content.picture`` for the format and ``hemiapp.ui.picture`` for drawing."""

    path: str  # relative to the resources folder
    view_box: tuple[float, float, float, float]
    root: SvgElement

    def labels(self) -> tuple[PictureLabel, ...]:
        found: list[PictureLabel] = []

        def walk(node: SvgElement | PictureLabel) -> None:
            if isinstance(node, PictureLabel):
                found.append(node)
            else:
                for child in node.children:
                    walk(child)

        walk(self.root)
        return tuple(found)


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    title: LocalizedText
    body: LocalizedText  # limited Markdown, see hemiapp.content.markup
    key_points: tuple[LocalizedText, ...]
    illustration: Picture | None  # None only when checked without a resources folder
    illustration_alt: LocalizedText
    quiz: tuple[QuizQuestion, ...]
    #: "Call 911 now" signs shown unfolded in the step; the only place 911 may be said.
    emergency: tuple[LocalizedText, ...] = ()


@dataclass(frozen=True, slots=True)
class Course:
    id: str
    version: str
    review_status: ReviewStatus
    title: LocalizedText
    steps: tuple[Step, ...]
    source: str
    digest: str  # sha256 of the file's bytes
    reviewed_by: str | None = None
    reviewed_on: date | None = None

    @property
    def questions(self) -> tuple[QuizQuestion, ...]:
        return tuple(q for step in self.steps for q in step.quiz)


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    text: LocalizedText
    detail: LocalizedText | None
    when: When | None
    kind: ItemKind
    required: bool
    nurse_only: bool

    @property
    def is_sign(self) -> bool:
        """A warning sign or an emergency sign: nothing to do or tick, only to know."""
        return self.kind in (ItemKind.WARNING_SIGN, ItemKind.EMERGENCY)


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: LocalizedText
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Checklist:
    id: str
    kind: ChecklistKind
    version: str
    review_status: ReviewStatus
    title: LocalizedText
    intro: LocalizedText | None
    sections: tuple[Section, ...]
    source: str
    digest: str
    reviewed_by: str | None = None
    reviewed_on: date | None = None

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections for item in section.items)


@dataclass(frozen=True, slots=True)
class Content:
    """Everything a clinic's content folder holds, loaded and validated."""

    root: Path
    course: Course
    checklists: tuple[Checklist, ...]
    digest: str  # sha256 over every file: pins the content a session was started with

    @property
    def resources_dir(self) -> Path:
        return self.root / "resources"

    def checklist(self, checklist_id: str) -> Checklist:
        for checklist in self.checklists:
            if checklist.id == checklist_id:
                return checklist
        raise KeyError(checklist_id)

    @property
    def version_label(self) -> str:
        """Human-readable content version, e.g. for the printout footer."""
        parts = [f"{self.course.id} {self.course.version}"]
        parts += [f"{c.id} {c.version}" for c in self.checklists]
        return ", ".join(parts) + f" ({self.digest[:12]})"
