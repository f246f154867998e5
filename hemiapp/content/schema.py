"""The content schema: the one source of truth for what a course and a checklist may hold.

It checks files (see ``spec``), builds the frozen models, and is exported as
JSON Schema to ``checklists/schema/`` for editor completion.
"""

from __future__ import annotations

import json
from typing import Any

from hemiapp.content import review
from hemiapp.content import spec as s
from hemiapp.content.models import (
    ChecklistKind,
    Choice,
    Item,
    ItemKind,
    QuizQuestion,
    ReviewStatus,
    Section,
    Step,
    When,
)
from hemiapp.content.yamlstrict import SourceFile

WHEN_REGEX = r"day-of|team|[+-][1-9][0-9]{0,2}[dw]"
VERSION_REGEX = r"[0-9A-Za-z][0-9A-Za-z.+-]{0,31}"


def _version() -> s.Field:
    return s.Field(
        s.Pattern(
            VERSION_REGEX,
            "content version",
            'write it in quotes, like "0.3.0" (a draft) or "1.0.0" (approved)',
        ),
        "Version of this file's content; shown on every printout.",
    )


def _review_status() -> s.Field:
    return s.Field(
        s.Enum(tuple(r.value for r in ReviewStatus), "review status"),
        "draft, in-review, or approved (clinically reviewed; then reviewed_by and "
        "reviewed_on are required).",
    )


def _build_question(raw: s.Raw, src: SourceFile) -> Any:
    choices: tuple[Choice, ...] = raw["choices"]
    ids = [c.id for c in choices]
    seen: set[str] = set()
    for choice, node in zip(choices, raw.nodes["choices"].value, strict=True):
        if choice.id in seen:
            src.error(node, f"duplicate choice id '{choice.id}' in this question")
        seen.add(choice.id)
    if raw["answer"] not in ids:
        src.error(
            raw.nodes["answer"],
            f"answer '{raw['answer']}' is not one of this question's choices ({', '.join(ids)})",
        )
        return s.INVALID
    return QuizQuestion(raw["id"], raw["question"], choices, raw["answer"], raw["explanation"])


CHOICE = s.Obj(
    "choice",
    {
        "id": s.Field(s.Id(expected="choice id"), "Short id of the choice, such as a, b, c."),
        "text": s.Field(s.LText(), "The answer as the patient sees it."),
    },
    build=lambda raw, src: Choice(raw["id"], raw["text"]),
)

QUESTION = s.Obj(
    "quiz question",
    {
        "id": s.Field(s.Id(expected="question id", scope="question"), "Unique id of the question."),
        "question": s.Field(s.LText(), "The question."),
        "choices": s.Field(s.ListOf(CHOICE, "choices", 2, 4), "2 to 4 possible answers."),
        "answer": s.Field(s.Id(expected="choice id"), "The id of the right choice."),
        "explanation": s.Field(s.LText(), "Why the right answer is right, shown after answering."),
    },
    build=_build_question,
)

STEP = s.Obj(
    "step",
    {
        "id": s.Field(s.Id(expected="step id", scope="step"), "Stable id of the step."),
        "title": s.Field(s.LText(), "The step's heading."),
        "body": s.Field(
            s.LText(s.Text(markdown=True)),
            "Paragraphs, '- ' bullets, **bold**, *italic*. No HTML, links or images.",
        ),
        "key_points": s.Field(s.ListOf(s.LText(), "key points", 2, 4), "2 to 4 short key points."),
        "illustration": s.Field(
            s.Illustration(),
            "Picture (.svg), relative to the resources folder; see checklists/README.md.",
        ),
        "illustration_alt": s.Field(
            s.LText(), "What this picture shows, for screen readers, in each language."
        ),
        "quiz": s.Field(
            s.ListOf(QUESTION, "quiz questions"), "Check-your-understanding questions.", False, ()
        ),
        "emergency": s.Field(
            s.ListOf(s.LText(), "emergency signs", 1, 8),
            "Signs to call 911 for, shown unfolded in a 'Call 911 now' box.",
            False,
            (),
        ),
    },
    build=lambda raw, src: Step(
        raw["id"],
        raw["title"],
        raw["body"],
        raw["key_points"],
        raw["illustration"],
        raw["illustration_alt"],
        raw["quiz"],
        raw["emergency"],
    ),
)

COURSE = s.Obj(
    "course",
    {
        "id": s.Field(s.Id(expected="course id"), "Stable id of the course."),
        "version": _version(),
        "review_status": _review_status(),
        "reviewed_by": review.reviewed_by(),
        "reviewed_on": review.reviewed_on(),
        "title": s.Field(s.LText(), "Title of the course."),
        "steps": s.Field(s.ListOf(STEP, "steps", 1), "The steps, in order."),
    },
    build=review.check,
    doc="A HemiGuide education course (resources/education/*.yaml).",
)

ITEM = s.Obj(
    "item",
    {
        "id": s.Field(
            s.Id(expected="item id", scope="item"), "Stable id, unique in the checklist."
        ),
        "text": s.Field(s.LText(), "What to do, in one short sentence."),
        "detail": s.Field(s.LText(), "Why it matters (shown when the patient asks why).", False),
        "when": s.Field(
            s.Pattern(
                WHEN_REGEX,
                "'when'",
                "write day-of, days or weeks before (-) or after (+) surgery like -7d or +2w, "
                "or team for a date the care team gives",
            ),
            "Due date relative to the surgery date: day-of, -7d, +1d, -2w, +6w; "
            "or team: on the date the care team gives (no date is computed).",
            False,
        ),
        "kind": s.Field(
            s.Enum(tuple(k.value for k in ItemKind), "item kind"),
            "task, warning-sign, emergency (a sign to call 911 for), "
            "or question (for the care team).",
            False,
            ItemKind.TASK.value,
        ),
        "required": s.Field(s.Bool(), "Must be done before sign-off.", False, False),
        "nurse_only": s.Field(s.Bool(), "Only a nurse can mark this item.", False, False),
    },
    build=lambda raw, src: Item(
        raw["id"],
        raw["text"],
        raw["detail"],
        When.parse(raw["when"]) if raw["when"] else None,
        ItemKind(raw["kind"]),
        raw["required"],
        raw["nurse_only"],
    ),
)

SECTION = s.Obj(
    "section",
    {
        "id": s.Field(s.Id(expected="section id", scope="section"), "Stable id of the section."),
        "title": s.Field(s.LText(), "Heading of the section."),
        "items": s.Field(s.ListOf(ITEM, "items", 1), "The items, in order."),
    },
    build=lambda raw, src: Section(raw["id"], raw["title"], raw["items"]),
)

CHECKLIST = s.Obj(
    "checklist",
    {
        "id": s.Field(s.Id(expected="checklist id"), "Stable id, unique across checklists."),
        "kind": s.Field(
            s.Enum(tuple(k.value for k in ChecklistKind), "checklist kind"),
            "pre-op, post-op, or other.",
        ),
        "version": _version(),
        "review_status": _review_status(),
        "reviewed_by": review.reviewed_by(),
        "reviewed_on": review.reviewed_on(),
        "title": s.Field(s.LText(), "Title of the checklist."),
        "intro": s.Field(s.LText(), "One or two sentences shown above the checklist.", False),
        "sections": s.Field(s.ListOf(SECTION, "sections", 1), "The sections, in order."),
    },
    build=review.check,
    doc="A HemiGuide checklist (checklists/*.yaml).",
)


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of a course ("course") or a checklist ("checklist")."""
    spec = {"course": COURSE, "checklist": CHECKLIST}[kind]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{kind}.schema.json",
        "title": f"HemiGuide {kind}",
        **spec.json(),
        **review.JSON_RULE,
    }


def json_schema_text(kind: str) -> str:
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"
