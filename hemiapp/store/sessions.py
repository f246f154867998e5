"""Sessions in the database: the store is each session's recorder (see content/session.py).

Every change is one transaction that writes the new state and its audit row; it
commits before the session in memory (and so the screen) changes. An anonymous
kiosk session gets its row with its first saved action, so a walk-up who does
nothing leaves nothing behind.
"""

from __future__ import annotations

import json
import unicodedata
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
from hemiapp.store import audit, printlog
from hemiapp.store.db import Connection, Database
from hemiapp.store.printlog import PrintRequest


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
        """A nurse starts a session for a named patient (saved at once)."""
        named = session or Session(content, clock=self.db.clock)
        named.patient, named.language, named.surgery_date = patient, language, surgery_date
        named.recorder = self
        with self.db.transaction() as conn:
            if named.id is None:
                self._insert(conn, named)
            else:  # the patient already saved something anonymously: that row becomes theirs
                actor, _ = _actor(named)
                conn.execute(
                    "UPDATE sessions SET kind = 'named', patient_name = ?, date_of_birth = ?, "
                    "mrn = ?, surgeon = ?, surgery_date = ?, language = ? WHERE id = ?",
                    (patient.name, _iso(patient.date_of_birth), patient.mrn or None,
                     patient.surgeon or None, _iso(surgery_date), language, named.id),
                )  # fmt: skip
                audit.append(
                    self.db, conn, "session-named", actor=actor, session_id=named.id,
                    detail={"kind": "named"},
                )  # fmt: skip
        return named

    def _insert(self, conn: Connection, session: Session) -> None:
        patient = session.patient
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
                _iso(session.surgery_date),
                session.language,
                session.content.digest,
                session.content.version_label,
                self.db.now(),
                staff_pk,
            ),
        )
        session.id = int(cursor.fetchone()[0])
        audit.append(
            self.db, conn, "session-start", actor=actor, session_id=session.id,
            detail={"kind": "named" if patient else "anonymous"},
        )  # fmt: skip

    def _ensure_row(self, conn: Connection, session: Session) -> int:
        if session.id is None:
            self._insert(conn, session)
        assert session.id is not None
        return session.id

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
        actor, staff_pk = _actor(session)
        with self.db.transaction() as conn:
            session_id = self._ensure_row(conn, session)
            conn.execute(
                "INSERT INTO item_states (session_id, checklist_id, item_id, status, question, "
                "note, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (session_id, checklist_id, item_id) DO UPDATE SET "
                "status = excluded.status, question = excluded.question, note = excluded.note, "
                "changed_at = excluded.changed_at, changed_by = excluded.changed_by",
                (session_id, checklist_id, item_id, new.status.value, int(new.question),
                 new.note, self.db.now(), staff_pk),
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
        with self.db.transaction() as conn:
            session_id = self._ensure_row(conn, session)
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
        with self.db.transaction() as conn:
            session_id = self._ensure_row(conn, session)
            conn.execute(f"UPDATE sessions SET {what} = ? WHERE id = ?", (value, session_id))
            audit.append(
                self.db, conn, what.replace("_", "-"), actor=actor, session_id=session_id,
                detail={"old": old.isoformat() if isinstance(old, date) else old, "new": value},
            )  # fmt: skip

    def signed_off(self, session: Session, signoff: SignOff, superseded: SignOff | None) -> None:
        actor, staff_pk = _actor(session)
        assert staff_pk is not None
        with self.db.transaction() as conn:
            session_id = self._ensure_row(conn, session)
            self._supersede(conn, session_id, signoff.checklist_id)
            conn.execute(
                "INSERT INTO signoffs (session_id, checklist_id, staff, name, role, signed_at, "
                "method, attestation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (session_id, signoff.checklist_id, staff_pk, signoff.name, signoff.role,
                 signoff.signed_at.isoformat(), signoff.method, signoff.attestation),
            )  # fmt: skip
            detail = {"name": signoff.name, "role": signoff.role, "method": signoff.method}
            if superseded is not None:
                detail["replaces"] = superseded.signed_at.isoformat()
            audit.append(
                self.db, conn, "sign-off", actor=actor, session_id=session_id,
                item=signoff.checklist_id, detail=detail,
            )  # fmt: skip

    def print_started(
        self, session: Session, request: PrintRequest, *, actor: str | None = None
    ) -> int:
        """Record a print of this session before it is printed (no record, no print);
        the attempt's audit row id. ``actor``: who printed, if not the session's actor
        (the command line)."""
        session_actor, _ = _actor(session)
        with self.db.transaction() as conn:
            session_id = self._ensure_row(conn, session)
            return printlog.append_attempt(
                self.db, conn, request, actor=actor or session_actor, session_id=session_id
            )

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
        with self.db.transaction() as conn:
            session_id = self._ensure_row(conn, session)
            conn.execute(
                "UPDATE sessions SET teach_back_at = ?, teach_back_by = ? WHERE id = ?",
                (self.db.now(), staff_pk, session_id),
            )
            missed = [q.id for q in session.missed_questions()]
            audit.append(
                self.db, conn, "teach-back", actor=actor, session_id=session_id,
                detail={"missed": json.dumps(missed)},
            )  # fmt: skip
