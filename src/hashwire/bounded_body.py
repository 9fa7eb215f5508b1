"""Decoding a response body under a cap on DECODED bytes.

A few hundred bytes of gzip or brotli can expand to gigabytes, so the cap must apply to what
comes out of the decompressor, chunk by chunk, and not only to what came over the wire.
"""

from __future__ import annotations

import zlib
from typing import Protocol

from .errors import FetchError

try:
    import brotli
except ImportError:  # brotli is a declared dependency; keep working without "br" if it is missing
    brotli = None

ACCEPT_ENCODING = "gzip, deflate, br" if brotli is not None else "gzip, deflate"

# decompress at most this much per step, so memory stays bounded whatever the ratio
_STEP = 256 * 1024


class _Decoder(Protocol):
    def feed(self, data: bytes, room: int) -> bytes: ...
    def finish(self, room: int) -> bytes: ...


class _Identity:
    def feed(self, data: bytes, room: int) -> bytes:
        return data

    def finish(self, room: int) -> bytes:
        return b""


class _Zlib:
    """gzip (wbits 16+15), zlib-wrapped deflate, or raw deflate (guessed from the first bytes)."""

    def __init__(self, gzip: bool) -> None:
        self._gzip = gzip
        self._obj: zlib._Decompress | None = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzip else None
        self._head = b""  # deflate: the first byte, held until the second tells wrapped from raw

    def _drain(self, data: bytes, room: int) -> bytes:
        assert self._obj is not None
        out = []
        produced = 0
        chunk = self._obj.decompress(data, min(_STEP, room + 1))
        while True:
            out.append(chunk)
            produced += len(chunk)
            if produced > room:
                break  # the caller sees more than `room` and refuses the body
            if self._obj.eof:
                # the stream ended; only another gzip member may follow (anything else is ignored,
                # and an ended decompressor must not be fed again: it would never consume it)
                rest = self._obj.unused_data
                if not (self._gzip and rest[:2] == b"\x1f\x8b"):
                    break
                self._obj = zlib.decompressobj(16 + zlib.MAX_WBITS)
                tail = rest
            else:
                tail = self._obj.unconsumed_tail
            if not tail:
                break
            chunk = self._obj.decompress(tail, min(_STEP, room - produced + 1))
        return b"".join(out)

    def feed(self, data: bytes, room: int) -> bytes:
        if self._obj is None:
            # "deflate" is meant to be zlib-wrapped, but many servers send raw deflate; the wire may
            # deliver the two header bytes in separate chunks
            data = self._head + data
            if len(data) < 2:
                self._head = data
                return b""
            self._head = b""
            wrapped = (data[0] & 0x0F) == 8 and (data[0] << 8 | data[1]) % 31 == 0
            self._obj = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        try:
            return self._drain(data, room)
        except zlib.error as exc:
            raise FetchError("decode", f"corrupt {'gzip' if self._gzip else 'deflate'} body: {exc}") from exc

    def finish(self, room: int) -> bytes:
        if self._obj is None:
            return b""  # (nothing, or one byte: never a whole deflate stream)
        try:
            return self._obj.flush(min(_STEP, room + 1)) if room >= 0 else b""
        except zlib.error as exc:
            raise FetchError("decode", f"corrupt compressed body: {exc}") from exc


class _Brotli:
    def __init__(self) -> None:
        assert brotli is not None
        self._obj = brotli.Decompressor()

    def feed(self, data: bytes, room: int) -> bytes:
        out = []
        produced = 0
        try:
            chunk = self._obj.process(data, output_buffer_limit=min(_STEP, room + 1))
            while True:
                out.append(chunk)
                produced += len(chunk)
                if produced > room or self._obj.can_accept_more_data() or (not chunk and out[-2:-1] == [b""]):
                    break  # (two empty steps in a row: nothing more will come; never spin)
                chunk = self._obj.process(b"", output_buffer_limit=min(_STEP, room - produced + 1))
        except brotli.error as exc:
            raise FetchError("decode", f"corrupt brotli body: {exc}") from exc
        return b"".join(out)

    def finish(self, room: int) -> bytes:
        return b""


def _decoder(name: str) -> _Decoder:
    name = name.strip().lower()
    if name in ("", "identity"):
        return _Identity()
    if name in ("gzip", "x-gzip"):
        return _Zlib(gzip=True)
    if name == "deflate":
        return _Zlib(gzip=False)
    if name == "br" and brotli is not None:
        return _Brotli()
    raise FetchError("decode", f"unsupported content-encoding {name!r}")


class BoundedBody:
    """Accumulates wire chunks, decodes them through the Content-Encoding chain, refuses past `limit`."""

    def __init__(self, content_encoding: str, limit: int) -> None:
        # "gzip, br" means gzip was applied first, so decode in reverse order
        names = [n for n in content_encoding.split(",") if n.strip()] or ["identity"]
        self._chain = [_decoder(n) for n in reversed(names)]
        self._limit = limit
        self._parts: list[bytes] = []
        self.size = 0
        self.wire_size = 0

    def _take(self, data: bytes) -> None:
        if data:
            self.size += len(data)
            if self.size > self._limit:
                raise FetchError("too_large", f"decoded body exceeds {self._limit} bytes")
            self._parts.append(data)

    def feed(self, chunk: bytes) -> None:
        self.wire_size += len(chunk)
        if self.wire_size > self._limit:
            raise FetchError("too_large", f"body exceeds {self._limit} bytes on the wire")
        data = chunk
        for decoder in self._chain:
            data = decoder.feed(data, self._limit - self.size)
        self._take(data)

    def finish(self) -> bytes:
        data = b""
        for decoder in self._chain:
            if data:
                data = decoder.feed(data, self._limit - self.size)
            data += decoder.finish(self._limit - self.size)
        self._take(data)
        return b"".join(self._parts)
