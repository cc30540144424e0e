"""Language detection in batches says what detecting one text at a time with py3langid
says: the script rules first, py3langid's `classify` for the rest."""

from __future__ import annotations

import re

import py3langid
import pytest

from dotsdesk.bench.survey import generate_survey
from dotsdesk.services.corpus.language import (
    by_script,
    by_scripts,
    detect_language,
    detect_languages,
)
from dotsdesk.services.corpus.language_model import identifier

MIXED = [
    "I moved from research to engineering because the business impact was clearer.",
    "我在面试的时候被问到很多机器学习的问题，数据科学家的工作其实很杂。",
    "作为 data scientist，我觉得沟通最重要",
    "We shipped the model last quarter. 说实话压力很大，但是收获很多。 Then we rebuilt it.",
    "Most of my week goes into the data pipeline 🚀🔥 and the dashboard 👩\u200d💻",
    "The café's façade was a cliché; cafe\u0301 culture matters to our naïve résumé review.",
    "データサイエンティストの仕事は面白いです",
    "데이터 과학자의 일은 재미있습니다",
    "Bonjour, je travaille sur les modèles de prévision depuis deux ans.",
    "Ich habe im letzten Jahr vor allem an der Datenpipeline gearbeitet.",
    "Trabajé en el equipo de datos durante todo el año pasado.",
    "Я работаю аналитиком данных уже три года.",
    "THE WHOLE ANSWER IN CAPITALS BECAUSE THE FORM SHOUTED",
    "ok",
    "Yes!",
    "12345 678",
    "👩‍💻🇨🇳🚀",
    "",
    "   \n\n ",
    "面试",
    "n/a n/a n/a n/a",
    "𠀀𠀁𠀂 abc def",  # Han beyond the BMP
    "ｶﾀｶﾅ and kana カタカナ in an English sentence about models.",
    "A short one: 模型, 代码, 工程师 and production.",
]

# The rules as they were first written, one text at a time: the reference.
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
_LETTER = re.compile(r"[^\W\d_]")


def reference(text: str) -> str:
    letters = len(_LETTER.findall(text))
    if letters == 0:
        return "und"
    if len(_KANA.findall(text)) >= 2:
        return "ja"
    if len(_HANGUL.findall(text)) / letters > 0.3:
        return "ko"
    if len(_HAN.findall(text)) / letters > 0.3:
        return "zh"
    if letters < 12:
        return "und"
    return str(py3langid.classify(text)[0])


@pytest.fixture(scope="module")
def survey_answers() -> list[str]:
    rows = generate_survey(rows=150, seed=7).rows
    return [answer for row in rows for answer in row[5:]]


def test_batch_says_what_one_at_a_time_says(survey_answers: list[str]) -> None:
    texts = MIXED + survey_answers
    assert detect_languages(texts) == [reference(t) for t in texts]
    assert [detect_language(t) for t in MIXED] == [reference(t) for t in MIXED]


def test_the_model_in_batches_is_py3langids_classify(survey_answers: list[str]) -> None:
    """Every text, also those the script settles, scored by both: the same label."""
    texts = MIXED + survey_answers
    expected = [py3langid.classify(t)[0] for t in texts]
    assert identifier().classify_many(texts) == expected
    # Alone, in any order, and split across batches: the same again.
    assert identifier().classify_many(texts[::-1]) == expected[::-1]
    assert [identifier().classify_many([t])[0] for t in MIXED] == expected[: len(MIXED)]


def test_the_examples_come_out_as_expected() -> None:
    found = dict(zip(MIXED, detect_languages(MIXED), strict=True))
    assert found[MIXED[0]] == "en"
    assert found[MIXED[1]] == "zh"
    assert found[MIXED[2]] == "zh"
    assert found[MIXED[6]] == "ja"
    assert found[MIXED[7]] == "ko"
    assert found[MIXED[8]] == "fr"
    assert found[MIXED[11]] == "ru"
    for short in ("ok", "Yes!", "12345 678", "👩‍💻🇨🇳🚀", "", "面试"):
        assert found[short] == ("zh" if short == "面试" else "und")


def test_duplicates_and_order() -> None:
    texts = [MIXED[0], MIXED[1], MIXED[0], MIXED[8], MIXED[0]]
    assert detect_languages(texts) == ["en", "zh", "en", "fr", "en"]
    assert detect_languages([]) == []


def test_the_script_leaves_open_only_what_it_cannot_tell() -> None:
    assert by_script(MIXED[1]) == "zh"
    assert by_script(MIXED[0]) is None
    assert by_script("ok") == "und"
    assert by_script(MIXED[8]) is None


def test_the_model_kept_uncompressed_says_the_same(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The first load keeps the model uncompressed in the cache folder; the next reads that
    copy, and classifies as before. A folder that cannot be written is no cache, no error."""
    monkeypatch.setenv("DOTSDESK_CACHE", str(tmp_path / "cache"))
    identifier.cache_clear()
    try:
        first = identifier().classify_many(MIXED)
        assert len(list((tmp_path / "cache").glob("langid-*/*.npy"))) == 6
        identifier.cache_clear()
        assert (
            identifier().classify_many(MIXED) == first == [py3langid.classify(t)[0] for t in MIXED]
        )
        (tmp_path / "file").write_text("not a folder")
        monkeypatch.setenv("DOTSDESK_CACHE", str(tmp_path / "file"))
        identifier.cache_clear()
        assert identifier().classify_many(MIXED) == first
    finally:
        identifier.cache_clear()


def test_scripts_of_a_batch_are_counted_as_one_text_at_a_time() -> None:
    """The batch's one pass over code points says what the patterns say of each text:
    astral characters (emoji, Han beyond the BMP), lone surrogates, combining marks."""
    import random

    rng = random.Random(20261206)
    pool = "abcXYZ 123_，。中文字あいうカタ한국어\u0301\ud800½²ⅣΩжß\u1100😀𠀀𝐀\U0001f3fb"
    texts = MIXED + [
        "".join(rng.choice(pool) for _ in range(rng.randint(0, 60))) for _ in range(3000)
    ]
    texts += ["\udc80" * 20, "é" * 13, "ｶﾀｶﾅ", "𠀀" * 12]
    assert by_scripts(texts) == [by_script(t) for t in texts]
