"""What the database itself refuses or keeps current, whatever code writes to it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from dotsdesk.store import Project, search_index

TEXT = "Launch 🚀🇨🇳 👩‍💻 cafe\u0301 面试"


def _insert_segment(conn: Connection, response_id: int, start: int, end: int) -> int:
    return conn.exec_driver_sql(
        'INSERT INTO segment (response_id, start, "end", created) '
        "VALUES (?, ?, ?, '2025-01-01 00:00:00') RETURNING id",
        (response_id, start, end),
    ).scalar_one()


def _segment_count(project: Project) -> int:
    with project.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM segment").scalar_one()


def test_database_length_counts_code_points(
    project: Project, make_response: Callable[..., int]
) -> None:
    rid = make_response(TEXT)
    with project.engine.connect() as conn:
        assert conn.exec_driver_sql(
            "SELECT length(text) FROM response WHERE id = ?", (rid,)
        ).scalar_one() == len(TEXT)


def test_a_segment_may_end_exactly_at_the_end_of_the_text(
    project: Project, make_response: Callable[..., int]
) -> None:
    rid = make_response(TEXT)
    with project.engine.begin() as conn:
        sid = _insert_segment(conn, rid, len(TEXT) - 2, len(TEXT))
        got = conn.exec_driver_sql(
            'SELECT substr(r.text, s.start + 1, s."end" - s.start) '
            "FROM segment s JOIN response r ON r.id = s.response_id WHERE s.id = ?",
            (sid,),
        ).scalar_one()
    assert got == TEXT[-2:] == "面试"


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (0, len(TEXT) + 1, "beyond"),  # one code point too far (UTF-16 or bytes would allow it)
        (len(TEXT), len(TEXT) + 1, "beyond"),
        (-1, 3, "CHECK"),
        (3, 3, "CHECK"),
        (5, 2, "CHECK"),
    ],
)
def test_bad_offsets_are_refused_on_insert(
    project: Project, make_response: Callable[..., int], start: int, end: int, message: str
) -> None:
    rid = make_response(TEXT)
    with pytest.raises(IntegrityError, match=message), project.engine.begin() as conn:
        _insert_segment(conn, rid, start, end)
    assert _segment_count(project) == 0


def test_bad_offsets_are_refused_on_update(
    project: Project, make_response: Callable[..., int]
) -> None:
    rid = make_response(TEXT)
    short = make_response("短文本")
    with project.engine.begin() as conn:
        sid = _insert_segment(conn, rid, 0, len(TEXT))
    for sql, params in [
        ('UPDATE segment SET "end" = ? WHERE id = ?', (len(TEXT) + 1, sid)),
        ("UPDATE segment SET start = ? WHERE id = ?", (len(TEXT), sid)),
        ("UPDATE segment SET response_id = ? WHERE id = ?", (short, sid)),
    ]:
        with pytest.raises(IntegrityError), project.engine.begin() as conn:
            conn.exec_driver_sql(sql, params)
    with project.engine.connect() as conn:
        row = conn.exec_driver_sql(
            'SELECT response_id, start, "end" FROM segment WHERE id = ?', (sid,)
        ).one()
    assert tuple(row) == (rid, 0, len(TEXT))


def test_a_segment_of_a_missing_response_is_refused(project: Project) -> None:
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), project.engine.begin() as conn:
        _insert_segment(conn, 999, 0, 1)


def test_deleting_a_response_deletes_its_segments_and_codes(
    project: Project, make_response: Callable[..., int]
) -> None:
    rid = make_response(TEXT)
    with project.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO code (id, name, colour, position) VALUES (1, 'A', '#fff', 0)"
        )
        sid = _insert_segment(conn, rid, 0, 3)
        conn.exec_driver_sql("INSERT INTO segment_code VALUES (?, 1)", (sid,))
        conn.exec_driver_sql("DELETE FROM response WHERE id = ?", (rid,))
        assert conn.exec_driver_sql("SELECT count(*) FROM segment_code").scalar_one() == 0
    assert _segment_count(project) == 0


def test_code_names_and_parents_are_checked(project: Project) -> None:
    for sql in [
        "INSERT INTO code (id, name, colour, position) VALUES (1, '', '#fff', 0)",
        "INSERT INTO code (id, name, colour, position) VALUES (1, 'a/b', '#fff', 0)",
        "INSERT INTO code (id, parent_id, name, colour, position) VALUES (1, 1, 'a', '#fff', 0)",
    ]:
        with pytest.raises(IntegrityError), project.engine.begin() as conn:
            conn.exec_driver_sql(sql)


def test_the_search_index_follows_inserts_updates_and_deletes(
    project: Project, make_response: Callable[..., int]
) -> None:
    rid = make_response("The unicorn answer")
    with project.write() as s:
        assert search_index.matching_response_ids(s, ["unicorn"]) == [rid]
    with project.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE response SET text = 'The pegasus answer' WHERE id = ?", (rid,))
    with project.write() as s:
        assert search_index.matching_response_ids(s, ["unicorn"]) == []
        assert search_index.matching_response_ids(s, ["pegasus"]) == [rid]
    with project.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM respondent")  # cascades to the response
    newer = make_response("A horse of course")  # may reuse the deleted row id
    with project.write() as s:
        assert search_index.matching_response_ids(s, ["pegasus"]) == []
        assert search_index.matching_response_ids(s, ["horse"]) == [newer]
        search_index.rebuild(s)
        assert search_index.matching_response_ids(s, ["horse"]) == [newer]
    with project.engine.connect() as conn:
        check = conn.exec_driver_sql(
            "INSERT INTO response_fts(response_fts, rank) VALUES ('integrity-check', 1)"
        )
        check.close()
