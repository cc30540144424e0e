"""The browser's queries on the sample study plus awkward texts: filters, sorting, one page of
rows, filter choices, next uncoded, the survey grid."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from dotsdesk.model import Respondent, Response, Segment
from dotsdesk.services.browser import query as browse
from dotsdesk.services.browser.query import NO_VALUE, BrowseQuery, Coded, SortKey
from dotsdesk.services.coding.codebook import ensure_code, find_code
from dotsdesk.services.coding.segments import code_span
from dotsdesk.services.consent.events import ConsentStatus, current_consents
from dotsdesk.services.corpus.respondents import add_respondent, attribute_table
from dotsdesk.services.corpus.responses import add_response
from dotsdesk.services.corpus.search import search
from dotsdesk.services.sample import build_sample
from dotsdesk.store import Project

LONG_TAIL = "The word we look for comes late: deployment pipelines in production."


@dataclass(frozen=True)
class Study:
    project: Project
    crafted: dict[str, int]  # corpus name -> response id (uncoded, no attributes, no consent)


@pytest.fixture
def study(project: Project, corpus: dict[str, str]) -> Study:
    corpus["long"] = "Plain words and more plain words.\n" * 12 + LONG_TAIL
    with project.write() as s:
        build_sample(s)
        crafted = {}
        for name, text in corpus.items():
            person = add_respondent(s, f"X-{name}")
            crafted[name] = add_response(s, person.id, text, question="Anything else?").id
    return Study(project, crafted)


def ids(study: Study, **query: object) -> list[int]:
    with study.project.read() as s:
        return browse.matching_ids(s, BrowseQuery(**query))  # type: ignore[arg-type]


def facts(study: Study) -> dict[int, dict[str, object]]:
    """Every response's columns worked out independently, the slow way."""
    with study.project.read() as s:
        attributes = attribute_table(s)
        consents = current_consents(s)
        out: dict[int, dict[str, object]] = {}
        for r in s.scalars(select(Response)):
            out[r.id] = {
                "label": r.respondent.label,
                "respondent": r.respondent_id,
                "text": r.text,
                "language": r.language,
                "question": r.question,
                "segments": len(r.segments),
                "consent": consents[r.respondent_id].status,
                "attributes": attributes.get(r.respondent_id, {}),
            }
        return out


def where(study: Study, test: object) -> list[int]:
    return sorted(rid for rid, f in facts(study).items() if test(f))  # type: ignore[operator]


# -- filters -------------------------------------------------------------------------------


def test_no_filter_lists_every_response_in_import_order(study: Study) -> None:
    assert ids(study) == sorted(facts(study))
    assert len(ids(study)) == 36 + len(study.crafted)
    assert not BrowseQuery().filtered
    assert BrowseQuery(search="x").filtered
    assert not BrowseQuery(search="   ", attributes={"Degree": frozenset()}).filtered


def test_attribute_values_are_alternatives_and_attributes_combine(study: Study) -> None:
    phd = frozenset({"PhD"})
    assert ids(study, attributes={"Degree": phd}) == where(
        study, lambda f: f["attributes"].get("Degree") == "PhD"
    )
    two = frozenset({"PhD", "Master"})
    assert ids(study, attributes={"Degree": two}) == where(
        study, lambda f: f["attributes"].get("Degree") in two
    )
    both = ids(study, attributes={"Degree": phd, "Industry": frozenset({"tech"})})
    assert both == where(
        study,
        lambda f: (
            f["attributes"].get("Degree") == "PhD" and f["attributes"].get("Industry") == "tech"
        ),
    )
    assert both and len(both) < len(ids(study, attributes={"Degree": phd}))


def test_number_attributes_match_their_shown_value(study: Study) -> None:
    with study.project.read() as s:
        years = browse.filter_choices(s).attributes["Years of experience"]
    assert all("." not in v for v in years)  # 3, not 3.0
    value = next(iter(years))
    got = ids(study, attributes={"Years of experience": frozenset({value})})
    assert got == where(study, lambda f: f["attributes"].get("Years of experience") == value)
    assert len({facts(study)[i]["respondent"] for i in got}) == years[value]


def test_no_value_matches_respondents_without_the_attribute(study: Study) -> None:
    crafted = sorted(study.crafted.values())
    assert ids(study, attributes={"Degree": frozenset({NO_VALUE})}) == crafted
    with_phd = ids(study, attributes={"Degree": frozenset({NO_VALUE, "PhD"})})
    assert with_phd == sorted(crafted + ids(study, attributes={"Degree": frozenset({"PhD"})}))
    # An attribute the project does not have: nobody has a value for it.
    assert ids(study, attributes={"Shoe size": frozenset({"42"})}) == []
    assert ids(study, attributes={"Shoe size": frozenset({NO_VALUE})}) == ids(study)


def test_has_code_includes_its_children(study: Study) -> None:
    with study.project.read() as s:
        role = find_code(s, "Role").id
        research = find_code(s, "Role/Research").id
        engineering = find_code(s, "Role/Engineering").id
        hybrid = find_code(s, "Role/Hybrid").id
        interview = find_code(s, "Theme/Interview").id
    children = set()
    for code in (research, engineering, hybrid):
        children |= set(ids(study, has_codes=frozenset({code})))
    assert ids(study, has_codes=frozenset({role})) == sorted(children)
    # Several codes: each must be there.
    both = ids(study, has_codes=frozenset({research, interview}))
    assert both == sorted(
        set(ids(study, has_codes=frozenset({research})))
        & set(ids(study, has_codes=frozenset({interview})))
    )
    lacking = ids(study, lacks_codes=frozenset({role}))
    assert sorted(set(lacking) | children) == ids(study)
    assert not set(lacking) & children
    mixed = ids(study, has_codes=frozenset({interview}), lacks_codes=frozenset({research}))
    assert mixed == sorted(
        set(ids(study, has_codes=frozenset({interview})))
        - set(ids(study, has_codes=frozenset({research})))
    )


def test_consent_status_filter(study: Study) -> None:
    granted = ids(study, consent=frozenset({ConsentStatus.GRANTED}))
    assert granted == where(study, lambda f: f["consent"] is ConsentStatus.GRANTED)
    none = ids(study, consent=frozenset({ConsentStatus.NONE}))
    assert set(study.crafted.values()) <= set(none)
    two = ids(study, consent=frozenset({ConsentStatus.PENDING, ConsentStatus.DECLINED}))
    assert two == where(
        study, lambda f: f["consent"] in (ConsentStatus.PENDING, ConsentStatus.DECLINED)
    )
    assert two
    # Statuses a caller kept are used as given (the browser caches them).
    with study.project.read() as s:
        statuses = {rid: ConsentStatus.DECLINED for rid in s.scalars(select(Respondent.id))}
        query = BrowseQuery(consent=frozenset({ConsentStatus.DECLINED}))
        assert browse.matching_ids(s, query, statuses) == ids(study)


def test_language_and_coded_filters(study: Study) -> None:
    assert ids(study, languages=frozenset({"zh"})) == where(study, lambda f: f["language"] == "zh")
    crafted = sorted(study.crafted.values())
    assert ids(study, coded=Coded.UNCODED) == crafted
    assert ids(study, coded=Coded.CODED) == sorted(set(ids(study)) - set(crafted))
    assert ids(study, coded=Coded.UNCODED, languages=frozenset({"zh"})) == sorted(
        set(crafted) & set(ids(study, languages=frozenset({"zh"})))
    )


@pytest.mark.parametrize("word", ["production", "上线", "工程师", "PRODUCTION", "cafe\u0301"])
def test_search_english_and_chinese(study: Study, word: str) -> None:
    with study.project.read() as s:
        expected = search(s, word).response_ids
    assert expected
    assert ids(study, search=word) == expected
    zh = ids(study, search=word, languages=frozenset({"zh"}))
    assert zh == [i for i in expected if facts(study)[i]["language"] == "zh"]


def test_search_emoji_and_two_terms(study: Study) -> None:
    assert ids(study, search="🚀") == [study.crafted["emoji"]]
    assert ids(study, search="python crashed") == [study.crafted["emoji"]]
    assert ids(study, search="沟通 data") == [study.crafted["mixed"]]
    assert ids(study, search="nothing-like-this") == []


# -- sorting -------------------------------------------------------------------------------


def test_sort_by_each_fixed_column(study: Study) -> None:
    f = facts(study)
    keys = {
        SortKey.RESPONDENT: lambda i: f[i]["label"],
        SortKey.LENGTH: lambda i: len(f[i]["text"]),  # type: ignore[arg-type]
        SortKey.SEGMENTS: lambda i: f[i]["segments"],
        SortKey.LANGUAGE: lambda i: f[i]["language"],
        SortKey.PREVIEW: lambda i: f[i]["text"],
        SortKey.CONSENT: lambda i: list(ConsentStatus).index(f[i]["consent"]),  # type: ignore[arg-type]
    }
    for key, of in keys.items():
        got = ids(study, sort=key)
        assert got == sorted(f, key=lambda i, of=of: (of(i), i)), key
        down = ids(study, sort=key, descending=True)
        assert [of(i) for i in down] == sorted((of(i) for i in f), reverse=True), key


def test_length_is_counted_in_code_points(study: Study) -> None:
    got = ids(study, sort=SortKey.LENGTH)
    lengths = [len(facts(study)[i]["text"]) for i in got]  # type: ignore[arg-type]
    assert lengths == sorted(lengths)
    assert got[0] == study.crafted["short"]


def test_sort_by_attribute_puts_missing_values_last(study: Study) -> None:
    f = facts(study)
    query = {"sort": SortKey.ATTRIBUTE, "sort_attribute": "Years of experience"}
    for descending in (False, True):
        got = ids(study, **query, descending=descending)
        years = [f[i]["attributes"].get("Years of experience") for i in got]  # type: ignore[union-attr]
        known = [float(y) for y in years if y is not None]
        assert known == sorted(known, reverse=descending)
        assert years[len(known) :] == [None] * len(study.crafted)


# -- rows ----------------------------------------------------------------------------------


def test_rows_of_a_page(study: Study) -> None:
    f = facts(study)
    page = ids(study)[:20] + list(study.crafted.values())
    with study.project.read() as s:
        got = browse.rows(s, page)
    assert set(got) == set(page)
    for rid, row in got.items():
        text = str(f[rid]["text"])
        assert row.respondent == f[rid]["label"]
        assert row.question == f[rid]["question"]
        assert row.language == f[rid]["language"]
        assert row.length == len(text)
        assert row.segments == f[rid]["segments"]
        assert row.consent is f[rid]["consent"]
        assert row.attributes == f[rid]["attributes"]
        assert row.preview_start == 0
        flat = text[: browse.PREVIEW_CHARS]
        assert row.preview == "".join(" " if c in "\r\n\t" else c for c in flat)


def test_rows_count_code_points_for_emoji_chinese_and_combining_marks(study: Study) -> None:
    with study.project.read() as s:
        got = browse.rows(s, [study.crafted[n] for n in ("emoji", "chinese", "combining")])
    emoji = got[study.crafted["emoji"]]
    assert emoji.length == len(study_text(study, "emoji"))
    assert "👩‍💻👨‍👩‍👧" in emoji.preview
    assert got[study.crafted["chinese"]].preview.startswith("我在面试的时候")
    assert got[study.crafted["combining"]].preview.count("\u0301") == 3


def study_text(study: Study, name: str) -> str:
    return str(facts(study)[study.crafted[name]]["text"])


def test_search_preview_starts_near_a_late_hit(study: Study) -> None:
    rid = study.crafted["long"]
    with study.project.read() as s:
        plain = browse.rows(s, [rid])[rid]
        found = browse.rows(s, [rid], ("production",))[rid]
    assert "production" not in plain.preview
    text = study_text(study, "long")
    assert 0 < found.preview_start < text.index("production")
    assert found.preview == text[found.preview_start :][: browse.PREVIEW_CHARS]
    assert "production" in found.preview
    assert text[found.preview_start - 1] == " "  # starts at a word
    assert found.preview_start >= text.index("production") - browse.HIT_CONTEXT


def test_search_preview_context_counts_wide_characters_double(project: Project) -> None:
    text = "这是一段很长的中文回答，" * 8 + "我们每天都要上线新的模型。"
    with project.write() as s:
        rid = add_response(s, add_respondent(s, "zh").id, text).id
    with project.read() as s:
        row = browse.rows(s, [rid], ("上线",))[rid]
    hit = text.index("上线")
    assert hit - row.preview_start == browse.HIT_CONTEXT // 2
    assert row.preview.startswith(text[row.preview_start : hit])


def test_rows_of_nothing_and_of_missing_ids(study: Study) -> None:
    with study.project.read() as s:
        assert browse.rows(s, []) == {}
        assert browse.rows(s, [999_999]) == {}


# -- choices, navigation, grid -------------------------------------------------------------


def test_filter_choices(study: Study) -> None:
    with study.project.read() as s:
        choices = browse.filter_choices(s)
    assert list(choices.attributes)[:2] == ["Job title", "Industry"]
    degree = choices.attributes["Degree"]
    assert degree["PhD"] == sum(1 for a in attribute_table_of(study) if a.get("Degree") == "PhD")
    languages = [str(f["language"]) for f in facts(study).values()]
    assert choices.languages == {lang: languages.count(lang) for lang in set(languages)}
    assert next(iter(choices.languages)) == "en"  # most frequent first
    assert sum(choices.statuses.values()) == 30 + len(study.crafted)
    assert list(choices.statuses) == list(ConsentStatus)
    assert choices.statuses[ConsentStatus.GRANTED] == 25
    assert choices.questions[-1] == "Anything else?"
    assert len(choices.questions) == 3


def attribute_table_of(study: Study) -> list[dict[str, str]]:
    with study.project.read() as s:
        return list(attribute_table(s).values())


def test_code_choices_have_paths_in_codebook_order(study: Study) -> None:
    with study.project.read() as s:
        codes = browse.code_choices(s)
    paths = [c.path for c in codes]
    assert "Role/Research" in paths and "Theme/Interview" in paths
    assert paths.index("Role/Research") < paths.index("Role/Engineering")
    role = next(c for c in codes if c.path == "Role")
    assert role.parent_id is None
    assert all(c.parent_id == role.id for c in codes if c.path.startswith("Role/"))


def test_next_uncoded(study: Study) -> None:
    order = ids(study, sort=SortKey.LENGTH)
    uncoded = [i for i in order if i in set(study.crafted.values())]
    with study.project.read() as s:
        assert browse.next_uncoded(s, order, None) == uncoded[0]
        assert browse.next_uncoded(s, order, uncoded[0]) == uncoded[1]
        assert browse.next_uncoded(s, order, uncoded[1], backwards=True) == uncoded[0]
        assert browse.next_uncoded(s, order, uncoded[0], backwards=True) is None
        assert browse.next_uncoded(s, order, uncoded[-1]) is None
        assert browse.next_uncoded(s, order, None, backwards=True) == uncoded[-1]
        assert browse.next_uncoded(s, order, 999_999) == uncoded[0]  # not listed: from the start
        assert browse.next_uncoded(s, [], None) is None


def test_next_uncoded_looks_past_one_chunk(project: Project) -> None:
    with project.write() as s:
        person = add_respondent(s, "many")
        made = [add_response(s, person.id, f"answer {i}", language="en").id for i in range(1203)]
        code = find_or_make_code(s)
        for rid in made[:-1]:
            code_span(s, rid, 0, 6, [code])
    with project.read() as s:
        assert browse.next_uncoded(s, made, made[0]) == made[-1]
        assert browse.next_uncoded(s, made, made[-1], backwards=True) is None


def find_or_make_code(s: Session) -> int:
    return ensure_code(s, "Done").id


def test_grid_of_a_survey(study: Study) -> None:
    with study.project.read() as s:
        grid = browse.grid(s)
        p05 = s.scalars(select(Response.id).join(Respondent).where(Respondent.label == "P05")).all()
    assert grid.questions[0] == "Do you write production code as a data scientist?"
    assert grid.questions[-1] == "Anything else?"
    labels = [row.respondent for row in grid.rows]
    assert labels == sorted(labels)
    assert len(grid.rows) == 30 + len(study.crafted)
    row = next(r for r in grid.rows if r.respondent == "P05")
    assert sorted(c for c in row.cells if c is not None) == sorted(p05)
    assert row.cells[-1] is None  # P05 did not answer the crafted question
    everything = {c for r in grid.rows for c in r.cells if c is not None}
    assert everything == set(ids(study))


def test_grid_keeps_only_respondents_of_given_responses(study: Study) -> None:
    zh = ids(study, languages=frozenset({"zh"}))
    with study.project.read() as s:
        grid = browse.grid(s, zh)
    assert {c for r in grid.rows for c in r.cells if c in set(zh)} == set(zh)
    assert len(grid.rows) == len({facts(study)[i]["respondent"] for i in zh})
    with study.project.read() as s:
        assert grid.questions == browse.grid(s).questions


def test_grid_shows_the_first_of_two_answers_to_one_question(project: Project) -> None:
    with project.write() as s:
        person = add_respondent(s, "twice")
        first = add_response(s, person.id, "first", question="Q").id
        add_response(s, person.id, "second", question="Q")
        add_response(s, person.id, "a post without a question")
    with project.read() as s:
        grid = browse.grid(s)
    assert grid.questions == ("Q", None)
    assert grid.rows[0].cells[0] == first


def test_matching_ids_counts_segments_of_any_coder(study: Study) -> None:
    rid = study.crafted["english"]
    with study.project.write() as s:
        code_span(s, rid, 0, 5, [find_or_make_code(s)], coder="someone else")
        assert s.scalar(select(Segment.id).where(Segment.response_id == rid)) is not None
    assert rid in ids(study, coded=Coded.CODED)
    assert rid not in ids(study, coded=Coded.UNCODED)
    query = replace(BrowseQuery(), sort=SortKey.SEGMENTS, descending=True)
    with study.project.read() as s:
        assert browse.rows(s, [rid])[rid].segments == 1
        assert rid in browse.matching_ids(s, query)
