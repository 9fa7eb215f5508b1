"""hashwire.keyphrases: candidate phrases without a tagger, salience ranking, and a DUC-2001 quality floor."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from hashwire.keyphrases import candidates, informativeness, keyphrases, tokenize, verb_like

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "keyphrases-dev"
EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"

TITLE = "Tanker spill fouls Alaska coast"
TEXT = (
    "Millions of gallons of crude oil spilled when a tanker ran aground in Prince William Sound, and "
    "the state's environmental officer said the cleanup efforts were too slow.\n\n"
    "The oil spill spread across a wildlife-rich stretch of ocean. Crews tried to contain the crude oil "
    "with booms, but cleanup efforts were hampered by wind.\n\n"
    "Officials want to sue the shipping company. The oil spill is the largest in the nation's history, "
    "and fishermen fear for the salmon season."
)


def test_tokenize_splits_sentences_and_possessives() -> None:
    sentences = tokenize("The state's officer spoke. Then he left!")
    assert sentences[0] == ["The", "state", "'s", "officer", "spoke", "."]
    assert sentences[1][-1] == "!"


def test_candidates_stop_at_stopwords_verbs_and_punctuation() -> None:
    cands, _ = candidates(TITLE, TEXT)
    assert "crude oil" in cands and "oil spill" in cands and "cleanup effort" in cands
    # "spilled", "said", "tried" are verbs; "the", "and" stopwords: never inside a phrase
    for key in cands:
        assert not {"the", "and", "said", "spilled", "tried", "were"} & set(key.split())
    assert cands["oil spill"].count == 2


def test_verbs_recognised_from_context() -> None:
    verbs = verb_like(tokenize(TEXT))
    assert "sue" in verbs  # "want to sue"
    assert "oil" not in verbs


def test_rare_words_are_more_informative() -> None:
    assert informativeness("tanker") > informativeness("people") > informativeness("the")


def test_keyphrases_rank_what_the_text_is_about() -> None:
    top = keyphrases(TITLE, TEXT)
    assert 1 <= len(top) <= 10
    assert "oil spill" in top[:3]
    assert "crude oil" in top[:6]
    assert all(p == p.strip() and p for p in top)


def test_arabic_keyphrases_are_noun_phrases() -> None:
    top = keyphrases(
        "البنك المركزي يرفع سعر الفائدة",
        "رفع البنك المركزي سعر الفائدة الرئيسي. وقال البنك المركزي إن التضخم ارتفع. "
        "ويتوقع الاقتصاديون أن يرفع البنك المركزي سعر الفائدة مرة أخرى.",
        "ar",
    )
    assert top[0] == "البنك المركزي"
    assert "سعر الفائدة" in top[:4]


def test_duc2001_f1_at_10_floor() -> None:
    """F1@10 on DUC-2001 (reader-assigned keyphrases), scored by the shared scorer: pinned floor."""
    if not (DATA / "docs.jsonl").exists():
        pytest.skip("../shared/data/keyphrases-dev is absent")
    pytest.importorskip("nltk")
    sys.path.insert(0, str(EVAL))
    try:
        import score_keyphrases
    finally:
        sys.path.remove(str(EVAL))
    refs = {}
    with open(DATA / "references.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            refs[row["id"]] = row["keyphrases"]
    with open(DATA / "docs.jsonl", encoding="utf-8") as f:
        docs = {d["id"]: d for d in map(json.loads, f)}
    total = 0.0
    n = 0
    for doc_id, kps in refs.items():
        gold = score_keyphrases.prepare_gold(kps)
        if not gold:
            continue
        n += 1  # a reference document without text scores 0, as in the scorer
        doc = docs.get(doc_id)
        if doc is not None:
            pred = score_keyphrases.prepare_pred(keyphrases(doc["title"], doc["text"], limit=10))
            total += score_keyphrases.prf(pred, gold, 10)[2]
    f1 = 100 * total / n
    assert n == 308
    assert f1 >= 31.5, f1  # measured 32.19 (published: TextRank 21.5, PositionRank 28.6, PromptRank 31.6)
