"""The station's configuration: a small YAML file, checked like content (file:line:col).

Looked for at ``--config PATH``, else ``hemiguide.yaml`` in the platform's folder
for application settings (``~/.config/HemiGuide`` on Linux); without one, every
setting has its default. No Qt here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from platformdirs import user_config_path
from yaml.nodes import MappingNode, Node, ScalarNode

from hemiapp.content import spec as s
from hemiapp.content.containment import outside
from hemiapp.content.errors import ContentError, Finding
from hemiapp.content.loader import key_node
from hemiapp.content.yamlstrict import SourceFile, read_source
from hemiapp.paths import APP_NAME, bundled_content_root
from hemiapp.store.db import DbTarget, is_server

PaperSize = Literal["A4", "Letter"]
# Which visits left untouched get "Are you still there?" and then the wipe: every one, only
# those without a patient's name (walk-up use), or none. A kiosk always wipes every one.
IdleWipe = Literal["always", "unnamed", "never"]
IDLE_WIPES: tuple[IdleWipe, ...] = ("always", "unnamed", "never")


@dataclass(frozen=True)
class Config:
    clinic_name: str = "HemiGuide"
    logo: Path | None = None  # inside the content folder
    paper_size: PaperSize | None = None  # None: from the system's locale
    printer: str | None = None  # None: the system's default printer
    staff_idle_minutes: float = 5.0
    idle_seconds: float = 120.0
    countdown_seconds: int = 30
    idle_wipe: IdleWipe | None = None  # None: always at a kiosk, unnamed elsewhere
    kiosk: bool = False
    hide_cursor: bool = False
    virtual_keyboard: bool | None = None  # None: on at a kiosk, when installed
    content: Path | None = None
    database: DbTarget | None = None  # a file, or a clinic server's postgresql:// URL
    logs: Path | None = None  # None: "logs" in the platform's folder for application data
    source: Path | None = None  # the file it came from


class ConfigError(ContentError):
    """The settings file ``path`` has problems (``findings``): the station does not start."""

    def __init__(self, path: Path, findings: Iterable[Finding]) -> None:
        super().__init__(findings)
        self.path = path


def default_config_path() -> Path:
    """hemiguide.yaml in the platform's folder for settings (platformdirs: on Linux
    ``$XDG_CONFIG_HOME/HemiGuide``, by default ``~/.config/HemiGuide``)."""
    return user_config_path(APP_NAME, appauthor=False, roaming=True) / "hemiguide.yaml"


def idle_wipe(config: Config, kiosk: bool) -> IdleWipe:
    """The idle wipe a station uses: a kiosk wipes every visit left untouched (whatever
    the file says: ``--kiosk`` can make a station a kiosk); another station by default
    only visits with no patient's name (walk-up use), never a nurse's named visit."""
    if kiosk:
        return "always"
    return config.idle_wipe or "unnamed"


class _Number(s.Spec):
    def __init__(self, low: float, high: float, unit: str) -> None:
        self.low, self.high = low, high
        self.expected = f"a number of {unit} between {low:g} and {high:g}"

    def walk(self, node: Node, src: SourceFile) -> Any:
        text = s.Text(self.expected).walk(node, src)
        if text is s.INVALID:
            return s.INVALID
        try:
            value = float(text)
        except ValueError:
            value = -1.0
        if not self.low <= value <= self.high:
            src.error(node, f"'{text}' is not {self.expected}")
            return s.INVALID
        return value

    def json(self) -> dict[str, Any]:
        return {"type": "number", "minimum": self.low, "maximum": self.high}


CONFIG = s.Obj(
    "configuration",
    {
        "clinic_name": s.Field(
            s.Text("the clinic's name", max_length=120), "Printed at the top.", False
        ),
        "logo": s.Field(
            s.Text("a path to the logo, inside the content folder"), "PNG or SVG logo.", False
        ),
        "paper_size": s.Field(s.Enum(("A4", "Letter"), "paper size"), "A4 or Letter.", False),
        "printer": s.Field(s.Text("a printer's name"), "The station's printer.", False),
        "staff_idle_minutes": s.Field(
            _Number(1, 120, "minutes"), "Staff sign-out after idle minutes.", False
        ),
        "idle_seconds": s.Field(
            _Number(15, 3600, "seconds"), "'Are you still there?' after this.", False
        ),
        "countdown_seconds": s.Field(
            _Number(5, 300, "seconds"), "The countdown before the wipe.", False
        ),
        "idle_wipe": s.Field(
            s.Enum(IDLE_WIPES, "idle wipe"),
            "Which visits left untouched are wiped: always, unnamed (no patient's name), never.",
            False,
        ),
        "kiosk": s.Field(s.Bool(), "Walk-up kiosk: locked full-screen.", False),
        "hide_cursor": s.Field(s.Bool(), "Kiosk: hide the mouse pointer (touch).", False),
        "virtual_keyboard": s.Field(s.Bool(), "The on-screen keyboard (PySide6-Addons).", False),
        "content": s.Field(s.Text("a folder"), "The clinic's content folder.", False),
        "database": s.Field(
            s.Text("a file path or a postgresql:// address"),
            "The database file, or the clinic server: postgresql://user@host:port/dbname.",
            False,
        ),
        "logs": s.Field(s.Text("a folder"), "Where the app's logs are written.", False),
    },
)


def _only_comments(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeError):
        return False  # read_source says what is wrong
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def load_config(path: Path | None, content: Path | None = None) -> Config:
    """The configuration at ``path`` (or the default place, if a file is there).

    ``content``: the content folder given on the command line (it wins over the
    file's); the logo is checked against the content folder in use. Raises
    ConfigError listing every problem, as ``hemiapp validate --config`` does."""
    explicit = path is not None
    path = path or default_config_path()
    if not explicit and not path.is_file():
        return Config()
    if _only_comments(path):  # every setting commented out: the defaults
        return Config(source=path)
    try:
        src = read_source(path)
    except ContentError as exc:
        raise ConfigError(path, exc.findings) from None
    raw = CONFIG.walk(src.root, src)
    if raw is not s.INVALID and raw.values.get("kiosk") is True:
        wipe = raw.values.get("idle_wipe")
        if wipe not in (None, "always", s.INVALID):
            src.error(
                raw.nodes["idle_wipe"],
                f"idle_wipe '{wipe}' cannot be used with kiosk: true; a kiosk wipes every "
                "visit left untouched (use 'always', or leave idle_wipe out)",
            )
    _check_logo(src, content)  # also beside other errors: every problem is said at once
    _check_server(src)
    if raw is s.INVALID or src.errors:
        raise ConfigError(path, sorted(src.findings, key=lambda f: (f.line, f.column)))
    values = raw.values

    def as_path(key: str) -> Path | None:
        value = values.get(key)
        return Path(value).expanduser() if value else None

    minutes = values.get("staff_idle_minutes")
    idle = values.get("idle_seconds")
    countdown = values.get("countdown_seconds")
    return Config(
        clinic_name=values.get("clinic_name") or "HemiGuide",
        logo=as_path("logo"),
        paper_size=values.get("paper_size"),
        printer=values.get("printer"),
        staff_idle_minutes=float(minutes) if minutes is not None else 5.0,
        idle_seconds=float(idle) if idle is not None else 120.0,
        countdown_seconds=round(countdown) if countdown is not None else 30,
        idle_wipe=values.get("idle_wipe"),
        kiosk=values.get("kiosk") is True,
        hide_cursor=values.get("hide_cursor") is True,
        virtual_keyboard=values.get("virtual_keyboard"),
        content=as_path("content"),
        database=_database(values.get("database")),
        logs=as_path("logs"),
        source=path,
    )


def _database(value: str | None) -> DbTarget | None:
    """``database:`` as the store takes it: a server's URL as written, a file's path with
    ``~`` expanded (a relative path is taken from the working folder, as before)."""
    if not value:
        return None
    return value if is_server(value) else Path(value).expanduser()


def _check_server(src: SourceFile) -> None:
    """A server's address must be readable and hold no password (the error says so, and
    shows the address without it); psycopg is imported only for such an address."""
    address = _text(src, "database")
    if not isinstance(src.root, MappingNode) or not is_server(address):
        return
    from hemiapp.store import pg
    from hemiapp.store.base import StoreError

    try:
        pg.check_address(address)
    except StoreError as exc:
        src.error(key_node(src.root, "database"), exc.message)


def _text(src: SourceFile, key: str) -> str:
    """A key's value as written ('' if it is missing or not text)."""
    node = key_node(src.root, key)
    return str(node.value) if isinstance(node, ScalarNode) and node is not src.root else ""


def _check_logo(src: SourceFile, content: Path | None) -> None:
    """The logo must be a file inside the content folder in use (``content``, else the
    file's ``content:``, else the bundled one); a symlink out of it is refused."""
    logo_text, content_text = _text(src, "logo"), _text(src, "content")
    if not isinstance(src.root, MappingNode) or not logo_text:
        return
    logo = Path(logo_text).expanduser()
    folder = content or (Path(content_text).expanduser() if content_text else None)
    root = (folder or bundled_content_root()).resolve()
    target = logo if logo.is_absolute() else root / logo
    node = key_node(src.root, "logo")
    if outside(root, target):  # (links followed; a loop is outside too)
        src.error(node, f"the logo '{logo}' is outside the content folder {root}; put it inside")
    elif not target.is_file():
        src.error(node, f"the logo '{logo}' was not found in the content folder {root}")
