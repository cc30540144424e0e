"""Decoding text files of unknown encoding: the guess must be right or refused, never silent."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from dotsdesk.errors import InputError
from dotsdesk.importers.text import DecodedText, decode_bytes, read_text_file
from tests.paths import DATA

TRICKY = "小K说：我是👩‍💻工程师 👍🏽 🇨🇳, Cafe\u0301 and cafe\u0301s"
P = Path("sample.txt")


def test_empty_file_is_empty_utf8() -> None:
    assert decode_bytes(b"", P) == DecodedText("", "UTF-8")


def test_plain_utf8_keeps_every_code_point() -> None:
    decoded = read_text_file(DATA / "unicode.txt")
    assert decoded.encoding == "UTF-8"
    expected = f"第一行：{TRICKY}\n第二行 👩‍👩‍👧‍👦 e\u0301\u0301 (two accents)\n"
    assert decoded.text == expected
    assert decoded.text.encode("utf-8") == (DATA / "unicode.txt").read_bytes()
    assert "\u00e9" not in decoded.text  # no NFC normalisation


@pytest.mark.parametrize(
    ("bom", "codec", "display"),
    [
        (codecs.BOM_UTF8, "utf-8", "UTF-8 with BOM"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    ],
)
def test_bom_decides_and_is_removed(bom: bytes, codec: str, display: str) -> None:
    decoded = decode_bytes(bom + f"a\r\n{TRICKY}\r\n".encode(codec), P)
    assert decoded == DecodedText(f"a\n{TRICKY}\n", display)


def test_only_a_bom_is_empty_text() -> None:
    assert decode_bytes(codecs.BOM_UTF8, P) == DecodedText("", "UTF-8 with BOM")


def test_line_endings_become_lf_and_nothing_else_changes() -> None:
    decoded = decode_bytes("a\r\nb\rc\n\u2028d\t e \r\n".encode(), P)
    assert decoded.text == "a\nb\nc\n\u2028d\t e \n"


def test_utf16_without_bom_is_recognised() -> None:
    decoded = decode_bytes("name\tvalue\r\nAnna\t1\r\n".encode("utf-16-le"), P)
    assert decoded == DecodedText("name\tvalue\nAnna\t1\n", "UTF-16 LE")
    decoded = decode_bytes("name,value\nBo,2\n".encode("utf-16-be"), P)
    assert decoded == DecodedText("name,value\nBo,2\n", "UTF-16 BE")


def test_short_gbk_text_is_gb18030_not_a_latin_code_page() -> None:
    data = (DATA / "gbk_short.txt").read_bytes()
    assert len(data) == 20
    assert decode_bytes(data, P) == DecodedText("你好，我是数据科学家", "GB18030")


@pytest.mark.parametrize("text", ["研究员", "小K,数据科学家\n", "姓名：老王；职位：研究员。"])
def test_very_short_gbk_is_gb18030(text: str) -> None:
    assert decode_bytes(text.encode("gbk"), P) == DecodedText(text, "GB18030")


def test_gb18030_only_characters_decode() -> None:
    # An emoji and an extension-B character exist in GB18030 but not in GBK.
    text = "我在一家互联网公司做数据科学，主要是分析用户行为和做实验 👩‍💻。𠀀字很少见。"
    assert decode_bytes(text.encode("gb18030"), P) == DecodedText(text, "GB18030")


def test_windows_1252_smart_quotes() -> None:
    decoded = read_text_file(DATA / "windows1252_smart_quotes.txt")
    assert decoded == DecodedText("He said “café” — it’s naïve…\nZoë’s résumé.\n", "Windows-1252")


@pytest.mark.parametrize("text", ["café", "réalisé", "Größe,Übung\nMüller,Straße\n", "“Hi”"])
def test_short_western_text_is_windows_1252(text: str) -> None:
    assert decode_bytes(text.encode("cp1252"), P) == DecodedText(text, "Windows-1252")


def test_short_western_word_is_not_read_as_gbk() -> None:
    # "Größe" is valid GBK too ("Gr鲞e"): a character wedged inside an ASCII word gives it away.
    assert decode_bytes("Größe".encode("cp1252"), P) == DecodedText("Größe", "Windows-1252")


def test_code_pages_that_change_ascii_are_not_guessed() -> None:
    # charset-normalizer's first guess for this word is EBCDIC (CP037).
    word = "Ερευνητής"
    assert decode_bytes(word.encode("cp1253"), P) == DecodedText(word, "Windows-1253")


def test_windows_1252_with_pasted_utf8_lines_is_refused() -> None:
    lines = ["Name,Kommentar", "Renée,très bien", "Zoë,ça va", "Ana,São Paulo", "Noël,fiancé"]
    data = "\n".join(lines[:3]).encode("cp1252") + b"\n" + "\n".join(lines[3:]).encode()
    with pytest.raises(InputError, match="try --encoding"):
        decode_bytes(data, Path("mixed.csv"))


def test_random_double_byte_data_is_not_gb18030() -> None:
    # Decodes as GB18030 to mostly common characters, and a few private-use ones.
    rng = random.Random(3)
    data = bytes(rng.randrange(0xA1, 0xFF) for _ in range(200))
    with pytest.raises(InputError, match="try --encoding"):
        decode_bytes(data, Path("noise.txt"))


def test_other_scripts_fall_back_to_charset_normalizer() -> None:
    text = "こんにちは、私はデータサイエンティストです"
    assert decode_bytes(text.encode("shift_jis"), P) == DecodedText(text, "Shift_JIS")
    russian = "Привет, как дела? Это тестовый текст на русском языке."
    assert decode_bytes(russian.encode("cp1251"), P) == DecodedText(russian, "Windows-1251")


def test_forced_encoding_wins() -> None:
    data = "编号,回答\n".encode("gbk")
    assert decode_bytes(data, P, forced="gbk") == DecodedText("编号,回答\n", "GBK")
    assert decode_bytes(data, P, forced="latin-1").encoding == "ISO-8859-1"
    assert decode_bytes(codecs.BOM_UTF8 + b"x", P, forced="utf-8") == DecodedText(
        "x", "UTF-8 with BOM"
    )


@pytest.mark.parametrize(
    ("forced", "problem"),
    [
        ("utf-8", "cannot decode the text as UTF-8: invalid bytes on line 2; try --encoding"),
        ("klingon", "unknown encoding 'klingon'"),
        ("rot13", "'rot13' is not a text encoding"),
    ],
)
def test_forced_encoding_failures(forced: str, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes("ok\n编号\n".encode("gbk"), Path("answers.csv"), forced=forced)
    assert str(caught.value) == f"answers.csv: {problem}"


def test_mostly_utf8_with_a_foreign_line_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        read_text_file(DATA / "mixed_encoding.csv")
    message = str(caught.value)
    assert "mixed_encoding.csv" in message
    assert "mostly UTF-8 but has invalid bytes on line 7" in message
    assert "--encoding" in message


def test_truncated_utf8_is_reported() -> None:
    with pytest.raises(InputError, match="ends in the middle of a character"):
        decode_bytes("数据科学".encode()[:-1], P)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (bytes(range(256)) * 4, "this is not a text file: it contains binary data"),
        (b"PK\x03\x04" + bytes(100), "this is not a text file: it looks like a zip archive"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "this is not a text file: it looks like a PDF file"),
        (b"text\x00with\x00nuls\x00\x00\x00 and more", "this is not a text file"),
    ],
)
def test_binary_data_is_refused(data: bytes, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, Path("odd.csv"))
    assert str(caught.value).startswith(f"odd.csv: {problem}")


def test_undecodable_text_suggests_encoding_option() -> None:
    rng = random.Random(7)  # letters mixed with random high bytes: no encoding reads it well
    data = bytes(
        rng.choice(b"abcdefgh ,\n") if rng.random() < 0.5 else rng.randrange(0x80, 0x100)
        for _ in range(400)
    )
    with pytest.raises(InputError) as caught:
        decode_bytes(data, Path("weird.txt"))
    assert "weird.txt:" in str(caught.value)
    assert "try --encoding" in str(caught.value)


def test_missing_file_and_folder() -> None:
    with pytest.raises(InputError, match="file not found") as caught:
        read_text_file(DATA / "no_such_file.txt")
    assert "no_such_file.txt" in str(caught.value)
    with pytest.raises(InputError, match="folder"):
        read_text_file(DATA)


# Damaged UTF-8 read as some code page stores mojibake as respondents' words: each of these
# came back as CP857, CP1125, CP775, KOI8-T, Big5, EUC-KR or Windows-1252 before.
@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b"id,answer\n1,I think \x81\x8d\x90 so\n", 2),  # was CP1125 "БНР"
        (b"a,b\n1,\x80\x81\x82\x83 text\n", 2),
        (b"production,m\x8ddel\n\xe5\xb7\xa5\xe7\xa8\x8b\xe5\xe9\x88\ndata", 1),  # was CP775
        (b"hello,c\xa0f\xc3\xa9,r\xc3\xa9sum\xc3\xa9,hello\nGr\xa0\xb6\xc3\x9fe", 1),  # EUC-KR
        (b"na\xc3\xaf\xc0e and more", 1),  # was Big5 "na簿骸"
        (b"We deploy models\nourselves, da\x80a and m\xffdel", 2),  # was Windows-1252 "da€a"
        (b"Research 20%,\n\xb2 which is hard.", 2),  # was Windows-1252 "²"
    ],
)
def test_damaged_utf8_is_reported_with_its_line_not_guessed(data: bytes, line: int) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, Path("answers.csv"))
    message = str(caught.value)
    assert message.startswith("answers.csv: ") and "\n" not in message
    assert f"line {line}" in message and "--encoding" in message


def test_damaged_utf8_fuzzed_is_never_read_as_a_rare_code_page() -> None:
    """English and Chinese UTF-8 with one to three bytes spoilt: refused, or read as the
    encodings this app trusts, never as DOS, Mac or EBCDIC code pages."""
    rng = random.Random(1)
    words = ["data", "café", "研究员", "naïve", "👩‍💻", "model", "工程师", "Größe", "hello"]
    seen = set()
    for _ in range(300):
        text = "\n".join(",".join(rng.choices(words, k=rng.randint(1, 6))) for _ in range(4))
        data = bytearray(text.encode())
        for _ in range(rng.randint(1, 3)):
            data[rng.randrange(len(data))] = rng.choice(b"\x80\x81\x8d\x9f\xc0\xe9\xfe\xff\xa0")
        try:
            seen.add(decode_bytes(bytes(data), P).encoding)
        except InputError:
            seen.add("refused")
    assert seen <= {"refused", "UTF-8", "Windows-1252", "GB18030"}


@pytest.mark.parametrize(
    ("text", "codec", "display"),
    [
        ("Zażółć gęślą jaźń, mówię po polsku", "cp1250", "Windows-1250"),
        ("Привет, это ответ на вопрос о работе", "cp1251", "Windows-1251"),
        ("我是資料科學家，主要做模型部署", "big5", "Big5"),
    ],
)
def test_real_legacy_text_is_still_read(text: str, codec: str, display: str) -> None:
    assert decode_bytes(text.encode(codec), P) == DecodedText(text, display)


def test_a_guess_in_halfwidth_katakana_is_refused() -> None:
    # KOI8-R Russian came back as Shift_JIS "崹ﾉﾗﾅﾔ, ﾜﾔﾏ ﾏﾔﾗﾅﾔ"; now the user is asked.
    data = "Привет, это ответ на вопрос о работе".encode("koi8-r")
    with pytest.raises(InputError, match="try --encoding"):
        decode_bytes(data, P)
