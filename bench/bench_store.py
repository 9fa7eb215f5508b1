"""Store benchmark: ingest cost against raw sqlite3 + FTS5 inserts, and search latency, both backends.

    .venv/bin/python bench/bench_store.py                      # 20k-row ingest comparison, 100k-row search
    .venv/bin/python bench/bench_store.py --search-rows 1000000  # search at 1M (takes minutes)
    .venv/bin/python bench/bench_store.py --no-postgres

Rows are generated: titles and bodies drawn from a 20,000-word vocabulary with a Zipf distribution, so
the most common word is in nearly every article and the rarest in a handful.
Ingest is measured in rows per CPU-second of this process (SQLite runs in-process). The peers insert the
same rows in the same run: "raw, same schema" runs plain executemany of the same rows (articles, FTS5
entries, hashtags, appearances, stories) into the store's own tables and indexes (so the ratio is the
Store's own overhead: lookups for idempotence, story counts, upserts); "raw, minimal" inserts only an
articles table and its FTS5 index (what a bare-bones app would do).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from hashwire.models import Article, Source, Story
from hashwire.store import ArticleQuery, Store, open_store
from hashwire.store.rows import STORY_COLUMNS, article_params, micros, placeholders, sort_time, story_params
from hashwire.store.rows import cached_tag_key as tag_key
from hashwire.store.sql_articles import _UPSERT_ARTICLE
from hashwire.store.sqlite import CACHE_KIB

VOCAB = 20_000
BATCH = 200
NOW = datetime.now(UTC)


def vocabulary(rng: np.random.Generator) -> list[str]:
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    words: set[str] = set()
    while len(words) < VOCAB:
        n = int(rng.integers(4, 10))
        words.add("".join(rng.choice(letters, n)))
    return sorted(words, key=lambda w: (len(w), w))


class Corpus:
    """Generated articles, made in slices on demand (a million do not fit comfortably in memory)."""

    def __init__(self, seed: int = 1) -> None:
        self.seed = seed
        self.vocab = vocabulary(np.random.default_rng(seed))
        ranks = np.arange(1, VOCAB + 1)
        p = 1.0 / ranks**1.05
        self.p = p / p.sum()

    def articles(self, start: int, end: int, total: int) -> list[Article]:
        """Articles start..end-1 of a corpus of `total` (one per minute, the last one now)."""
        rng = np.random.default_rng([self.seed, start])
        n, vocab = end - start, self.vocab
        body = rng.choice(VOCAB, size=(n, 120), p=self.p)
        title = rng.choice(VOCAB, size=(n, 8), p=self.p)
        tags = rng.choice(400, size=(n, 3))
        arts = []
        for k in range(n):
            i = start + k
            arts.append(Article(
                url=f"https://outlet{i % 50}.example/news/{i}", title=" ".join(vocab[w] for w in title[k]),
                text=" ".join(vocab[w] for w in body[k]), source_id=1 + i % 50, source_name=f"Outlet {i % 50}",
                guid=f"g{i}", published=NOW - timedelta(minutes=total - i), fetched_at=NOW, language="en",
                hashtags=[f"Tag{t}" for t in dict.fromkeys(tags[k])], story_id=f"s{i // 4}",
                duplicate_of=f"{i - 1:032x}" if i % 10 == 9 else None))
        return arts


def generate(n: int, seed: int = 1) -> tuple[list[str], list[Article]]:
    corpus = Corpus(seed)
    return corpus.vocab, corpus.articles(0, n, n)


def stories_for(batch: list[Article]) -> list[Story]:
    ids = dict.fromkeys(a.story_id for a in batch if a.story_id)
    return [Story(id=s, title=s, first_seen=NOW, last_seen=NOW) for s in ids]


def add_sources(store: Store) -> None:
    for i in range(50):
        store.add_source(Source(url=f"https://outlet{i}.example/feed", title=f"Outlet {i}"))


def ingest_store(url: str, arts: list[Article]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) to save `arts` through the Store in batches."""
    store = open_store(url)
    add_sources(store)
    cpu, wall = time.process_time(), time.perf_counter()
    for i in range(0, len(arts), BATCH):
        batch = arts[i : i + BATCH]
        store.save_articles(batch, stories_for(batch))
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    store.close()
    return cpu, wall


def ingest_raw_same_schema(path: str, arts: list[Article]) -> float:
    """CPU seconds for plain executemany of the same rows into the store's schema (no Store code)."""
    store = open_store(path)  # creates the schema; the inserts below bypass the Store
    add_sources(store)
    store.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    cpu = time.process_time()
    for i in range(0, len(arts), BATCH):
        batch = arts[i : i + BATCH]
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(_UPSERT_ARTICLE, [article_params(a, micros) for a in batch])
        conn.executemany("INSERT INTO articles_fts (rowid, title, text) "
                         "VALUES ((SELECT seq FROM articles WHERE id = ?), ?, ?)",
                         [(a.id, a.title, a.text) for a in batch])
        conn.executemany("INSERT INTO article_tags (article_id, key, display, rank, sort_at) VALUES (?,?,?,?,?)",
                         [(a.id, tag_key(h), h, r, micros(sort_time(a))) for a in batch
                          for r, h in enumerate(a.hashtags)])
        conn.executemany("INSERT INTO tags (key, display) VALUES (?, ?) ON CONFLICT DO NOTHING",
                         [(tag_key(h), h) for a in batch for h in a.hashtags])
        conn.executemany("INSERT INTO appearances (article_id, source_id, source_name, url, guid, seen_at) "
                         "VALUES (?,?,?,?,?,?)",
                         [(a.id, a.source_id, a.source_name, a.url, a.guid, micros(a.fetched_at)) for a in batch])
        conn.executemany(f"INSERT INTO stories ({STORY_COLUMNS}) VALUES ({placeholders(11)}) ON CONFLICT DO NOTHING",
                         [story_params(st, micros) for st in stories_for(batch)])
        conn.executemany("INSERT INTO story_tags (story_id, key) VALUES (?, ?) ON CONFLICT DO NOTHING",
                         [(a.story_id, tag_key(h)) for a in batch for h in a.hashtags])
        conn.execute("COMMIT")
    cpu = time.process_time() - cpu
    conn.close()
    return cpu


def ingest_raw_minimal(path: str, arts: list[Article]) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    conn.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, url TEXT, title TEXT, text TEXT, published INTEGER)")
    conn.execute("CREATE VIRTUAL TABLE fts USING fts5(title, text)")
    cpu = time.process_time()
    for i in range(0, len(arts), BATCH):
        batch = arts[i : i + BATCH]
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?)",
                         [(a.id, a.url, a.title, a.text, micros(a.published)) for a in batch])
        conn.executemany("INSERT INTO fts (title, text) VALUES (?, ?)", [(a.title, a.text) for a in batch])
        conn.execute("COMMIT")
    cpu = time.process_time() - cpu
    conn.close()
    return cpu


def percentiles(samples: list[float]) -> tuple[float, float]:
    s = sorted(samples)
    return statistics.median(s), s[min(len(s) - 1, round(0.95 * (len(s) - 1)))]


def search_latency(store: Store, vocab: list[str], reps: int) -> list[tuple[str, str, float, float, float, int]]:
    """(query kind, order, wall p50 ms, wall p95 ms, CPU p50 ms, hits on page) per query class.
    CPU time (of this thread; SQLite runs in it) shows the cost apart from waiting for a busy machine."""
    classes = {
        "common": [[vocab[i]] for i in range(0, 5)],
        "rare": [[vocab[i]] for i in range(19_990, 19_995)],
        "multi-term": [[vocab[i], vocab[j]] for i, j in ((20, 200), (30, 300), (40, 120), (50, 500), (60, 90))],
    }
    out = []
    for kind, queries in classes.items():
        for order in ("relevance", "recent"):
            times, cpu, hits = [], [], 0
            for r in range(reps):
                q = " ".join(queries[r % len(queries)])
                t, c = time.perf_counter(), time.thread_time()
                found = store.search(q, ArticleQuery(limit=20), order=order)
                times.append((time.perf_counter() - t) * 1000)
                cpu.append((time.thread_time() - c) * 1000)
                hits = max(hits, len(found))
            p50, p95 = percentiles(times)
            out.append((kind, order, p50, p95, statistics.median(cpu), hits))
    return out


def fill(url: str, corpus: Corpus, total: int) -> float:
    """Wall seconds to save `total` generated articles through the Store, made 10,000 at a time."""
    store = open_store(url)
    add_sources(store)
    wall = time.perf_counter()
    for start in range(0, total, 10_000):
        arts = corpus.articles(start, min(total, start + 10_000), total)
        for i in range(0, len(arts), BATCH):
            batch = arts[i : i + BATCH]
            store.save_articles(batch, stories_for(batch))
    wall = time.perf_counter() - wall
    store.close()
    return wall


def pg_worker(url: str, name: str, per_source: int, out: Any) -> None:
    """One ingest worker against PostgreSQL: claim due sources, save their articles, release them."""
    from hashwire.store.postgres import PostgresStore

    store = PostgresStore(url, max_size=2)
    store.ping()
    claimed, rows = [], 0
    started = time.time()
    while batch := store.claim_due_sources(name, NOW, 300, 4):
        for src in batch:
            arts = [Article(url=f"https://w.example/{src.id}/{i}", title=f"Report {src.id} {i}",
                            text=f"harbour crane report {i} from source {src.id} " * 20, source_id=src.id,
                            guid=f"{src.id}-{i}", published=NOW, fetched_at=NOW, hashtags=["Harbour"],
                            story_id=f"s{i}") for i in range(per_source)]
            with store.story_lock():
                store.save_articles(arts, stories_for(arts))
            src.next_fetch_at = NOW + timedelta(hours=1)  # fetched: not due again this period
            store.save_source_state(src)
            claimed.append(src.id)
            rows += len(arts)
    out.put((claimed, rows, started, time.time()))
    store.close()


def pg_workers_bench(counts: list[int], sources: int = 120, per_source: int = 20) -> None:
    """Throughput of N worker processes sharing one PostgreSQL, and proof of no double claim or duplicate."""
    import multiprocessing

    import psycopg

    print(f"\n## PostgreSQL workers: {sources} sources x {per_source} articles, claimed with SKIP LOCKED")
    print(f"{'workers':>7} {'rows/s':>8} {'seconds':>8} {'claims':>7} {'double claims':>14} {'articles':>9}")
    ctx = multiprocessing.get_context("spawn")
    for n in counts:
        schema = f"hw_bench_workers_{n}"
        with psycopg.connect(pg_url(), autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            conn.execute(f"CREATE SCHEMA {schema}")
        url = pg_url() + f"?options=-csearch_path%3D{schema}"
        store = open_store(url)
        for i in range(sources):
            store.add_source(Source(url=f"https://w.example/{i}/feed", title=f"W{i}"))
        queue = ctx.Queue()
        procs = [ctx.Process(target=pg_worker, args=(url, f"w{k}", per_source, queue)) for k in range(n)]
        for p in procs:
            p.start()
        results = [queue.get() for _ in procs]
        for p in procs:
            p.join()
        # from the first worker's first claim to the last worker's end (process start-up left out)
        wall = max(r[3] for r in results) - min(r[2] for r in results)
        claims = [c for r in results for c in r[0]]
        rows = sum(r[1] for r in results)
        counts_now = store.counts()
        store.close()
        print(f"{n:7d} {rows / wall:8.0f} {wall:8.1f} {len(claims):7d} {len(claims) - len(set(claims)):14d} "
              f"{counts_now['articles']:9d}")
        with psycopg.connect(pg_url(), autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def pg_url() -> str:
    return os.environ.get("HASHWIRE_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ingest-rows", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--search-rows", type=int, default=100_000, help="0: no search measurements")
    ap.add_argument("--reps", type=int, default=40)
    ap.add_argument("--no-postgres", action="store_true")
    ap.add_argument("--workers", default="1,2,4", help="PostgreSQL worker processes to compare ('' to skip)")
    ap.add_argument("--keep", default="", help="directory keeping the filled search databases between runs "
                    "(and PostgreSQL schema hw_bench_<rows> kept): fill once, measure again")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="hashwire-bench-"))
    print(f"# store benchmark ({sys.platform}, SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f} at start)")
    corpus = Corpus()
    vocab = corpus.vocab
    rows = corpus.articles(0, args.ingest_rows, args.ingest_rows)
    timings: dict[str, list[float]] = {"store": [], "same": [], "mini": []}
    for r in range(args.rounds):  # alternate, so a busy moment of the machine hits every contender alike
        timings["store"].append(ingest_store(f"sqlite:///{tmp / f'store{r}.db'}", rows)[0])
        timings["same"].append(ingest_raw_same_schema(str(tmp / f"raw{r}.db"), rows))
        timings["mini"].append(ingest_raw_minimal(str(tmp / f"mini{r}.db"), rows))
    store_cpu, same_cpu, mini_cpu = (statistics.median(timings[k]) for k in ("store", "same", "mini"))
    n = len(rows)
    print(f"\n## ingest, {n} rows in batches of {BATCH}, median of {args.rounds} alternating rounds "
          "(rows per CPU-second of this process)")
    print(f"Store (SQLite)            {n / store_cpu:10.0f}")
    print(f"raw sqlite3, same schema  {n / same_cpu:10.0f}   Store/raw = {same_cpu / store_cpu:.2f}x")
    print(f"raw sqlite3, minimal      {n / mini_cpu:10.0f}   Store/raw = {mini_cpu / store_cpu:.2f}x")
    print("per round, Store/raw same schema: " + ", ".join(
        f"{b / a:.2f}" for a, b in zip(timings["store"], timings["same"], strict=True)))

    keep = Path(args.keep) if args.keep else tmp
    keep.mkdir(parents=True, exist_ok=True)
    schema = f"hw_bench_{args.search_rows}"
    backends = [("sqlite", f"sqlite:///{keep / f'search-{args.search_rows}.db'}")]
    if not args.no_postgres:
        try:
            import psycopg

            with psycopg.connect(pg_url(), connect_timeout=3, autocommit=True) as conn:
                if not args.keep:
                    conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
                conn.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
            backends.append(("postgres", pg_url() + f"?options=-csearch_path%3D{schema}"))
        except Exception as exc:  # any failure here means: no PostgreSQL figures
            print(f"\n(PostgreSQL skipped: {exc})")
    for name, url in backends if args.search_rows > 0 else []:
        store = open_store(url)
        have = store.counts()
        store.close()
        if have["articles"] + have["duplicates"] == args.search_rows:
            filled = "reused"
        else:
            wall = fill(url, corpus, args.search_rows)
            if name == "postgres":  # statistics, as autovacuum would gather them on a live server
                import psycopg

                with psycopg.connect(url, autocommit=True) as conn:
                    conn.execute("ANALYZE")
            filled = f"filled in {wall:.0f} s wall, {args.search_rows / wall:.0f} rows/s"
        print(f"\n## search, {name}, {args.search_rows} articles ({filled}), {args.reps} queries per line, "
              "page of 20")
        store = open_store(url)
        store.search(vocab[0], ArticleQuery())  # warm caches
        print(f"{'query':<11} {'order':<10} {'p50 ms':>8} {'p95 ms':>8} {'CPU p50':>8} {'hits':>5}")
        for kind, order, p50, p95, cpu, hits in search_latency(store, vocab, args.reps):
            print(f"{kind:<11} {order:<10} {p50:8.2f} {p95:8.2f} {cpu:8.2f} {hits:5d}")
        print(f"size on disk: {store.size_bytes() / 1e6:.0f} MB")
        store.close()
        if name == "postgres" and not args.keep:
            import psycopg

            with psycopg.connect(pg_url(), autocommit=True) as conn:
                conn.execute(f"DROP SCHEMA {schema} CASCADE")
    if not args.no_postgres and args.workers and any(name == "postgres" for name, _ in backends):
        pg_workers_bench([int(x) for x in args.workers.split(",")])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
