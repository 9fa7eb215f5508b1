"""Page metadata: headline choice, author sources and the publication date, on small pages written here."""

from __future__ import annotations

from datetime import date

from lxml.html import HtmlElement
from trafilatura.utils import load_html

from hashwire.extract_meta import PageMeta, read_meta
from hashwire.extract_names import byline_names
from hashwire.extract_title import strip_site_name

FILLER = "".join(f"<p>Paragraph {i} of the story, with enough words to read as running text here.</p>"
                 for i in range(6))


def _tree(html: str) -> HtmlElement:
    tree = load_html(html)
    assert tree is not None
    return tree


def meta_of(head: str, body: str, url: str = "https://paper.example/story") -> PageMeta:
    return read_meta(_tree(f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"), url)


# --- titles -------------------------------------------------------------------------------------

def test_site_name_is_cut_but_a_headline_containing_it_is_kept() -> None:
    assert strip_site_name("Learn web development | web.dev", ["web.dev"], "https://web.dev/learn") \
        == "Learn web development"
    assert strip_site_name("Garden Planting vs. Ordinary Planting • Garden", ["Garden"]) \
        == "Garden Planting vs. Ordinary Planting"
    # a tagline ending in the site's name is the site's
    assert strip_site_name("Economy | Today's latest from Al Jazeera", ["Al Jazeera"]) == "Economy"


def test_headline_with_dateline_or_label_gives_way_to_the_metadata_title() -> None:
    og = '<meta property="og:title" content="Top Strategies to Optimize Blockchain Performance">'
    m = meta_of(og, "<h1>Top Strategies to Optimize Blockchain Performance <span>Posted on July 1, 2024 by "
                    "admin</span></h1>" + FILLER)
    assert m.title == "Top Strategies to Optimize Blockchain Performance"
    og = '<meta property="og:title" content="Best Advertising Agencies in 2025">'
    m = meta_of(og, "<h1>Blog: Best Advertising Agencies in 2025</h1>" + FILLER)
    assert m.title == "Best Advertising Agencies in 2025"
    # a subtitle is part of the headline
    og = '<meta property="og:title" content="Best High School Tutors in 2025">'
    m = meta_of(og, "<h1>Best High School Tutors in 2025, Reviewed by a Student</h1>" + FILLER)
    assert m.title == "Best High School Tutors in 2025, Reviewed by a Student"


def test_one_word_heading_that_is_a_segment_of_the_title_is_the_title() -> None:
    m = meta_of("<title>Kayaks | Riverside Outfitters</title>", "<h1>Kayaks</h1>" + FILLER)
    assert m.title == "Kayaks"
    # a heading that is not a whole segment does not win this way
    m = meta_of("<title>Kayaks for Rivers and Lakes | Riverside Outfitters</title>", "<h1>Boats</h1>" + FILLER)
    assert m.title == "Kayaks for Rivers and Lakes"


# --- authors ------------------------------------------------------------------------------------

def test_written_by_label_followed_by_the_name() -> None:
    m = meta_of("", '<h1>A headline for the story</h1><div><p>Written by</p><p>Edzel Tabing</p></div>' + FILLER)
    assert m.authors == ["Edzel Tabing"]


def test_byline_text_with_linked_name_and_date() -> None:
    m = meta_of("", '<h1>A headline for the story</h1><p>by <a href="/author/amanda/">Amanda</a> · Dec 20, 2025 '
                    'at 3:00 am · <a href="#c">12 comments</a></p>' + FILLER)
    assert m.authors == ["Amanda"]


def test_consent_sentence_starting_with_by_is_not_a_byline() -> None:
    m = meta_of("", "<h1>A headline for the story</h1><div>By clicking Join you are agreeing to our <a>Terms of "
                    "Service</a> and <a>Privacy Policy</a>.</div>" + FILLER)
    assert m.authors == []


def test_twitter_written_by_pair_and_role_after_the_name() -> None:
    head = '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Geri Mileva">'
    assert meta_of(head, "<h1>A headline for the story</h1>" + FILLER).authors == ["Geri Mileva"]
    assert byline_names("Sean Peek, Senior Analyst") == ["Sean Peek"]
    assert byline_names("Jane Doe, John Roe and Ann Poe") == ["Jane Doe", "John Roe", "Ann Poe"]
    assert byline_names("This post was written by Danielle Padula, Head of Marketing") == ["Danielle Padula"]


def test_author_from_script_state() -> None:
    script = '<script>var dataLayer = {"pagePostType": "post", "pagePostAuthor": "Krystyna"};</script>'
    assert meta_of(script, "<h1>A headline for the story</h1>" + FILLER).authors == ["Krystyna"]
    script = '<script>window.state = {"authors": "NewsMediaOrganization"};</script>'
    assert meta_of(script, "<h1>A headline for the story</h1>" + FILLER).authors == []


# --- dates --------------------------------------------------------------------------------------

LD_DATE = ('<script type="application/ld+json">{"@type": "BlogPosting", "headline": "A headline for the story", '
           '"datePublished": "2024-03-06T10:00:00Z"}</script>')


def _day(m: PageMeta) -> date | None:
    return m.published.date() if m.published else None


def test_date_shown_under_the_headline_wins_over_json_ld() -> None:
    m = meta_of(LD_DATE, "<h1>A headline for the story</h1><p>Updated November 19, 2025</p>" + FILLER)
    assert _day(m) == date(2025, 11, 19)


def test_published_time_tag_wins_over_the_visible_date() -> None:
    head = '<meta property="article:published_time" content="2025-08-08T09:00:00-04:00">' + LD_DATE
    m = meta_of(head, "<h1>A headline for the story</h1><p>August 13, 2025</p>" + FILLER)
    assert m.published is not None and m.published.isoformat() == "2025-08-08T09:00:00-04:00"


def test_same_day_keeps_the_time_from_metadata() -> None:
    m = meta_of(LD_DATE, "<h1>A headline for the story</h1><p>March 6, 2024</p>" + FILLER)
    assert m.published is not None and m.published.hour == 10


def test_dates_far_below_the_headline_are_teasers() -> None:
    teasers = "".join(f"<div><p>Teaser {i}</p><span>November {i + 1}, 2025</span></div>" for i in range(10))
    body = "<h1>A headline for the story</h1>" + "<p>Body paragraph text.</p>" * 120 + teasers
    assert _day(meta_of(LD_DATE, body)) == date(2024, 3, 6)


def test_date_in_tail_text_and_before_the_headline() -> None:
    m = meta_of("", '<h1>A headline for the story</h1><div><strong>By <a href="/t/v">Dr. Vahid Osman</a></strong>'
                    " - Mar 27, 2024</div>" + FILLER)
    assert _day(m) == date(2024, 3, 27)
    m = meta_of("", "<div><h5>January 23, 2025</h5></div><h1>A headline for the story</h1>" + FILLER)
    assert _day(m) == date(2025, 1, 23)


def test_cut_off_metadata_title_is_completed_and_blog_name_heading_skipped() -> None:
    ld = ('<script type="application/ld+json">{"@type": "BlogPosting", "headline": "We Help 4 Readers Find '
          'Solutions (Including"}</script><meta property="og:title" content="We Help 4 Readers Find Solutions '
          '(Including One Universal Trick)">')
    assert meta_of(ld, FILLER).title == "We Help 4 Readers Find Solutions (Including One Universal Trick)"
    head = ('<title>Engora Data Blog: Small adventures with small language models</title>'
            '<meta property="og:title" content="Small adventures with small language models">')
    m = meta_of(head, "<h1>Engora Data Blog</h1><h1>Small is the new large</h1>" + FILLER)
    assert m.title == "Small adventures with small language models"
