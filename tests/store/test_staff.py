"""Staff accounts: PIN hashing, validation, sign-in and lockout, audit rows, and `hemiapp staff`.

Most tests hash at a cheap scrypt cost (see conftest.py); the production cost is
checked by the tests marked ``production_scrypt`` and by the CLI tests, which run
in a separate, unpatched process.
"""

from __future__ import annotations

import io
import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hemiapp import cli
from hemiapp.store import audit, staff
from hemiapp.store.db import Database, open_database
from hemiapp.store.staff import (
    DISABLED,
    NOT_RIGHT,
    OWASP_MINIMUM,
    SignInError,
    StaffMember,
    StaffStore,
    hash_pin,
    lock_seconds,
    parse_hash,
    validate_name,
    validate_pin,
    validate_role,
    validate_staff_id,
    verify_pin,
)
from tests.store.conftest import CHEAP, OTHER_PIN, PIN, files_under, hemiapp

T0 = datetime(2026, 3, 2, 9, 0, 0, tzinfo=UTC)


def sign_in_error(store: StaffStore, staff_id: str, pin: str, at: datetime) -> SignInError:
    with pytest.raises(SignInError) as caught:
        store.sign_in(staff_id, pin, now=at)
    return caught.value


def fail(store: StaffStore, times: int, at: datetime = T0) -> list[SignInError]:
    return [sign_in_error(store, "jsmith", OTHER_PIN, at) for _ in range(times)]


def staff_row(db: Database, staff_id: str = "jsmith") -> sqlite3.Row:
    return db.read("SELECT * FROM staff WHERE staff_id = ?", (staff_id,))[0]


def audit_rows(db: Database) -> list[tuple[str, str, str, dict[str, object]]]:
    rows = db.read("SELECT action, actor, item, detail FROM audit ORDER BY id")
    return [(r["action"], r["actor"], r["item"], json.loads(r["detail"])) for r in rows]


@pytest.fixture
def jsmith(store: StaffStore) -> StaffMember:
    return store.add("jsmith", "Jane Smith", "RN", PIN)


# --- hashing --------------------------------------------------------------------------------


def test_hash_verifies_the_right_pin_only() -> None:
    stored = hash_pin(PIN)
    assert verify_pin(PIN, stored)
    assert not verify_pin(OTHER_PIN, stored)
    assert not verify_pin(PIN[:-1], stored)
    assert not verify_pin("", stored)
    assert PIN not in stored


def test_each_hash_has_its_own_salt() -> None:
    first, second = hash_pin(PIN), hash_pin(PIN)
    assert first != second
    assert first.split("$")[4] != second.split("$")[4]
    assert verify_pin(PIN, first) and verify_pin(PIN, second)


def test_hash_format_records_its_parameters() -> None:
    stored = hash_pin(PIN)
    name, n, r, p, _salt, _key = stored.split("$")
    assert (name, int(n), int(r), int(p)) == ("scrypt", CHEAP.n, CHEAP.r, CHEAP.p)
    parsed = parse_hash(stored)
    assert parsed is not None
    params, salt, key = parsed
    assert params == CHEAP
    assert len(salt) == 16
    assert len(key) == 32


@pytest.mark.production_scrypt
def test_production_hash_meets_owasp_minimum() -> None:
    assert staff.SCRYPT_PARAMS == OWASP_MINIMUM
    stored = hash_pin(PIN)  # no parameters given: what the app uses
    parsed = parse_hash(stored)
    assert parsed is not None
    params, salt, _key = parsed
    assert params.n >= 2**17
    assert params.r >= 8
    assert params.p >= 1
    assert len(salt) >= 16
    assert verify_pin(PIN, stored)


def test_verify_compares_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = staff.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(staff.hmac, "compare_digest", spy)
    assert verify_pin(PIN, hash_pin(PIN))
    assert len(calls) == 1


@pytest.mark.parametrize(
    "stored",
    [
        "",
        PIN,
        "pbkdf2$1$2$3",
        "scrypt$16$8$1$c2FsdA==",
        "scrypt$x$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "scrypt$15$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "scrypt$16$0$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        # asks for 128 GiB: refused, not attempted
        "scrypt$134217728$1024$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "scrypt$16$8$1$AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "scrypt$16$8$1$AAAAAAAAAAAAAAAAAAAAAA==$not base64!",
    ],
)
def test_malformed_stored_hash_never_verifies(stored: str) -> None:
    assert not verify_pin(PIN, stored)


# --- validation -----------------------------------------------------------------------------


@pytest.mark.parametrize("pin", [PIN, "135790", "987650", "102938475610", "020406"])
def test_acceptable_pins(pin: str) -> None:
    assert validate_pin(pin) == pin


@pytest.mark.parametrize(
    ("pin", "message"),
    [
        ("", "PIN must be digits only (0 to 9)"),
        ("12a456", "PIN must be digits only (0 to 9)"),
        ("135 790", "PIN must be digits only (0 to 9)"),
        ("135790\n", "PIN must be digits only (0 to 9)"),
        ("١٣٥٧٩٠", "PIN must be digits only (0 to 9)"),  # Arabic-Indic digits
        ("13579", "PIN must be 6 to 12 digits long"),
        ("1357913579135", "PIN must be 6 to 12 digits long"),
        ("000000", "PIN must not be one digit repeated, like 111111"),
        ("77777777", "PIN must not be one digit repeated, like 111111"),
        ("123456", "PIN must not be a run of digits, like 123456 or 654321"),
        ("654321", "PIN must not be a run of digits, like 123456 or 654321"),
        ("123456789012", "PIN must not be a run of digits, like 123456 or 654321"),
        ("8901234", "PIN must not be a run of digits, like 123456 or 654321"),
        ("210987", "PIN must not be a run of digits, like 123456 or 654321"),
    ],
)
def test_unacceptable_pins_say_why(pin: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        validate_pin(pin)
    assert str(caught.value) == message


@given(st.text(max_size=20))
def test_pin_validation_accepts_only_short_ascii_digit_strings(text: str) -> None:
    try:
        validate_pin(text)
    except ValueError:
        return
    assert 6 <= len(text) <= 12
    assert set(text) <= set("0123456789")


@pytest.mark.parametrize("staff_id", ["jsmith", "J.Smith-2_x", "a", "7", "x" * 32])
def test_acceptable_staff_ids(staff_id: str) -> None:
    assert validate_staff_id(staff_id) == staff_id


@pytest.mark.parametrize(
    "staff_id", ["", "x" * 33, "j smith", "jsmith\n", "jsmíth", "../x", "a/b", "<b>x</b>"]
)
def test_unacceptable_staff_ids_say_why(staff_id: str) -> None:
    with pytest.raises(ValueError) as caught:
        validate_staff_id(staff_id)
    assert str(caught.value) == "staff ID must be 1 to 32 letters, digits, '.', '-' or '_'"


def test_name_and_role_rules() -> None:
    assert validate_name("  Jane Smith ") == "Jane Smith"
    assert validate_role("RN") == "RN"
    for bad, message in [
        ("", "name must not be empty"),
        ("   ", "name must not be empty"),
        ("x" * 101, "name must be at most 100 characters"),
        ("Jane\x1b[31mSmith", "name must not contain control characters"),
    ]:
        with pytest.raises(ValueError) as caught:
            validate_name(bad)
        assert str(caught.value) == message
    with pytest.raises(ValueError, match=r"^role must be at most 50 characters$"):
        validate_role("x" * 51)


# --- accounts -------------------------------------------------------------------------------


def test_add_and_list(store: StaffStore) -> None:
    member = store.add("jsmith", "Jane Smith", "RN", PIN)
    assert member == StaffMember(member.id, "jsmith", "Jane Smith", "RN", False)
    store.add("abrown", " Al Brown ", "admin", OTHER_PIN)
    assert [(m.staff_id, m.name, m.role, m.disabled) for m in store.list()] == [
        ("abrown", "Al Brown", "admin", False),
        ("jsmith", "Jane Smith", "RN", False),
    ]
    assert [m.status() for m in store.list()] == ["active", "active"]


def test_duplicate_staff_id_is_refused_whatever_its_case(store: StaffStore, db: Database) -> None:
    store.add("jsmith", "Jane Smith", "RN", PIN)
    for again in ("jsmith", "JSmith"):
        with pytest.raises(ValueError) as caught:
            store.add(again, "Someone Else", "RN", OTHER_PIN)
        assert str(caught.value) == f"staff ID '{again}' already exists"
    assert len(store.list()) == 1
    assert [row[0] for row in audit_rows(db)] == ["staff-add"]


def test_bad_pin_on_add_stores_nothing(store: StaffStore, db: Database) -> None:
    with pytest.raises(ValueError, match=r"^PIN must not be a run of digits"):
        store.add("jsmith", "Jane Smith", "RN", "123456")
    assert store.list() == []
    assert audit_rows(db) == []


def test_sign_in_with_the_right_pin(store: StaffStore, jsmith: StaffMember) -> None:
    assert store.sign_in("jsmith", PIN, now=T0) == jsmith
    assert store.sign_in("JSMITH", PIN, now=T0) == jsmith  # staff IDs ignore case


def test_wrong_pin_and_unknown_id_get_the_same_message(store: StaffStore, jsmith: object) -> None:
    wrong = sign_in_error(store, "jsmith", OTHER_PIN, T0)
    unknown = sign_in_error(store, "nobody", PIN, T0)
    assert (wrong.kind, wrong.message, wrong.retry_after_seconds) == ("wrong", NOT_RIGHT, 0)
    assert (unknown.kind, unknown.message, unknown.retry_after_seconds) == ("unknown", NOT_RIGHT, 0)
    assert NOT_RIGHT == "Staff ID or PIN is not right."
    for odd_id in ("", "x" * 500, "a b", "jsmith\x00"):
        assert sign_in_error(store, odd_id, PIN, T0).kind == "unknown"
    for odd_pin in ("", PIN + "0", PIN * 1000, "abc"):
        assert sign_in_error(store, "jsmith", odd_pin, T0).kind in ("wrong", "locked")


def test_unknown_staff_id_still_costs_a_scrypt_check(
    store: StaffStore, jsmith: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    derived: list[staff.ScryptParams] = []
    real = staff._derive

    def counting(pin: str, salt: bytes, params: staff.ScryptParams) -> bytes:
        derived.append(params)
        return real(pin, salt, params)

    monkeypatch.setattr(staff, "_derive", counting)
    sign_in_error(store, "nobody", PIN, T0)
    sign_in_error(store, "jsmith", OTHER_PIN, T0)
    assert derived == [CHEAP, CHEAP]


def test_now_must_carry_a_time_zone(store: StaffStore, jsmith: object) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        store.sign_in("jsmith", PIN, now=datetime(2026, 3, 2, 9, 0))


# --- lockout --------------------------------------------------------------------------------


def test_lock_delays_double_up_to_an_hour() -> None:
    assert [lock_seconds(n) for n in range(1, 14)] == [
        0, 0, 0, 0, 30, 60, 120, 240, 480, 960, 1920, 3600, 3600,
    ]  # fmt: skip
    assert lock_seconds(10**6) == 3600


def test_fifth_wrong_pin_locks_for_30_seconds(
    store: StaffStore, jsmith: object, db: Database
) -> None:
    errors = fail(store, 5)
    assert [e.kind for e in errors] == ["wrong"] * 4 + ["locked"]
    assert errors[-1].retry_after_seconds == 30
    assert errors[-1].message == (
        "Too many wrong PINs. This account is locked. Try again in 30 seconds."
    )
    row = staff_row(db)
    assert row["failed_attempts"] == 5
    assert row["locked_until"] == (T0 + timedelta(seconds=30)).isoformat()
    # Even the right PIN is refused while locked, and it is not checked.
    locked = sign_in_error(store, "jsmith", PIN, T0 + timedelta(seconds=10))
    assert (locked.kind, locked.retry_after_seconds) == ("locked", 20)
    assert staff_row(db)["failed_attempts"] == 5  # attempts while locked are not counted
    assert store.list()[0].status(T0 + timedelta(seconds=10)).startswith("locked until ")
    assert store.list()[0].status(T0 + timedelta(seconds=30)) == "active"


def test_each_wrong_pin_after_a_lock_doubles_it(store: StaffStore, jsmith: object) -> None:
    fail(store, 5)
    at, lock, seen = T0, 30, []
    for _ in range(9):
        at += timedelta(seconds=lock)  # the previous lock has just run out
        error = sign_in_error(store, "jsmith", OTHER_PIN, at)
        assert error.kind == "locked"
        lock = error.retry_after_seconds
        seen.append(lock)
    assert seen == [60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]
    assert error.message.endswith("Try again in 60 minutes.")


def test_lock_sequence_with_explicit_times(store: StaffStore, jsmith: object) -> None:
    fail(store, 5)
    at = T0 + timedelta(seconds=30)  # first lock over
    assert sign_in_error(store, "jsmith", OTHER_PIN, at).retry_after_seconds == 60
    assert sign_in_error(store, "jsmith", PIN, at + timedelta(seconds=59)).kind == "locked"
    at += timedelta(seconds=60)
    assert sign_in_error(store, "jsmith", OTHER_PIN, at).retry_after_seconds == 120
    at += timedelta(seconds=120)
    error = sign_in_error(store, "jsmith", OTHER_PIN, at)
    assert error.retry_after_seconds == 240
    assert error.message.endswith("Try again in 4 minutes.")
    assert store.sign_in("jsmith", PIN, now=at + timedelta(seconds=240)).staff_id == "jsmith"


def test_lockout_survives_a_restart(target: str | Path) -> None:
    path = target
    db = open_database(path)
    StaffStore(db).add("jsmith", "Jane Smith", "RN", PIN)
    fail(StaffStore(db), 5)
    db.close()

    db = open_database(path)  # a new process would see exactly this
    store = StaffStore(db)
    error = sign_in_error(store, "jsmith", PIN, T0 + timedelta(seconds=5))
    assert (error.kind, error.retry_after_seconds) == ("locked", 25)
    # The count survived too: one more wrong PIN after the lock means 60 s, not a fresh start.
    error = sign_in_error(store, "jsmith", OTHER_PIN, T0 + timedelta(seconds=30))
    assert (error.kind, error.retry_after_seconds) == ("locked", 60)
    db.close()


def test_failure_count_below_the_limit_survives_a_restart(target: str | Path) -> None:
    path = target
    db = open_database(path)
    StaffStore(db).add("jsmith", "Jane Smith", "RN", PIN)
    fail(StaffStore(db), 3)
    db.close()
    db = open_database(path)
    errors = fail(StaffStore(db), 2)
    assert [e.kind for e in errors] == ["wrong", "locked"]
    db.close()


def test_success_resets_the_count(store: StaffStore, jsmith: object, db: Database) -> None:
    fail(store, 4)
    store.sign_in("jsmith", PIN, now=T0)
    row = staff_row(db)
    assert (row["failed_attempts"], row["locked_until"]) == (0, None)
    assert [e.kind for e in fail(store, 4)] == ["wrong"] * 4


def test_success_after_a_lock_resets_everything(
    store: StaffStore, jsmith: object, db: Database
) -> None:
    fail(store, 5)
    store.sign_in("jsmith", PIN, now=T0 + timedelta(seconds=30))
    row = staff_row(db)
    assert (row["failed_attempts"], row["locked_until"]) == (0, None)
    assert [e.kind for e in fail(store, 5)] == ["wrong"] * 4 + ["locked"]


def test_reset_pin_clears_the_lock(store: StaffStore, jsmith: object, db: Database) -> None:
    fail(store, 5)
    store.reset_pin("jsmith", OTHER_PIN)
    row = staff_row(db)
    assert (row["failed_attempts"], row["locked_until"]) == (0, None)
    assert store.sign_in("jsmith", OTHER_PIN, now=T0).staff_id == "jsmith"
    assert sign_in_error(store, "jsmith", PIN, T0).kind == "wrong"


def test_unreadable_lock_time_fails_safe(store: StaffStore, jsmith: object, db: Database) -> None:
    with db.transaction() as conn:
        conn.execute("UPDATE staff SET locked_until = 'soon' WHERE staff_id = 'jsmith'")
    error = sign_in_error(store, "jsmith", PIN, T0)
    assert (error.kind, error.retry_after_seconds) == ("locked", 3600)
    assert store.list()[0].status().startswith("locked until 9999-")
    store.reset_pin("jsmith", OTHER_PIN)
    assert store.sign_in("jsmith", OTHER_PIN, now=T0).staff_id == "jsmith"


def test_a_lock_taken_by_another_station_during_the_check_wins(
    target: str | Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = target
    here, there = open_database(path, station="a"), open_database(path, station="b")
    StaffStore(here).add("jsmith", "Jane Smith", "RN", PIN)
    real = staff.verify_pin
    raced: list[bool] = []

    def racing(pin: str, stored: str) -> bool:
        result = real(pin, stored)
        if not raced:
            raced.append(True)
            fail(StaffStore(there), 5)  # station b locks the account meanwhile
        return result

    monkeypatch.setattr(staff, "verify_pin", racing)
    error = sign_in_error(StaffStore(here), "jsmith", PIN, T0)
    assert (error.kind, error.retry_after_seconds) == ("locked", 30)
    here.close()
    there.close()


def test_weaker_hash_is_upgraded_on_sign_in(
    store: StaffStore, jsmith: object, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    stronger = staff.ScryptParams(n=CHEAP.n * 2, r=CHEAP.r, p=CHEAP.p)
    monkeypatch.setattr(staff, "SCRYPT_PARAMS", stronger)
    store.sign_in("jsmith", PIN, now=T0)
    parsed = parse_hash(staff_row(db)["pin_hash"])
    assert parsed is not None and parsed[0] == stronger
    assert store.sign_in("jsmith", PIN, now=T0).staff_id == "jsmith"


# --- disabling ------------------------------------------------------------------------------


def test_disabled_account_cannot_sign_in(store: StaffStore, jsmith: object) -> None:
    store.disable("jsmith")
    right = sign_in_error(store, "jsmith", PIN, T0)
    assert (right.kind, right.message) == ("disabled", DISABLED)
    # Without the right PIN, nobody learns the account is disabled.
    wrong = sign_in_error(store, "jsmith", OTHER_PIN, T0)
    assert (wrong.kind, wrong.message) == ("wrong", NOT_RIGHT)
    assert store.list()[0].disabled
    assert store.list()[0].status() == "disabled"
    with pytest.raises(ValueError, match=r"^staff ID 'jsmith' is already disabled$"):
        store.disable("jsmith")


def test_actions_on_unknown_staff_ids(store: StaffStore) -> None:
    with pytest.raises(ValueError, match=r"^no staff ID 'nobody'$"):
        store.disable("nobody")
    with pytest.raises(ValueError, match=r"^no staff ID 'nobody'$"):
        store.reset_pin("nobody", PIN)


# --- audit ----------------------------------------------------------------------------------


def test_every_action_writes_its_audit_row(store: StaffStore, db: Database) -> None:
    store.add("jsmith", "Jane Smith", "RN", PIN, actor="cli:admin")
    store.sign_in("jsmith", PIN, now=T0)
    fail(store, 5)
    sign_in_error(store, "jsmith", PIN, T0 + timedelta(seconds=1))
    sign_in_error(store, "nobody", PIN, T0)
    store.reset_pin("jsmith", OTHER_PIN, actor="cli:admin")
    store.disable("jsmith", actor="cli:admin")
    sign_in_error(store, "jsmith", OTHER_PIN, T0)

    failed = [
        ("login-failed", "jsmith", "", {"reason": "wrong", "failed_attempts": n})
        for n in range(1, 6)
    ]
    assert audit_rows(db) == [
        ("staff-add", "cli:admin", "jsmith", {"name": "Jane Smith", "role": "RN"}),
        ("login", "jsmith", "", {}),
        *failed,
        (
            "lockout",
            "jsmith",
            "",
            {"failed_attempts": 5, "seconds": 30, "until": "2026-03-02T09:00:30+00:00"},
        ),
        ("login-failed", "jsmith", "", {"reason": "locked", "retry_after_seconds": 29}),
        ("login-failed", "", "", {"reason": "unknown"}),
        ("pin-reset", "cli:admin", "jsmith", {}),
        ("staff-disable", "cli:admin", "jsmith", {}),
        ("login-failed", "jsmith", "", {"reason": "disabled"}),
    ]
    assert audit.verify(db).ok


def test_audit_row_and_change_commit_together(
    store: StaffStore, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add("jsmith", "Jane Smith", "RN", PIN)

    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(staff.audit, "append", broken)
    with pytest.raises(RuntimeError):
        store.add("abrown", "Al Brown", "RN", OTHER_PIN)
    with pytest.raises(RuntimeError):
        store.disable("jsmith")
    with pytest.raises(RuntimeError):
        store.sign_in("jsmith", OTHER_PIN, now=T0)
    monkeypatch.undo()
    assert [(m.staff_id, m.disabled) for m in store.list()] == [("jsmith", False)]
    assert staff_row(db)["failed_attempts"] == 0
    assert [row[0] for row in audit_rows(db)] == ["staff-add"]


def test_pin_appears_nowhere_on_disk_or_in_output(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(tmp_path / "h.db")
    store = StaffStore(db)
    store.add("jsmith", "Jane Smith", "RN", PIN)
    store.sign_in("jsmith", PIN, now=T0)
    fail(store, 5)
    store.reset_pin("jsmith", OTHER_PIN)
    sign_in_error(store, "jsmith", PIN, T0)
    sign_in_error(store, "nobody", PIN, T0)
    export = io.StringIO()
    audit.export_csv(db, export)
    hashes = [r["pin_hash"] for r in db.read("SELECT pin_hash FROM staff")]

    def check(blob: bytes, where: str) -> None:
        for secret in (PIN, OTHER_PIN):
            assert secret.encode() not in blob, f"PIN found in {where}"

    assert (tmp_path / "h.db-wal").exists()
    for path in files_under(tmp_path):  # the database, its -wal and -shm, anything else
        check(path.read_bytes(), path.name)
    db.close()
    for path in files_under(tmp_path):  # and after the WAL is folded back in
        check(path.read_bytes(), path.name)
    check(export.getvalue().encode(), "the audit export")
    check("".join(hashes).encode(), "the stored hashes")
    captured = capsys.readouterr()
    check((captured.out + captured.err + caplog.text).encode(), "output or logs")


# --- the command line -----------------------------------------------------------------------


def test_cli_add_list_disable_reset(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    added = hemiapp(
        path, "staff", "add", "jsmith", "--name", "Jane Smith", "--role", "RN",
        stdin=f"{PIN}\n{PIN}\n",
    )  # fmt: skip
    assert (added.returncode, added.stderr) == (0, "")
    assert added.stdout == "added staff ID 'jsmith' (Jane Smith, RN)\n"

    db = open_database(path)
    parsed = parse_hash(staff_row(db)["pin_hash"])
    assert parsed is not None
    params = parsed[0]  # made by an unpatched process: the production cost
    assert params.n >= 2**17
    assert params.r >= 8
    assert params.p >= 1
    db.close()

    second = hemiapp(
        path, "staff", "add", "abrown", "--name", "Al Brown", "--role", "admin",
        stdin=f"{OTHER_PIN}\r\n{OTHER_PIN}\r\n",
    )  # fmt: skip
    assert second.returncode == 0, second.stderr
    listed = hemiapp(path, "staff", "list")
    assert listed.returncode == 0
    assert listed.stdout.splitlines() == [
        "STAFF ID  NAME        ROLE   STATUS",
        "abrown    Al Brown    admin  active",
        "jsmith    Jane Smith  RN     active",
    ]

    disabled = hemiapp(path, "staff", "disable", "jsmith")
    assert (disabled.returncode, disabled.stdout) == (0, "disabled staff ID 'jsmith'\n")
    assert hemiapp(path, "staff", "list").stdout.splitlines()[2].endswith("  disabled")
    again = hemiapp(path, "staff", "disable", "jsmith")
    assert (again.returncode, again.stderr) == (
        1,
        "hemiapp: staff ID 'jsmith' is already disabled\n",
    )

    reset = hemiapp(path, "staff", "reset-pin", "abrown", stdin=f"{PIN}\n{PIN}\n")
    assert reset.returncode == 0, reset.stderr
    assert reset.stdout == "new PIN set for staff ID 'abrown'; any lockout is cleared\n"
    db = open_database(path)
    store = StaffStore(db)
    assert store.sign_in("abrown", PIN, now=T0).name == "Al Brown"
    assert [r[0] for r in audit_rows(db)] == [
        "staff-add", "staff-add", "staff-disable", "pin-reset", "login",
    ]  # fmt: skip
    assert audit_rows(db)[0][1].startswith("cli")
    db.close()

    for result in (added, second, listed, disabled, again, reset):
        assert PIN not in result.stdout + result.stderr
        assert OTHER_PIN not in result.stdout + result.stderr
    for file in files_under(tmp_path):
        assert PIN.encode() not in file.read_bytes()
        assert OTHER_PIN.encode() not in file.read_bytes()


def test_cli_pin_mismatch_stores_nothing(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    result = hemiapp(
        path, "staff", "add", "jsmith", "--name", "Jane", "--role", "RN",
        stdin=f"{PIN}\n{OTHER_PIN}\n",
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == "hemiapp: the two PINs are not the same; nothing was changed\n"
    assert not path.exists()  # not even an empty database

    hemiapp(path, "staff", "add", "abrown", "--name", "Al", "--role", "RN", stdin=f"{PIN}\n" * 2)
    result = hemiapp(path, "staff", "reset-pin", "abrown", stdin=f"{OTHER_PIN}\n{PIN}\n")
    assert result.returncode == 1
    db = open_database(path)
    assert StaffStore(db).sign_in("abrown", PIN, now=T0).staff_id == "abrown"
    assert [r[0] for r in audit_rows(db)] == ["staff-add", "login"]
    db.close()


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (
            ["add", "jsmith", "--name", "Jane", "--role", "RN"],
            "12345\n12345\n",
            "hemiapp: PIN must be 6 to 12 digits long; nothing was changed\n",
        ),
        (
            ["add", "jsmith", "--name", "Jane", "--role", "RN"],
            "123456\n123456\n",
            "hemiapp: PIN must not be a run of digits, like 123456 or 654321; "
            "nothing was changed\n",
        ),
        (
            ["add", "jsmith", "--name", "Jane", "--role", "RN"],
            "",
            "hemiapp: no PIN given on standard input; nothing was changed\n",
        ),
        (
            ["add", "jsmith", "--name", "Jane", "--role", "RN"],
            f"{PIN}\n",
            "hemiapp: no PIN given on standard input; nothing was changed\n",
        ),
        (
            ["add", "j smith", "--name", "Jane", "--role", "RN"],
            f"{PIN}\n{PIN}\n",
            "hemiapp: staff ID must be 1 to 32 letters, digits, '.', '-' or '_'\n",
        ),
        (
            ["add", "jsmith", "--name", " ", "--role", "RN"],
            f"{PIN}\n{PIN}\n",
            "hemiapp: name must not be empty\n",
        ),
    ],
)
def test_cli_bad_input_is_one_clear_line(
    tmp_path: Path, args: list[str], stdin: str, message: str
) -> None:
    path = tmp_path / "h.db"
    result = hemiapp(path, "staff", *args, stdin=stdin)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", message)
    assert not path.exists()


def test_cli_refuses_duplicates_and_unknown_ids_before_asking(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    hemiapp(path, "staff", "add", "jsmith", "--name", "J", "--role", "RN", stdin=f"{PIN}\n" * 2)
    duplicate = hemiapp(path, "staff", "add", "JSMITH", "--name", "J", "--role", "RN")
    assert (duplicate.returncode, duplicate.stderr) == (
        1,
        "hemiapp: staff ID 'JSMITH' already exists\n",
    )
    for action in ("disable", "reset-pin"):
        unknown = hemiapp(path, "staff", action, "nobody")
        assert (unknown.returncode, unknown.stderr) == (1, "hemiapp: no staff ID 'nobody'\n")


def test_cli_takes_no_pin_argument(tmp_path: Path) -> None:
    result = hemiapp(tmp_path / "h.db", "staff", "add", "j", "--name", "J", "--role", "R", "--pin")
    assert result.returncode == 2
    assert "unrecognized arguments: --pin" in result.stderr
    assert not (tmp_path / "h.db").exists()


def test_cli_list_shows_locks_and_empty_databases(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    db = open_database(path)
    store = StaffStore(db)
    store.add("jsmith", "Jane Smith", "RN", PIN)
    fail(store, 5, datetime.now(UTC))
    db.close()
    listed = hemiapp(path, "staff", "list")
    assert listed.returncode == 0
    assert "  locked until " in listed.stdout.splitlines()[1]

    empty = tmp_path / "empty.db"
    open_database(empty).close()
    assert hemiapp(empty, "staff", "list").stdout == "no staff accounts yet\n"


def test_cli_store_problems_are_one_line(tmp_path: Path) -> None:
    missing = hemiapp(tmp_path / "none.db", "staff", "list")
    assert missing.returncode == 1
    assert missing.stderr == (
        f"hemiapp: no database at {tmp_path / 'none.db'} (add a staff account first, "
        "or check --db)\n"
    )
    assert not (tmp_path / "none.db").exists()

    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    for args in (["staff", "list"], ["staff", "disable", "x"]):
        result = hemiapp(junk, *args)
        assert result.returncode == 1
        assert result.stderr.startswith(f"hemiapp: The database {junk} is damaged.")
        assert len(result.stderr.splitlines()) == 1
        assert "Traceback" not in result.stderr
    assert junk.read_bytes() == b"this is not a database" * 100

    folder = tmp_path / "folder.db"
    folder.mkdir()
    result = hemiapp(folder, "staff", "add", "j", "--name", "J", "--role", "R", stdin=PIN * 2)
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("hemiapp: ")


def test_cli_turns_sqlite_errors_into_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "h.db"
    open_database(path).close()

    def full(self: StaffStore, staff_id: str, *, actor: str = "") -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(StaffStore, "disable", full)
    assert cli.main(["--db", str(path), "staff", "disable", "jsmith"]) == 1
    assert capsys.readouterr().err == (
        f"hemiapp: the database {path} could not be used: database or disk is full\n"
    )


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_cli_on_a_terminal_uses_getpass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    prompts: list[str] = []

    def fake_getpass(prompt: str = "Password: ") -> str:
        prompts.append(prompt)
        return PIN

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    monkeypatch.setattr("sys.stdin", _Terminal())
    path = tmp_path / "h.db"
    code = cli.main(["--db", str(path), "staff", "add", "jsmith", "--name", "J", "--role", "RN"])
    assert code == 0
    assert prompts == ["New PIN for jsmith (6 to 12 digits): ", "Type the same PIN again: "]
    out = capsys.readouterr()
    assert PIN not in out.out + out.err

    def interrupted(prompt: str = "Password: ") -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr("getpass.getpass", interrupted)
    code = cli.main(["--db", str(path), "staff", "reset-pin", "jsmith"])
    assert code == 1
    assert capsys.readouterr().err == "hemiapp: cancelled; nothing was changed\n"
    db = open_database(path)
    assert StaffStore(db).sign_in("jsmith", PIN, now=T0).staff_id == "jsmith"
    db.close()
