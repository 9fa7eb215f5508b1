"""Online story assignment: coverage joins, look-alike events stay apart, windows, merges, restarts."""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from hashwire.cluster import StoryIndex
from hashwire.cluster_offline import cluster_records
from hashwire.models import Article

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"

CHILE = [
    ("Strong earthquake shakes northern Chile",
     "A magnitude 6.4 earthquake struck off the coast of northern Chile on Tuesday, shaking buildings in "
     "Iquique and cutting power to thousands of homes. The quake hit about 60 kilometres west of Iquique. "
     "Mayor Lorena Vidal said two people were treated for minor injuries. The navy ruled out a tsunami."),
    ("Iquique inspects schools after quake",
     "Engineers in Iquique went through school buildings on Wednesday after the magnitude 6.4 earthquake, and "
     "the council kept three of them closed. Lorena Vidal, the mayor, said power was back in most of Iquique. "
     "Seismologists counted forty aftershocks off northern Chile."),
    ("Chile quake: aftershocks rattle Iquique",
     "Aftershocks kept residents of Iquique awake after Tuesday's magnitude 6.4 earthquake in northern Chile. "
     "Mayor Lorena Vidal asked families to check walls for cracks. Copper mines near Iquique reported no damage "
     "and the airport reopened."),
]
JAPAN = [
    ("Earthquake jolts Hokkaido",
     "A magnitude 6.1 earthquake struck eastern Hokkaido in Japan on Friday, halting trains around Kushiro and "
     "knocking out power to 20,000 homes. The Japan Meteorological Agency said there was no tsunami threat. "
     "Governor Naomi Sato said the prefecture was checking bridges."),
    ("Kushiro clears debris after Hokkaido quake",
     "Workers in Kushiro cleared fallen roof tiles on Saturday after the magnitude 6.1 earthquake in Hokkaido. "
     "Governor Naomi Sato said trains would run again by Sunday and power was restored to most of the 20,000 "
     "homes cut off in Kushiro."),
]
REHAB = [
    ("Singer Mara Quinlan enters rehab",
     "Singer Mara Quinlan has checked into the Sunrise Recovery Center in Malibu, her publicist Dev Okafor said on "
     "Monday. Quinlan cancelled two concerts in Denver. Okafor asked fans to respect her privacy."),
    ("Mara Quinlan in treatment, concerts cancelled",
     "Mara Quinlan is receiving treatment at Sunrise Recovery Center, publicist Dev Okafor confirmed, and her "
     "Denver concerts will not go ahead. Quinlan thanked fans in a short message on Monday."),
    ("Actor Theo Brandt checks into rehab",
     "Actor Theo Brandt has entered the Pinecrest Clinic in Arizona for treatment, his agent Lucia Ferro said on "
     "Thursday. Brandt left the set of his new film in Toronto. Ferro asked for privacy for the family."),
    ("Theo Brandt leaves film set for clinic",
     "Theo Brandt is being treated at the Pinecrest Clinic in Arizona, agent Lucia Ferro said, after the actor "
     "walked off the Toronto film set. Production will pause for two weeks, Ferro said."),
]
BACKGROUND = [
    ("Parliament passes transport budget",
     "Parliament approved a transport budget on Monday after negotiations between the coalition and two smaller "
     "parties. Regional trains and rural bus lines get more money. Fuel duties stay unchanged."),
    ("Central bank holds rates",
     "The central bank kept its main interest rate unchanged on Thursday, saying inflation was easing but wages "
     "were still rising quickly. Markets had expected the decision."),
    ("City opens new library",
     "The city opened a new public library on Saturday with space for 200,000 books, a children's floor and a "
     "rooftop reading garden. The mayor said it cost less than planned."),
    ("Storm closes ports in the north",
     "A winter storm closed three ports in the north on Sunday and cancelled ferry crossings. Forecasters expect "
     "the wind to ease on Monday."),
]


def make(key: str, title: str, text: str, hours: float, source: str = "") -> Article:
    return Article(url=f"https://{source or 'news'}.example/{key}", title=title, text=text,
                   published=T0 + timedelta(hours=hours), source_name=source)


def stream() -> list[Article]:
    items: list[Article] = []
    for i, (title, text) in enumerate(BACKGROUND):
        items.append(make(f"bg{i}", title, text, i * 0.2, f"bg{i}"))
    order = [("cl", CHILE[0]), ("jp", JAPAN[0]), ("re", REHAB[0]), ("re", REHAB[2]), ("cl", CHILE[1]),
             ("jp", JAPAN[1]), ("re", REHAB[1]), ("re", REHAB[3]), ("cl", CHILE[2])]
    for i, (kind, (title, text)) in enumerate(order):
        items.append(make(f"{kind}{i}", title, text, 1 + i, f"outlet{i % 3}"))
    return items


def test_coverage_joins_and_lookalike_events_stay_apart() -> None:
    index = StoryIndex(window_hours=72)
    story_of = {a.title: index.assign(a).story.id for a in stream()}
    chile = {story_of[t] for t, _ in CHILE}
    japan = {story_of[t] for t, _ in JAPAN}
    quinlan = {story_of[t] for t, _ in REHAB[:2]}
    brandt = {story_of[t] for t, _ in REHAB[2:]}
    assert len(chile) == len(japan) == len(quinlan) == len(brandt) == 1
    assert len(chile | japan | quinlan | brandt) == 4
    assert not (chile | japan | quinlan | brandt) & {story_of[t] for t, _ in BACKGROUND}


def test_story_fields_title_and_sources() -> None:
    index = StoryIndex()
    last = None
    for a in stream():
        last = index.assign(a)
    assert last is not None and not last.is_new
    story = last.story
    assert story.title == CHILE[0][0]  # the earliest article's headline
    assert story.article_count == 3 and story.source_count == 3
    assert story.first_seen < story.last_seen
    assert len(story.id) == 16 and int(story.id, 16) >= 0


def test_window_closes_old_stories() -> None:
    index = StoryIndex(window_hours=24)
    first = index.assign(make("a", *CHILE[0], 0))
    assert first.is_new
    later = index.assign(make("b", *CHILE[1], 50))
    assert later.is_new and later.story.id != first.story.id
    assert index.get(first.story.id) is None
    assert len(index) == 1


def test_a_story_takes_articles_for_a_week() -> None:
    index = StoryIndex(window_hours=72)
    ids = [index.assign(make(f"c{i}", *CHILE[i % 3], 48 * i)).story.id for i in range(5)]
    assert len(set(ids[:4])) == 1  # 0 to 144 hours after the first article: one story
    assert ids[4] != ids[0]  # 192 hours: the coverage continues as a new story


def test_stories_merge_when_articles_bridge_them() -> None:
    index = StoryIndex()
    for i, (title, text) in enumerate(BACKGROUND):
        index.assign(make(f"bg{i}", title, text, 0))
    one = "Mayor Lorena Vidal said the earthquake damaged schools in Iquique."
    two = "Seismologists counted forty aftershocks off northern Chile after the magnitude 6.4 tremor."
    a = index.assign(make("a", "Iquique damage", one, 1))
    b = index.assign(make("b", "Aftershocks counted", two, 2))
    assert a.story.id != b.story.id
    first = index.assign(make("c", "Iquique damage and aftershocks", one + " " + two, 3))
    # one bridging article is not enough evidence: the two stories' own articles share nothing
    assert not first.merged and first.story.id == a.story.id
    second = index.assign(make("d", "Aftershocks and damage in Iquique", two + " " + one, 4))
    assert second.merged == [b.story.id], "a second article matching both stories joins them"
    assert b.story.merged_into == a.story.id == second.story.id
    assert index.get(b.story.id) is None
    assert second.story.article_count == 4


def test_restore_after_restart_gives_the_same_assignments() -> None:
    items = stream()
    half = len(items) // 2
    live = StoryIndex()
    for a in items[:half]:
        live.assign(a)  # sets a.story_id, as the store would keep it
    restarted = StoryIndex()
    for a in items[:half]:
        restarted.restore(a)
    tail_live = [live.assign(_copy(a)).story.id for a in items[half:]]
    tail_restarted = [restarted.assign(_copy(a)).story.id for a in items[half:]]
    assert tail_live == tail_restarted


def _copy(a: Article) -> Article:
    return Article(url=a.url, title=a.title, text=a.text, published=a.published, source_name=a.source_name)


def test_newsroom_stream_small() -> None:
    from hashwire.newsroom import Newsroom

    room = Newsroom(seed=4, outlets=8, days=1, per_day=6, now=datetime(2026, 3, 1, tzinfo=UTC))
    records = []
    specs = sorted(room.world.specs(), key=lambda s: (s.published, s.index))
    for s in specs:
        na = room.article(s.index)
        records.append({"id": str(s.index), "title": na.title, "text": na.text,
                        "published": na.published.isoformat(), "source": na.outlet.slug})
    out = {r["id"]: r for r in cluster_records(records)}
    text_of = {str(s.index): str(s.text_of) for s in specs}
    copies = [str(s.index) for s in specs if s.copy_of is not None]
    folded = [i for i, r in out.items() if r["duplicate_of"]]
    assert copies and all(out[i]["duplicate_of"] for i in copies)
    assert all(text_of[i] == text_of[out[i]["duplicate_of"]] for i in folded)
    # a folded copy is in its original's story
    assert all(out[i]["story"] == out[out[i]["duplicate_of"]]["story"] for i in folded)
    gold = {str(s.index): s.story for s in specs}
    pairs = Counter((gold[i], r["story"]) for i, r in out.items())
    together = sum(n * (n - 1) // 2 for n in pairs.values())
    gold_pairs = sum(n * (n - 1) // 2 for n in Counter(gold.values()).values())
    assert together / gold_pairs >= 0.9  # coverage of one story stays together


def test_templated_look_alikes_raise_the_bar() -> None:
    """In a stream where stories of one kind share whole sentences, joining takes more similarity."""
    from hashwire.newsroom import Newsroom

    room = Newsroom(seed=4, outlets=8, days=2, per_day=12, now=datetime(2026, 3, 1, tzinfo=UTC))
    index = StoryIndex()
    start = index.bar
    for s in sorted(room.world.specs(), key=lambda s: (s.published, s.index)):
        na = room.article(s.index)
        index.assign(Article(url="http://newsroom.test" + na.path, title=na.title, text=na.text,
                             published=na.published))
    assert start < 0.3
    assert index.bar > 0.35  # measured 0.44 after these 192 articles


def _ecb_scores() -> dict[str, float]:
    docs = [json.loads(line) for line in (DATA / "clustering-dev" / "docs.jsonl").open(encoding="utf-8")]
    by_id = {d["id"]: d for d in docs}
    order = [x.strip() for x in (DATA / "clustering-dev" / "stream_order.txt").open(encoding="utf-8") if x.strip()]
    pred = {r["id"]: r["story"] for r in cluster_records({"id": i, "text": by_id[i]["text"]} for i in order)}
    sys.path.insert(0, str(EVAL))
    try:
        from score_clustering import scores
    finally:
        sys.path.remove(str(EVAL))
    out = {}
    for split in ("train", "dev"):
        gold = {d["id"]: d["cluster"] for d in docs if d["split"] == split}
        out[split] = scores(gold, {i: pred[i] for i in gold})["bcubed_f1"]
    return out


@pytest.mark.timeout(60)
def test_ecbplus_bcubed_floor() -> None:
    if not (DATA / "clustering-dev" / "docs.jsonl").exists() or not (EVAL / "score_clustering.py").exists():
        pytest.skip("ECB+ clustering data not present")
    f1 = _ecb_scores()
    # measured 0.876 (train) and 0.881 (dev); the floors leave room for platform noise only
    assert f1["train"] >= 0.868
    assert f1["dev"] >= 0.872


def test_arabic_coverage_of_one_event_joins_and_a_look_alike_does_not() -> None:
    """Arabic has no capitals: names come from what introduces them, clitics and digit forms are folded."""
    t0 = datetime(2026, 3, 1, 8, tzinfo=UTC)
    index = StoryIndex()
    first = index.assign(Article(
        url="https://ar.example/1", published=t0, language="ar",
        title="فيضانات في حمص تجبر 7450 شخصا على مغادرة منازلهم",
        text="حمص - أغرقت أمطار غزيرة أجزاء من مدينة حمص، ما أجبر 7450 شخصا على مغادرة منازلهم. "
             "وقال عمر الهاشمي من الدفاع المدني: «نصل إلى كل عائلة». وقالت شركة البيان للتأمين إن الأضرار كبيرة."))
    same = index.assign(Article(
        url="https://ar.example/2", published=t0 + timedelta(hours=3), language="ar",
        title="آلاف النازحين بعد الفيضانات في حمص",
        text="حمص - غادر ٧٤٥٠ شخصا منازلهم في حمص بعد الأمطار الغزيرة والفيضانات. "
             "وقال عمر الهاشمي: «فرقنا تعمل طوال الليل». وأكدت شركة البيان للتأمين أن تقدير الأضرار مبكر."))
    other = index.assign(Article(
        url="https://ar.example/3", published=t0 + timedelta(hours=4), language="ar",
        title="فيضانات في حلب تجبر 2310 أشخاص على مغادرة منازلهم",
        text="حلب - أغرقت أمطار غزيرة أجزاء من مدينة حلب، ما أجبر 2310 أشخاص على مغادرة منازلهم. "
             "وقال سامي النجار من الدفاع المدني: «نصل إلى كل عائلة». وقالت شركة الريان للتأمين إن الأضرار كبيرة."))
    assert same.story.id == first.story.id
    assert other.is_new and other.story.id != first.story.id


def _treatment_reports(name: str, place: str, role: str, who: str, detail: str, n: int) -> list[tuple[str, str]]:
    """`n` differently worded reports of one person entering a clinic."""
    openers = [f"{name} has checked into {place} for treatment, {role} {who} said.",
               f"{who}, {role} of {name}, confirmed the stay at {place}.",
               f"{name} is receiving care at {place}, according to {who}.",
               f"Fans of {name} learned of the stay at {place} from {who}."]
    middles = [detail, f"{who} asked for privacy for {name}.", f"{name} thanked supporters.",
               f"The stay at {place} may last several weeks."]
    common = "Treatment programs there usually run a month and include counselling and rest."
    return [(f"{name} in treatment at {place} ({i})",
             " ".join([openers[i % 4], middles[(i + 1) % 4], middles[(i + 2) % 4], common])) for i in range(n)]


QUINLAN = _treatment_reports("Mara Quinlan", "Sunrise Recovery Center", "publicist", "Dev Okafor",
                             "Quinlan cancelled two concerts in Denver.", 9)
BRANDT = _treatment_reports("Theo Brandt", "Pinecrest Clinic", "agent", "Lucia Ferro",
                            "Brandt left his film set in Toronto.", 6)


def _index_with_one_story(*events: list[tuple[str, str]], each: int) -> tuple[StoryIndex, list[Article]]:
    """An index holding one story made of `each` reports of every event (as if joined on little evidence)."""
    index = StoryIndex()
    for i, (title, text) in enumerate(BACKGROUND):
        index.assign(make(f"bg{i}", title, text, i * 0.1, f"bg{i}"))
    held = []
    for i in range(each):
        for n, event in enumerate(events):
            a = make(f"e{n}-{i}", *event[i], 1 + i, f"outlet{i}")
            a.story_id = "mixed"
            index.restore(a)
            held.append(a)
    return index, held


def test_a_story_holding_two_events_splits_when_it_grows() -> None:
    index, held = _index_with_one_story(QUINLAN, BRANDT, each=4)
    joined = index.assign(make("q4", *QUINLAN[4], 6, "outlet5"))  # the ninth article: a size to check at
    assert joined.story.id == "mixed" and joined.split_off is not None and joined.split_from is not None
    brandt_ids = {a.id for a in held if a.title.startswith("Theo Brandt")}
    assert set(joined.moved) == brandt_ids  # the group without the story's lead article left
    assert joined.split_from.id == "mixed" and joined.story.article_count == 5
    assert joined.split_off.article_count == 4 and joined.split_off.title == BRANDT[0][0]
    # later coverage of each event finds its own story
    assert index.assign(make("b4", *BRANDT[4], 7, "outlet6")).story.id == joined.split_off.id
    assert index.assign(make("q5", *QUINLAN[5], 8, "outlet7")).story.id == "mixed"


def test_a_story_of_one_event_does_not_split() -> None:
    index, _ = _index_with_one_story(QUINLAN, each=8)
    joined = index.assign(make("q8", *QUINLAN[8], 10, "outlet9"))
    assert joined.story.id == "mixed" and joined.split_off is None and joined.moved == []
    assert joined.story.article_count == 9


def test_document_frequencies_are_kept_per_language() -> None:
    index = StoryIndex()
    english = make("en1", *CHILE[0], 0)
    english.language = "en"
    index.assign(english)
    assert index.stats("en").docs == 1 and index.stats("ar").docs == 0  # an Arabic word is weighed among Arabic
    assert index.stats("en") is index.stats("en") and index.stats("ar") is not index.stats("en")
    tables = {id(index.stats(f"l{i}")) for i in range(20)}
    assert len(tables) < 20  # past a few languages, the rest share one table (8 MiB each)
