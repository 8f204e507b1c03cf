"""Alembic environment: migrations run on the connection the store hands over."""

from alembic import context

from app.models import Base
from app.models.search_index import include_in_autogenerate
from app.storage.migrations import run_env

run_env(
    context,
    Base.metadata,
    "Give the store: alembic -x url=sqlite:///path/to/relais.sqlite3 ...",
    include_object=include_in_autogenerate,
)
