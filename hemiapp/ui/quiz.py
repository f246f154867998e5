"""Check your understanding: the course's questions one at a time, with feedback.

Answers are recorded in the session as soon as they are given and cannot be changed,
so a nurse can see what was misunderstood (teach-back).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from hemiapp.content.models import QuizQuestion
from hemiapp.content.session import Session
from hemiapp.ui.morebelow import MoreBelow
from hemiapp.ui.widgets import (
    Button,
    Screen,
    button,
    discard,
    fill,
    frame,
    label,
    scroll_area,
    set_text,
)

SCROLL_BAR = 24  # px: the theme's scroll bar (18 px) and a little more


def wrap_words(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` with line breaks so that no line is wider than ``width`` (if it can be)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and metrics.horizontalAdvance(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    return "\n".join(lines)


class WrapButton(Button):
    """A full-width push button whose (long) text wraps onto several lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = ""
        self.reserved: tuple[str, ...] = ()  # texts it may show later: room kept for them
        self._reserved_wrapped: list[str] = []
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(72)
        # One border width in every state (answered, focused, right, wrong): a border that
        # grows would move every answer below it.
        self.setProperty("role", "choice")
        # Layout only (no colours), so every theme still applies: long answers read
        # better from the left edge.
        self.setStyleSheet("text-align: left; padding-left: 24px;")

    def set_full_text(
        self, text: str, accessible: str | None = None, *, reserve: tuple[str, ...] = ()
    ) -> None:
        """Show ``text``; stay as tall as the tallest of ``reserve`` would be, so that a
        later text ("✓ … (your answer)") does not move anything on the page."""
        self.full_text = text
        self.reserved = reserve
        self.setAccessibleName(accessible or text)
        self._rewrap()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        tallest = max((self._height_for(t) for t in self._reserved_wrapped), default=0)
        return QSize(hint.width(), max(hint.height(), tallest))

    def _height_for(self, text: str) -> int:
        """The height the button would ask for with ``text`` (as QPushButton does)."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = text
        size = QFontMetrics(self.font()).size(Qt.TextFlag.TextShowMnemonic, text)
        contents = QStyle.ContentsType.CT_PushButton
        return self.style().sizeFromContents(contents, option, size, self).height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rewrap()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._rewrap()  # another text size: other line breaks

    def _rewrap(self) -> None:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        inner = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)
        # wrapped as if the page's scroll bar were there: when the feedback makes the page
        # scroll, the narrower button keeps its lines (and its height)
        width = max(inner.width() - 16 - SCROLL_BAR, 80)
        metrics = QFontMetrics(self.font())
        wrapped = wrap_words(self.full_text, metrics, width)
        reserved = [wrap_words(t, metrics, width) for t in self.reserved]
        if wrapped != self.text() or reserved != self._reserved_wrapped:
            self._reserved_wrapped = reserved
            self.setText(wrapped)
            self.updateGeometry()


class QuizScreen(Screen):
    """One question per page, then a summary of the score and what was missed."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.questions: tuple[QuizQuestion, ...] = session.content.course.questions
        self.index = 0  # the question shown, or len(questions) for the summary
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(12)
        self.counter = label("muted")
        self.counter.setObjectName("counter")
        outer.addWidget(self.counter)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)

        # -- one question ---------------------------------------------------------------
        question_page = QWidget()
        q_layout = QVBoxLayout(question_page)
        q_layout.setContentsMargins(0, 0, 12, 0)
        q_layout.setSpacing(16)
        self.question = label("heading")
        self.question.setObjectName("question")
        self.hint = label("muted")
        self.hint.setObjectName("hint")
        keep = self.hint.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # the answers stay where they were tapped
        self.hint.setSizePolicy(keep)
        q_layout.addWidget(self.question)
        q_layout.addWidget(self.hint)
        self.choices: list[WrapButton] = []
        longest = max((len(q.choices) for q in self.questions), default=0)
        for number in range(longest):
            choice = WrapButton()
            choice.setObjectName(f"choice-{number}")
            choice.clicked.connect(lambda _=False, n=number: self._choice_clicked(n))
            q_layout.addWidget(choice)
            self.choices.append(choice)
        self.feedback = frame("card")
        self.feedback.setObjectName("feedback")
        f_layout = QVBoxLayout(self.feedback)
        f_layout.setContentsMargins(20, 16, 20, 16)
        self.verdict = label("subheading")
        self.verdict.setObjectName("verdict")
        self.right_answer = label("strong")
        self.right_answer.setObjectName("right-answer")
        self.explanation = label()
        self.explanation.setObjectName("explanation")
        f_layout.addWidget(self.verdict)
        f_layout.addWidget(self.right_answer)
        f_layout.addWidget(self.explanation)
        q_layout.addWidget(self.feedback)
        q_layout.addStretch(1)
        self.question_scroll = scroll_area(question_page)
        self.pages.addWidget(self.question_scroll)

        # -- the summary ----------------------------------------------------------------
        summary_page = QWidget()
        self.summary_layout = QVBoxLayout(summary_page)
        self.summary_layout.setContentsMargins(0, 0, 12, 0)
        self.summary_layout.setSpacing(16)
        self.score = label("heading")
        self.score.setObjectName("score")
        self.missed_title = label("subheading")
        self.summary_layout.addWidget(self.score)
        self.summary_layout.addWidget(self.missed_title)
        self.missed_cards: list[QWidget] = []
        self.summary_layout.addStretch(1)
        self.summary_scroll = scroll_area(summary_page)
        self.pages.addWidget(self.summary_scroll)

        nav_row = QHBoxLayout()
        self.back: QPushButton = button()
        self.back.setObjectName("back")
        self.back.clicked.connect(self.go_back)
        self.next: QPushButton = button("primary")
        self.next.setObjectName("next")
        self.next.clicked.connect(self.go_next)
        keep = self.next.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # no jump when it appears
        self.next.setSizePolicy(keep)
        self.more_below = MoreBelow(self.question_scroll, self)
        nav_row.addWidget(self.back)
        nav_row.addStretch(1)
        nav_row.addWidget(self.more_below.button)
        nav_row.addStretch(1)
        nav_row.addWidget(self.next)
        outer.addLayout(nav_row)
        self.refresh()

    # -- moving ---------------------------------------------------------------------------

    @property
    def on_summary(self) -> bool:
        return self.index >= len(self.questions)

    def reset_view(self) -> None:
        super().reset_view()
        self.index = 0
        self._clear_summary()
        for feedback in (self.verdict, self.right_answer, self.explanation):
            set_text(feedback, "")

    def _clear_summary(self) -> None:
        set_text(self.score, "")
        set_text(self.missed_title, "")
        discard(self.summary_layout, self.missed_cards)
        self.missed_cards = []

    def enter(self, *, backwards: bool) -> None:
        answered = self.session.quiz_answers
        if backwards and answered:
            self.index = len(self.questions)
        else:
            unanswered = [i for i, q in enumerate(self.questions) if q.id not in answered]
            self.index = unanswered[0] if unanswered else len(self.questions)
        self.refresh()

    def show_question(self, index: int) -> None:
        self.index = max(0, min(index, len(self.questions)))
        self.refresh()
        self.question_scroll.verticalScrollBar().setValue(0)
        self.summary_scroll.verticalScrollBar().setValue(0)

    def go_back(self) -> None:
        if self.index == 0:
            self.back_requested.emit()
        else:
            self.show_question(self.index - 1)

    def go_next(self) -> None:
        if self.on_summary:
            self.next_requested.emit()
        elif self.questions[self.index].id in self.session.quiz_answers:
            self.show_question(self.index + 1)

    def choose(self, choice_id: str) -> None:
        """Record the answer to the question shown (once: answers cannot be changed)."""
        if self.on_summary:
            return
        question = self.questions[self.index]
        if question.id in self.session.quiz_answers:
            return
        self.session.answer(question, choice_id)
        self.refresh()
        self.next.setFocus()
        # once the page has its new height, bring the feedback into view
        QTimer.singleShot(0, self, self._show_feedback)

    def _show_feedback(self) -> None:
        """Bring the feedback up as far as it goes without taking the question out of
        sight (the "More below" cue shows that there is more)."""
        if self.on_summary or not self.feedback.isVisible():
            return
        bar = self.question_scroll.verticalScrollBar()
        seen = self.question_scroll.viewport().height()
        wanted = self.feedback.geometry().bottom() + 8 - seen
        bar.setValue(max(bar.value(), min(wanted, self.question.geometry().top())))

    def _choice_clicked(self, number: int) -> None:
        if not self.on_summary and number < len(self.questions[self.index].choices):
            self.choose(self.questions[self.index].choices[number].id)

    # -- showing --------------------------------------------------------------------------

    def refresh(self) -> None:
        set_text(self.back, self.tr("Back"))
        self.more_below.retranslate()
        if self.on_summary:
            self.pages.setCurrentWidget(self.summary_scroll)
            self.counter.setVisible(False)
            self._show_summary()
            set_text(self.next, self.tr("Continue to my checklists"))
            self.next.setVisible(True)
        else:
            self.pages.setCurrentWidget(self.question_scroll)
            self.counter.setVisible(True)
            self._show_question(self.questions[self.index])
        self.more_below.sync()  # (the summary page has no cue)

    def _show_question(self, question: QuizQuestion) -> None:
        lang = self.session.language
        count = self.tr("Question %1 of %2").replace("%1", str(self.index + 1))
        set_text(self.counter, count.replace("%2", str(len(self.questions))))
        set_text(self.question, question.question.get(lang))
        chosen = self.session.quiz_answers.get(question.id)
        set_text(self.hint, self.tr("Tap the answer you think is right."))
        self.hint.setVisible(chosen is None)
        for number, widget in enumerate(self.choices):
            if number >= len(question.choices):
                widget.setVisible(False)
                continue
            choice = question.choices[number]
            text = choice.text.get(lang)
            widget.setVisible(True)
            widget.setEnabled(chosen is None)
            mine_right, right, mine_wrong = (
                fill(self.tr("✓ %1 (your answer)"), text),
                fill(self.tr("✓ %1 (right answer)"), text),
                fill(self.tr("✗ %1 (your answer)"), text),
            )
            shown, result = text, ""
            if chosen is not None and choice.id == question.answer:
                shown = mine_right if chosen == choice.id else right
                result = "right"
            elif chosen is not None and choice.id == chosen:
                shown, result = mine_wrong, "wrong"
            widget.set_full_text(shown, reserve=(mine_right, right, mine_wrong))
            if widget.property("result") != result:
                widget.setProperty("result", result)  # for a theme rule; the text says it too
                widget.style().unpolish(widget)
                widget.style().polish(widget)
        self.feedback.setVisible(chosen is not None)
        if chosen is not None:
            right = question.right_choice.text.get(lang)
            if chosen == question.answer:
                set_text(self.verdict, self.tr("That's right!"))
            else:
                set_text(self.verdict, self.tr("Not quite."))
                set_text(self.right_answer, self.tr("The right answer is: %1").replace("%1", right))
            self.right_answer.setVisible(chosen != question.answer)
            set_text(self.explanation, question.explanation.get(lang))
        last = self.index == len(self.questions) - 1
        set_text(self.next, self.tr("See my results") if last else self.tr("Next question"))
        self.next.setVisible(chosen is not None)

    def _show_summary(self) -> None:
        lang = self.session.language
        right, answered = self.session.quiz_score()
        score = self.tr("You got %1 of %2 right.").replace("%1", str(right))
        self._clear_summary()
        set_text(self.score, score.replace("%2", str(answered)))
        missed = self.session.missed_questions()
        if not self.questions:
            set_text(self.missed_title, self.tr("There are no questions."))
        elif missed:
            set_text(self.missed_title, self.tr("Let's look at these again:"))
        elif answered == len(self.questions):
            set_text(self.missed_title, self.tr("Well done! You got every answer right."))
        else:
            set_text(self.missed_title, "")
        self.missed_title.setVisible(bool(self.missed_title.text()))
        for number, question in enumerate(missed):
            card = frame("card")
            card.setObjectName(f"missed-{question.id}")
            layout = QVBoxLayout(card)
            layout.setContentsMargins(20, 16, 20, 16)
            asked = label("strong")
            set_text(asked, question.question.get(lang))
            given = label("muted")
            chosen = self.session.quiz_answers[question.id]
            given_text = next(c.text.get(lang) for c in question.choices if c.id == chosen)
            set_text(given, self.tr("✗ Your answer: %1").replace("%1", given_text))
            answer = label()
            right_text = question.right_choice.text.get(lang)
            set_text(answer, self.tr("✓ The right answer is: %1").replace("%1", right_text))
            explanation = label()
            set_text(explanation, question.explanation.get(lang))
            for widget in (asked, given, answer, explanation):
                layout.addWidget(widget)
            self.summary_layout.insertWidget(2 + number, card)
            card.show()  # now, not after the next event loop pass
            self.missed_cards.append(card)
