"""Starting the window."""
from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from app.paths import current_vault, supervisor_store
from app.store.session import Session
from ui import i18n


def configure_app() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("Vertrouwd")
    QCoreApplication.setApplicationName("Vertrouwd")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    app.setApplicationDisplayName("Vertrouwd")
    from ui import theme
    theme.follow_system()
    return app


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="vertrouwd")
    parser.add_argument("--vault")
    parser.add_argument("--supervisor", action="store_true", help="start in supervisor mode")
    parser.add_argument("--lang", choices=["nl", "en"])
    parser.add_argument("--smoke-test", type=float, metavar="SECONDS", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    app = configure_app()
    i18n.install(args.lang or QSettings().value("ui/language", "nl"))
    if args.supervisor:
        from ui.supervisor_start import SupervisorStart
        window = SupervisorStart(supervisor_store())
    else:
        from ui.main_window import MainWindow
        window = MainWindow(Session(args.vault or current_vault()))   # the folder chosen at first start
    window.show()
    if args.smoke_test is not None:
        _close_after(window, args.smoke_test)
    return app.exec()


def _close_after(window: QWidget, seconds: float) -> None:
    """Test hook (packaging/smoke_test.py, benchmarks/bench_startup.py): once the event loop shows the
    window, print which screen it shows; close the window after `seconds`."""
    def shown() -> None:
        central = window.centralWidget() if isinstance(window, QMainWindow) else None
        screen = central.currentWidget() if isinstance(central, QStackedWidget) else window
        print(f"smoke: window shown, screen {type(screen).__name__}", flush=True)

    QTimer.singleShot(0, shown)
    QTimer.singleShot(int(seconds * 1000), window.close)
