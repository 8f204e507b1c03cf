"""The central store's sync API over HTTP, blocking (`requests`): called from an executor,
never from the UI thread. Every call has connect and read timeouts, TLS is verified
(with the city's CA bundle when given), and failures come back as a few kinds the engine
acts on: offline, signed out, busy (retry later), refused."""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast
from urllib.parse import quote

import requests

from app.protocol import FeedPage, PushResult, WireOp
from app.protocol.decoding import loads_page
from app.sync.credentials import Workstation

CONNECT_TIMEOUT = 3.05
READ_TIMEOUT = 20.0
API = "/api/v1"


class SyncError(Exception):
    """Base of what the client raises; the message is safe to show (no personal data)."""


class Offline(SyncError):
    """The server could not be reached, or the answer was lost or cut."""


class SignedOut(SyncError):
    """The token is missing, expired or revoked: log in again (queued work is kept)."""


class ServerBusy(SyncError):
    """5xx or 429: try again later, after `retry_after` seconds if the server said."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Refused(SyncError):
    """4xx with the server's problems: resending the same thing will not help."""

    def __init__(self, message: str, status: int, problems: list[dict[str, Any]]) -> None:
        super().__init__(message)
        self.status = status
        self.problems = problems


@dataclass(frozen=True)
class Session:
    token: str
    username: str
    role: str
    station: int | None
    expires_at: str
    # The station's highest case-number sequence on the central store, per year.
    sequences: dict[int, int] = field(default_factory=dict)


def station_marks(raw: object) -> dict[int, int]:
    """The central store's {"2026": 42} marks, as years and sequences; junk left out."""
    if not isinstance(raw, dict):
        return {}
    return {
        int(year): last
        for year, last in raw.items()
        if str(year).isdigit() and isinstance(last, int) and not isinstance(last, bool)
    }


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):  # not a number nor a date: the backoff decides alone
        return None
    return max(0.0, parsed.timestamp() - time.time()) if parsed else None


def _problems(answer: requests.Response) -> list[dict[str, Any]]:
    try:
        body = answer.json()
    except ValueError:
        return []
    if isinstance(body, dict) and isinstance(body.get("problems"), list):
        return [p for p in body["problems"] if isinstance(p, dict)]
    if isinstance(body, dict) and isinstance(body.get("detail"), list):
        return [
            {"field": ".".join(str(x) for x in d.get("loc", [])), "message": d.get("msg", "")}
            for d in body["detail"]
            if isinstance(d, dict)
        ]
    return []


class SyncClient:
    def __init__(self, base_url: str, ca_bundle: str | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.token: str | None = None
        self.received_bytes = 0  # for the download's progress
        # Off (the engine's choice), applied ops are answered without their records: the
        # pull that follows brings each once (a server from before the flag sends them).
        self.push_records = True
        self._http = requests.Session()
        self._http.verify = ca_bundle or True
        self._http.headers["User-Agent"] = "Relais-console"

    def close(self) -> None:
        self._http.close()

    def _call(
        self, method: str, path: str, decode: Callable[[str], Any] = json.loads, **kwargs: Any
    ) -> Any:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        try:
            answer = self._http.request(
                method,
                self.base_url + API + path,
                headers=headers,
                timeout=(CONNECT_TIMEOUT, READ_TIMEOUT),
                **kwargs,
            )
        except requests.exceptions.SSLError as exc:
            raise Offline(
                "the server's certificate could not be verified: check the address, or give "
                "the city's CA with --ca-bundle"
            ) from exc
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise Offline(f"the server at {self.base_url} does not answer") from exc
        except requests.RequestException as exc:
            raise Offline(f"the exchange with the server failed ({type(exc).__name__})") from exc
        if answer.status_code == 401:
            raise SignedOut("the session ended (expired or revoked): log in again")
        if answer.status_code == 429 or answer.status_code >= 500:
            raise ServerBusy(
                f"the server answered {answer.status_code}",
                _retry_after(answer.headers.get("Retry-After")),
            )
        if answer.status_code >= 400:
            problems = _problems(answer)
            detail = "; ".join(f"{p.get('field')}: {p.get('message')}" for p in problems)
            raise Refused(
                f"the server refused ({answer.status_code}): {detail}",
                answer.status_code,
                problems,
            )
        if answer.status_code == 204:
            return None
        self.received_bytes += len(answer.content)
        try:
            return decode(answer.content.decode("utf-8"))  # JSON is UTF-8 (RFC 8259)
        except ValueError as exc:  # a cut or garbled answer: as if it never came
            raise Offline("the server's answer was incomplete") from exc

    # -- the API ---------------------------------------------------------------------------
    def login(
        self, username: str, password: str, station: int, workstation: Workstation
    ) -> Session:
        body = {
            "username": username,
            "password": password,
            "station": station,
            "workstation_id": workstation.id,
            "workstation_secret": workstation.secret,
        }
        data = self._call("POST", "/auth/token", json=body)
        session = Session(
            token=data["access_token"],
            username=data["username"],
            role=data["role"],
            station=data.get("station"),
            expires_at=data["expires_at"],
            sequences=station_marks(data.get("sequences")),
        )
        self.token = session.token
        return session

    def logout(self) -> None:
        if self.token:
            try:
                self._call("POST", "/auth/revoke")
            finally:
                self.token = None

    def me(self) -> dict[str, Any]:
        result: dict[str, Any] = self._call("GET", "/me")
        return result

    def push(self, ops: Sequence[WireOp]) -> list[PushResult]:
        """Each op's answer; without the applied records when `push_records` is off."""
        body = {"ops": ops, "records": self.push_records}
        data = self._call("POST", "/sync/push", json=body)
        results = data.get("results") if isinstance(data, dict) else None
        if not isinstance(results, list) or len(results) != len(ops):
            raise Offline("the server's answer to a push was incomplete")
        return results

    def get_request(self, case_number: str) -> dict[str, Any]:
        """The central store's record of one case; Refused with status 404 when it has
        no such case."""
        data = self._call("GET", f"/requests/{quote(case_number, safe='')}")
        if not isinstance(data, dict) or not data.get("case_number") or not data.get("id"):
            raise Offline("the server's copy of the case was incomplete")
        return data

    def indicators(self, first: date, last: date, overdue_limit: int = 500) -> dict[str, Any]:
        """The service indicators over local dates [first, last] (supervisors only)."""
        params = {"from": first.isoformat(), "to": last.isoformat()}
        data = self._call("GET", "/indicators", params={**params, "overdue_limit": overdue_limit})
        if not isinstance(data, dict):
            raise Offline("the server's indicators were incomplete")
        return data

    def changes(self, cursor: str | None, limit: int = 500) -> FeedPage:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["since"] = cursor
        # Decoded change by change: the UI thread is not held up for a whole page.
        data = self._call("GET", "/sync/changes", loads_page, params=params)
        if not isinstance(data, dict) or not isinstance(data.get("changes"), list):
            raise Offline("the server's page of changes was incomplete")
        return cast(FeedPage, data)
