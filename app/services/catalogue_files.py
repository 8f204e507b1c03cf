"""The catalogue's files (services.toml and routing.toml in a folder, the bundled one in
resources/catalogue): reading them is the I/O; what they must say is
app.domain.catalogue.reader's. The store loads them too (`load-catalogue`, the demo)."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from app.domain.catalogue import Catalogue, catalogue_from_files
from app.services.resources import resources_dir

SERVICES_FILE = "services.toml"
ROUTING_FILE = "routing.toml"


def _read_toml(path: Path, problems: list[str]) -> dict[str, Any] | None:
    def problem(field: str, message: str) -> None:
        problems.append(f"{path} [{field}]: {message}")

    if not path.is_file():
        problem("file", "not found; create it (format in resources/catalogue/README.md)")
        return None
    try:
        raw = path.read_text("utf-8")
    except UnicodeDecodeError:
        problem("encoding", "is not UTF-8; save the file as UTF-8")
        return None
    try:
        return tomllib.loads(raw.lstrip("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        problem("syntax", f"invalid TOML: {exc}; correct the syntax at that line")
        return None


def load_catalogue(folder: Path) -> Catalogue:
    """Read services.toml and routing.toml; raise CatalogueError listing every problem."""
    problems: list[str] = []
    routing = _read_toml(folder / ROUTING_FILE, problems)
    services = _read_toml(folder / SERVICES_FILE, problems)
    return catalogue_from_files(
        str(folder / ROUTING_FILE), routing, str(folder / SERVICES_FILE), services, problems
    )


@cache
def bundled_catalogue() -> Catalogue:
    return load_catalogue(resources_dir() / "catalogue")
