from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from hemiapp.content.session import Actor, ItemStatus, Session
from hemiapp.ui.checklist_model import ChecklistModel, Role


def row_of(model: ChecklistModel, item_id: str) -> int:
    for row in range(model.rowCount()):
        if model.data(model.index(row, 0), Role.ID) == item_id:
            return row
    raise KeyError(item_id)


@pytest.fixture
def model(session: Session) -> ChecklistModel:
    return ChecklistModel(session, "pre-op")


def test_passes_qt_model_tester(qtmodeltester: ModelTester, model: ChecklistModel) -> None:
    qtmodeltester.check(model)
    model.session.surgery_date = date(2026, 12, 8)
    model.session.language = "es"
    model.refresh()
    qtmodeltester.check(model)


def test_one_row_per_item_with_roles(model: ChecklistModel) -> None:
    checklist = model.session.content.checklist("pre-op")
    assert model.rowCount() == len(checklist.items)
    first = model.index(0, 0)
    item = checklist.sections[0].items[0]
    assert model.data(first, Qt.ItemDataRole.DisplayRole) == item.text.english
    assert model.data(first, Role.ID) == item.id
    assert model.data(first, Role.SECTION) == checklist.sections[0].title.english
    assert model.data(first, Role.KIND) == "task"
    assert model.data(first, Role.DETAIL) == (item.detail.english if item.detail else "")
    assert model.data(first, Role.STATUS) == "open"
    assert model.data(first, Role.NURSE_ONLY) is False
    assert model.data(first, Role.REQUIRED) is item.required
    last_section = checklist.sections[-1]
    last = model.index(model.rowCount() - 1, 0)
    assert model.data(last, Role.SECTION) == last_section.title.english
    assert model.data(last, Role.ID) == last_section.items[-1].id
    assert item.text.english in model.data(first, Qt.ItemDataRole.AccessibleTextRole)
    assert model.roleNames()[Role.STATUS].data() == b"status"
    assert model.progress() == (0, len(checklist.items))


def test_set_status_round_trip(qtbot: QtBot, model: ChecklistModel) -> None:
    row = row_of(model, "stop-smoking")
    index = model.index(row, 0)
    with qtbot.waitSignal(model.dataChanged) as blocker:
        assert model.setData(index, ItemStatus.DONE, Role.STATUS)
    top, bottom, roles = blocker.args
    assert (top.row(), bottom.row()) == (row, row)
    assert Role.STATUS in roles
    assert model.session.status("pre-op", "stop-smoking") is ItemStatus.DONE
    assert model.data(index, Role.STATUS) == "done"
    assert model.progress()[0] == 1
    # a question is a flag beside the status: done stays done
    with qtbot.waitSignal(model.dataChanged) as blocker:
        assert model.setData(index, True, Role.QUESTION)
    assert Role.QUESTION in blocker.args[2]
    assert model.data(index, Role.QUESTION) is True
    assert model.session.status("pre-op", "stop-smoking") is ItemStatus.DONE
    assert not model.setData(index, "question", Role.STATUS)  # no longer a status
    assert not model.setData(index, "yes", Role.QUESTION)  # a bool only
    # the value's string works too, and open removes the status again
    assert model.setData(index, "open", Role.STATUS)
    assert model.session.status("pre-op", "stop-smoking") is ItemStatus.OPEN
    assert model.progress()[0] == 0


def test_invalid_values_and_roles_refused(qtbot: QtBot, model: ChecklistModel) -> None:
    index = model.index(row_of(model, "stop-smoking"), 0)
    with qtbot.assertNotEmitted(model.dataChanged):
        assert not model.setData(index, "finished", Role.STATUS)
        assert not model.setData(index, None, Role.STATUS)
        assert not model.setData(index, 3, Role.STATUS)
        assert not model.setData(index, "done", Qt.ItemDataRole.DisplayRole)
        assert not model.setData(model.index(999, 0), "done", Role.STATUS)
    assert model.session.items == {}


NURSE = Actor(1, "n1", "Ana Ruiz", "Nurse")


def test_signed_checklist_is_read_only_for_the_patient(qtbot: QtBot, model: ChecklistModel) -> None:
    index = model.index(row_of(model, "stop-smoking"), 0)
    model.session.actor = NURSE
    model.session.sign_off("pre-op", "I went through this checklist with the patient.")
    model.session.actor = None
    model.refresh()
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    with qtbot.assertNotEmitted(model.dataChanged):
        assert not model.setData(index, ItemStatus.DONE, Role.STATUS)
    # a nurse may change it; the sign-off then moves to the history and must be redone
    model.session.actor = NURSE
    assert model.setData(index, ItemStatus.DONE, Role.STATUS)
    assert "pre-op" not in model.session.signoffs
    assert [s.name for s in model.session.signoff_history] == ["Ana Ruiz"]


def test_nurse_only_needs_staff_mode(qtbot: QtBot, model: ChecklistModel) -> None:
    index = model.index(row_of(model, "consent-signed"), 0)
    assert model.data(index, Role.NURSE_ONLY) is True
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    with qtbot.assertNotEmitted(model.dataChanged):
        assert not model.setData(index, ItemStatus.DONE, Role.STATUS)
    assert model.session.status("pre-op", "consent-signed") is ItemStatus.OPEN
    model.session.actor = NURSE
    model.refresh()
    assert model.staff_mode
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    with qtbot.waitSignal(model.dataChanged):
        assert model.setData(index, ItemStatus.DONE, Role.STATUS)
    assert model.session.status("pre-op", "consent-signed") is ItemStatus.DONE
    assert model.session.item("pre-op", "consent-signed").changed_by == "Ana Ruiz"
    patient_index = model.index(row_of(model, "stop-smoking"), 0)
    model.session.actor = None
    model.refresh()
    assert model.flags(patient_index) & Qt.ItemFlag.ItemIsEditable


def test_language_change(qtbot: QtBot, model: ChecklistModel) -> None:
    index = model.index(row_of(model, "stop-smoking"), 0)
    model.session.language = "es"
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.refresh()
    top, bottom = blocker.args[0], blocker.args[1]
    assert (top.row(), bottom.row()) == (0, model.rowCount() - 1)
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == (
        "Deje de fumar y de usar cualquier tipo de tabaco o nicotina lo antes posible."
    )
    assert model.data(index, Role.SECTION) == "Unas semanas antes de la cirugía"


def test_due_labels(model: ChecklistModel) -> None:
    ride = model.index(row_of(model, "arrange-ride"), 0)  # "-7d"
    assert model.data(ride, Role.DUE) == "7 days before"
    model.session.surgery_date = date(2026, 12, 8)  # a Tuesday
    model.refresh()
    assert model.data(ride, Role.DUE) == "Tue 1 Dec — 7 days before"
    model.session.language = "es"
    assert model.data(ride, Role.DUE) == "mar 1 dic — 7 días antes"
    smoking = model.index(row_of(model, "stop-smoking"), 0)  # "-4w"
    assert model.data(smoking, Role.DUE) == "mar 10 nov — 4 semanas antes"
    post_op = ChecklistModel(model.session, "post-op")
    no_date = post_op.index(row_of(post_op, "ws-fever"), 0)
    assert post_op.data(no_date, Role.DUE) == ""


def test_a_note_is_read_through_the_model_and_repaints_its_row(
    qtbot: QtBot, model: ChecklistModel
) -> None:
    from hemiapp.content.session import Actor

    row = row_of(model, "stop-smoking")
    index = model.index(row, 0)
    assert model.data(index, Role.NOTE) == ""
    model.session.actor = Actor(1, "nurse1", "Pat Lee", "RN")
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.session.set_note("pre-op", "stop-smoking", "Patches, as agreed")
    top, _, roles = blocker.args
    assert top.row() == row and Role.NOTE in roles
    assert model.data(index, Role.NOTE) == "Patches, as agreed"
