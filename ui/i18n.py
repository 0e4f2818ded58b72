"""Loading the program's translations (Dutch by default) and Qt's own for standard buttons."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.resources import TRANSLATIONS

_installed: list[QTranslator] = []


def install(lang: str) -> bool:
    """Install the translators for `lang` ('nl' or 'en'); returns False if the .qm file is missing."""
    app = QCoreApplication.instance()
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Dutch if lang == "nl" else QLocale.Language.English,
                               QLocale.Country.Netherlands if lang == "nl" else QLocale.Country.UnitedKingdom))
    ok = True
    if lang != "en":
        own = QTranslator(app)
        ok = own.load(str(TRANSLATIONS / f"vertrouwd_{lang}.qm"))
        if ok:
            app.installTranslator(own)
            _installed.append(own)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    return ok
