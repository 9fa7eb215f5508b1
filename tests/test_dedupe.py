"""Duplicate folding: exact copies, syndicated copies with edits, and what must never be folded."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from hashwire.dedupe import DuplicateIndex, signature
from hashwire.models import Article
from hashwire.textfeatures import shingle_hashes

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

WIRE = (
    "A magnitude 6.4 earthquake struck off the coast of northern Chile on Tuesday morning, the national "
    "seismology centre said, shaking buildings in the port city of Iquique and cutting power to thousands of homes.\n\n"
    "The quake hit at a depth of 38 kilometres about 60 kilometres west of Iquique at 07:42 local time. "
    "The navy said there was no risk of a tsunami on the Chilean coast, but fishermen were asked to stay in port "
    "until the afternoon.\n\n"
    "Mayor Lorena Vidal said two people were treated in hospital for minor injuries and that inspectors were "
    "checking schools and the old customs house before classes resume on Wednesday.\n\n"
    "The region sits on the boundary of the Nazca and South American plates and is among the most seismically "
    "active places on Earth. An earthquake of magnitude 8.2 struck the same area in 2014, forcing nearly a million "
    "people to leave the coast for a night.\n\n"
    "The copper mines around the city reported no damage, according to the mining ministry, and the airport "
    "reopened after a runway inspection shortly before noon."
)

FOLLOW_UP = (
    "Engineers in Iquique spent Wednesday going through school buildings one by one after Tuesday's strong "
    "tremor, and the city council decided to keep three of them closed until cracks in their walls are assessed.\n\n"
    "Residents described plates falling from shelves and car alarms going off across the centre when the ground "
    "started moving. Several hundred families chose to sleep outdoors or with relatives on higher ground.\n\n"
    "Lorena Vidal, the mayor, told a local radio station that the electricity company had restored supply to all "
    "but a few streets near the harbour and that water was running normally again.\n\n"
    "Seismologists recorded more than forty aftershocks overnight, the largest of magnitude 4.9, and warned "
    "that further tremors were likely over the coming days."
)

OTHER = (
    "Parliament approved a new budget for public transport on Monday after a night of negotiations between the "
    "governing coalition and two smaller parties, ending a dispute that had delayed the spending plan by a month.\n\n"
    "The plan sets aside more money for regional trains and bus lines in rural districts, while a proposed "
    "increase in fuel duties was dropped at the last minute.\n\n"
    "Opposition leaders said the compromise did little for commuters in the capital, where ticket prices are "
    "set to rise in the spring. The finance minister said the accounts would be reviewed again in the autumn."
)


def article(url: str, title: str, text: str, hours: float = 0.0) -> Article:
    return Article(url=url, title=title, text=text, published=T0 + timedelta(hours=hours))


def jaccard(a: str, b: str) -> float:
    x, y = set(shingle_hashes(a).tolist()), set(shingle_hashes(b).tolist())
    return len(x & y) / len(x | y)


def test_exact_copy_is_folded_by_content() -> None:
    index = DuplicateIndex()
    original = article("https://wire.example/chile-quake", "Strong quake hits northern Chile", WIRE)
    assert index.check(original) is None
    index.add(original)
    copy = article("https://daily.example/world/quake-iquique", "Earthquake shakes Iquique", WIRE, 1)
    dup = index.check(copy)
    assert dup is not None and dup.of == original.id and dup.kind == "content"


def test_same_canonical_url_is_one_article() -> None:
    index = DuplicateIndex()
    first = article("https://wire.example/a", "t", WIRE)
    index.add(first)
    again = Article(url="https://wire.example/a", title="t", text=OTHER, id="f" * 32, published=T0)
    dup = index.check(again)
    assert dup is not None and dup.kind == "url" and dup.of == first.id
    # the article itself is not its own duplicate
    assert index.check(first) is None


def test_syndicated_copies_with_edits_are_folded() -> None:
    index = DuplicateIndex()
    original = article("https://wire.example/chile-quake", "Strong quake hits northern Chile", WIRE)
    index.add(original)
    paragraphs = WIRE.split("\n\n")
    variants = {
        "boilerplate": "Share this story\n\n" + WIRE + "\n\nCopyright 2026 Daily Example. All rights reserved. "
                       "Sign up for our morning newsletter.",
        "sentence dropped": WIRE.replace(" The navy said there was no risk of a tsunami on the Chilean coast, but "
                                         "fishermen were asked to stay in port until the afternoon.", ""),
        "small edits": WIRE.replace("Tuesday morning", "Tuesday").replace("thousands of homes", "many homes")
                           .replace("nearly a million", "almost one million"),
        "last paragraph cut": "\n\n".join(paragraphs[:-1]),
    }
    for n, (name, text) in enumerate(variants.items()):
        copy = article(f"https://outlet{n}.example/story", f"Another headline {n}", text, 2)
        dup = index.check(copy)
        assert dup is not None, name
        assert dup.of == original.id and dup.kind == "near", name
        assert dup.similarity >= 0.6, name


def test_different_stories_are_not_folded() -> None:
    index = DuplicateIndex()
    index.add(article("https://wire.example/chile-quake", "Strong quake hits northern Chile", WIRE))
    # the same event, written again: the same story but not a copy
    assert index.check(article("https://paper.example/iquique-day-after", "Iquique inspects schools",
                               FOLLOW_UP, 26)) is None
    assert index.check(article("https://paper.example/budget", "Budget passes", OTHER, 3)) is None
    # a teaser far too short to judge is only folded when exactly equal
    assert index.check(article("https://paper.example/brief", "Quake", "Quake in Chile.", 3)) is None


def test_recall_on_copies_above_jaccard_08_and_no_false_folds() -> None:
    rng = random.Random(11)
    vocab = [f"w{i}" for i in range(3000)]
    index = DuplicateIndex()
    originals = []
    for k in range(120):
        text = " ".join(rng.choice(vocab) for _ in range(rng.randint(150, 500)))
        a = article(f"https://o.example/{k}", f"headline {k}", text, k * 0.1)
        index.add(a)
        originals.append(a)
    found = judged = 0
    for k, a in enumerate(originals):
        words = a.text.split()
        # random word substitutions, deletions and an appended footer
        for _ in range(rng.randint(1, max(2, len(words) // 60))):
            i = rng.randrange(len(words))
            if rng.random() < 0.5:
                words[i] = rng.choice(vocab)
            else:
                del words[i]
        edited = " ".join(words) + " read more at example dot com"
        if jaccard(a.text, edited) < 0.8:
            continue
        judged += 1
        dup = index.check(article(f"https://c.example/{k}", "other title", edited, 13))
        found += dup is not None and dup.of == a.id
    assert judged >= 100
    assert found / judged >= 0.95
    # unrelated texts over the same vocabulary are never folded
    for k in range(100):
        text = " ".join(rng.choice(vocab) for _ in range(300))
        assert index.check(article(f"https://n.example/{k}", "x", text, 13)) is None


def test_window_evicts_old_articles() -> None:
    index = DuplicateIndex(window_hours=24)
    index.add(article("https://wire.example/chile-quake", "t", WIRE))
    index.add(article("https://paper.example/budget", "b", OTHER, 1))
    assert len(index) == 2
    late = article("https://late.example/x", "t", WIRE + " Updated.", 30)
    assert index.check(late) is None  # the original left the window
    assert len(index) == 0
    index.add(late)
    assert len(index) == 1


def test_rebuilt_index_decides_the_same() -> None:
    stream = [article(f"https://s{i}.example/a", "t", text, i)
              for i, text in enumerate([WIRE, OTHER, FOLLOW_UP])]
    first, second = DuplicateIndex(), DuplicateIndex()
    for a in stream:
        first.add(a)
    for a in stream:  # a restart: warmed from the store's recent articles
        second.add(a)
    probe = article("https://copy.example/a", "x", "Copyright notice.\n\n" + FOLLOW_UP, 5)
    assert first.check(probe) == second.check(probe)
    assert first.check(probe) is not None
    assert (signature(WIRE) == signature(WIRE)).all()


# One template, two events: an agency writing the same kind of story twice changes the names and figures
REHAB = (
    "{name}, the star of the television drama {show}, entered a treatment centre this week, the actor's "
    "spokesperson {spokes} said on {day}. The production company said filming would pause for {weeks} weeks.\n\n"
    "The star has previously described a difficult year after a divorce and the death of a parent, and thanked "
    "fans for their messages of support in a short statement published on social media.\n\n"
    "\u201cWe love our friend and we will be waiting when they are ready,\u201d said a colleague from the cast, "
    "who asked not to be named because the production had not authorised interviews.\n\n"
    "The series, which has run for {seasons} seasons, was due to resume shooting next month in {city}, where "
    "the crew of about {crew} people had already begun building sets for the new season."
)


def test_two_events_written_from_one_template_are_not_folded() -> None:
    one = REHAB.format(name="Kenji Dunmore", show="Salt Road", spokes="Samuel Strand", day="Saturday",
                       weeks="six", seasons="four", city="Vancouver", crew=120)
    two = REHAB.format(name="Amina Petrova", show="Glass Harbour", spokes="Martha Delacroix", day="Thursday",
                       weeks="eight", seasons="three", city="Belfast", crew=95)
    assert 0.45 <= jaccard(one, two) < 0.8  # most of the wording is shared, not the particulars
    index = DuplicateIndex()
    index.add(article("https://a.example/dunmore", "Dunmore seeks treatment", one))
    assert index.check(article("https://b.example/petrova", "Petrova seeks treatment", two, 2)) is None
    # a copy of the first with a line of its own and an edit keeps its particulars and is folded
    copy = one.replace("in a short statement", "in a statement") + "\n\nRead more entertainment news."
    dup = index.check(article("https://c.example/dunmore-rehab", "Star pauses filming", copy, 3))
    assert dup is not None and dup.kind == "near"
