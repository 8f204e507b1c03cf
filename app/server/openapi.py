"""What the OpenAPI description says each route can answer besides its success: one table
of error statuses with their bodies and headers, per audience. The sync API answers
{detail, problems: [{field, message}]} (what the console's client reads); GeoReport v2
answers the spec's error list [{code, description}], in JSON or XML as the path asks.

Routers take the statuses every route of theirs can give (a NUL in the path or query, a
body over the size limit, the database unavailable, an unexpected error); each route adds
its own. FastAPI's default 422 (a `detail` array, HTTPValidationError) describes a body
this app never sends: `install` removes it, and the routes that do answer 422 say so."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel, Field, RootModel

# How long a client should wait when the database is unavailable or too busy.
RETRY_AFTER_SECONDS = 5
XML_MEDIA_TYPE = "text/xml"
# Text with no NUL: no column can hold one, and the input guard refuses it in a path or query.
NO_NUL = r"^[^\x00]*$"
# The same, and not blank.
NOT_BLANK = r"^[^\x00]*[^\s\x00][^\x00]*$"


def or_empty(schema: Mapping[str, Any]) -> dict[str, Any]:
    """A query parameter's schema when an empty value counts as not given."""
    return {"anyOf": [{"type": "string", **schema}, {"type": "string", "maxLength": 0}]}


class Problem(BaseModel):
    field: str = Field(
        description="the field at fault: a body field (dotted, as data.fields.status), a "
        "parameter, or body, path, query, Authorization, role, server"
    )
    message: str = Field(description="what is wrong and how to put it right")


class ErrorBody(BaseModel):
    """The sync API's error body."""

    detail: str = Field(description="every problem in one line: 'field: message; ...'")
    problems: list[Problem] = Field(min_length=1)


class GeoReportError(BaseModel):
    """One error of GeoReport v2's error list."""

    code: int = Field(description="the HTTP status")
    description: str = Field(description="each field at fault and what is wrong with it")


class GeoReportErrors(RootModel[list[GeoReportError]]):
    """GeoReport v2's error list: in practice one error, naming every field at fault."""


# The descriptions every audience shares; a route may say more about its own case.
STATUS_NOTES = {
    400: "The body is not valid JSON, or the path or query holds a NUL character",
    401: "No bearer token, or one unknown, expired or revoked: log in again",
    403: "The account's role does not allow this",
    404: "No such record",
    409: "The request conflicts with the server's state",
    413: "The body is larger than the server accepts (2 MiB)",
    422: "A field is missing or invalid; each problem names it",
    500: "An unexpected error, logged on the server",
    503: "The database is unavailable or busy: try again after Retry-After seconds",
}
GEOREPORT_NOTES = {
    **STATUS_NOTES,
    400: "A parameter or form field is missing or invalid (each is named in the "
    "description), or the path or query holds a NUL character",
    403: "The api_key is unknown or revoked",
    404: "Unknown format (use .json or .xml), jurisdiction, service or request",
}
_HEADERS: dict[int, dict[str, Any]] = {
    401: {
        "WWW-Authenticate": {
            "description": "Bearer: the scheme to authenticate with",
            "schema": {"type": "string"},
            "required": True,
        }
    },
    503: {
        "Retry-After": {
            "description": "seconds to wait before trying again",
            "schema": {"type": "string", "pattern": "^[0-9]+$"},
            "required": True,
        }
    },
}
Responses = dict[int | str, dict[str, Any]]


def _response(status: int, notes: Mapping[int, str], extra: Mapping[int, str]) -> dict[str, Any]:
    response: dict[str, Any] = {"description": extra.get(status) or notes[status]}
    if status in _HEADERS:
        response["headers"] = _HEADERS[status]
    return response


def api_errors(*statuses: int, notes: Mapping[int, str] | None = None) -> Responses:
    """The sync API's error responses for these statuses; `notes` overrides descriptions."""
    return {
        status: {"model": ErrorBody, **_response(status, STATUS_NOTES, notes or {})}
        for status in statuses
    }


def georeport_errors(*statuses: int, notes: Mapping[int, str] | None = None) -> Responses:
    """GeoReport v2's error responses: the error list, in JSON (.json) or XML (.xml)."""
    return {
        status: {
            "model": GeoReportErrors,
            **_response(status, GEOREPORT_NOTES, notes or {}),
            "content": {XML_MEDIA_TYPE: {"schema": xml_schema("errors")}},
        }
        for status in statuses
    }


def georeport_ok(root: str) -> Responses:
    """A 200 in JSON (.json) or in XML (.xml); FastAPI describes the JSON one."""
    return {200: {"content": {XML_MEDIA_TYPE: {"schema": xml_schema(root)}}}}


def xml_schema(root: str) -> dict[str, Any]:
    """An XML body, described by name only: the same data as the JSON form, under <root>."""
    return {"type": "string", "description": f"the JSON form's data as XML, under <{root}>"}


# Every route of the audience can give these.
API_COMMON = (400, 413, 500, 503)
GEOREPORT_COMMON = (400, 404, 413, 500, 503)


def install(app: FastAPI) -> None:
    """Make the app's OpenAPI description drop FastAPI's default 422 (see the module's
    docstring) and the schemas only it used."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        spec = app.openapi_schema
        if spec is None:
            spec = build()  # which FastAPI keeps in app.openapi_schema
            _drop_default_validation_errors(spec)
        return spec

    app.openapi = openapi  # type: ignore[method-assign]


def _drop_default_validation_errors(spec: dict[str, Any]) -> None:
    default = "#/components/schemas/HTTPValidationError"
    for methods in spec.get("paths", {}).values():
        for operation in methods.values():
            answers = operation.get("responses", {})
            schema = answers.get("422", {}).get("content", {}).get("application/json", {})
            if schema.get("schema", {}).get("$ref") == default:
                del answers["422"]
    schemas = spec.get("components", {}).get("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
