"""The staff menu's "Quiz results": what the patient got wrong, and "Teach-back done"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from hemiapp.content.schedule import format_moment
from hemiapp.content.session import Session
from hemiapp.ui.widgets import button, fill, frame, label, scroll_area, set_text


class TeachBackSection(QWidget):
    """Shows a session's quiz results; emits ``teach_back_requested`` for the button."""

    teach_back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teach-back-section")
        self.session: Session | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(12)
        results = QWidget()
        layout = QVBoxLayout(results)
        layout.setContentsMargins(0, 0, 12, 0)
        layout.setSpacing(10)
        self.score = label("subheading")
        self.score.setObjectName("quiz-score")
        layout.addWidget(self.score)
        self.advice = label("muted")
        layout.addWidget(self.advice)
        self.cards_layout = QVBoxLayout()
        self.cards_layout.setSpacing(10)
        layout.addLayout(self.cards_layout)
        self.cards: list[QFrame] = []
        layout.addStretch(1)
        outer.addWidget(scroll_area(results), 1)
        # Under the results, always in view: the button, and when it was last pressed.
        actions = QHBoxLayout()
        actions.setSpacing(24)
        self.done = button("primary")
        self.done.setObjectName("teach-back-done")
        self.done.clicked.connect(self.teach_back_requested)
        self.done_at = label("done")
        self.done_at.setObjectName("teach-back-at")
        actions.addWidget(self.done)
        actions.addWidget(self.done_at, 1)
        outer.addLayout(actions)

    def show_session(self, session: Session | None) -> None:
        """Show ``session``'s results (None: nothing, e.g. after sign-out)."""
        self.session = session
        for card in self.cards:
            self.cards_layout.removeWidget(card)
            card.hide()  # at once: deleteLater() waits for the event loop
            card.deleteLater()
        self.cards = []
        if session is not None:
            lang = session.language
            for question in session.missed_questions():
                card = frame("card")
                card.setObjectName(f"missed-{question.id}")
                card_layout = QVBoxLayout(card)
                card_layout.setContentsMargins(20, 12, 20, 12)
                card_layout.setSpacing(4)
                chosen = session.quiz_answers[question.id]
                given = next(c.text.get(lang) for c in question.choices if c.id == chosen)
                right = question.right_choice.text.get(lang)
                texts = (
                    ("strong", question.question.get(lang)),
                    ("muted", fill(self.tr("✗ The patient's answer: %1"), given)),
                    (None, fill(self.tr("✓ The right answer: %1"), right)),
                )
                for role, text in texts:
                    shown = label(role)
                    set_text(shown, text)
                    card_layout.addWidget(shown)
                self.cards_layout.addWidget(card)
                card.show()
                self.cards.append(card)
        self.retranslate()

    def retranslate(self) -> None:
        session = self.session
        right, answered = session.quiz_score() if session else (0, 0)
        total = len(session.content.course.questions) if session else 0
        if not answered:
            score = self.tr("The patient has not answered the quiz yet.")
        else:
            score = " ".join((
                fill(self.tr("%1 of %n answers right.", "", answered), str(right)),
                self.tr("%n questions in all.", "", total),
            ))  # fmt: skip
        set_text(self.score, score)
        if self.cards:
            advice = self.tr("Go over these with the patient, then ask them to explain it back.")
        elif answered:
            advice = self.tr("No wrong answers.")
        else:
            advice = ""
        set_text(self.advice, advice)
        self.advice.setVisible(bool(advice))
        when = session.teach_back_at if session else None
        if when is not None and session is not None:
            set_text(
                self.done_at,
                fill(self.tr("✓ Teach-back done on %1"), format_moment(when, session.language)),
            )
        else:
            set_text(self.done_at, "")
        self.done_at.setVisible(when is not None)
        set_text(self.done, self.tr("Teach-back done"))
        self.done.setEnabled(session is not None)
