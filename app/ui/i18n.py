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


class Translations:
    """Installs the translator for a language; switching retranslates every open widget."""

    def __init__(self) -> None:
        self._translator: QTranslator | None = None
        self._qt_translator: QTranslator | None = None
        self.lang = "fr"

    def _apply_qt_own(self, app: QCoreApplication, lang: str) -> None:
        """Qt's own texts (OK / Annuler, context menus) in the same language."""
        if self._qt_translator is not None:
            app.removeTranslator(self._qt_translator)
            self._qt_translator.deleteLater()
            self._qt_translator = None
        translator = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(f"qtbase_{lang}", folder):
            app.installTranslator(translator)
            self._qt_translator = translator

    def apply(self, lang: str) -> bool:
        """Switch to lang; False when its translation cannot be found (French stays)."""
        app = QCoreApplication.instance()
        if app is None or lang not in LANGS:
            return False
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator.deleteLater()
            self._translator = None
        qm = _qm_file(lang)
        translator = QTranslator(app)
        if qm is None or not translator.load(str(qm)):
            # French is the source text: without its file only plural forms read "(s)".
            self.lang = "fr"
            self._apply_qt_own(app, "fr")
            return lang == "fr"
        app.installTranslator(translator)
        self._translator = translator
        self.lang = lang
        self._apply_qt_own(app, lang)
        return True
