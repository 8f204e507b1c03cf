"""A damaged store, a full disk, a read-only folder: one clear line (what, where, what to
do), exit code 2 and never a traceback, from the command line and from the window.

The full disk and the read-only folder are real: a small tmpfs mounted in a mount
namespace of the test's own (`unshare`), so nothing outside the test sees it."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.test_cli import ROOT, relais

STORE = "relais.sqlite3"


def one_clear_line(done: subprocess.CompletedProcess[str], *words: str) -> str:
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def built_store(folder: Path) -> Path:
    """A real store holding the bundled knowledge base."""
    done = relais("--data-dir", str(folder), "kb", "search", "nid de poule", "--json")
    assert done.returncode == 0, done.stderr
    return folder / STORE


def pages(store: Path, sql: str) -> tuple[list[int], int]:
    with sqlite3.connect(store) as conn:
        roots = [int(row[0]) for row in conn.execute(sql)]
        size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    conn.close()
    return roots, size


def overwrite_pages(store: Path, numbers: list[int], page_size: int) -> None:
    with store.open("r+b") as raw:
        for number in numbers:
            raw.seek((number - 1) * page_size)
            raw.write(b"\x5a" * page_size)


def test_damaged_pages_are_one_line_and_the_next_console_start_sets_them_aside(
    tmp_path: Path,
) -> None:
    store = built_store(tmp_path)
    roots, size = pages(
        store, "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND rootpage > 1"
    )
    overwrite_pages(store, roots[len(roots) // 2 :], size)
    done = relais("--data-dir", str(tmp_path), "kb", "search", "nid de poule")
    one_clear_line(done, str(tmp_path), "damaged", "Start the console")


def test_an_empty_store_file_is_refused_not_replaced(tmp_path: Path) -> None:
    store = built_store(tmp_path)
    store.write_bytes(b"")
    done = relais("--data-dir", str(tmp_path), "kb", "search", "nid")
    one_clear_line(done, str(store), "is damaged (the file is empty)", "restore a backup")
    assert store.stat().st_size == 0  # left as it was, for the console to set aside


def test_the_self_check_runs_sqlites_integrity_check_and_names_the_fix(tmp_path: Path) -> None:
    store = built_store(tmp_path)
    # An index nothing at start reads: the store opens and searches, only the check sees it.
    roots, size = pages(
        store,
        "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'requests'",
    )
    overwrite_pages(store, roots[:1], size)
    done = relais("--self-check", "--data-dir", str(tmp_path))
    assert done.returncode == 1, done.stdout
    assert "Traceback" not in done.stderr
    assert "FAILED at store integrity" in done.stderr
    assert "SQLite's integrity check found" in done.stderr
    assert "Fix: Start the console (relais)" in done.stderr


# -- a real full disk and a real read-only folder --------------------------------------------
def _namespaces_work() -> str | None:
    unshare = shutil.which("unshare")
    if unshare is None:
        return "no unshare command (util-linux) on this machine"
    probe = subprocess.run(
        [unshare, "-rm", "true"], capture_output=True, text=True, timeout=30, check=False
    )
    if probe.returncode != 0:
        return f"mount namespaces are not allowed here: {probe.stderr.strip()}"
    return None


NO_NAMESPACES = _namespaces_work()
needs_mounts = pytest.mark.skipif(
    NO_NAMESPACES is not None and not os.environ.get("CI"), reason=str(NO_NAMESPACES)
)


def in_small_disk(mount: Path, script: str, size: str = "400k") -> subprocess.CompletedProcess[str]:
    """Run `script` (sh) with a tmpfs of `size` mounted on `mount`, in a namespace of its
    own; $RELAIS is the console's command."""
    mount.mkdir(parents=True, exist_ok=True)
    wrapped = f"mount -t tmpfs -o size={size} tmpfs {mount} && {script}"
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", wrapped],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "RELAIS": f"{sys.executable} -m app", "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


@needs_mounts
def test_a_full_disk_is_one_line_exit_2(tmp_path: Path) -> None:
    mount = tmp_path / "disk"
    done = in_small_disk(mount, f'$RELAIS --data-dir {mount}/data kb search "nid de poule"')
    one_clear_line(done, f"The disk holding {mount}/data is full", "Free some space")


@needs_mounts
def test_a_read_only_folder_is_one_line_exit_2(tmp_path: Path) -> None:
    mount = tmp_path / "disk"
    done = in_small_disk(
        mount,
        f"$RELAIS --data-dir {mount}/data kb search nid >/dev/null && "
        f"mount -o remount,ro {mount} && $RELAIS --data-dir {mount}/data kb search nid",
        size="8m",
    )
    one_clear_line(done, f"Relais cannot write in {mount}/data", "write access")


WINDOW = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui import main

    app = QApplication(sys.argv)  # run_gui takes this one; the timers need it first
    shown = []

    def look() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == "storeErrorBox"]
        if windows:
            shown.append(windows[0].text())
            QApplication.quit()
        else:
            QTimer.singleShot(100, look)

    QTimer.singleShot(100, look)
    QTimer.singleShot(60_000, QApplication.quit)  # never shown: the assertions say so
    code = main.run_gui(Path(sys.argv[1]))
    print(shown[0] if shown else "no message")
    sys.exit(code)
    """
)


@needs_mounts
def test_the_window_says_the_disk_is_full_and_ends_with_exit_2(tmp_path: Path) -> None:
    mount = tmp_path / "disk"
    script = tmp_path / "window.py"
    script.write_text(WINDOW, "utf-8")
    done = in_small_disk(mount, f"{sys.executable} {script} {mount}/data")
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert "Le stockage local ne peut pas être ouvert" in done.stdout
    assert f"le disque de {mount}/data est plein" in done.stdout


@needs_mounts
def test_a_damaged_store_in_a_read_only_folder_says_both(tmp_path: Path) -> None:
    """The console cannot set the file aside: it says the folder is read-only (the fix
    that comes first), never a raw OSError."""
    mount = tmp_path / "disk"
    probe = tmp_path / "probe.py"
    probe.write_text(
        textwrap.dedent(
            """
            import sys
            from pathlib import Path
            from app.services.workspace import KnownStoreError, open_workspace
            try:
                open_workspace(Path(sys.argv[1]), load_bundled=False, recover=True)
            except KnownStoreError as exc:
                print(exc.kind)
            """
        ),
        "utf-8",
    )
    done = in_small_disk(
        mount,
        f"mkdir {mount}/data && : > {mount}/data/{STORE} && mount -o remount,ro {mount} && "
        f"{sys.executable} {probe} {mount}/data",
        size="1m",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "read_only", (done.stdout, done.stderr)
