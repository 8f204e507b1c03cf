"""Where the bundled resources (knowledge base, synonyms, translations) live."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    override = os.environ.get("RELAIS_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)  # PyInstaller one-folder build
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def kb_dir() -> Path:
    return resources_dir() / "kb"


def synonyms_file() -> Path:
    return resources_dir() / "synonyms.toml"
