"""A small Prometheus-text metrics registry (no extra dependency).

Other parts of hashwire record into the same registry (`REGISTRY`, or the one handed to create_app):

    fetched = REGISTRY.counter("hashwire_fetch_total", "Fetches by outcome.", ("outcome",))
    fetched.inc(outcome="ok")
    REGISTRY.histogram("hashwire_ingest_seconds", "Time to ingest one article.").observe(0.012)
    REGISTRY.gauge_callback("hashwire_sources", "Sources known.", lambda: {(): 42.0})
"""

from __future__ import annotations

import math
import threading
from bisect import bisect_left
from collections.abc import Callable, Iterable

DEFAULT_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

LabelValues = tuple[str, ...]


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _escape_help(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def _key(names: tuple[str, ...], labels: dict[str, str]) -> LabelValues:
    """The label values in declared order, as text (a value recorded as 404 is the label "404")."""
    return tuple(str(labels[n]) for n in names)


def _labels(names: tuple[str, ...], values: LabelValues, extra: str = "") -> str:
    parts = [f'{n}="{_escape(v)}"' for n, v in zip(names, values, strict=True)]
    if extra:
        parts.append(extra)
    return "{" + ",".join(parts) + "}" if parts else ""


def _number(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    return repr(float(value)) if not float(value).is_integer() else str(int(value))


class Counter:
    kind = "counter"

    def __init__(self, name: str, help: str, labels: tuple[str, ...] = ()) -> None:
        self.name, self.help, self.label_names = name, help, labels
        self._values: dict[LabelValues, float] = {}
        self._lock = threading.Lock()

    def inc(self, amount: float = 1.0, **labels: str) -> None:
        if amount < 0:
            raise ValueError(f"{self.name}: a counter only goes up (got {amount})")
        key = _key(self.label_names, labels)
        with self._lock:
            self._values[key] = self._values.get(key, 0.0) + amount

    def value(self, **labels: str) -> float:
        return self._values.get(_key(self.label_names, labels), 0.0)

    def samples(self) -> Iterable[str]:
        for key, value in sorted(self._values.items()):
            yield f"{self.name}{_labels(self.label_names, key)} {_number(value)}"


class Histogram:
    kind = "histogram"

    def __init__(self, name: str, help: str, labels: tuple[str, ...] = (),
                 buckets: tuple[float, ...] = DEFAULT_BUCKETS) -> None:
        self.name, self.help, self.label_names = name, help, labels
        self.buckets = tuple(sorted({float(b) for b in buckets if not math.isinf(b)}))  # +Inf is implicit
        self._series: dict[LabelValues, list[float]] = {}  # bucket counts..., sum, count
        self._lock = threading.Lock()

    def observe(self, value: float, **labels: str) -> None:
        key = _key(self.label_names, labels)
        index = bisect_left(self.buckets, value)
        with self._lock:
            series = self._series.get(key)
            if series is None:
                series = self._series[key] = [0.0] * (len(self.buckets) + 2)
            if index < len(self.buckets):
                series[index] += 1
            series[-2] += value
            series[-1] += 1

    def samples(self) -> Iterable[str]:
        for key, series in sorted(self._series.items()):
            running = 0.0
            for bound, count in zip(self.buckets, series, strict=False):
                running += count
                le = f'le="{_number(bound)}"'
                yield f"{self.name}_bucket{_labels(self.label_names, key, le)} {_number(running)}"
            inf = 'le="+Inf"'
            yield f"{self.name}_bucket{_labels(self.label_names, key, inf)} {_number(series[-1])}"
            yield f"{self.name}_sum{_labels(self.label_names, key)} {_number(series[-2])}"
            yield f"{self.name}_count{_labels(self.label_names, key)} {_number(series[-1])}"


class GaugeCallback:
    """A gauge read at scrape time: the callback returns {label values: value}."""

    kind = "gauge"

    def __init__(self, name: str, help: str, read: Callable[[], dict[LabelValues, float]],
                 labels: tuple[str, ...] = ()) -> None:
        self.name, self.help, self.label_names, self.read = name, help, labels, read

    def samples(self) -> Iterable[str]:
        try:
            values = self.read()
        except Exception:  # a failing probe must not take the whole scrape down
            return
        for key, value in sorted(values.items()):
            yield f"{self.name}{_labels(self.label_names, key)} {_number(value)}"


Metric = Counter | Histogram | GaugeCallback


class Registry:
    def __init__(self) -> None:
        self._metrics: dict[str, Metric] = {}
        self._lock = threading.Lock()

    def _get(self, name: str, make: Callable[[], Metric]) -> Metric:
        with self._lock:
            metric = self._metrics.get(name)
            if metric is None:
                metric = self._metrics[name] = make()
            return metric

    def counter(self, name: str, help: str, labels: tuple[str, ...] = ()) -> Counter:
        metric = self._get(name, lambda: Counter(name, help, labels))
        assert isinstance(metric, Counter), f"{name} is already a {metric.kind}"
        return metric

    def histogram(self, name: str, help: str, labels: tuple[str, ...] = (),
                  buckets: tuple[float, ...] = DEFAULT_BUCKETS) -> Histogram:
        metric = self._get(name, lambda: Histogram(name, help, labels, buckets))
        assert isinstance(metric, Histogram), f"{name} is already a {metric.kind}"
        return metric

    def gauge_callback(self, name: str, help: str, read: Callable[[], dict[LabelValues, float]],
                       labels: tuple[str, ...] = ()) -> GaugeCallback:
        with self._lock:
            metric = GaugeCallback(name, help, read, labels)
            self._metrics[name] = metric  # the newest callback wins (one app per process)
            return metric

    def render(self) -> str:
        lines: list[str] = []
        with self._lock:
            metrics = list(self._metrics.values())
        for metric in metrics:
            lines.append(f"# HELP {metric.name} {_escape_help(metric.help)}")
            lines.append(f"# TYPE {metric.name} {metric.kind}")
            lines.extend(metric.samples())
        return "\n".join(lines) + "\n"


REGISTRY = Registry()
