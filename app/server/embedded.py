"""The central store run inside the current process: uvicorn in a daemon thread, on a
loopback port. For tests (a real server to sync against, stopped and restarted to play an
outage) and for a one-machine demo; production runs `relais-server serve`."""

from __future__ import annotations

import socket
import threading
import time
import urllib.error
import urllib.request
from types import TracebackType

import uvicorn

from app.server.app import create_app
from app.server.cli import KEEP_ALIVE
from app.server.db import Database, open_database

START_TIMEOUT = 15.0
STOP_TIMEOUT = 10.0
# A request still in flight at stop() gets this long to finish before it is cancelled:
# an outage simulated by a test must not wait on a slow request for long.
GRACEFUL_SHUTDOWN = 3.0
HEALTH_PATH = "/health"


class EmbeddedServerError(RuntimeError):
    """The embedded server could not start; the message says why."""


def _bind(host: str, port: int) -> socket.socket:
    """The listening socket, bound here rather than by uvicorn so that the port (chosen by
    the system when 0) is known before the server thread starts, and a port still taken
    fails in start() with a clear message rather than inside the thread."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    # A restart on the same port must not wait for the old connections' TIME_WAIT.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise EmbeddedServerError(f"cannot listen on {host}:{port}: {exc.strerror}") from exc
    sock.set_inheritable(True)
    return sock


def _answers(url: str, timeout: float) -> bool:
    # No proxy from the environment: the server is on loopback, in this very process.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=timeout) as answer:
            return bool(answer.status == 200)
    except (urllib.error.URLError, OSError):
        return False


class EmbeddedServer:
    """The real app over `database_url` (migrated first, as `serve` does) on host:port,
    port 0 meaning a free one. `start()` returns the base URL once the server answers;
    `stop()` shuts it down and closes the database. Restart on the same port with
    `EmbeddedServer(url, port=previous.port)`."""

    def __init__(self, database_url: str, host: str = "127.0.0.1", port: int = 0) -> None:
        self.database_url = database_url
        self.host = host
        self.port = port
        self.db: Database | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None
        self._failure: BaseException | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, timeout: float = START_TIMEOUT) -> str:
        if self.running:
            return self.url
        self._failure = None
        self.db = open_database(self.database_url)  # migrates, as `serve` does
        try:
            self._socket = _bind(self.host, self.port)
            self.port = self._socket.getsockname()[1]
            config = uvicorn.Config(
                create_app(self.db),
                log_config=None,  # the host process keeps its own logging set-up
                log_level="warning",
                access_log=False,  # requests carry case numbers: no personal data in logs
                timeout_keep_alive=KEEP_ALIVE,
                timeout_graceful_shutdown=int(GRACEFUL_SHUTDOWN),
            )
            self._server = uvicorn.Server(config)
            self._thread = threading.Thread(
                target=self._run, name=f"relais-server:{self.port}", daemon=True
            )
            self._thread.start()
            self._wait_until_up(timeout)
        except BaseException:
            self.stop()
            raise
        return self.url

    def _run(self) -> None:
        assert self._server is not None and self._socket is not None
        try:
            self._server.run(sockets=[self._socket])
        except BaseException as exc:  # uvicorn ends a failed start-up with SystemExit
            self._failure = exc

    def _wait_until_up(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.running:
                reason = repr(self._failure) if self._failure else "its thread ended"
                raise EmbeddedServerError(f"the embedded server at {self.url} stopped: {reason}")
            started = self._server is not None and self._server.started
            if started and _answers(self.url + HEALTH_PATH, timeout=1.0):
                return
            time.sleep(0.02)
        raise EmbeddedServerError(
            f"the embedded server at {self.url} did not answer {HEALTH_PATH} within {timeout:g} s"
        )

    def stop(self) -> None:
        """Stop serving (idle keep-alive connections are closed, a request in flight gets
        GRACEFUL_SHUTDOWN seconds) and close the database. Safe to call twice."""
        server, thread = self._server, self._thread
        if server is not None:
            server.should_exit = True
        if thread is not None:
            thread.join(STOP_TIMEOUT)
            if thread.is_alive() and server is not None:
                server.force_exit = True
                thread.join(STOP_TIMEOUT)
        if self._socket is not None:
            self._socket.close()  # uvicorn closes it too; this covers a failed start
        if self.db is not None:
            self.db.close()
        self._server = self._thread = self._socket = None
        self.db = None

    def __enter__(self) -> EmbeddedServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
