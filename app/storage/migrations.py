"""Alembic as both stores run it: on open, on the store's own connection, to head; a
schema newer than the code knows is refused and left untouched."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, MetaData, create_engine


class SchemaTooNewError(Exception):
    """The database is at a revision these migrations do not know: a newer version wrote
    it. Each store says so in its own words."""

    def __init__(self, revision: str) -> None:
        self.revision = revision
        super().__init__(f"schema {revision} is newer than this version knows")


def alembic_config(script_location: Path) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location))
    return cfg


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head(script_location: Path) -> str | None:
    return ScriptDirectory.from_config(alembic_config(script_location)).get_current_head()


def refuse_unknown(script_location: Path, revision: str | None) -> None:
    """Raise SchemaTooNewError when `revision` is not one of these migrations'."""
    if revision is None:
        return
    script = ScriptDirectory.from_config(alembic_config(script_location))
    try:
        known = script.get_revision(revision)
    except CommandError:
        known = None
    if known is None:
        raise SchemaTooNewError(revision)


def upgrade(engine: Engine, script_location: Path, revision: str = "head") -> None:
    """Run the migrations up to `revision` in one transaction on `engine` (the env.py
    takes the connection handed over: see `run_env`)."""
    cfg = alembic_config(script_location)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def run_env(context: Any, metadata: MetaData, usage: str, **options: Any) -> None:
    """The body of a migrations env.py (`context`: alembic.context, the module standing
    for the running EnvironmentContext): on the connection the store handed over, else on
    the URL given on the command line (`alembic -x url=... upgrade head`; else `usage`)."""
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(context, connection, metadata, options)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or context.config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise SystemExit(usage)
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            _run(context, conn, metadata, options)
    finally:
        engine.dispose()


def _run(context: Any, conn: Connection, metadata: MetaData, options: dict[str, Any]) -> None:
    context.configure(connection=conn, target_metadata=metadata, render_as_batch=True, **options)
    with context.begin_transaction():
        context.run_migrations()
