"""One article as its outlet publishes it: address, headline, byline, paragraphs, photo, tags."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote, unquote

from . import prose, style
from .events import KIND_BY_KEY
from .rand import Rand as Random
from .world import ArticleSpec, Outlet, World, slugify

CAPTIONS = {
    "en": ("Residents of {city} gather outside on {weekday}.", "A view of central {city}.",
           "{p2} speaks to reporters in {city}.", "The scene in {city} on {weekday}.",
           "People follow the news in {city}."),
    "ar": ("سكان {city} يتجمعون في الخارج يوم {weekday}.", "منظر عام لوسط {city}.",
           "{p2} يتحدث إلى الصحفيين في {city}.", "المشهد في {city} يوم {weekday}."),
}


@dataclass(frozen=True, slots=True)
class NewsArticle:
    index: int
    spec: ArticleSpec
    outlet: Outlet
    kind: str
    category: str
    language: str
    title: str
    path: str
    byline: str
    authors: tuple[str, ...]
    paragraphs: tuple[str, ...]
    correction: str
    caption: str
    credit: str
    tags: tuple[str, ...]
    keywords: tuple[str, ...]  # what the page's own metadata says (not the editor's tags)

    @property
    def section(self) -> str:
        return self.category.lower()

    @property
    def published(self) -> datetime:
        return self.spec.published

    @property
    def modified(self) -> datetime:
        return self.spec.updated or self.spec.published

    @property
    def summary(self) -> str:
        return truncate(self.paragraphs[0], 220)

    @property
    def image_path(self) -> str:
        return f"/{self.outlet.slug}/media/{self.index}.png"

    @property
    def text(self) -> str:
        """The article's own words, as an extractor should find them."""
        parts = list(self.paragraphs)
        if self.correction:
            parts.append(self.correction)
        return "\n\n".join(parts)


def truncate(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def _facts_for(world: World, spec: ArticleSpec) -> prose.ArticleFacts:
    """The story's facts as of the day the article's text was written."""
    plan = world.plan(spec.story)
    source = spec if spec.text_of == spec.index else world.spec(spec.text_of)
    return prose.ArticleFacts(world.facts(spec.story), prose.weekday(plan.language, source.published))


def title_of(world: World, spec: ArticleSpec) -> str:
    plan = world.plan(spec.story)
    facts = _facts_for(world, spec)
    source = spec if spec.text_of == spec.index else world.spec(spec.text_of)
    used, title = prose.headline(plan.kind, plan.language, facts, plan.head_turn + source.turn,
                                 source.followup, plan.lead_turn + source.turn)
    if spec.copy_kind in ("edited", "verbatim"):
        rng = Random(f"{world.seed}:retitle:{spec.index}")
        if spec.copy_kind == "edited" or rng.random() < 0.3:
            title = prose.other_headline(plan.kind, plan.language, facts, rng, source.followup, used)
    return title


def path_of(world: World, spec: ArticleSpec, title: str) -> str:
    outlet = world.outlets[spec.outlet]
    slug = slugify(title)
    name = f"{slug}-{spec.index}" if slug else str(spec.index)
    shape = outlet.url_shape
    if shape == "dated":
        p = spec.published
        return f"/{outlet.slug}/{p.year:04d}/{p.month:02d}/{p.day:02d}/{name}.html"
    if shape == "section":
        return f"/{outlet.slug}/{KIND_BY_KEY[world.plan(spec.story).kind].category.lower()}/{name}"
    if shape == "newsid":
        return f"/{outlet.slug}/news/{spec.index}/{slug}" if slug else f"/{outlet.slug}/news/{spec.index}"
    if not slug and outlet.language == "ar":
        # Arabic sites put the headline itself in the address, percent-encoded on the wire
        slug = quote("-".join(_ARABIC_WORD.findall(title)[:8]), safe="-")
    return f"/{outlet.slug}/story/{slug}--{spec.index}" if slug else f"/{outlet.slug}/story/{spec.index}"


_ARABIC_WORD = re.compile(r"[\u0621-\u064a0-9]+")


def index_from_path(world: World, path: str) -> int | None:
    """The article served at a path, or None: the numbers in the path are tried, and the address must match."""
    for digits in reversed(re.findall(r"\d+", path)[-4:]):
        i = int(digits)
        if i < world.total:
            spec = world.spec(i)
            expected = path_of(world, spec, title_of(world, spec))
            if expected == path or ("%" in expected and unquote(expected) == unquote(path)):
                return i
    return None


def _staff(world: World, outlet: Outlet) -> list[str]:
    rng = Random(f"{world.seed}:staff:{outlet.index}")
    return [prose.person(rng, outlet.language) for _ in range(8)]


def render(world: World, i: int) -> NewsArticle:
    spec = world.spec(i)
    plan = world.plan(spec.story)
    lang = plan.language
    kind = KIND_BY_KEY[plan.kind]
    outlet = world.outlets[spec.outlet]
    facts = _facts_for(world, spec)
    source = spec if spec.text_of == i else world.spec(spec.text_of)
    pools = prose.POOLS[lang]
    title = title_of(world, spec)
    footer = ""
    if source.wire:
        wrng = Random(f"{world.seed}:wire:{source.index}")
        wire = wrng.choice(pools.wires)
        authors: tuple[str, ...] = (prose.person(wrng, lang),)
        editor = prose.person(wrng, lang)
        byline = f"{authors[0]}, {wire}" if lang == "en" else f"{authors[0]} - {wire}"
        dateline = (f"{facts['city'].upper()}, {facts['country']} ({wire}) — " if lang == "en"
                    else f"{facts['city']} ({wire}) - ")
        footer = (f"(Reporting by {authors[0]}; editing by {editor})" if lang == "en"
                  else f"(إعداد {authors[0]}، تحرير {editor})")
    else:
        origin = world.outlets[source.outlet]
        brng = Random(f"{world.seed}:byline:{source.index}")
        authors = tuple(brng.sample(_staff(world, origin), 2 if brng.random() < 0.2 else 1))
        joiner = " and " if lang == "en" else " و"
        byline = joiner.join(authors)
        dateline = (f"{facts['city'].upper()} — " if lang == "en" else f"{facts['city']} - ") if origin.style in (0, 2) else ""
    paragraphs = prose.body(plan.kind, lang, facts, Random(f"{world.seed}:body:{source.index}"),
                            source.followup, dateline, plan.lead_turn + source.turn)
    if footer:
        paragraphs.append(footer)
    else:
        paragraphs = style.restyle(paragraphs, source.outlet, lang)
    if spec.copy_kind == "edited":
        erng = Random(f"{world.seed}:edit:{i}")
        paragraphs = prose.edit_copy(paragraphs, lang, erng)
        if erng.random() < 0.5:
            # the subscribing desk adds its own line, as desks do
            extra = erng.choice(_staff(world, outlet))
            paragraphs.append(f"Additional reporting by {extra}." if lang == "en" else f"شارك في الإعداد {extra}.")
    correction = prose.correction(lang, facts, spec.correction) if spec.correction >= 0 else ""
    crng = Random(f"{world.seed}:photo:{source.index}")
    caption = crng.choice(CAPTIONS[lang]).format_map(facts)
    photographer = prose.person(crng, lang)
    agency = outlet.photo_agency if not source.wire else pools.photo_agencies[0]
    credit = f"Photo: {photographer} / {agency}" if lang == "en" else f"تصوير: {photographer} / {agency}"
    tags = tuple(prose.story_tags(kind, lang, facts))
    keywords = (kind.category, facts["city"]) if lang == "en" else (facts["city"],)
    return NewsArticle(
        index=i, spec=spec, outlet=outlet, kind=plan.kind, category=kind.category, language=lang, title=title,
        path=path_of(world, spec, title), byline=byline, authors=authors, paragraphs=tuple(paragraphs),
        correction=correction, caption=caption, credit=credit, tags=tags, keywords=keywords,
    )


__all__ = ["NewsArticle", "index_from_path", "path_of", "render", "title_of", "truncate"]
