"""Respondents: pseudonymous labels, private identity, typed attributes."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from dotsdesk.errors import InvalidOperation, NotFound
from dotsdesk.model import AttributeType, AttributeValue, Identity, Respondent
from dotsdesk.services.corpus.respondents import (
    add_respondent,
    attribute_table,
    define_attribute,
    find_respondent,
    list_attributes,
    rename_respondent,
    set_attribute,
    set_identity,
)
from dotsdesk.store import Project

IDENTIFYING_KEYS = [
    "alice@example.com",
    "  bob.smith+survey@mail.example.org ",
    "+86 138 0013 8000",
    "(555) 123-4567",
    "13800138000",
    "020-8888-6666",
]


@pytest.mark.parametrize("key", IDENTIFYING_KEYS)
def test_an_identifying_key_never_becomes_the_label(project: Project, key: str) -> None:
    with project.write() as s:
        r = add_respondent(s, key)
        assert r.key == key.strip()
        assert r.label != r.key
        assert r.label == "P01"  # the project's scheme (labels.py)


def test_labels_of_identifying_keys_stay_unique_and_never_a_key(project: Project) -> None:
    with project.write() as s:
        add_respondent(s, "R002")  # a plain id that looks like a generated label
        for key in IDENTIFYING_KEYS:
            add_respondent(s, key)
        add_respondent(s, "R009")
    with project.read() as s:
        rows = s.execute(select(Respondent.key, Respondent.label)).all()
    keys = {k for k, _ in rows}
    labels = [label for _, label in rows]
    assert len(set(labels)) == len(labels)
    for key, label in rows:
        if key in {k.strip() for k in IDENTIFYING_KEYS}:
            assert label not in keys
            assert "@" not in label


def test_a_plain_key_is_its_own_label_only_when_it_fits_the_scheme(project: Project) -> None:
    with project.write() as s:
        assert add_respondent(s, " P07 ").label == "P07"  # the researcher's own pseudonym
        # A handle is identity, not a pseudonym: kept as the key, labelled in the scheme.
        handle = add_respondent(s, " 1point3acres-小K ")
        assert (handle.key, handle.label) == ("1point3acres-小K", "P08")
        assert add_respondent(s, "P7", label="Researcher A").label == "Researcher A"


def test_a_plain_key_equal_to_an_existing_label_gets_a_fresh_label(project: Project) -> None:
    with project.write() as s:
        add_respondent(s, "a@b.example")  # label R001
        r = add_respondent(s, "R001")
        assert r.label != "R001"


def test_duplicate_key_is_refused(project: Project) -> None:
    with project.write() as s:
        add_respondent(s, "k1")
    with pytest.raises(InvalidOperation, match="k1"), project.write() as s:
        add_respondent(s, " k1 ")
    with pytest.raises(InvalidOperation), project.write() as s:
        add_respondent(s, "   ")


def test_explicit_label_already_used_is_refused_cleanly(project: Project) -> None:
    with project.write() as s:
        add_respondent(s, "k1", label="Researcher A")
    with pytest.raises(InvalidOperation, match="Researcher A"), project.write() as s:
        add_respondent(s, "k2", label="Researcher A")
    with project.read() as s:
        assert s.scalar(select(func.count(Respondent.id))) == 1


def test_find_by_key_or_label(project: Project) -> None:
    with project.write() as s:
        rid = add_respondent(s, "carol@example.com").id
    with project.read() as s:
        assert find_respondent(s, "carol@example.com").id == rid
        assert find_respondent(s, "P01").id == rid
        with pytest.raises(NotFound):
            find_respondent(s, "nobody")


def test_rename(project: Project) -> None:
    with project.write() as s:
        a = add_respondent(s, "a")
        b = add_respondent(s, "b")
        rename_respondent(s, a, " Hybrid B ")
        assert a.label == "Hybrid B"
        with pytest.raises(InvalidOperation):
            rename_respondent(s, b, "Hybrid B")
        with pytest.raises(InvalidOperation):
            rename_respondent(s, b, "  ")
        with pytest.raises(InvalidOperation, match="contact"):
            rename_respondent(s, b, "bob@example.com")  # a label is public
        rename_respondent(s, a, "Hybrid B")  # its own label is fine


def test_identity_is_kept_apart_and_blank_fields_are_empty(project: Project) -> None:
    with project.write() as s:
        r = add_respondent(
            s, "k1", identity={"name": "王小明", "email": "wang@example.cn", "handle": ""}
        )
        with pytest.raises(InvalidOperation, match="shoe_size"):
            set_identity(s, r, {"shoe_size": "42"})
        set_identity(s, r, {"email": None, "forum": "1point3acres"})
    with project.read() as s:
        ident = s.get(Identity, 1)
        assert ident is not None
        assert (ident.name, ident.email, ident.handle, ident.forum) == (
            "王小明",
            None,
            None,
            "1point3acres",
        )


# -- attributes ------------------------------------------------------------------------


def test_number_attribute_rejects_text(project: Project) -> None:
    with project.write() as s:
        define_attribute(s, "years", AttributeType.NUMBER)
        r = add_respondent(s, "k1", attributes={"years": "3"})
    with pytest.raises(InvalidOperation, match="years"), project.write() as s:
        set_attribute(s, find_respondent(s, "k1"), "years", "abc")
    with project.read() as s:
        assert attribute_table(s) == {r.id: {"years": "3"}}


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-Infinity"])
def test_number_attribute_rejects_non_finite_numbers(project: Project, value: str) -> None:
    with project.write() as s:
        define_attribute(s, "years", AttributeType.NUMBER)
        add_respondent(s, "k1")
    with pytest.raises(InvalidOperation, match="years"), project.write() as s:
        set_attribute(s, find_respondent(s, "k1"), "years", value)


def test_numbers_are_parsed_and_formatted(project: Project) -> None:
    with project.write() as s:
        define_attribute(s, "salary", AttributeType.NUMBER)
        a = add_respondent(s, "a", attributes={"salary": " 120,000 "})
        b = add_respondent(s, "b", attributes={"salary": 2.5})
        c = add_respondent(s, "c", attributes={"salary": 7})
    with project.read() as s:
        assert attribute_table(s) == {
            a.id: {"salary": "120000"},
            b.id: {"salary": "2.5"},
            c.id: {"salary": "7"},
        }
        value = s.get(AttributeValue, (a.id, 1))
        assert value is not None
        assert (value.value_number, value.value_text) == (120000.0, None)


def test_attribute_type_is_guessed_from_the_first_value(project: Project) -> None:
    with project.write() as s:
        add_respondent(s, "a", attributes={"age": 31, "job": "数据科学家"})
    with project.read() as s:
        assert {(a.name, a.type) for a in list_attributes(s)} == {
            ("age", AttributeType.NUMBER),
            ("job", AttributeType.TEXT),
        }
    with pytest.raises(InvalidOperation), project.write() as s:
        add_respondent(s, "b", attributes={"age": "thirty"})
    with project.read() as s:
        assert s.scalar(select(func.count(Respondent.id))) == 1  # the whole action undone


def test_text_attribute_keeps_numbers_as_text(project: Project) -> None:
    with project.write() as s:
        define_attribute(s, "zip", AttributeType.TEXT)
        r = add_respondent(s, "a", attributes={"zip": "02139"})
    with project.read() as s:
        assert attribute_table(s)[r.id]["zip"] == "02139"


@pytest.mark.parametrize("blank", ["", "   ", None])
def test_clearing_an_attribute(project: Project, blank: str | None) -> None:
    with project.write() as s:
        define_attribute(s, "years", AttributeType.NUMBER)
        r = add_respondent(s, "a", attributes={"years": "4", "title": "Staff DS"})
    with project.write() as s:
        resp = find_respondent(s, "a")
        set_attribute(s, resp, "years", blank)
        set_attribute(s, resp, "never-set", blank)  # clearing nothing is fine
    with project.read() as s:
        assert attribute_table(s) == {r.id: {"title": "Staff DS"}}
        assert s.scalar(select(func.count()).select_from(AttributeValue)) == 1


def test_overwriting_an_attribute(project: Project) -> None:
    with project.write() as s:
        r = add_respondent(s, "a", attributes={"title": "DS"})
        set_attribute(s, r, "title", "  Senior DS ")
    with project.read() as s:
        assert attribute_table(s) == {r.id: {"title": "Senior DS"}}


def test_define_attribute_is_idempotent_and_ordered(project: Project) -> None:
    with project.write() as s:
        first = define_attribute(s, "industry", AttributeType.CATEGORY)
        define_attribute(s, "degree")
        again = define_attribute(s, " industry ", AttributeType.NUMBER)
        assert again.id == first.id
        assert again.type is AttributeType.CATEGORY
        with pytest.raises(InvalidOperation):
            define_attribute(s, " ")
    with project.read() as s:
        assert [a.name for a in list_attributes(s)] == ["industry", "degree"]
