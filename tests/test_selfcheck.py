"""`relais --self-check` as a deployer runs it: a real process over a real store, the real
bundled content, and Qt offscreen; every broken part named on one line with its fix."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUMMARY = re.compile(
    r"^relais \S+ self-check ok: store schema \w+, (\d+) articles, "
    r"search 'nid de poule' -> (\d+) hits in \d+ ms, catalogue (\d+) services, "
    r"qt 6\.[\d.]+, translations fr\+en, [\d.]+ s$"
)


def self_check(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "--self-check", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def resources_copy(tmp_path: Path) -> Path:
    """The bundled resources, compiled translations included, to damage one part of."""
    copy = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", copy)
    assert sorted(p.name for p in (copy / "i18n").glob("*.qm")) == [
        "relais_en.qm",
        "relais_fr.qm",
    ], "run `make translations` first"
    return copy


def failure_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 1, done.stdout
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert "Fix: " in lines[0]
    return lines[0]


def test_clean_data_dir_passes_with_one_summary_line(tmp_path: Path) -> None:
    data = tmp_path / "fresh"
    done = self_check("--data-dir", str(data))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1
    match = SUMMARY.match(lines[0])
    assert match, lines[0]
    articles, hits, services = (int(g) for g in match.groups())
    assert articles > 100 and hits >= 1 and services > 10
    assert (data / "relais.sqlite3").is_file()
    again = self_check("--data-dir", str(data))  # an existing, migrated store passes too
    assert again.returncode == 0, again.stderr


def test_without_data_dir_the_agents_store_is_untouched(tmp_path: Path) -> None:
    default = Path(os.environ["RELAIS_DATA_DIR"])  # isolated per test by conftest
    done = self_check()
    assert done.returncode == 0, done.stderr
    assert SUMMARY.match(done.stdout.strip())
    assert not default.exists()


def test_unwritable_data_dir_names_the_store(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    line = failure_line(self_check("--data-dir", str(blocker / "data")))
    assert "FAILED at store" in line and str(blocker) in line and "--data-dir" in line


def test_missing_translation_names_the_file_and_the_fix(tmp_path: Path) -> None:
    resources = resources_copy(tmp_path)
    (resources / "i18n" / "relais_en.qm").unlink()
    (resources / "i18n" / "relais_en.ts").unlink()  # nothing to compile it from either
    line = failure_line(
        self_check("--data-dir", str(tmp_path / "data"), env={"RELAIS_RESOURCES": str(resources)})
    )
    assert "FAILED at translations" in line and "relais_en.qm" in line
    assert "make translations" in line


def test_missing_knowledge_base_is_named(tmp_path: Path) -> None:
    resources = resources_copy(tmp_path)
    shutil.rmtree(resources / "kb")
    (resources / "kb").mkdir()
    line = failure_line(
        self_check("--data-dir", str(tmp_path / "data"), env={"RELAIS_RESOURCES": str(resources)})
    )
    assert "FAILED at knowledge base" in line and "reinstall Relais" in line


def test_damaged_catalogue_is_named(tmp_path: Path) -> None:
    resources = resources_copy(tmp_path)
    services = resources / "catalogue" / "services.toml"
    services.write_text(services.read_text("utf-8") + "\n[[broken\n", "utf-8")
    line = failure_line(
        self_check("--data-dir", str(tmp_path / "data"), env={"RELAIS_RESOURCES": str(resources)})
    )
    assert "FAILED at catalogue" in line and "services.toml" in line
