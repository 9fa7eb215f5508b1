"""detect_language(): script and function-word identification."""

from __future__ import annotations

import pytest

from hashwire.language import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The city council voted on Tuesday to rebuild the old bridge, and the mayor said it was "
         "a decision for the long term.", "en"),
        ("قال مسؤولون في وزارة النقل إن العمل على الجسر الجديد سيبدأ في الربيع المقبل بعد أن وافق المجلس.", "ar"),
        ("Der Stadtrat hat am Dienstag beschlossen, die alte Brücke neu zu bauen, und der Bürgermeister "
         "sprach von einer Entscheidung für die Zukunft.", "de"),
        ("Le conseil municipal a voté mardi pour reconstruire le vieux pont, et le maire a salué une "
         "décision pour l'avenir de la ville.", "fr"),
        ("El ayuntamiento votó el martes para reconstruir el viejo puente, y el alcalde dijo que es una "
         "decisión para el futuro de la ciudad.", "es"),
        ("Городской совет во вторник проголосовал за то, чтобы восстановить старый мост, и мэр сказал, "
         "что это решение на будущее.", "ru"),
        ("شورای شهر روز سه‌شنبه به بازسازی پل قدیمی رأی داد و شهردار گفت این تصمیم برای آینده است.", "fa"),
        ("市议会周二投票决定重建这座老桥。", "zh"),
        ("市議会は火曜日に古い橋を再建することを決めました。", "ja"),
        ("시의회는 화요일에 오래된 다리를 재건하기로 결정했다.", "ko"),
        ("Το δημοτικό συμβούλιο ψήφισε την Τρίτη την ανακατασκευή της παλιάς γέφυρας.", "el"),
        ("מועצת העיר הצביעה ביום שלישי על בנייה מחדש של הגשר הישן.", "he"),
    ],
)
def test_languages(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_too_little_text() -> None:
    assert detect_language("") == ""
    assert detect_language("12 34 !!") == ""
