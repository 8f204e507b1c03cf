"""The check before Qt starts on X11: shared objects built here with gcc that need
libraries which no longer exist, loaded for real by the dynamic loader; and the real
xcb plugin of the venv, which must load on this machine."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.ui.preflight import advice, missing_libraries, xcb_expected

ROOT = Path(__file__).resolve().parents[1]
GHOST = "librelais-ghost.so.1"
GHOST2 = "librelais-ghost2.so.1"
MIDDLE = "librelais-middle.so.1"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's loader")


def gcc(folder: Path, name: str, code: str, *links: str, soname: bool = True) -> Path:
    source = folder / f"{name}.c"
    source.write_text(code, encoding="utf-8")
    target = folder / name
    flags = [f"-Wl,-soname,{name}"] if soname else []
    subprocess.run(
        [
            "gcc",
            "-shared",
            "-fPIC",
            *flags,
            "-o",
            str(target),
            str(source),
            *links,
            "-Wl,-rpath,$ORIGIN",
        ],
        check=True,
        capture_output=True,
    )
    return target


def plugin_needing_ghosts(folder: Path) -> Path:
    """folder/libqxcb.so needs GHOST (deleted) and MIDDLE (present, beside it), which needs
    GHOST2 (deleted): the loader can name only GHOST."""
    folder.mkdir(parents=True, exist_ok=True)
    ghost = gcc(folder, GHOST, "int relais_ghost(void) { return 1; }\n")
    ghost2 = gcc(folder, GHOST2, "int relais_ghost2(void) { return 2; }\n")
    middle = gcc(
        folder,
        MIDDLE,
        "extern int relais_ghost2(void);\nint relais_middle(void) { return relais_ghost2(); }\n",
        str(ghost2),
    )
    plugin = gcc(
        folder,
        "libqxcb.so",
        "extern int relais_ghost(void);\nextern int relais_middle(void);\n"
        "int plugin(void) { return relais_ghost() + relais_middle(); }\n",
        str(ghost),
        str(middle),
        soname=False,
    )
    ghost.unlink()
    ghost2.unlink()
    return plugin


def test_each_missing_library_is_named_not_those_that_only_need_one(tmp_path: Path) -> None:
    plugin = plugin_needing_ghosts(tmp_path)
    middle = str(tmp_path / MIDDLE)
    assert missing_libraries(plugin, known=[GHOST2, middle, "libc.so.6"]) == [GHOST, GHOST2]
    # A library that loads is not reported, nor is one that fails for another reason.
    assert missing_libraries(Path("libc.so.6"), known=[GHOST]) == []


def test_the_message_names_the_libraries_and_the_packages() -> None:
    assert advice([GHOST, "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]).splitlines() == [
        "relais : impossible d'ouvrir la fenêtre, il manque à Qt des bibliothèques du "
        f"système : {GHOST}, libxcb-icccm.so.4, libxcb-keysyms.so.1. Installez-les :",
        "relais: cannot open the window, Qt lacks system libraries: "
        f"{GHOST}, libxcb-icccm.so.4, libxcb-keysyms.so.1. Install them:",
        "    sudo apt-get install libxcb-icccm4 libxcb-keysyms1",
        f"    apt-file search {GHOST}    # le paquet qui la fournit / the package that ships it",
    ]


@pytest.mark.parametrize("command", [[], ["demo"]])
def test_relais_says_what_to_install_and_exits_2_instead_of_qt_aborting(
    tmp_path: Path, command: list[str]
) -> None:
    # A PySide6 whose xcb plugin needs a library that is gone, first on the path: what a
    # workstation without the package looks like to the loader.
    plugin_needing_ghosts(tmp_path / "site" / "PySide6" / "Qt" / "plugins" / "platforms")
    (tmp_path / "site" / "PySide6" / "__init__.py").write_text("", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "app", *command, "--data-dir", str(tmp_path / "data")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={
            **os.environ,
            "PYTHONPATH": str(tmp_path / "site"),
            "QT_QPA_PLATFORM": "xcb",
            "DISPLAY": ":0",
        },
    )
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert lines[0].startswith("relais : impossible d'ouvrir la fenêtre")
    assert lines[1].startswith(
        f"relais: cannot open the window, Qt lacks system libraries: {GHOST}"
    )
    assert f"apt-file search {GHOST}" in done.stderr
    assert "Traceback" not in done.stderr
    assert "central store" not in done.stderr  # the demo's store never started
    assert not (tmp_path / "data").exists()


def test_the_real_xcb_plugin_loads_on_this_machine() -> None:
    # In a process of its own: the suite's Qt runs offscreen and stays as it is.
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from app.ui.preflight import advice, missing_libraries, xcb_plugin\n"
            "plugin = xcb_plugin()\n"
            "assert plugin is not None, 'no libqxcb.so in PySide6'\n"
            "missing = missing_libraries(plugin)\n"
            "print(advice(missing) if missing else 'ok')\n",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "ok\n", done.stdout


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb:nograb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"XDG_SESSION_TYPE": "wayland"}, "linux", False),
        ({"XDG_SESSION_TYPE": "x11", "DISPLAY": ":0"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        # PyInstaller's folder points QT_PLUGIN_PATH at its own plugins.
        ({"QT_PLUGIN_PATH": "{plugins}"}, "linux", True),
        ({"QT_PLUGIN_PATH": "{other}"}, "linux", False),
        ({"QT_PLUGIN_PATH": "{tmp}/nowhere"}, "linux", True),
        ({"QT_QPA_PLATFORM_PLUGIN_PATH": "{other}/platforms"}, "linux", False),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_only_a_start_on_this_xcb_plugin_is_checked(
    tmp_path: Path, environ: dict[str, str], platform: str, expected: bool
) -> None:
    for name in ("plugins", "other"):
        (tmp_path / name / "platforms").mkdir(parents=True)
    plugin = tmp_path / "plugins" / "platforms" / "libqxcb.so"
    folders = {"plugins": tmp_path / "plugins", "other": tmp_path / "other", "tmp": tmp_path}
    environ = {key: value.format(**folders) for key, value in environ.items()}
    assert xcb_expected(environ, platform, plugin) is expected
