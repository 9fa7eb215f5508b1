"""Development signal for the category classifier that is not the BBC evaluation set.

The text classifier (hashwire.categories.classify_text, URL and feed hints not used) is scored on
labelled sets built here from the other data in ../shared/data:

- wcxb-sections and ecb-sections: real pages whose URL path names an unambiguous news section ("/sport/",
  "/health/", "/entertainment/movies/"...): the article pages of extraction-dev (clean text from its
  ground truth) and the ECB+ articles of clustering-dev that carry a URL. The host name is not used
  (health.example.edu is a hospital's blog, business.example.com a shop). Few extraction-dev pages are
  news: most are guides, reviews and blog posts without a section in their path.
- wcxb-url-words: extraction-dev article pages labelled by the subject words of their URL path
  (URL_WORDS): broader and noisier, and mostly guides and reviews; lifestyle subjects are General.
- ecb-topics: ECB+ articles labelled by their topic (each topic is one kind of event, e.g. "a boxer
  defends a title"); topics whose kind does not name one category are left out, and the crime topics
  form their own set (ecb-crime), where World, Politics (courts) and General all count as right.
- duc-clusters: DUC-2001 articles (keyphrases-dev) labelled by the subject of their DUC cluster,
  recognised from the headline by the rules in DUC_RULES; headlines that match no rule or rules of two
  categories are left out.
- newsroom: the generated newsroom's editor categories, English and Arabic, from the text alone.

    .venv/bin/python bench/category_dev.py [--errors 20] [--only wcxb-sections]

Labels come from URLs, topics and headlines, never from the classifier; nothing here reads the BBC set.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from hashwire.categories import CATEGORIES, classify_text

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
EXTRACTION = SHARED / "extraction-dev" / "dev" / "ground-truth"
ECB = SHARED / "clustering-dev" / "docs.jsonl"
DUC = SHARED / "keyphrases-dev" / "docs.jsonl"

# path segments that name one section without doubt (no "news", "opinion", "life", "local")
URL_SECTIONS: dict[str, str] = {}
for _cat, _words in {
    "Sports": "sport sports football soccer nba nfl mlb nhl boxing cricket rugby tennis golf",
    "Business": "business economy money markets finance",
    "Technology": "tech technology",
    "Science": "science environment space",
    "Health": "health",
    "Politics": "politics",
    "Entertainment": "entertainment movies music celebrities celebrity showbiz arts film tv television",
    "World": "world",
}.items():
    for _w in _words.split():
        URL_SECTIONS[_w] = _cat

# words of a page path that name its subject, for the broader url-words set (extraction-dev is mostly
# guides, reviews and blog posts: lifestyle subjects are General in the taxonomy); a path matching the
# rules of two categories is left out
URL_WORDS: dict[str, str] = {
    "Health": r"health|medical|medicine|nutrition|diet|weight-loss|meditat|dental|oral-hygiene|toothbrush|glp-1|"
    r"drugs?\b|psychiatr|fasting|sleep",
    "Technology": r"software|cyber|cloud|machine-learning|\bai\b|blockchain|vpn|\bcrm|\bapps?\b|app-development|"
    r"laptop|headphone|earbud|keyboard|gaming|mouse|postgres|web-develop|programming|coding|data-analy|analytics|"
    r"\btech|technolog|robot|smart-home|wifi|mesh|website-builder|seo",
    "Business": r"financ|invest|stock|\btax|accounting|insurance|\bllc\b|startup|small-business|salary|retirement|"
    r"index-funds|bank",
    "Entertainment": r"movie|\bfilm|music|\bbooks?\b|audiobook|streaming|netflix",
    "Science": r"climate|science|\bspace\b|astronom",
    "General": r"recipe|catering|wedding|travel|garden|plants?\b|houseplant|furniture|interior|renovat|cleaning|"
    r"movers|moving-compan|plumb|woodworking|coffee|espresso|\bwine|backpacking|puppy|\bpet\b|skincare|hotel|"
    r"vacation|restaurant|kitchen|home-gym",
}

# ECB+ topics whose kind of event names one category
ECB_TOPICS = {
    1: "Entertainment",  # celebrities enter rehab
    2: "Entertainment",  # the Oscars' host
    4: "Entertainment",  # pin-up model / actress dies
    5: "Sports",  # basketball coach fired / hired
    6: "Entertainment",  # director for a film sequel
    7: "Sports",  # boxing title fight
    10: "Sports",  # baseball contract offer
    12: "World",  # navy captures pirates
    20: "World",  # earthquake in Iran
    25: "Sports",  # American football injuries
    27: "Technology",  # software security patch
    28: "Politics",  # Watergate figures die
    29: "Sports",  # team reaches the play-offs
    30: "Technology",  # undersea internet cables cut
    31: "Sports",  # college basketball records
    35: "Sports",  # football players arrested for drink-driving
}
# crime and disaster-at-home topics: shootings, murders, trials, fires, escapes, heists
ECB_CRIME = {3, 8, 13, 14, 16, 18, 21, 22, 26, 32, 33}
CRIME_OK = {"World", "Politics", "General"}

# DUC-2001 clusters recognised from headlines; clusters whose subject is between categories (hurricanes,
# fires, drought, the oil spill, air crashes, police conduct, NAFTA, mad cow disease, the Channel tunnel,
# a film star in hospital) have no rule
DUC_RULES: list[tuple[str, str]] = [
    ("Politics", r"census|clarence thomas|\bthomas\b|welfare|term limit|\bguns?\b|2nd amendment|congress|"
     r"lawmakers|politic"),
    ("Business", r"de beers|diamond|third world (debt|default|countries)|world bank|debt relief|\bloans?\b|"
     r"microloan"),
    ("Health", r"tuberculosis|\btb\b|\baids\b|diabet"),
    ("Science", r"eclipse"),
    ("Sports", r"marathon|steroid|\bjohnson\b|olympi|sprinter|\bmedal\b|track and field|\brace\b|running"),
    ("World", r"slovenia|shining path|yugoslav|gandhi|colombia|assassin|arafat|\bplo\b|rebels?\b|guerrilla"),
]
DUC_SKIP = r"mad cow|\bbse\b|cattle|nafta|elizabeth taylor|\bliz\b|hurricane|tunnel"


@dataclass
class Item:
    source: str
    title: str
    text: str
    label: str  # a category, or "crime" (World, Politics and General all right)


def section_of(url: str) -> str | None:
    for segment in [s for s in urlsplit(url).path.casefold().split("/") if s][:3]:
        if segment in URL_SECTIONS:
            return URL_SECTIONS[segment]
    return None


def _ecb_rows() -> list[dict]:
    if not ECB.exists():
        return []
    with open(ECB, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


_DATE_LINE = re.compile(
    r"\d{1,2}\s*:\s*\d\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|"
    r"\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d+\s*/\s*\d+\s*/\s*\d+",
    re.IGNORECASE,
)


def _ecb_item(row: dict, label: str) -> Item:
    """ECB+ texts open with a headline, a date line or the first sentence: a date line is not a title."""
    lines = row["text"].split("\n")
    if _DATE_LINE.search(lines[0]) and len(lines[0]) < 60:
        return Item(f"ecb:{row['id']}", "", row["text"], label)
    return Item(f"ecb:{row['id']}", lines[0], "\n".join(lines[1:]), label)


def _wcxb_articles() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(EXTRACTION.glob("*.json")) if EXTRACTION.exists() else []:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if doc["_internal"]["page_type"]["primary"] == "article":
            out.append((path.stem, doc))
    return out


def _wcxb_item(stem: str, doc: dict, label: str) -> Item:
    gt = doc["ground_truth"]
    return Item(f"wcxb:{stem}", gt.get("title") or "", gt.get("main_content") or "", label)


def wcxb_sections() -> list[Item]:
    return [_wcxb_item(stem, doc, lab) for stem, doc in _wcxb_articles() if (lab := section_of(doc["url"]))]


def ecb_sections() -> list[Item]:
    return [_ecb_item(row, lab) for row in _ecb_rows() if (lab := section_of(row.get("url") or ""))]


def wcxb_url_words() -> list[Item]:
    items = []
    for stem, doc in _wcxb_articles():
        url_path = urlsplit(doc["url"]).path.casefold()
        cats = {cat for cat, rule in URL_WORDS.items() if re.search(rule, url_path)}
        if len(cats) == 1:
            items.append(_wcxb_item(stem, doc, cats.pop()))
    return items


def ecb_topics() -> list[Item]:
    return [_ecb_item(r, ECB_TOPICS[int(r["topic"])]) for r in _ecb_rows() if int(r["topic"]) in ECB_TOPICS]


def ecb_crime() -> list[Item]:
    return [_ecb_item(r, "crime") for r in _ecb_rows() if int(r["topic"]) in ECB_CRIME]


def duc_clusters() -> list[Item]:
    if not DUC.exists():
        return []
    items = []
    with open(DUC, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            title = doc["title"].casefold()
            if not title or re.search(DUC_SKIP, title):
                continue
            cats = {cat for cat, rule in DUC_RULES if re.search(rule, title)}
            if len(cats) == 1:
                items.append(Item(f"duc:{doc['id']}", doc["title"], doc["text"], cats.pop()))
    return items


def newsroom(language: str) -> list[Item]:
    from hashwire.newsroom.room import Newsroom

    room = Newsroom(seed=7, outlets=12, days=3, per_day=8, now=datetime(2026, 11, 20, tzinfo=UTC))
    items = []
    for i in range(len(room)):
        a = room.article(i)
        if a.language == language:
            items.append(Item(f"newsroom:{i}", a.title, "\n\n".join(a.paragraphs), a.category))
    return items


SETS = {
    "wcxb-sections": wcxb_sections,
    "ecb-sections": ecb_sections,
    "wcxb-url-words": wcxb_url_words,
    "ecb-topics": ecb_topics,
    "ecb-crime": ecb_crime,
    "duc-clusters": duc_clusters,
    "newsroom-en": lambda: newsroom("en"),
    "newsroom-ar": lambda: newsroom("ar"),
}


def right(label: str, predicted: str) -> bool:
    return predicted in CRIME_OK if label == "crime" else predicted == label


def report(name: str, items: list[Item], errors: int) -> dict[str, bool]:
    """Print accuracy and confusion for one set; returns whether each article was right."""
    if not items:
        print(f"\n{name}: no data")
        return {}
    start = time.process_time()
    predicted = [classify_text(it.title, it.text[:6000]) for it in items]
    cpu = (time.process_time() - start) / len(items)
    ok = sum(right(it.label, p) for it, p in zip(items, predicted, strict=True))
    print(f"\n## {name}: {ok}/{len(items)} = {100 * ok / len(items):.1f}%  ({1000 * cpu:.2f} ms CPU per article)")
    labels = [c for c in (*CATEGORIES, "crime") if any(it.label == c for it in items)]
    cols = [c for c in CATEGORIES if c in predicted or c in labels]
    pairs = Counter((it.label, p) for it, p in zip(items, predicted, strict=True))
    print("| truth \\ predicted | " + " | ".join(c[:5] for c in cols) + " | n | right |")
    print("|---" * (len(cols) + 3) + "|")
    for lab in labels:
        n = sum(v for (t, _), v in pairs.items() if t == lab)
        good = sum(v for (t, p), v in pairs.items() if t == lab and right(t, p))
        cells = " | ".join(str(pairs.get((lab, c), "")) for c in cols)
        print(f"| {lab} | {cells} | {n} | {100 * good / n:.0f}% |")
    shown = 0
    for it, p in zip(items, predicted, strict=True):
        if shown >= errors:
            break
        if not right(it.label, p):
            shown += 1
            print(f"  x {it.source} {it.label} -> {p}: {it.title[:90]!r}")
    return {it.source: right(it.label, p) for it, p in zip(items, predicted, strict=True)}


def explain(item: Item, top: int = 12) -> None:
    """The terms that gave each leading category its score (for reading a misclassified article)."""
    from hashwire.categories import _lookup, _text_words, text_scores

    scores = text_scores(item.title, item.text[:6000])
    print(f"{item.source} ({item.label}): {item.title[:100]!r}")
    terms: dict[str, float] = {}
    for part, weight in ((item.title, 2.0), (item.text[:6000], 1.0)):
        for w in _text_words(part):
            terms[w] = terms.get(w, 0.0) + weight
    for cat in sorted(scores, key=lambda c: -scores[c])[:3]:
        hits = sorted(((w for w in terms if any(c == cat for c, _ in _lookup(w)))),
                      key=lambda w: -dict(_lookup(w))[cat] * terms[w])
        print(f"  {cat} {scores[cat]:.1f}: " + ", ".join(f"{w}x{terms[w]:.0f}" for w in hits[:top]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", type=int, default=0, help="print this many misclassified articles per set")
    ap.add_argument("--only", action="append", choices=sorted(SETS), help="run only these sets")
    ap.add_argument("--explain", action="append", help="show the evidence for this article (e.g. ecb:1_10ecbplus)")
    args = ap.parse_args()
    if args.explain:
        for build in SETS.values():
            for item in build():
                if item.source in args.explain:
                    explain(item)
        return
    classify_text("Warm-up", "The striker scored a goal.")  # loads the word tables
    pooled: dict[str, bool] = {}
    for name, build in SETS.items():
        if args.only and name not in args.only:
            continue
        results = report(name, build(), args.errors)
        if not name.startswith("newsroom"):
            for source, ok in results.items():
                pooled.setdefault(source, ok)  # an article in two sets counts once, by its first label
    if pooled:
        ok = sum(pooled.values())
        print(f"\nreal-text sets pooled (distinct articles): {ok}/{len(pooled)} = {100 * ok / len(pooled):.1f}%")

if __name__ == "__main__":
    main()
