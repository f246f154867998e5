"""Sessions in the database: the store is each session's recorder (see content/session.py).

Every change is one transaction that writes the new state and its audit row; it
commits before the session in memory (and so the screen) changes. An anonymous
kiosk session gets its row with its first saved action, so a walk-up who does
nothing leaves nothing behind.

Several stations may share the database. A change based on a row another station has
changed since is refused with StaleError, and nothing of it is written (``versions``).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime

from hemiapp.content.models import Content
from hemiapp.content.session import (
    ItemState,
    ItemStatus,
    PatientDetails,
    Session,
    SignOff,
)
from hemiapp.store import audit, printlog, versions
from hemiapp.store.db import Connection, Database
from hemiapp.store.printlog import PrintRequest
from hemiapp.store.versions import SessionRow


@dataclass(frozen=True)
class SessionSummary:
    """What a nurse sees in search results."""

    id: int
    name: str
    date_of_birth: date
    mrn: str
    surgery_date: date | None
    created_at: datetime


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def fold(text: str) -> str:
    """``text`` for matching: no accents, no case, single spaces ("Núñez" → "nunez")."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def _actor(session: Session) -> tuple[str, int | None]:
    if session.actor is None:
        return "patient", None
    return session.actor.staff_id, session.actor.staff_pk


class SessionStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- starting, finding, resuming ------------------------------------------------------

    def new_anonymous(self, content: Content) -> Session:
        """A kiosk session: saved from its first action on."""
        return Session(content, recorder=self, clock=self.db.clock)

    def new_named(
        self,
        content: Content,
        patient: PatientDetails,
        *,
        language: str,
        surgery_date: date | None,
        session: Session | None = None,
    ) -> Session:
        """A nurse starts a session for a named patient (saved at once). ``session``: the
        one on screen, whose row (if it has one) becomes the patient's."""
        named = session or Session(content, clock=self.db.clock)
        if named.id is None:
            with self.db.transaction() as conn:
                self.db.lock_audit(conn)
                row = SessionRow(self._insert(conn, named, patient, language, surgery_date), 1)
            named.id, named.version = row.id, row.version
        else:  # the patient already saved something anonymously: that row becomes theirs
            actor, _ = _actor(named)
            with self._writing(named) as (conn, row):
                row.update(
                    conn,
                    "kind = 'named', patient_name = ?, date_of_birth = ?, mrn = ?, "
                    "surgeon = ?, surgery_date = ?, language = ?",
                    (patient.name, _iso(patient.date_of_birth), patient.mrn or None,
                     patient.surgeon or None, _iso(surgery_date), language),
                )  # fmt: skip
                audit.append(
                    self.db, conn, "session-named", actor=actor, session_id=row.id,
                    detail={"kind": "named"},
                )  # fmt: skip
        named.patient, named.language, named.surgery_date = patient, language, surgery_date
        named.recorder = self
        return named

    def _insert(
        self,
        conn: Connection,
        session: Session,
        patient: PatientDetails | None,
        language: str,
        surgery_date: date | None,
    ) -> int:
        """A row for ``session`` (with these details); its id."""
        actor, staff_pk = _actor(session)
        cursor = conn.execute(
            "INSERT INTO sessions (kind, patient_name, date_of_birth, mrn, surgeon, "
            "surgery_date, language, content_digest, content_version, created_at, created_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                "named" if patient else "anonymous",
                patient.name if patient else None,
                _iso(patient.date_of_birth) if patient else None,
                (patient.mrn or None) if patient else None,
                (patient.surgeon or None) if patient else None,
                _iso(surgery_date),
                language,
                session.content.digest,
                session.content.version_label,
                self.db.now(),
                staff_pk,
            ),
        )
        session_id = int(cursor.fetchone()[0])
        audit.append(
            self.db, conn, "session-start", actor=actor, session_id=session_id,
            detail={"kind": "named" if patient else "anonymous"},
        )  # fmt: skip
        return session_id

    @contextmanager
    def _writing(self, session: Session) -> Iterator[tuple[Connection, SessionRow]]:
        """One change of ``session``: a transaction that holds the audit lock from its
        start (so what it checks stays true until it commits), with the session's row,
        made first if there is none. The session in memory learns the row's id and
        version once the change has committed, and not before: a change refused or
        failed leaves it as it was."""
        with self.db.transaction() as conn:
            self.db.lock_audit(conn)
            if session.id is None:
                details = (session.patient, session.language, session.surgery_date)
                row = SessionRow(self._insert(conn, session, *details), 1)
            else:
                row = SessionRow(session.id, session.version)
            yield conn, row
        session.id, session.version = row.id, row.version

    def find(self, text: str, *, born: date | None = None) -> list[SessionSummary]:
        """Open named sessions whose name contains ``text`` (without regard to accents or
        case: "nunez" finds "Núñez"), or whose MRN is ``text`` (any case), or whose date of
        birth is ``born`` (or ``text`` as YYYY-MM-DD). Never anonymous ones.

        Names are compared folded in Python (``fold``), the same on SQLite and PostgreSQL:
        the open named sessions of a clinic are read, not its closed ones."""
        text = text.strip()
        if not text:
            return []
        wanted, mrn = fold(text), text.casefold()
        birth = born.isoformat() if born else text
        rows = self.db.read(
            "SELECT id, patient_name, date_of_birth, mrn, surgery_date, created_at FROM sessions "
            "WHERE kind = 'named' AND closed_at IS NULL"
        )
        found = [
            (fold(r["patient_name"]), r)
            for r in rows
            if wanted in fold(r["patient_name"])
            or (r["mrn"] or "").casefold() == mrn
            or r["date_of_birth"] == birth
        ]
        found.sort(key=lambda pair: (pair[0], pair[1]["id"]))
        return [
            SessionSummary(
                r["id"],
                r["patient_name"],
                date.fromisoformat(r["date_of_birth"]),
                r["mrn"] or "",
                date.fromisoformat(r["surgery_date"]) if r["surgery_date"] else None,
                datetime.fromisoformat(r["created_at"]),
            )
            for _, r in found
        ]

    def resume(self, session_id: int, content: Content) -> Session:
        """Load a saved session with everything recorded for it."""
        rows = self.db.read("SELECT * FROM sessions WHERE id = ?", (session_id,))
        if not rows:
            raise KeyError(session_id)
        row = rows[0]
        patient = None
        if row["kind"] == "named":
            patient = PatientDetails(
                row["patient_name"],
                date.fromisoformat(row["date_of_birth"]),
                row["mrn"] or "",
                row["surgeon"] or "",
            )
        session = Session(
            content,
            language=row["language"],
            surgery_date=date.fromisoformat(row["surgery_date"]) if row["surgery_date"] else None,
            patient=patient,
            id=session_id,
            version=int(row["version"]),
        )
        names = {r["id"]: r["name"] for r in self.db.read("SELECT id, name FROM staff")}
        if row["teach_back_at"]:
            session.teach_back_at = datetime.fromisoformat(row["teach_back_at"])
            session.teach_back_by = names.get(row["teach_back_by"], "")
        for item in self.db.read("SELECT * FROM item_states WHERE session_id = ?", (session_id,)):
            session.items[(item["checklist_id"], item["item_id"])] = ItemState(
                ItemStatus(item["status"]),
                item["note"],
                names.get(item["changed_by"], ""),
                datetime.fromisoformat(item["changed_at"]),
                question=bool(item["question"]),
                version=int(item["version"]),
            )
        for answer in self.db.read(
            "SELECT question_id, choice_id FROM quiz_answers WHERE session_id = ?", (session_id,)
        ):
            session.quiz_answers[answer["question_id"]] = answer["choice_id"]
        for signed in self.db.read(
            "SELECT * FROM signoffs WHERE session_id = ? ORDER BY id", (session_id,)
        ):
            signoff = SignOff(
                signed["checklist_id"],
                signed["name"],
                signed["role"],
                datetime.fromisoformat(signed["signed_at"]),
                signed["method"],
                signed["attestation"],
                id=int(signed["id"]),
            )
            if signed["superseded_at"]:
                session.signoff_history.append(signoff)
            else:
                session.signoffs[signoff.checklist_id] = signoff
        session.recorder = self
        return session

    def content_digest(self, session_id: int) -> str:
        """The digest of the content a saved session was started with."""
        rows = self.db.read("SELECT content_digest FROM sessions WHERE id = ?", (session_id,))
        if not rows:
            raise KeyError(session_id)
        return str(rows[0]["content_digest"])

    def close(self, session: Session, reason: str) -> None:
        """End a session (a kiosk wipe or Finish): kept for the record, never shown again."""
        if session.id is None:
            return
        actor, _ = _actor(session)
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE sessions SET closed_at = ? WHERE id = ? AND closed_at IS NULL",
                (self.db.now(), session.id),
            )
            audit.append(
                self.db, conn, "session-close", actor=actor, session_id=session.id,
                detail={"reason": reason},
            )  # fmt: skip

    # --- the recorder -----------------------------------------------------------------------

    def item_changed(
        self, session: Session, checklist_id: str, item_id: str, old: ItemState, new: ItemState
    ) -> None:
        """Write ``new`` over ``old``, which must still be the stored state, and set aside
        the checklist's sign-off (which must be the one the session shows)."""
        actor, staff_pk = _actor(session)
        with self._writing(session) as (conn, row):
            session_id = row.id
            versions.check_superseding(conn, session, session_id, checklist_id)
            versions.write_item(
                conn, session_id, checklist_id, item_id, old, new,
                changed_at=self.db.now(), changed_by=staff_pk,
            )  # fmt: skip
            item = f"{checklist_id}/{item_id}"
            if old.status is not new.status:
                audit.append(
                    self.db, conn, "tick", actor=actor, session_id=session_id, item=item,
                    detail={"old": old.status.value, "new": new.status.value},
                )  # fmt: skip
            if old.question is not new.question:
                audit.append(
                    self.db, conn, "question", actor=actor, session_id=session_id, item=item,
                    detail={"old": old.question, "new": new.question},
                )  # fmt: skip
            if old.note != new.note:
                audit.append(
                    self.db, conn, "note", actor=actor, session_id=session_id, item=item,
                    detail={"old": old.note, "new": new.note},
                )  # fmt: skip
            self._supersede(conn, session_id, checklist_id)

    def _supersede(self, conn: Connection, session_id: int, checklist_id: str) -> None:
        conn.execute(
            "UPDATE signoffs SET superseded_at = ? WHERE session_id = ? AND checklist_id = ? "
            "AND superseded_at IS NULL",
            (self.db.now(), session_id, checklist_id),
        )

    def answered(self, session: Session, question_id: str, choice_id: str) -> None:
        actor, _ = _actor(session)
        with self._writing(session) as (conn, row):
            session_id = row.id
            conn.execute(
                "INSERT INTO quiz_answers (session_id, question_id, choice_id, answered_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (session_id, question_id) DO UPDATE SET "
                "choice_id = excluded.choice_id, answered_at = excluded.answered_at",
                (session_id, question_id, choice_id, self.db.now()),
            )
            audit.append(
                self.db, conn, "answer", actor=actor, session_id=session_id, item=question_id,
                detail={"choice": choice_id},
            )  # fmt: skip

    def details_changed(self, session: Session, what: str, old: object, new: object) -> None:
        if what not in ("language", "surgery_date"):
            raise ValueError(what)
        if session.id is None and what == "language":
            return  # an anonymous session's language is saved with its first real action
        actor, _ = _actor(session)
        value = new.isoformat() if isinstance(new, date) else new
        with self._writing(session) as (conn, row):
            row.update(conn, f"{what} = ?", (value,))
            audit.append(
                self.db, conn, what.replace("_", "-"), actor=actor, session_id=row.id,
                detail={"old": old.isoformat() if isinstance(old, date) else old, "new": value},
            )  # fmt: skip

    def signed_off(self, session: Session, signoff: SignOff, superseded: SignOff | None) -> int:
        """Sign off, replacing ``superseded`` (which must be the checklist's sign-off in
        force, and the items as the session shows them); the sign-off's id."""
        actor, staff_pk = _actor(session)
        assert staff_pk is not None
        with self._writing(session) as (conn, row):
            session_id = row.id
            versions.check_signing(conn, session, session_id, signoff.checklist_id, superseded)
            self._supersede(conn, session_id, signoff.checklist_id)
            cursor = conn.execute(
                "INSERT INTO signoffs (session_id, checklist_id, staff, name, role, signed_at, "
                "method, attestation) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (session_id, signoff.checklist_id, staff_pk, signoff.name, signoff.role,
                 signoff.signed_at.isoformat(), signoff.method, signoff.attestation),
            )  # fmt: skip
            signoff_id = int(cursor.fetchone()[0])
            detail = {"name": signoff.name, "role": signoff.role, "method": signoff.method}
            if superseded is not None:
                detail["replaces"] = superseded.signed_at.isoformat()
            audit.append(
                self.db, conn, "sign-off", actor=actor, session_id=session_id,
                item=signoff.checklist_id, detail=detail,
            )  # fmt: skip
        return signoff_id

    def print_started(
        self, session: Session, request: PrintRequest, *, actor: str | None = None
    ) -> int:
        """Record a print of this session before it is printed (no record, no print);
        the attempt's audit row id. ``actor``: who printed, if not the session's actor
        (the command line)."""
        session_actor, _ = _actor(session)
        with self._writing(session) as (conn, row):
            attempt = printlog.append_attempt(
                self.db, conn, request, actor=actor or session_actor, session_id=row.id
            )
        return attempt

    def print_finished(
        self, session: Session, attempt: int, error: str, *, actor: str | None = None
    ) -> None:
        """How the print recorded as ``attempt`` went (``error``: "" when it printed)."""
        session_actor, _ = _actor(session)
        with self.db.transaction() as conn:
            printlog.append_outcome(
                self.db, conn, attempt, error, actor=actor or session_actor,
                session_id=session.id,
            )  # fmt: skip

    def teach_back_done(self, session: Session) -> None:
        actor, staff_pk = _actor(session)
        with self._writing(session) as (conn, row):
            row.update(conn, "teach_back_at = ?, teach_back_by = ?", (self.db.now(), staff_pk))
            missed = [q.id for q in session.missed_questions()]
            audit.append(
                self.db, conn, "teach-back", actor=actor, session_id=row.id,
                detail={"missed": json.dumps(missed)},
            )  # fmt: skip
