"""Loading the program's translations (Dutch by default) and Qt's own for standard buttons, and saying
app/'s errors in the same language (their sentences come from resources/messages.json, app.texts)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import texts
from app.errors import VertrouwdError
from app.resources import TRANSLATIONS

_installed: list[QTranslator] = []
# Until install() runs, widgets show their English source texts; errors follow them.
_language = "en"


def install(lang: str) -> bool:
    """Install the translators for `lang` ('nl' or 'en'); returns False if the .qm file is missing."""
    global _language
    _language = texts.language(lang)
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


def language() -> str:
    """The language the window speaks: 'nl' or 'en'."""
    return _language


def error_text(exc: BaseException, lang: str | None = None) -> str:
    """An error as the person reads it, in `lang` (default: the window's language).

    app/'s errors are said from their code and parameters; a file-system error gives its reason
    (the operating system's own words); anything else its text."""
    if isinstance(exc, VertrouwdError):
        return exc.text(lang or _language)
    if isinstance(exc, OSError):
        if isinstance(exc.strerror, texts.Sentence):   # a coded reason (app.fsutil.FileInUse)
            return exc.strerror.text(lang or _language)
        return exc.strerror or str(exc)
    return str(exc)
