"""What one patient has done in the app: language, surgery date, quiz answers, item states.

Plain Python (no Qt): the UI's models adapt it, the store will persist it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from hemiapp.content.models import DEFAULT_LANGUAGE, Checklist, Content, QuizQuestion


class ItemStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    QUESTION = "question"


@dataclass
class Session:
    content: Content
    language: str = DEFAULT_LANGUAGE
    surgery_date: date | None = None
    quiz_answers: dict[str, str] = field(default_factory=dict)  # question id -> choice id
    item_status: dict[tuple[str, str], ItemStatus] = field(default_factory=dict)

    def status(self, checklist_id: str, item_id: str) -> ItemStatus:
        return self.item_status.get((checklist_id, item_id), ItemStatus.OPEN)

    def set_status(self, checklist_id: str, item_id: str, status: ItemStatus) -> None:
        checklist = self.content.checklist(checklist_id)
        if not any(item.id == item_id for item in checklist.items):
            raise KeyError(f"{checklist_id}/{item_id}")
        if status is ItemStatus.OPEN:
            self.item_status.pop((checklist_id, item_id), None)
        else:
            self.item_status[(checklist_id, item_id)] = status

    def answer(self, question: QuizQuestion, choice_id: str) -> bool:
        """Record an answer; True when it is the right one."""
        if choice_id not in {c.id for c in question.choices}:
            raise KeyError(f"{question.id}/{choice_id}")
        self.quiz_answers[question.id] = choice_id
        return choice_id == question.answer

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
        """(items done, all items); a warning sign counts as done once understood."""
        items = checklist.items
        done = sum(self.status(checklist.id, i.id) is ItemStatus.DONE for i in items)
        return done, len(items)
