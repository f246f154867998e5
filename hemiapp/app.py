"""Composition root: loads the content, opens the database, builds the window, runs."""

from __future__ import annotations

import argparse
import faulthandler
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from hemiapp.config import Config, ConfigError, idle_wipe, load_config
from hemiapp.content.errors import ContentError
from hemiapp.content.loader import load_content
from hemiapp.kiosk import keyboard
from hemiapp.logs import default_log_dir, setup_logging
from hemiapp.paths import bundled_content_root
from hemiapp.store.db import (
    DbTarget,
    SQLiteDatabase,
    StaleError,
    StoreError,
    default_db_path,
    open_database,
    read_only_error,
)
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.content_error import ContentErrorWindow
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.maintenance import MaintenanceWindow

if TYPE_CHECKING:
    from hemiapp.kiosk.lockdown import KioskLock
    from hemiapp.store.db import Database

Later = Callable[[Callable[[], None]], None]


def build_window(
    args: argparse.Namespace, *, later: Later | None = None, config: Config | None = None
) -> QMainWindow:
    """The app's window: the journey, or a screen saying what is wrong with content or data.

    With ``later`` (the app: "once the event loop runs"), only what the welcome screen
    needs is made now; the other screens, staff mode, printing and idle watching are
    handed to ``later``, so the welcome screen is painted sooner. ``config``: the
    settings already read (else they are read here)."""
    return _build(args, later, config)[0]


def _build(
    args: argparse.Namespace, later: Later | None, config: Config | None
) -> tuple[QMainWindow, KioskLock | None]:
    """The window (see build_window), and its kiosk lock if this station is a kiosk."""
    try:
        if config is None:
            config = load_config(getattr(args, "config", None), args.content)
    except ConfigError as exc:
        setup_logging(default_log_dir())
        _report(f"the settings file {exc.path} has errors; not starting", exc)
        return ContentErrorWindow(exc, settings=exc.path), None
    setup_logging(config.logs or default_log_dir())
    log.info("starting HemiGuide (settings: %s)", config.source or "defaults")
    root = args.content or config.content or bundled_content_root()
    try:
        loaded = load_content(root)
    except ContentError as exc:
        _report(f"the content in {root} has errors; not starting", exc)
        return ContentErrorWindow(exc), None
    chosen: DbTarget | None = getattr(args, "db", None) or config.database
    target = chosen or default_db_path()
    try:
        db = _open_writable(target, make_folder=chosen is None)
    except StoreError as exc:
        print(f"hemiapp: {exc.message}", file=sys.stderr)
        return MaintenanceWindow(exc.message, retry=lambda: _can_open(target, chosen is None)), None
    log.info("database: %s", db.where)
    sessions = SessionStore(db)
    window = MainWindow(loaded.content, sessions=sessions, lazy=later is not None)
    lock = None
    if getattr(args, "kiosk", False) or config.kiosk:
        from hemiapp.kiosk.lockdown import KioskLock

        lock = KioskLock(window, None, hide_cursor=config.hide_cursor)

    def rest() -> None:
        try:
            _finish_window(window, config, db, sessions, lock)
        except Exception:
            if lock is None:
                raise  # the exception hook shows "Something went wrong"
            # A kiosk without idle wipes or staff access must not stay up: quit, and the
            # service manager (hemiapp kiosk-unit: Restart=always) starts it afresh.
            log.exception("the kiosk could not finish starting; quitting")
            lock.let_close()
            QApplication.exit(3)

    if later is None:
        rest()
    else:
        later(rest)
    return window, lock


def _open_writable(target: DbTarget, *, make_folder: bool) -> Database:
    """The station's database (a file, or the clinic server), open for writing (a station
    that cannot save must not take anything in: a read-only file is refused)."""
    db = open_database(target, make_folder=make_folder)
    if isinstance(db, SQLiteDatabase) and db.read_only:
        db.close()
        raise read_only_error(db.path)
    return db


def _can_open(target: DbTarget, make_folder: bool) -> str | None:
    """None if the database opens now (the start-up maintenance screen's retry), else why."""
    try:
        _open_writable(target, make_folder=make_folder).close()
    except StoreError as exc:
        return exc.message
    return None


def _report(what: str, error: ContentError) -> None:
    """A problem that stops the start: every finding to the log (and so to stderr)."""
    log.error("%s:\n%s", what, "\n".join(str(f) for f in error.findings))


def _finish_window(
    window: MainWindow,
    config: Config,
    db: Database,
    sessions: SessionStore,
    lock: KioskLock | None,
) -> None:
    """What the welcome screen does not need: idle watching (first: a kiosk must wipe
    whatever else fails), the other screens, staff mode and printing."""
    from hemiapp import wiring
    from hemiapp.report.document import ReportOptions
    from hemiapp.report.printing import page_size_for_locale
    from hemiapp.store.staff import StaffStore

    wipe = idle_wipe(config, kiosk=lock is not None)
    if config.idle_wipe not in (None, wipe):  # --kiosk on a station set to 'unnamed'/'never'
        log.warning("idle_wipe '%s' is not used at a kiosk: it wipes every visit", config.idle_wipe)
    idle = None
    if wipe != "never":
        idle = wiring.watch_idle(window, config.idle_seconds, config.countdown_seconds, wipe=wipe)
    window.ensure_screens()
    staff_idle = config.staff_idle_minutes * 60
    staff = wiring.attach_staff(window, StaffStore(db), sessions, idle_seconds=staff_idle)
    if idle is not None:
        wiring.idle_follows_staff(idle, staff)
    if lock is not None:
        lock.attach_staff(staff)
    options = ReportOptions(
        clinic_name=config.clinic_name,
        logo=config.logo,
        page_size=config.paper_size or page_size_for_locale(),
    )
    wiring.attach_printing(window, options, config.printer, sessions, staff=staff)


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def exception_hook(window: QMainWindow, fallback: ExceptHook) -> ExceptHook:
    """The hook for exceptions nobody caught (in Qt's slots, mostly): logged with their
    traceback; a change another station had made first is shown (ui.elsewhere), any other
    database problem goes to the maintenance page, anything else to "Something went wrong"
    with the way back to a safe screen. Nothing is written to the database."""
    handling = False

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        nonlocal handling
        if not isinstance(window, MainWindow) or not issubclass(kind, Exception):
            fallback(kind, error, tb)
            return
        if isinstance(error, StaleError):
            log.warning("a change was refused: %s", error.message)
            window.changed_elsewhere()
            return
        if isinstance(error, StoreError):
            log.error("the database could not be used: %s", error.message)
            window.store_failed(error.message)
            return
        log.error("unexpected error", exc_info=(kind, error, tb))
        if handling:  # the error page itself failed: the log has it, stop here
            return
        handling = True
        try:
            window.something_went_wrong()
        except Exception:
            log.exception("the error page could not be shown")
        finally:
            handling = False

    return hook


#: Set (to anything) by tests/bench/startup.py: print "hemiapp-ready <epoch seconds>" once the
#: first screen is painted, then quit.
EXIT_WHEN_READY = "HEMIAPP_EXIT_WHEN_READY"
log = logging.getLogger("hemiapp")


class FirstPaint(QObject):
    """The app is ready when its first screen has been painted: logged, and for the start-up
    benchmark printed (with the wall-clock time) before quitting. Then the work that was
    put off until then (``then``) is done; after ``FALLBACK_MS`` it is done anyway."""

    FALLBACK_MS = 3000

    def __init__(
        self, screen: QWidget, started: float, then: list[Callable[[], None]] | None = None
    ) -> None:
        super().__init__(screen)
        self.started = started
        self.then = then if then is not None else []
        screen.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self, self._run_then)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._ready)  # after this paint has been done
        return False

    def _run_then(self) -> None:
        work, self.then = self.then, []
        for step in work:
            step()

    def _ready(self) -> None:
        now = time.time()
        log.info("ready: first screen painted %.0f ms after start", (now - self.started) * 1000)
        self._run_then()
        if os.environ.get(EXIT_WHEN_READY):
            print(f"hemiapp-ready {now:.6f}", flush=True)
            QApplication.quit()


def process_start_time() -> float:
    """When this process started (epoch seconds); now, where the system does not say."""
    try:
        stat = Path("/proc/self/stat").read_text()
        ticks = int(stat.rsplit(")", 1)[1].split()[19])
        boot = next(
            float(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime ")
        )
        return boot + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return time.time()


def _early(args: argparse.Namespace) -> tuple[Config | None, bool, str]:
    """The settings (None if they are broken: build_window shows why), kiosk mode or not,
    and the on-screen keyboard, chosen before the QApplication exists."""
    kiosk = bool(getattr(args, "kiosk", False))
    try:
        config = load_config(getattr(args, "config", None), getattr(args, "content", None))
    except ContentError:
        return None, kiosk, keyboard.choose(False, False)
    kiosk = kiosk or config.kiosk
    return config, kiosk, keyboard.choose(config.virtual_keyboard, kiosk)


def run(args: argparse.Namespace) -> int:
    started = process_start_time()
    faulthandler.enable()  # to stderr until the log folder is known
    config, kiosk, keyboard_note = _early(args)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("HemiGuide")
    app.setOrganizationName("HemiGuide")
    show_window(args, config, kiosk, started)
    if keyboard_note.startswith(keyboard.MISSING):
        log.warning(keyboard_note)
    else:
        log.info(keyboard_note)
    return app.exec()


#: The window on screen (kept here: nothing else holds it).
_shown: list[QMainWindow] = []


def show_window(
    args: argparse.Namespace, config: Config | None, kiosk: bool, started: float
) -> QMainWindow:
    """Build the window and show it (locked at a kiosk). A start-up maintenance screen is
    replaced by the real window once its database opens (it retries by itself)."""
    after_first_paint: list[Callable[[], None]] = []
    window, lock = _build(args, after_first_paint.append, config)
    sys.excepthook = exception_hook(window, sys.__excepthook__)
    window.resize(1280, 800)
    FirstPaint(getattr(window, "welcome", window), started, after_first_paint)
    if lock is None and kiosk:  # a problem screen at a kiosk: locked too (IT fixes it)
        from hemiapp.kiosk.lockdown import KioskLock

        lock = KioskLock(window, None)
    if isinstance(window, MaintenanceWindow):
        old_lock = lock

        def recovered() -> None:
            log.info("the database can be used again: starting")
            show_window(args, config, kiosk, time.time())
            if old_lock is not None:
                old_lock.let_close()  # the kiosk's new window is locked already
            window.close()
            window.deleteLater()

        window.recovered.connect(recovered)
    if lock is not None:
        lock.show()  # full-screen and locked from the first frame
    else:
        window.show()
    _shown[:] = [window]
    return window
