"""Every interface string has its English text (and French plural forms)."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def ui_strings() -> set[str]:
    """First arguments of every self.tr("...") call in app/ui."""
    found: set[str] = set()
    for path in (ROOT / "app" / "ui").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "tr"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    return found


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_translation_file_is_complete(lang: str) -> None:
    tree = ET.parse(ROOT / "resources" / "i18n" / f"relais_{lang}.ts")
    translated: set[str] = set()
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), source
        forms = [f.text for f in translation.findall("numerusform")] or [translation.text]
        assert all(forms), f"empty {lang} translation for {source!r}"
        translated.add(source)
    missing = ui_strings() - translated
    assert not missing, f"run pyside6-lupdate and translate: {sorted(missing)}"
