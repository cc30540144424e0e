"""Whether a legacy decoding reads as real text, or is a guess over damaged UTF-8.

charset-normalizer names some encoding for any bytes: a UTF-8 file with a few bad bytes comes
back as CP857, CP1125 or KOI8-T, and the mojibake would be stored as respondents' words. So a
guess is taken only in an encoding people's files really come in (Windows and ISO code pages,
KOI8, the Japanese, Korean and Chinese ones; never DOS, EBCDIC or Mac code pages), and only
when its letters read as one script: Cyrillic letters wedged inside English words
("mяdel"), a symbol inside a word ("sci¨nce") or Japanese without kana is damage, not text.
"""

from __future__ import annotations

import unicodedata

__all__ = ["LEGACY_CODECS", "reads_as_text", "reads_as_western"]

# Python codec names (codecs.lookup(x).name) of the encodings files are really written in.
LEGACY_CODECS = frozenset(
    {f"cp{n}" for n in range(1250, 1259)}
    | {f"iso8859-{n}" for n in (1, 2, 4, 5, 7, 9, 10, 13, 15, 16)}
    | {"cp874", "tis-620", "koi8-r", "koi8-u", "gb18030"}
    | {"shift_jis", "cp932", "shift_jis_2004", "shift_jisx0213", "euc_jp", "iso2022_jp"}
    | {"euc_jis_2004", "euc_jisx0213", "euc_kr", "cp949", "big5", "cp950", "big5hkscs"}
)
_JAPANESE = frozenset(
    {"shift_jis", "cp932", "shift_jis_2004", "shift_jisx0213", "euc_jp", "iso2022_jp"}
    | {"euc_jis_2004", "euc_jisx0213"}
)
# Punctuation a code page maps its high bytes to and real text uses between words.
_PUNCTUATION = set("‘’‚“”„–—…•€«»°·¡¿§¶†‡‰‹›№¬±×÷©®™£¥¢\u00a0、。「」『』・〜ー（）：；，！？")
_SAMPLE = 65536
# A few stray bytes in an English file read as letters of any code page; real text in one
# has words of them.
_MIN_LETTERS = 6


_SCRIPTS = {"LATIN", "CYRILLIC", "GREEK", "ARABIC", "HEBREW", "THAI", "HANGUL", "HALFWIDTH"}


def _script(ch: str) -> str | None:
    """The writing system of a letter, coarsely (Chinese and Japanese are one); None for the
    few letters of no script ("ª", "µ")."""
    word = unicodedata.name(ch, "").split(" ", 1)[0]
    if word in ("CJK", "HIRAGANA", "KATAKANA", "IDEOGRAPHIC"):
        return "CJK"
    return word if word in _SCRIPTS else None  # HALFWIDTH: katakana damaged Shift_JIS is full of


def reads_as_text(text: str, codec: str) -> bool:
    """True when `text` (decoded with `codec`) reads as text in one script."""
    if codec not in LEGACY_CODECS:
        return False
    sample = text[:_SAMPLE]
    scripts: set[str] = set()
    letters = kana = odd = 0
    for index, ch in enumerate(sample):
        if ch.isascii():
            continue
        category = unicodedata.category(ch)
        before = sample[index - 1] if index else " "
        after = sample[index + 1] if index + 1 < len(sample) else " "
        inside_word = before.isascii() and before.isalpha() and after.isascii() and after.isalpha()
        if category.startswith("L"):
            letters += 1
            script = _script(ch)
            if script is not None:
                scripts.add(script)
            kana += unicodedata.name(ch, "").startswith(("HIRAGANA", "KATAKANA"))
            if script not in ("LATIN", "CJK") and inside_word:
                return False  # a Cyrillic, Greek or Hangul letter inside an English word
        elif category.startswith("M"):
            continue
        elif ch in _PUNCTUATION or category == "Zs":
            if inside_word and ch not in "’\u00a0·":
                return False  # "sci¨nce": a symbol where a letter was
        else:
            odd += 1
    if letters < _MIN_LETTERS or len(scripts) > 1 or "HALFWIDTH" in scripts:
        return False
    if codec in _JAPANESE and kana * 10 < letters:
        return False  # Japanese is written with kana between the kanji
    return odd * 20 <= letters


# The accented letters Western European words have inside them ("naïve", "Größe", "Zoë").
_WESTERN_INSIDE = set("àáâãäåæçèéêëìíîïñòóôõöøùúûüýœšžß")
# What else Western text has of Windows-1252's high half: capitals and typography. The rest
# ("ƒ", "¤", "¨", "ª", "²", "ÿ", "þ") is rare in text and what a stray byte decodes to.
_WESTERN_COMMON = (
    _WESTERN_INSIDE
    | {ch.upper() for ch in _WESTERN_INSIDE if len(ch.upper()) == 1}
    | set("‘’“”–—…•€«»°£§·¿¡\u00a0")
)


def reads_as_western(text: str) -> bool:
    """Windows-1252 text: its high bytes are mostly common Western letters and typography,
    and inside an English-looking word only a lower-case letter ("naïve") or an apostrophe.
    A stray byte in damaged UTF-8 shows as "da€a", "mÿdel", "hel\u00a0o", "mÉdel" or "²"."""
    sample = text[:_SAMPLE]
    high = rare = 0
    for index, ch in enumerate(sample):
        if ch.isascii():
            continue
        high += 1
        rare += ch not in _WESTERN_COMMON
        if ch in _WESTERN_INSIDE or ch == "’":
            continue
        before = sample[index - 1] if index else " "
        after = sample[index + 1] if index + 1 < len(sample) else " "
        inside = before.isascii() and before.isalpha() and after.isascii() and after.isalpha()
        if inside and not (ch.isupper() and before.isupper()):  # "GRÖSSE" is written so
            return False
    return rare * 10 <= high
