"""Topic hashtags: the kind of event a story reports (#Earthquake, #InterestRates), as an editor adds them.

A topic is named by its hashtag and recognised from trigger words written here (a trailing '*' matches
any ending; "a-b" matches the two-word phrase "a b"). A topic is proposed when the text mentions its
triggers often enough; its strength grows with the evidence. The list covers the everyday kinds of news
story, in English and Arabic.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .hashtag_form import normalize_arabic

_EN_TOPICS = {
    "Earthquake": "earthquake* quake* tremor* aftershock* magnitude seismolog* epicentre epicenter",
    "Floods": "flood* floodwater* flooding inundat* monsoon* torrential burst-banks rainfall rivers-burst",
    "Wildfires": "wildfire* bushfire* forest-fire* blaze* firefighter* evacuation-order*",
    "Hurricane": "hurricane* typhoon* cyclone* tropical-storm* landfall storm-surge",
    "Election": "election* ballot* polling voter* vote* votes candidate* campaign* turnout constituenc*",
    "Referendum": "referendum* plebiscite",
    "Merger": "merger* takeover* acquisition* acquire* buyout* combined-company deal-worth shareholders-approve",
    "CorruptionTrial": "corruption bribe* bribery embezzl* graft kickback* fraud-trial money-laundering",
    "Football": "football* striker* goalkeeper* midfielder* penalty-kick* league-title premier-league "
    "cup-final extra-time hat-trick equaliser equalizer goal goals scored header* stoppage-time "
    "second-half first-half clean-sheet kick-off",
    "Cricket": "cricket* wicket* batsman batsmen bowler* innings test-match*",
    "Tennis": "tennis wimbledon tiebreak* seeded forehand* backhand* baseline",
    "Rugby": "rugby scrum* try-line six-nations fly-half lineout* conversion* tries",
    "Olympics": "olympic* olympics paralympic*",
    "ProductLaunch": "launch* unveil* new-model* new-device* preorder* pre-order* smartphone* handset* "
    "release-date on-sale",
    "Outbreak": "outbreak* epidemic* infection* infected cases-rise new-strain strain* quarantine* contagio*",
    "SpaceMission": "spacecraft* rocket* launch-pad lift-off liftoff orbit* probe* astronaut* space-agency "
    "lunar mission-control",
    "DataBreach": "data-breach* breach* hacker* hacked stolen-data leaked-data personal-data passwords "
    "ransomware cyberattack* cyber-attack*",
    "InterestRates": "interest-rate* rate-rise* rate-cut* basis-points central-bank* monetary-policy "
    "raised-rates cut-rates base-rate",
    "Inflation": "inflation consumer-prices cost-of-living price-rises",
    "Research": "study studies researcher* research* scientist* findings journal* peer-reviewed published-in",
    "DrugApproval": "drug* approv* regulator* medicines-agency clinical-trial* trial-results treatment* "
    "side-effect*",
    "FilmPremiere": "premiere* red-carpet world-premiere gala-screening* film-premiere*",
    "Rehab": "rehab* rehabilitation addiction* treatment-centre treatment-facility",
    "Strike": "strike* walkout* industrial-action picket* union-members",
    "Protest": "protest* protester* demonstrat* rally rallies march* riot*",
    "Ceasefire": "ceasefire* truce* peace-talks armistice",
    "ClimateChange": "climate-change global-warming emissions greenhouse-gas* net-zero carbon-dioxide",
}

_AR_TOPICS = {
    "زلزال": "زلزال* الزلزال هزة* الهزة زلازل ريختر",
    "فيضانات": "فيضان* الفيضانات سيول السيول أمطار الأمطار غرق",
    "انتخابات": "انتخابات الانتخابات اقتراع صناديق ناخب* الناخبين مرشح* تصويت",
    "استحواذ": "استحواذ الاستحواذ اندماج الاندماج صفقة الصفقة",
    "كرة_القدم": "مباراة المباراة هدف الهدف أهداف مرمى المرمى الدوري منتخب المنتخب",
    "تفشي_وباء": "وباء الوباء تفشي عدوى سلالة إصابات الإصابات",
    "أسعار_الفائدة": "الفائدة فائدة نقطة-أساس البنك-المركزي التضخم",
    "اختراق_بيانات": "اختراق الاختراق قراصنة بيانات البيانات تسريب",
    "دراسة_علمية": "دراسة الدراسة الباحثون باحث* الباحثين علماء",
    "مهرجان_سينمائي": "مهرجان المهرجان فيلم الفيلم عرض-أول السينما",
    "محاكمة_فساد": "فساد الفساد رشوة رشاوى محاكمة المحاكمة اختلاس",
}

MIN_EVIDENCE = 4.0  # weighted trigger mentions (title words count double)
_WORD = re.compile(r"[a-z0-9]+|[\u0621-\u064A]+")


@cache
def _index(
    language: str,
) -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, list[tuple[str, str]]]]:
    """Single words, word prefixes, and two-word phrases by their first word (each with its topics)."""
    exact: dict[str, list[str]] = {}
    prefix: dict[str, list[str]] = {}
    pairs: dict[str, list[tuple[str, str]]] = {}
    table = _AR_TOPICS if language == "ar" else _EN_TOPICS
    for topic, spec in table.items():
        for trigger in spec.split():
            norm = normalize_arabic(trigger) if language == "ar" else trigger
            if "-" in norm:
                first, second = norm.split("-", 1)
                pairs.setdefault(first, []).append((second.rstrip("*"), topic))
            elif norm.endswith("*"):
                prefix.setdefault(norm[:-1], []).append(topic)
            else:
                exact.setdefault(norm, []).append(topic)
    return exact, prefix, pairs


@lru_cache(maxsize=100_000)
def _word_topics(word: str, language: str) -> tuple[str, ...]:
    exact, prefix, _ = _index(language)
    hits = set(exact.get(word, ()))
    for n in range(len(word), 3, -1):
        found = prefix.get(word[:n])
        if found:
            hits.update(found)
            break
    return tuple(sorted(hits))


def topic_evidence(title: str, text: str, language: str = "en") -> dict[str, float]:
    """Weighted trigger mentions per topic hashtag."""
    pairs = _index(language)[2]
    out: dict[str, float] = {}
    for part, weight in ((title, 2.0), (text, 1.0)):
        low = part.casefold()
        words = _WORD.findall(normalize_arabic(low) if language == "ar" else low)
        last = len(words) - 1
        for i, w in enumerate(words):
            hits = _word_topics(w, language)
            if i < last and w in pairs:
                nxt = words[i + 1]
                extra = {topic for second, topic in pairs[w] if nxt.startswith(second)}
                if extra:
                    hits = tuple(set(hits) | extra)
            for topic in hits:
                out[topic] = out.get(topic, 0.0) + weight
    return out


def topic_tags(title: str, text: str, language: str = "en") -> list[tuple[str, float]]:
    """Topic hashtags with enough evidence, strongest first, each with a strength in (0, 1]."""
    evidence = topic_evidence(title, text, language)
    found = [(topic, min(1.0, e / (2 * MIN_EVIDENCE))) for topic, e in evidence.items() if e >= MIN_EVIDENCE]
    found.sort(key=lambda te: -te[1])
    return found
