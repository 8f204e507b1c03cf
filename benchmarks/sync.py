"""Sync benchmark: a console pushes N requests queued offline, then a fresh console pulls
a feed of M changes, both through the real engine on a qasync loop, against relais-server
running in its own process on loopback.

    python benchmarks/sync.py [--push 10000] [--pull 100000] [--database-url URL] [--keep]

The central store is a PostgreSQL schema of its own (--database-url, else $PG_URL; dropped
at the end unless --keep), else a SQLite file in a temporary folder; it is seeded with the
demo accounts, and the M changes are made by the open-data importer from a generated CSV,
so they are real records in the feed. While the engine syncs, a 5 ms Qt timer measures how
long the UI thread's event loop went without turning (the stall). Each step the engine ran
in an executor, and each cyclic garbage collection, is recorded with its span, so the
longest stalls are reported with what was running at the time.

Targets: 10 000 queued requests pushed in <= 20 s; a new workstation's first download at
>= 10 000 changes/s; the longest stall <= 50 ms while syncing.
Prints a readable report; the last line is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import csv
import gc
import json
import multiprocessing
import os
import pstats
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# Before Qt is imported: the benchmark runs on build machines with no display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync  # noqa: E402
from PySide6.QtCore import QObject, Qt, QTimer, Signal  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.domain import request_terms as terms  # noqa: E402
from app.domain.catalogue import Catalogue, Service  # noqa: E402
from app.domain.validation import ValidationError  # noqa: E402
from app.services.citizens import CitizenDraft  # noqa: E402
from app.services.intake import Draft, check  # noqa: E402
from app.services.workspace import Workspace, open_workspace  # noqa: E402
from app.sync.client import SyncClient  # noqa: E402
from app.sync.credentials import workstation  # noqa: E402
from app.sync.engine import ONLINE, PULL_PAGE, PUSH_BATCH, SyncEngine  # noqa: E402
from benchmarks.cases import (  # noqa: E402
    FIRST_NAMES,
    LAST_NAMES,
    REAL_STREETS,
    filled_attributes,
)

T = TypeVar("T")
PROBE_MS = 5
TARGET_STALL_MS = 50.0
TARGET_PUSH = (10_000, 20.0)  # requests, seconds
TARGET_PULL = 10_000.0  # changes applied per second on a new workstation's first download
TOP_STALLS = 5
BALLAST: list[bool] = []  # references to True, while PySide6 leaks them (see emit_leak)
TZ = ZoneInfo("America/Montreal")
# The open-data export's header, as the city publishes it (tests/server/test_importer.py).
CSV_HEADER = [
    *("ID_UNIQUE", "NATURE", "ACTI_NOM", "TYPE_LIEU_INTERV", "RUE", "RUE_INTERSECTION1"),
    *("RUE_INTERSECTION2", "LIN_CODE_POSTAL", "ARRONDISSEMENT", "ARRONDISSEMENT_GEO"),
    *("UNITE_RESP_PARENT", "DDS_DATE_CREATION", "PROVENANCE_ORIGINALE", "PROVENANCE_TELEPHONE"),
    *("PROVENANCE_COURRIEL", "PROVENANCE_PERSONNE", "PROVENANCE_COURRIER"),
    *("PROVENANCE_TELECOPIEUR", "PROVENANCE_INSTANCE", "PROVENANCE_MOBILE"),
    *("PROVENANCE_MEDIASOCIAUX", "PROVENANCE_SITEINTERNET", "PROVENANCE_AUTREGARDEDESCHIENS"),
    *("LOC_LAT", "LOC_LONG", "LOC_X", "LOC_Y", "LOC_ERREUR_GDT", "DERNIER_STATUT"),
    "DATE_DERNIER_STATUT",
]
# The city's channel names and which PROVENANCE_* count column each one ticks.
CSV_CHANNELS = (
    ("Telephone", "PROVENANCE_TELEPHONE", 60),
    ("Site internet", "PROVENANCE_SITEINTERNET", 20),
    ("Courriel", "PROVENANCE_COURRIEL", 10),
    ("Application mobile", "PROVENANCE_MOBILE", 8),
    ("Courrier", "PROVENANCE_COURRIER", 2),
)
NATURE_LABELS = {"request": "Requete", "complaint": "Plainte", "information": "Information"}
NATURE_LABELS |= {"comment": "Commentaire"}


# -- the central store --------------------------------------------------------------------------
def pick_database(given: str | None, folder: Path) -> str:
    """--database-url, else $PG_URL, else a SQLite file: a laptop run needs no server."""
    return given or os.environ.get("PG_URL") or f"sqlite:///{folder / 'central.sqlite3'}"


def with_schema(url: str) -> tuple[str, str | None]:
    """On PostgreSQL, a schema of this run's own, so the run never touches other data."""
    if not url.startswith("postgresql"):
        return url, None
    schema = f"bench_sync_{os.getpid()}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))  # a pid reused
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}", schema


def drop_schema(url: str, schema: str | None) -> None:
    if schema:
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(url: str, port: int, log: Path) -> subprocess.Popen[bytes]:
    """relais-server in a process of its own: its CPU must not take the GIL from the
    console's loop being measured (an EmbeddedServer would, and skew the stalls)."""
    cmd = [sys.executable, "-m", "app.server", "--database-url", url, "--port", str(port)]
    # A file, not a pipe: a pipe nobody reads would block the server once it fills.
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("relais-server did not start: " + log.read_text()[-2000:])


# -- what the engine and the loop do, with their times ------------------------------------------
@dataclass(frozen=True)
class Span:
    lane: str  # net, store (the engine's executors) or gc
    name: str
    start: float
    end: float


class TracedEngine(SyncEngine):
    """The real engine, unchanged, with each executor step's span recorded as it ran in
    its thread, and the moment the outbox was empty (sync_once goes on to pull)."""

    def __init__(self, workspace: Workspace, client: SyncClient, spans: list[Span]) -> None:
        super().__init__(workspace, client)
        self.spans = spans
        self.push_done = 0.0
        # --profile: each step run under cProfile, by lane (one thread each).
        self.profiles: dict[str, list[cProfile.Profile]] | None = None

    def _traced(self, lane: str, fn: Callable[..., T]) -> Callable[..., T]:
        def run(*args: Any) -> T:
            started = time.perf_counter()
            profile = cProfile.Profile() if self.profiles is not None else None
            try:
                if profile is None:
                    return fn(*args)
                return profile.runcall(fn, *args)
            finally:
                self.spans.append(Span(lane, fn.__name__, started, time.perf_counter()))
                if profile is not None and self.profiles is not None:
                    self.profiles.setdefault(lane, []).append(profile)

        return run

    async def _on_net(self, fn: Callable[..., T], *args: Any) -> T:
        return await super()._on_net(self._traced("net", fn), *args)

    async def _in_store(self, fn: Callable[..., T], *args: Any) -> T:
        return await super()._in_store(self._traced("store", fn), *args)

    async def _push_all(self) -> None:
        await super()._push_all()
        self.push_done = time.perf_counter()


class GcTrace:
    """Every cyclic collection's span: a full one holds the GIL throughout, in whichever
    thread's allocation set it off, so it stalls the UI thread too."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            name = f"gen{info['generation']} in {threading.current_thread().name}"
            self.spans.append(Span("gc", name, self._started, time.perf_counter()))


class StallProbe:
    """A 5 ms timer on the UI thread; each firing's lateness over the interval is how long
    the event loop could not turn: what an agent typing or scrolling would feel."""

    def __init__(self, interval_ms: int = PROBE_MS) -> None:
        self.interval = interval_ms / 1000
        self.ticks: list[tuple[float, float]] = []  # (when, lateness in ms)
        self._last = 0.0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # coarse may slip 5 % by design
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.ticks.append((now, max(0.0, (now - self._last - self.interval) * 1000)))
        self._last = now

    def window(self, start: float, end: float) -> list[tuple[float, float]]:
        return [(t, late) for t, late in self.ticks if start <= t <= end]


@dataclass
class Stalls:
    max_ms: float
    p99_ms: float
    over_target: int
    over_in_full_gc: int  # of those, how many overlapped a full (generation 2) collection
    worst: list[tuple[float, float]] = field(default_factory=list)  # (when, ms), worst first


def overlaps(when: float, late_ms: float, span: Span) -> float:
    """Seconds of `span` inside the gap that ended at `when`, `late_ms + PROBE_MS` long."""
    start = when - (late_ms + PROBE_MS) / 1000
    return max(0.0, min(span.end, when) - max(span.start, start))


def stalls(ticks: list[tuple[float, float]], spans: list[Span]) -> Stalls:
    if not ticks:
        return Stalls(0.0, 0.0, 0, 0)
    late = sorted(ms for _, ms in ticks)
    p99 = late[min(len(late) - 1, round(0.99 * (len(late) - 1)))]
    worst = sorted(ticks, key=lambda tick: -tick[1])[:TOP_STALLS]
    over = [(t, ms) for t, ms in ticks if ms > TARGET_STALL_MS]
    full = [span for span in spans if span.name.startswith("gen2")]
    in_gc = sum(any(overlaps(t, ms, span) > 0.001 for span in full) for t, ms in over)
    return Stalls(round(late[-1], 1), round(p99, 1), len(over), in_gc, worst)


def culprits(when: float, late_ms: float, spans: list[Span]) -> str:
    """What ran while the loop was stalled."""
    seen = []
    for span in spans:
        overlap = overlaps(when, late_ms, span)
        if overlap > 0.001:
            took = (span.end - span.start) * 1000
            seen.append(f"{span.lane}:{span.name} {overlap * 1000:.0f} of {took:.0f} ms")
    return ", ".join(seen) or "no executor step nor collection (the UI thread itself)"


def report_stalls(label: str, found: Stalls, spans: list[Span]) -> None:
    print(
        f"  {label} loop stall: max {found.max_ms} ms, p99 {found.p99_ms} ms, "
        f"{found.over_target} over {TARGET_STALL_MS:.0f} ms "
        f"({found.over_in_full_gc} of them during a full collection)"
    )
    for when, ms in found.worst:
        if ms > TARGET_STALL_MS / 5:
            print(f"    {ms:6.1f} ms  during {culprits(when, ms, spans)}")


def step_seconds(spans: list[Span], name: str, start: float, end: float) -> float:
    """The time the engine's `name` steps (store:apply_page...) took between start and end."""
    return sum(
        s.end - s.start for s in spans if f"{s.lane}:{s.name}" == name and start <= s.start <= end
    )


def step_totals(spans: list[Span], start: float, end: float) -> str:
    totals: dict[str, list[float]] = {}
    for span in spans:
        if start <= span.start <= end:
            totals.setdefault(f"{span.lane}:{span.name}", []).append(span.end - span.start)
    return "; ".join(
        f"{name} {len(times)}x {sum(times):.2f} s (max {max(times) * 1000:.0f} ms)"
        for name, times in sorted(totals.items(), key=lambda item: -sum(item[1]))
    )


# -- consoles ---------------------------------------------------------------------------------
class Console:
    """One workstation: its own store, logged in to the central store with its station."""

    def __init__(
        self, data_dir: Path, url: str, user: str, password: str, station: int, spans: list[Span]
    ) -> None:
        self.workspace = open_workspace(data_dir, load_bundled=False)
        self.workspace.set_profile(f"{station:03d}", user, "311")
        self.client = SyncClient(url)
        self.client.login(user, password, station, workstation(data_dir))
        self.engine = TracedEngine(self.workspace, self.client, spans)

    def count(self, sql: str) -> int:
        with self.workspace.store.engine.connect() as conn:
            return int(conn.exec_driver_sql(sql).scalar() or 0)

    def store_mb(self) -> float:
        path = self.workspace.store.path
        files = [path, path.with_name(path.name + "-wal")]
        return sum(f.stat().st_size for f in files if f.exists()) / 1e6

    def close(self) -> None:
        self.engine.close()
        self.client.close()
        self.workspace.close()


def routable(catalogue: Catalogue) -> list[tuple[Service, list[str]]]:
    """Each service with the arrondissements its draft is accepted for right now (some
    services are routed only in some boroughs)."""
    now = datetime.now(UTC)
    found = []
    codes = [a.code for a in catalogue.routing.arrondissements.values()]
    for service in sorted(catalogue.services.values(), key=lambda s: s.code):
        ok = []
        for code in codes:
            draft = make_draft(
                service,
                code,
                "rue Rachel Est",
                "1200",
                CitizenDraft("Essai", "514-555-0000", "", "fr"),
            )
            try:
                check(catalogue, draft, now)
            except ValidationError:
                continue
            ok.append(code)
        if ok:
            found.append((service, ok))
    return found


def make_draft(
    service: Service,
    arrondissement: str,
    street: str,
    civic: str,
    citizen: CitizenDraft | None = None,
    citizen_id: str | None = None,
) -> Draft:
    return Draft(
        service_code=service.code,
        channel="phone",
        description="Signalé par téléphone; le citoyen rappelle si le problème persiste.",
        attributes=filled_attributes(service),
        civic_number=civic,
        street=street,
        arrondissement=arrondissement,
        citizen_id=citizen_id,
        new_citizen=citizen,
    )


def queue_requests(workspace: Workspace, count: int, rng: random.Random) -> tuple[int, float]:
    """`count` requests saved as an agent would while offline: a sixth for a citizen already
    entered, a third with a new citizen, the rest anonymous where the service allows it (a
    new citizen otherwise). Returns (citizens created, seconds)."""
    services = routable(workspace.catalogue)
    if not services:
        raise SystemExit("no service of the bundled catalogue accepts the benchmark's drafts")
    known: list[str] = []
    created = 0
    started = time.perf_counter()
    for i in range(count):
        service, arrondissements = rng.choice(services)
        roll = rng.random()
        citizen, citizen_id = None, None
        if roll < 1 / 6 and known:
            citizen_id = rng.choice(known)
        elif roll < 0.5 or not service.anonymous:
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            citizen = CitizenDraft(
                f"{first} {last}", f"514-{800 + i // 10000:03d}-{i % 10000:04d}", "", "fr"
            )
        draft = make_draft(
            service,
            rng.choice(arrondissements),
            rng.choice(REAL_STREETS),
            str(rng.randint(1, 9000)),
            citizen,
            citizen_id,
        )
        try:
            saved = workspace.save_request(draft, None)
        except ValidationError as exc:
            raise SystemExit(f"the benchmark's draft was refused: {exc}") from exc
        if citizen is not None and saved.citizen_id:
            known.append(saved.citizen_id)
            created += 1
    return created, time.perf_counter() - started


# -- the feed to pull ---------------------------------------------------------------------------
def write_export(path: Path, count: int, catalogue: Catalogue, rng: random.Random) -> None:
    """A "Requêtes 311" export of `count` requests of the last ten months: open ones and
    closed ones young enough that the importer publishes every one to the consoles."""
    services = sorted(catalogue.services.values(), key=lambda s: s.code)
    boroughs = [a.name for a in catalogue.routing.arrondissements.values()]
    statuses = [label for label, _, _ in terms.STATUSES.values()]
    weights = [c[2] for c in CSV_CHANNELS]
    column = {name: i for i, name in enumerate(CSV_HEADER)}
    now = datetime.now(TZ).replace(tzinfo=None, microsecond=0)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_HEADER)
        for n in range(count):
            service = rng.choice(services)
            created = now - timedelta(seconds=rng.randint(3600, 300 * 86400))
            status_at = created + (now - created) * rng.random()
            channel, count_column, _ = rng.choices(CSV_CHANNELS, weights)[0]
            borough = rng.choice(boroughs)
            row = [""] * len(CSV_HEADER)
            row[column["ID_UNIQUE"]] = f"{created.year % 100:02d}-{n + 1:07d}"
            row[column["NATURE"]] = NATURE_LABELS.get(service.nature, "Requete")
            row[column["ACTI_NOM"]] = service.name_fr
            row[column["RUE"]] = rng.choice(REAL_STREETS)
            row[column["LIN_CODE_POSTAL"]] = f"H{rng.randint(1, 9)}{rng.choice('ABCGHJKLMNPRSTVX')}"
            row[column["ARRONDISSEMENT"]] = row[column["ARRONDISSEMENT_GEO"]] = borough
            row[column["UNITE_RESP_PARENT"]] = "Direction des travaux publics"
            row[column["DDS_DATE_CREATION"]] = created.isoformat()
            row[column["PROVENANCE_ORIGINALE"]] = channel
            for _, name, _ in CSV_CHANNELS:
                row[column[name]] = "1" if name == count_column else "0"
            row[column["LOC_LAT"]] = f"{45.45 + rng.random() * 0.15:.6f}"
            row[column["LOC_LONG"]] = f"{-73.75 + rng.random() * 0.25:.6f}"
            row[column["LOC_ERREUR_GDT"]] = "0"
            row[column["DERNIER_STATUT"]] = rng.choice(statuses)
            row[column["DATE_DERNIER_STATUT"]] = status_at.isoformat()
            writer.writerow(row)


def seed(url: str) -> str:
    """The demo store (catalogue, articles, accounts); returns the accounts' password."""
    from app.server.demo import seed_demo

    return seed_demo(url).password


def make_changes(url: str, count: int, folder: Path) -> tuple[int, float]:
    """`count` new requests in the feed, through the server's own importer (one INSERT per
    table per batch, published as real records). Returns (changes added, seconds)."""
    from app.server.db import current_seq, open_database
    from app.server.importer import import_requests
    from app.services.catalogue_files import bundled_catalogue

    export = folder / "requetes311.csv"
    write_export(export, count, bundled_catalogue(), random.Random(311))
    db = open_database(url)
    try:
        with db.read() as session:
            before = current_seq(session)
        started = time.perf_counter()
        report = import_requests(db, export, actor="import", batch_size=5000)
        elapsed = time.perf_counter() - started
        with db.read() as session:
            added = current_seq(session) - before
    finally:
        db.close()
    if report.error_count:
        raise SystemExit(f"the generated export was refused in part: {report}")
    return added, elapsed


def in_child(fn: Callable[..., T], *args: Any) -> T:
    """Server-side work in a process of its own: the console's process then holds what a
    console holds, which matters here, as a full collection's pause grows with it."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(fn, args)


def emit_leak() -> float:
    """References to True that one Signal.emit() loses: PySide6 6.12.0 drops one per call
    (the bool it returns), and qasync emits a signal for every executor result."""

    class Emitter(QObject):
        fired = Signal()

    emitter = Emitter()
    before = sys.getrefcount(True)
    for _ in range(100):
        emitter.fired.emit()
    return (before - sys.getrefcount(True)) / 100


def full_collection_ms() -> float:
    started = time.perf_counter()
    gc.collect()
    return (time.perf_counter() - started) * 1000


# -- the run ------------------------------------------------------------------------------------
def run_on_loop(loop: qasync.QEventLoop, coro: Coroutine[Any, Any, T]) -> T:
    return loop.run_until_complete(coro)


def main() -> bool:
    """Runs the benchmark; True when the process must end without finalising (see below)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--push", type=int, default=10_000, help="requests queued, then pushed")
    parser.add_argument("--pull", type=int, default=100_000, help="changes made, then pulled")
    parser.add_argument("--database-url", help="PostgreSQL URL (default $PG_URL, else SQLite)")
    parser.add_argument("--keep", action="store_true", help="keep the stores and the schema")
    parser.add_argument("--seed", type=int, default=41)
    parser.add_argument(
        "--no-gc-freeze",
        dest="gc_freeze",
        action="store_false",
        help="leave out the gc.freeze() the console does once started (app/ui/main.py), "
        "to see the full collections' stalls it avoids",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="run the new console's steps under cProfile and print where their time went "
        "(the figures are then slower than without)",
    )
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="relais-bench-sync-"))
    base = pick_database(args.database_url, folder)
    backend = "postgresql" if base.startswith("postgresql") else "sqlite"
    url, schema = with_schema(base)
    server: subprocess.Popen[bytes] | None = None
    consoles: list[Console] = []
    spans: list[Span] = []
    trace = GcTrace(spans)
    try:
        password = in_child(seed, url)
        port = free_port()
        server = start_server(url, port, folder / "server.log")
        server_url = f"http://127.0.0.1:{port}"
        print(
            f"relais-server on {backend} (pid {server.pid}), console loop on qasync; "
            f"push batch {PUSH_BATCH}, pull page {PULL_PAGE}, probe every {PROBE_MS} ms"
            + (", gc.freeze() before each sync" if args.gc_freeze else "")
        )

        app = QApplication.instance() or QApplication(sys.argv[:1])
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        leak = emit_leak()
        if leak:
            # Enough extra references that True outlives the run; the exit skips the
            # interpreter's teardown, where the count would reach zero and abort.
            BALLAST.extend([True] * 1_000_000)
            print(
                f"WARNING: PySide6 loses {leak:g} reference to True per Signal.emit() "
                "(qasync emits one per executor result): a console aborts with "
                "'Fatal Python error: bool_dealloc' after a few thousand"
            )
        probe = StallProbe()
        gc.callbacks.append(trace)

        # -- push: one console, caught up, then N requests saved while "offline" --
        a = Console(folder / "console-041", server_url, "agent1", password, 41, spans)
        consoles.append(a)
        ok, _ = loop.run_until_complete(a.engine.sync_once())  # the demo feed: a normal start
        if not ok:
            raise SystemExit(f"the first sync failed: {a.engine.status.last_error}")
        citizens, save_s = queue_requests(a.workspace, args.push, random.Random(args.seed))
        ops = a.count("SELECT count(*) FROM outbox WHERE state = 'pending'")
        print(
            f"\nQueued {args.push} requests ({citizens} new citizens, {ops} outbox ops) in "
            f"{save_s:.1f} s: {args.push / save_s:.0f} saves/s"
        )

        # The console process's CPU time (all its threads) for each sync: on a loaded
        # machine the wall-clock rates vary from run to run, the work done much less.
        cpu_seconds: list[float] = []

        async def measured(engine: TracedEngine) -> tuple[float, float]:
            probe.start()
            await asyncio.sleep(0.2)  # the idle loop's own lateness, for comparison
            started, cpu = time.perf_counter(), time.process_time()
            ok, _ = await engine.sync_once()
            ended = time.perf_counter()
            cpu_seconds.append(time.process_time() - cpu)
            await asyncio.sleep(0.05)
            probe.stop()
            if not ok or engine.status.state != ONLINE:
                raise SystemExit(f"the sync failed: {engine.status.last_error}")
            return started, ended

        def prepare() -> tuple[int, float]:
            """Tracked objects and what a full collection of them costs, before a sync."""
            if args.gc_freeze:
                gc.collect()
                gc.freeze()
            took = full_collection_ms()
            return len(gc.get_objects()), took

        objects, collect_ms = prepare()
        push_start, push_round_end = loop.run_until_complete(measured(a.engine))
        push_end = a.engine.push_done
        idle = stalls(probe.window(push_start - 0.2, push_start), spans)
        push_s = push_end - push_start
        left = a.count("SELECT count(*) FROM outbox")
        if left:
            raise SystemExit(f"{left} operations were not accepted by the server")
        push_stalls = stalls(probe.window(push_start, push_end), spans)
        back_stalls = stalls(probe.window(push_end, push_round_end), spans)
        print(
            f"Pushed {ops} ops in {push_s:.2f} s: {ops / push_s:.0f} ops/s, "
            f"{args.push / push_s:.0f} requests/s (outbox empty, none held)"
        )
        print(
            f"  idle loop lateness: max {idle.max_ms} ms; before the sync, {objects} objects "
            f"a full collection scans, taking {collect_ms:.0f} ms"
        )
        report_stalls("push", push_stalls, spans)
        print(f"  steps: {step_totals(spans, push_start, push_end)}")
        print(
            f"Then the same round pulled its {a.engine.status.pulled} changes back in "
            f"{push_round_end - push_end:.2f} s"
        )
        report_stalls("pull-back", back_stalls, spans)

        # -- pull: M changes made on the server, then a new console reads the whole feed --
        added, import_s = in_child(make_changes, url, args.pull, folder)
        print(
            f"\nServer: {added} changes imported in {import_s:.1f} s "
            f"({added / import_s:.0f}/s, open-data importer)"
        )
        b = Console(folder / "console-042", server_url, "agent2", password, 42, spans)
        consoles.append(b)
        probe.ticks.clear()
        objects, collect_ms = prepare()
        if args.profile:
            b.engine.profiles = {}
        pull_start, pull_end = loop.run_until_complete(measured(b.engine))
        pull_s = pull_end - pull_start
        pull_cpu_s = cpu_seconds[-1]
        pulled = b.engine.status.pulled
        pull_stalls = stalls(probe.window(pull_start, pull_end), spans)
        requests_here = b.count("SELECT count(*) FROM requests")
        store_mb = b.store_mb()
        pull_mb = b.engine.client.received_bytes / 1e6
        apply_s = step_seconds(spans, "store:apply_page", pull_start, pull_end)
        fetch_s = step_seconds(spans, "net:changes", pull_start, pull_end)
        print(
            f"New console pulled {pulled} changes in {pull_s:.2f} s: "
            f"{pulled / pull_s:.0f} changes/s; {requests_here} requests, store {store_mb:.0f} MB; "
            f"console CPU {cpu_seconds[-1]:.2f} s ({pulled / max(cpu_seconds[-1], 1e-9):.0f} "
            "changes per CPU second)"
        )
        print(
            f"  before the sync, {objects} objects a full collection scans, taking "
            f"{collect_ms:.0f} ms"
        )
        print(
            f"  pages of {PULL_PAGE}: {pull_mb:.1f} MB; fetching and decoding {fetch_s:.2f} s, "
            f"applying {apply_s:.2f} s ({pulled / max(apply_s, 1e-9):.0f} changes/s applied)"
        )
        report_stalls("pull", pull_stalls, spans)
        print(f"  steps: {step_totals(spans, pull_start, pull_end)}")
        for lane, profiles in (b.engine.profiles or {}).items():
            print(f"\nProfile of the new console's {lane} steps, by own time:")
            pstats.Stats(*profiles, stream=sys.stdout).sort_stats("tottime").print_stats(25)
    finally:
        if trace in gc.callbacks:
            gc.callbacks.remove(trace)
        for console in consoles:
            console.close()
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if args.keep:
            print(f"\nKept: {folder}" + (f", schema {schema}" if schema else ""))
        else:
            drop_schema(base, schema)
            shutil.rmtree(folder, ignore_errors=True)

    want_requests, want_s = TARGET_PUSH
    push_ok = args.push / push_s >= want_requests / want_s
    worst = max(push_stalls.max_ms, back_stalls.max_ms, pull_stalls.max_ms)
    stall_ok = worst <= TARGET_STALL_MS
    pull_ok = pulled / pull_s >= TARGET_PULL
    print(
        f"\nTargets: push {want_requests} requests <= {want_s:.0f} s "
        f"({'met' if push_ok else 'NOT met'}: {args.push / push_s:.0f}/s against "
        f"{want_requests / want_s:.0f}/s); pull >= {TARGET_PULL:.0f} changes/s "
        f"({'met' if pull_ok else 'NOT met'}: {pulled / pull_s:.0f}/s); loop stall <= "
        f"{TARGET_STALL_MS:.0f} ms ({'met' if stall_ok else 'NOT met'}: {worst} ms)"
    )
    if leak:
        emits = sum(span.lane != "gc" for span in spans)
        print(f"References to True lost to the engine's {emits} executor results: {emits * leak:g}")
    figures = {
        "backend": backend,
        "gc_freeze": args.gc_freeze,
        "push_requests": args.push,
        "push_ops": ops,
        "save_per_s": round(args.push / save_s, 1),
        "push_s": round(push_s, 2),
        "push_ops_per_s": round(ops / push_s, 1),
        "push_requests_per_s": round(args.push / push_s, 1),
        "push_max_stall_ms": push_stalls.max_ms,
        "push_p99_gap_ms": push_stalls.p99_ms,
        "push_back_s": round(push_round_end - push_end, 2),
        "push_back_max_stall_ms": back_stalls.max_ms,
        "pull_changes": pulled,
        "server_import_per_s": round(added / import_s, 1),
        "pull_s": round(pull_s, 2),
        "pull_changes_per_s": round(pulled / pull_s, 1),
        "pull_page": PULL_PAGE,
        "pull_mb": round(pull_mb, 1),
        "pull_fetch_s": round(fetch_s, 2),
        "pull_cpu_s": round(pull_cpu_s, 2),
        "pull_apply_s": round(apply_s, 2),
        "pull_apply_per_s": round(pulled / max(apply_s, 1e-9), 1),
        "pull_max_stall_ms": pull_stalls.max_ms,
        "pull_p99_gap_ms": pull_stalls.p99_ms,
        "pull_stalls_over_target": pull_stalls.over_target,
        "pull_stalls_in_full_gc": pull_stalls.over_in_full_gc,
        "pull_store_mb": round(store_mb, 1),
        "pull_requests_stored": requests_here,
        "gc_objects": objects,
        "gc_full_ms": round(collect_ms, 1),
        "idle_max_stall_ms": idle.max_ms,
        "true_refs_lost_per_emit": leak,
        "push_target_met": push_ok,
        "pull_target_met": pull_ok,
        "stall_target_met": stall_ok,
    }
    print(json.dumps(figures), flush=True)
    return bool(leak)


if __name__ == "__main__":
    if main():
        sys.stderr.flush()
        os._exit(0)
