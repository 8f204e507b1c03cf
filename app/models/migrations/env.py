"""Alembic environment: migrations run on the connection the store hands over."""

from alembic import context
from sqlalchemy import Connection, create_engine

from app.models import Base
from app.models.search_index import include_in_autogenerate

config = context.config
connection = config.attributes.get("connection")


def _run(conn: Connection) -> None:
    context.configure(
        connection=conn,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_object=include_in_autogenerate,
    )
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:  # command-line use: `alembic -x url=sqlite:///path upgrade head`
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise SystemExit("Give the store: alembic -x url=sqlite:///path/to/relais.sqlite3 ...")
    with create_engine(url).begin() as conn:
        _run(conn)
