"""Alembic environment of the central store: migrations run on the connection handed over."""

from alembic import context
from sqlalchemy import Connection, create_engine

from app.server.models import ServerBase

config = context.config
connection = config.attributes.get("connection")


def _run(conn: Connection) -> None:
    context.configure(connection=conn, target_metadata=ServerBase.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:  # command line: alembic -c ... -x url=postgresql+psycopg://... upgrade head
    url = context.get_x_argument(as_dictionary=True).get("url")
    if not url:
        raise SystemExit("Give the database: -x url=postgresql+psycopg://user@host/db")
    with create_engine(url).begin() as conn:
        _run(conn)
