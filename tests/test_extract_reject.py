"""Listing rejection from the page's shape: product grids, blog indexes, and articles that carry a
grid of related stories (which stay articles). Pages written here."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from hashwire.errors import NotAnArticle
from hashwire.extract import extract
from hashwire.extract_reject import _category_heading, _url_kind
from hashwire.extract_scan import PageShape, measure_cards
from test_extract import PARAGRAPHS

BODY = PARAGRAPHS  # an article's paragraphs, shared with test_extract

PRODUCTS = ["Trail runner", "Road racer", "Canvas sneaker", "Leather boot", "Rain shoe", "Hiking sandal",
            "Court shoe", "Slip-on loafer", "Winter boot", "Track spike"]


def _shop_page(*, buttons: bool) -> str:
    tiles = "".join(
        f'<li class="product-tile"><a href="/products/{name.lower().replace(" ", "-")}">{name}</a>'
        f'<span class="price">${40 + 5 * i}.00</span>'
        + ('<button class="add">Add to cart</button>' if buttons else "")
        + "</li>" for i, name in enumerate(PRODUCTS))
    intro = ("Our shoes are made to last, with soles that can be replaced and uppers sewn by hand in our "
             "workshop. Free returns within thirty days on every pair, and free repairs for the first year. ")
    return (f"<html><head><title>Shoes | Shop</title></head><body><main><h1>Shoes</h1><p>{intro * 3}</p>"
            f'<ul class="grid">{tiles}</ul><p>{intro * 2}</p></main></body></html>')


def _blog_index() -> str:
    posts = "".join(
        f'<div class="post-card"><h2><a href="/blog/{i}-notes-from-the-harbour-bridge-works">Notes from '
        f'the harbour works, part {i}</a></h2><p>What the engineers found under the old deck this week.</p>'
        f'<span class="date">March {i}, 2024</span></div>' for i in range(1, 13))
    return f"<html><head><title>Blog</title></head><body><main><h1>Blog</h1>{posts}</main></body></html>"


def _article_with_related() -> str:
    related = "".join(
        f'<div class="card"><a href="/news/2024/story-number-{i}-about-the-harbour">Story {i} about the '
        f'harbour and its bridges</a><span class="price">$1.99 per issue</span>'
        f'<button>Buy now</button></div>' for i in range(8))
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    return ("<html><head><title>Council backs new harbour bridge</title>"
            '<meta property="og:type" content="article">'
            '<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head><body>'
            f"<article><h1>Council backs new harbour bridge</h1>{paras}</article>"
            f'<section class="related">{related}</section></body></html>')


def _shape(page: str) -> PageShape:
    shape = PageShape()
    measure_cards(lxml_html.fromstring(page).find(".//body"), shape)
    return shape


def test_cards_are_counted_with_their_prices_and_buttons() -> None:
    shape = _shape(_shop_page(buttons=True))
    assert (shape.cards, shape.priced_cards, shape.cart_cards) == (10, 10, 10)
    assert _shape(_blog_index()).cards == 12
    assert _shape(_blog_index()).priced_cards == 0


def test_prices_written_after_the_figure_count() -> None:
    tiles = "".join(f'<article class="tile"><h2><a href="/p/{i}">Barbecue {i}</a></h2><span>{100 + i},00 €</span>'
                    f"<button>Achat rapide</button></article>" for i in range(6))
    shape = _shape(f"<html><body><div>{tiles}</div></body></html>")
    assert (shape.cards, shape.priced_cards, shape.cart_cards) == (6, 6, 6)


def test_menus_and_paragraphs_are_not_cards() -> None:
    links = "".join(f'<li class="m"><a href="/s{i}">Section {i} news</a></li>' for i in range(10))
    paras = "".join(f'<p>{p} <a href="/x">more</a></p>' for p in BODY)
    page = f"<html><body><nav><ul>{links}</ul></nav><div>{paras}</div></body></html>"
    assert _shape(page).cards == 0


@pytest.mark.parametrize("buttons", [True, False])
def test_product_grid_is_a_listing(buttons: bool) -> None:
    with pytest.raises(NotAnArticle) as info:
        extract(_shop_page(buttons=buttons), "https://shoes.example.com/range/shoes")
    assert info.value.reason == "listing"
    assert ("buy button" in info.value.detail) == buttons


def test_category_headings() -> None:
    assert _category_heading("Living Room Furniture")
    assert _category_heading("Microphones")
    assert not _category_heading("Council backs new harbour bridge")
    assert not _category_heading("Best of 2024")
    assert not _category_heading("Why now?")
    assert not _category_heading("")


def test_blog_index_is_a_listing() -> None:
    with pytest.raises(NotAnArticle) as info:
        extract(_blog_index(), "https://example.org/harbour-works")
    assert info.value.reason == "listing"


def test_article_with_related_grid_is_kept() -> None:
    art = extract(_article_with_related(), "https://news.example.com/2024/03/05/council-backs-new-harbour-bridge")
    assert "old harbour bridge" in art.text
    assert "Story 3 about" not in art.text


@pytest.mark.parametrize(("url", "kind"), [
    ("https://shop.example/collections/summer-dresses", "listing"),
    ("https://shop.example/en-us/c/headphones/over-ear", "listing"),
    ("https://games.example/genre/Action/", "listing"),
    ("https://shop.example/shop/", "listing"),
    ("https://blog.example/category/travel/europe/page-two", "tag_listing"),
    ("https://news.example.com/2024/03/05/council-backs-new-harbour-bridge", ""),
    ("https://shop.example/products/trail-runner", ""),
    ("https://museum.example/collection/objects/blue-vase-1890", ""),
])
def test_catalogue_addresses(url: str, kind: str) -> None:
    assert _url_kind(url) == kind
