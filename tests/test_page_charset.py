import codecs

import pytest

from hashwire.page_charset import declared_encoding, decode_page

ARABIC = "أعلنت الحكومة اليوم عن خطة جديدة للنقل العام في المدينة"
FRENCH = "L’été à Genève — déjà « réservé »"


def page(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"


def test_utf8_page_without_any_declaration() -> None:
    assert ARABIC in decode_page(page(ARABIC).encode("utf-8"))


def test_windows_1256_declared_only_in_meta() -> None:
    raw = page(ARABIC, '<meta charset="windows-1256">').encode("cp1256")
    assert ARABIC in decode_page(raw, "text/html")
    assert ARABIC not in raw.decode("utf-8", errors="replace")  # what a UTF-8 reader would show


def test_http_equiv_declaration() -> None:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6">'
    raw = page(ARABIC, head).encode("iso-8859-6")
    assert declared_encoding(raw) == "iso8859-6"
    assert ARABIC in decode_page(raw)


def test_header_charset_wins_over_meta() -> None:
    raw = page(FRENCH, '<meta charset="windows-1256">').encode("cp1252")
    assert FRENCH in decode_page(raw, "text/html; charset=windows-1252")


def test_latin1_label_decodes_as_windows_1252() -> None:
    raw = page(FRENCH).encode("cp1252")  # curly quotes and dashes live in 0x80-0x9F
    assert FRENCH in decode_page(raw, "text/html; charset=ISO-8859-1")


def test_legacy_label_on_a_utf8_page_loses_to_the_bytes() -> None:
    raw = page(ARABIC, '<meta charset="windows-1256">').encode("utf-8")
    assert ARABIC in decode_page(raw, "text/html; charset=iso-8859-1")
    assert ARABIC in decode_page(raw)


def test_undeclared_legacy_page_falls_back_to_windows_1252() -> None:
    raw = page(FRENCH).encode("cp1252")
    assert FRENCH in decode_page(raw)


def test_utf8_page_with_a_broken_byte_stays_utf8() -> None:
    raw = page(ARABIC).encode("utf-8").replace(b"<p>", b"<p>\xff", 1)
    text = decode_page(raw)
    assert ARABIC in text and "\ufffd" in text


@pytest.mark.parametrize("bom,codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                       (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_byte_order_mark_decides(bom: bytes, codec: str) -> None:
    raw = bom + page(ARABIC, '<meta charset="windows-1256">').encode(codec)
    text = decode_page(raw, "text/html; charset=windows-1256")
    assert ARABIC in text and not text.startswith("\ufeff")


def test_meta_claiming_utf16_on_an_ascii_compatible_page_means_utf8() -> None:
    raw = page(ARABIC, '<meta charset="utf-16">').encode("utf-8")
    assert declared_encoding(raw) == "utf-8"
    assert ARABIC in decode_page(raw)


def test_unknown_label_is_ignored() -> None:
    raw = page(ARABIC, '<meta charset="x-no-such-thing">').encode("utf-8")
    assert declared_encoding(raw) == ""
    assert ARABIC in decode_page(raw, "text/html; charset=bogus")


def test_declaration_far_down_the_page_is_not_read() -> None:
    raw = page("x" * 5000 + '<meta charset="windows-1256">' + ARABIC).encode("cp1256")
    assert declared_encoding(raw) == ""
