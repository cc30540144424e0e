"""Rolling backups: taken on open, after INTERVAL of work and before big changes, from a
snapshot pinned at once, copied on a thread; kept by the retention; listed with counts."""

from __future__ import annotations

import logging
import shutil
import sqlite3
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from dotsdesk.model import Response
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.services.corpus.responses import add_response
from dotsdesk.store import Project
from dotsdesk.store.backups import (
    KEEP_DAYS,
    KEEP_LAST,
    Backup,
    folder_for,
    list_backups,
    prune,
    read_counts,
    to_keep,
)

TEXTS = [
    "我在面试的时候被问到很多机器学习的问题",
    "Launch day 🚀 went well 👩‍💻",
    "cafe\u0301 nai\u0308ve",
]


def add_people(project: Project, keys: list[str]) -> None:
    with project.write() as s:
        for i, key in enumerate(keys):
            person = add_respondent(s, key)
            add_response(s, person.id, TEXTS[i % len(TEXTS)])


@pytest.fixture
def study(tmp_path: Path, empty_project_file: Path) -> Path:
    """A closed project with two respondents, in a folder with Chinese and emoji."""
    folder = tmp_path / "研究 🚀"
    folder.mkdir()
    path = folder / "访谈 study.dots"
    shutil.copyfile(empty_project_file, path)
    with Project.open(path) as p:
        add_people(p, ["甲", "乙"])
    for b in list_backups(path):  # the open above took one; start each test with none
        b.path.unlink()
    return path


def test_opening_for_writing_takes_one_backup_of_the_project_as_it_was(study: Path) -> None:
    with Project.open(study) as p:
        add_people(p, ["丙"])  # after the snapshot: not in the backup
    (backup,) = list_backups(study)
    assert backup.reason == "open" and backup.label == "on open"
    assert backup.path.parent == folder_for(study)
    assert backup.path.parent.name.startswith("访谈 study-")
    assert read_counts(backup.path) is not None
    assert str(read_counts(backup.path)) == "2 respondents, 0 segments, 0 posts"
    assert (backup.path.parent / "project.txt").read_text(encoding="utf-8").strip() == str(
        study.resolve()
    )
    # One self-contained file in a rollback journal, checked, nothing half-written beside.
    assert sorted(p.name for p in backup.path.parent.iterdir()) == sorted(
        [backup.path.name, "project.txt"]
    )
    con = sqlite3.connect(backup.path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    # Opened again within INTERVAL: no second copy.
    Project.open(study).close()
    assert len(list_backups(study)) == 1


def test_a_reader_takes_no_backup(study: Path) -> None:
    with Project.open(study, readonly=True):
        pass
    assert list_backups(study) == []


def test_after_the_interval_the_next_write_takes_one(study: Path) -> None:
    with Project.open(study) as p:
        assert p.backups is not None
        p.backups.finish()
        p.backups.interval = timedelta(0)
        add_people(p, ["丙"])  # committed, then the backup
        p.backups.finish()
    newest = list_backups(study)[0]
    assert newest.label == "while working"
    assert read_counts(newest.path).respondents == 3  # type: ignore[union-attr]


def test_a_backup_before_a_change_holds_the_project_before_it(study: Path) -> None:
    with Project.open(study) as p:
        p.backup_before("merge")
        add_people(p, ["丙", "丁"])  # while the copy runs, or after: the snapshot was pinned
    merge = next(b for b in list_backups(study) if b.reason == "merge")
    assert merge.label == "before a merge"
    assert read_counts(merge.path).respondents == 2  # type: ignore[union-attr]


def bulk_responses(project: Project, n: int) -> None:
    """`n` long responses of one respondent in one transaction (the services' own path
    is too slow to fill megabytes in a test)."""
    with project.write() as s:
        rid = add_respondent(s, f"bulk-{n}-{s.scalar(select(func.count(Response.id)))}").id
        rows = [
            {"respondent_id": rid, "text": TEXTS[i % 3] * 40, "language": "zh"} for i in range(n)
        ]
        s.execute(insert(Response), rows)


def response_count(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT count(*) FROM response").fetchone()[0])
    finally:
        con.close()


def test_a_backup_is_consistent_while_another_connection_keeps_writing(study: Path) -> None:
    """Several steps of copying (a project over 4 MB) while commits go on: the copy is the
    project at its snapshot, whole, and is not restarted by each commit."""
    with Project.open(study) as p:
        bulk_responses(p, 4000)
        assert p.backups is not None
        p.backups.finish()
        stop = threading.Event()
        written: list[int] = []

        def writer() -> None:
            while not stop.is_set():
                bulk_responses(p, 1)
                written.append(1)

        thread = threading.Thread(target=writer)
        thread.start()
        try:
            p.backup_before("refi")
            p.backups.finish()
        finally:
            stop.set()
            thread.join()
    assert study.stat().st_size > 4 * 1024 * 1024
    refi = next(b for b in list_backups(study) if b.reason == "refi")
    assert refi.is_good()
    assert 4002 <= response_count(refi.path) <= 4002 + len(written)


def test_no_room_for_a_backup_is_said_and_the_work_goes_on(
    study: Path, data_folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    shutil.rmtree(data_folder / "backups")
    (data_folder / "backups").write_text("a file where the folder should be")
    with caplog.at_level(logging.WARNING, logger="dotsdesk.store"), Project.open(study) as p:
        add_people(p, ["丙"])
    notices = [getattr(r, "notice", "") for r in caplog.records]
    assert any("no backup was taken" in n and str(study) in n for n in notices), notices
    with Project.open(study, readonly=True) as p:
        from dotsdesk.services.counts import project_counts

        with p.read() as s:
            assert project_counts(s).respondents == 3


def backup(day: datetime, reason: str = "open") -> Backup:
    return Backup(Path(f"/nowhere/{day:%Y%m%d-%H%M%S}-{reason}.dots"), day, reason)


def test_retention_keeps_the_last_ten_and_one_a_day_for_two_weeks() -> None:
    now = datetime(2026, 12, 20, 18, 0, 0)
    # Today: 15 backups an hour apart; then two a day for 20 days before.
    today = [backup(now - timedelta(hours=h)) for h in range(15)]
    older = [backup(now - timedelta(days=d, hours=h)) for d in range(1, 21) for h in (1, 5)]
    kept = to_keep(today + older, now)
    assert today[:KEEP_LAST] == kept[:KEEP_LAST]
    days = {b.taken.date() for b in kept}
    assert days == {(now - timedelta(days=d)).date() for d in range(KEEP_DAYS)}
    # The newest of each earlier day, and nothing older than the two weeks.
    for d in range(1, KEEP_DAYS):
        assert backup(now - timedelta(days=d, hours=1)) in kept
        assert backup(now - timedelta(days=d, hours=5)) not in kept
    assert len(kept) == KEEP_LAST + KEEP_DAYS - 1


def test_prune_deletes_what_the_retention_drops(tmp_path: Path, empty_project_file: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    now = datetime(2026, 12, 20, 18, 0, 0)
    names = [f"{now - timedelta(minutes=m):%Y%m%d-%H%M%S}-periodic.dots" for m in range(12)]
    for name in names:
        shutil.copyfile(empty_project_file, folder / name)
    (folder / ".20261201-000000-open.dots.partial").write_bytes(b"a copy under way")
    removed = prune(folder, now)
    assert sorted(p.name for p in removed) == sorted(names[10:])  # today's newest is kept
    assert sorted(p.name for p in folder.glob("*.dots")) == sorted(names[:10])
    assert (folder / ".20261201-000000-open.dots.partial").exists()  # maybe still copying
