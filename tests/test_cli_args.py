"""Checked command-line values (hemiapp/cli_args.py), and no argument list gives a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hemiapp import cli
from hemiapp.store.db import open_database
from tests.store.conftest import hemiapp

USAGE_EXIT = 2


def run(
    argv: list[str], capsys: pytest.CaptureFixture[str], *, stdout: bool = False
) -> tuple[int, str]:
    """``hemiapp ARGV…`` in this process: its exit status and standard error (and output)."""
    try:
        code = cli.main(argv)
    except SystemExit as exc:  # argparse: --help (0) or bad usage (2)
        code = exc.code if isinstance(exc.code, int) else 1
    captured = capsys.readouterr()
    return code, (captured.out + captured.err) if stdout else captured.err


@pytest.mark.parametrize(
    "value", ["99999999999999999999999", "9223372036854775808", "0", "-1", "1e3", "٣", " ", "x"]
)
def test_a_session_id_out_of_range_is_one_line(
    tmp_path: Path, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "h.db"
    open_database(db).close()
    code, err = run(["--db", str(db), "print", value, "--pdf", str(tmp_path / "o.pdf")], capsys)
    assert code == USAGE_EXIT
    assert err.splitlines()[-1] == (
        "hemiapp print: error: argument SESSION_ID: a session ID must be a whole number "
        f"from 1 to 9223372036854775807, not '{value}'"
    )
    assert "Traceback" not in err
    assert not (tmp_path / "o.pdf").exists()


def test_the_reported_overflow_is_refused_as_a_real_process(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    open_database(db).close()
    done = hemiapp(db, "print", "99999999999999999999999", "--pdf", str(tmp_path / "o.pdf"))
    assert done.returncode == USAGE_EXIT
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1].startswith("hemiapp print: error: argument SESSION_ID:")


def test_the_largest_session_id_is_accepted_and_not_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "h.db"
    open_database(db).close()
    biggest = str(2**63 - 1)
    code, err = run(["--db", str(db), "print", biggest, "--pdf", str(tmp_path / "o.pdf")], capsys)
    assert (code, "Traceback" in err) == (1, False)
    assert len(err.splitlines()) == 1


# Every value a command line can carry (no NUL; Linux passes undecodable bytes as lone
# surrogates, which the message printing copes with too).
_TEXT = st.text(st.characters(blacklist_characters="\x00"), max_size=30)
_NUMBERS = (st.integers() | st.integers(2**63 - 2, 2**80)).map(str) | st.sampled_from(
    ["0", "-0", "1", "+1", "0x10", "1_000"]
)
_WORDS = st.sampled_from(
    ["verify", "export", "list", "disable", "add", "reset-pin", "--anchor", "--anchors",
     "--blank", "--language", "--checklist", "--page-size", "--clinic", "--logo", "--pdf",
     "--out", "--name", "--role", "--strict", "-q", "pre-op", "es", "A4", "1:" + "0" * 64]
)  # fmt: skip
_COMMANDS = st.sampled_from(["print", "audit", "staff", "validate"])


#: Every numeric argument, with the rest of a command line that would otherwise work.
NUMERIC_SLOTS = [
    ["print", "{}", "--pdf", "o.pdf"],
    ["audit", "verify", "--anchor", "{}:" + "0" * 16],
]


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(slot=st.sampled_from(NUMERIC_SLOTS), value=_NUMBERS | _TEXT)
def test_no_numeric_argument_gives_a_traceback(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    slot: list[str],
    value: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "h.db"
    if not db.exists():
        open_database(db).close()
    argv = ["--db", str(db), *(word.replace("{}", value) for word in slot)]
    try:
        code, said = run(argv, capsys, stdout=True)
    except Exception as exc:  # pragma: no cover - the failure being looked for
        pytest.fail(f"hemiapp {argv!r} raised {exc!r}")
    assert code in (1, USAGE_EXIT)  # no such session (or anchor), or refused
    assert "Traceback" not in said
    assert said.strip()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(command=_COMMANDS, rest=st.lists(_WORDS | _NUMBERS | _TEXT, max_size=6))
def test_no_argument_list_gives_a_traceback(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
    rest: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)  # whatever a generated --pdf or --out writes stays here
    db = tmp_path / "h.db"
    if not db.exists():
        open_database(db).close()
    if command == "staff" and rest[:1] in (["add"], ["reset-pin"]):
        rest = ["list"]  # those read a PIN from standard input
    if command == "print" and "--pdf" not in rest:
        rest = [*rest, "--pdf", "o.pdf"]  # else argparse stops every one of them
    argv = ["--db", str(db), command, *rest]
    try:
        # validate says its findings as its output (a draft fails --strict: they say why)
        code, err = run(argv, capsys, stdout=command == "validate")
    except Exception as exc:  # pragma: no cover - the failure being looked for
        pytest.fail(f"hemiapp {argv!r} raised {exc!r}")
    assert code in (0, 1, USAGE_EXIT)
    assert "Traceback" not in err
    if code:
        assert err.strip(), f"hemiapp {argv!r} failed without a message"
    assert os.path.exists(db)
