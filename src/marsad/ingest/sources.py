"""Turn what the user named (files, folders, feed URLs) into input units.

An input unit is one file or URL: the granularity at which a run records progress,
so a re-run skips units already done and a folder that gained files processes only
the new ones.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..records import IngestError
from .formats import ARCHIVES, READERS, Item, Limits, read_bytes, read_feed, suffix_of

KNOWN_SUFFIXES = set(READERS) | set(ARCHIVES)


@dataclass
class InputUnit:
    key: str  # the path or URL as the user will recognise it
    fingerprint: str  # size:mtime for files; changes when the file changes
    size: int
    folder: str | None
    is_url: bool = False

    def read(self, limits: Limits) -> Iterator[Item]:
        if self.is_url:
            yield from fetch_feed(self.key, limits)
            return
        if self.size > limits.max_file_bytes:
            yield IngestError(self.key, f"file is {self.size} bytes, over the {limits.max_file_bytes}-byte limit (--max-file-mb)")
            return
        try:
            data = Path(self.key).read_bytes()
        except OSError as exc:
            yield IngestError(self.key, f"cannot read: {exc.strerror or exc}")
            return
        yield from read_bytes(data, self.key, self.key, self.folder, limits)


def discover(inputs: list[str]) -> Iterator[InputUnit | IngestError]:
    """Expand the user's inputs into units, folders recursively in a stable order."""
    for raw in inputs:
        if raw.startswith(("http://", "https://")):
            yield InputUnit(key=raw, fingerprint="url", size=0, folder=None, is_url=True)
            continue
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith(".") or name.lower() in ("readme.md", "license"):
                        continue
                    full = Path(root) / name
                    if suffix_of(name) not in KNOWN_SUFFIXES:
                        yield IngestError(str(full), f"unsupported file type '{suffix_of(name) or name}'")
                        continue
                    yield _unit(full)
        elif path.is_file():
            yield _unit(path)
        else:
            yield IngestError(raw, "no such file, folder or URL")


def _unit(path: Path) -> InputUnit:
    st = path.stat()
    folder = path.parent.name or None
    return InputUnit(key=str(path), fingerprint=f"{st.st_size}:{int(st.st_mtime)}", size=st.st_size, folder=folder)


def fetch_feed(url: str, limits: Limits, max_redirects: int = 5) -> Iterator[Item]:
    """Fetch an RSS/Atom feed over HTTP with a timeout, a redirect cap and a size cap."""
    import httpx

    try:
        with httpx.Client(timeout=limits.fetch_timeout_s, follow_redirects=True, max_redirects=max_redirects) as client:
            with client.stream("GET", url) as resp:
                resp.raise_for_status()
                chunks, size = [], 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > limits.max_feed_bytes:
                        yield IngestError(url, f"feed larger than {limits.max_feed_bytes} bytes; stopped reading")
                        return
                    chunks.append(chunk)
    except httpx.TooManyRedirects:
        yield IngestError(url, f"more than {max_redirects} redirects (redirect loop?)")
        return
    except httpx.TimeoutException:
        yield IngestError(url, f"timed out after {limits.fetch_timeout_s} s")
        return
    except httpx.HTTPStatusError as exc:
        yield IngestError(url, f"HTTP {exc.response.status_code}")
        return
    except httpx.HTTPError as exc:
        yield IngestError(url, f"fetch failed: {type(exc).__name__}: {exc}")
        return
    yield from read_feed(b"".join(chunks), url, None, feed_url=url)
