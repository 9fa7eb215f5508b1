"""hashwire.topics: topic hashtags recognised from trigger vocabularies."""

from __future__ import annotations

from hashwire.models import Article
from hashwire.tag import hashtags
from hashwire.topics import topic_evidence, topic_tags


def test_topic_needs_enough_evidence() -> None:
    text = (
        "A strong earthquake of magnitude 6.8 struck the coast on Monday. Aftershocks shook the city as "
        "rescuers searched collapsed buildings; seismologists said the quake was shallow."
    )
    tags = topic_tags("Earthquake hits coastal city", text)
    assert tags[0][0] == "Earthquake"
    assert 0 < tags[0][1] <= 1
    assert topic_tags("Council meets", "The council met to discuss parking and the earthquake drill.") == []


def test_two_word_triggers() -> None:
    evidence = topic_evidence(
        "Central bank acts", "The central bank raised interest rates by 50 basis points."
    )
    assert evidence["InterestRates"] >= 3


def test_arabic_topics() -> None:
    text = "سجل اللاعب هدفين في المباراة وفاز المنتخب في الدوري بعد هدف متأخر في المرمى."
    assert topic_tags("المنتخب يفوز في المباراة", text, "ar")[0][0] == "كرة_القدم"


def test_topic_joins_the_hashtags() -> None:
    article = Article(
        url="https://paper.example/a/1",
        title="Central bank raises interest rates again",
        text=(
            "The Reserve Bank of Ruritania raised interest rates by 25 basis points on Thursday, governor "
            "Ana Costa said, the third rate rise this year.\n\nCosta said inflation remained too high and "
            "monetary policy would stay tight. The Reserve Bank of Ruritania meets again in March."
        ),
    )
    tags = hashtags(article)
    assert "InterestRates" in tags
    assert "ReserveBankOfRuritania" in tags and "AnaCosta" in tags
