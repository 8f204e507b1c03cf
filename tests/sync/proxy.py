"""A fault-injection HTTP proxy for tests: between a console and the central store, on
loopback, it forwards requests or fails them in the ways networks and servers fail.

Modes (set `proxy.mode` at any time; it applies to the next request):
    pass           forward the request, return the answer
    refuse         nothing listens on the port any more: connections are refused
    timeout        accept and read the request, then never answer
    error500       answer 500 without forwarding
    slow           forward, then hold the answer `delay` seconds
    truncate       forward, return the head and only the first half of the body, close
    drop_response  forward (the server commits), then close without answering
    retry_after    answer 503 with Retry-After: 2 without forwarding

One request per connection: every answer says `Connection: close`, so a keep-alive client
(requests.Session) opens a new connection for its next request and each request meets the
mode in force when it arrives. Request bodies need a Content-Length (a chunked request is
answered 411). With the server down, `pass` answers 502, as a reverse proxy would.
"""

from __future__ import annotations

import json
import socket
import socketserver
import threading
from collections import Counter
from urllib.parse import urlsplit

MODES = (
    "pass",
    "refuse",
    "timeout",
    "error500",
    "slow",
    "truncate",
    "drop_response",
    "retry_after",
)
MAX_HEAD = 64 * 1024
IO_TIMEOUT = 30.0  # reading a client's request, or the server's answer
HOLD = 120.0  # how long `timeout` keeps a connection without answering (or until stop)
_HOP_BY_HOP = (b"connection", b"keep-alive", b"proxy-connection")


class _Listener(socketserver.ThreadingTCPServer):
    allow_reuse_address = True  # switching back from `refuse` rebinds the same port at once
    daemon_threads = True  # a held (`timeout`) connection never blocks the test's end

    def __init__(self, address: tuple[str, int], proxy: FaultProxy) -> None:
        self.proxy = proxy
        super().__init__(address, _Handler)


class _Handler(socketserver.BaseRequestHandler):
    request: socket.socket
    server: _Listener

    def handle(self) -> None:
        self.server.proxy._serve(self.request)


def _read_until_head_end(conn: socket.socket) -> tuple[bytes, bytes] | None:
    data = b""
    while b"\r\n\r\n" not in data:
        if len(data) > MAX_HEAD:
            raise ValueError("request head too large")
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    return head, rest


def _headers(head: bytes) -> tuple[bytes, list[tuple[bytes, bytes]]]:
    first, *lines = head.split(b"\r\n")
    pairs = []
    for line in lines:
        name, _, value = line.partition(b":")
        pairs.append((name.strip(), value.strip()))
    return first, pairs


def _header(pairs: list[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    for key, value in pairs:
        if key.lower() == name:
            return value
    return None


def _closing(first: bytes, pairs: list[tuple[bytes, bytes]]) -> bytes:
    """The head again, saying `Connection: close` (and no other hop-by-hop header)."""
    kept = [k + b": " + v for k, v in pairs if k.lower() not in _HOP_BY_HOP]
    return b"\r\n".join([first, *kept, b"Connection: close"]) + b"\r\n\r\n"


def _answer(status: int, reason: str, extra: dict[str, str] | None = None) -> bytes:
    body = json.dumps(
        {"detail": f"injected fault: {status}", "problems": [{"field": "proxy", "message": reason}]}
    ).encode()
    lines = [
        f"HTTP/1.1 {status} {reason}",
        "Content-Type: application/json",
        f"Content-Length: {len(body)}",
        "Connection: close",
        *(f"{k}: {v}" for k, v in (extra or {}).items()),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


class FaultProxy:
    """`FaultProxy(target_url).start()` returns the proxy's URL; `mode` switches faults;
    `seen` counts the requests received per path (query left out), whatever the mode."""

    def __init__(
        self, target_url: str, host: str = "127.0.0.1", port: int = 0, delay: float = 2.0
    ) -> None:
        target = urlsplit(target_url)
        if target.scheme != "http" or not target.hostname or not target.port:
            raise ValueError(f"expected http://host:port, not {target_url!r}")
        self.target = (target.hostname, target.port)
        self.host, self.port = host, port
        self.delay = delay
        self.seen: Counter[str] = Counter()
        self._mode = "pass"
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._listener: _Listener | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def requests(self) -> int:
        with self._lock:
            return sum(self.seen.values())

    def start(self) -> str:
        self._stopping.clear()
        if self._mode != "refuse":
            self._listen()
        return self.url

    def stop(self) -> None:
        self._stopping.set()  # held connections end now
        self._close_listener()

    @property
    def mode(self) -> str:
        return self._mode

    @mode.setter
    def mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; one of {', '.join(MODES)}")
        with self._lock:
            previous, self._mode = self._mode, mode
        if mode == "refuse" and previous != "refuse":
            self._close_listener()
        elif mode != "refuse" and previous == "refuse" and not self._stopping.is_set():
            self._listen()

    # -- listening --------------------------------------------------------------------------
    def _listen(self) -> None:
        if self._listener is not None:
            return
        listener = _Listener((self.host, self.port), self)
        self.port = listener.server_address[1]
        self._listener = listener
        self._thread = threading.Thread(
            target=listener.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"fault-proxy:{self.port}",
            daemon=True,
        )
        self._thread.start()

    def _close_listener(self) -> None:
        listener, thread = self._listener, self._thread
        self._listener = self._thread = None
        if listener is not None:
            listener.shutdown()
            listener.server_close()  # the port is free: connecting is refused
        if thread is not None:
            thread.join(5)

    # -- one connection ---------------------------------------------------------------------
    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(IO_TIMEOUT)
        try:
            request = self._read_request(conn)
            if request is None:
                return
            with self._lock:
                mode = self._mode
            self._dispatch(conn, mode, request)
        except (OSError, ValueError):
            return  # the client went away or spoke nonsense: the connection just closes

    def _read_request(self, conn: socket.socket) -> bytes | None:
        found = _read_until_head_end(conn)
        if found is None:
            return None
        head, body = found
        first, pairs = _headers(head)
        parts = first.split(b" ")
        path = parts[1].decode("latin-1").split("?", 1)[0] if len(parts) > 1 else "?"
        with self._lock:
            self.seen[path] += 1
        if (_header(pairs, b"transfer-encoding") or b"").lower() == b"chunked":
            conn.sendall(_answer(411, "Length Required"))
            return None
        length = int(_header(pairs, b"content-length") or b"0")
        while len(body) < length:
            chunk = conn.recv(65536)
            if not chunk:
                return None
            body += chunk
        return _closing(first, pairs) + body[:length]

    def _dispatch(self, conn: socket.socket, mode: str, request: bytes) -> None:
        if mode == "timeout":
            self._stopping.wait(HOLD)
            return
        if mode == "error500":
            conn.sendall(_answer(500, "Internal Server Error"))
            return
        if mode == "retry_after":
            conn.sendall(_answer(503, "Service Unavailable", {"Retry-After": "2"}))
            return
        answer = self._forward(request)
        if answer is None:
            conn.sendall(_answer(502, "Bad Gateway"))
            return
        if mode == "drop_response":
            return  # the server did the work; its answer is lost
        if mode == "slow":
            self._stopping.wait(self.delay)
        found = answer.partition(b"\r\n\r\n")
        first, pairs = _headers(found[0])
        head, body = _closing(first, pairs), found[2]
        if mode == "truncate":
            conn.sendall(head + body[: len(body) // 2] if body else head[: len(head) // 2])
            return
        conn.sendall(head + body)

    def _forward(self, request: bytes) -> bytes | None:
        """The server's whole answer (it closes after one: the request says so)."""
        try:
            with socket.create_connection(self.target, timeout=IO_TIMEOUT) as upstream:
                upstream.sendall(request)
                chunks = []
                while chunk := upstream.recv(65536):
                    chunks.append(chunk)
        except OSError:
            return None
        answer = b"".join(chunks)
        return answer if b"\r\n\r\n" in answer else None
