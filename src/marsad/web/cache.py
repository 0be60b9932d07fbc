"""A response cache in front of the app: the store is read-only to the server, so a
page or API answer stays right until a run commits to the store.

Pure ASGI (it answers a hit before FastAPI routes, validates or renders anything):
successful GET responses are kept by path and query, up to a byte budget (least recently
used first out), and all are dropped when SQLite's ``data_version`` says another
connection committed. Clients get an ETag and a 304 when they send it back.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class ResponseCache:
    def __init__(self, app: ASGIApp, db: str, max_bytes: int = 64 * 1024 * 1024, max_item_bytes: int = 2 * 1024 * 1024) -> None:
        self.app = app
        self.max_bytes, self.max_item_bytes = max_bytes, max_item_bytes
        self.items: OrderedDict[bytes, tuple[int, list[tuple[bytes, bytes]], bytes, bytes]] = OrderedDict()
        self.size = 0
        self.hits = self.misses = 0
        # a connection of its own, used only from the event loop: data_version changes when *another* connection commits
        self._conn = sqlite3.connect(f"file:{Path(db).resolve()}?mode=ro", uri=True, check_same_thread=False)
        self._version = self._data_version()

    def _data_version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def _fresh(self) -> None:
        # a few microseconds: checked on every request, so no answer is ever older than the last commit
        version = self._data_version()
        if version != self._version:
            self._version = version
            self.items.clear()
            self.size = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(("/docs", "/openapi", "/redoc")):
            await self.app(scope, receive, send)
            return
        self._fresh()
        key = scope["path"].encode() + b"?" + scope.get("query_string", b"")
        hit = self.items.get(key)
        if hit is not None:
            self.hits += 1
            self.items.move_to_end(key)
            status, headers, body, etag = hit
            if _header(scope, b"if-none-match") == etag:
                await send({"type": "http.response.start", "status": 304, "headers": [(b"etag", etag)]})
                await send({"type": "http.response.body", "body": b""})
                return
            await send({"type": "http.response.start", "status": status, "headers": [*headers, (b"x-cache", b"hit")]})
            await send({"type": "http.response.body", "body": body})
            return
        self.misses += 1
        start: Message = {}
        chunks: list[bytes] = []
        version = self._version

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body"):
                    await self._finish(key, start, b"".join(chunks), version, send)
                return
            await send(message)

        await self.app(scope, receive, capture)

    async def _finish(self, key: bytes, start: Message, body: bytes, version: int, send: Send) -> None:
        status = start.get("status", 500)
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in (b"etag", b"content-length")]
        etag = b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'
        headers += [(b"content-length", str(len(body)).encode()), (b"etag", etag)]
        cacheable = status == 200 and len(body) <= self.max_item_bytes and version == self._version \
            and not any(k.lower() == b"set-cookie" for k, _ in headers)
        if cacheable:
            old = self.items.pop(key, None)
            if old is not None:
                self.size -= len(old[2])
            self.items[key] = (status, headers, body, etag)
            self.size += len(body)
            while self.size > self.max_bytes and self.items:
                _, dropped = self.items.popitem(last=False)
                self.size -= len(dropped[2])
        await send({"type": "http.response.start", "status": status, "headers": [*headers, (b"x-cache", b"miss")]})
        await send({"type": "http.response.body", "body": body})


def _header(scope: Scope, name: bytes) -> bytes | None:
    for k, v in scope.get("headers", []):
        if k.lower() == name:
            return v
    return None
