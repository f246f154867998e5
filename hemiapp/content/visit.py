"""The visit at a station: the patient's session, who is acting, the language, and the
display settings (text size, contrast). Plain Python (no Qt).

Screens subscribe to ``Visit.events`` and to the session's own events
(``hemiapp.content.session.SessionEvents``); nobody refreshes anybody.
"""

from __future__ import annotations

from enum import Enum

from psygnal import Signal, SignalGroup

from hemiapp.content.session import Actor, Session


class TextSize(Enum):
    NORMAL = 1.0
    LARGE = 1.25
    EXTRA_LARGE = 1.5


class VisitEvents(SignalGroup):
    #: Another session is shown (a nurse started or resumed one, or a visit ended).
    session_replaced = Signal(object)
    #: The text size or the contrast changed.
    display_changed = Signal()


class Visit:
    """One station's current visit. The session is replaced, never mutated from here
    except through its own methods (which record and announce each change)."""

    def __init__(self, session: Session) -> None:
        self.events = VisitEvents()
        self._session = session
        self._text_size = TextSize.NORMAL
        self._high_contrast = False

    # --- the session and who acts in it ---------------------------------------------------

    @property
    def session(self) -> Session:
        return self._session

    def replace(self, session: Session) -> None:
        """Show ``session`` from now on (whoever acts stays the same: staff stay signed in)."""
        if session is self._session:
            return
        if session.actor is None:  # (a session handed over with its actor keeps it)
            session.actor = self._session.actor
        self._session = session
        self.events.session_replaced.emit(session)

    @property
    def actor(self) -> Actor | None:
        """The signed-in staff member acting for the patient, or None (the patient)."""
        return self._session.actor

    def act_as(self, actor: Actor | None) -> None:
        """``actor`` acts in this visit from now on (the session announces it)."""
        self._session.actor = actor

    # --- language and display ---------------------------------------------------------------

    @property
    def language(self) -> str:
        return self._session.language

    def set_language(self, language: str) -> None:
        self._session.set_language(language)  # recorded, then announced by the session

    @property
    def text_size(self) -> TextSize:
        return self._text_size

    @property
    def high_contrast(self) -> bool:
        return self._high_contrast

    def set_display(
        self, *, text_size: TextSize | None = None, high_contrast: bool | None = None
    ) -> None:
        """Change the text size and/or the contrast; announced once, if anything changed."""
        size = self._text_size if text_size is None else text_size
        contrast = self._high_contrast if high_contrast is None else high_contrast
        if (size, contrast) == (self._text_size, self._high_contrast):
            return
        self._text_size, self._high_contrast = size, contrast
        self.events.display_changed.emit()

    def reset_display(self) -> None:
        """Back to normal text and contrast (the next patient starts afresh)."""
        self.set_display(text_size=TextSize.NORMAL, high_contrast=False)
