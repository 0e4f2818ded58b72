"""Starting the window."""
from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from app.paths import default_vault, supervisor_store
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
    args = parser.parse_args(argv)
    app = configure_app()
    i18n.install(args.lang or QSettings().value("ui/language", "nl"))
    if args.supervisor:
        from ui.supervisor_start import SupervisorStart
        window = SupervisorStart(supervisor_store())
    else:
        from ui.main_window import MainWindow
        window = MainWindow(Session(args.vault or default_vault()))
    window.show()
    return app.exec()
