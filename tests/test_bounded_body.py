"""Decoding response bodies under a cap on decoded bytes, chunk by chunk (no network: wire chunks by hand)."""

from __future__ import annotations

import gzip
import random
import tracemalloc
import zlib
from collections.abc import Callable

import brotli
import pytest

from hashwire.bounded_body import BoundedBody
from hashwire.errors import FetchError

PAYLOAD = b"".join(b"<item><title>Story %d</title></item>\n" % i for i in range(400))
MIB = 1024 * 1024


def zlib_wrapped(data: bytes) -> bytes:
    return zlib.compress(data)


def raw_deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


ENCODERS: dict[str, Callable[[bytes], bytes]] = {
    "gzip": gzip.compress, "x-gzip": gzip.compress, " GZip ": gzip.compress,
    "deflate": zlib_wrapped, "deflate-raw": raw_deflate, "br": brotli.compress,
}


def decode(encoding: str, wire: bytes, limit: int = 10 * MIB, step: int = 0) -> bytes:
    body = BoundedBody(encoding, limit)
    step = step or max(1, len(wire))
    for i in range(0, len(wire), step):
        body.feed(wire[i:i + step])
    return body.finish()


def refusal(encoding: str, wire: bytes, limit: int, step: int = 0) -> FetchError:
    with pytest.raises(FetchError) as info:
        decode(encoding, wire, limit, step)
    return info.value


def test_identity_passes_chunks_through_and_counts_them() -> None:
    body = BoundedBody("", 100)
    for chunk in (b"abc", b"", b"defg"):
        body.feed(chunk)
    assert body.finish() == b"abcdefg"
    assert (body.size, body.wire_size) == (7, 7)
    assert decode("identity", b"xyz") == b"xyz"


@pytest.mark.parametrize("step", [0, 1, 2, 7, 4096])
@pytest.mark.parametrize("name", list(ENCODERS))
def test_each_encoding_decodes_whatever_the_chunking(name: str, step: int) -> None:
    # the wire may cut anywhere, even between the two bytes that tell zlib-wrapped from raw deflate
    encoding = "deflate" if name == "deflate-raw" else name
    assert decode(encoding, ENCODERS[name](PAYLOAD), step=step) == PAYLOAD


def test_stacked_encodings_are_undone_last_applied_first() -> None:
    # "gzip, br": gzip was applied first, then brotli over it
    assert decode("gzip, br", brotli.compress(gzip.compress(PAYLOAD)), step=100) == PAYLOAD
    assert decode("deflate,gzip", gzip.compress(zlib.compress(PAYLOAD)), step=3) == PAYLOAD


def test_gzip_members_are_joined_wherever_the_wire_splits_them() -> None:
    first, second = gzip.compress(b"first member;"), gzip.compress(b"second member")
    wire = first + second
    for cut in range(len(first) - 3, len(first) + 4):  # including inside the second member's magic bytes
        body = BoundedBody("gzip", 1000)
        body.feed(wire[:cut])
        body.feed(wire[cut:])
        assert body.finish() == b"first member;second member", cut


def test_junk_after_the_last_gzip_member_is_ignored() -> None:
    assert decode("gzip", gzip.compress(PAYLOAD) + b"\x00\x00junk\n", step=5) == PAYLOAD


def test_empty_body_with_a_content_encoding_is_empty() -> None:
    # a 204 or a HEAD-like answer that still names an encoding
    for encoding in ("gzip", "deflate", "br", "gzip, br"):
        assert decode(encoding, b"") == b""


def test_a_truncated_gzip_stream_yields_a_prefix_of_the_body() -> None:
    # a close-delimited body cut short: what arrived is kept (as with an unencoded body), never garbage
    wire = gzip.compress(PAYLOAD, compresslevel=1)
    out = decode("gzip", wire[: len(wire) // 2])
    assert 0 < len(out) < len(PAYLOAD) and PAYLOAD.startswith(out)


@pytest.mark.parametrize("name", ["gzip", "deflate", "deflate-raw", "br"])
def test_the_cap_is_exact_on_decoded_bytes(name: str) -> None:
    encoding = "deflate" if name == "deflate-raw" else name
    wire = ENCODERS[name](PAYLOAD)
    assert len(wire) < len(PAYLOAD) - 1  # so the wire check cannot be what refuses it
    assert decode(encoding, wire, limit=len(PAYLOAD), step=64) == PAYLOAD
    error = refusal(encoding, wire, limit=len(PAYLOAD) - 1, step=64)
    assert error.kind == "too_large" and str(error) == f"decoded body exceeds {len(PAYLOAD) - 1} bytes"


def test_the_cap_applies_to_wire_bytes_too() -> None:
    assert decode("", PAYLOAD, limit=len(PAYLOAD)) == PAYLOAD
    error = refusal("", PAYLOAD, limit=len(PAYLOAD) - 1, step=1000)
    assert error.kind == "too_large" and "on the wire" in str(error)
    # incompressible bytes grow under gzip: the wire count trips before the decoded one
    noise = random.Random(7).randbytes(20_000)
    wire = gzip.compress(noise)
    assert len(wire) > len(noise)
    error = refusal("gzip", wire, limit=len(noise), step=4096)
    assert error.kind == "too_large" and "on the wire" in str(error)


def _zlib_zeros(wbits: int, mib: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    chunk = bytes(MIB)
    return b"".join(packer.compress(chunk) for _ in range(mib)) + packer.flush()


def _brotli_zeros(mib: int) -> bytes:
    packer = brotli.Compressor(quality=5)
    chunk = bytes(MIB)
    return b"".join(packer.process(chunk) for _ in range(mib)) + packer.finish()


BOMBS: dict[str, Callable[[int], bytes]] = {
    "gzip": lambda mib: _zlib_zeros(16 + zlib.MAX_WBITS, mib),
    "deflate": lambda mib: _zlib_zeros(zlib.MAX_WBITS, mib),
    "br": _brotli_zeros,
}


@pytest.mark.parametrize("encoding", list(BOMBS))
def test_a_bomb_is_refused_without_inflating_it(encoding: str) -> None:
    wire = BOMBS[encoding](64)  # 64 MiB of zeros in at most ~64 KiB
    assert len(wire) < 70_000
    body = BoundedBody(encoding, MIB)
    tracemalloc.start()
    try:
        with pytest.raises(FetchError) as info:
            for i in range(0, len(wire), 16 * 1024):
                body.feed(wire[i:i + 16 * 1024])
            body.finish()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert info.value.kind == "too_large" and "decoded" in str(info.value)
    # decoding is bounded per step: memory stays a few times the cap, far from the 64 MiB inside
    assert peak < 6 * MIB, peak


@pytest.mark.parametrize(("encoding", "wire", "named"), [
    ("gzip", b"\x1f\x8b\x08\x00" + b"\xff" * 40, "gzip"),
    ("gzip", gzip.compress(b"good", mtime=0) + b"\x1f\x8b\x00broken member", "gzip"),
    ("deflate", b"\x78\x9c" + b"\xff" * 40, "deflate"),
    ("br", b"\xff" * 40, "brotli"),
])
def test_corrupt_streams_are_decode_failures_naming_the_encoding(encoding: str, wire: bytes, named: str) -> None:
    error = refusal(encoding, wire, MIB)
    assert error.kind == "decode" and f"corrupt {named} body" in str(error)


@pytest.mark.parametrize("encoding", ["compress", "zstd", "gzip, lzma", "identity, x-custom"])
def test_unknown_encodings_are_refused_before_any_byte(encoding: str) -> None:
    with pytest.raises(FetchError) as info:
        BoundedBody(encoding, MIB)
    assert info.value.kind == "decode" and "unsupported content-encoding" in str(info.value)
