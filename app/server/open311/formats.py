"""GeoReport v2's two formats: the same bodies as JSON or as XML (list items named as in
the spec's examples), and its error list in the format the path asks for."""

from __future__ import annotations

from collections.abc import Mapping
from xml.etree import ElementTree as ET

from fastapi import Request, Response
from fastapi.responses import JSONResponse

from app.server.problems import Refused

FORMATS = ("json", "xml")
MEDIA_TYPES = ("text/xml", "application/json")
XML_MEDIA_TYPE = "text/xml; charset=utf-8"

# XML names of list items, as in the spec's examples.
XML_ITEMS = {
    "services": "service",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
    "service_requests": "request",
    "duplicates": "duplicate",
    "errors": "error",
}


def _fill(element: ET.Element, value: object) -> None:
    if isinstance(value, Mapping):
        for key, item in value.items():
            _fill(ET.SubElement(element, str(key)), item)
    elif isinstance(value, list):
        item_name = XML_ITEMS[element.tag]
        for item in value:
            _fill(ET.SubElement(element, item_name), item)
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    elif value is not None:
        element.text = str(value)


def to_xml(root: str, value: object) -> str:
    element = ET.Element(root)
    _fill(element, value)
    return ET.tostring(element, encoding="unicode", xml_declaration=True)


def respond(fmt: str, root: str, value: object) -> Response:
    if fmt == "xml":
        return Response(to_xml(root, value), media_type=XML_MEDIA_TYPE)
    return JSONResponse(value)


def wants_xml(request: Request) -> bool:
    return request.url.path.endswith(".xml")


def error_response(request: Request, status: int, description: str) -> Response:
    """The spec's error list, in the format the path asks for."""
    errors = [{"code": status, "description": description}]
    if wants_xml(request):
        return Response(to_xml("errors", errors), status_code=status, media_type=XML_MEDIA_TYPE)
    return JSONResponse(errors, status_code=status)


def checked_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise Refused.one("not_found", "format", f"unknown format « {fmt} »; use .json or .xml")
    return fmt
