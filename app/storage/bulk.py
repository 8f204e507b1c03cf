"""Many rows into one table straight through the driver: the values are turned into what
the column types store (the very bind processors SQLAlchemy applies; a moment that
repeats is converted once) and handed to the driver's executemany as tuples, without the
per-row work of a Core insert (by cProfile, the larger part of applying a page of new
records that way). SQLite's placeholders: for the local store."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Column, Connection, DateTime, Table

Processor = Callable[[Any], Any]


def _default(column: Column[Any]) -> Any:
    """The Python-side default a Core insert fills an omitted column with."""
    default: Any = column.default
    if default is None or not (default.is_scalar or default.is_callable):
        return None
    return default.arg(None) if default.is_callable else default.arg


# One memo per type and dialect for the whole process: a case's moments recur in its
# columns and in its timeline's lines (another table), and from one page to the next.
_MOMENTS: dict[tuple[type[Any], str], Processor] = {}
_EMPTY_JSON = json.dumps({})


def _processor(column: Column[Any], connection: Connection) -> Processor | None:
    dialect = connection.dialect
    process: Processor | None = column.type._cached_bind_processor(dialect)
    if process is None:
        return None
    kind = type(column.type)
    if isinstance(column.type, DateTime) or isinstance(
        getattr(column.type, "impl", None), DateTime
    ):
        # Datetimes are hashable and immutable: each distinct moment is converted once.
        key = (kind, dialect.name)
        if key not in _MOMENTS:
            _MOMENTS[key] = lru_cache(maxsize=16384)(process)
        return _MOMENTS[key]
    if isinstance(column.type, JSON):
        json_process = process
        # Most timelines' lines carry no data: their text is known.
        return lambda value: _EMPTY_JSON if value == {} else json_process(value)
    return process


def insert_rows(
    connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]], slice_size: int
) -> None:
    """Insert `rows` (dicts with the same keys) into `table`, `slice_size` rows per
    executemany. A column the rows omit gets its Python default, as a Core insert gives
    it; one with none (an autoincrement key) is left to the database."""
    if not rows:
        return
    if connection.dialect.name != "sqlite":
        raise ValueError(f"bulk inserts are written for SQLite, not {connection.dialect.name}")
    given = [c for c in table.columns if c.name in rows[0]]
    filled = {
        c.name: _default(c)
        for c in table.columns
        if c.name not in rows[0] and c.default is not None
    }
    names = [c.name for c in given]
    processors = [_processor(c, connection) for c in given]
    fills = tuple(
        value if process is None else process(value)
        for value, process in (
            (value, _processor(table.columns[name], connection)) for name, value in filled.items()
        )
    )
    columns = ", ".join([*names, *filled])
    marks = ", ".join("?" for _ in range(len(names) + len(filled)))
    sql = f"INSERT INTO {table.name} ({columns}) VALUES ({marks})"
    pick = itemgetter(*names)
    converted = [(i, process) for i, process in enumerate(processors) if process is not None]
    for start in range(0, len(rows), slice_size):
        batch: list[tuple[Any, ...]] = []
        for row in rows[start : start + slice_size]:
            values = list(pick(row)) if len(names) > 1 else [pick(row)]
            for i, process in converted:
                values[i] = process(values[i])
            values.extend(fills)
            batch.append(tuple(values))
        connection.exec_driver_sql(sql, batch)
