"""The console's sync API under /api/v1 (JSON, bearer tokens)."""

from __future__ import annotations

import hmac
import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Path, Query, Request, Response
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import AfterValidator, BaseModel, BeforeValidator, Field, StrictBool
from sqlalchemy import select

from app.domain.case_numbers import WORKSTATION_STATIONS
from app.domain.catalogue import CatalogueError, catalogue_from_dict
from app.domain.validation import UNSTORABLE_MESSAGE, storable, unstorable_path
from app.server import auth, feed, indicators, numbering, request_ops
from app.server.catalogue_store import CatalogueCache, store_catalogue
from app.server.db import Database, Work, utcnow
from app.server.models import Account, Station
from app.server.openapi import API_COMMON, NO_NUL, Problem, api_errors, or_empty
from app.server.problems import Refused
from app.server.push import MAX_BATCH, OP_TYPES, Op, push

router = APIRouter(prefix="/api/v1", responses=api_errors(*API_COMMON))


class ApiError(Exception):
    """An answer other than 2xx, with the field at fault."""

    def __init__(self, status: int, field: str, message: str) -> None:
        self.status = status
        self.problems = [{"field": field, "message": message}]
        super().__init__(f"{field}: {message}")


def database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def catalogue_cache(request: Request) -> CatalogueCache:
    cache: CatalogueCache = request.app.state.catalogue
    return cache


Db = Annotated[Database, Depends(database)]


# Declared as the routes' security scheme; a missing or malformed header is answered here.
_BEARER = HTTPBearer(auto_error=False, description="a token from POST /api/v1/auth/token")


def bearer(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)],
) -> str:
    secret = credentials.credentials.strip() if credentials else ""
    if not secret:
        raise ApiError(401, "Authorization", "send 'Authorization: Bearer <token>' (log in first)")
    return secret


def principal(db: Db, secret: Annotated[str, Depends(bearer)]) -> auth.Principal:
    with db.read() as session:
        try:
            return auth.principal_for(session, secret, utcnow())
        except auth.AuthError as exc:
            raise ApiError(401, "Authorization", str(exc)) from exc


Who = Annotated[auth.Principal, Depends(principal)]


def _require(who: auth.Principal, role: str, what: str) -> None:
    if not who.at_least(role):
        raise ApiError(403, "role", f"only a {role} can {what}")


def _storable(value: str) -> str:
    if not storable(value):
        raise ValueError(UNSTORABLE_MESSAGE)
    return value


# Text a column can hold (see validation.storable); the schema shows the NUL part of it.
Text = Annotated[str, AfterValidator(_storable), Field(json_schema_extra={"pattern": NO_NUL})]


def _whole_number(value: Any) -> Any:
    # JSON's integers (3, or 3.0), not true nor "3", which pydantic's lax mode would take.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("expected a whole number")
    return value


WholeNumber = Annotated[int, BeforeValidator(_whole_number)]
# The bounds before the validator, or the description shows them as "ge" and "le".
StationCode = Annotated[int, Field(ge=1, le=899), BeforeValidator(_whole_number)]

# A path segment: the input guard refuses a NUL in it before any route runs.
PathText = Annotated[str, Path(json_schema_extra={"pattern": NO_NUL})]
DATE = or_empty({"format": "date"})  # indicators.parse_period reads it; empty is the default


class TokenIn(BaseModel):
    username: Text = Field(min_length=1, max_length=64)
    password: Text = Field(min_length=1, max_length=256)
    station: StationCode | None = Field(None, description="workstation's station code")
    workstation_id: Text | None = Field(None, min_length=8, max_length=64)
    workstation_secret: Text | None = Field(
        None,
        min_length=32,
        max_length=128,
        description="the secret the workstation made and keeps; binds the station to it",
    )


class TokenOut(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_at: str
    username: str
    role: str
    station: int | None
    sequences: dict[str, int] = Field(
        default_factory=dict,
        description="the station's highest case-number sequence received, per year: the "
        "workstation numbers above it",
    )


def _bind_station(work: Work, body: TokenIn, username: str) -> None:
    """The station code is this workstation's: registered now, or bound to it already by
    its secret. A station registered before secrets existed is bound to the secret of
    the workstation it was registered to, at that workstation's next login."""
    assert body.station is not None
    if body.station not in WORKSTATION_STATIONS:
        raise ApiError(422, "station", "a workstation station is between 001 and 899")
    if not body.workstation_id:
        raise ApiError(422, "workstation_id", "required with a station code")
    if not body.workstation_secret:
        raise ApiError(422, "workstation_secret", "required with a station code")
    proof = auth.digest(body.workstation_secret)
    station = work.session.get(Station, body.station, with_for_update=True)
    if station is None:
        work.session.add(
            Station(
                code=body.station,
                workstation_id=body.workstation_id,
                secret_hash=proof,
                registered_by=username,
                registered_at=work.now,
            )
        )
        return
    if station.secret_hash is None and station.workstation_id == body.workstation_id:
        station.secret_hash = proof
        return
    if station.secret_hash is None or not hmac.compare_digest(station.secret_hash, proof):
        raise ApiError(
            409,
            "station",
            f"station {body.station:03d} belongs to another workstation: choose another "
            "station code in the settings, or ask an administrator to release it",
        )


@router.post(
    "/auth/token",
    response_model=TokenOut,
    tags=["auth"],
    responses=api_errors(
        401,
        409,
        422,
        notes={
            401: "Unknown username or wrong password",
            409: "The station code belongs to another workstation: choose another",
        },
    ),
)
def login(body: TokenIn, db: Db) -> TokenOut:
    # The slow password check runs outside the write transaction (SQLite has one writer).
    with db.read() as session:
        try:
            account = auth.authenticate(session, body.username, body.password)
        except auth.AuthError as exc:
            raise ApiError(401, "password", str(exc)) from exc
    with db.work(body.username) as work:
        if body.station is not None:
            _bind_station(work, body, account.username)
        secret, row = auth.issue_token(work.session, account, body.station, work.now)
        return TokenOut(
            access_token=secret,
            expires_at=row.expires_at.isoformat(),
            username=account.username,
            role=account.role,
            station=body.station,
            sequences=numbering.station_marks(work.session, body.station),
        )


@router.post("/auth/revoke", status_code=204, tags=["auth"], responses=api_errors(401))
def logout(db: Db, who: Who, secret: Annotated[str, Depends(bearer)]) -> Response:
    with db.work(who.username) as work:
        auth.revoke_token(work.session, secret, work.now)
    return Response(status_code=204)


class MeOut(BaseModel):
    username: str
    role: Literal["agent", "supervisor", "admin"]
    station: int | None
    sequences: dict[str, int] = Field(
        default_factory=dict,
        description="the station's highest case-number sequence received, per year",
    )


@router.get("/me", response_model=MeOut, tags=["auth"], responses=api_errors(401))
def me(who: Who, db: Db) -> MeOut:
    with db.read() as session:
        marks = numbering.station_marks(session, who.station)
    return MeOut.model_validate(
        {"username": who.username, "role": who.role, "station": who.station, "sequences": marks}
    )


class OpIn(BaseModel):
    op_id: uuid.UUID
    type: Literal[OP_TYPES]  # type: ignore[valid-type]
    target: str = Field(
        min_length=1, max_length=80, description="case number, citizen or article id"
    )
    base_revision: WholeNumber = Field(0, ge=0, le=2**31 - 1)
    data: dict[str, Any] = Field(default_factory=dict)


class PushIn(BaseModel):
    ops: list[OpIn] = Field(min_length=1, max_length=MAX_BATCH)
    # Strict: 0, "no" or "false" are not booleans (the schema says boolean, and a client
    # that sends them has a bug worth a 422).
    records: StrictBool = Field(
        True,
        description="false: an applied op is answered with its status and revision only, "
        "without its record (the change feed brings the records); a conflict still has it",
    )


class OpResult(BaseModel):
    """One op's answer; a replay is its first answer, with `replayed`."""

    op_id: str
    status: Literal["applied", "rejected", "conflict", "forbidden", "not_found"]
    type: str | None = None
    target: str | None = None
    revision: int | None = Field(None, description="the record's revision, when applied")
    record: dict[str, Any] | None = Field(
        None, description="the record as applied, or the server's one on a conflict"
    )
    fields: list[str] | None = Field(None, description="the fields in conflict")
    problems: list[Problem] | None = Field(None, description="why it was refused")
    replayed: bool | None = Field(None, description="true when this op_id was applied before")


class PushOut(BaseModel):
    results: list[OpResult] = Field(description="one per op, in the batch's order")


@router.post("/sync/push", response_model=PushOut, tags=["sync"], responses=api_errors(401, 422))
def sync_push(body: PushIn, db: Db, who: Who, request: Request) -> JSONResponse:
    ops = [Op(str(o.op_id), o.type, o.target, o.base_revision, o.data) for o in body.ops]
    # JSONResponse as it is: results are plain JSON already, no need for FastAPI's encoder.
    results = push(db, catalogue_cache(request), who, ops, records=body.records)
    return JSONResponse({"results": results})


class ChangeOut(BaseModel):
    seq: int
    entity: str = Field(description="request, citizen, article, service or routing")
    id: str
    revision: int
    committed_at: str | None
    data: dict[str, Any] = Field(description="the record as of this revision")


class StationOut(BaseModel):
    code: int = Field(description="the caller's station code")
    sequences: dict[str, int] = Field(
        description="its highest case-number sequence received, per year: the workstation "
        "numbers above it"
    )


class ChangesOut(BaseModel):
    changes: list[ChangeOut]
    cursor: str = Field(description="give it as `since` for the next page")
    has_more: bool
    head: int = Field(description="the feed's last sequence number")
    remaining: int = Field(0, description="the changes after this page, for progress")
    station: StationOut | None = Field(
        None, description="for a token with a station: where its numbering stands"
    )


@router.get(
    "/sync/changes",
    response_model=ChangesOut,
    tags=["sync"],
    responses=api_errors(
        401,
        409,
        422,
        notes={
            409: "The cursor is not from this server's history (another database, or one "
            "restored from a backup): sync again from the start, without since"
        },
    ),
)
def sync_changes(
    db: Db,
    who: Who,
    since: Annotated[
        str | None,
        Query(
            max_length=64,
            json_schema_extra={"pattern": feed.CURSOR_PATTERN},  # feed.parse_cursor checks it
            description="the cursor of the last page read; none to start from the beginning",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=feed.MAX_LIMIT)] = feed.DEFAULT_LIMIT,
) -> Response:
    station = None
    if who.station is not None:
        with db.read() as session:
            station = {
                "code": who.station,
                "sequences": numbering.station_marks(session, who.station),
            }
    return Response(feed.changes_json(db, since, limit, station), media_type="application/json")


@router.get("/requests/{case_number}", tags=["requests"], responses=api_errors(401, 404))
def get_request(case_number: PathText, db: Db, who: Who) -> dict[str, Any]:
    with db.read() as session:
        return request_ops.record_of(session, request_ops.get_by_case(session, case_number))


@router.get("/indicators", tags=["supervisor"], responses=api_errors(401, 403, 422))
def get_indicators(
    db: Db,
    who: Who,
    first: Annotated[
        str | None, Query(alias="from", description="YYYY-MM-DD, Montréal", json_schema_extra=DATE)
    ] = None,
    last: Annotated[
        str | None, Query(alias="to", description="YYYY-MM-DD, inclusive", json_schema_extra=DATE)
    ] = None,
    overdue_limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> JSONResponse:
    _require(who, "supervisor", "read the indicators")
    now = utcnow()
    start, end = indicators.parse_period(first, last, now)
    with db.read() as session:
        return JSONResponse(indicators.report(session, start, end, now, overdue_limit))


class AccountIn(BaseModel):
    # The pattern documents what auth.check_new_account checks (with a clearer message).
    username: Text = Field(
        min_length=3, max_length=64, json_schema_extra={"pattern": auth.USERNAME_PATTERN}
    )
    password: Text = Field(min_length=auth.MIN_PASSWORD, max_length=256)
    role: Literal["agent", "supervisor", "admin"]


class AccountOut(BaseModel):
    username: str
    role: Literal["agent", "supervisor", "admin"]


@router.post(
    "/accounts",
    status_code=201,
    response_model=AccountOut,
    tags=["admin"],
    responses=api_errors(401, 403, 409, 422, notes={409: "The username already exists"}),
)
def create_account(body: AccountIn, db: Db, who: Who) -> dict[str, Any]:
    _require(who, "admin", "create accounts")
    with db.work(who.username) as work:
        problems = auth.check_new_account(body.username, body.password, body.role)
        if problems:
            raise ApiError(422, *problems[0])
        try:
            account = auth.create_account(
                work.session, body.username, body.password, body.role, who.username, work.now
            )
        except ValueError as exc:
            raise ApiError(409, "username", str(exc)) from exc
        return {"username": account.username, "role": account.role}


class RevokedOut(BaseModel):
    revoked: int = Field(description="how many live tokens were revoked")


@router.delete(
    "/accounts/{username}/tokens",
    response_model=RevokedOut,
    tags=["admin"],
    responses=api_errors(401, 403, 404, notes={404: "No such account"}),
)
def revoke_account_tokens(username: PathText, db: Db, who: Who) -> dict[str, Any]:
    if username != who.username:
        _require(who, "admin", "revoke another account's tokens")
    with db.work(who.username) as work:
        account = work.session.scalar(select(Account).where(Account.username == username))
        if account is None:
            raise ApiError(404, "username", f"no account {username}")
        return {"revoked": auth.revoke_all(work.session, account.id, work.now)}


class ApiKeyIn(BaseModel):
    name: Text = Field(min_length=1, max_length=100)


class ApiKeyOut(BaseModel):
    name: str
    api_key: str = Field(description="shown once: the server keeps only its hash")


@router.post(
    "/api-keys",
    status_code=201,
    response_model=ApiKeyOut,
    tags=["admin"],
    responses=api_errors(401, 403, 422),
)
def create_api_key(body: ApiKeyIn, db: Db, who: Who) -> dict[str, str]:
    _require(who, "admin", "create GeoReport API keys")
    with db.work(who.username) as work:
        return {
            "name": body.name,
            "api_key": auth.create_api_key(work.session, body.name, who.username, work.now),
        }


class CatalogueOut(BaseModel):
    report: str = Field(description="what changed: services added, changed and retired")


# Its outline only: catalogue_from_dict checks the rest (groups the routing defines, a time
# zone that exists, office hours in order...), which no JSON schema can say.
CATALOGUE_OUTLINE = {
    "required": ["routing", "services"],
    "properties": {
        "routing": {"type": "object"},
        "services": {"type": "array", "items": {"type": "object"}},
    },
}


@router.put(
    "/catalogue",
    response_model=CatalogueOut,
    tags=["admin"],
    responses=api_errors(401, 403, 422),
)
def put_catalogue(
    body: Annotated[
        dict[str, Any],
        Body(
            description="the whole catalogue, as catalogue_to_dict writes it",
            json_schema_extra=CATALOGUE_OUTLINE,
        ),
    ],
    db: Db,
    who: Who,
) -> dict[str, Any]:
    _require(who, "admin", "edit the catalogue")
    bad = unstorable_path(body)
    if bad:
        raise ApiError(422, bad, UNSTORABLE_MESSAGE)
    try:
        catalogue = catalogue_from_dict(body)
    except (CatalogueError, KeyError, TypeError, ValueError) as exc:
        raise ApiError(422, "catalogue", f"not a valid catalogue: {exc}") from exc
    with db.work(who.username) as work:
        report = store_catalogue(work, catalogue)
    return {"report": str(report)}


__all__ = ["ApiError", "Refused", "router"]
