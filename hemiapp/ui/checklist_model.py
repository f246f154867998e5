"""A Qt list model over one checklist of a session: one row per item, status editable.

The model is the only way the interface changes an item's status: widgets call
``setData(index, status, Role.STATUS)`` and repaint from ``dataChanged``.
"""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from shiboken6 import isValid

from hemiapp.content.emergency import in_display_order
from hemiapp.content.models import Checklist, ChecklistKind, Item, ItemKind, Section
from hemiapp.content.schedule import date_for, due_label
from hemiapp.content.session import ItemStatus, ReadOnlyError, Session, SignOff
from hemiapp.store.db import StaleError, StoreError
from hemiapp.ui.widgets import fill

_Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    SECTION = Qt.ItemDataRole.UserRole + 2
    KIND = Qt.ItemDataRole.UserRole + 3
    DUE = Qt.ItemDataRole.UserRole + 4
    DETAIL = Qt.ItemDataRole.UserRole + 5
    STATUS = Qt.ItemDataRole.UserRole + 6
    NURSE_ONLY = Qt.ItemDataRole.UserRole + 7
    REQUIRED = Qt.ItemDataRole.UserRole + 8
    QUESTION = Qt.ItemDataRole.UserRole + 9  # "I have a question" (a bool, beside STATUS)
    PAST_DUE = Qt.ItemDataRole.UserRole + 10  # a preparation not done whose date has passed
    NOTE = Qt.ItemDataRole.UserRole + 11  # a staff member's note on the item ("" for none)


#: What a change of an item (its status, question flag or note) can change in its row.
_ITEM_ROLES = [int(Role.STATUS), int(Role.QUESTION), int(Role.PAST_DUE), int(Role.NOTE),
               int(Qt.ItemDataRole.AccessibleTextRole)]  # fmt: skip

_ROLE_NAMES = {
    Role.ID: b"id",
    Role.SECTION: b"section",
    Role.KIND: b"kind",
    Role.DUE: b"due",
    Role.DETAIL: b"detail",
    Role.STATUS: b"status",
    Role.NURSE_ONLY: b"nurseOnly",
    Role.REQUIRED: b"required",
    Role.QUESTION: b"question",
    Role.PAST_DUE: b"pastDue",
    Role.NOTE: b"note",
}


class ChecklistModel(QAbstractListModel):
    """Rows are the checklist's items in order, flattened over its sections."""

    #: A change could not be saved (the message says why); nothing was changed.
    save_failed = Signal(str)
    #: A change was refused: another station had changed the item (or the sign-off)
    #: first. Nothing was changed; the window shows what is saved now.
    changed_elsewhere = Signal()
    #: The session's date, language, sign-offs or actor changed: whatever shows them
    #: beside the rows (a screen's header) follows this.
    visit_changed = Signal()

    def __init__(
        self,
        session: Session,
        checklist_id: str,
        parent: QObject | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._listen(session)
        self.today = today or date.today()
        self.checklist: Checklist = session.content.checklist(checklist_id)
        # in order, but the emergency signs together and first among the signs
        self._rows: tuple[tuple[Section, Item], ...] = tuple(in_display_order(self.checklist))

    def signoff(self) -> SignOff | None:
        """The checklist's current sign-off, if it has one."""
        return self.session.signoffs.get(self.checklist.id)

    def signed_before(self) -> bool:
        """It was signed off once, and a change since set that sign-off aside."""
        return any(s.checklist_id == self.checklist.id for s in self.session.signoff_history)

    @property
    def staff_mode(self) -> bool:
        """A staff member is signed in for this session."""
        return self.session.actor is not None

    # -- following the session's events (hemiapp.content.session.SessionEvents) ----------

    def _listen(self, session: Session) -> None:
        events = session.events
        events.item_changed.connect(self._item_changed)
        for each in (events.signoff_changed, events.details_changed, events.actor_changed):
            each.connect(self._visit_changed)

    def _stop_listening(self, session: Session) -> None:
        events = session.events
        events.item_changed.disconnect(self._item_changed, missing_ok=True)
        for each in (events.signoff_changed, events.details_changed, events.actor_changed):
            each.disconnect(self._visit_changed, missing_ok=True)

    def _item_changed(self, checklist_id: str, item_id: str) -> None:
        if checklist_id != self.checklist.id or not isValid(self):
            return
        for row, (_, item) in enumerate(self._rows):
            if item.id == item_id:
                changed = self.index(row, 0)
                self.dataChanged.emit(changed, changed, _ITEM_ROLES)

    def _visit_changed(self, *_: object) -> None:
        if isValid(self):
            self.refresh()
            self.visit_changed.emit()

    # -- reading -------------------------------------------------------------------------

    def item(self, row: int) -> Item:
        return self._rows[row][1]

    def section(self, row: int) -> Section:
        return self._rows[row][0]

    def status(self, row: int) -> ItemStatus:
        return self.session.status(self.checklist.id, self.item(row).id)

    def past_due(self, row: int) -> bool:
        """Before surgery, not done, and its date is before today: too late to do it as
        planned (the patient should ask their care team)."""
        item, surgery = self.item(row), self.session.surgery_date
        return (
            self.checklist.kind is ChecklistKind.PRE_OP
            and not item.is_sign
            and item.when is not None
            and item.when.computed
            and surgery is not None
            and self.status(row) is not ItemStatus.DONE
            and date_for(item.when, surgery) < self.today
        )

    def is_emergency(self, row: int) -> bool:
        """A sign to call 911 for (shown in the "Call 911 now" box)."""
        return self.item(row).kind is ItemKind.EMERGENCY

    def has_question(self, row: int) -> bool:
        return self.session.has_question(self.checklist.id, self.item(row).id)

    def progress(self) -> tuple[int, int]:
        """(items done, all items)."""
        return self.session.progress(self.checklist)

    def can_edit(self, row: int) -> bool:
        """Staff may change anything; a patient neither nurse-only items nor a signed list."""
        if self.staff_mode:
            return True
        return not self.item(row).nurse_only and self.checklist.id not in self.session.signoffs

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names.update({int(role): QByteArray(name) for role, name in _ROLE_NAMES.items()})
        return names

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        section, item = self._rows[index.row()]
        language = self.session.language
        if role == Qt.ItemDataRole.DisplayRole:
            return item.text.get(language)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible_text(index.row())
        if role == Role.ID:
            return item.id
        if role == Role.SECTION:
            return section.title.get(language)
        if role == Role.KIND:
            return item.kind.value
        if role == Role.DUE:
            return self._due(item)
        if role == Role.DETAIL:
            return item.detail.get(language) if item.detail else ""
        if role == Role.STATUS:
            return self.status(index.row()).value
        if role == Role.QUESTION:
            return self.has_question(index.row())
        if role == Role.PAST_DUE:
            return self.past_due(index.row())
        if role == Role.NOTE:
            return self.session.item(self.checklist.id, item.id).note
        if role == Role.NURSE_ONLY:
            return item.nurse_only
        if role == Role.REQUIRED:
            return item.required
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not self._valid(index):
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.can_edit(index.row()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- writing -------------------------------------------------------------------------

    def setData(self, index: _Index, value: Any, role: int = Role.STATUS) -> bool:
        """Set an item's status (Role.STATUS: an ``ItemStatus`` or its value) or its
        question flag (Role.QUESTION: a bool); False when refused."""
        if role not in (Role.STATUS, Role.QUESTION):
            return False
        if not self._valid(index) or not self.can_edit(index.row()):
            return False
        row = index.row()
        item_id = self.item(row).id
        try:
            if role == Role.QUESTION:
                if not isinstance(value, bool) or self.is_emergency(row):
                    return False  # (an emergency sign is for 911, not a question)
                if value is self.has_question(row):
                    return True
                self.session.set_question(self.checklist.id, item_id, value)
            else:
                status = ItemStatus(value)
                if self.item(row).is_sign:
                    return False  # something to watch for, not a task: never "done"
                if status is self.status(row):
                    return True
                self.session.set_status(self.checklist.id, item_id, status)
        except ValueError:
            return False
        except (ReadOnlyError, PermissionError):
            return False
        except StaleError:
            self.changed_elsewhere.emit()
            return False
        except StoreError as exc:  # not saved, so not changed: say so, keep the old state
            self.save_failed.emit(exc.message)
            return False
        return True  # (the session's item_changed event repaints the row)

    def set_session(self, session: Session) -> None:
        """Show another visit of the same content (the rows stay: same checklist)."""
        if session is self.session:
            return  # (the model is shared: its screen and the review both bind it)
        self.beginResetModel()
        self._stop_listening(self.session)
        self.session = session
        self._listen(session)
        self.endResetModel()
        self.refresh()  # the views that follow dataChanged repaint

    def refresh(self) -> None:
        """The language or the surgery date changed: every text may differ."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0), [])

    # -- helpers -------------------------------------------------------------------------

    def _valid(self, index: _Index) -> bool:
        return (
            index.isValid()
            and index.model() is self
            and index.column() == 0
            and 0 <= index.row() < len(self._rows)
        )

    def _due(self, item: Item) -> str:
        if item.when is None:
            return ""
        return due_label(item.when, self.session.surgery_date, self.session.language)

    def _accessible_text(self, row: int) -> str:
        item = self.item(row)
        text = item.text.get(self.session.language)
        if self.is_emergency(row):  # unfolded: the detail is said too, nothing to tick
            detail = item.detail.get(self.session.language) if item.detail else ""
            said = fill(self.tr("Emergency. Call 911 now: %1"), text.rstrip("."))
            return ". ".join(p.rstrip(".") for p in (said, detail) if p) + "."
        parts = [text]
        due = self._due(item)
        if due:
            parts.append(due)
        if self.past_due(row):
            parts.append(self.tr("This date has passed. Ask your care team."))
        warning = item.is_sign
        if warning:
            parts.insert(0, self.tr("Warning sign"))
        elif self.status(row) is ItemStatus.DONE:
            parts.append(self.tr("Done"))
        else:
            parts.append(self.tr("Not done yet"))
        if self.has_question(row):
            parts.append(self.tr("You have a question"))
        if item.nurse_only:
            parts.append(self.tr("A nurse will check this item."))
        return ". ".join(p.rstrip(".") for p in parts) + "."
