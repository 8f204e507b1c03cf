"""The central store's web application: GeoReport v2 for the public, the sync API for
consoles, and one error shape per audience, always naming the field at fault."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any, Literal

from anyio import to_thread
from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import __version__
from app.domain.validation import UNSTORABLE_MESSAGE
from app.server import api, open311
from app.server.catalogue_store import CatalogueCache, StoredCatalogueError
from app.server.db import Database
from app.server.openapi import RETRY_AFTER_SECONDS, api_errors, install
from app.server.problems import Refused

MAX_BODY = 2 * 1024 * 1024
THREADS = int(os.environ.get("RELAIS_SERVER_THREADS", "8"))
STATUS_OF = {"rejected": 422, "not_found": 404, "forbidden": 403, "stale": 409}
log = logging.getLogger(__name__)


def _field(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "form")]
    return ".".join(parts) or "body"


def _validation_message(error: dict[str, Any]) -> str:
    if error.get("type") == "json_invalid":
        return "the body is not valid JSON: " + str(error.get("ctx", {}).get("error", ""))
    # Our own validators' messages, without the "Value error, " pydantic puts before them.
    return str(error.get("msg", "invalid value")).removeprefix("Value error, ")


def _is_open311(request: Request) -> bool:
    return request.url.path.startswith("/open311/")


def _answer(
    request: Request,
    status: int,
    problems: list[dict[str, str]],
    headers: Mapping[str, str] | None = None,
) -> Response:
    detail = "; ".join(f"{p['field']}: {p['message']}" for p in problems)
    if _is_open311(request):
        response = open311.error_response(request, 400 if status == 422 else status, detail)
    else:
        response = JSONResponse({"detail": detail, "problems": problems}, status_code=status)
    if headers:
        response.headers.update(headers)
    return response


class InputGuard:
    """Refuses, before anything reads them, a declared body over MAX_BODY and a path or
    query carrying NUL (which no database column can hold). Plain ASGI: the decorator form
    of middleware costs every request a stream copy."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        problem = _refusal(scope)
        if problem is not None:
            status = 413 if problem["field"] == "body" else 400
            await _answer(Request(scope), status, [problem])(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            # A chunked body declares no length: count it as it comes.
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > MAX_BODY:
                raise StarletteHTTPException(413, f"larger than {MAX_BODY} bytes")
            return message

        await self.app(scope, counted, send)


def _refusal(scope: Scope) -> dict[str, str] | None:
    for name, value in scope["headers"]:
        if name == b"content-length" and (not value.isdigit() or int(value) > MAX_BODY):
            return {"field": "body", "message": f"larger than {MAX_BODY} bytes"}
    if "\x00" in scope["path"]:
        return {"field": "path", "message": UNSTORABLE_MESSAGE}
    query = scope.get("query_string", b"").lower()
    if b"%00" in query or b"\x00" in query:
        return {"field": "query", "message": UNSTORABLE_MESSAGE}
    return None


class Health(BaseModel):
    status: Literal["ok"]
    version: str


def _allowed_methods(request: Request) -> str:
    """Every method the description gives this path. Starlette's own Allow names only the
    methods of the first route that matched, and a path may have one route per method."""
    app = request.app
    table: list[tuple[re.Pattern[str], set[str]]] | None
    table = getattr(app.state, "allowed_methods", None)
    if table is None:
        table = [
            (compile_path(path)[0], {method.upper() for method in methods})
            for path, methods in app.openapi()["paths"].items()
        ]
        app.state.allowed_methods = table
    path = request.url.path
    allowed = set().union(*(methods for pattern, methods in table if pattern.match(path)))
    return ", ".join(sorted(allowed))


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # Fewer threads than anyio's 40: the endpoints are short and hold the GIL between
    # database calls, and forty of them contending for it stretch every request's time.
    to_thread.current_default_thread_limiter().total_tokens = THREADS
    yield


def create_app(db: Database) -> FastAPI:
    app = FastAPI(
        title="Relais central request store",
        version=__version__,
        description="Open311 GeoReport v2 for the public; the sync API for Relais consoles.",
        lifespan=_lifespan,
    )
    app.state.db = db
    app.state.catalogue = CatalogueCache()
    app.include_router(api.router)
    app.include_router(open311.router)
    app.add_middleware(InputGuard)
    install(app)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [
            {
                "field": "body" if e.get("type") == "json_invalid" else _field(tuple(e["loc"])),
                "message": _validation_message(e),
            }
            for e in exc.errors()
        ]
        status = 400 if any(e.get("type") == "json_invalid" for e in exc.errors()) else 422
        return _answer(request, status, problems)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        # Starlette's own answers (an unknown path, a method the path does not take, a
        # malformed form), in the audience's error shape; a 405 keeps its Allow header.
        status, headers = exc.status_code, dict(exc.headers or {})
        if status == 404:
            problem = {"field": "path", "message": "no such endpoint"}
        elif status == 405:
            # Starlette's Allow is the fallback for the paths the description leaves out (/docs).
            allowed = _allowed_methods(request) or headers.get("Allow", "")
            headers["Allow"] = allowed
            problem = {
                "field": "method",
                "message": f"{request.method} is not taken here; use {allowed}",
            }
        else:
            problem = {"field": "body", "message": str(exc.detail)}
        return _answer(request, status, [problem], headers)

    @app.exception_handler(api.ApiError)
    async def api_error(request: Request, exc: api.ApiError) -> Response:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return _answer(request, exc.status, exc.problems, headers)

    @app.exception_handler(Refused)
    async def refused(request: Request, exc: Refused) -> Response:
        return _answer(request, STATUS_OF.get(exc.kind, 422), exc.as_list())

    @app.exception_handler(StoredCatalogueError)
    async def catalogue_unusable(request: Request, exc: StoredCatalogueError) -> Response:
        return _answer(request, 503, [{"field": "catalogue", "message": str(exc)}])

    @app.exception_handler(OperationalError)
    async def unavailable(request: Request, exc: OperationalError) -> Response:
        # The database is down, unreachable or timed out on a lock: a client that waits a
        # little and sends again is answered (pushes are idempotent by op_id).
        # The error's kind only: its text can hold the statement's parameters (personal data).
        reason = type(exc.orig).__name__ if exc.orig is not None else type(exc).__name__
        log.warning("database unavailable for %s %s: %s", request.method, request.url.path, reason)
        problem = {
            "field": "server",
            "message": f"the database is unavailable or busy: try again in "
            f"{RETRY_AFTER_SECONDS} seconds",
        }
        return _answer(request, 503, [problem], {"Retry-After": str(RETRY_AFTER_SECONDS)})

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        # Never a traceback to the client; Starlette logs the exception after this answer.
        problem = {
            "field": "server",
            "message": "an unexpected error, logged on the server: try again, or report "
            "the time of this answer to the administrator",
        }
        return _answer(request, 500, [problem])

    @app.get(
        "/health",
        response_model=Health,
        tags=["health"],
        responses=api_errors(400, 413, 500),
    )
    def health() -> Health:
        return Health(status="ok", version=__version__)

    return app


def app_from_env() -> FastAPI:
    """For uvicorn's worker processes (`--workers N`): each opens the database itself."""
    from app.server.db import default_url, open_database

    return create_app(open_database(os.environ.get("RELAIS_DATABASE_URL") or default_url()))
