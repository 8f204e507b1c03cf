"""UI language: French source strings; resources/i18n/relais_{fr,en}.ts hold the English
text and the plural forms of both, compiled to .qm by the build (or here, if it did not)."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.services.resources import resources_dir

LANGS = ("fr", "en")  # interface languages (the same two as the articles, by choice)


def system_language() -> str:
    return "en" if QLocale.system().language() == QLocale.Language.English else "fr"


def _lrelease() -> str | None:
    """Qt's translation compiler: the one PySide6 ships, else one on the PATH."""
    bundled = Path(PySide6.__file__).parent / "lrelease"
    if bundled.exists():
        return str(bundled)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def _qm_file(lang: str) -> Path | None:
    """The compiled translation, compiled from the .ts now if the build did not (or if the
    .ts changed since); a stale file is better than none."""
    folder = resources_dir() / "i18n"
    ts, qm = folder / f"relais_{lang}.ts", folder / f"relais_{lang}.qm"
    if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm
    lrelease = _lrelease()
    if ts.exists() and lrelease:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(
                [lrelease, "-silent", str(ts), "-qm", str(qm)],
                check=True,
                timeout=30,
                capture_output=True,
            )
    return qm if qm.exists() else None


# The application speaks one language: whichever Translations switches last replaces the
# translators any other one installed (a second window, the next test in the process).
_installed: dict[str, QTranslator] = {}


def _install(app: QCoreApplication, key: str, translator: QTranslator | None) -> None:
    previous = _installed.pop(key, None)
    if previous is not None:
        app.removeTranslator(previous)
        previous.deleteLater()
    if translator is not None:
        app.installTranslator(translator)
        _installed[key] = translator


class Translations:
    """Installs the translator for a language; switching retranslates every open widget."""

    def __init__(self) -> None:
        self.lang = "fr"

    def _apply_qt_own(self, app: QCoreApplication, lang: str) -> None:
        """Qt's own texts (OK / Annuler, context menus) in the same language."""
        translator = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        _install(app, "qt", translator if translator.load(f"qtbase_{lang}", folder) else None)

    def apply(self, lang: str) -> bool:
        """Switch to lang; False when its translation cannot be found (French stays)."""
        app = QCoreApplication.instance()
        if app is None or lang not in LANGS:
            return False
        qm = _qm_file(lang)
        translator = QTranslator(app)
        if qm is None or not translator.load(str(qm)):
            # French is the source text: without its file only plural forms read "(s)".
            _install(app, "relais", None)
            self.lang = "fr"
            self._apply_qt_own(app, "fr")
            return lang == "fr"
        _install(app, "relais", translator)
        self.lang = lang
        self._apply_qt_own(app, lang)
        return True
