"""extract(): main text without boilerplate, metadata, and typed rejections, on pages written here."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import hashwire.extract
from hashwire.errors import NotAnArticle
from hashwire.extract import extract, extract_for_eval
from hashwire.models import Hints

PARAGRAPHS = [
    "The city council voted on Tuesday to rebuild the old harbour bridge, ending a debate that has run "
    "for more than a decade and divided residents of both riverbanks.",
    "Engineers told the council that the current structure, opened in 1911, can no longer carry buses "
    "safely, and that repairs would cost almost as much as a new bridge built to modern standards.",
    "Opponents argued that the historic ironwork should be preserved, and a compromise was reached to "
    "reuse the original lamp posts and railings on the pedestrian deck of the new crossing.",
    "Construction is expected to begin next spring and to last about three years, during which a ferry "
    "service will run every fifteen minutes between the two landing stages near the market.",
    "The mayor said the decision showed that the city could still plan for the long term, and thanked "
    "the residents who had taken part in the public consultations over the past two years.",
]

BOILERPLATE = [
    "Facebook Tweet Link Follow",
    "Copy the Story Link",
    "Photo: Jane Smith/Getty Images",
    "Sign up for our daily newsletter to get the best stories in your inbox",
    "We use cookies to improve your experience. By clicking accept you agree to our cookie policy.",
    "Read more: Council approves new budget for schools",
    "ADVERTISEMENT",
]


def news_page(*, extra_head: str = "", lang: str = "en") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:3])
    body += '<figure><img src="/bridge.jpg"><figcaption>Photo: Jane Smith/Getty Images</figcaption></figure>'
    body += "<p>ADVERTISEMENT</p>"
    body += "".join(f"<p>{p}</p>" for p in PARAGRAPHS[3:])
    return f"""<!doctype html><html lang="{lang}"><head>
<title>Council votes to rebuild harbour bridge | The Riverside Gazette</title>
<meta property="og:title" content="Council votes to rebuild harbour bridge">
<meta property="og:site_name" content="The Riverside Gazette">
<meta property="og:type" content="article">
<meta property="og:image" content="https://gazette.example/img/bridge.jpg">
<meta property="article:published_time" content="2025-03-04T18:30:00+02:00">
<meta property="article:modified_time" content="2025-03-05T08:00:00+02:00">
<meta name="description" content="A new bridge will replace the 1911 crossing.">
<link rel="canonical" href="https://gazette.example/local/2025/03/04/harbour-bridge?utm_source=rss">
{extra_head}
</head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience. By clicking accept you agree to our
cookie policy.</p><button>Accept</button></div>
<header><nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>Council votes to rebuild harbour bridge</h1>
<div class="byline">By <a rel="author" href="/staff/jane-doe">Jane Doe</a> and John Roe | March 4, 2025</div>
<div class="share"><a href="#">Facebook</a> <a href="#">Tweet</a> <a href="#">Link</a> <a href="#">Follow</a></div>
<p class="share-link">Copy the Story Link</p>
{body}
<aside class="newsletter"><p>Sign up for our daily newsletter to get the best stories in your inbox</p></aside>
<p>Read more: Council approves new budget for schools</p>
<h2>Related stories</h2>
<ul><li><a href="/a">Ferry timetable changes next month</a></li>
<li><a href="/b">Market square to get new lighting</a></li></ul>
</article></main>
<footer><p>© 2025 The Riverside Gazette. All rights reserved.</p></footer>
</body></html>"""


def test_news_page_text_is_clean_and_complete() -> None:
    art = extract(news_page(), "https://gazette.example/local/2025/03/04/harbour-bridge")
    for p in PARAGRAPHS:
        assert p in art.text
    for junk in BOILERPLATE:
        assert junk not in art.text, junk
    assert "Ferry timetable changes" not in art.text
    assert "All rights reserved" not in art.text
    # paragraphs separated by blank lines
    assert art.text.count("\n\n") >= len(PARAGRAPHS) - 1


def test_news_page_metadata() -> None:
    art = extract(news_page(), "https://gazette.example/local/2025/03/04/harbour-bridge")
    assert art.title == "Council votes to rebuild harbour bridge"
    assert art.authors == ["Jane Doe", "John Roe"]
    assert art.published == datetime(2025, 3, 4, 16, 30, tzinfo=UTC)
    assert art.updated == datetime(2025, 3, 5, 6, 0, tzinfo=UTC)
    assert art.url == "https://gazette.example/local/2025/03/04/harbour-bridge"
    assert art.site_name == "The Riverside Gazette"
    assert art.image == "https://gazette.example/img/bridge.jpg"
    assert art.language == "en"
    assert art.section == "local"
    assert art.description.startswith("A new bridge")
    assert not art.partial
    assert "<script" not in art.html and "<p>" in art.html


def test_canonical_from_another_site_is_ignored() -> None:
    html = news_page().replace("https://gazette.example/local/2025/03/04/harbour-bridge?utm_source=rss",
                               "https://aggregator.example/copy/1")
    art = extract(html, "https://gazette.example/local/2025/03/04/harbour-bridge?utm_medium=feed")
    assert art.url == "https://gazette.example/local/2025/03/04/harbour-bridge"


def test_json_ld_metadata_wins_over_meta_tags() -> None:
    ld = """<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
      {"@type": "NewsArticle", "headline": "Council votes to rebuild harbour bridge",
       "author": [{"@type": "Person", "name": "Jane Doe"}], "datePublished": "2025-03-04T16:30:00Z",
       "publisher": {"@type": "Organization", "name": "The Riverside Gazette"},
       "isAccessibleForFree": "False", "articleSection": "Local news"}]}</script>"""
    html = news_page(extra_head=ld).replace('<div class="byline">By <a rel="author" href="/staff/jane-doe">'
                                             'Jane Doe</a> and John Roe | March 4, 2025</div>', "")
    art = extract(html, "https://gazette.example/local/2025/03/04/harbour-bridge")
    assert art.authors == ["Jane Doe"]
    assert art.section == "Local news"
    assert art.partial  # the page says it is not free: a teaser


def test_hints_fill_what_the_page_lacks() -> None:
    html = f"<html><body><article>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}</article></body></html>"
    hints = Hints(title="Harbour bridge to be rebuilt - The Riverside Gazette",
                  published=datetime(2025, 3, 4, 12, 0, tzinfo=UTC), authors=["Jane Doe"],
                  categories=["Local"], image="https://gazette.example/i.jpg", summary="Bridge")
    art = extract(html, "https://gazette.example/local/harbour-bridge-rebuilt", hints=hints)
    assert art.title == "Harbour bridge to be rebuilt"
    assert art.published == datetime(2025, 3, 4, 12, 0, tzinfo=UTC)
    assert art.authors == ["Jane Doe"]
    assert "Local" in art.keywords
    assert art.image == "https://gazette.example/i.jpg"


def _teasers(n: int, prefix: str = "/news/story-") -> str:
    return "".join(
        f'<article><h3><a href="{prefix}{i}">Headline number {i} about the town</a></h3>'
        f"<p>Short teaser {i}.</p></article>"
        for i in range(n)
    )


@pytest.mark.parametrize(
    ("url", "html", "reason"),
    [
        ("https://gazette.example/", f"<html><head><title>The Gazette</title></head><body>{_teasers(30)}</body></html>",
         "section_front"),
        ("https://gazette.example/tag/bridges", f"<html><head><title>Bridges</title></head><body><h1>Bridges</h1>"
         f"{_teasers(20)}</body></html>", "tag_listing"),
        ("https://gazette.example/video/", f"<html><head><title>Video</title></head><body>"
         f"{_teasers(20, '/video/clip-')}</body></html>", "video_index"),
        ("https://gazette.example/search?q=bridge", f"<html><head><title>Search</title></head><body>"
         f"{_teasers(10)}</body></html>", "search_results"),
        ("https://gazette.example/local/missing-page", "<html><head><title>Page not found | Gazette</title></head>"
         "<body><h1>404 - Page not found</h1><p>Sorry, the page you are looking for does not exist or has "
         "been moved. Try the search or go back to the home page.</p></body></html>", "error_page"),
        ("https://gazette.example/local/some-long-article-slug-here", "<html><head><title>Gazette</title></head>"
         "<body><div><h2>We value your privacy</h2><p>We and our partners use cookies and similar tracking "
         "technologies to store and access information on your device, for personalised ads and content, "
         "ad measurement and audience insights. With your consent, our vendors may process data. You can "
         "accept all, or manage your consent choices and legitimate interest objections.</p>"
         "<button>Accept all</button><button>Manage</button></div></body></html>", "consent_wall"),
        ("https://gazette.example/local/empty-story-slug", "<html><body><p>Coming soon.</p></body></html>",
         "too_short"),
    ],
)
def test_non_articles_are_rejected_with_reason(url: str, html: str, reason: str) -> None:
    with pytest.raises(NotAnArticle) as info:
        extract(html, url)
    assert info.value.reason == reason


def test_listing_without_url_hint_is_rejected() -> None:
    items = "".join(
        f'<li><h3><a href="/products/item-{i}">Blue ceramic mug model {i}</a></h3><span>$12</span></li>'
        for i in range(40)
    )
    html = f"<html><head><title>Shop</title></head><body><h1>Mugs</h1><ul>{items}</ul></body></html>"
    with pytest.raises(NotAnArticle) as info:
        extract(html, "https://shop.example/mugs")
    assert info.value.reason in {"listing", "tag_listing", "section_front"}


ARABIC = [
    "قال مسؤولون في وزارة النقل إن العمل على الجسر الجديد سيبدأ في الربيع المقبل بعد أن وافق المجلس "
    "على الخطة التي استمر النقاش حولها أكثر من عشر سنوات.",
    "وأضاف المسؤولون أن الجسر القديم الذي افتتح عام 1911 لم يعد قادرا على تحمل حركة الحافلات، وأن "
    "تكلفة إصلاحه تقارب تكلفة بناء جسر جديد وفق المعايير الحديثة.",
    "ومن المتوقع أن يستمر البناء نحو ثلاث سنوات، تعمل خلالها عبارة كل خمس عشرة دقيقة بين ضفتي النهر "
    "قرب السوق القديم في وسط المدينة.",
]


def test_arabic_article() -> None:
    html = f"""<html lang="ar" dir="rtl"><head><title>المجلس يوافق على بناء جسر جديد - جريدة النهر</title>
<meta property="og:site_name" content="جريدة النهر"></head><body><article><h1>المجلس يوافق على بناء جسر جديد</h1>
<div class="share">Facebook Tweet Link</div>{''.join(f'<p>{p}</p>' for p in ARABIC)}</article></body></html>"""
    art = extract(html, "https://nahr.example/ar/local/2025/03/04/bridge")
    assert art.language == "ar"
    assert art.title == "المجلس يوافق على بناء جسر جديد"
    assert all(p in art.text for p in ARABIC)
    assert "Facebook" not in art.text


def test_eval_adapter_returns_local_date_and_empty_text_for_rejects() -> None:
    out = extract_for_eval(news_page(), "https://gazette.example/local/2025/03/04/harbour-bridge")
    assert out["date"] == "2025-03-04" and out["author"] == "Jane Doe; John Roe"
    assert extract_for_eval("<html><body><p>x</p></body></html>", "https://a.example/")["text"] == ""


def _base_extractor_keeps_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on pages whose article sits in an element the base extractor's class rules delete."""
    monkeypatch.setattr(hashwire.extract, "_run_base", lambda tree, url, fast: None)


def test_article_removed_by_the_base_extractor_is_read_from_its_densest_paragraphs(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _base_extractor_keeps_nothing(monkeypatch)
    art = extract(news_page(), "https://gazette.example/local/2025/03/04/harbour-bridge")
    assert all(p in art.text for p in PARAGRAPHS)
    assert not any(b in art.text for b in BOILERPLATE)


def test_without_article_signals_the_densest_paragraphs_are_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    _base_extractor_keeps_nothing(monkeypatch)
    html = news_page().replace('<meta property="og:type" content="article">', "")
    html = html.replace("article:published_time", "x-published").replace("article:modified_time", "x-modified")
    html = html.replace(" | March 4, 2025", "")  # no date anywhere
    with pytest.raises(NotAnArticle) as info:
        extract(html, "https://shop.example/browse/bridges")
    assert info.value.reason == "too_short"
