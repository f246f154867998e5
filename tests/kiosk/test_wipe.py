"""The strict privacy walk: a kiosk visit with staff help, then the idle wipe, then a walk of
every widget and model in the whole application (not just the window), their undo
histories included. Nothing of the visit may be found."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hemiapp.content.models import DEFAULT_LANGUAGE
from hemiapp.kiosk.lockdown import KioskLock
from hemiapp.ui.checklist import ChecklistScreen
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.staff.controller import StaffController
from hemiapp.ui.theme import TextSize
from hemiapp.ui.widgets import forget
from hemiapp.wiring import watch_idle
from tests.ui.staff.conftest import PIN, click, settle, type_pin
from tests.ui.staff.test_panel import fill_form

NAME = "Zebedee Quixote-Ybarra"
MRN = "771903"
NOTE = "Daughter Philippa drives"
PROBE = "zqprobe"  # what a curious patient typed into the staff sign-in
SECRETS = (NAME, "Quixote", MRN, NOTE, "Philippa", PROBE, "1950-02-03", "03/02/1950")


def models(objects: list[QObject]) -> list[QAbstractItemModel]:
    found: dict[int, QAbstractItemModel] = {}
    for obj in objects:
        for model in obj.findChildren(QAbstractItemModel):
            found[id(model)] = model
        view_model = getattr(obj, "model", None)
        if callable(view_model):
            model = view_model()
            if isinstance(model, QAbstractItemModel):
                found[id(model)] = model
    return list(found.values())


def every_text() -> Iterator[str]:
    """Depth-first over every widget and model in the application: the texts they hold."""
    widgets = QApplication.allWidgets()
    for widget in widgets:
        yield widget.toolTip()
        yield widget.accessibleName()
        yield widget.accessibleDescription()
        yield widget.windowTitle()
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            yield widget.text()
        if isinstance(widget, QLineEdit):
            yield widget.placeholderText()
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            yield widget.toPlainText()
    app = QCoreApplication.instance()
    assert app is not None
    for model in models([app, *widgets]):
        top = QModelIndex()
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(top)
        for row in range(model.rowCount(top)):
            for column in range(max(1, columns)):
                for role in range(0, Qt.ItemDataRole.UserRole + 64):
                    value = model.data(model.index(row, column), role)
                    if isinstance(value, str):
                        yield value


def undo_left() -> list[str]:
    """Text fields whose undo history could bring something back."""
    left = []
    for widget in QApplication.allWidgets():
        if isinstance(widget, QLineEdit) and (widget.isUndoAvailable() or widget.isRedoAvailable()):
            left.append(widget.objectName() or "QLineEdit")
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            document = widget.document()
            if document.isUndoAvailable() or document.isRedoAvailable():
                left.append(widget.objectName() or type(widget).__name__)
    return left


def found(secrets: tuple[str, ...] = SECRETS) -> list[str]:
    return sorted({s for text in every_text() for s in secrets if s in text})


def name_the_visit(
    qtbot: QtBot, window: MainWindow, controller: StaffController, language: str
) -> ChecklistScreen:
    """A nurse signs in (staff ID typed, PIN on the keypad), names the visit, adds a note
    to the first item before surgery and signs out; the checklist is on screen."""
    controller.open_sign_in()
    qtbot.keyClicks(controller.sign_in_panel.staff_id, "ana")
    type_pin(qtbot, controller, PIN)
    click(qtbot, controller.sign_in_panel.sign_in)
    click(qtbot, controller.bar.menu)
    click(qtbot, controller.panel.tab_buttons["new"])
    fill_form(qtbot, controller.panel.form, NAME, "03021950", mrn=MRN)
    click(qtbot, controller.panel.form.language_buttons[language])
    click(qtbot, controller.panel.form.start)
    assert {NAME, "Quixote"} <= set(found())  # the staff bar names the patient
    pre = window.checklist_screens[0]
    window.show_screen(window.screens.index(pre))
    click(qtbot, pre.cards[0].note_button)
    controller.note_editor.editor.setFocus()
    qtbot.keyClicks(controller.note_editor.editor, NOTE)
    click(qtbot, controller.note_editor.save)
    click(qtbot, controller.bar.sign_out)
    return pre


def test_a_kiosk_visit_with_staff_help_leaves_nothing_anywhere(
    qtbot: QtBot, window: MainWindow, controller: StaffController, lock: KioskLock
) -> None:
    idle = watch_idle(window, idle_seconds=0.4, countdown_seconds=1, staff=controller)
    try:
        # A curious patient finds the staff keypad and types, then gives up.
        controller.open_sign_in()
        qtbot.keyClicks(controller.sign_in_panel.staff_id, PROBE)
        click(qtbot, controller.sign_in_panel.cancel)
        # The nurse signs in (staff ID typed, PIN on the keypad) and names the visit.
        pre = name_the_visit(qtbot, window, controller, "es")  # then the patient goes on alone
        click(qtbot, pre.cards[1].done)
        opened = next(card for card in pre.cards if card.why.isVisible())
        click(qtbot, opened.why)  # "Why?" opened
        window.set_text_size(TextSize.LARGE)
        question = window.content.course.questions[0]
        wrong = next(c for c in question.choices if c.id != question.answer)
        window.show_screen(2)
        click(qtbot, window.quiz.choices[question.choices.index(wrong)])  # a wrong answer
        window.show_screen(2, backwards=True)  # and the results page
        settle()
        results = window.quiz.score.text()  # "Acertó 0 de 1." (the visit is in Spanish)
        given = window.quiz.missed_cards[0].findChildren(QLabel)[1].text()  # "✗ Su respuesta: …"
        secrets = (*SECRETS, results, given)
        before = set(found(secrets))
        assert before >= {NOTE, "Philippa", results, given}  # (the name went with staff mode)

        qtbot.waitUntil(lambda: idle.counting_down, timeout=5000)
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.welcome, timeout=5000)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        settle()

        assert found(secrets) == []
        assert undo_left() == []
        assert not any(card.why.isChecked() for screen in window.checklist_screens
                       for card in screen.cards)  # fmt: skip
        assert controller.member is None and window.session.actor is None
        assert window.session.language == DEFAULT_LANGUAGE
        assert window.text_size is TextSize.NORMAL
        assert lock.locked and window.isFullScreen()
        for index in reversed(range(len(window.screens))):  # Back through every screen
            window.show_screen(index, backwards=True)
            settle()
            assert found(secrets) == []
    finally:
        idle.watcher.stop()


def test_finish_and_its_closing_screen_leave_nothing_anywhere(
    qtbot: QtBot, window: MainWindow, controller: StaffController, lock: KioskLock
) -> None:
    name_the_visit(qtbot, window, controller, "en")
    window.show_screen(len(window.screens) - 1)
    settle()
    assert set(found()) >= {NOTE}  # (the name went with staff mode)
    click(qtbot, window.review.finish)
    click(qtbot, window.finish_confirm.yes)
    assert window.stack.currentWidget() is window.closing
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    settle()
    assert found() == []  # the closing screen comes after the wipe
    assert undo_left() == []
    click(qtbot, window.closing.start_again)
    assert window.stack.currentWidget() is window.welcome
    for index in reversed(range(len(window.screens))):
        window.show_screen(index, backwards=True)
        settle()
        assert found() == []


def test_forget_leaves_no_history_where_clear_does(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    line, text = QLineEdit(holder), QPlainTextEdit(holder)
    line.setObjectName("line")
    text.setObjectName("text")
    qtbot.keyClicks(line, PROBE)
    qtbot.keyClicks(text, NOTE)
    line.clear()
    text.clear()
    assert undo_left() == ["line"]  # clear(): Ctrl+Z brings the text back
    line.undo()
    assert line.text() == PROBE
    qtbot.keyClicks(text, NOTE)
    forget(line)
    forget(text)
    assert undo_left() == []
    assert (line.text(), text.toPlainText()) == ("", "")
