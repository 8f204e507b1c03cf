"""What both stores are built on, the console's local store (app.models) and the central
store (app.server): SQLite engines set up alike, Alembic migrations run on open with a
newer schema refused, database failures sorted into known ones and bugs, and the column
types and naming convention both schemas use.

Infrastructure only: no domain rule, no Qt, nothing of the project but itself.
"""
