"""`hemiapp print`, run as a user would: a real process with no display, exit codes,
one-line errors, and the audit row a session's printout leaves."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from hemiapp.content.models import Content
from hemiapp.content.session import Actor, ItemStatus
from hemiapp.store import audit
from hemiapp.store.db import open_database
from hemiapp.store.sessions import SessionStore
from tests.report.conftest import PATIENT, needs_poppler, norm, pdf_pages, pdf_text

pytestmark = needs_poppler

ROOT = Path(__file__).resolve().parents[2]
NURSE_ROW = ("n1", "Ana Ruiz", "RN", "scrypt$1$1$1$AA==$AA==", "2026-11-23T10:00:00+00:00")


def hemiapp(*args: str, db: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``hemiapp [--db DB] ARGS…`` on a machine without a display."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "hemiapp", *(["--db", str(db)] if db else []), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**env, "PYTHONPATH": str(ROOT)},
        check=False,
        timeout=120,
    )


def one_line_error(result: subprocess.CompletedProcess[str], expected: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith("hemiapp: ") and expected in result.stderr, result.stderr


@pytest.fixture
def saved(tmp_path: Path, content: Content) -> tuple[Path, int]:
    """A database with one named Spanish session: ticks, a note, a sign-off."""
    path = tmp_path / "h.db"
    db = open_database(path, station="clinic-1")
    with db.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO staff (staff_id, name, role, pin_hash, created_at) VALUES (?,?,?,?,?)",
            NURSE_ROW,
        )
    store = SessionStore(db)
    session = store.new_named(content, PATIENT, language="es", surgery_date=date(2026, 12, 1))
    session.actor = Actor(int(cur.lastrowid or 0), "n1", "Ana Ruiz", "RN")
    pre_op = content.checklist("pre-op")
    session.set_status("pre-op", pre_op.items[0].id, ItemStatus.DONE)
    session.set_question("pre-op", pre_op.items[1].id, True)
    session.set_note("pre-op", pre_op.items[1].id, "¿Y la <b>aspirina</b>?")
    session.sign_off("pre-op", "Revisé la lista con la paciente.")
    assert session.id is not None
    db.close()
    return path, session.id


def test_print_a_saved_session_to_pdf_and_audit_it(
    tmp_path: Path, content: Content, saved: tuple[Path, int]
) -> None:
    db_path, session_id = saved
    out = tmp_path / "session.pdf"
    result = hemiapp("print", str(session_id), "--pdf", str(out), db=db_path)
    assert result.returncode == 0, result.stderr
    pages = pdf_pages(out)
    assert result.stdout == f"printed {pages} pages of session {session_id} to {out}\n"
    text = norm(pdf_text(out))
    pre_op = content.checklist("pre-op")
    for expected in (
        "<b>x</b> María López",
        f"☑ {norm(pre_op.items[0].text.get('es'))}",
        f"? {norm(pre_op.items[1].text.get('es'))}",
        "Nota: ¿Y la <b>aspirina</b>?",
        "Ana Ruiz (RN)",
        "Revisé la lista con la paciente.",
        f"Página 1 de {pages}",
    ):
        assert expected in text
    assert text.index("Cómo prepararse") < text.index("Cómo cuidarse")  # pre-op first

    db = open_database(db_path)
    try:
        rows = db.read("SELECT * FROM audit WHERE action LIKE 'print%' ORDER BY id")
        assert [r["action"] for r in rows] == ["print", "print-result"]
        assert {r["session_id"] for r in rows} == {session_id}
        assert all(r["actor"].startswith("cli:") for r in rows)
        assert json.loads(rows[0]["detail"]) == {
            "target": "pdf",
            "to": str(out),
            "pages": pages,
            "checklists": ["pre-op", "post-op"],
            "language": "es",
            "blank": False,
        }
        assert json.loads(rows[1]["detail"]) == {
            "attempt": rows[0]["id"],
            "outcome": "printed",
            "reason": "",
        }
        assert audit.verify(db).ok
    finally:
        db.close()


def test_print_one_checklist_of_a_session_in_another_language(
    tmp_path: Path, saved: tuple[Path, int]
) -> None:
    db_path, session_id = saved
    out = tmp_path / "en.pdf"
    args = ("print", str(session_id), "--checklist", "post-op", "--language", "en")
    result = hemiapp(*args, "--pdf", str(out), "--page-size", "Letter", db=db_path)
    assert result.returncode == 0, result.stderr
    text = norm(pdf_text(out))
    assert "Caring for yourself after surgery" in text and "Getting ready" not in text
    assert "Page 1 of" in text


def test_print_a_blank_checklist(tmp_path: Path, saved: tuple[Path, int]) -> None:
    db_path, _ = saved
    out = tmp_path / "blank.pdf"
    args = ("print", "--blank", "pre-op", "--language", "es", "--pdf", str(out))
    result = hemiapp(*args, db=db_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"printed {_pages(pdf_pages(out))} to {out}\n"
    db = open_database(db_path)
    try:  # recorded like a session's print, with no session
        rows = db.read("SELECT * FROM audit WHERE action LIKE 'print%' ORDER BY id")
        assert [(r["action"], r["session_id"]) for r in rows] == [
            ("print", None),
            ("print-result", None),
        ]
        assert json.loads(rows[0]["detail"]) == {
            "target": "pdf",
            "to": str(out),
            "pages": pdf_pages(out),
            "checklists": ["pre-op"],
            "language": "es",
            "blank": True,
        }
        assert json.loads(rows[1]["detail"])["outcome"] == "printed"
        assert audit.verify(db).ok
    finally:
        db.close()
    text = norm(pdf_text(out))
    assert "Cómo prepararse para su cirugía" in text and "Paciente ____" in text
    assert "Enfermera/o ____" in text and "☑ " not in text.split("Cómo prepararse")[1]


def _pages(count: int) -> str:
    return f"{count} page" if count == 1 else f"{count} pages"


@pytest.fixture
def read_only(saved: tuple[Path, int]) -> Iterator[tuple[Path, int]]:
    """The saved database, made unwritable for everyone (chattr +i), then freed again."""
    path, session_id = saved
    for leftover in (path.with_name("h.db-wal"), path.with_name("h.db-shm")):
        leftover.unlink(missing_ok=True)
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("this machine does not allow chattr +i")
    try:
        yield path, session_id
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


@pytest.mark.parametrize("blank", [False, True])
def test_no_record_no_print(tmp_path: Path, read_only: tuple[Path, int], blank: bool) -> None:
    """The audit log cannot be written: nothing is printed, no file is made (issue 12.2)."""
    db_path, session_id = read_only
    before = db_path.read_bytes()
    out = tmp_path / "out.pdf"
    what = ("--blank", "pre-op") if blank else (str(session_id),)
    result = hemiapp("print", *what, "--pdf", str(out), db=db_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout == ""
    assert result.stderr == (
        f"hemiapp: note: {db_path} is read-only; opened for reading only\n"
        "hemiapp: Nothing was printed: the print could not be recorded in the audit log. "
        f"The database {db_path} cannot be written (read-only), so HemiGuide opened it for "
        "reading only and changed nothing. Check the file's permissions and the disk.\n"
    )
    assert not out.exists()
    assert db_path.read_bytes() == before


def test_a_failed_print_is_recorded_with_its_reason(
    tmp_path: Path, saved: tuple[Path, int]
) -> None:
    db_path, session_id = saved
    out = tmp_path / "no-such-dir" / "x.pdf"
    one_line_error(hemiapp("print", str(session_id), "--pdf", str(out), db=db_path), "")
    db = open_database(db_path)
    try:
        rows = db.read("SELECT action, detail FROM audit WHERE action LIKE 'print%' ORDER BY id")
    finally:
        db.close()
    assert [r["action"] for r in rows] == ["print", "print-result"]
    assert json.loads(rows[1]["detail"])["outcome"] == "failed"
    assert json.loads(rows[1]["detail"])["reason"] == (
        f"Cannot write the PDF file {out}: No such file or directory."
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("print", "99", "--pdf", "x.pdf"), "no session 99 in "),
        (("print", "--blank", "no-such", "--pdf", "x.pdf"), "no checklist 'no-such'"),
        (("print", "--blank", "pre-op", "--printer", "No Such Printer"), "No printer named"),
        (("print", "--blank", "pre-op", "--pdf", "/no/such/dir/x.pdf"), "Cannot write the PDF"),
    ],
)
def test_problems_are_one_line_and_exit_1(
    tmp_path: Path, saved: tuple[Path, int], args: tuple[str, ...], expected: str
) -> None:
    db_path, _ = saved
    args = tuple(str(tmp_path / a) if a == "x.pdf" else a for a in args)
    one_line_error(hemiapp(*args, db=db_path), expected)
    assert not (tmp_path / "x.pdf").exists()


def test_a_broken_database_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "h.db"
    bad.write_bytes(b"this is not a database at all, just text" * 10)
    one_line_error(hemiapp("print", "1", "--pdf", str(tmp_path / "x.pdf"), db=bad), str(bad))
    one_line_error(
        hemiapp("print", "1", "--pdf", str(tmp_path / "x.pdf"), db=tmp_path / "none.db"),
        "no database at",
    )


@pytest.mark.parametrize(
    "args",
    [
        ("print", "--pdf", "x.pdf"),  # neither a session nor --blank
        ("print", "1", "--blank", "pre-op", "--pdf", "x.pdf"),  # both
        ("print", "--blank", "pre-op"),  # no --pdf or --printer
        ("print", "--blank", "pre-op", "--language", "fr", "--pdf", "x.pdf"),
    ],
)
def test_bad_usage_exits_2(args: tuple[str, ...]) -> None:
    result = hemiapp(*args)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr


def test_a_printout_carries_an_anchor_that_verifies(
    tmp_path: Path, saved: tuple[Path, int]
) -> None:
    db_path, session_id = saved
    out = tmp_path / "session.pdf"
    assert hemiapp("print", str(session_id), "--pdf", str(out), db=db_path).returncode == 0
    found = re.search(r"Registro de auditoría (\d+:[0-9a-f]{16})", norm(pdf_text(out)))
    assert found is not None
    verified = hemiapp("audit", "verify", "--anchor", found.group(1), db=db_path)
    assert (verified.returncode, verified.stdout.endswith(", 1 anchor on the chain\n")) == (0, True)
