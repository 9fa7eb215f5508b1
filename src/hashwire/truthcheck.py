"""Scores a store against the newsroom's ground truth: every article once, copies folded, stories grouped."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from .normalize import canonical_url
from .store.base import Store


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pairwise_f1(truth_of: Mapping[Any, Any], predicted_of: Mapping[Any, Any]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of a clustering over the keys both maps share."""
    keys = [k for k in truth_of if k in predicted_of]
    cells = Counter((truth_of[k], predicted_of[k]) for k in keys)
    tp = sum(_pairs(n) for n in cells.values())
    truth_pairs = sum(_pairs(n) for n in Counter(truth_of[k] for k in keys).values())
    pred_pairs = sum(_pairs(n) for n in Counter(predicted_of[k] for k in keys).values())
    p = tp / pred_pairs if pred_pairs else 1.0
    r = tp / truth_pairs if truth_pairs else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_store(store: Store, truth: dict[str, Any]) -> dict[str, Any]:
    """Compare what the store holds with the truth file of the newsroom that was crawled."""
    records = truth["articles"]
    by_url = {r["url"]: r for r in records}

    def root(url: str) -> str:
        seen = set()
        while by_url.get(url, {}).get("copy_of") and url not in seen:
            seen.add(url)
            url = by_url[url]["copy_of"]
        return url

    found: dict[str, Any] = {}
    missing: list[str] = []
    for rec in records:
        article = store.article_by_url(canonical_url(rec["url"]))
        if article is None:
            missing.append(rec["url"])
        else:
            found[rec["url"]] = article
    copies = [r for r in records if r.get("copy_of") and r["url"] in found]

    def kept(url: str) -> str:
        """The id of the row a truth URL ended up folded under (its own id when it is canonical)."""
        article = found[url]
        return article.duplicate_of or article.id

    # a copy is folded right when it ends under the same row as its original, whichever of the two
    # arrived first (the first-seen copy of a syndicated story is the canonical one)
    folded_right = sum(1 for rec in copies if root(rec["url"]) in found and kept(rec["url"]) == kept(root(rec["url"])))
    folded_any = [u for u, a in found.items() if a.duplicate_of]
    wrong_folds = 0
    id_url = {a.id: u for u, a in found.items()}
    for u in folded_any:
        target_url = id_url.get(found[u].duplicate_of or "")
        if target_url is None or root(target_url) != root(u):
            wrong_folds += 1
    truth_story = {r["url"]: r["story"] for r in records if r["url"] in found}
    pred_story = {u: (a.story_id or a.id) for u, a in found.items()}
    p, r, f1 = pairwise_f1(truth_story, pred_story)
    counts = store.counts()
    return {
        "articles_expected": len(records),
        "articles_found": len(found),
        "missing": len(missing),
        "missing_examples": missing[:5],
        "rows": counts.get("articles", 0),
        "copies": len(copies),
        "copies_folded": folded_right,
        "fold_recall": folded_right / len(copies) if copies else 1.0,
        "fold_precision": 1 - wrong_folds / len(folded_any) if folded_any else 1.0,
        "duplicates_folded": counts.get("duplicates", 0),
        "stories": counts.get("stories", 0),
        "stories_expected": len({r["story"] for r in records}),
        "story_pairwise_precision": p,
        "story_pairwise_recall": r,
        "story_pairwise_f1": f1,
    }


# Tolerances of `hashwire demo --check` (and the end-to-end test).
TOLERANCES = {"missing": 0, "fold_recall": 0.95, "fold_precision": 0.98, "story_pairwise_f1": 0.80}


def failures(score: dict[str, Any]) -> list[str]:
    out = []
    if score["missing"] > TOLERANCES["missing"]:
        out.append(f"{score['missing']} articles missing")
    for key in ("fold_recall", "fold_precision", "story_pairwise_f1"):
        if score[key] < TOLERANCES[key]:
            out.append(f"{key} {score[key]:.3f} < {TOLERANCES[key]}")
    return out
