"""Build src/hashwire/data/word_zipf_{en,ar}.tsv: word frequencies for tag salience.

The tables come from the `wordfreq` package (data licensed CC BY-SA 4.0 by Robyn Speer and
contributors, https://github.com/rspeer/wordfreq), reduced to the most frequent words and rounded,
so the tagger can tell rare, informative words from common ones without shipping the package.

    .venv/bin/pip install 'wordfreq>=3.1'
    .venv/bin/python scripts/build_word_frequencies.py
"""

from __future__ import annotations

from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

OUT = Path(__file__).resolve().parents[1] / "src" / "hashwire" / "data"
SIZES = {"en": 60000, "ar": 40000}
HEADER = (
    "# word<TAB>zipf frequency (log10 of occurrences per billion words), from wordfreq {version}\n"
    "# data (c) Robyn Speer and contributors, CC BY-SA 4.0; built by scripts/build_word_frequencies.py\n"
)


def main() -> None:
    import wordfreq

    OUT.mkdir(parents=True, exist_ok=True)
    for lang, n in SIZES.items():
        lines = [HEADER.format(version=getattr(wordfreq, "__version__", "3"))]
        seen: set[str] = set()
        for word in top_n_list(lang, n):
            if word in seen or "\t" in word or not any(c.isalpha() for c in word):
                continue
            seen.add(word)
            lines.append(f"{word}\t{zipf_frequency(word, lang):.2f}\n")
        (OUT / f"word_zipf_{lang}.tsv").write_text("".join(lines), encoding="utf-8")
        print(lang, len(seen))


if __name__ == "__main__":
    main()
