"""Text features for story clustering: English names by capitals, Arabic by folding, stemming and cues."""

from __future__ import annotations

from hashwire.textfeatures import fold_arabic, term_features


def test_arabic_indic_digits_and_marks_fold_to_one_form() -> None:
    assert fold_arabic("نجمة ٥ بسعر ١٥٣٠") == "نجمه 5 بسعر 1530"
    assert fold_arabic("العبّارة لـسيارة") == "العباره لسياره"
    assert fold_arabic("Plain English 12") == "Plain English 12"
    one = term_features("", "وصل الهاتف نجمة ٥ إلى الأسواق")
    other = term_features("", "وصل الهاتف نجمة 5 إلى الأسواق")
    assert one.terms == other.terms and one.numbers == {"5"}


def test_shadda_does_not_split_a_word() -> None:
    feats = term_features("", "عرض فيلم العبّارة الأخيرة")
    assert "عبار" in feats.terms and not any(len(t) < 2 for t in feats.terms)


def test_arabic_clitics_and_article_are_stripped() -> None:
    feats = term_features("", "والمياه المياه بالعرض العرض وسوريا سوريا الوزير وزير")
    assert feats.terms["ميا"] == 2.0
    assert feats.terms["عرض"] == 2.0
    assert feats.terms["سوريا"] == 2.0
    assert feats.terms["وزير"] == 2.0  # its و is a letter of the word, not "and"


def test_arabic_stopwords_and_weekdays_are_not_terms() -> None:
    feats = term_features("", "وقال المسؤولون يوم الأحد إن الفيضانات في حمص")
    assert "احد" not in feats.terms and "الاحد" not in feats.terms
    assert not {"في", "ان", "يوم", "قال"} & set(feats.terms)


def test_arabic_names_are_told_by_what_introduces_them() -> None:
    feats = term_features("فيلم تسعة شتاءات للمخرج أحمد البزاز يفتتح المهرجان",
                          "حمص - وقال عمر الهاشمي من الدفاع المدني إن شركة البيان للنقل البحري ستساعد. "
                          "وقال المسؤولون إن المياه انحسرت.")
    assert {"احمد_بزاز", "عمر_هاشم", "حمص", "شتاء", "بيان", "بحر"} <= feats.names
    assert "يفتتح" not in feats.names  # a person's name is two words
    assert "مسؤول" not in feats.names  # after a verb of saying, a name starts with a given name
    assert "ميا" not in feats.names


def test_english_names_are_capitalised_words_inside_sentences() -> None:
    feats = term_features("Floods hit Aleppo", "Rain fell on Aleppo in Syria. Officials said 37 died.")
    assert {"aleppo", "syria"} <= feats.names
    assert "officials" not in feats.names and "official" not in feats.names
    assert feats.numbers == {"37"}


def test_arabic_words_are_recorded_with_and_without_the_article() -> None:
    feats = term_features("", "وصلت المياه إلى حمص وقالت مياه الشرب للمخرج")
    assert {"ميا", "مخرج"} <= feats.definite
    assert {"ميا", "حمص"} <= feats.bare
    assert "حمص" not in feats.definite
    assert not term_features("Floods", "Rain fell on Aleppo.").bare


def test_the_word_after_fi_is_recorded_as_a_possible_place() -> None:
    feats = term_features("", "الفيضانات في حمص وفي المدينة في 2024 الماضي")
    assert feats.placed == {"حمص", "مدين"}
