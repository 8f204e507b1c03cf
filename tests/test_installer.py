"""The workstation build: installer/build.sh makes the one-folder console, and that console
passes its self-check on a machine that has nothing of the project (no source tree on the
path, no settings, no data)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_selfcheck import SUMMARY

ROOT = Path(__file__).resolve().parents[1]
# Measured at 162 MB (422 files; `du -sh` 156M) with requirements.lock's versions (PySide6
# 6.11.3) on Debian 12: a Qt module, a plugin or a test tool pulled in by mistake shows here.
MAX_SIZE_MB = 175


def folder_size_mb(folder: Path) -> float:
    """Each file once: PyInstaller links Qt's libraries at the top of the folder too."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 1e6


@pytest.mark.slow
def test_built_console_passes_its_self_check_on_a_clean_machine(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build = subprocess.run(
        ["bash", str(ROOT / "installer" / "build.sh"), str(dist)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        # The interpreter running the tests is the project's venv: build with it.
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path / "build-home"),
            "VENV": sys.prefix,
            "BUILD_DIR": str(tmp_path / "work"),
        },
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    console = dist / "relais" / "relais"
    assert console.is_file()
    bundled = dist / "relais" / "_internal"
    assert sorted(p.name for p in bundled.glob("resources/i18n/*")) == [
        "relais_en.qm",
        "relais_fr.qm",
    ]
    assert not list(bundled.rglob("*.ts"))
    # The windows it opens: X11, Wayland, and offscreen for the self-check; no others.
    platforms = sorted(p.name for p in bundled.glob("PySide6/Qt/plugins/platforms/*"))
    assert platforms == ["libqoffscreen.so", "libqwayland.so", "libqxcb.so"]
    assert folder_size_mb(dist / "relais") < MAX_SIZE_MB

    home = tmp_path / "home"
    home.mkdir()
    done = subprocess.run(
        [str(console), "--self-check", "--data-dir", str(tmp_path / "clean-data")],
        cwd=home,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"},
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1
    assert SUMMARY.match(lines[0]), lines[0]
    assert (tmp_path / "clean-data" / "relais.sqlite3").is_file()
    assert not list(home.iterdir())  # nothing written to the user's folders
