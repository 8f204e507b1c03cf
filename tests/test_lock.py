"""requirements.lock (made by `make lock`) pins everything pyproject.toml asks for, with
hashes, and the environment the suite runs in is the locked one."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^ ;\\]+)(?: ; ([^\\]+?))? *\\?$")


def locked() -> dict[str, tuple[Version, Marker | None, int]]:
    """name -> (version, marker, number of hashes), from the lock's text."""
    pins: dict[str, tuple[Version, Marker | None, int]] = {}
    name = ""
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if match := PIN.match(line):
            name = canonicalize_name(match[1])
            marker = Marker(match[3]) if match[3] else None
            pins[name] = (Version(match[2]), marker, 0)
        elif line.strip().startswith("--hash=sha256:"):
            version, marker, hashes = pins[name]
            pins[name] = (version, marker, hashes + 1)
    return pins


def wanted() -> list[Requirement]:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = pyproject["project"]
    texts = [
        *project["dependencies"],
        *(r for extra in project["optional-dependencies"].values() for r in extra),
        *pyproject["build-system"]["requires"],
    ]
    return [Requirement(text) for text in texts]


def test_every_requirement_of_pyproject_is_pinned_within_its_constraints() -> None:
    pins = locked()
    assert len(pins) > 50
    lagging = [
        str(req)
        for req in wanted()
        if canonicalize_name(req.name) not in pins
        or pins[canonicalize_name(req.name)][0] not in req.specifier
    ]
    assert not lagging, f"requirements.lock lags pyproject.toml for {lagging}: run make lock"
    assert "psycopg-binary" in pins  # psycopg[binary]: extras are resolved too
    assert not [name for name, (_, _, hashes) in pins.items() if hashes == 0]


def test_the_suite_runs_on_the_locked_versions() -> None:
    differ = {
        name: (str(version), metadata.version(name))
        for name, (version, marker, _) in locked().items()
        if (marker is None or marker.evaluate()) and Version(metadata.version(name)) != version
    }
    assert not differ, f"installed versions differ from the lock (make setup): {differ}"
