"""The surgery explained step by step: illustration, text, key points, contents to jump."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hemiapp.content import markup
from hemiapp.content.session import Session
from hemiapp.ui.emergency import EmergencyBox
from hemiapp.ui.flow import FlowLayout
from hemiapp.ui.morebelow import MoreBelow
from hemiapp.ui.picture import is_high_contrast, render_picture, width_for_text
from hemiapp.ui.widgets import Screen, button, frame, label, scroll_area, set_text

SIDE_ILLUSTRATION = 600  # beside the key points, when they still get ~17 characters' width
MAX_ILLUSTRATION = 720  # above them otherwise
MAX_FOR_TEXT = 800  # wider than this for its words' sake, and the picture fills the screen


class EducationScreen(Screen):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.steps = session.content.course.steps
        self.index = 0
        main = QVBoxLayout(self)
        main.setContentsMargins(24, 16, 24, 16)
        header = QHBoxLayout()
        self.progress = label("muted", wrap=False)
        header.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignTop)
        header.addSpacing(24)
        # The contents: one numbered button per step, named by its title.
        stepper = QWidget()
        stepper.setObjectName("contents")
        self.stepper = FlowLayout(stepper, spacing=8)
        self.step_buttons: list[QPushButton] = []
        for number in range(len(self.steps)):
            jump = button(checkable=True)
            jump.setObjectName(f"step-{number + 1}")
            jump.clicked.connect(lambda _=False, n=number: self.show_step(n))
            self.stepper.addWidget(jump)
            self.step_buttons.append(jump)
        header.addWidget(stepper, 1)
        main.addLayout(header)
        self.title = label("heading")
        main.addWidget(self.title)
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 12, 0)
        # The step's signs to call 911 for: first on the page, unfolded, in view.
        self.emergency = EmergencyBox()
        self.emergency.setVisible(False)
        page_layout.addWidget(self.emergency)
        self.top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        top = self.top
        self.illustration = label(wrap=False)
        self.illustration.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._illustration_key: tuple[object, ...] = ()
        top.addWidget(self.illustration, 0, Qt.AlignmentFlag.AlignTop)
        points_card = frame("card")
        points_layout = QVBoxLayout(points_card)
        self.points_title = label("subheading")
        self.points = label(rich=True)
        points_layout.addWidget(self.points_title)
        points_layout.addWidget(self.points)
        points_layout.addStretch(1)
        top.addWidget(points_card, 1)
        page_layout.addLayout(top)
        self.body = label(rich=True)
        page_layout.addWidget(self.body)
        page_layout.addStretch(1)
        self.page_scroll = scroll_area(page)
        main.addWidget(self.page_scroll, 1)
        nav = QHBoxLayout()
        self.back = button()
        self.back.setObjectName("back")
        self.back.clicked.connect(self.go_back)
        self.next = button("primary")
        self.next.setObjectName("next")
        self.next.clicked.connect(self.go_next)
        self.more_below = MoreBelow(self.page_scroll, self)
        nav.addWidget(self.back)
        nav.addStretch(1)
        nav.addWidget(self.more_below.button)
        nav.addStretch(1)
        nav.addWidget(self.next)
        main.addLayout(nav)
        self.page_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # arrows turn pages instead
        self.page_scroll.viewport().installEventFilter(self)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Right/Enter/Page Down: next step; Left/Page Up: back; Up/Down: scroll the text.

        Keys a focused child uses itself (Enter on a button) never reach here."""
        key = event.key()
        bar = self.page_scroll.verticalScrollBar()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.go_next()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.go_back()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = bar.singleStep() * 4
            bar.setValue(bar.value() + (step if key == Qt.Key.Key_Down else -step))
        else:
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.page_scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._relayout()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._relayout()
            self._fix_header()

    def _fix_header(self) -> None:
        """The same width for "Step 1 of 10" and "Step 10 of 10", and for every step
        button, so that the contents never move under a finger from step to step."""
        count = len(self.steps)
        template = self.tr("Step %1 of %2").replace("%2", str(count))
        self.progress.ensurePolished()
        metrics = self.progress.fontMetrics()
        widest = max(
            (
                metrics.horizontalAdvance(template.replace("%1", str(n)))
                for n in range(1, count + 1)
            ),
            default=0,
        )
        self.progress.setFixedWidth(widest + 4)
        for jump in self.step_buttons:
            jump.ensurePolished()
        hints = [jump.sizeHint().width() for jump in self.step_buttons]
        for jump in self.step_buttons:
            jump.setFixedWidth(max(hints, default=48))

    def _relayout(self) -> None:
        """Picture beside the key points when both fit, else a larger picture above them.

        The picture is drawn wide enough for its words to be the body text's size (larger
        text, larger picture); where the window is too narrow for that, its words grow."""
        available = self.page_scroll.viewport().width() - 16
        font_px = max(self.body.fontInfo().pixelSize(), 12)
        picture = self.steps[self.index].illustration
        for_text = min(width_for_text(picture, font_px) if picture else 0, MAX_FOR_TEXT)
        side = max(SIDE_ILLUSTRATION, for_text)
        beside = available - side - 16 >= 17 * font_px
        self.top.setDirection(
            QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        )
        width = side if beside else max(200, min(max(MAX_ILLUSTRATION, side), available))
        self._show_illustration(width)

    def _show_illustration(self, width: int) -> None:
        """The step's picture in the patient's language and theme, its words at least as big
        as the body text."""
        step = self.steps[self.index]
        body_px = max(self.body.fontInfo().pixelSize(), 12)
        lang, contrast = self.session.language, is_high_contrast(self)
        key = (step.id, width, lang, contrast, body_px)
        if self._illustration_key == key:
            return
        self._illustration_key = key
        if step.illustration is None:
            self.illustration.setPixmap(QPixmap())
            return
        ratio = self.devicePixelRatioF() or 1.0
        pixmap = render_picture(
            step.illustration,
            lang,
            width=width,
            body_px=body_px,
            high_contrast=contrast,
            ratio=ratio,
        )
        self.illustration.setPixmap(pixmap)
        self.illustration.setFixedSize(pixmap.deviceIndependentSize().toSize())

    def go_next(self) -> None:
        if self.index + 1 < len(self.steps):
            self.show_step(self.index + 1)
        else:
            self.next_requested.emit()

    def go_back(self) -> None:
        if self.index > 0:
            self.show_step(self.index - 1)
        else:
            self.back_requested.emit()

    def show_step(self, index: int) -> None:
        self.index = index
        self.refresh()
        self.page_scroll.verticalScrollBar().setValue(0)

    def reset_view(self) -> None:
        super().reset_view()
        self.index = 0

    def enter(self, *, backwards: bool) -> None:
        if backwards:
            self.index = len(self.steps) - 1
        self.refresh()

    def refresh(self) -> None:
        lang = self.session.language
        step = self.steps[self.index]
        for number, (jump, each) in enumerate(zip(self.step_buttons, self.steps, strict=True)):
            jump.setText(str(number + 1))
            name = self.tr("Step %1: %2").replace("%1", str(number + 1))
            jump.setAccessibleName(name.replace("%2", each.title.get(lang)))
            jump.setToolTip(each.title.get(lang))
            jump.setChecked(number == self.index)
        count = len(self.steps)
        progress = self.tr("Step %1 of %2").replace("%1", str(self.index + 1))
        set_text(self.progress, progress.replace("%2", str(count)))
        set_text(self.title, step.title.get(lang))
        self._relayout()
        self.illustration.setAccessibleName(step.illustration_alt.get(lang))
        set_text(self.points_title, self.tr("Key points"))
        points = "".join(f"<li>{markup.inline_html(p.get(lang))}</li>" for p in step.key_points)
        self.points.setText(f"<ul>{points}</ul>")
        self.points.setAccessibleName(self.tr("Key points"))
        self.body.setText(markup.to_html(step.body.get(lang)))
        self.emergency.retranslate()
        self.emergency.set_signs([sign.get(lang) for sign in step.emergency])
        self.emergency.setVisible(bool(step.emergency))
        self.body.setAccessibleName(step.title.get(lang))
        self._fix_header()
        self.more_below.retranslate()
        set_text(self.back, self.tr("Back"))
        last = self.index + 1 == count
        set_text(self.next, self.tr("Go to the quiz") if last else self.tr("Next"))
