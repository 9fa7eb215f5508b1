"""Boilerplate the base extractor lets through, removed block by block: share and follow widgets,
photo captions and credits, newsletter and subscription prompts, cookie notices, "read more" and
"related" teasers, repeated headlines, bylines and datelines."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime

from hashwire.extract_body import Block
from hashwire.extract_dates import parse_text_date

_SOCIAL = (
    "facebook tweet twitter x link links copy copied share shares sharing follow print email e-mail mail "
    "whatsapp linkedin pinterest reddit telegram xing flipboard tumblr threads bluesky mastodon messenger "
    "sms pocket teilen drucken twittern teilen: kopieren partager imprimer compartir imprimir condividi "
    "on the story article page url this us via save bookmark comment comments gift subscribe icon opens "
    "in new window tab instagram youtube tiktok rss feed more options shares: and or to"
)
_SOCIAL_WORDS = frozenset(_SOCIAL.split())
_BOILER_LINE = re.compile(
    r"^(?:"
    r"copy (?:the )?(?:story |article )?link|link copied|copied!?|share (?:this|on|via|the story|article)\b.*|"
    r"(?:advertisement|anzeige|werbung|sponsored|publicité|publicidad|ad)$|"
    r"story continues below(?: this)? advertisement|article continues below|continue reading below|"
    r"scroll to continue|skip (?:to|past) (?:content|advert)|"
    r"(?:read|see|watch|listen|lesen sie) (?:more|also|auch|next|the full)\b.{0,160}|"
    r"(?:related|recommended|more from|more on this|you (?:may|might) also like|also read|mehr zum thema|"
    r"das könnte sie auch interessieren|weitere artikel|lire aussi|à lire aussi|leer más|"
    r"related (?:stories|articles|posts|content|coverage|reading))\b.{0,160}|"
    r"(?:photo|image|picture|foto|bild|credit|photograph|illustration|video|source|quelle|fuente|"
    r"crédit|photo credit|image credit|image source)s?\s*(?:by)?\s*[:|©].{0,160}|"
    r"\(?(?:photo|image|picture|credit)s? by .{1,100}\)?|"
    r"©.{0,120}|min(?:ute)?s? read|"
    r"(?:estimated )?reading time:?(?: ?\d+ ?min(?:ute)?s?\.?)?|lesezeit:? ?\d+ ?min(?:uten)?\.?|"
    r"back to (?:the )?(?:blogs?|articles?|news|posts?|all \w+|overview|top|selection|list|results|home(?:page)?|"
    r"resources|insights|stories)\W{0,3}|"
    r"(?:tags?|schlagwörter|themen|topics|filed under|categories|kategorien)\s*:.{0,300}|"
    # shopping buttons and cross-links of review sites
    r"(?:check|see|view|compare|shop) (?:the )?(?:latest |current |today's )?(?:prices?|deals?|availability)"
    r"(?: (?:at|on)(?: \S+){1,4})?(?: \(.{1,20}\))?|"
    r">>\s*(?:read|compare|see|related|check|also|more)\b.{0,160}|"
    r"(?:previous|next) (?:article|post|story)\s*[:»›>].{0,160}|"
    r"use (?:the )?(?:coupon|promo|discount) code\s*:?\s*\S+"
    r")$",
    re.I,
)
# Boilerplate lines that may start with anything: slow to try, so only when their key words are there.
_BOILER_TAIL = re.compile(
    r"^(?:.{0,100}(?:getty images|shutterstock|reuters|afp|ap photo|dpa|imago|istock)\)?\.?|"
    r"(?:.{0,60}\W)?(?:\d+|one|two|three|four|five) ?min(?:ute)?s?\.? read)$",
    re.I,
)
_BOILER_TAIL_KEYS = ("getty images", "shutterstock", "reuters", "afp", "ap photo", "dpa", "imago", "istock")
# the four non-ASCII letters that match ASCII ones when case is ignored: with one of them, no shortcut
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def is_boiler_line(text: str) -> bool:
    """A caption credit, an advertisement label, a "read more" or "share" line and the like."""
    if _BOILER_LINE.match(text):
        return True
    low = text.lower()
    if any(key in low for key in _BOILER_TAIL_KEYS) or ("min" in low and " read" in low) \
            or _FOLDS_TO_ASCII.search(text):
        return bool(_BOILER_TAIL.match(text))
    return False


_PROMPT = re.compile(
    r"(?:sign up (?:for|to)|subscribe (?:to our|now|today)|(?:our|the|free|daily|weekly) newsletter|"
    r"newsletter (?:sign ?up|abonnieren|anmelden)|straight to your inbox|in your inbox|inbox every|"
    r"get (?:the|our) (?:latest|best)|abonnieren|jetzt abonnieren|melden sie sich|"
    r"we use cookies|this (?:web)?site uses cookies|uses cookies|cookie (?:policy|settings|preferences)|"
    r"accept (?:all )?cookies|verwendet cookies|wir verwenden cookies|nous utilisons des cookies|"
    r"utilizamos cookies|privacy policy and terms|by clicking|you agree to|"
    r"already a subscriber|already have an account|log ?in to (?:continue|read)|create (?:a )?free account|"
    r"subscribe to (?:continue|read)|to continue reading|support (?:our|independent) journalism|"
    r"follow us on|folgen sie uns|join our (?:mailing list|community)|enter your email|your email address|"
    r"download (?:our|the) app|get the app|all rights reserved|alle rechte vorbehalten|(?:directly|right) to your inbox|"
    r"(?:we|i) (?:may|might|could) (?:earn|receive|get|make)\b.{0,40}\bcommission|earns? us (?:a )?(?:small )?commission|"
    r"(?:contains?|uses?|includes?|through|via) (?:our )?affiliate links|at no (?:extra|additional) cost to you|"
    r"purchases? made through (?:our |these )?links|you(?:'|’)re subscribed|"
    r"(?:book|request|schedule) (?:a |your )?(?:free )?(?:demo|consultation|quote)\b|"
    r"get (?:a |your )?free (?:demo|consultation|quote)\b|"
    r"start (?:a |your )?free trial|get started (?:today|now|for free)|try (?:it )?(?:for )?free (?:today|now)|"
    r"sign up (?:now|today|below|free)|"
    r"(?:we|i) (?:need|rely on|depend on) (?:your|readers'?|reader) (?:help|support|donations?)|"
    r"(?:make|give) a (?:tax-deductible |one-time |monthly )?(?:donation|gift)|"
    r"reader donations|become a (?:member|supporter|patron|subscriber)|"
    r"support (?:our|this|the) (?:work|site|newsroom|reporting|mission)|"
    r"republish (?:this|our) (?:article|story|stories|articles|work)|"
    # a consent plugin's description of each cookie it sets
    r"(?:necessary|functional|performance|analytics|advertisement|marketing|essential|non-necessary|other) "
    r"cookies (?:are|help|may|is|ensure|store)|(?:this|the) cookies? (?:is|are) (?:set|used)|cookie consent|"
    r"cookielawinfo|viewed_cookie_policy)",
    re.I,
)
_BYLINE = re.compile(
    r"^(?:(?:written|posted|published|reported|updated|von|by|par|por)\b.{0,120}|"
    r"(?:published|updated|veröffentlicht|aktualisiert|stand|posted|last updated|publié|mis à jour)\s*(?:on|am|:)?"
    r".{0,80})$",
    re.I,
)
_DATELINE = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜa-zäöüß .,/'-]{1,40}\s*(?:\([^)]{1,30}\))?\s*[-–—:]\s*$")
_WORDS = re.compile(r"[\w'-]+", re.UNICODE)
_NOT_WORDS = re.compile(r"[^\w'-]+", re.UNICODE)
# A heading like these late in the text starts what follows the article: teasers, comments, bios.
_TAIL_MARKER = re.compile(
    r"^(?:read (?:this )?next|read more|related(?: (?:posts?|articles?|stories|content|reading|news|links|topics))?|"
    r"you (?:may|might) also (?:like|enjoy|be interested in)|more (?:from|stories|articles|news|posts|on|like this|"
    r"to (?:read|explore))\b.{0,40}|recommended(?: for you| reading| articles| stories)?|"
    r"(?:most )?popular(?: (?:posts|stories|articles|now))?|trending(?: now| stories)?|sponsored(?: content)?|"
    r"(?:leave|post|add) a (?:reply|comment)|(?:\d+ )?comments?(?: \(\d+\))?|join the (?:conversation|discussion)|"
    r"about the authors?|share this(?: article| post| story)?|republish(?: (?:this|our) (?:article|story|post))?|(?:article )?sources|references|works cited|bibliography|"
    r"citations|footnotes|(?:recent|latest|similar) (?:posts|articles|news|stories)|"
    r"further reading|keep reading|explore more|don't miss|editor's picks|top stories|"
    r"weitere artikel|das könnte sie auch interessieren|mehr zum thema|lesen sie auch|ähnliche artikel|"
    r"kommentare|empfehlungen|à lire aussi|sur le même sujet|también te puede interesar|noticias relacionadas|"
    r"اقرأ أيضا|مقالات ذات صلة|أخبار ذات صلة)[\s:.!?…]*$",
    re.I,
)


_TOC_HEADING = re.compile(r"^(?:table of contents|contents|in this (?:article|post|guide)|on this page|jump to(?: section)?|"
                          r"inhaltsverzeichnis|inhalt|sommaire|índice|tabla de contenidos?)[\s:]*$", re.I)


def _drop_contents(blocks: list[Block]) -> list[Block]:
    """A table of contents: its heading, and the list after it when its entries are headings of
    the text below (links to the article's own sections)."""
    out: list[Block] = []
    skip = -1
    for i, block in enumerate(blocks):
        if i == skip:
            continue
        if block.words <= 5 and _TOC_HEADING.match(block.text.strip()):
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if nxt is not None and nxt.kind == "list":
                later = {_norm(b.text) for b in blocks[i + 2:] if b.kind == "h"}
                entries = [_norm(line) for line in nxt.text.split("\n") if line.strip()]
                if entries and sum(e in later for e in entries) >= 0.5 * len(entries):
                    skip = i + 1
            continue
        out.append(block)
    return out


def _norm(text: str) -> str:
    # typographic apostrophes as the ASCII one, then the words joined by single spaces
    folded = text.casefold().replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    return _NOT_WORDS.sub(" ", folded).strip()


def is_share_widget(text: str) -> bool:
    words = [w.strip("'-").casefold() for w in _WORDS.findall(text)]
    return bool(words) and len(words) <= 25 and all(w in _SOCIAL_WORDS or w.isdigit() for w in words) \
        and any(w not in {"on", "the", "us", "and", "or", "to", "in", "more", "this"} for w in words)


# Every _PROMPT alternative contains one of these: a cheap test before the regex, which is slow
# to try at each position of every short block.
_PROMPT_KEYS = ("sign up", "subscri", "newsletter", "inbox", "get the", "get our", "abonnieren", "melden sie",
                "cookie", "privacy", "by clicking", "you agree", "account", "log in to", "login to",
                "continue reading", "journalism", "follow us", "folgen sie", "join our", "your email",
                "the app", "our app", "rights reserved", "rechte vorbehalten", "commission", "affiliate",
                "at no extra", "at no additional", "purchases made", "subscribed", "demo", "consultation",
                "quote", "free trial", "get started", "free today", "free now", "your help", "your support",
                "reader", "donation", "gift", "become a", "support ", "republish")
_PROMPT_KEY = re.compile("|".join(re.escape(key) for key in _PROMPT_KEYS))


def is_prompt(block: Block) -> bool:
    """A newsletter, subscription, cookie or app prompt (a short block)."""
    if block.words > 40:
        return False
    return bool(_PROMPT_KEY.search(block.text.lower())) and bool(_PROMPT.search(block.text))


def _lists_cookies(text: str) -> bool:
    """A consent plugin's table of the cookies a site sets ("Cookie | Duration | Description")."""
    rows = [row.casefold() for row in text.split("\n") if row.strip()]
    return bool(rows) and "cookie" in rows[0] and sum("cookie" in row for row in rows) >= 0.8 * len(rows)


NEAR_TOP_WORDS = 25
_CRUMB_SEPARATORS = re.compile(r"\s[>›»]\s|\s*\n\s*")


def _is_breadcrumb(text: str) -> bool:
    """A trail of short links ("Home > Guides > Title"), separated by arrows or one per line; a
    one-per-line trail only when it starts at the home page."""
    parts = [p for p in _CRUMB_SEPARATORS.split(text) if p.strip()]
    if len(parts) < 2 or len(parts) > 8 or any(len(p.split()) > 8 for p in parts):
        return False
    return bool(re.search(r"\s[>›»]\s", text)) or parts[0].strip().casefold() in ("home", "start", "startseite", "accueil",
                                                                                 "inicio")


def _is_date_line(text: str, published: datetime | None) -> bool:
    if len(text) > 80:
        return False
    dt = parse_text_date(text)
    if dt is None:
        return False
    rest = _WORDS.findall(text)
    return len(rest) <= 10


def clean_blocks(blocks: list[Block], *, title: str = "", authors: list[str] | None = None,
                 published: datetime | None = None) -> list[Block]:
    """The blocks that are article text; boilerplate removed."""
    ntitle = _norm(title)
    author_keys = {a.casefold() for a in authors or []}
    kept: list[Block] = []
    seen: set[str] = set()
    kept_words = 0
    # a line the page repeats many times is a label of its structure ("Recommended courses:"), not a
    # headline or teaser shown twice
    norms = [_norm(b.text) for b in blocks]
    recurring = Counter(n for b, n in zip(blocks, norms, strict=True) if b.kind in ("p", "h") and 3 <= b.words <= 25)
    copies = _copied_runs(blocks, norms)
    for i, block in enumerate(blocks):
        text = block.text.strip()
        if block.kind == "figure":
            kept.append(block)
            kept_words += block.words
            continue
        norm = norms[i]
        if not norm or i in copies or "lorem ipsum" in norm:  # a template's placeholder text
            continue
        if block.words <= 30 and (is_share_widget(text) or is_boiler_line(text)):
            continue
        if (is_prompt(block) and block.kind != "quote") or (block.kind == "table" and _lists_cookies(text)):
            continue
        # nothing of substance kept yet: the headline, byline and dateline area, whatever the page
        # put before it (breadcrumbs, share buttons)
        near_top = i < 4 or kept_words < NEAR_TOP_WORDS
        if ntitle and norm == ntitle and (i <= 1 or near_top):
            continue
        if near_top and _is_breadcrumb(text):
            continue
        if near_top and block.words <= 20 and (_BYLINE.match(text) or text.casefold() in author_keys):
            continue
        if (near_top or i >= len(blocks) - 2) and _is_date_line(text, published):
            continue  # a dateline, or a last "Updated" date
        if block.kind in ("p", "h") and 3 <= block.words <= 25 and norm in seen and recurring[norm] <= 2:
            continue  # repeated line (headline or teaser shown twice)
        if block.kind == "list" and block.links_chars > 0.8 * max(len(text), 1) and block.words < 60 \
                and i == len(blocks) - 1:
            continue  # trailing list of links: related stories or tags
        seen.add(norm)
        kept.append(block)
        kept_words += block.words
    kept = _cut_tail(_drop_contents(kept))
    while kept and kept[-1].kind == "h":
        kept.pop()  # a heading with nothing after it introduced removed teasers
    return kept


def _copied_runs(blocks: list[Block], norms: list[str]) -> set[int]:
    """Indexes of blocks in runs that repeat earlier text of the page: the same article laid out
    twice (a second layout for small screens, a print copy). A run counts when it holds a long
    paragraph or many words; a short line said twice is left to the rule for repeated lines."""
    first: dict[str, int] = {}
    repeated: list[bool] = []
    for i, (block, norm) in enumerate(zip(blocks, norms, strict=True)):
        repeated.append(bool(norm) and norm in first and block.kind != "figure")
        first.setdefault(norm, i)
    doomed: set[int] = set()
    i = 0
    while i < len(blocks):
        if not repeated[i]:
            i += 1
            continue
        j = i
        while j < len(blocks) and (repeated[j] or blocks[j].kind == "figure"):
            j += 1
        run = [k for k in range(i, j) if repeated[k]]
        words = sum(blocks[k].words for k in run)
        if words >= COPY_MIN_WORDS or any(blocks[k].words >= COPY_LONG_BLOCK for k in run):
            doomed.update(run)
        i = j
    return doomed


COPY_MIN_WORDS = 40
COPY_LONG_BLOCK = 26


def _cut_tail(blocks: list[Block]) -> list[Block]:
    """Everything from a late "Related stories" / "Comments" / "About the author" heading on is dropped."""
    total = sum(b.words for b in blocks)
    before = 0
    for i, block in enumerate(blocks):
        if block.kind in ("h", "p") and block.words <= 8 and before >= max(80, 0.5 * total) \
                and total - before <= 0.35 * total and _TAIL_MARKER.match(block.text.strip()) \
                and sum(1 for b in blocks[i:] if b.kind == "p" and b.words >= 60) < 4:  # teasers, not prose
            return blocks[:i]
        before += block.words
    return blocks
