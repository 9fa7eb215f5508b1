"""The reference peer for story clustering: TF-IDF cosine single-pass clustering.

The recipe behind the reference figures in ../shared/data/README.md: lower-cased words without stop
words, sublinear term frequency, smoothed IDF over the whole set (so it sees every document before
the first decision, which an online clusterer cannot), and a single pass in stream order in which each
document joins the cluster whose summed vector it is most similar to, or starts one below a threshold.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from hashwire.textfeatures import STOPWORDS

_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)


def _tokens(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if len(w) > 1 and w not in STOPWORDS]


def tfidf_vectors(texts: Sequence[str]) -> list[dict[str, float]]:
    counts = [Counter(_tokens(t)) for t in texts]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(texts)
    out = []
    for c in counts:
        v = {t: (1.0 + math.log(k)) * (math.log((n + 1) / (df[t] + 1)) + 1.0) for t, k in c.items()}
        norm = math.sqrt(sum(w * w for w in v.values())) or 1.0
        out.append({t: w / norm for t, w in v.items()})
    return out


def single_pass(vectors: Sequence[dict[str, float]], threshold: float) -> list[int]:
    """Cluster number of each vector, in order."""
    sums: list[dict[str, float]] = []
    norms: list[float] = []
    labels = []
    for v in vectors:
        best, best_sim = -1, -1.0
        for k, (s, n) in enumerate(zip(sums, norms, strict=True)):
            sim = sum(w * s.get(t, 0.0) for t, w in v.items()) / n
            if sim > best_sim:
                best, best_sim = k, sim
        if best >= 0 and best_sim >= threshold:
            s = sums[best]
            for t, w in v.items():
                s[t] = s.get(t, 0.0) + w
            norms[best] = math.sqrt(sum(w * w for w in s.values()))
        else:
            sums.append(dict(v))
            norms.append(1.0)
            best = len(sums) - 1
        labels.append(best)
    return labels
