"""Central store benchmark: N simulated agents, each pushing new requests and pulling the
change feed, against relais-server running in its own process on loopback.

    python benchmarks/server.py [--agents 200] [--rounds 10] [--think 10] [--workers 2]
                                [--database-url postgresql+psycopg://postgres@127.0.0.1/test]

Each agent, in a loop: a pause (exponential, mean --think seconds), then a push of one new
request and a pull of the feed from its cursor, as a console does after each change. With
200 agents, 10 s means 20 new requests a second, 72 000 an hour: about a hundred times
the city's busiest hour (1.1 M calls a year, most of them answered without a request).
Every pull brings back what all the others created since, so the load grows with the
square of the pace; --think 0 runs closed-loop, to find the saturation point.

The database defaults to $PG_URL, else the local PostgreSQL server if it answers, else a
SQLite file; a PostgreSQL run works in a schema of its own, dropped at the end. Prints
throughput, p50/p95/max latency per call and the errors; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp
import httpx
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.domain.case_numbers import CaseNumber  # noqa: E402
from app.server.auth import hash_password, issue_token  # noqa: E402
from app.server.catalogue_store import store_catalogue  # noqa: E402
from app.server.db import open_database  # noqa: E402
from app.server.models import Account  # noqa: E402
from app.services.catalogue_files import bundled_catalogue  # noqa: E402

LOCAL_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def pick_database(given: str | None, folder: Path) -> str:
    if given:
        return given
    if os.environ.get("PG_URL"):
        return os.environ["PG_URL"]
    try:
        with create_engine(LOCAL_PG).connect():
            return LOCAL_PG
    except Exception:
        return f"sqlite:///{folder / 'bench.sqlite3'}"


def with_schema(url: str) -> tuple[str, str | None]:
    if not url.startswith("postgresql"):
        return url, None
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    with create_engine(url, isolation_level="AUTOCOMMIT").connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}", schema


def drop_schema(url: str, schema: str | None) -> None:
    if schema:
        with create_engine(url, isolation_level="AUTOCOMMIT").connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


def prepare(url: str, agents: int) -> list[tuple[str, int]]:
    """Catalogue, accounts and one token per agent (issued directly: no need to time scrypt)."""
    db = open_database(url)
    password = hash_password("benchmark-password")
    tokens = []
    with db.work("benchmark") as work:
        store_catalogue(work, bundled_catalogue())
        for n in range(agents):
            account = Account(
                username=f"agent{n:03d}",
                password_hash=password,
                role="agent",
                active=True,
                created_at=work.now,
                created_by="benchmark",
            )
            work.session.add(account)
            work.session.flush()
            station = n + 1
            secret, _ = issue_token(work.session, account, station, work.now)
            tokens.append((secret, station))
    db.close()
    return tokens


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    cmd = [
        sys.executable,
        "-m",
        "app.server",
        "--database-url",
        url,
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("relais-server did not start: " + (proc.stderr.read() or b"").decode()[-2000:])


def request_data() -> dict[str, Any]:
    return {
        "service_code": "VOIRIE-NID-DE-POULE",
        "channel": "phone",
        "description": "Nid-de-poule profond, voie de droite",
        "civic_number": "1500",
        "street": "rue Sherbrooke Ouest",
        "postal_code": "H3G 1L7",
        "arrondissement": "VM",
        "attributes": required_attributes("VOIRIE-NID-DE-POULE"),
    }


def required_attributes(code: str) -> dict[str, Any]:
    service = bundled_catalogue().services[code]
    values: dict[str, Any] = {}
    for attr in service.attributes:
        if attr.required and attr.values:
            first = attr.values[0].key
            values[attr.code] = [first] if attr.datatype == "multivaluelist" else first
        elif attr.required:
            values[attr.code] = 1 if attr.datatype == "number" else "oui"
    return values


class Stats:
    def __init__(self) -> None:
        self.latency: dict[str, list[float]] = {"create": [], "pull": []}
        self.created_at: list[float] = []  # when each create's answer came back
        self.errors: list[str] = []
        self.pulled = 0


async def agent(
    http: aiohttp.ClientSession,
    token: str,
    station: int,
    rounds: int,
    think: float,
    stats: Stats,
) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    rng = random.Random(station)
    cursor = await first_cursor(http, headers)
    year = datetime.now(ZoneInfo("America/Montreal")).year
    data = request_data()
    for n in range(1, rounds + 1):
        if think > 0:
            await asyncio.sleep(rng.expovariate(1 / think))
        op = {
            "op_id": str(uuid.uuid4()),
            "type": "request.create",
            "target": str(CaseNumber(year, station, n)),
            "data": data,
        }
        started = time.perf_counter()
        try:
            async with http.post("/api/v1/sync/push", json={"ops": [op]}, headers=headers) as r:
                body = await r.read()
            stats.latency["create"].append((time.perf_counter() - started) * 1000)
            stats.created_at.append(time.perf_counter())
            status = json.loads(body)["results"][0]["status"] if r.status == 200 else None
            if status != "applied":
                stats.errors.append(f"push {r.status}: {body[:200]!r}")
        except aiohttp.ClientError as exc:
            stats.errors.append(f"push: {exc!r}")
        started = time.perf_counter()
        try:
            params = {"limit": "500", "since": cursor}
            async with http.get("/api/v1/sync/changes", params=params, headers=headers) as r:
                body = await r.read()
            stats.latency["pull"].append((time.perf_counter() - started) * 1000)
            if r.status != 200:
                stats.errors.append(f"pull {r.status}: {body[:200]!r}")
            else:
                page = json.loads(body)
                cursor = page["cursor"]
                stats.pulled += len(page["changes"])
        except aiohttp.ClientError as exc:
            stats.errors.append(f"pull: {exc!r}")


async def first_cursor(http: aiohttp.ClientSession, headers: dict[str, str]) -> str:
    """Where a console that has bootstrapped stands: the head of the feed."""
    cursor = ""
    while True:
        params = {"limit": "5000"} | ({"since": cursor} if cursor else {})
        async with http.get("/api/v1/sync/changes", params=params, headers=headers) as r:
            page = json.loads(await r.read())
        cursor = page["cursor"]
        if not page["has_more"]:
            return str(cursor)


def peak_rate(times: list[float], window: float = 10.0) -> float:
    """The most creates answered in any `window` seconds, per second."""
    ordered = sorted(times)
    best, start = 0, 0
    for end, t in enumerate(ordered):
        while t - ordered[start] > window:
            start += 1
        best = max(best, end - start + 1)
    return best / window


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def run_agents(
    port: int, tokens: list[tuple[str, int]], rounds: int, think: float
) -> tuple[Stats, float]:
    stats = Stats()
    # One connection per agent, as each console keeps its own.
    connector = aiohttp.TCPConnector(limit=len(tokens))
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(
        base_url=f"http://127.0.0.1:{port}", connector=connector, timeout=timeout
    ) as http:
        started = time.perf_counter()
        await asyncio.gather(*(agent(http, t, s, rounds, think, stats) for t, s in tokens))
        return stats, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--agents", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=10, help="requests created per agent")
    parser.add_argument("--think", type=float, default=10.0, help="mean pause between requests")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes")
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        base = pick_database(args.database_url, Path(folder))
        url, schema = with_schema(base)
        try:
            tokens = prepare(url, args.agents)
            port = free_port()
            server = start_server(url, port, args.workers)
            try:
                stats, elapsed = asyncio.run(run_agents(port, tokens, args.rounds, args.think))
            finally:
                server.terminate()
                server.wait(timeout=30)
        finally:
            drop_schema(base, schema)
    backend = base.split(":", 1)[0]
    creates, pulls = stats.latency["create"], stats.latency["pull"]
    figures = {
        "backend": backend,
        "agents": args.agents,
        "workers": args.workers,
        "think_s": args.think,
        "requests_created": len(creates),
        "seconds": round(elapsed, 2),
        "creates_per_s": round(len(creates) / elapsed, 1),
        "creates_per_s_peak_10s": round(peak_rate(stats.created_at), 1),
        "calls_per_s": round((len(creates) + len(pulls)) / elapsed, 1),
        "create_p50_ms": round(pct(creates, 0.5), 1),
        "create_p95_ms": round(pct(creates, 0.95), 1),
        "create_max_ms": round(max(creates, default=0), 1),
        "pull_p50_ms": round(pct(pulls, 0.5), 1),
        "pull_p95_ms": round(pct(pulls, 0.95), 1),
        "changes_pulled": stats.pulled,
        "errors": len(stats.errors),
    }
    print(
        f"relais-server on {backend}, {args.workers} worker(s), {args.agents} agents x "
        f"{args.rounds} rounds (push one request, pull the feed), {elapsed:.1f} s"
    )
    print(
        f"  create: {figures['creates_per_s']}/s "
        f"(busiest 10 s: {figures['creates_per_s_peak_10s']}/s), "
        f"p50 {figures['create_p50_ms']} ms, "
        f"p95 {figures['create_p95_ms']} ms, max {figures['create_max_ms']} ms"
    )
    print(
        f"  pull:   p50 {figures['pull_p50_ms']} ms, p95 {figures['pull_p95_ms']} ms, "
        f"{stats.pulled} changes"
    )
    print(
        f"  errors: {len(stats.errors)}" + (f" (first: {stats.errors[0]})" if stats.errors else "")
    )
    if creates:
        print(f"  mean create {statistics.fmean(creates):.1f} ms")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
