"""The station's configuration file: defaults, values, and bad input with exact positions."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hemiapp.app import build_window
from hemiapp.config import Config, ConfigError, idle_wipe, load_config
from hemiapp.content.errors import ContentError
from hemiapp.logs import default_log_dir
from hemiapp.ui.content_error import ContentErrorWindow
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.staff.controller import StaffController


@pytest.fixture(autouse=True)
def no_station_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))


def test_no_file_means_defaults() -> None:
    assert load_config(None) == Config()


def test_values(tmp_path: Path) -> None:
    path = tmp_path / "hemiguide.yaml"
    path.write_text(
        "clinic_name: Riverside Spine Clinic\npaper_size: Letter\nprinter: Front-Desk\n"
        "staff_idle_minutes: 10\nlogo: resources/logo.png\n",
        encoding="utf-8",
    )
    content = tmp_path / "content"
    (content / "resources").mkdir(parents=True)
    (content / "resources" / "logo.png").write_bytes(b"\x89PNG")
    config = load_config(path, content)
    assert config == Config(
        clinic_name="Riverside Spine Clinic",
        logo=Path("resources/logo.png"),
        paper_size="Letter",
        printer="Front-Desk",
        staff_idle_minutes=10.0,
        source=path,
    )


def test_bad_values_are_reported_with_positions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("hemiguide.yaml").write_text(
        "clinic_name: Riverside\npaper_size: A5\nstaff_idle_minutes: five\nprinterr: x\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as info:
        load_config(Path("hemiguide.yaml"))
    assert [str(f) for f in info.value.findings] == [
        "hemiguide.yaml:2:13: error: 'A5' is not a valid paper size; expected one of: A4, Letter",
        "hemiguide.yaml:3:21: error: 'five' is not a number of minutes between 1 and 120",
        "hemiguide.yaml:4:1: error: unknown key 'printerr' in the configuration; "
        "did you mean 'printer'?",
    ]


def test_a_named_file_that_is_missing(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as info:
        load_config(tmp_path / "nope.yaml")
    assert [f.message for f in info.value.findings] == ["file not found"]


def test_the_app_uses_the_configuration(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "hemiguide.yaml"
    path.write_text("staff_idle_minutes: 7\nclinic_name: Riverside\n", encoding="utf-8")
    args = argparse.Namespace(content=None, command=None, db=tmp_path / "h.db", config=path)
    window = build_window(args)
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    staff = window.findChild(StaffController)
    assert staff is not None
    assert staff.idle_timer.interval() == 7 * 60 * 1000


def test_a_broken_configuration_shows_its_problems(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "hemiguide.yaml"
    path.write_text("paper_size: [A4]\n", encoding="utf-8")
    args = argparse.Namespace(content=None, command=None, db=tmp_path / "h.db", config=path)
    window = build_window(args)
    qtbot.addWidget(window)
    assert isinstance(window, ContentErrorWindow)
    finding = f"{path}:1:13: error: expected paper size, found a list"
    assert window.details.toPlainText() == finding
    assert window.explanation.text() == (  # issue 11.18: it said "the content files"
        f"The settings file {path} has errors. Please ask the front desk. For staff: fix "
        f"the problems below, then check the file with 'hemiapp validate --config {path}'."
    )
    log = default_log_dir() / "hemiguide.log"
    assert f"the settings file {path} has errors; not starting:\n{finding}" in log.read_text()


def test_broken_content_is_logged(qtbot: QtBot, tmp_path: Path) -> None:
    root = tmp_path / "content"
    (root / "checklists").mkdir(parents=True)
    (root / "checklists" / "a.yaml").write_text("name: x\n", encoding="utf-8")
    args = argparse.Namespace(content=root, command=None, db=tmp_path / "h.db", config=None)
    window = build_window(args)
    qtbot.addWidget(window)
    assert isinstance(window, ContentErrorWindow)
    assert window.explanation.text().startswith("The content files have errors.")
    log = (default_log_dir() / "hemiguide.log").read_text()
    assert f"the content in {root} has errors; not starting:\n" in log
    assert "a.yaml:1:1: error: not a HemiGuide content file" in log


def test_kiosk_settings(tmp_path: Path) -> None:
    path = tmp_path / "hemiguide.yaml"
    path.write_text(f"kiosk: true\nhide_cursor: true\nlogs: {tmp_path}/logs\n", encoding="utf-8")
    config = load_config(path)
    assert (config.kiosk, config.hide_cursor, config.logs) == (True, True, tmp_path / "logs")


def test_kiosk_must_be_true_or_false(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("hemiguide.yaml").write_text("kiosk: yes\nhide_cursor: 1\n", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_config(Path("hemiguide.yaml"))
    assert [str(f) for f in info.value.findings] == [
        "hemiguide.yaml:1:8: error: expected true or false, found 'yes'",
        "hemiguide.yaml:2:14: error: expected true or false, found '1'",
    ]


def test_a_file_of_comments_means_defaults(tmp_path: Path) -> None:
    path = tmp_path / "hemiguide.yaml"
    path.write_text("# kiosk: true\n\n   # printer: Front-Desk\n", encoding="utf-8")
    assert load_config(path) == Config(source=path)


@pytest.mark.parametrize("value", ["always", "unnamed", "never"])
def test_idle_wipe(tmp_path: Path, value: str) -> None:
    path = tmp_path / "hemiguide.yaml"
    path.write_text(f"idle_wipe: {value}\n", encoding="utf-8")
    config = load_config(path)
    assert config.idle_wipe == value
    assert idle_wipe(config, kiosk=False) == value
    assert idle_wipe(config, kiosk=True) == "always"  # --kiosk: every visit, whatever it says


def test_idle_wipe_defaults() -> None:
    assert idle_wipe(Config(), kiosk=False) == "unnamed"  # a nurse's named visit stays
    assert idle_wipe(Config(), kiosk=True) == "always"
    assert idle_wipe(Config(kiosk=True, idle_wipe="always"), kiosk=True) == "always"


def test_bad_idle_wipe_values(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("hemiguide.yaml").write_text("idle_wipe: sometimes\n", encoding="utf-8")
    Path("kiosk.yaml").write_text("kiosk: true\nidle_wipe: never\n", encoding="utf-8")
    findings = []
    for name in ("hemiguide.yaml", "kiosk.yaml"):
        with pytest.raises(ContentError) as info:
            load_config(Path(name))
        findings += [str(f) for f in info.value.findings]
    assert findings == [
        "hemiguide.yaml:1:12: error: 'sometimes' is not a valid idle wipe; "
        "expected one of: always, unnamed, never",
        "kiosk.yaml:2:12: error: idle_wipe 'never' cannot be used with kiosk: true; a kiosk "
        "wipes every visit left untouched (use 'always', or leave idle_wipe out)",
    ]


@pytest.mark.parametrize(
    ("logo", "expected"),
    [
        (
            "/etc/hostname",
            "the logo '/etc/hostname' is outside the content folder {root}; put it inside",
        ),
        (
            "../outside.png",
            "the logo '../outside.png' is outside the content folder {root}; put it inside",
        ),
        (
            "resources/link.png",
            "the logo 'resources/link.png' is outside the content folder {root}; put it inside",
        ),
        (
            "resources/none.png",
            "the logo 'resources/none.png' was not found in the content folder {root}",
        ),
        (  # a link loop: refused as outside, never a crash
            "resources/loop.png",
            "the logo 'resources/loop.png' is outside the content folder {root}; put it inside",
        ),
    ],
)
def test_the_logo_is_checked_when_the_settings_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, logo: str, expected: str
) -> None:
    """Issue 12.10: a logo outside the content folder was refused only at print time."""
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "content"
    (root / "resources").mkdir(parents=True)
    (tmp_path / "outside.png").write_bytes(b"\x89PNG")
    (root / "resources" / "link.png").symlink_to(tmp_path / "outside.png")
    (root / "resources" / "loop.png").symlink_to(root / "resources" / "loop.png")
    Path("hemiguide.yaml").write_text(f"clinic_name: Riverside\nlogo: {logo}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(Path("hemiguide.yaml"), root)
    assert [str(f) for f in info.value.findings] == [
        f"hemiguide.yaml:2:7: error: {expected.format(root=root)}"
    ]
    assert info.value.path == Path("hemiguide.yaml")


def test_the_logo_is_checked_against_the_settings_content_folder(tmp_path: Path) -> None:
    root = tmp_path / "clinic"
    (root / "resources").mkdir(parents=True)
    (root / "resources" / "logo.png").write_bytes(b"\x89PNG")
    path = tmp_path / "hemiguide.yaml"
    path.write_text(f"logo: resources/logo.png\ncontent: {root}\n", encoding="utf-8")
    assert load_config(path).logo == Path("resources/logo.png")
    with pytest.raises(ConfigError):  # --content wins, and has no such logo
        load_config(path, tmp_path)


def test_the_database_is_a_file_or_a_servers_address(tmp_path: Path) -> None:
    path = tmp_path / "hemiguide.yaml"
    path.write_text("database: ~/clinic/hemiguide.db\n", encoding="utf-8")
    assert load_config(path).database == Path.home() / "clinic" / "hemiguide.db"
    url = "postgresql://hemiguide_station@db.clinic.example:5432/hemiguide?sslmode=verify-full"
    path.write_text(f"database: {url}\n", encoding="utf-8")
    assert load_config(path).database == url  # as written: libpq reads its options


def test_a_password_in_the_servers_address_is_refused_and_never_shown(tmp_path: Path) -> None:
    path = tmp_path / "hemiguide.yaml"
    path.write_text(
        "clinic_name: Riverside\n"
        "database: postgresql://hemiguide_station:s3cret-pw@db.clinic.example/hemiguide\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert [str(f) for f in info.value.findings] == [
        f"{path}:2:11: error: The database address "
        "postgresql://hemiguide_station@db.clinic.example/hemiguide holds a password, so it "
        "was not used. Passwords are never kept in the settings or typed on the command "
        "line: put it in ~/.pgpass (or the file PGPASSFILE names, or a service file), and "
        "take it out of the address."
    ]
    assert "s3cret-pw" not in str(info.value.findings)


def test_a_servers_address_that_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "hemiguide.yaml"
    path.write_text("database: postgresql://[::1/hemiguide\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert [str(f) for f in info.value.findings] == [
        f"{path}:1:11: error: The database address cannot be read. Write it as "
        "postgresql://user@host:port/dbname (--db, or database: in the settings)."
    ]
