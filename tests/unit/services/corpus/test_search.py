"""Full-text search, English and Chinese, and hit spans for highlighting."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dotsdesk.services.corpus.responses import set_translation
from dotsdesk.services.corpus.search import find_hits, search, terms_of
from dotsdesk.store import Project


@pytest.fixture
def ids(
    project: Project, corpus: dict[str, str], make_response: Callable[..., int]
) -> dict[str, int]:
    out = {name: make_response(text) for name, text in corpus.items()}
    out["面试官"] = make_response("面试官很友好，但是题目很难。")
    out["percent"] = make_response("About 20% of sampled data scientists said so; 50 people.")
    out["under"] = make_response("snake_case names and a_b tests")
    out["quote"] = make_response('He said "ship it" and left.')
    out["translated"] = make_response("我觉得和业务方沟通最重要。", language="zh")
    with project.write() as s:
        set_translation(s, out["translated"], "en", "Talking to stakeholders matters most.")
    return out


def _ids(project: Project, query: str, **kw: bool) -> list[int]:
    with project.read() as s:
        return search(s, query, **kw).response_ids


def test_terms_of() -> None:
    assert terms_of('  machine   "data scientist"  面试 ') == ("machine", "data scientist", "面试")
    assert terms_of('" "   ') == ()
    assert terms_of("") == ()


def test_english_is_case_insensitive(project: Project, ids: dict[str, int]) -> None:
    assert _ids(project, "PYTHON") == [ids["emoji"]]
    assert _ids(project, "business impact") == [ids["english"]]  # two terms, both present
    assert _ids(project, "python") == _ids(project, "Python")


def test_short_english_terms_are_case_insensitive_too(
    project: Project, make_response: Callable[..., int]
) -> None:
    rid = make_response("The AI team grew.")
    assert _ids(project, "ai") == [rid]
    assert _ids(project, "Ai team") == [rid]


def test_every_term_must_match(project: Project, ids: dict[str, int]) -> None:
    assert _ids(project, "python crashed") == [ids["emoji"]]
    assert _ids(project, "python 面试") == []
    assert _ids(project, "data 沟通") == [ids["mixed"]]


def test_two_character_chinese_word(project: Project, ids: dict[str, int]) -> None:
    assert _ids(project, "面试") == [ids["chinese"], ids["面试官"]]
    assert _ids(project, "沟通") == [ids["mixed"], ids["translated"]]


def test_longer_chinese_word(project: Project, ids: dict[str, int]) -> None:
    assert _ids(project, "机器学习") == [ids["chinese"]]
    assert _ids(project, "面试官") == [ids["面试官"]]
    assert _ids(project, "数据科学家") == [ids["chinese"]]


def test_quoted_phrase(project: Project, ids: dict[str, int]) -> None:
    assert _ids(project, '"data scientist"') == [ids["mixed"], ids["percent"]]
    # The words are in that response too, but not as that phrase:
    assert _ids(project, '"scientist data"') == []
    assert _ids(project, '"research to engineering"') == [ids["english"]]
    assert _ids(project, '"engineering to research"') == []


def test_a_term_only_in_a_translation(project: Project, ids: dict[str, int]) -> None:
    assert _ids(project, "stakeholders") == [ids["translated"]]
    assert _ids(project, "STAKEHOLDERS matters") == [ids["translated"]]
    assert _ids(project, "stakeholders", translations=False) == []
    assert _ids(project, "沟通", translations=False) == [ids["mixed"], ids["translated"]]


def test_an_updated_translation_is_searched_with_its_new_text(
    project: Project, ids: dict[str, int]
) -> None:
    with project.write() as s:
        set_translation(s, ids["translated"], "en", "Talking to the business matters most.")
    assert _ids(project, "stakeholders") == []
    assert ids["translated"] in _ids(project, "business")


@pytest.mark.parametrize(
    "query",
    ["unicorn", "面试题", "机器人", "数据分析", '"crashed python"', "ok!", "zz", "茶"],
)
def test_no_false_positives(project: Project, ids: dict[str, int], query: str) -> None:
    assert _ids(project, query) == []


def test_like_wildcards_are_literal(project: Project, ids: dict[str, int]) -> None:
    assert _ids(project, "0%") == [ids["percent"]]  # 20%, not "50 "
    assert _ids(project, "5%") == []
    assert _ids(project, "e_") == [ids["under"]]  # snake_case: only a literal underscore
    assert _ids(project, "a_b") == [ids["under"]]
    assert _ids(project, "%") == [ids["percent"]]
    assert _ids(project, "_") == [ids["under"]]


def test_quotes_inside_a_term(project: Project, ids: dict[str, int]) -> None:
    # An unbalanced quote is part of the term and must not break the query.
    assert _ids(project, 'said "ship') == [ids["quote"]]
    assert _ids(project, 'said "sheep') == []
    assert _ids(project, 'it"') == [ids["quote"]]


def test_empty_query(project: Project, ids: dict[str, int]) -> None:
    with project.read() as s:
        result = search(s, "   ")
    assert (result.terms, result.response_ids, result.total) == ((), [], 0)


def test_emoji_and_combining_marks(project: Project, ids: dict[str, int]) -> None:
    assert _ids(project, "👩‍💻") == [ids["mixed"], ids["emoji"]]
    assert _ids(project, "🇨🇳") == [ids["emoji"]]
    assert _ids(project, "cafe\u0301") == [ids["combining"]]


# -- find_hits ---------------------------------------------------------------------------


def _check_hits(text: str, terms: tuple[str, ...], expected: int) -> list[tuple[int, int]]:
    hits = find_hits(text, terms)
    assert len(hits) == expected
    assert hits == sorted(hits)
    lowered = {t.casefold() for t in terms}
    for start, end in hits:
        assert text[start:end].casefold() in lowered
    return hits


def test_find_hits_after_emoji(corpus: dict[str, str]) -> None:
    text = corpus["emoji"]
    [(start, end)] = _check_hits(text, ("PYTHON",), 1)
    assert text[start:end] == "Python"
    assert start == text.index("Python")
    assert start != text.encode("utf-16-le").find("Python".encode("utf-16-le")) // 2


def test_find_hits_several_terms(corpus: dict[str, str]) -> None:
    text = corpus["mixed"]
    hits = _check_hits(text, ("沟通", "DATA", "👩‍💻"), 4)
    assert [text[a:b] for a, b in hits] == ["data", "沟通", "👩‍💻", "沟通"]


def test_find_hits_with_combining_marks(corpus: dict[str, str]) -> None:
    text = corpus["combining"]
    hits = _check_hits(text, ("CAFE\u0301",), 2)
    assert [text[a:b] for a, b in hits] == ["cafe\u0301", "cafe\u0301"]


def test_find_hits_treats_terms_literally() -> None:
    text = "Costs rose 20% (a lot) in Q1.*"
    assert _check_hits(text, ("20%", "(a lot)", ".*"), 3)
    assert find_hits(text, ()) == []
    assert find_hits(text, ("missing",)) == []


def test_hits_agree_with_search(
    project: Project, ids: dict[str, int], corpus: dict[str, str]
) -> None:
    with project.read() as s:
        result = search(s, 'python "service crashed"')
    assert result.response_ids == [ids["emoji"]]
    hits = find_hits(corpus["emoji"], result.terms)
    assert [corpus["emoji"][a:b] for a, b in hits] == ["Python", "service crashed"]
