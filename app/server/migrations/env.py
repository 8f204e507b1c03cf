"""Alembic environment of the central store: migrations run on the connection handed over."""

from alembic import context

from app.server.models import ServerBase
from app.storage.migrations import run_env

# Command line: alembic -c ... -x url=postgresql+psycopg://... upgrade head
run_env(context, ServerBase.metadata, "Give the database: -x url=postgresql+psycopg://user@host/db")
