"""/metrics: Prometheus text with request counts and latencies by route, store counts, and a registry
other parts of hashwire record into."""

from __future__ import annotations

import re
from pathlib import Path

from hashwire.config import Config
from hashwire.web.app import create_app
from hashwire.web.metrics import Registry
from web_corpus import Client, open_seeded


def test_metrics_by_route_and_store_counts(tmp_path: Path) -> None:
    store, _ = open_seeded(tmp_path / "metrics.db")
    try:
        registry = Registry()
        client = Client(create_app(store, Config(environ={}), registry=registry))
        for _ in range(3):
            client.get("/en/hashtag/PortStrike")  # one miss, then cache hits: all counted under the route
        client.get("/en/hashtag/Shipping")
        client.get("/api/v1/sources")
        client.get("/en/article/" + "0" * 32)
        fetched = registry.counter("hashwire_fetch_total", "Fetches by outcome.", ("outcome",))
        fetched.inc(outcome="ok")
        registry.histogram("hashwire_ingest_seconds", "Time to ingest one article.").observe(0.02)
        text = client.get("/metrics").text
        assert 'hashwire_http_requests_total{route="/{lang}/hashtag/{tag}",method="GET",status="200"} 4' in text
        assert 'hashwire_http_requests_total{route="/api/v1/sources",method="GET",status="200"} 1' in text
        assert 'hashwire_http_requests_total{route="/{lang}/article/{id}",method="GET",status="404"} 1' in text
        assert re.search(r'hashwire_http_request_duration_seconds_count\{route="/\{lang\}/hashtag/\{tag\}"\} 4', text)
        assert 'hashwire_http_request_duration_seconds_bucket{route="/api/v1/sources",le="+Inf"} 1' in text
        assert re.search(r'hashwire_store_objects\{kind="articles"\} \d+', text)
        assert 'hashwire_fetch_total{outcome="ok"} 1' in text
        assert "hashwire_ingest_seconds_sum 0.02" in text
        assert "# TYPE hashwire_http_requests_total counter" in text
        assert 'hashwire_web_cache_total{result="hit"} 2' in text
    finally:
        store.close()


def test_histogram_buckets_are_cumulative() -> None:
    registry = Registry()
    latency = registry.histogram("t_seconds", "t", buckets=(0.1, 1.0))
    for value in (0.05, 0.5, 5.0):
        latency.observe(value)
    text = registry.render()
    assert 't_seconds_bucket{le="0.1"} 1' in text
    assert 't_seconds_bucket{le="1"} 2' in text
    assert 't_seconds_bucket{le="+Inf"} 3' in text
    assert "t_seconds_count 3" in text
