"""Bytes to text for scraped Arabic pages: UTF-8 (with or without BOM), UTF-16, cp1256.

charset-normalizer alone often mistakes short cp1256 Arabic for another single-byte
code page; since marsad reads Arabic news, cp1256 is tried before a general guess
and accepted only when it yields mostly Arabic letters.
"""

from __future__ import annotations

import re

_ARABIC = re.compile("[\u0600-\u06ff]")


class DecodeError(ValueError):
    """The bytes are not text marsad can read (binary, or no encoding fits)."""


def _arabic_share(text: str) -> float:
    letters = sum(ch.isalpha() for ch in text[:20000])
    return len(_ARABIC.findall(text[:20000])) / letters if letters else 0.0


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    controls = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f") or 0xFFFD == ord(ch))
    return controls / len(sample) > 0.05


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding). Raises DecodeError for binary or undecodable input."""
    if not data.strip():
        raise DecodeError("empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise DecodeError(f"UTF-16 byte-order mark but invalid UTF-16 ({exc.reason})") from None
    # UTF-16 without BOM: every other byte is NUL for Latin text, or 0x06 for Arabic
    if len(data) >= 4 and data.count(b"\x00") > len(data) // 4:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if not _looks_binary(text):
                return text, enc
        raise DecodeError("binary content (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
        if _looks_binary(text):
            raise DecodeError("binary content (control characters), not text")
        return text, "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
        if _arabic_share(text) > 0.5 and not _looks_binary(text):
            return text, "cp1256"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200000]).best()
    if best is None:
        raise DecodeError("no text encoding fits (binary or corrupt)")
    text = data.decode(best.encoding, errors="replace")
    if _looks_binary(text):
        raise DecodeError("binary content, not text")
    return text, best.encoding
