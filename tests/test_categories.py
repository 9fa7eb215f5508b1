"""hashwire.categories: the taxonomy, the order of trust between evidence, the text classifier and its vocabularies.

Quality is measured elsewhere: bench/category_dev.py (sets that are not the BBC evaluation set) and
bench/bench_tag.py (the BBC test split, scored only)."""

from __future__ import annotations

from hashwire.categories import (
    CATEGORIES,
    categorize,
    category_from_label,
    category_from_url,
    classify_text,
    text_scores,
)
from hashwire.category_lexicon import ARABIC_LEXICON, LEXICON
from hashwire.models import Article

FOOTBALL = (
    "United beat City in derby",
    "The striker scored twice in the second half and the goalkeeper "
    "saved a penalty as United won the league match in front of 70,000 fans.",
)
MARKETS = (
    "Shares slide as rates rise",
    "Stock markets fell after the central bank raised interest rates "
    "to curb inflation; investors sold bank shares and the currency rose against the dollar.",
)


def _article(url: str = "https://news.example/a/1", **kw: object) -> Article:
    title, text = kw.pop("content", FOOTBALL)  # type: ignore[misc]
    return Article(url=url, title=str(title), text=str(text), **kw)  # type: ignore[arg-type]


def test_taxonomy_is_fixed() -> None:
    assert CATEGORIES == (
        "World",
        "Politics",
        "Business",
        "Technology",
        "Science",
        "Health",
        "Sports",
        "Entertainment",
        "General",
    )


def test_labels_and_sections_map_onto_the_taxonomy() -> None:
    assert category_from_label("sport") == "Sports"
    assert category_from_label("Tech") == "Technology"
    assert category_from_label("News > Business") == "Business"
    assert category_from_label("رياضة") == "Sports"
    assert category_from_label("Latest") is None
    assert category_from_url("https://paper.example/sport/football/123") == "Sports"
    assert category_from_url("https://paper.example/2025/05/01/story.html") is None


def test_trust_order_feed_category_then_section_then_url_then_text() -> None:
    # the text is about football throughout; each more trusted source overrides the ones below it
    assert categorize(_article()) == "Sports"
    assert categorize(_article(url="https://paper.example/business/x")) == "Business"
    assert (
        categorize(_article(url="https://paper.example/business/x", section="Entertainment"))
        == "Entertainment"
    )
    assert (
        categorize(
            _article(
                url="https://paper.example/business/x",
                section="Entertainment",
                keywords=["Politics", "Football"],
            )
        )
        == "Politics"
    )
    # keywords that name no category are passed over
    assert categorize(_article(keywords=["Manchester", "Derby"], section="")) == "Sports"


def test_text_classifier_covers_each_category() -> None:
    samples = {
        "Sports": FOOTBALL,
        "Business": MARKETS,
        "Politics": (
            "MPs back election bill",
            "Labour and Conservative MPs voted for the bill in parliament; "
            "the prime minister said the government would campaign before the general election.",
        ),
        "Technology": (
            "New phone chip unveiled",
            "The smartphone maker unveiled a faster processor and software "
            "update for users, with better battery life and wireless broadband.",
        ),
        "Entertainment": (
            "Film wins top award",
            "The actress won an Oscar for the film, and the director thanked "
            "the cast at the ceremony; the soundtrack album tops the charts.",
        ),
        "Science": (
            "Probe reaches Mars",
            "Scientists at NASA said the spacecraft entered orbit around the planet; "
            "researchers hope the telescope data will reveal water.",
        ),
        "Health": (
            "Flu cases rise",
            "Hospitals reported more patients with influenza; doctors urged vaccination "
            "as the outbreak spread and the disease hit the elderly.",
        ),
        "World": (
            "Quake kills dozens",
            "A magnitude 7 earthquake struck the region; rescuers searched the rubble "
            "as the death toll rose and troops joined the relief effort.",
        ),
    }
    for expected, (title, text) in samples.items():
        assert classify_text(title, text) == expected, (expected, title)
    assert classify_text("Notice", "The meeting is on the second floor.") == "General"


def test_arabic_text_is_classified() -> None:
    title = "المنتخب يفوز في المباراة النهائية"
    text = "سجل اللاعب هدفين في المباراة وفاز المنتخب بكأس البطولة أمام جمهور كبير في الملعب."
    assert classify_text(title, text) == "Sports"
    assert (
        classify_text(
            "البنك المركزي يرفع سعر الفائدة",
            "قال البنك المركزي إن التضخم ارتفع وإن أسعار "
            "الفائدة سترتفع لحماية العملة، وتراجعت أسهم الشركات في البورصة.",
        )
        == "Business"
    )
    samples = {
        "Health": (
            "وزارة الصحة تعلن تفشي الكوليرا",
            "قالت وزارة الصحة إن عدد المرضى في المستشفيات ارتفع بعد تفشي الكوليرا، ودعا الأطباء إلى التطعيم.",
        ),
        "Politics": (
            "البرلمان يصوت على قانون الانتخابات",
            "صوت النواب في البرلمان على قانون الانتخابات الجديد، وقالت المعارضة إن الحكومة تريد تأجيل الاقتراع.",
        ),
        "Technology": (
            "شركة تطلق هاتفا ذكيا جديدا",
            "أطلقت الشركة هاتفها الذكي الجديد بمعالج أسرع وتطبيقات للذكاء الاصطناعي وبطارية تدوم يومين.",
        ),
        "Entertainment": (
            "فيلم مصري يفوز بجائزة المهرجان",
            "فاز الفيلم بجائزة أفضل إخراج في مهرجان القاهرة السينمائي، وشكر المخرج الممثلين والجمهور.",
        ),
        "World": (
            "زلزال يضرب المنطقة ويخلف قتلى",
            "ضرب زلزال قوي المنطقة وأعلنت فرق الإنقاذ ارتفاع عدد القتلى والجرحى، ووصلت المساعدات الإنسانية.",
        ),
    }
    for expected, (title, text) in samples.items():
        assert classify_text(title, text) == expected, expected


def test_general_when_the_evidence_is_about_home_and_local_life() -> None:
    assert (
        classify_text(
            "Firefighters tackle blaze at supermarket",
            "Ten fire engines and 60 firefighters tackled the blaze, which gutted the store; "
            "smoke could be seen for miles and the fire brigade is investigating the cause.",
        )
        == "General"
    )
    assert (
        classify_text(
            "Five easy recipes for autumn",
            "Cooking at home is easier with a few good recipes: roast the vegetables, bake the bread "
            "and serve dinner to your guests with a glass of wine.",
        )
        == "General"
    )


def test_crime_and_courts_fall_under_politics_not_business() -> None:
    # the taxonomy files law and courts under Politics; a shooting at a firm is not business news
    got = classify_text(
        "Gunman kills two at accounting firm",
        "Police said a former employee opened fire at the firm's office. The suspect was arrested "
        "and charged with murder; prosecutors will ask the court to refuse bail.",
    )
    assert got == "Politics"


def test_plurals_possessives_and_phrases_match() -> None:
    # "strikers" and "goalkeeper's" find the entries "striker" and "goalkeeper*"
    plural = text_scores("", "The strikers and the goalkeeper's gloves.")
    assert plural["Sports"] > 0 and plural["Business"] == 0
    # "interest rates" is a phrase entry: together the words are business news, apart they say little
    together = text_scores("", "interest rates")["Business"]
    apart = text_scores("", "interest in the rates")["Business"]
    assert together > 2 * apart
    # Arabic phrases match after the article is stripped from each word ("كرة القدم")
    assert text_scores("", "مباراة في كرة القدم")["Sports"] > text_scores("", "مباراة")["Sports"]


def test_lexicon_entries_are_well_formed() -> None:
    for lexicon in (LEXICON, ARABIC_LEXICON):
        for cat, words in lexicon.items():
            assert cat in CATEGORIES
            for word, weight in words.items():
                assert 0 < weight <= 3, (cat, word)
                assert word == word.casefold() and "'" not in word, (cat, word)  # possessives are stripped
                assert all(word.rstrip("*").split("-")), (cat, word)
                if word.endswith("*"):  # short prefixes catch unrelated words
                    assert len(word.rstrip("*").split("-")[-1]) >= 3, (cat, word)
    assert set(ARABIC_LEXICON) <= set(LEXICON) == set(CATEGORIES)
