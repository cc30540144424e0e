"""Word frequencies and keyword in context: English, Chinese (jieba) and whose words."""

from __future__ import annotations

from dotsdesk.services.analysis.population import Population
from dotsdesk.services.analysis.tokens import Segmenter
from dotsdesk.services.analysis.words import (
    keyword_in_context,
    project_dictionary,
    set_project_dictionary,
    word_frequencies,
)
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.services.corpus.responses import add_response
from dotsdesk.store import Project

from .conftest import Study

CHINESE = "我是一名数据科学家。数据科学家的工作，2024年很有意思！"


def _words(segmenter: Segmenter, text: str) -> list[str]:
    return [t.word for t in segmenter.tokens(text)]


def test_english_drops_stop_words_punctuation_and_numbers() -> None:
    words = _words(Segmenter(), "The model, the MODEL and 3 models: it's 42% the engineers’ job!")
    assert words == ["model", "model", "models", "engineers", "job"]


def test_chinese_is_cut_into_words_not_characters() -> None:
    words = _words(Segmenter(), CHINESE)
    # 我, 是, 的, 很 are stop words or lone characters; 2024 and 年 are a number and a lone one.
    assert words == ["一名", "数据", "科学家", "数据", "科学家", "工作", "有意思"]


def test_the_users_dictionary_keeps_a_term_whole() -> None:
    words = _words(Segmenter(["数据科学家"]), CHINESE)
    assert words == ["一名", "数据科学家", "数据科学家", "工作", "有意思"]


def test_offsets_are_code_points_into_the_text() -> None:
    text = "作为 data scientist，数据科学家 👩‍💻 的工作"
    for token in Segmenter(["数据科学家"]).tokens(text):
        assert text[token.start : token.end].lower() == token.word


def _add(project: Project, texts: list[str]) -> list[int]:
    with project.write() as s:
        person = add_respondent(s, "zh")
        return [add_response(s, person.id, t, language="zh").id for t in texts]


def test_hand_count_over_responses(project: Project) -> None:
    _add(project, [CHINESE, "数据科学家也写代码。Data scientists write code."])
    with project.write() as s:
        set_project_dictionary(s, ["数据科学家", " ", "数据科学家"])
        assert project_dictionary(s) == ["数据科学家"]
    with project.read() as s:
        found = word_frequencies(s, limit=None)
    counts = {w.word: (w.count, w.responses, w.respondents) for w in found.words}
    assert counts["数据科学家"] == (3, 2, 1)
    assert counts["code"] == (1, 1, 1) and counts["代码"] == (1, 1, 1)
    assert found.words[0].word == "数据科学家"
    assert found.tokens == sum(w.count for w in found.words)
    assert (found.responses, found.respondents) == (2, 1)


def test_keyword_in_context(project: Project) -> None:
    ids = _add(project, [CHINESE])
    with project.read() as s:
        found = keyword_in_context(s, "数据科学家", segmenter=Segmenter(["数据科学家"]), width=4)
        none = keyword_in_context(s, "数据科学家")  # without the term, 数据 and 科学家
    assert [(c.start, c.end, c.before, c.keyword, c.after) for c in found] == [
        (4, 9, "我是一名", "数据科学家", "。数据科"),
        (10, 15, "科学家。", "数据科学家", "的工作，"),
    ]
    assert {c.response_id for c in found} == {ids[0]}
    assert none == []


def test_interviewer_turns_and_code_selection(project: Project, study: Study) -> None:
    with project.read() as s:
        everything = {w.word for w in word_frequencies(s, limit=None).words}
        coded_b = {w.word for w in word_frequencies(s, code_ids=[study.codes["B"]]).words}
        r1 = Population.of([study.responses["r1"]], "r1")
        only_r1 = {w.word for w in word_frequencies(s, r1, limit=None).words}
        contexts = keyword_in_context(s, "bananas")
    assert "bananas" not in everything and "interviewer" not in everything
    assert {"apples", "answer"} <= everything
    # B: s2 "beta gamma" ([6,16) of "alpha beta gamma delta"), s3 "delta", s5 "three"; s7 not.
    assert coded_b == {"beta", "gamma", "delta", "three"}
    assert only_r1 == {"alpha", "beta", "gamma", "delta"}
    assert contexts == []
