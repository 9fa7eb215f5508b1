"""Dedupe + story clustering benchmark: quality on public data and the newsroom, cost as the index grows.

    .venv/bin/python bench/bench_cluster.py                         # ECB+, newsroom 10k, scale 10k/100k
    .venv/bin/python bench/bench_cluster.py --newsroom 100000 --scale 1000000
    .venv/bin/python bench/bench_cluster.py --skip-ecb --skip-newsroom --scale 20000
    .venv/bin/python bench/bench_cluster.py --skip-newsroom --scale 0 --orders 1   # ECB+ in the official order only

1. ECB+ (../shared/data/clustering-dev, fed in stream_order.txt order, without urls) scored with
   ../shared/eval/score_clustering.py: BCubed and pairwise F1 per split, and (--orders N, 8 by default) the
   mean over the official order and N - 1 seeded shuffles, for hashwire and the TF-IDF baseline.
2. The newsroom's truth: duplicate folding precision and recall (also restricted to copies whose
   word-3-shingle Jaccard with their original is >= 0.8) and story pairwise P/R/F1, with hashwire's
   DuplicateIndex against a datasketch MinHashLSH peer (same shingles, same 64 permutations, same
   threshold) measured in the same run.
3. Scale: generated articles (Zipf vocabulary, stories with their own names and figures, 15% edited
   copies), all inside one time window (the worst case: nothing is evicted). Per-article time of
   dedupe + cluster around each checkpoint and resident memory per stored article, for hashwire and for
   the datasketch peer doing the dedupe half (clustering has no peer in datasketch).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from hashwire.cluster import StoryIndex
from hashwire.cluster_offline import cluster_records
from hashwire.dedupe import DuplicateIndex
from hashwire.models import Article
from hashwire.textfeatures import normalized_words, shingle_hashes
from hashwire.truthcheck import pairwise_f1

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "clustering-dev"
EVAL = ROOT.parent / "shared" / "eval"
T0 = datetime(2026, 3, 1, tzinfo=UTC)


def rss_bytes() -> int:
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * 4096


# -- the datasketch peer -------------------------------------------------------------------
class DatasketchDuplicates:
    """The usual recipe: datasketch MinHash over word 3-shingles, MinHashLSH at the same threshold."""

    def __init__(self, threshold: float = 0.6, num_perm: int = 64) -> None:
        from datasketch import MinHash, MinHashLSH

        self._minhash = MinHash
        self.num_perm = num_perm
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.sigs: dict[str, Any] = {}
        self.threshold = threshold

    def _sig(self, text: str) -> Any:
        words = normalized_words(text)
        m = self._minhash(num_perm=self.num_perm)
        m.update_batch([" ".join(words[i:i + 3]).encode() for i in range(max(0, len(words) - 2))])
        return m

    def check(self, article: Article) -> str | None:
        m = self._sig(article.text)
        self._last = (article.id, m)
        best = None
        for key in self.lsh.query(m):
            sim = m.jaccard(self.sigs[key])
            if sim >= self.threshold and (best is None or sim > best[0]):
                best = (sim, key)
        return best[1] if best else None

    def add(self, article: Article) -> None:
        m = self._last[1] if self._last[0] == article.id else self._sig(article.text)
        if article.id not in self.sigs:
            self.sigs[article.id] = m
            self.lsh.insert(article.id, m)


# -- 1. ECB+ --------------------------------------------------------------------------------
BASELINE_THRESHOLDS = (0.18, 0.20, 0.22, 0.24, 0.26)


def bench_ecb(by_topic: bool = False, orders: int = 1) -> None:
    if not (DATA / "docs.jsonl").exists():
        print("ECB+: data not present, skipped")
        return
    sys.path.insert(0, str(EVAL))
    from cluster_baseline import single_pass, tfidf_vectors
    from score_clustering import scores

    docs = {d["id"]: d for d in map(json.loads, (DATA / "docs.jsonl").open(encoding="utf-8"))}
    order = [x.strip() for x in (DATA / "stream_order.txt").open(encoding="utf-8") if x.strip()]
    started = time.process_time()
    out = list(cluster_records({"id": i, "text": docs[i]["text"]} for i in order))
    took = time.process_time() - started
    pred = {r["id"]: r["story"] for r in out}
    print(f"ECB+ clustering-dev: {len(order)} docs, hashwire (dedupe + cluster) {took / len(order) * 1000:.2f} "
          f"CPU ms/doc, {sum(1 for r in out if r['duplicate_of'])} folded as copies")
    vectors = tfidf_vectors([docs[i]["text"] for i in order])
    runs = {"hashwire": pred}
    for th in BASELINE_THRESHOLDS:
        labels = single_pass(vectors, th)
        runs[f"tf-idf single pass @{th:.2f}"] = {i: str(k) for i, k in zip(order, labels, strict=True)}
    print(f"{'':28} {'split':6} {'docs':>5} {'gold':>5} {'pred':>5} {'B3 P':>7} {'B3 R':>7} {'B3 F1':>7} "
          f"{'pair F1':>8}")
    for name, labels in runs.items():
        for split in ("train", "dev"):
            gold = {i: d["cluster"] for i, d in docs.items() if d["split"] == split}
            s = scores(gold, {i: labels[i] for i in gold})
            print(f"{name:28} {split:6} {s['n_docs']:>5} {s['n_gold_clusters']:>5} {s['n_pred_clusters']:>5} "
                  f"{s['bcubed_p']:7.4f} {s['bcubed_r']:7.4f} {s['bcubed_f1']:7.4f} {s['pair_f1']:8.4f}")
    if by_topic:
        print_topics(docs, runs, scores)
    if orders > 1:
        print_orders(docs, order, orders, scores, single_pass, tfidf_vectors)


def print_orders(docs: dict[str, Any], order: list[str], n: int, scores: Any, single_pass: Any,
                 tfidf_vectors: Any) -> None:
    """BCubed F1 over the official stream order and n - 1 seeded shuffles of it: an online
    algorithm's result moves with the order (one early join can merge a whole topic), so a change
    is real only when it holds on the mean."""
    results: dict[str, list[tuple[float, float]]] = {}
    for seed in range(n):
        shuffled = list(order)
        if seed:
            random.Random(seed).shuffle(shuffled)
        runs = {"hashwire": {r["id"]: r["story"] for r in
                             cluster_records({"id": i, "text": docs[i]["text"]} for i in shuffled)}}
        labels = single_pass(tfidf_vectors([docs[i]["text"] for i in shuffled]), 0.22)
        runs["tf-idf single pass @0.22"] = {i: str(k) for i, k in zip(shuffled, labels, strict=True)}
        for name, pred in runs.items():
            row = []
            for split in ("train", "dev"):
                gold = {i: d["cluster"] for i, d in docs.items() if d["split"] == split}
                row.append(scores(gold, {i: pred[i] for i in gold})["bcubed_f1"])
            results.setdefault(name, []).append((row[0], row[1]))
    print(f"\nECB+ over {n} stream orders (official + {n - 1} seeded shuffles): BCubed F1 mean [min-max]")
    for name, rows in results.items():
        cells = []
        for k, split in enumerate(("train", "dev")):
            values = [r[k] for r in rows]
            cells.append(f"{split} {sum(values) / len(values):.4f} [{min(values):.4f}-{max(values):.4f}]")
        print(f"  {name:28} " + "  ".join(cells))


def print_topics(docs: dict[str, Any], runs: dict[str, dict[str, str]], scores: Any) -> None:
    """Per topic: BCubed F1 and how the predicted stories split the topic's two events (ecb/ecbplus)."""
    topics: dict[int, list[str]] = {}
    for i, d in docs.items():
        topics.setdefault(d["topic"], []).append(i)
    for name, labels in runs.items():
        print(f"\n{name}: topic (d = dev) BCubed F1 [articles of each event in its largest stories]")
        cells = []
        for t in sorted(topics):
            ids = topics[t]
            stories: dict[str, Counter[str]] = {}
            for i in ids:
                stories.setdefault(labels[i], Counter())[docs[i]["half"]] += 1
            f1 = scores({i: docs[i]["cluster"] for i in ids}, {i: labels[i] for i in ids})["bcubed_f1"]
            parts = " ".join(f"{c['ecb']}/{c['ecbplus']}" for c in sorted(stories.values(), key=lambda c: -c.total())[:3])
            cells.append(f"{t}{'d' if docs[ids[0]]['split'] == 'dev' else ''}:{f1:.2f}[{parts}]")
        print(" ".join(cells))


# -- 2. newsroom truth ------------------------------------------------------------------------
def newsroom_stream(target: int) -> tuple[Any, list[Any], list[Article]]:
    """About `target` newsroom articles (seed 3, 40 outlets) in publication order: the newsroom, the
    truth of each article (its spec) and the articles as the pipeline sees them."""
    from hashwire.newsroom import Newsroom

    outlets, per_day = 40, 36
    days = max(1, round(target / (outlets * per_day)))
    room = Newsroom(seed=3, outlets=outlets, days=days, per_day=per_day, now=T0 + timedelta(days=days))
    specs = sorted(room.world.specs(), key=lambda s: (s.published, s.index))
    articles = []
    for s in specs:
        na = room.article(s.index)
        articles.append(Article(url="http://newsroom.test" + na.path, title=na.title, text=na.text,
                                published=na.published, source_name=na.outlet.slug, language=na.language))
    print(f"\nnewsroom seed=3 outlets={outlets} days={days} per_day={per_day}: {len(specs)} articles")
    return room, specs, articles


def follow_stream(articles: list[Article], specs: list[Any], dups: Any,
                  stories: StoryIndex | None) -> tuple[dict[int, int], dict[int, str]]:
    """Each article folded by `dups` or placed by `stories` (if given), in order: the copies found
    (spec index -> the index of the article copied) and each article's story as the stream ended
    (splits and merges followed; a copy is in the story of the article it copies)."""
    index_of = {a.id: s.index for a, s in zip(articles, specs, strict=True)}
    folded: dict[int, int] = {}
    story: dict[int, str] = {}
    for a, s in zip(articles, specs, strict=True):
        d = dups.check(a)
        of = (d.of if hasattr(d, "of") else d) if d is not None else None
        if of is not None and of != a.id:
            folded[s.index] = index_of[of]
            continue
        if stories is not None:
            assignment = stories.assign(a)
            story[s.index] = assignment.story.id
            if assignment.split_off is not None:
                for moved in assignment.moved:
                    story[index_of[moved]] = assignment.split_off.id
            if assignment.merged:
                gone = set(assignment.merged)
                for k, v in story.items():
                    if v in gone:
                        story[k] = assignment.story.id
        dups.add(a)
    for i, j in folded.items():
        story[i] = story.get(j, "")
    return folded, story


def print_story_f1(specs: list[Any], articles: list[Article], story: dict[int, str], label: str = "") -> None:
    """Story pairwise P / R / F1 against the newsroom's truth, in all and by language."""
    gold = {s.index: s.story for s in specs}
    p, r, f = pairwise_f1(gold, story)
    print(f"{label}stories: truth {len(set(gold.values()))}, hashwire {len(set(story.values()))}; "
          f"pairwise P {p:.4f} R {r:.4f} F1 {f:.4f}")
    for language in sorted({a.language for a in articles}):
        keys = {s.index for a, s in zip(articles, specs, strict=True) if a.language == language}
        p, r, f = pairwise_f1({k: v for k, v in gold.items() if k in keys}, {k: v for k, v in story.items() if k in keys})
        print(f"  {language}: {len(keys)} articles, pairwise P {p:.4f} R {r:.4f} F1 {f:.4f}")


def bench_newsroom(target: int) -> None:
    room, specs, articles = newsroom_stream(target)
    text_of = {s.index: s.text_of for s in specs}
    copies = {s.index: s for s in specs if s.copy_of is not None}
    high = {i for i, s in copies.items()
            if _jaccard(room.article(i).text, room.article(s.copy_of).text) >= 0.8}
    print(f"{'dedupe':12} {'folded':>7} {'P':>7} {'R':>7} {'R@J>=.8':>8} {'ms/article':>11}")
    results = {}
    for name, dups, cluster in (("hashwire", DuplicateIndex(), True), ("datasketch", DatasketchDuplicates(), False)):
        started = time.perf_counter()
        folded, story = follow_stream(articles, specs, dups, StoryIndex() if cluster else None)
        took = time.perf_counter() - started
        right = sum(1 for i, j in folded.items() if text_of[i] == text_of[j])
        recall = sum(1 for i in copies if i in folded and text_of[folded[i]] == text_of[i]) / max(1, len(copies))
        recall_high = sum(1 for i in high if i in folded and text_of[folded[i]] == text_of[i]) / max(1, len(high))
        print(f"{name:12} {len(folded):>7} {right / max(1, len(folded)):7.4f} {recall:7.4f} {recall_high:8.4f} "
              f"{took / len(articles) * 1000:11.2f}" + ("  (dedupe + cluster)" if cluster else "  (dedupe only)"))
        results[name] = story
    print_story_f1(specs, articles, results["hashwire"])


def _jaccard(a: str, b: str) -> float:
    x, y = set(shingle_hashes(a).tolist()), set(shingle_hashes(b).tolist())
    return len(x & y) / max(1, len(x | y))


# -- 3. scale -------------------------------------------------------------------------------
def synthetic(n: int, seed: int = 5) -> Iterator[Article]:
    """A stream of n articles: stories of 1-12 articles with their own names and figures, copies."""
    rng = random.Random(seed)
    syll = ["ka", "lo", "mi", "ra", "te", "su", "no", "vi", "da", "re", "po", "li", "an", "or", "et", "ul"]
    vocab = ["".join(rng.choice(syll) for _ in range(rng.randint(2, 4))) for _ in range(30_000)]
    weights = [1.0 / (r + 1) for r in range(len(vocab))]
    kinds = [rng.sample(vocab[200:5000], 150) for _ in range(40)]
    span = timedelta(hours=60)  # everything stays inside the 72-hour window
    made: list[Article] = []
    story_left = 0
    names: list[str] = []
    kind: list[str] = []
    for i in range(n):
        when = T0 + span * (i / n)
        if made and rng.random() < 0.15:  # an edited copy of a recent article
            src = made[-rng.randint(1, min(len(made), 500))]
            words = src.text.split()
            for _ in range(3):
                words[rng.randrange(len(words))] = rng.choice(vocab)
            text = " ".join(words) + " Copyright Example Media. Read more stories on our site."
            made.append(Article(url=f"https://copy{i % 97}.example/{i}", title=f"{src.title} update",
                                text=text, published=when))
        else:
            if story_left <= 0:
                story_left = rng.randint(1, 12)
                names = [rng.choice(vocab).title() + rng.choice(syll) for _ in range(4)] + [str(rng.randint(10, 99999))]
                kind = rng.choice(kinds)
            story_left -= 1
            length = rng.randint(150, 600)
            general = rng.choices(vocab, weights=weights, k=length // 2)
            topical = rng.choices(kind, k=length // 3)
            specific = rng.choices(names, k=max(3, length // 12))
            body = general + topical + specific
            rng.shuffle(body)
            text = ". ".join(" ".join(body[k:k + 15]) for k in range(0, len(body), 15))
            title = " ".join([names[0], *rng.sample(kind, 4), names[1]])
            made.append(Article(url=f"https://o{i % 211}.example/{i}", title=title, text=text, published=when))
        if len(made) > 600:
            del made[:100]
        yield made[-1]


VARIANTS: dict[str, Callable[[], tuple[Any, Any]]] = {
    "hashwire dedupe+cluster": lambda: (DuplicateIndex(), StoryIndex()),
    "hashwire dedupe only": lambda: (DuplicateIndex(), None),
    "datasketch dedupe only": lambda: (DatasketchDuplicates(), None),
}
WINDOW = 2_000


def measure(name: str, limit: int) -> None:
    """One variant over `limit` generated articles, in a process of its own (clean memory figures)."""
    dups, stories = VARIANTS[name]()
    checkpoints = sorted({c for c in (10_000, 100_000, 1_000_000) if c <= limit} | {limit})
    base = rss_bytes()
    marks = iter(checkpoints)
    mark = next(marks, None)
    spent, counted = 0.0, 0
    for i, a in enumerate(synthetic(limit), 1):
        started = time.process_time()
        if dups.check(a) is None:
            if stories is not None:
                stories.assign(a)
            dups.add(a)
        took = time.process_time() - started
        if mark is not None and i > mark - WINDOW:
            spent += took
            counted += 1
        if mark is not None and i == mark:
            print(f"{name:24} {i:>9} {spent / counted * 1000:10.3f} ms {(rss_bytes() - base) / i:10.0f} B "
                  f"{len(stories) if stories is not None else 0:>12}", flush=True)
            mark, spent, counted = next(marks, None), 0.0, 0


def bench_scale(n: int, peer_limit: int) -> None:
    print(f"\nscale: {n} generated articles, all inside one window; mean CPU time per article over the "
          f"{WINDOW} articles before each checkpoint; memory = resident set growth / articles seen")
    print(f"{'':24} {'articles':>9} {'per article':>13} {'memory/art':>12} {'open stories':>12}", flush=True)
    for name in VARIANTS:
        limit = n if name.startswith("hashwire dedupe+") else min(n, peer_limit)
        subprocess.run([sys.executable, __file__, "--measure", name, "--scale", str(limit)], check=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--newsroom", type=int, default=10_000, help="about this many newsroom articles")
    ap.add_argument("--scale", type=int, default=100_000, help="generated articles for the cost measurement")
    ap.add_argument("--peer-limit", type=int, default=30_000, help="largest run of the dedupe-only lines")
    ap.add_argument("--skip-ecb", action="store_true")
    ap.add_argument("--topics", action="store_true", help="ECB+ results per topic (which events were merged)")
    ap.add_argument("--orders", type=int, default=8, help="also score ECB+ over this many stream orders (1: only the official one)")
    ap.add_argument("--skip-newsroom", action="store_true")
    ap.add_argument("--measure", choices=list(VARIANTS), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.measure:
        measure(a.measure, a.scale)
        return
    if not a.skip_ecb:
        bench_ecb(a.topics, a.orders)
    if not a.skip_newsroom:
        bench_newsroom(a.newsroom)
    if a.scale:
        bench_scale(a.scale, a.peer_limit)


if __name__ == "__main__":
    main()
