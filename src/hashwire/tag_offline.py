"""Offline tagging: {"id","title","text","url","source"} records in, tag records out.

Backs `hashwire tag --input docs.jsonl --output tags.jsonl`; pure (the caller reads and writes lines).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .models import Article
from .tag import article_language, categorize, hashtags, keyphrases


def record_article(record: dict) -> Article:
    url = str(record.get("url") or f"urn:hashwire:{record.get('id', '')}")
    keywords = record.get("categories") or record.get("keywords") or []
    return Article(
        url=url,
        title=str(record.get("title") or ""),
        text=str(record.get("text") or ""),
        id=str(record.get("id") or ""),
        source_name=str(record.get("source") or ""),
        site_name=str(record.get("site_name") or ""),
        section=str(record.get("section") or ""),
        language=str(record.get("language") or ""),
        keywords=[str(k) for k in keywords] if isinstance(keywords, list) else [str(keywords)],
    )


def tag_records(records: Iterable[dict]) -> Iterator[dict]:
    """One output record per input record: id, hashtags (display form), keyphrases, category."""
    for record in records:
        article = record_article(record)
        lang = article_language(article)
        yield {
            "id": record.get("id", article.id),
            "hashtags": hashtags(article),
            "keyphrases": keyphrases(article.title, article.text, lang),
            "category": categorize(article),
        }
