"""The GeoReport v2 answers as the OpenAPI description shows them (the routes write their
JSON themselves; these models only describe it). They follow the official GeoReport v2
schemas, narrowed to what this server sends: no description, no address_id, no media."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, RootModel


class Endpoint(BaseModel):
    specification: str
    url: str
    changeset: str
    type: Literal["production", "test"]
    formats: list[str]


class Discovery(BaseModel):
    changeset: str = Field(description="when this interface or the catalogue last changed")
    contact: str
    key_service: str
    endpoints: list[Endpoint]


class ServiceOut(BaseModel):
    service_code: str
    service_name: str
    description: str | None
    metadata: bool = Field(description="true when the service has attributes to fill")
    type: Literal["realtime", "batch", "blackbox"]
    keywords: str | None
    group: str


class AttributeValue(BaseModel):
    key: str
    name: str


class AttributeOut(BaseModel):
    variable: bool
    code: str
    datatype: Literal["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"]
    required: bool
    datatype_description: str | None
    order: int
    description: str
    values: list[AttributeValue] | None = Field(
        None, description="the choices, for the list datatypes only"
    )


class ServiceDefinitionOut(BaseModel):
    service_code: str
    attributes: list[AttributeOut]


class Extended(BaseModel):
    """With extensions=true: what Montréal's 311 adds."""

    channel: str
    nature: str
    arrondissement: str | None
    status_code: str
    status_label: str
    parent_request_id: str | None
    duplicates: list[str]


class RequestOut(BaseModel):
    """A request as the public sees it: nothing personal (see app.server.open311)."""

    service_request_id: str
    status: Literal["open", "closed"]
    status_notes: str | None
    service_name: str | None
    service_code: str
    description: None
    agency_responsible: str | None
    service_notice: str | None
    requested_datetime: str
    updated_datetime: str | None
    expected_datetime: str | None
    address: str | None = Field(description="the street without its civic number")
    address_id: None
    zipcode: str | None = Field(description="the postal code's first three characters")
    lat: float | None = Field(description="rounded to about 100 m")
    long: float | None = Field(description="rounded to about 100 m")
    media_url: None
    extended_attributes: Extended | None = None


class CreatedOut(BaseModel):
    service_request_id: str
    token: str
    service_notice: str | None
    account_id: str | None


class TokenAnswer(BaseModel):
    service_request_id: str
    token: str


class Services(RootModel[list[ServiceOut]]):
    """services.json"""


class ServiceRequests(RootModel[list[RequestOut]]):
    """requests.json and requests/{id}.json: a list, even for one request."""


class Created(RootModel[list[CreatedOut]]):
    """The answer to a POST: a list of one."""


class Tokens(RootModel[list[TokenAnswer]]):
    """tokens/{token}.json: a list of one."""
