"""Property-based fuzzing of the whole API from its OpenAPI description (schemathesis):
valid and invalid inputs, boundary values, undeclared methods, anonymous (no token or a
made-up one), as an agent and as an administrator. Every answer is checked against the
description with all of schemathesis's checks: no server error, documented status codes,
content types, bodies and headers, invalid data refused, valid data accepted, and
authentication enforced where it is declared."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from sqlalchemy import delete, select

from app.server.app import create_app
from app.server.auth import TOKEN_LIFETIME, digest
from app.server.models import Account, AuthToken
from tests.server.conftest import ROLES, Server

EXAMPLES = 25
# Tokens known before the app exists: schemathesis puts them in its cases when it builds
# them, and leaves them out of the cases meant to go without credentials.
SECRETS = {"alice": "fuzz-token-of-alice-the-agent", "admin": "fuzz-token-of-the-admin"}

# Valid data the schema cannot tell from invalid, so a refusal is right: no JSON schema says
# that `from` comes before `to`, nor what a catalogue's services must name in its routing.
REFUSED_THOUGH_VALID = (
    # At most MAX_DAYS between from and to, from on or before to.
    "GET /api/v1/indicators",
    # Groups, units and time zones that exist, office hours in order (catalogue_from_dict).
    "PUT /api/v1/catalogue",
    # end_date on or after start_date, years 1970-2099, at most 1000 ids.
    "GET /open311/v2/requests.{fmt}",
)


def _schema(caller: str | None) -> Any:
    config: dict[str, Any] = {
        "operations": [
            {"include-name": label, "checks": {"positive_data_acceptance": {"enabled": False}}}
            for label in REFUSED_THOUGH_VALID
        ]
    }
    if caller is not None:
        config["auth"] = {"openapi": {"HTTPBearer": {"bearer": SECRETS[caller]}}}
    # The OpenAPI description needs no database: each test sends the cases to its own app.
    app = create_app(None)  # type: ignore[arg-type]
    return schemathesis.openapi.from_asgi(
        "/openapi.json", app, config=schemathesis.Config.from_dict(config)
    )


def _known_tokens(server: Server) -> None:
    """Each fuzzing caller's token under its known secret, live (again, if it was revoked),
    and no account but the fixture's (the workflows create some)."""
    with server.db.work("installer") as work:
        session = work.session
        others = select(Account.id).where(Account.username.not_in(ROLES))
        session.execute(delete(AuthToken).where(AuthToken.account_id.in_(others)))
        session.execute(delete(Account).where(Account.username.not_in(ROLES)))
        session.execute(
            delete(AuthToken).where(AuthToken.token_hash.in_(map(digest, SECRETS.values())))
        )
        for username, secret in SECRETS.items():
            account = session.scalar(select(Account).where(Account.username == username))
            assert account is not None
            session.add(
                AuthToken(
                    token_hash=digest(secret),
                    account_id=account.id,
                    station=server.agents[username].station,
                    created_at=work.now,
                    expires_at=work.now + TOKEN_LIFETIME + timedelta(hours=1),
                    revoked_at=None,
                )
            )


@pytest.fixture
def fuzzed(server: Server) -> Iterator[Server]:
    _known_tokens(server)
    yield server


def _public(schema: Any) -> list[str]:
    """The operations that take no token: a token makes no difference to them."""
    paths = schema.raw_schema["paths"]
    return [
        f"{method.upper()} {path}"
        for path, methods in paths.items()
        for method, operation in methods.items()
        if not operation.get("security")
    ]


ANONYMOUS = _schema(None)
PUBLIC = _public(ANONYMOUS)


@schemathesis.pytest.parametrize(
    anonymous=ANONYMOUS,
    agent=_schema("alice").exclude(name=PUBLIC),
    admin=_schema("admin").exclude(name=PUBLIC),
)
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_answer_matches_the_description(case: schemathesis.Case, fuzzed: Server) -> None:
    case.call_and_validate(app=fuzzed.client.app)


def test_workflows_keep_to_the_description(fuzzed: Server) -> None:
    """Calls chained by the links schemathesis infers (an account created, then its tokens
    revoked), as the administrator: the stateful checks (a resource still answering once
    deleted, or missing once created) run on top of all the others."""
    workflow = _schema("admin").as_state_machine()

    class AgainstThisServer(workflow):  # type: ignore[misc, valid-type]
        def setup(self) -> None:
            # Each scenario starts from the same state, as Hypothesis replays them.
            _known_tokens(fuzzed)

        def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
            return {"app": fuzzed.client.app}

    AgainstThisServer.run(
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=6,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
    )
