"""The Prometheus text registry: every rendered line parses back to what was recorded (label values with
quotes, backslashes and newlines; help texts; special values), histogram buckets follow `le`, counters
only go up, and recording from many threads loses nothing."""

from __future__ import annotations

import math
import re
import threading

import pytest

from hashwire.metrics import Registry

_NAME = r"[a-zA-Z_:][a-zA-Z0-9_:]*"
_LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\\\|\\"|\\n)*)"')
_SAMPLE = re.compile(rf"^({_NAME})(?:\{{(.*)\}})? (\S+)$")
_VALUE = re.compile(r"^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|NaN|[+-]Inf)$")


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "\\": "\\", '"': '"'}[m.group(1)], text)


def _help_unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "\\": "\\"}[m.group(1)], text)


def parse(text: str) -> tuple[dict[str, tuple[str, str]], list[tuple[str, dict[str, str], float]]]:
    """A strict reader of the text exposition format: {name: (help, type)} and the samples."""
    assert text.endswith("\n")
    meta: dict[str, list[str]] = {}
    samples: list[tuple[str, dict[str, str], float]] = []
    for line in text[:-1].split("\n"):
        if line.startswith("# HELP "):
            name, _, help_text = line[7:].partition(" ")
            assert re.fullmatch(_NAME, name), line
            meta.setdefault(name, ["", ""])[0] = _help_unescape(help_text)
        elif line.startswith("# TYPE "):
            name, _, kind = line[7:].partition(" ")
            assert kind in ("counter", "gauge", "histogram", "summary", "untyped"), line
            meta.setdefault(name, ["", ""])[1] = kind
        else:
            m = _SAMPLE.match(line)
            assert m, f"not a sample line: {line!r}"
            labels: dict[str, str] = {}
            body = m.group(2) or ""
            pos = 0
            while pos < len(body):
                lm = _LABEL.match(body, pos)
                assert lm, f"bad labels in {line!r}"
                assert lm.group(1) not in labels, f"label repeated in {line!r}"
                labels[lm.group(1)] = _unescape(lm.group(2))
                pos = lm.end()
                if pos < len(body):
                    assert body[pos] == ",", line
                    pos += 1
            assert _VALUE.match(m.group(3)), f"bad value in {line!r}"
            samples.append((m.group(1), labels, float(m.group(3).replace("Inf", "inf"))))
    return {k: (v[0], v[1]) for k, v in meta.items()}, samples


HOSTILE = ['plain', 'with "quotes"', "back\\slash", "new\nline", "trailing\\", 'a},b="c"', "مرحبا", "", "\\n"]


def test_label_values_round_trip_through_the_text_format() -> None:
    registry = Registry()
    counter = registry.counter("t_total", "Counted.", ("route", "status"))
    for i, value in enumerate(HOSTILE):
        counter.inc(i + 1, route=value, status="200")
    _, samples = parse(registry.render())
    got = {labels["route"]: value for name, labels, value in samples if name == "t_total"}
    assert got == {value: float(i + 1) for i, value in enumerate(HOSTILE)}


def test_help_text_is_escaped() -> None:
    registry = Registry()
    registry.counter("t_total", "First line\nsecond line with a back\\slash", ())
    meta, _ = parse(registry.render())
    assert meta["t_total"] == ("First line\nsecond line with a back\\slash", "counter")


def test_label_values_that_are_not_strings_do_not_break_the_scrape() -> None:
    """A status recorded as an int must not make every later scrape fail."""
    registry = Registry()
    counter = registry.counter("t_total", "Counted.", ("status",))
    counter.inc(status=404)  # type: ignore[arg-type]
    counter.inc(status="404")
    registry.histogram("t_seconds", "Timed.", ("code",)).observe(0.5, code=7)  # type: ignore[arg-type]
    _, samples = parse(registry.render())
    assert ("t_total", {"status": "404"}, 2.0) in samples
    assert ("t_seconds_count", {"code": "7"}, 1.0) in samples


def test_counters_only_go_up() -> None:
    counter = Registry().counter("t_total", "Counted.")
    counter.inc(2.5)
    with pytest.raises(ValueError):
        counter.inc(-1)
    assert counter.value() == 2.5


def test_counter_needs_every_label() -> None:
    counter = Registry().counter("t_total", "Counted.", ("a", "b"))
    with pytest.raises(KeyError):
        counter.inc(a="x")
    counter.inc(a="x", b="y")
    assert counter.value(a="x", b="y") == 1.0 and counter.value(a="x", b="z") == 0.0


def histogram_lines(registry: Registry, name: str, **labels: str) -> dict[str, float]:
    _, samples = parse(registry.render())
    out = {}
    for sample, got, value in samples:
        rest = {k: v for k, v in got.items() if k != "le"}
        if sample.startswith(name) and rest == labels:
            out[sample[len(name):] + (f"[{got['le']}]" if "le" in got else "")] = value
    return out


def test_histogram_buckets_follow_le_at_the_boundaries() -> None:
    registry = Registry()
    h = registry.histogram("t_seconds", "Timed.", buckets=(1.0, 0.1, 0.5))  # given out of order
    for value in (0.0, 0.1, 0.1000001, 0.5, 1.0, 1.5, 1e9):
        h.observe(value)
    lines = histogram_lines(registry, "t_seconds")
    assert lines == {"_bucket[0.1]": 2, "_bucket[0.5]": 4, "_bucket[1]": 5, "_bucket[+Inf]": 7,
                     "_sum": pytest.approx(0.0 + 0.1 + 0.1000001 + 0.5 + 1.0 + 1.5 + 1e9), "_count": 7}
    text = registry.render()
    order = [line.split("le=")[1] for line in text.splitlines() if "_bucket" in line]
    assert order == ['"0.1"} 2', '"0.5"} 4', '"1"} 5', '"+Inf"} 7']  # ascending, +Inf last


def test_histogram_series_are_separate_per_label_and_negative_values_count() -> None:
    registry = Registry()
    h = registry.histogram("t_seconds", "Timed.", ("route",), buckets=(0.0, 1.0))
    h.observe(-0.5, route="/a")
    h.observe(2.0, route="/b")
    assert histogram_lines(registry, "t_seconds", route="/a") == {
        "_bucket[0]": 1, "_bucket[1]": 1, "_bucket[+Inf]": 1, "_sum": -0.5, "_count": 1}
    assert histogram_lines(registry, "t_seconds", route="/b") == {
        "_bucket[0]": 0, "_bucket[1]": 0, "_bucket[+Inf]": 1, "_sum": 2.0, "_count": 1}


def test_histogram_bucket_lists_with_repeats_or_infinity_give_one_series_per_bound() -> None:
    registry = Registry()
    h = registry.histogram("t_seconds", "Timed.", buckets=(0.5, 0.5, 1.0, math.inf))
    for value in (0.2, 0.7, 3.0):
        h.observe(value)
    _, samples = parse(registry.render())
    bounds = [labels["le"] for name, labels, _ in samples if name == "t_seconds_bucket"]
    assert bounds == ["0.5", "1", "+Inf"]
    assert [v for name, _, v in samples if name == "t_seconds_bucket"] == [1, 2, 3]


def test_special_values_use_the_format_spelling() -> None:
    registry = Registry()
    registry.gauge_callback("t_gauge", "Read at scrape time.", lambda: {
        ("nan",): math.nan, ("up",): math.inf, ("down",): -math.inf, ("big",): 1e21, ("tiny",): 2.5e-9,
        ("int",): 3.0}, ("v",))
    text = registry.render()
    assert 't_gauge{v="nan"} NaN' in text and 't_gauge{v="up"} +Inf' in text
    assert 't_gauge{v="down"} -Inf' in text and 't_gauge{v="int"} 3' in text
    _, samples = parse(text)
    values = {labels["v"]: value for _, labels, value in samples}
    assert values["big"] == 1e21 and values["tiny"] == 2.5e-9


def test_a_failing_gauge_keeps_the_rest_of_the_scrape() -> None:
    registry = Registry()
    registry.counter("a_total", "A.").inc()

    def broken() -> dict[tuple[str, ...], float]:
        raise RuntimeError("database is down")

    registry.gauge_callback("b_gauge", "B.", broken)
    registry.counter("c_total", "C.").inc(3)
    meta, samples = parse(registry.render())
    assert set(meta) == {"a_total", "b_gauge", "c_total"}
    assert [(n, v) for n, _, v in samples] == [("a_total", 1.0), ("c_total", 3.0)]


def test_registry_returns_one_metric_per_name_and_the_newest_gauge() -> None:
    registry = Registry()
    first = registry.counter("t_total", "Counted.", ("k",))
    assert registry.counter("t_total", "Counted.", ("k",)) is first
    with pytest.raises(AssertionError, match="already a counter"):
        registry.histogram("t_total", "Timed.")
    registry.gauge_callback("g", "G.", lambda: {(): 1.0})
    registry.gauge_callback("g", "G.", lambda: {(): 2.0})
    _, samples = parse(registry.render())
    assert [v for n, _, v in samples if n == "g"] == [2.0]


def test_recording_from_many_threads_loses_nothing() -> None:
    registry = Registry()
    counter = registry.counter("t_total", "Counted.", ("worker",))
    h = registry.histogram("t_seconds", "Timed.", buckets=(0.5,))

    def work(n: int) -> None:
        for i in range(5000):
            counter.inc(worker=str(n % 2))
            h.observe(0.25 if i % 2 else 0.75)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert counter.value(worker="0") + counter.value(worker="1") == 40_000
    assert histogram_lines(registry, "t_seconds") == {"_bucket[0.5]": 20_000, "_bucket[+Inf]": 40_000,
                                                       "_sum": 20_000.0, "_count": 40_000}
