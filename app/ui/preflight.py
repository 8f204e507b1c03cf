"""Before Qt starts on an X11 desktop: can its window plugin (xcb) load? When a system
library of the plugin is missing, Qt aborts inside QApplication's constructor with "could
not load the Qt platform plugin xcb ... reinstalling may fix", which sends the agent the
wrong way; this names the missing libraries and the Debian/Ubuntu packages to install.

No Qt import here: the plugin is loaded with ctypes as Qt would load it (Qt then finds it
already loaded, so on a working desktop the check costs nothing Qt would not spend)."""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

# The system libraries Qt's xcb plugin needs (ldd of libqxcb.so and libQt6XcbQpa.so.6,
# PySide6 6.11, down to X11's and OpenGL's own; not the base system's), each with the
# Debian/Ubuntu package that ships it (dpkg -S). The first eight are those a fresh Debian
# 12 desktop lacks (apt-get's own choice from nothing: Xfce lacks the first five, X.Org
# with GTK 3 all eight), the README's list.
PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}

# glibc's dlerror() for a library that is not found: "libxcb-icccm.so.4: cannot open
# shared object file: No such file or directory".
_NOT_FOUND = re.compile(r"^(?P<name>[^:\s]+): cannot open shared object file")


def xcb_expected(environ: Mapping[str, str], platform: str, plugin: Path) -> bool:
    """Whether Qt will start on xcb, with `plugin`, and nothing to fall back on: Linux,
    QT_QPA_PLATFORM unset or xcb, not a Wayland session (Qt tries Wayland first there,
    then xcb), and no plugin folder but the plugin's own (PyInstaller's folder sets
    QT_PLUGIN_PATH to it; another one could hold another xcb plugin)."""
    if not platform.startswith("linux"):
        return False
    folders = [
        *(Path(p) / "platforms" for p in environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p),
        *(Path(p) for p in environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(os.pathsep) if p),
    ]
    if any(not os.path.samefile(folder, plugin.parent) for folder in folders if folder.is_dir()):
        return False
    requested = environ.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        # "xcb" or "xcb:arguments"; a list ("xcb;wayland") has a fallback.
        return requested.split(":")[0].lower() == "xcb"
    return not (environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE") == "wayland")


def xcb_plugin() -> Path | None:
    """PySide6's own libqxcb.so (in a PyInstaller folder too), found without importing Qt;
    None for another layout (a distribution's PySide6 uses the system's Qt)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = Path(next(iter(spec.submodule_search_locations)))
    plugin = plugin / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.is_file() else None


def _not_found(library: str) -> str | None:
    """The library the dynamic loader could not find while loading `library`, or None when
    it loads (or fails for another reason, which is not ours to report)."""
    try:
        ctypes.CDLL(library)
    except OSError as exc:
        # In PyInstaller's folder ctypes.CDLL raises its own error: the loader's is its cause.
        for error in (exc, exc.__cause__):
            if match := _NOT_FOUND.match(str(error)):
                return match["name"]
    return None


def missing_libraries(library: Path, known: Iterable[str] = PACKAGES) -> list[str]:
    """The shared libraries `library` needs and the system lacks: [] when it loads. The
    loader names only the first one it misses, so on failure each of `known` is tried too
    (a library is missing itself only when the loader names it, not one of its own)."""
    first = _not_found(str(library))
    if first is None:
        return []
    missing = [first]
    for name in known:
        if name != first and _not_found(name) == name:
            missing.append(name)
    return missing


def advice(missing: Iterable[str], packages: Mapping[str, str] = PACKAGES) -> str:
    """The message for the terminal: French, then English, then the command to run."""
    names = list(missing)
    listed = ", ".join(names)
    wanted = sorted({packages[name] for name in names if name in packages})
    unknown = [name for name in names if name not in packages]
    lines = [
        f"relais : impossible d'ouvrir la fenêtre, il manque à Qt des bibliothèques du "
        f"système : {listed}. Installez-les :",
        f"relais: cannot open the window, Qt lacks system libraries: {listed}. Install them:",
    ]
    if wanted:
        lines.append(f"    sudo apt-get install {' '.join(wanted)}")
    lines += [
        f"    apt-file search {name}    # le paquet qui la fournit / the package that ships it"
        for name in unknown
    ]
    return "\n".join(lines)


def missing_packages() -> list[str]:
    """The packages to install for this machine's xcb plugin to load ([] when it does)."""
    plugin = xcb_plugin()
    missing = missing_libraries(plugin) if plugin is not None else []
    return sorted({PACKAGES[name] for name in missing if name in PACKAGES})


def window_problem() -> str | None:
    """What to tell the agent when the window cannot open here, before Qt aborts; None
    when it can (or when Qt will not use xcb)."""
    plugin = xcb_plugin()
    if plugin is None or not xcb_expected(os.environ, sys.platform, plugin):
        return None
    missing = missing_libraries(plugin)
    return advice(missing) if missing else None
