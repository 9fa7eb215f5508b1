"""The local newsroom: determinism, feeds, pages, truth, copies, conditional GET, and laziness at scale."""

from __future__ import annotations

import gzip
import hashlib
import html
import importlib.util
import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import combinations, pairwise
from pathlib import Path

import feedparser
import pytest

from hashwire.newsroom import Newsroom, RunningNewsroom, serve_in_thread
from hashwire.newsroom.server import Site

NOW = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)
TAXONOMY = {"World", "Politics", "Business", "Technology", "Science", "Health", "Sports", "Entertainment", "General"}


HUNDRED_THOUSAND = (
    "import resource, time\n"
    "from datetime import datetime, UTC\n"
    "from hashwire.newsroom import Newsroom\n"
    "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "t = time.process_time()\n"
    "room = Newsroom(seed=1, outlets=100, days=10, per_day=100, now=datetime(2026, 11, 20, tzinfo=UTC))\n"
    "n = sum(1 for _ in room.articles('http://127.0.0.1:9'))\n"
    "grew = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base\n"
    "print(n, grew, time.process_time() - t)\n"
)


@pytest.fixture(scope="module")
def hundred_thousand() -> Iterator[subprocess.Popen[str]]:
    """100,000 truth records generated in a separate process (its peak memory is its own), started with
    the module's first test so that it runs while the others do."""
    proc = subprocess.Popen([sys.executable, "-c", HUNDRED_THOUSAND], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.communicate()


@pytest.fixture(scope="module")
def room() -> Newsroom:
    return Newsroom(seed=11, outlets=10, days=2, per_day=4, now=NOW)


@pytest.fixture(scope="module")
def served(room: Newsroom) -> Iterator[RunningNewsroom]:
    with serve_in_thread(room) as running:
        yield running


@pytest.fixture(scope="module")
def truth(room: Newsroom, served: RunningNewsroom) -> dict:
    return room.truth(served.base_url)


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, {k.lower(): v for k, v in resp.headers.items()}, resp.read()
    except urllib.error.HTTPError as err:
        with err:
            return err.code, {k.lower(): v for k, v in err.headers.items()}, err.read()


def shingles(text: str, k: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + k]) for i in range(max(1, len(words) - k + 1))}


def jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb)


def test_same_seed_same_bytes(hundred_thousand: subprocess.Popen[str]) -> None:
    a = Newsroom(seed=5, outlets=6, days=1, per_day=3, now=NOW)
    b = Newsroom(seed=5, outlets=6, days=1, per_day=3, now=NOW)
    assert json.dumps(a.truth("http://h")) == json.dumps(b.truth("http://h"))
    site_a, site_b = Site(a), Site(b)
    for path in ["/", "/opml.xml", *(o.feed_path for o in a.outlets),
                 *(r["url"][len("http://h"):] for r in a.articles("http://h"))]:
        page_a, page_b = site_a.get(path, "http://h"), site_b.get(path, "http://h")
        assert page_a is not None and page_b is not None
        assert page_a.body == page_b.body
    c = Newsroom(seed=6, outlets=6, days=1, per_day=3, now=NOW)
    assert [r["title"] for r in c.articles()] != [r["title"] for r in a.articles()]


def test_same_seed_same_truth_in_another_process() -> None:
    script = (
        "import hashlib, json\n"
        "from datetime import datetime, UTC\n"
        "from hashwire.newsroom import Newsroom\n"
        "room = Newsroom(seed=5, outlets=6, days=1, per_day=3, now=datetime(2026, 11, 20, 18, tzinfo=UTC))\n"
        "print(hashlib.sha256(json.dumps(room.truth('http://h')).encode()).hexdigest())\n"
    )
    room = Newsroom(seed=5, outlets=6, days=1, per_day=3, now=NOW)
    here = hashlib.sha256(json.dumps(room.truth("http://h")).encode()).hexdigest()
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True,
                         env={**os.environ, "PYTHONHASHSEED": "12345"})
    assert out.stdout.strip() == here


def test_misbehaving_hosts_are_mounted_when_present(served: RunningNewsroom) -> None:
    if importlib.util.find_spec("hashwire.newsroom.misbehave") is None:
        pytest.skip("no misbehaving hosts in this tree")
    assert get(served.base_url + "/bad/feed.xml")[0] == 200


def test_truth_shape(room: Newsroom, truth: dict) -> None:
    assert len(truth["outlets"]) == 10
    assert {o["feed_format"] for o in truth["outlets"]} == {"rss20", "atom10", "rdf", "jsonfeed"}
    assert {o["language"] for o in truth["outlets"]} == {"en", "ar"}
    urls = [a["url"] for a in truth["articles"]]
    assert len(urls) == len(set(urls)) == len(room)
    by_url = {a["url"]: a for a in truth["articles"]}
    for a in truth["articles"]:
        assert a["category"] in TAXONOMY
        assert a["tags"] and all(" " not in t for t in a["tags"])
        assert a["published"] <= NOW.isoformat().replace("+00:00", "Z")
        if a["copy_of"] is not None:
            original = by_url[a["copy_of"]]
            assert original["story"] == a["story"] and a["copy_kind"] in {"verbatim", "edited", "repost"}
            assert (original["outlet"] == a["outlet"]) == (a["copy_kind"] == "repost")
    story_urls = sorted(u for s in truth["stories"] for u in s["articles"])
    assert story_urls == sorted(urls)
    kinds = Counter(a["copy_kind"] for a in truth["articles"])
    assert kinds["verbatim"] and kinds["edited"] and kinds[None] > len(urls) / 2


def test_written_truth_file_equals_truth(room: Newsroom, tmp_path: Path) -> None:
    path = tmp_path / "truth.json"
    room.write_truth(path, "http://127.0.0.1:8080")
    assert json.loads(path.read_text(encoding="utf-8")) == room.truth("http://127.0.0.1:8080")


def test_every_truth_article_is_served_with_its_title(truth: dict) -> None:
    for a in truth["articles"]:
        status, _headers, body = get(a["url"])
        assert status == 200, a["url"]
        page = html.unescape(body.decode("utf-8"))
        assert a["title"] in page
        assert f'<link rel="canonical" href="{a["url"]}">' in page
        if a["language"] == "ar":
            assert 'dir="rtl"' in page and 'lang="ar"' in page


def test_feeds_parse_and_reach_every_article(served: RunningNewsroom, truth: dict) -> None:
    seen: set[str] = set()
    expected_version = {"rss20": "rss20", "atom10": "atom10", "rdf": "rss10"}
    for outlet in truth["outlets"]:
        status, headers, body = get(outlet["feed_url"])
        assert status == 200
        if outlet["feed_format"] == "jsonfeed":
            doc = json.loads(body)
            assert doc["version"] == "https://jsonfeed.org/version/1.1" and headers["content-type"].startswith(
                "application/feed+json")
            links = [item["url"] for item in doc["items"]]
            assert all(item["title"] and item["date_published"] for item in doc["items"])
        else:
            parsed = feedparser.parse(body)
            assert not parsed.bozo, parsed.get("bozo_exception")
            assert parsed.version == expected_version[outlet["feed_format"]]
            links = [e.link for e in parsed.entries]
            assert all(e.title for e in parsed.entries)
        seen.update(link.split("?")[0] for link in links)
    assert seen == {a["url"] for a in truth["articles"]}
    status, _, body = get(served.opml_url)
    assert status == 200 and body.count(b"xmlUrl=") == len(truth["outlets"])


def test_tracking_links_and_clean_canonical(served: RunningNewsroom, truth: dict) -> None:
    tracked = [o for o, outlet in zip(served.newsroom.outlets, truth["outlets"], strict=True) if o.tracking]
    assert tracked
    status, _, body = get(served.base_url + tracked[0].feed_path)
    link = re.search(rb"https?://[^<\"]+utm_source=rss[^<\"]*", body)
    assert link is not None
    url = html.unescape(link.group(0).decode())
    status, _, page = get(url)
    assert status == 200
    assert f'<link rel="canonical" href="{url.split("?")[0]}">' in page.decode()


def test_pages_look_like_news_pages(room: Newsroom, served: RunningNewsroom, truth: dict) -> None:
    pages = {a["outlet"]: get(a["url"])[2].decode() for a in truth["articles"]}
    for page in pages.values():
        for marker in ("Facebook Tweet Link Follow", "cookie", "<figcaption>", "<footer", "<nav", "…"):
            assert marker in page or ("فيسبوك" in page and marker == "Facebook Tweet Link Follow")
    with_jsonld = [p for p in pages.values() if "application/ld+json" in p]
    assert 0 < len(with_jsonld) < len(pages)
    assert any('property="og:title"' in p for p in pages.values())
    arabic = [p for slug, p in pages.items() if slug in {o.slug for o in room.outlets if o.language == "ar"}]
    assert arabic and all(re.search("[\u0600-\u06ff]{4,}", p) for p in arabic)
    for path in ["/", f"/{room.outlets[0].slug}/", f"/{room.outlets[0].slug}/world/",
                 f"/{room.outlets[0].slug}/sitemap-news.xml", "/robots.txt"]:
        assert get(served.base_url + path)[0] == 200
    assert get(served.base_url + "/no-such-outlet/x")[0] == 404
    assert get(served.base_url + f"/{room.outlets[0].slug}/2026/01/01/made-up-999999.html")[0] == 404


def test_conditional_get(served: RunningNewsroom, truth: dict) -> None:
    for url in (truth["articles"][0]["url"], truth["outlets"][0]["feed_url"]):
        status, headers, _ = get(url)
        assert status == 200 and headers["etag"] and headers["last-modified"]
        assert get(url, {"If-None-Match": headers["etag"]})[0] == 304
        assert get(url, {"If-Modified-Since": headers["last-modified"]})[0] == 304
        assert get(url, {"If-None-Match": '"stale"'})[0] == 200
        assert get(url, {"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})[0] == 200


def test_gzip_and_arabic_addresses(served: RunningNewsroom, truth: dict) -> None:
    url = truth["articles"][0]["url"]
    _, _, plain = get(url)
    status, headers, body = get(url, {"Accept-Encoding": "gzip"})
    assert status == 200 and headers["content-encoding"] == "gzip"
    assert gzip.decompress(body) == plain
    encoded = [a["url"] for a in truth["articles"] if "%D8" in a["url"]]
    assert encoded, "an Arabic outlet puts its headlines in its addresses"
    assert get(encoded[0])[0] == 200


def test_copies_are_near_identical_and_stories_differ() -> None:
    room = Newsroom(seed=3, outlets=20, days=3, per_day=8, now=NOW)
    text = {room.article(i).path: "\n\n".join(room.article(i).paragraphs) for i in range(len(room))}
    records = list(room.articles())
    copies = [r for r in records if r["copy_of"]]
    assert len(copies) > 20
    for r in copies:
        similarity = jaccard(text[r["url"]], text[r["copy_of"]])
        assert similarity >= 0.8, (r["copy_kind"], similarity)
        if r["copy_kind"] in ("verbatim", "repost"):
            assert text[r["url"]] == text[r["copy_of"]]
    originals = [r for r in records if r["copy_of"] is None]
    # independent write-ups of one event are reworded, not copied
    by_story: dict[str, list[str]] = {}
    for r in originals:
        by_story.setdefault(r["story"], []).append(r["url"])
    pairs = [(a, b) for urls in by_story.values() for a, b in combinations(urls, 2)]
    assert pairs and max(jaccard(text[a], text[b]) for a, b in pairs) < 0.6
    # events of the same kind at the same time, in different places: present, and worded apart
    stories = list(room.stories())
    same_kind = [(a, b) for a, b in pairwise(stories) if a["kind"] == b["kind"]]
    assert len(same_kind) >= 5
    for a, b in same_kind:
        assert jaccard(text[a["articles"][0]], text[b["articles"][0]]) < 0.5


def test_corrections_and_developing_stories() -> None:
    room = Newsroom(seed=3, outlets=20, days=3, per_day=8, now=NOW)
    records = list(room.articles())
    corrected = [r for r in records if r["updated"]]
    assert corrected and all(r["updated"] > r["published"] for r in corrected)
    i = room.find(corrected[0]["url"])
    assert i is not None
    assert room.article(i).correction.startswith(("Correction:", "تصحيح:"))
    developing = 0
    for story in room.stories():
        mine = [r for r in records if r["story"] == story["id"]]
        days = {r["published"][:10] for r in mine}
        if len({r["outlet"] for r in mine}) >= 3 and len(days) >= 2:
            developing += 1
    assert developing >= 5, "stories told by several outlets over several days"
    english = [t for r in records if r["language"] == "en" for t in r["tags"]]
    assert all(re.fullmatch(r"[A-Z][A-Za-z0-9]*", t) for t in english), "CamelCase tags"
    arabic = [t for r in records if r["language"] == "ar" for t in r["tags"]]
    assert arabic and all(" " not in t for t in arabic)


def test_default_newsroom_is_fully_reachable_from_feeds() -> None:
    room = Newsroom(now=NOW)
    assert len(room.outlets) == 20 and sum(o.language == "ar" for o in room.outlets) == 4
    assert all(len(room.outlet_articles(o.index)) <= room.feed_size for o in room.outlets)


def test_hundred_thousand_records_lazily(hundred_thousand: subprocess.Popen[str]) -> None:
    out, err = hundred_thousand.communicate(timeout=300)
    assert hundred_thousand.returncode == 0, err
    count, grew_kb, _seconds = out.split()
    assert int(count) == 100_000
    assert int(grew_kb) < 50 * 1024, f"peak memory grew by {int(grew_kb) // 1024} MB"


def test_live_newsroom_keeps_publishing() -> None:
    clock = [NOW]
    room = Newsroom(seed=4, outlets=5, days=1, per_day=6, now=NOW, live=True, clock=lambda: clock[0])
    later = NOW + timedelta(hours=12)
    with serve_in_thread(room) as running:
        before = room.truth(running.base_url)
        assert before["articles"] and all(a["published"] <= "2026-11-20T18:00:00Z" for a in before["articles"])
        upcoming = [r for r in room.articles(running.base_url, as_of=later) if r["published"] > "2026-11-20T18:00:00Z"]
        assert upcoming
        assert get(upcoming[0]["url"])[0] == 404
        feed_url = next(o["feed_url"] for o in before["outlets"] if o["slug"] == upcoming[0]["outlet"])
        _, headers, body = get(feed_url)
        assert get(feed_url, {"If-None-Match": headers["etag"]})[0] == 304
        clock[0] = later
        after = room.truth(running.base_url)
        assert len(after["articles"]) > len(before["articles"])
        assert get(upcoming[0]["url"])[0] == 200
        status, _, newer = get(feed_url, {"If-None-Match": headers["etag"]})
        assert status == 200 and len(newer) > len(body)
        assert upcoming[0]["url"].encode() in newer.replace(b"&amp;", b"&")
