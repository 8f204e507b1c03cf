"""The central store's web application: GeoReport v2 for the public, the sync API for
consoles, and one error shape per audience, always naming the field at fault."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from anyio import to_thread
from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import __version__
from app.server import api, open311
from app.server.catalogue_store import CatalogueCache
from app.server.db import Database
from app.server.problems import Refused
from app.services.validation import UNSTORABLE_MESSAGE

MAX_BODY = 2 * 1024 * 1024
THREADS = int(os.environ.get("RELAIS_SERVER_THREADS", "8"))
STATUS_OF = {"rejected": 422, "not_found": 404, "forbidden": 403}


def _field(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "form")]
    return ".".join(parts) or "body"


def _validation_message(error: dict[str, Any]) -> str:
    if error.get("type") == "json_invalid":
        return "the body is not valid JSON: " + str(error.get("ctx", {}).get("error", ""))
    return str(error.get("msg", "invalid value"))


def _is_open311(request: Request) -> bool:
    return request.url.path.startswith("/open311/")


def _answer(request: Request, status: int, problems: list[dict[str, str]]) -> Response:
    if _is_open311(request):
        text = "; ".join(f"{p['field']}: {p['message']}" for p in problems)
        return open311.error_response(request, 400 if status == 422 else status, text)
    detail = "; ".join(f"{p['field']}: {p['message']}" for p in problems)
    return JSONResponse({"detail": detail, "problems": problems}, status_code=status)


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
        # Unknown paths and methods: Starlette's own answers, in the audience's error shape.
        message = "no such endpoint" if exc.status_code == 404 else str(exc.detail)
        field = "body" if exc.status_code == 413 else "path"
        return _answer(request, exc.status_code, [{"field": field, "message": message}])

    @app.exception_handler(api.ApiError)
    async def api_error(request: Request, exc: api.ApiError) -> Response:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        response = _answer(request, exc.status, exc.problems)
        if headers:
            response.headers.update(headers)
        return response

    @app.exception_handler(Refused)
    async def refused(request: Request, exc: Refused) -> Response:
        return _answer(request, STATUS_OF.get(exc.kind, 422), exc.as_list())

    @app.get("/health", tags=["health"])
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    return app


def app_from_env() -> FastAPI:
    """For uvicorn's worker processes (`--workers N`): each opens the database itself."""
    from app.server.db import default_url, open_database

    return create_app(open_database(os.environ.get("RELAIS_DATABASE_URL") or default_url()))
