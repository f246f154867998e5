"""Staff accounts: PIN hashing, sign-in with lockout, and what ``hemiapp staff`` does.

PINs are never stored or logged. Each account keeps an scrypt hash with its own
random salt and the cost parameters it was made with
(``scrypt$n$r$p$<salt b64>$<key b64>``); checks use ``hmac.compare_digest``.

Lockout: the 5th wrong PIN in a row locks the account for 30 seconds; each
further wrong PIN after a lock has run out locks it again for twice as long
(60 s, 120 s, … at most an hour). The count and the lock time live in the staff
table, so a restart does not clear them; a right PIN (or a PIN reset) does.

Every change, and every sign-in attempt, writes its audit row in the same
transaction as the change itself.
"""

from __future__ import annotations

import base64
import builtins
import hashlib
import hmac
import math
import re
import secrets
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from hemiapp.store import audit
from hemiapp.store.db import Connection, Database, Row
from hemiapp.store.pins import PIN_MAX as PIN_MAX
from hemiapp.store.pins import PIN_MIN as PIN_MIN
from hemiapp.store.pins import validate_pin as validate_pin


@dataclass(frozen=True)
class ScryptParams:
    n: int
    r: int
    p: int


# OWASP Password Storage Cheat Sheet, scrypt: N=2^17, r=8, p=1 is the minimum.
OWASP_MINIMUM = ScryptParams(n=2**17, r=8, p=1)

# The cost new hashes are made with. Tests (and only tests) monkeypatch this to a
# cheap value for speed; nothing in the app may lower it.
SCRYPT_PARAMS = OWASP_MINIMUM

SALT_BYTES = 16
KEY_BYTES = 32
# A stored hash asking for more memory than this is refused, not computed.
_MAX_MEMORY = 1024 * 1024 * 1024

MAX_FAILURES = 5
FIRST_LOCK_SECONDS = 30
MAX_LOCK_SECONDS = 3600

_STAFF_ID = re.compile(r"[A-Za-z0-9._-]{1,32}")
NAME_MAX, ROLE_MAX = 100, 50

NOT_RIGHT = "Staff ID or PIN is not right."
DISABLED = "This staff account is turned off. Ask an administrator."


# --- hashing --------------------------------------------------------------------------------


def _memory(params: ScryptParams) -> int:
    return 128 * params.r * (params.n + params.p + 2) + 32 * 1024 * 1024


def _derive(pin: str, salt: bytes, params: ScryptParams) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"),
        salt=salt,
        n=params.n,
        r=params.r,
        p=params.p,
        maxmem=max(256 * 1024 * 1024, _memory(params)),
        dklen=KEY_BYTES,
    )


def hash_pin(pin: str, params: ScryptParams | None = None) -> str:
    """A new salted scrypt hash of ``pin``, with the parameters written into it."""
    params = params or SCRYPT_PARAMS
    salt = secrets.token_bytes(SALT_BYTES)
    key = _derive(pin, salt, params)
    b64 = base64.b64encode
    return (
        f"scrypt${params.n}${params.r}${params.p}$"
        f"{b64(salt).decode('ascii')}${b64(key).decode('ascii')}"
    )


def parse_hash(stored: str) -> tuple[ScryptParams, bytes, bytes] | None:
    """The parameters, salt and key of a stored hash, or None if it is not one we made."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return None
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt = base64.b64decode(parts[4], validate=True)
        key = base64.b64decode(parts[5], validate=True)
    except ValueError:
        return None
    params = ScryptParams(n, r, p)
    if n < 2 or n & (n - 1) or r < 1 or p < 1 or _memory(params) > _MAX_MEMORY:
        return None
    if len(salt) < SALT_BYTES or len(key) != KEY_BYTES:
        return None
    return params, salt, key


def verify_pin(pin: str, stored: str) -> bool:
    """True if ``pin`` matches ``stored`` (compared in constant time)."""
    parsed = parse_hash(stored)
    if parsed is None:
        return False
    params, salt, key = parsed
    try:
        candidate = _derive(pin, salt, params)
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(candidate, key)


def _dummy_verify(pin: str) -> None:
    """Cost the same as a real check, for staff IDs that do not exist."""
    candidate = _derive(pin, secrets.token_bytes(SALT_BYTES), SCRYPT_PARAMS)
    hmac.compare_digest(candidate, bytes(KEY_BYTES))


def needs_rehash(stored: str) -> bool:
    """True if ``stored`` was made with a lower cost than new hashes get today."""
    parsed = parse_hash(stored)
    if parsed is None:
        return True
    p = parsed[0]
    return (p.n, p.r, p.p) < (SCRYPT_PARAMS.n, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p)


# --- validation -----------------------------------------------------------------------------


def validate_staff_id(staff_id: str) -> str:
    if not _STAFF_ID.fullmatch(staff_id):
        raise ValueError("staff ID must be 1 to 32 letters, digits, '.', '-' or '_'")
    return staff_id


def _validate_text(value: str, what: str, limit: int) -> str:
    value = value.strip()
    if not value:
        raise ValueError(f"{what} must not be empty")
    if len(value) > limit:
        raise ValueError(f"{what} must be at most {limit} characters")
    if any(not ch.isprintable() for ch in value):
        raise ValueError(f"{what} must not contain control characters")
    return value


def validate_name(name: str) -> str:
    return _validate_text(name, "name", NAME_MAX)


def validate_role(role: str) -> str:
    return _validate_text(role, "role", ROLE_MAX)


# --- accounts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class StaffMember:
    id: int
    staff_id: str
    name: str
    role: str
    disabled: bool
    locked_until: datetime | None = None

    def is_locked(self, now: datetime | None = None) -> bool:
        now = now or datetime.now(UTC)
        return self.locked_until is not None and self.locked_until > now

    def status(self, now: datetime | None = None) -> str:
        """'disabled', 'active', or 'locked until <local time>'."""
        if self.disabled:
            return "disabled"
        if self.locked_until is not None and self.is_locked(now):
            local = self.locked_until.astimezone()
            return f"locked until {local:%Y-%m-%d %H:%M:%S} {local.tzname() or ''}".rstrip()
        return "active"


class SignInError(Exception):
    """Sign-in refused. ``kind``: unknown, wrong, locked or disabled; ``message`` is for people.

    'unknown' and 'wrong' carry the same message, so the screen does not tell
    which staff IDs exist.
    """

    def __init__(self, kind: str, message: str, retry_after_seconds: int = 0) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.retry_after_seconds = retry_after_seconds


def lock_seconds(failures: int) -> int:
    """How long the account locks after ``failures`` wrong PINs in a row (0: not locked)."""
    if failures < MAX_FAILURES:
        return 0
    doublings = min(failures - MAX_FAILURES, 20)
    return min(FIRST_LOCK_SECONDS << doublings, MAX_LOCK_SECONDS)


def _wait_text(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = math.ceil(seconds / 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def locked_message(seconds: int) -> str:
    return f"Too many wrong PINs. This account is locked. Try again in {_wait_text(seconds)}."


_FOREVER = datetime(9999, 1, 1, tzinfo=UTC)


def _parse_time(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        # Not a time we wrote: fail safe, as a lock that only a PIN reset clears.
        return _FOREVER
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _member(row: Row) -> StaffMember:
    return StaffMember(
        id=row["id"],
        staff_id=row["staff_id"],
        name=row["name"],
        role=row["role"],
        disabled=bool(row["disabled"]),
        locked_until=_parse_time(row["locked_until"]),
    )


def _now(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("now must be a timezone-aware datetime")
    return now.astimezone(UTC)


def _seconds_until(until: datetime, now: datetime) -> int:
    return min(max(1, math.ceil((until - now).total_seconds())), MAX_LOCK_SECONDS)


_COLUMNS = "id, staff_id, name, role, pin_hash, failed_attempts, locked_until, disabled"


class StaffStore:
    """Staff accounts in ``db``. Holds no state of its own: everything is in the database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _find(self, conn: Connection | None, staff_id: str) -> Row | None:
        sql = f"SELECT {_COLUMNS} FROM staff WHERE lower(staff_id) = lower(?)"
        if conn is None:
            rows = self.db.read(sql, (staff_id,))
            return rows[0] if rows else None
        row: Row | None = conn.execute(sql, (staff_id,)).fetchone()
        return row

    def _existing(self, conn: Connection, staff_id: str) -> Row:
        row = self._find(conn, staff_id)
        if row is None:
            raise ValueError(f"no staff ID '{staff_id}'")
        return row

    def get(self, staff_id: str) -> StaffMember | None:
        row = self._find(None, staff_id)
        return _member(row) if row else None

    def add(self, staff_id: str, name: str, role: str, pin: str, *, actor: str = "") -> StaffMember:
        validate_staff_id(staff_id)
        name, role = validate_name(name), validate_role(role)
        validate_pin(pin)
        if self._find(None, staff_id) is not None:
            raise ValueError(f"staff ID '{staff_id}' already exists")
        pin_hash = hash_pin(pin)  # slow: outside the write transaction
        with self.db.transaction() as conn:
            if self._find(conn, staff_id) is not None:
                raise ValueError(f"staff ID '{staff_id}' already exists")
            new_id = int(
                conn.execute(
                    "INSERT INTO staff (staff_id, name, role, pin_hash, created_at) "
                    "VALUES (?, ?, ?, ?, ?) RETURNING id",
                    (staff_id, name, role, pin_hash, self.db.now()),
                ).fetchone()[0]
            )
            audit.append(
                self.db,
                conn,
                "staff-add",
                actor=actor,
                item=staff_id,
                detail={"name": name, "role": role},
            )
        return StaffMember(new_id, staff_id, name, role, False)

    def disable(self, staff_id: str, *, actor: str = "") -> None:
        with self.db.transaction() as conn:
            row = self._existing(conn, staff_id)
            if row["disabled"]:
                raise ValueError(f"staff ID '{row['staff_id']}' is already disabled")
            conn.execute("UPDATE staff SET disabled = 1 WHERE id = ?", (row["id"],))
            audit.append(self.db, conn, "staff-disable", actor=actor, item=row["staff_id"])

    def reset_pin(self, staff_id: str, pin: str, *, actor: str = "") -> None:
        """Set a new PIN and clear any lockout."""
        validate_pin(pin)
        if self._find(None, staff_id) is None:
            raise ValueError(f"no staff ID '{staff_id}'")
        pin_hash = hash_pin(pin)
        with self.db.transaction() as conn:
            row = self._existing(conn, staff_id)
            conn.execute(
                "UPDATE staff SET pin_hash = ?, failed_attempts = 0, locked_until = NULL "
                "WHERE id = ?",
                (pin_hash, row["id"]),
            )
            audit.append(self.db, conn, "pin-reset", actor=actor, item=row["staff_id"])

    def sign_in(self, staff_id: str, pin: str, *, now: datetime | None = None) -> StaffMember:
        """The account for ``staff_id`` if ``pin`` is right; else SignInError.

        The scrypt check runs outside the write transaction; the outcome is then
        applied against the row as it is at commit time, so attempts racing from
        two stations cannot get past a lock.
        """
        at = _now(now)
        row = self._find(None, staff_id) if _STAFF_ID.fullmatch(staff_id) else None
        if row is None:
            _dummy_verify(pin[: PIN_MAX * 4])
            with self.db.transaction() as conn:
                # The typed ID is not recorded: people type their PIN into it by mistake.
                audit.append(self.db, conn, "login-failed", detail={"reason": "unknown"})
            raise SignInError("unknown", NOT_RIGHT)

        locked_until = _parse_time(row["locked_until"])
        right = False
        if locked_until is None or locked_until <= at:
            right = verify_pin(pin[: PIN_MAX * 4], row["pin_hash"]) and len(pin) <= PIN_MAX
        rehash = hash_pin(pin) if right and needs_rehash(row["pin_hash"]) else None

        error: SignInError | None = None
        with self.db.transaction() as conn:
            current = self._find(conn, row["staff_id"])
            if current is None or current["pin_hash"] != row["pin_hash"]:
                right = False  # PIN reset meanwhile: what was checked is stale
                current = current or row
            name = current["staff_id"]
            failures = int(current["failed_attempts"])
            locked_until = _parse_time(current["locked_until"])
            if locked_until is not None and locked_until > at:
                wait = _seconds_until(locked_until, at)
                audit.append(
                    self.db,
                    conn,
                    "login-failed",
                    actor=name,
                    detail={"reason": "locked", "retry_after_seconds": wait},
                )
                error = SignInError("locked", locked_message(wait), wait)
            elif current["disabled"]:
                reason = "disabled" if right else "wrong"
                audit.append(self.db, conn, "login-failed", actor=name, detail={"reason": reason})
                error = (
                    SignInError("disabled", DISABLED) if right else SignInError("wrong", NOT_RIGHT)
                )
            elif right:
                conn.execute(
                    "UPDATE staff SET failed_attempts = 0, locked_until = NULL"
                    + (", pin_hash = ?" if rehash else "")
                    + " WHERE id = ?",
                    (rehash, current["id"]) if rehash else (current["id"],),
                )
                audit.append(self.db, conn, "login", actor=name)
            else:
                failures += 1
                seconds = lock_seconds(failures)
                until = None
                if seconds:
                    until = (at + timedelta(seconds=seconds)).replace(microsecond=0)
                    if until < at + timedelta(seconds=seconds):
                        until += timedelta(seconds=1)
                conn.execute(
                    "UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?",
                    (failures, until.isoformat() if until else None, current["id"]),
                )
                audit.append(
                    self.db,
                    conn,
                    "login-failed",
                    actor=name,
                    detail={"reason": "wrong", "failed_attempts": failures},
                )
                if until is not None:
                    audit.append(
                        self.db,
                        conn,
                        "lockout",
                        actor=name,
                        detail={
                            "failed_attempts": failures,
                            "seconds": seconds,
                            "until": until.isoformat(),
                        },
                    )
                    error = SignInError("locked", locked_message(seconds), seconds)
                else:
                    error = SignInError("wrong", NOT_RIGHT)
        if error is not None:
            raise error
        return replace(_member(current), locked_until=None)

    def list(self) -> builtins.list[StaffMember]:
        rows = self.db.read(f"SELECT {_COLUMNS} FROM staff ORDER BY lower(staff_id)")
        return [_member(row) for row in rows]
