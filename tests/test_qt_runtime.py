"""The Qt binding the console runs on must not corrupt Python's own objects: PySide6
6.12.0 leaked a reference to True on every Signal.emit, and the console, which emits one
per background result, aborted after a few thousand."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(object)


def test_emitting_signals_leaves_true_alone(qapp: object) -> None:
    emitter = _Emitter()
    emitter.fired.connect(lambda _value: None)
    before = sys.getrefcount(True)
    for _ in range(200):  # few enough not to bring a leaking binding down with the test
        emitter.fired.emit(1)
    assert sys.getrefcount(True) - before < 50
