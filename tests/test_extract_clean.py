"""Block cleaning and listing signals, on blocks and pages written here."""

from __future__ import annotations

import pytest

from hashwire.errors import NotAnArticle
from hashwire.extract import extract
from hashwire.extract_body import Block
from hashwire.extract_clean import clean_blocks
from hashwire.extract_meta import PageMeta
from hashwire.extract_reject import listing_score
from hashwire.extract_scan import PageShape

PROSE = ("The committee met again on Thursday to review the plans for the new library, and members spent most "
         "of the afternoon on the budget for the reading rooms, the archive and the children's wing, which "
         "several residents had asked to see enlarged after the first drafts were published in the spring.")


def prose(n: int) -> str:
    return f"{PROSE} (Paragraph {n}.)"


def p(text: str) -> Block:
    return Block("p", text, f"<p>{text}</p>")


def h(text: str) -> Block:
    return Block("h", text, f"<h2>{text}</h2>")


def texts(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks]


def test_table_of_contents_is_dropped_when_it_lists_the_sections() -> None:
    toc = Block("list", "Background\nThe budget\nWhat comes next", "<ul></ul>")
    blocks = [p(prose(0)), h("Table of contents"), toc, h("Background"), p(prose(1)), h("The budget"), p(prose(2)),
              h("What comes next"), p(prose(3))]
    kept = texts(clean_blocks(blocks))
    assert "Table of contents" not in kept and toc.text not in kept
    assert [prose(i) in kept for i in range(4)] == [True] * 4 and "The budget" in kept


def test_recurring_labels_stay_but_a_repeated_teaser_goes() -> None:
    blocks = [p(PROSE)]
    for i in range(3):
        blocks += [h(f"Course number {i} in the list"), h("Key features of this course:"), p(PROSE + f" {i}")]
    blocks += [p("Sign in to save this story for later reading"), p("Sign in to save this story for later reading")]
    kept = texts(clean_blocks(blocks))
    assert kept.count("Key features of this course:") == 3
    assert kept.count("Sign in to save this story for later reading") == 1


def test_tail_after_related_heading_is_cut_unless_it_is_more_prose() -> None:
    body = [p(prose(i)) for i in range(6)]
    teasers = [h("Related stories"), p("A short teaser for another story"), p("And one more teaser here")]
    assert "Related stories" not in texts(clean_blocks(body + teasers))
    longer = [p(prose(i)) for i in range(12)]
    more = [h("More from the city"), *[p(PROSE + f" Part {i}.") for i in range(4)]]
    assert texts(clean_blocks(longer + more))[-1].endswith("Part 3.")


def test_text_laid_out_twice_is_kept_once() -> None:
    article = [h("Background"), p(prose(0)), h("The budget"), p(prose(1)), h("What comes next"), p(prose(2))]
    kept = texts(clean_blocks([*article, p("Contact us"), *article, *article]))
    assert kept.count(prose(1)) == 1 and kept.count("The budget") == 1
    assert "Contact us" in kept and kept.count(prose(2)) == 1


def _score(url: str, meta: PageMeta, shape: PageShape, blocks: list[Block]) -> float:
    return listing_score(url, meta, shape, blocks)


def test_shop_shelf_signals_raise_the_listing_score() -> None:
    blocks = [p(f"Ceramic mug model {i} in blue, dishwasher safe $12.99") for i in range(12)]
    shape = PageShape(words=400, link_words=120)
    plain = _score("https://shop.example/mugs", PageMeta(), shape, blocks)
    product = _score("https://shop.example/collections/mugs", PageMeta(og_type="product.group"), shape, blocks)
    assert product >= plain + 2.0  # product group, shop path and prices
    no_prices = [p(f"Ceramic mug model {i} in blue, dishwasher safe") for i in range(12)]
    assert _score("https://shop.example/mugs", PageMeta(), shape, no_prices) < plain


def test_links_to_other_articles_raise_the_score_and_their_absence_lowers_it() -> None:
    blocks = [p(PROSE) for _ in range(3)]
    few = _score("https://paper.example/guide", PageMeta(), PageShape(words=300, article_links=0), blocks)
    many = _score("https://paper.example/guide", PageMeta(), PageShape(words=300, article_links=40), blocks)
    assert many >= few + 1.5


def test_resource_page_with_own_text_is_kept() -> None:
    items = "".join(f"<li><a href='https://other{i}.example/'>Provider {i}</a>: sliding scale fees, call for an "
                    f"appointment, evening hours on weekdays.</li>" for i in range(12))
    html = (f"<html><head><title>Low-cost counselling</title></head><body><h1>Low-cost counselling</h1>"
            f"<p>{PROSE}</p><ul>{items}</ul><p>{PROSE}</p></body></html>")
    try:
        art = extract(html, "https://college.example/students/counselling")
    except NotAnArticle as exc:  # pragma: no cover - the failure message names the reason
        pytest.fail(f"rejected: {exc}")
    assert "Provider 11" in art.text


def test_headline_area_lines_go_even_after_widgets() -> None:
    widgets = [p("Share"), p("Tweet"), p("Email"), p("Print")]
    top = [p("Home > Guides > Gardening"), h("The Gardener’s Year"), p("October 1, 2025"), p("Written by"),
           p("6 min read")]
    kept = texts(clean_blocks([*widgets, *top, p(prose(0)), p("Back to blog")], title="The Gardener's Year"))
    assert kept == [prose(0)]


def test_affiliate_disclosures_go_but_prose_about_commissions_stays() -> None:
    note = p("This post contains affiliate links. If you buy through them we may earn a small commission.")
    agents = p("Agents will receive a commission of three percent on every sale they close this year.")
    kept = texts(clean_blocks([note, p(prose(0)), agents, p(prose(1))]))
    assert note.text not in kept and agents.text in kept


def test_sources_list_sales_pitch_and_last_update_line_at_the_end_go() -> None:
    body = [p(prose(i)) for i in range(6)]
    tail = [p("Book a demo to see how our platform can help your team."), h("Sources"),
            Block("list", "Example Journal, 2024\nAnother Report, 2023", "<ul></ul>"), p("Updated March 19, 2025")]
    kept = texts(clean_blocks(body + tail))
    assert kept == [prose(i) for i in range(6)]


def test_donation_appeals_republishing_boxes_and_placeholder_text_go() -> None:
    body = [p(prose(i)) for i in range(3)]
    appeal = p("Enjoyed this piece? We need your help to keep publishing: we rely on reader donations.")
    member = p("Become a member today and support our newsroom.")
    republish = p("Republish our articles for free, online or in print.")
    filler = p("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.")
    giving = p("The foundation said readers had given more than it asked for, and the choir will tour in May.")
    kept = texts(clean_blocks([*body, appeal, member, giving, republish, filler]))
    assert kept == [*texts(body), giving.text]


def test_shopping_buttons_cross_links_and_cookie_consent_text_go() -> None:
    body = [p(prose(i)) for i in range(4)]
    junk = [p("Check price at REI"), p("Check Price at Amazon (on sale!)"), p(">> Read More: The Best Tents of 2026"),
            p("Previous article: How We Test Stoves"), p("Use Coupon Code SAVE20"),
            p("Necessary cookies are absolutely essential for the website to function properly."),
            Block("table", "Cookie | Duration | Description\ncookie_consent | 11 months | This cookie is set by the "
                  "consent plugin.\nanalytics_cookie | 1 year | The cookie is used to store the consent.", "<table/>")]
    # prose that mentions prices, coupons or cookies is not a button or a consent notice
    keep = [p("Check prices at two or three local stores before you buy, because they differ by a lot."),
            p("She baked cookies for the volunteers and said the coupon code scheme had ended in March."),
            Block("table", "Tent | Weight | Price\nTrail 2 | 1.9 kg | $199\nRidge 3 | 2.4 kg | $249", "<table/>")]
    kept = texts(clean_blocks([*body[:2], *junk, *body[2:], *keep]))
    assert kept == [*texts(body), *texts(keep)]
