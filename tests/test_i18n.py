"""Every interface string has its English text (and French plural forms)."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _source_text(node: ast.AST) -> str | None:
    """The source text of a self.tr("...") or QCoreApplication.translate("Ctx", "...")."""
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return None
    index = {"tr": 0, "translate": 1}.get(node.func.attr)
    if index is None or len(node.args) <= index:
        return None
    arg = node.args[index]
    return arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None


def ui_strings() -> set[str]:
    """Every source text of the interface's translation calls in app/ui."""
    found: set[str] = set()
    for path in (ROOT / "app" / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            text = _source_text(node)
            if text is not None:
                found.add(text)
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
