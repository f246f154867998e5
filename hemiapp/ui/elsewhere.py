"""A change refused because another station changed the same thing first.

The store refuses a change based on a state that is no longer the saved one
(``hemiapp.store.base.StaleError``). Nothing is wrong with the database, so this is
not the maintenance page: the window reads the session again from the store, shows it
where the person is (every screen follows it: ``Screen.follow``), and says so above
the page, until it is closed or the person moves on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from hemiapp.content.session import Session
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.widgets import FollowsLanguage, button, label, set_text


def saved_state(sessions: SessionStore | None, session: Session) -> Session:
    """``session`` as the store has it now (StoreError if it cannot be read)."""
    if sessions is None or session.id is None:
        return session  # (nothing is shared with another station)
    return sessions.resume(session.id, session.content)


class ChangedElsewhereNotice(FollowsLanguage, QFrame):
    """ "This was just changed at another station", in a band above the page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changed-elsewhere")
        self.setProperty("role", "question")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 6, 12, 6)  # (low: the page under it keeps its room)
        layout.setSpacing(16)
        # One line where it can: a checklist at the largest text, with the staff bar
        # above, has no height to spare (what it means is also said to screen readers).
        self.heading = label("strong")
        self.heading.setObjectName("changed-elsewhere-heading")
        layout.addWidget(self.heading, 1)
        self.close_button = button()
        self.close_button.setObjectName("changed-elsewhere-ok")
        self.close_button.setStyleSheet("padding-top: 0px; padding-bottom: 0px;")  # 48 px
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def show_notice(self) -> None:
        """Say it (a screen reader too), in the interface's language, without taking the
        focus from where the person is."""
        self.retranslate()
        self.show()
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))

    def retranslate(self) -> None:
        heading = self.tr("This was just changed at another station.")
        set_text(self.heading, heading)
        self.setAccessibleName(heading)
        self.setAccessibleDescription(self.tr("The screen now shows what is saved."))
        set_text(self.close_button, self.tr("OK"), self.tr("Close this message"))
