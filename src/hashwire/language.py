"""Language identification from writing system and function words; no model files.

Non-Latin scripts mostly decide the language alone (Arabic script is refined into Persian and
Urdu by their extra letters). Latin, Cyrillic and Arabic-script text is scored against short
lists of the most frequent function words of each language.
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# Very frequent function words; each list avoids words shared by many languages where it can.
_STOPWORDS: dict[str, str] = {
    "en": "the of and to in is that for it with as was on be by this are from at have has but not "
    "they his her which an or were their said would will been who its he she we you what when there",
    "de": "der die und den das ist nicht mit sich des auf für dem ein eine im auch als wird es "
    "nach bei sind einer wie noch aus oder wurde werden hat zu über vom zum zur sie ich wir",
    "fr": "le la les et des est une dans du pour qui que pas sur au avec ce il elle sont par "
    "plus ont été cette ses leur aux mais nous vous ou",
    "es": "el la los las y que en del por con una para es se al lo como más pero sus le ha "
    "fue este esta son entre cuando muy sin sobre también",
    "it": "il di che la le gli è per una del della con non sono da alla nel ha come più anche "
    "questo ma dei delle degli nella sul",
    "pt": "o a os as de que em do da um uma para com não é por dos das no na mais ao pelo pela "
    "foi seu sua são também muito",
    "nl": "de het een en van is dat op te in zijn met voor niet aan er ook als bij door maar "
    "om naar dan wordt uit heeft nog deze",
    "sv": "och att det som en på är av för med den till inte har de ett om var men jag så "
    "från kan hon han när",
    "da": "og at det som en på er af for med den til ikke har de et om var men jeg så fra kan "
    "hun han når blev efter",
    "no": "og at det som en på er av for med den til ikke har de et om var men jeg så fra kan "
    "hun han når ble etter",
    "pl": "i w na z że się nie do to jest o jak a po ale od za przez co jego już tak są było "
    "oraz dla",
    "tr": "ve bir bu da de için ile olarak daha çok gibi en ama olan sonra kadar değil var "
    "ise her şey",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke karena oleh ada "
    "atau bisa sudah",
    "ro": "și în de la cu că pe nu din un o este pentru mai care sunt fost sau ca dar se",
    "cs": "a se na je že v to s z do jako o by ale jsou jeho pro který která také bylo",
    "fi": "ja on ei se että oli hän ovat mutta kun myös tai joka sen kuin ole niin",
    "hu": "a az és hogy nem is egy van meg de csak már ez el volt mint még azt",
    "ru": "и в не на что с как по это он к но из у за от так же все она было был для",
    "uk": "і в не на що з як по це він до але та від за так вже все вона було був для які",
    "ar": "في من على أن إلى التي الذي عن مع هذا هذه كان ما لا قد بين بعد كما أو ذلك",
    "fa": "و در به از که این را با است برای آن یک خود تا می شده بود",
    "ur": "کے کی میں ہے اور سے کو نے پر یہ ہیں کہ ایک تھا",
}
_WORDS: dict[str, frozenset[str]] = {lang: frozenset(ws.split()) for lang, ws in _STOPWORDS.items()}

# Languages that are (nearly) alone in their script.
_SCRIPT_LANG = {
    "HEBREW": "he",
    "GREEK": "el",
    "HANGUL": "ko",
    "THAI": "th",
    "DEVANAGARI": "hi",
    "BENGALI": "bn",
    "TAMIL": "ta",
    "GEORGIAN": "ka",
    "ARMENIAN": "hy",
    "ETHIOPIC": "am",
    "KHMER": "km",
    "GUJARATI": "gu",
    "TELUGU": "te",
    "KANNADA": "kn",
    "MALAYALAM": "ml",
    "SINHALA": "si",
    "LAO": "lo",
    "MYANMAR": "my",
}
_PERSIAN_LETTERS = set("پچژگک\u06cc")
_URDU_LETTERS = set("ٹڈڑںےھ")


_SCRIPT_RANGES = {
    "LATIN": "A-Za-z\u00c0-\u024f\u1e00-\u1eff",
    "ARABIC": "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff",
    "CYRILLIC": "\u0400-\u052f",
    "GREEK": "\u0370-\u03ff\u1f00-\u1fff",
    "HEBREW": "\u0590-\u05ff",
    "HAN": "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff",
    "KANA": "\u3040-\u30ff",
    "HANGUL": "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f",
    "THAI": "\u0e00-\u0e7f",
    "DEVANAGARI": "\u0900-\u097f",
    "BENGALI": "\u0980-\u09ff",
    "TAMIL": "\u0b80-\u0bff",
    "GEORGIAN": "\u10a0-\u10ff",
    "ARMENIAN": "\u0530-\u058f",
    "ETHIOPIC": "\u1200-\u137f",
    "KHMER": "\u1780-\u17ff",
    "GUJARATI": "\u0a80-\u0aff",
    "TELUGU": "\u0c00-\u0c7f",
    "KANNADA": "\u0c80-\u0cff",
    "MALAYALAM": "\u0d00-\u0d7f",
    "SINHALA": "\u0d80-\u0dff",
    "LAO": "\u0e80-\u0eff",
    "MYANMAR": "\u1000-\u109f",
}
_SCRIPT_RE = {name: re.compile(f"[{chars}]") for name, chars in _SCRIPT_RANGES.items()}
_OUTSIDE_LATIN = re.compile(f"[^{_SCRIPT_RANGES['LATIN']}]+")
_NON_LATIN = re.compile("[" + "".join(chars for name, chars in _SCRIPT_RANGES.items() if name != "LATIN") + "]")


def _scripts(sample: str) -> Counter[str]:
    if _NON_LATIN.search(sample) is None:  # the common case: one pass instead of one per script
        n = len(_OUTSIDE_LATIN.sub("", sample))
        return Counter({"LATIN": n} if n else {})
    return Counter({name: n for name, rx in _SCRIPT_RE.items() if (n := len(rx.findall(sample)))})


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language, or "" when there is too little to tell."""
    sample = text[:4000]
    scripts = _scripts(sample)
    total = sum(scripts.values())
    if total < 3:
        return ""
    top, _ = scripts.most_common(1)[0]
    if scripts["KANA"] > total * 0.05:
        return "ja"
    if top == "HAN":
        return "zh"
    if top in _SCRIPT_LANG:
        return _SCRIPT_LANG[top]
    words = [w.casefold() for w in _WORD.findall(sample)]
    if top == "ARABIC":
        return _arabic_script_language(sample, words)
    candidates = ("ru", "uk") if top == "CYRILLIC" else tuple(
        lang for lang in _WORDS if lang not in {"ru", "uk", "ar", "fa", "ur"})
    counts = Counter(words)
    best, best_score = "", 0
    for lang in candidates:
        score = sum(counts[w] for w in _WORDS[lang] if w in counts)
        if score > best_score:
            best, best_score = lang, score
    if best:
        return best
    if top == "CYRILLIC":
        return "ru"
    return "en" if top == "LATIN" and len(words) < 4 else ""


def _arabic_script_language(sample: str, words: list[str]) -> str:
    urdu = sum(1 for ch in sample if ch in _URDU_LETTERS)
    persian = sum(1 for ch in sample if ch in _PERSIAN_LETTERS)
    scores = {lang: sum(1 for w in words if w in _WORDS[lang]) for lang in ("ar", "fa", "ur")}
    scores["ur"] += urdu // 3
    scores["fa"] += persian // 4
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] > scores["ar"] else "ar"
