"""The sync engine: pushes the outbox, then pulls the change feed, on asyncio (the qasync
loop in the console). Blocking work runs in executors: the network in one thread, the
store in another, so the UI thread only ever awaits.

It runs at start, shortly after each local change (`poke`), and on a timer. A failed
round is retried with exponential backoff and full jitter, never sooner than the server's
Retry-After. A batch whose answer was lost is simply sent again: each operation's op_id
makes the replay harmless."""

from __future__ import annotations

import asyncio
import logging
import random
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, TypeVar

from app.protocol import FeedPage, PushResult, Status, is_request_op
from app.services import outbox, replica
from app.services.workspace import KnownStoreError, Workspace
from app.sync.client import (
    Offline,
    Refused,
    ServerBusy,
    SignedOut,
    SyncClient,
    SyncError,
    station_marks,
)

T = TypeVar("T")

PUSH_BATCH = 200
PULL_PAGE = 1000
INTERVAL = 30.0  # seconds between rounds when nothing happens
DEBOUNCE = 0.5  # after a local change, wait this long for the next one
BACKOFF_BASE, BACKOFF_CAP = 1.0, 60.0

OFFLINE, ONLINE, SYNCING, ERROR, SIGNED_OUT = "offline", "online", "syncing", "error", "signed_out"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncStatus:
    state: str = OFFLINE
    pending: int = 0
    held: int = 0  # refused or clashing operations kept for the agent
    last_success: datetime | None = None
    last_error: str = ""
    # What last_error came from, for a screen to say it in the agent's words (the
    # message itself is the client's or the store's, in English).
    error: BaseException | None = field(default=None, compare=False, repr=False)
    pulled: int = 0
    # A download in progress (a new workstation's first sync, or a long outage): changes
    # received so far out of those to get, and the bytes received.
    download_done: int = 0
    download_total: int = 0
    download_bytes: int = 0
    # Cases a change from someone else came in for during the last round (not the echo of
    # this console's own changes): an open case reads again and says so.
    updated: frozenset[str] = frozenset()


def _kept(exc: BaseException) -> BaseException:
    """The failure as the status keeps it: without its traceback (its frames hold the
    round's data, citizens' included, as long as the status lives), nor its causes."""
    exc.__cause__ = exc.__context__ = None
    return exc.with_traceback(None)


def _drop(ahead: asyncio.Future[Any]) -> None:
    """A page asked for ahead that will not be used: its failure, if any, is read (so
    asyncio does not log it as never retrieved), else it is cancelled."""
    if ahead.done():
        if not ahead.cancelled():
            ahead.exception()
    else:
        ahead.cancel()


def _settle(waker: asyncio.Future[None]) -> None:
    if not waker.done():
        waker.set_result(None)


def log_bug(what: str, exc: BaseException) -> str:
    """Log an unforeseen failure without its message (an exception's text may quote a
    citizen's data; its type and where it happened never do); the reason to show."""
    frames = "\n".join(
        f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}'
        for frame in traceback.extract_tb(exc.__traceback__)
    )
    log.error("%s: %s (message withheld)\n%s", what, type(exc).__name__, frames)
    return f"internal error ({type(exc).__name__}), written to the log; the next round retries"


def backoff_delay(failures: int, retry_after: float | None = None) -> float:
    """Full jitter: uniform between 0 and the capped exponential, but at least what the
    server asked for."""
    ceiling = min(BACKOFF_CAP, BACKOFF_BASE * 2 ** max(0, failures - 1))
    delay = random.uniform(0, ceiling)
    return max(delay, retry_after or 0.0)


class SyncEngine:
    def __init__(
        self,
        workspace: Workspace,
        client: SyncClient,
        on_status: Callable[[SyncStatus], None] | None = None,
        *,
        on_conflicts: Callable[[int], None] | None = None,
        interval: float = INTERVAL,
        loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        self.workspace = workspace
        self.client = client
        client.push_records = False  # the feed brings the records a push applied
        self.server = client.base_url
        self.interval = interval
        self.status = SyncStatus()
        self._on_status = on_status
        self._on_conflicts = on_conflicts
        self._net = ThreadPoolExecutor(max_workers=1, thread_name_prefix="relais-net")
        self._store = ThreadPoolExecutor(max_workers=1, thread_name_prefix="relais-sync-store")
        # The console's qasync loop is given: under pytest-qt it is not the "running" loop
        # that asyncio.sleep or get_running_loop would look for.
        self._loop = loop
        self._waker: asyncio.Future[None] | None = None
        self._poked = False
        self._stopped = False
        self._failures = 0
        # Case number -> the revision this console's own last applied change made: the feed
        # brings that change back, and it is no news to the agent who made it.
        self._own: dict[str, int] = {}
        self._updated: set[str] = set()
        self._added: set[str] = set()  # cases new here this round: no one has them open

    # -- control ---------------------------------------------------------------------------
    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        return self._loop or asyncio.get_running_loop()

    def poke(self) -> None:
        """A local change was saved: sync soon."""
        self._poked = True
        waker = self._waker
        if waker is not None and not waker.done():
            waker.set_result(None)

    def stop(self) -> None:
        self._stopped = True
        self.poke()

    def close(self) -> None:
        # Waits for a call in flight (bounded by the client's timeouts): a result landing
        # after the loop is closed would be posted to a deleted Qt object.
        self.stop()
        self._net.shutdown(wait=True, cancel_futures=True)
        self._store.shutdown(wait=True, cancel_futures=True)

    def signed_in(self, token: str) -> None:
        self.client.token = token
        self._failures = 0
        self._set(state=OFFLINE, last_error="")
        self.poke()

    def signed_out(self) -> None:
        """Logged out on purpose: no more rounds until the next login."""
        self.client.token = None
        self._set(state=SIGNED_OUT, last_error="")

    async def run(self) -> None:
        """Round after round until stopped; none before a first login. No failure ends
        it: a round that fails for any reason is reported and retried after a backoff."""
        if self.client.token is None:
            # Not signed in yet: the status bar still says what waits to be sent.
            await self._refresh_counts(state=SIGNED_OUT, last_error="")
        while not self._stopped:
            delay = self.interval
            if self.status.state != SIGNED_OUT:
                ok, retry_after = await self.sync_once()
                if ok:
                    self._failures = 0
                else:
                    self._failures += 1
                    delay = backoff_delay(self._failures, retry_after)
            await self._sleep(delay)

    async def _wait(self, seconds: float) -> bool:
        """Sleep up to `seconds`; True when poked before that."""
        waker: asyncio.Future[None] = self.loop.create_future()
        self._waker, self._poked = waker, False
        timer = self.loop.call_later(seconds, _settle, waker)
        try:
            await waker
        finally:
            timer.cancel()
            self._waker = None
        return self._poked

    async def _sleep(self, seconds: float) -> None:
        if await self._wait(seconds) and not self._stopped:
            # Saves come in bursts (a citizen, then the request): let the burst finish.
            await self._wait(DEBOUNCE)

    # -- one round -------------------------------------------------------------------------
    async def sync_once(self) -> tuple[bool, float | None]:
        """Push everything pending, then pull everything new. (done, retry_after)"""
        self._set(state=SYNCING, updated=frozenset())
        self._updated, self._added = set(), set()
        try:
            await self._push_all()
            pulled = await self._pull_all()
            await self._fetch_awaited_copies()
        except SignedOut as exc:
            await self._refresh_counts(state=SIGNED_OUT, last_error=str(exc), error=_kept(exc))
            return False, None
        except ServerBusy as exc:
            await self._refresh_counts(state=ERROR, last_error=str(exc), error=_kept(exc))
            return False, exc.retry_after
        except Offline as exc:
            await self._refresh_counts(state=OFFLINE, last_error=str(exc), error=_kept(exc))
            return False, None
        except (SyncError, KnownStoreError) as exc:
            # Refused, or the local store busy, full, read-only or damaged: the message
            # says which and what to do.
            await self._refresh_counts(state=ERROR, last_error=str(exc), error=_kept(exc))
            return False, None
        except Exception as exc:  # a bug: reported, logged, and the next round still runs
            await self._refresh_counts(
                state=ERROR, last_error=log_bug("sync round", exc), error=_kept(exc)
            )
            return False, None
        await self._refresh_counts(
            state=ONLINE,
            last_error="",
            last_success=datetime.now(UTC),
            pulled=pulled,
            updated=frozenset(self._updated - self._added),
        )
        return True, None

    async def _push_all(self) -> None:
        store = self.workspace.store
        while True:
            ops = await self._in_store(outbox.next_batch, store, PUSH_BATCH)
            if not ops:
                return
            try:
                results = await self._on_net(self.client.push, ops)
            except SyncError:
                sent = [str(op["op_id"]) for op in ops]
                await self._in_store(outbox.count_attempt, store, sent)
                raise
            outcome = await self._in_store(replica.record_results, store, results)
            self._note_own(results)
            if outcome.conflicts and self._on_conflicts is not None:
                self._on_conflicts(outcome.conflicts)  # the agent is asked at once
            if len(ops) < PUSH_BATCH:
                return

    async def _pull_all(self) -> int:
        store = self.workspace.store
        total = 0
        start_bytes = self.client.received_bytes
        # A store that followed another server starts over (its cursor means nothing here).
        await self._in_store(replica.follow_server, store, self.server)
        since = await self._in_store(replica.cursor, store, self.server)
        # The next page is asked for while this one is applied: the download goes at the
        # pace of the slower of the two, not of both one after the other.
        ahead: asyncio.Future[FeedPage] | None = None
        try:
            while True:
                fetching, ahead = ahead, None
                try:
                    page = await (fetching or self._on_net(self.client.changes, since, PULL_PAGE))
                except Refused as exc:
                    if any(p.get("field") == "since" for p in exc.problems):
                        # A cursor from before a restore, or from another database: read
                        # the whole feed again rather than miss what changed.
                        await self._in_store(replica.forget_cursor, store)
                        since = None
                        continue
                    raise
                changes, since = page["changes"], str(page["cursor"])
                if page.get("has_more"):
                    ahead = asyncio.ensure_future(
                        self._on_net(self.client.changes, since, PULL_PAGE), loop=self.loop
                    )
                await self._learn_station(page.get("station"))
                applied = await self._in_store(replica.apply_page, store, changes, since)
                self._added |= applied.added
                self._note_updated(applied.revised)
                if applied.other.get("catalogue"):
                    await self._in_store(self.workspace.reload_catalogue)
                total += len(changes)
                if not page.get("has_more"):
                    if self.status.download_total:
                        self._set(download_done=0, download_total=0, download_bytes=0)
                    return total
                # The cursor is the store's, opaque: progress is what came and what the
                # page says is left (a store from before `remaining`: what came so far).
                remaining = page.get("remaining")
                left = remaining if isinstance(remaining, int) and remaining > 0 else 0
                self._set(
                    download_done=total,
                    download_total=total + left,
                    download_bytes=self.client.received_bytes - start_bytes,
                )
        finally:
            if ahead is not None:  # the round failed: the page asked for ahead is dropped
                _drop(ahead)

    def _note_own(self, results: list[PushResult]) -> None:
        for result in results:
            revision = result.get("revision")
            if (
                result.get("status") == Status.APPLIED
                and is_request_op(result.get("type"))
                and isinstance(revision, int)
            ):
                target = str(result.get("target") or "")
                self._own[target] = max(self._own.get(target, 0), revision)

    def _note_updated(self, revised: dict[str, int]) -> None:
        """Cases the feed brought newer: news unless it is only this console's own change
        coming back (its revision no higher than the one our push made)."""
        for case_number, revision in revised.items():
            own = self._own.get(case_number, 0)
            if revision > own:
                self._updated.add(case_number)
            if revision >= own:
                self._own.pop(case_number, None)

    async def _learn_station(self, station: object) -> None:
        """The central store's highest sequence per year for this workstation's station:
        its next case numbers start above it (a store restored from an old copy)."""
        if not isinstance(station, dict) or not isinstance(station.get("code"), int):
            return
        marks = station.get("sequences")
        if not isinstance(marks, dict):
            return
        learnt = station_marks(marks)
        await self._in_store(self.workspace.learn_station_marks, station["code"], learnt)

    # -- the store's copy of one case (after the agent dropped a refused change) -----------
    async def fetch_request(self, case_number: str) -> dict[str, Any] | None:
        """The central store's copy of one case, on the sync's own connection and network
        thread (so after the call in flight, never racing it); None when the store has no
        such case. Raises what the client raises (Offline, SignedOut...)."""
        try:
            return await self._on_net(self.client.get_request, case_number)
        except Refused as exc:
            if exc.status == 404:
                return None
            raise

    async def _fetch_awaited_copies(self) -> None:
        """Cases whose refused change was dropped while the store was out of reach."""
        for case_number in await self._in_store(self.workspace.cases_awaiting_copy):
            try:
                record = await self.fetch_request(case_number)
            except Refused:
                continue  # still awaited: asked again at the next round
            try:
                await self._in_store(self.workspace.take_store_copy, case_number, record)
            except Exception as exc:  # still awaited (rolled back): the next round retries
                log.warning("a store copy could not be applied: %s", type(exc).__name__)

    # -- helpers ---------------------------------------------------------------------------
    async def _on_net(self, fn: Callable[..., T], *args: Any) -> T:
        return await self.loop.run_in_executor(self._net, fn, *args)

    async def _in_store(self, fn: Callable[..., T], *args: Any) -> T:
        return await self.loop.run_in_executor(self._store, fn, *args)

    async def _refresh_counts(self, **changes: Any) -> None:
        try:
            waiting, held = await self._in_store(outbox.counts, self.workspace.store)
        except KnownStoreError as exc:  # the counts stay as they were; the state is news
            if "last_error" not in changes:
                changes.update(last_error=str(exc), error=_kept(exc))
            changes["state"] = ERROR
            self._set(**changes)
            return
        except Exception as exc:
            changes.update(last_error=log_bug("counting the outbox", exc), error=_kept(exc))
            changes["state"] = ERROR
            self._set(**changes)
            return
        self._set(pending=waiting, held=held, **changes)

    def _set(self, **changes: Any) -> None:
        if changes.get("last_error") == "":
            changes.setdefault("error", None)
        self.status = replace(self.status, **changes)
        if self._on_status is not None:
            self._on_status(self.status)
