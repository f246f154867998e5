"""Reading grade (Flesch–Kincaid) of the English patient-facing text."""

from __future__ import annotations

from collections.abc import Iterable

from hemiapp.content import markup
from hemiapp.content.models import Checklist, LocalizedText, QuizQuestion, Step

TARGET_GRADE = 6.0


def _sentences(texts: Iterable[str]) -> str:
    """Join texts so each heading, bullet and key point counts as a sentence of its own."""
    out = []
    for text in texts:
        for line in text.split("\n"):
            line = line.strip()
            if line:
                out.append(line if line[-1] in ".!?:" else line + ".")
    return " ".join(out)


def grade(texts: Iterable[str]) -> float:
    import textstat  # imported here: only `hemiapp validate` needs it

    return float(textstat.flesch_kincaid_grade(_sentences(texts)))


def _en(texts: Iterable[LocalizedText | None]) -> list[str]:
    return [t.english for t in texts if t is not None]


def step_text(step: Step) -> list[str]:
    return [
        step.title.english,
        markup.to_plain(step.body.english),
        *_en(step.emergency),
        *_en(step.key_points),
    ]


def question_text(question: QuizQuestion) -> list[str]:
    return _en([question.question, *(c.text for c in question.choices), question.explanation])


def checklist_text(checklist: Checklist) -> list[str]:
    return _en([t for item in checklist.items for t in (item.text, item.detail)])
