"""A page of the change feed decoded one change at a time.

json.loads holds the interpreter's lock for the whole text: a page of a thousand records
(a megabyte or two) then stops every other thread, the console's UI among them, for tens
of milliseconds. Decoding each change with its own raw_decode call is as fast (the same C
decoder) and lets the other threads in between two changes."""

from __future__ import annotations

import json
import re
from typing import Any

_DECODER = json.JSONDecoder()
_HEAD = re.compile(r'\s*\{\s*"changes"\s*:\s*\[\s*')
_SPACE = re.compile(r"\s*")


def _items(text: str, at: int) -> tuple[list[Any], int]:
    """The array's items from `at` (just past its "["), and the index past its "]"."""
    items: list[Any] = []
    if text.startswith("]", at):
        return items, at + 1
    while True:
        item, at = _DECODER.raw_decode(text, at)
        items.append(item)
        at = _SPACE.match(text, at).end()  # type: ignore[union-attr]
        if text.startswith(",", at):
            at = _SPACE.match(text, at + 1).end()  # type: ignore[union-attr]
            continue
        if text.startswith("]", at):
            return items, at + 1
        raise ValueError(f"a page of changes cut or garbled at character {at}")


def loads_page(text: str) -> Any:
    """The page's JSON, as json.loads would give it; a text that does not open with the
    list of changes (another server, an error body) is left to json.loads."""
    head = _HEAD.match(text)
    if head is None:
        return json.loads(text)
    changes, at = _items(text, head.end())
    rest = _SPACE.match(text, at).end()  # type: ignore[union-attr]
    if text.startswith("}", rest):
        return {"changes": changes}
    if not text.startswith(",", rest):
        raise ValueError(f"a page of changes cut or garbled at character {rest}")
    tail = json.loads("{" + text[rest + 1 :])
    if not isinstance(tail, dict):
        raise ValueError("a page of changes garbled after its changes")
    return {"changes": changes, **tail}
