"""HTML pages of the simulated outlets: articles wrapped in the boilerplate real news sites carry."""

from __future__ import annotations

import json
from datetime import datetime
from html import escape
from typing import TYPE_CHECKING

from .articles import NewsArticle, truncate
from .events import CATEGORIES
from .world import Outlet

if TYPE_CHECKING:
    from .room import Newsroom

UI = {
    "en": {
        "sections": dict(zip(CATEGORIES, CATEGORIES, strict=True)), "home": "Home",
        "cookie": "We use cookies to personalise content and ads and to analyse our traffic. "
                  "By continuing you agree to our cookie policy.",
        "accept": "Accept all", "manage": "Manage preferences",
        "share": "Facebook Tweet Link Follow", "copy": "Copy the Story Link",
        "newsletter": "Get the morning briefing: the day's biggest stories in your inbox before breakfast.",
        "signup": "Sign up", "email": "Your email address",
        "related": "Related stories", "most_read": "Most read", "by": "By", "updated": "Updated",
        "advert": "Advertisement", "subscribe": "Subscribe", "latest": "Latest news", "top": "Top stories",
        "read_more": "Read more", "topics": "Topics",
        "footer": ("About us", "Contact", "Privacy policy", "Cookie settings", "Terms of use", "Advertise", "Careers"),
        "rights": "All rights reserved.", "comments": "Comments",
    },
    "ar": {
        "sections": dict(zip(CATEGORIES, ("العالم", "سياسة", "اقتصاد", "تكنولوجيا", "علوم", "صحة", "رياضة", "فن وثقافة"),
                             strict=True)),
        "home": "الرئيسية",
        "cookie": "نستخدم ملفات تعريف الارتباط لتحسين تجربتك وتحليل الزيارات. باستمرارك في التصفح فإنك توافق على ذلك.",
        "accept": "قبول الكل", "manage": "إدارة التفضيلات",
        "share": "فيسبوك تويتر رابط متابعة", "copy": "انسخ رابط الخبر",
        "newsletter": "اشترك في النشرة الصباحية لتصلك أهم الأخبار كل يوم.",
        "signup": "اشترك", "email": "بريدك الإلكتروني",
        "related": "أخبار ذات صلة", "most_read": "الأكثر قراءة", "by": "", "updated": "آخر تحديث",
        "advert": "إعلان", "subscribe": "اشترك", "latest": "آخر الأخبار", "top": "أبرز الأخبار",
        "read_more": "اقرأ أيضا", "topics": "مواضيع",
        "footer": ("من نحن", "اتصل بنا", "سياسة الخصوصية", "إعدادات الكوكيز", "شروط الاستخدام", "أعلن معنا"),
        "rights": "جميع الحقوق محفوظة.", "comments": "التعليقات",
    },
}
READER_COMMENTS = {
    "en": ("Thoughts with everyone affected. Hoping for better news tomorrow.",
           "Why did it take so long for anyone to say anything official?",
           "Good reporting, thank you for keeping us informed.",
           "I live nearby and can confirm it has been a very long day.",
           "Let's wait for the full facts before jumping to conclusions.",
           "This paper always covers these stories better than the TV channels."),
    "ar": ("قلوبنا مع جميع المتضررين، ونرجو أخبارا أفضل غدا.",
           "لماذا تأخر صدور أي بيان رسمي كل هذا الوقت؟",
           "شكرا على التغطية المتواصلة.",
           "أسكن بالقرب من المكان وكان يوما طويلا فعلا.",
           "لننتظر الحقائق كاملة قبل إطلاق الأحكام."),
}
COMMENTERS = ("Margaret_K", "dan.r", "citywatcher", "Observer77", "lina_m", "harbourlight", "J. Osei")
BODY_CLASS = ("article-body", "entry-content", "story__content", "td-post-content")
EN_MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def iso(dt: datetime) -> str:
    return dt.isoformat().replace("+00:00", "Z")


def shown_time(dt: datetime, outlet: Outlet) -> str:
    if outlet.language == "ar":
        return dt.strftime("%d/%m/%Y %H:%M")
    if outlet.style % 2:
        return f"{EN_MONTHS_SHORT[dt.month - 1]} {dt.day}, {dt.year} {dt:%H:%M} UTC"
    return f"{dt.day} {EN_MONTHS_SHORT[dt.month - 1]} {dt.year}, {dt:%H.%M} GMT"


def ago(dt: datetime, now: datetime, lang: str) -> str:
    minutes = int((now - dt).total_seconds() // 60)
    if lang == "ar":
        if minutes < 60:
            return f"منذ {max(1, minutes)} دقيقة"
        return f"منذ {minutes // 60} ساعة" if minutes < 1440 else f"منذ {minutes // 1440} يوم"
    if minutes < 60:
        return f"{max(1, minutes)} min ago"
    if minutes < 120:
        return "an hour ago"
    if minutes < 1440:
        return f"{minutes // 60} hours ago"
    return "a day ago" if minutes < 2880 else f"{minutes // 1440} days ago"


def _head(outlet: Outlet, title: str, base: str, extra: str = "") -> str:
    lang = outlet.language
    feed_type = {"rss20": "application/rss+xml", "atom10": "application/atom+xml", "rdf": "application/rdf+xml",
                 "jsonfeed": "application/feed+json"}[outlet.feed_format]
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}">\n<head>\n'
        f'<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        f'<link rel="alternate" type="{feed_type}" title="{escape(outlet.name)}" href="{base}{outlet.feed_path}">\n'
        f'<link rel="stylesheet" href="/{outlet.slug}/static/site.css">\n{extra}</head>\n'
    )


def _header(outlet: Outlet) -> str:
    ui = UI[outlet.language]
    sections = ui["sections"]
    assert isinstance(sections, dict)
    links = "".join(f'<li><a href="/{outlet.slug}/{c.lower()}/">{escape(sections[c])}</a></li>' for c in CATEGORIES)
    cookie = (f'<div id="cookie-banner" class="cookie-consent" role="dialog"><p>{ui["cookie"]}</p>'
              f'<button class="accept">{ui["accept"]}</button> <button class="manage">{ui["manage"]}</button></div>\n')
    return (
        f'<body class="style-{outlet.style}">\n{cookie}'
        f'<header class="site-header"><a class="logo" href="/{outlet.slug}/">{escape(outlet.name)}</a>\n'
        f'<nav class="main-nav"><ul><li><a href="/{outlet.slug}/">{ui["home"]}</a></li>{links}</ul></nav>\n'
        f'<a class="subscribe-button" href="/{outlet.slug}/subscribe">{ui["subscribe"]}</a></header>\n'
    )


def _footer(outlet: Outlet, year: int) -> str:
    ui = UI[outlet.language]
    links = " | ".join(f'<a href="/{outlet.slug}/about#{i}">{escape(t)}</a>' for i, t in enumerate(ui["footer"]))
    return (f'<footer class="site-footer"><nav>{links}</nav>\n'
            f"<p>© {year} {escape(outlet.name)}. {ui['rights']}</p></footer>\n</body>\n</html>\n")


def _newsletter(outlet: Outlet) -> str:
    ui = UI[outlet.language]
    return (f'<section class="newsletter-signup"><p>{ui["newsletter"]}</p><form action="/{outlet.slug}/newsletter">'
            f'<input type="email" name="email" placeholder="{ui["email"]}"><button>{ui["signup"]}</button></form></section>\n')


def _teasers(room: Newsroom, indices: list[int], heading: str, cls: str) -> str:
    items = []
    for j in indices:
        other = room.article(j)
        items.append(f'<li><a href="{other.path}"><h3>{escape(other.title)}</h3></a>'
                     f"<p>{escape(truncate(other.paragraphs[0], 90))}</p></li>")
    return f'<aside class="{cls}"><h2>{heading}</h2><ul>{"".join(items)}</ul></aside>\n'


def _metadata(a: NewsArticle, base: str, modified: datetime) -> str:
    out = [f'<link rel="canonical" href="{base}{a.path}">\n',
           f'<meta name="description" content="{escape(a.summary)}">\n']
    o = a.outlet
    if o.og_meta:
        out.append(
            f'<meta property="og:type" content="article">\n<meta property="og:title" content="{escape(a.title)}">\n'
            f'<meta property="og:url" content="{base}{a.path}">\n<meta property="og:site_name" content="{escape(o.name)}">\n'
            f'<meta property="og:image" content="{base}{a.image_path}">\n'
            f'<meta property="og:description" content="{escape(a.summary)}">\n'
            f'<meta property="article:published_time" content="{iso(a.published)}">\n'
            f'<meta property="article:modified_time" content="{iso(modified)}">\n'
            f'<meta property="article:section" content="{a.category}">\n')
    if o.jsonld:
        data = {
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title,
            "datePublished": iso(a.published), "dateModified": iso(modified),
            "author": [{"@type": "Person", "name": n} for n in a.authors],
            "publisher": {"@type": "Organization", "name": o.name,
                          "logo": {"@type": "ImageObject", "url": f"{base}/{o.slug}/static/logo.png"}},
            "image": [f"{base}{a.image_path}"], "mainEntityOfPage": f"{base}{a.path}",
            "articleSection": a.category, "inLanguage": a.language, "keywords": list(a.keywords),
        }
        blob = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
        out.append(f'<script type="application/ld+json">{blob}</script>\n')
    return "".join(out)


def _comments(a: NewsArticle, heading: str) -> str:
    """Readers' comments under the article: text an extractor has to leave out (only on some outlets)."""
    count = (a.index * 7) % 40
    if a.outlet.style not in (0, 2) or count < 3:
        return f'<section class="comments"><h2>{heading} ({count})</h2></section>\n'
    pool = READER_COMMENTS[a.language]
    shown = "".join(
        f'<li class="comment"><span class="commenter">{COMMENTERS[(a.index + k) % len(COMMENTERS)]}</span>'
        f"<p>{escape(pool[(a.index * 3 + k) % len(pool)])}</p></li>" for k in range(3))
    return f'<section class="comments"><h2>{heading} ({count})</h2><ol>{shown}</ol></section>\n'


def article_page(room: Newsroom, a: NewsArticle, base: str) -> str:
    o = a.outlet
    ui = UI[o.language]
    sections = ui["sections"]
    assert isinstance(sections, dict)
    title_tag = f"{a.title} | {o.name}" if o.style % 2 == 0 else f"{a.title} - {o.name}"
    corrected = room.correction_shown(a.index)
    modified = room.modified_of(a)
    head = _head(o, title_tag, base, _metadata(a, base, modified))
    by = f"{ui['by']} " if ui["by"] else ""
    updated = (f' <span class="updated">{ui["updated"]} <time datetime="{iso(modified)}">'
               f"{shown_time(modified, o)}</time></span>" if corrected else "")
    byline = (f'<div class="byline">{by}<span class="author" rel="author">{escape(a.byline)}</span> '
              f'<time class="published" datetime="{iso(a.published)}">{shown_time(a.published, o)}</time>{updated}</div>\n')
    share = (f'<div class="share-tools"><span>{ui["share"]}</span> '
             f'<button class="copy-link" data-url="{base}{a.path}">{ui["copy"]}</button></div>\n')
    figure = (f'<figure class="lead-image"><img src="{a.image_path}" alt="{escape(a.caption)}" width="1200" height="675">'
              f'<figcaption>{escape(a.caption)} <span class="credit">{escape(a.credit)}</span></figcaption></figure>\n')
    paras: list[str] = []
    near = room.neighbours(a.index, 5)
    for k, p in enumerate(a.paragraphs):
        paras.append(f"<p>{escape(p)}</p>")
        if k == 2:
            paras.append(f'<div class="ad-slot" aria-hidden="true"><span>{ui["advert"]}</span></div>')
        if k == 4 and o.style == 3 and near:
            inline = room.article(near[0])
            paras.append(f'<p class="read-more"><strong>{ui["read_more"]}:</strong> '
                         f'<a href="{inline.path}">{escape(inline.title)}</a></p>')
        if k == 5 and o.style == 1:
            paras.append(_newsletter(o))
    if a.correction and corrected:
        paras.append(f'<p class="correction"><em>{escape(a.correction)}</em></p>')
    body_cls = BODY_CLASS[o.style]
    crumb = (f'<nav class="breadcrumb"><a href="/{o.slug}/">{ui["home"]}</a> › '
             f'<a href="/{o.slug}/{a.section}/">{escape(sections[a.category])}</a></nav>\n')
    topics = ""
    if o.style in (0, 2):
        topics = (f'<ul class="topics" aria-label="{ui["topics"]}">' + "".join(
            f'<li><a href="/{o.slug}/{a.section}/">{escape(k)}</a></li>' for k in a.keywords) + "</ul>\n")
    article = (f'<article class="story">\n{crumb if o.style != 1 else ""}<h1 class="headline">{escape(a.title)}</h1>\n'
               + (share + byline if o.style == 2 else byline + share) + figure
               + f'<div class="{body_cls}">\n' + "\n".join(paras) + "\n</div>\n" + topics
               + (share if o.style == 3 else "") + "</article>\n")
    related = _teasers(room, near[:3], str(ui["related"]), "related-stories")
    most = _teasers(room, room.outlet_articles(o.index)[:5], str(ui["most_read"]), "most-read")
    comments = _comments(a, str(ui["comments"]))
    main = (f'<main id="main">\n{article}'
            + (related + comments if o.style != 2 else comments + related)
            + (most if o.style in (0, 3) else "") + (_newsletter(o) if o.style != 1 else "") + "</main>\n")
    return head + _header(o) + main + _footer(o, room.now.year)


def listing_page(room: Newsroom, outlet: Outlet, indices: list[int], heading: str, base: str) -> str:
    """An outlet's home page or section front: a lead teaser block, then a list of the latest headlines."""
    ui = UI[outlet.language]
    top, rest = indices[:5], indices[5:60]
    blocks = []
    for j in top:
        a = room.article(j)
        blocks.append(f'<div class="teaser"><a href="{a.path}"><img src="{a.image_path}" alt=""><h2>{escape(a.title)}</h2></a>'
                      f"<p>{escape(truncate(a.paragraphs[0], 140))}</p>"
                      f'<span class="time">{ago(a.published, room.current(), outlet.language)}</span></div>')
    lines = []
    for j in rest:
        a = room.article(j)
        lines.append(f'<li><a href="{a.path}">{escape(a.title)}</a> <span class="time">'
                     f"{ago(a.published, room.current(), outlet.language)}</span></li>")
    main = (f'<main id="main"><h1>{escape(heading)}</h1>\n<section class="top-stories"><h2>{ui["top"]}</h2>'
            f'{"".join(blocks)}</section>\n<section class="latest"><h2>{ui["latest"]}</h2><ul>{"".join(lines)}</ul>'
            f"</section>\n</main>\n{_newsletter(outlet)}")
    return _head(outlet, f"{heading} | {outlet.name}", base) + _header(outlet) + main + _footer(outlet, room.now.year)


def index_page(room: Newsroom, base: str) -> str:
    """The newsroom's own front door: every outlet, its feed and its sitemap."""
    rows = "".join(
        f'<li><a href="{o.home_path}">{escape(o.name)}</a> ({o.language}) '
        f'<a href="{o.feed_path}">{o.feed_format}</a> <a href="/{o.slug}/sitemap-news.xml">sitemap</a></li>'
        for o in room.outlets)
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Newsroom</title>'
            f'<link rel="alternate" type="text/x-opml" href="{base}/opml.xml" title="All feeds"></head>\n'
            f"<body><h1>Newsroom</h1><p>{len(room)} articles from {len(room.outlets)} outlets.</p>"
            f'<p><a href="/opml.xml">OPML of all feeds</a></p><ul>{rows}</ul></body></html>\n')
