"""The `relais` command as a user runs it: a real process over a real store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def relais(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_kb_search_json(tmp_path: Path) -> None:
    done = relais("--data-dir", str(tmp_path), "kb", "search", "nids de poule", "--json")
    assert done.returncode == 0, done.stderr
    hits = json.loads(done.stdout)
    assert hits[0]["id"] == "nid-de-poule-signalement"
    assert {"id", "title", "score", "snippet"} <= set(hits[0])
    assert "<mark>" in hits[0]["snippet"]


def test_kb_search_text_limit_and_language(tmp_path: Path) -> None:
    done = relais(
        "kb", "search", "pothole", "--limit", "2", "--lang", "en", "--data-dir", str(tmp_path)
    )
    assert done.returncode == 0, done.stderr
    lines = [ln for ln in done.stdout.splitlines() if ln[:3].strip().rstrip(".").isdigit()]
    assert len(lines) <= 2
    assert "nid-de-poule-signalement, en" in lines[0]


def test_data_dir_from_environment(tmp_path: Path) -> None:
    done = relais("kb", "search", "ecocentre", env={"RELAIS_DATA_DIR": str(tmp_path / "env")})
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "env" / "relais.sqlite3").exists()


def test_kb_import_reports_and_refuses_bad_files(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "ok.md").write_text(
        '+++\nid = "cli-article"\ncategory = "collectes"\ntitle = "Zinzolin"\n+++\nCorps.\n',
        encoding="utf-8",
    )
    data = str(tmp_path / "data")
    done = relais("--data-dir", data, "kb", "import", str(folder))
    assert done.returncode == 0, done.stderr
    assert "1 added" in done.stdout

    (folder / "bad.md").write_text('+++\nid = "x-bad"\ncategory = "c"\n+++\nb\n', encoding="utf-8")
    done = relais("--data-dir", data, "kb", "import", str(folder))
    assert done.returncode == 1
    assert "bad.md [title]: is missing" in done.stderr
    assert "nothing was imported" in done.stderr


def test_bad_arguments_are_explained(tmp_path: Path) -> None:
    done = relais("--data-dir", str(tmp_path), "kb", "search", "x", "--limit", "0")
    assert done.returncode == 2 and "--limit" in done.stderr
    done = relais("--data-dir", str(tmp_path), "kb", "import", str(tmp_path / "missing"))
    assert done.returncode == 1 and "does not exist" in done.stderr


def test_broken_bundled_synonyms_warn_but_search_works(tmp_path: Path) -> None:
    import shutil

    resources = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", resources, ignore=shutil.ignore_patterns("*.qm"))
    (resources / "synonyms.toml").write_text("fr = 3\n", encoding="utf-8")
    done = relais(
        "--data-dir",
        str(tmp_path / "d"),
        "kb",
        "search",
        "pothole",
        "--json",
        env={"RELAIS_RESOURCES": str(resources)},
    )
    assert done.returncode == 0, done.stderr
    assert "warning" in done.stderr and "synonyms.toml" in done.stderr and "[[fr]]" in done.stderr
    assert json.loads(done.stdout)[0]["id"] == "nid-de-poule-signalement"
