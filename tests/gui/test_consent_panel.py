"""The consent tracker on the real sample project, driven through its real widgets; every
step is checked against the database (services.consent), and undo/redo against both."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QFileDialog
from sqlalchemy import select
from sqlalchemy.orm import Session

from dotsdesk.model import (
    Block,
    BlockKind,
    ConsentKind,
    ConsentLevel,
    Identity,
    Post,
    Respondent,
    Response,
    Section,
    Segment,
)
from dotsdesk.services.consent.events import (
    ConsentStatus,
    current_consent,
    current_consents,
    history,
    status_counts,
)
from dotsdesk.services.consent.tracker import drafts_quoting
from dotsdesk.ui.consent import ConsentTracker
from dotsdesk.ui.consent.event_form import EventForm
from dotsdesk.ui.consent.model import DAYS_COLUMN, RESPONDENT_ID_ROLE, STATUS_WORDS, Filter
from dotsdesk.ui.context import ProjectContext
from dotsdesk.ui.i18n import date_text
from dotsdesk.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def panel(qtbot, ctx: ProjectContext) -> Iterator[ConsentTracker]:  # type: ignore[no-untyped-def]
    widget = ConsentTracker(ctx)
    qtbot.addWidget(widget)
    widget.resize(520, 1000)
    widget.show()
    yield widget


def consents(ctx: ProjectContext) -> dict[int, object]:
    with ctx.read() as s:
        return dict(current_consents(s))


def labels(ctx: ProjectContext) -> dict[int, str]:
    with ctx.read() as s:
        return dict(s.execute(select(Respondent.id, Respondent.label)).all())


def shown(panel: ConsentTracker) -> list[tuple[int, list[str]]]:
    """Each table row as the user reads it: respondent id and the cell texts."""
    model = panel.model
    return [
        (
            model.index(r, 0).data(RESPONDENT_ID_ROLE),
            [model.index(r, c).data() for c in range(model.columnCount())],
        )
        for r in range(model.rowCount())
    ]


def click_row(qtbot, panel: ConsentTracker, respondent_id: int) -> None:  # type: ignore[no-untyped-def]
    row = panel.model.row_of(respondent_id)
    assert row is not None
    index = panel.model.index(row, 0)
    panel.table.scrollTo(index)
    qtbot.mouseClick(panel.table.viewport(), LEFT, pos=panel.table.visualRect(index).center())
    assert panel.selected_respondent() == respondent_id


def choose(combo, data: object) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(data)
    assert index >= 0
    combo.setCurrentIndex(index)


def record(qtbot, form: EventForm) -> None:  # type: ignore[no-untyped-def]
    assert form.record_button.isEnabled()
    qtbot.mouseClick(form.record_button, LEFT)


def status_of(panel: ConsentTracker, respondent_id: int) -> str:
    row = panel.model.row_of(respondent_id)
    assert row is not None
    return str(panel.model.index(row, 1).data())


# -- the table, filters, counts --------------------------------------------------------------
def test_table_lists_every_respondent_with_its_consent(
    panel: ConsentTracker, ctx: ProjectContext
) -> None:
    truth = consents(ctx)
    names = labels(ctx)
    rows = shown(panel)
    assert len(rows) == len(truth) == 30
    assert [cells[0] for _, cells in rows] == sorted(names.values())
    for rid, cells in rows:
        c = truth[rid]
        assert cells[0] == names[rid]
        assert cells[1] == STATUS_WORDS[c.status]  # type: ignore[attr-defined]
        granted = c.status is ConsentStatus.GRANTED  # type: ignore[attr-defined]
        assert (cells[2] != "") == granted
        assert (cells[3] in ("yes", "no")) == granted
        if c.last_event:  # type: ignore[attr-defined]
            assert cells[4] == date_text(c.last_event)  # type: ignore[attr-defined]
        pending = c.status is ConsentStatus.PENDING  # type: ignore[attr-defined]
        expected_days = (date.today() - c.requested).days if pending else None  # type: ignore[attr-defined]
        assert cells[DAYS_COLUMN] == ("" if expected_days is None else str(expected_days))


def test_filters_keep_one_status(panel: ConsentTracker, ctx: ProjectContext) -> None:
    truth = consents(ctx)
    for n in range(panel.filter_combo.count()):
        chosen = panel.filter_combo.itemData(n)
        panel.filter_combo.setCurrentIndex(n)
        wanted = chosen.status
        expected = {r for r, c in truth.items() if wanted is None or c.status is wanted}  # type: ignore[attr-defined]
        assert {rid for rid, _ in shown(panel)} == expected, chosen
        assert panel.filter_combo.itemText(n) == f"{chosen.value} ({len(expected)})"
    panel.set_filter(Filter.PENDING)
    assert panel.filter_combo.currentData() is Filter.PENDING
    assert {cells[1] for _, cells in shown(panel)} == {"pending"}


def test_counts_at_a_glance(panel: ConsentTracker, ctx: ProjectContext) -> None:
    truth = consents(ctx)
    with ctx.read() as s:
        by_status = status_counts(s)
    levels = {
        level: sum(
            1
            for c in truth.values()
            if c.status is ConsentStatus.GRANTED and c.level is level  # type: ignore[attr-defined]
        )
        for level in ConsentLevel
    }
    bar = panel.counts
    assert bar.number("anonymous") == levels[ConsentLevel.ANONYMOUS]
    assert bar.number("handle") == levels[ConsentLevel.HANDLE]
    assert bar.number("name") == levels[ConsentLevel.NAME]
    assert bar.number("pending") == by_status["pending"]
    assert bar.number("declined") == by_status["declined"]
    assert bar.number("withdrawn") == by_status["withdrawn"]
    assert bar.number("never_asked") == by_status["none"]
    assert f"<b>{by_status['granted']}</b>/30 granted" in bar.granted.text()


def test_sorting_by_days_pending_puts_the_longest_wait_first(panel: ConsentTracker) -> None:
    panel.table.sortByColumn(DAYS_COLUMN, Qt.SortOrder.DescendingOrder)
    days = [cells[DAYS_COLUMN] for _, cells in shown(panel)]
    waiting = [int(d) for d in days if d]
    assert waiting and waiting == sorted(waiting, reverse=True)
    assert days[: len(waiting)] == [str(d) for d in waiting]  # blanks last
    panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    names = [cells[0] for _, cells in shown(panel)]
    assert names == sorted(names, reverse=True)


# -- selecting: private identity and history ------------------------------------------------
def test_selecting_shows_private_identity_and_history(
    qtbot, panel: ConsentTracker, ctx: ProjectContext
) -> None:  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        who = s.scalar(select(Identity).where(Identity.handle.is_not(None)))
        assert who is not None
        rid, name, handle, forum = who.respondent_id, who.name, who.handle, who.forum
        events = history(s, rid)
    click_row(qtbot, panel, rid)
    assert "Private" in panel.identity.title()
    assert panel.identity.shown()["name"] == name
    assert panel.identity.shown()["handle"] == handle
    assert panel.identity.shown()["forum"] == forum
    lines = panel.history_model.lines()
    assert [(line.date, line.kind) for line in lines] == [
        (date_text(e.occurred), e.kind.value) for e in events
    ]


# -- the GUI test: request, grant, withdrawal; undo and redo ------------------------
def test_request_then_grant_then_withdrawal_through_the_form(
    qtbot, panel: ConsentTracker, ctx: ProjectContext
) -> None:  # type: ignore[no-untyped-def]
    truth = consents(ctx)
    never = [r for r, c in truth.items() if c.status is ConsentStatus.NONE]  # type: ignore[attr-defined]
    rid = never[0] if never else next(iter(truth))
    with ctx.read() as s:
        before = len(history(s, rid))
    form = panel.form
    steps = ctx.undo_stack.count()
    click_row(qtbot, panel, rid)

    # 1. The request: date, channel, what was asked.
    choose(form.kind_combo, ConsentKind.REQUESTED)
    form.date_edit.setDate(QDate(2024, 3, 1))
    form.channel_combo.lineEdit().clear()
    qtbot.keyClicks(form.channel_combo.lineEdit(), "forum message")
    qtbot.keyClicks(form.asked_edit, "quote anonymously or with your forum ID")
    record(qtbot, form)
    with ctx.read() as s:
        events = history(s, rid)
        now = current_consent(s, rid)
    assert len(events) == before + 1
    last = events[-1]
    assert (last.kind, last.occurred, last.channel, last.asked) == (
        ConsentKind.REQUESTED,
        date(2024, 3, 1),
        "forum message",
        "quote anonymously or with your forum ID",
    )
    assert now.status is ConsentStatus.PENDING
    assert status_of(panel, rid) == "pending"
    row = panel.model.row_of(rid)
    assert row is not None
    assert panel.model.index(row, DAYS_COLUMN).data() == str((date.today() - date(2024, 3, 1)).days)
    assert form.asked_edit.text() == ""  # cleared for the next event

    # 2. The answer: granted by handle, translation allowed.
    choose(form.kind_combo, ConsentKind.GRANTED)
    assert form.level_combo.isVisible() and not form.asked_edit.isVisible()
    form.date_edit.setDate(QDate(2024, 3, 4))
    choose(form.level_combo, ConsentLevel.HANDLE)
    # No handle on file: the form asks for one and saves it with the grant.
    assert form.fill_handle.isVisible() or "handle" in panel.identity.shown()
    if form.fill_handle.isVisible():
        qtbot.keyClicks(form.fill_handle, "forum_id_42")
    check = form.translation_check
    qtbot.mouseClick(check, LEFT, pos=QPoint(8, check.height() // 2))
    assert check.isChecked()
    record(qtbot, form)
    with ctx.read() as s:
        events = history(s, rid)
        now = current_consent(s, rid)
    assert len(events) == before + 2
    assert (events[-1].kind, events[-1].level, events[-1].translation_allowed) == (
        ConsentKind.GRANTED,
        ConsentLevel.HANDLE,
        True,
    )
    assert (now.status, now.level, now.translation_allowed) == (
        ConsentStatus.GRANTED,
        ConsentLevel.HANDLE,
        True,
    )
    row = panel.model.row_of(rid)
    assert row is not None
    assert [panel.model.index(row, c).data() for c in (1, 2, 3)] == ["granted", "by handle", "yes"]

    # 3. The withdrawal, with a note.
    choose(form.kind_combo, ConsentKind.WITHDRAWN)
    form.date_edit.setDate(QDate(2024, 6, 1))
    qtbot.keyClicks(form.note_edit, "asked to be left out of the next post")
    record(qtbot, form)
    with ctx.read() as s:
        events = history(s, rid)
        assert current_consent(s, rid).status is ConsentStatus.WITHDRAWN
    assert (events[-1].kind, events[-1].note) == (
        ConsentKind.WITHDRAWN,
        "asked to be left out of the next post",
    )
    assert status_of(panel, rid) == "withdrawn"
    assert [line.kind for line in panel.history_model.lines()][-3:] == [
        "requested",
        "granted",
        "withdrawn",
    ]
    assert ctx.undo_stack.count() == steps + 3  # one undo step per event

    # Undo the withdrawal: granted again, in the database, table, counts and history.
    granted_before = panel.counts.number("handle")
    ctx.undo_stack.undo()
    with ctx.read() as s:
        assert len(history(s, rid)) == before + 2
        assert current_consent(s, rid).status is ConsentStatus.GRANTED
    assert status_of(panel, rid) == "granted"
    assert panel.counts.number("handle") == granted_before + 1
    assert panel.history_model.lines()[-1].kind == "granted"
    # Redo: withdrawn again.
    ctx.undo_stack.redo()
    with ctx.read() as s:
        assert current_consent(s, rid).status is ConsentStatus.WITHDRAWN
        assert history(s, rid)[-1].note == "asked to be left out of the next post"
    assert status_of(panel, rid) == "withdrawn"


def test_a_refused_event_changes_nothing(qtbot, panel: ConsentTracker, ctx) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    ctx.error.connect(errors.append)
    rid = next(iter(labels(ctx)))
    click_row(qtbot, panel, rid)
    with ctx.read() as s:
        before = len(history(s, rid))
    form = panel.form
    choose(form.kind_combo, ConsentKind.GRANTED)
    form.date_edit.setDate(QDate(2024, 3, 4))
    form.expires_check.setChecked(True)
    form.expires_edit.setDate(QDate(2024, 1, 1))  # before the grant
    steps = ctx.undo_stack.count()
    record(qtbot, form)
    assert errors and "expire" in errors[0]
    assert ctx.undo_stack.count() == steps
    with ctx.read() as s:
        assert len(history(s, rid)) == before
    # A note needs its text.
    choose(form.kind_combo, ConsentKind.NOTE)
    assert not form.record_button.isEnabled()
    qtbot.keyClicks(form.note_edit, "prefers e-mail")
    assert form.record_button.isEnabled()


def test_follows_changes_made_elsewhere(panel: ConsentTracker, ctx: ProjectContext) -> None:
    from dotsdesk.services.consent.events import record_event

    truth = consents(ctx)
    rid = next(r for r, c in truth.items() if c.status is not ConsentStatus.DECLINED)  # type: ignore[attr-defined]
    declined = panel.counts.number("declined")
    ctx.run("Decline", lambda s: record_event(s, rid, ConsentKind.DECLINED, date.today()))
    assert status_of(panel, rid) == "declined"
    assert panel.counts.number("declined") == declined + 1
    ctx.undo_stack.undo()
    assert status_of(panel, rid) == STATUS_WORDS[truth[rid].status]  # type: ignore[attr-defined]


# -- withdrawal: the drafts that quote them -------------------------------------------------
def add_post_quoting(s: Session, respondent_id: int, title: str) -> int:
    """A draft with one quote of the respondent, built directly through the model."""
    segment = s.scalar(
        select(Segment.id)
        .join(Response, Response.id == Segment.response_id)
        .where(Response.respondent_id == respondent_id)
    )
    assert segment is not None
    post = Post(title=title, series="Connect the Dots", number=9)
    section = Section(position=0, title="Who writes code")
    section.blocks = [
        Block(position=0, kind=BlockKind.PARAGRAPH, data={"text": "Intro"}),
        Block(position=1, kind=BlockKind.QUOTE, segment_id=segment, data={}),
    ]
    post.sections = [section]
    s.add(post)
    s.flush()
    return post.id


def test_withdrawal_lists_the_drafts_that_quote_them(
    qtbot, panel: ConsentTracker, ctx: ProjectContext
) -> None:  # type: ignore[no-untyped-def]
    truth = consents(ctx)
    with ctx.read() as s:
        coded = set(
            s.scalars(
                select(Response.respondent_id).join(Segment, Segment.response_id == Response.id)
            )
        )
        in_drafts = {r for r in truth if drafts_quoting(s, r)}
    rid = next(
        r
        for r, c in sorted(truth.items())
        if r in coded and c.status is ConsentStatus.GRANTED  # type: ignore[attr-defined]
    )
    title = "Is research the new engineering?"
    post_id = ctx.run("Add a draft", lambda s: add_post_quoting(s, rid, title))
    assert post_id is not None
    with ctx.read() as s:
        assert post_id in [d.post_id for d in drafts_quoting(s, rid)]
    click_row(qtbot, panel, rid)
    assert panel.drafts.isVisible()
    assert any(title in t and "1 quote" in t for t in panel.drafts.titles())
    assert "allowed" in panel.drafts.note.text()

    form = panel.form
    choose(form.kind_combo, ConsentKind.WITHDRAWN)
    record(qtbot, form)
    assert panel.drafts.isVisible()
    assert any(title in t for t in panel.drafts.titles())
    assert "blocked (withdrawn)" in panel.drafts.note.text()

    # Someone withdrawn and quoted nowhere: the box says so.
    other = next(
        r
        for r, c in truth.items()
        if r not in in_drafts | {rid} and c.status is not ConsentStatus.WITHDRAWN  # type: ignore[attr-defined]
    )
    click_row(qtbot, panel, other)
    assert not panel.drafts.isVisible()
    choose(form.kind_combo, ConsentKind.WITHDRAWN)
    record(qtbot, form)
    assert panel.drafts.isVisible()
    assert panel.drafts.titles() == []
    assert "No draft quotes" in panel.drafts.note.text()


# -- who still needs asking -----------------------------------------------------------------
def test_who_still_needs_asking_goes_to_the_clipboard(
    qtbot, panel: ConsentTracker, ctx: ProjectContext
) -> None:  # type: ignore[no-untyped-def]
    QGuiApplication.clipboard().clear()
    truth = consents(ctx)
    names = labels(ctx)
    with ctx.read() as s:
        identity = {i.respondent_id: i for i in s.scalars(select(Identity))}
    expected = ["Label\tName\tContact\tDays pending"]
    waiting = [
        r
        for r, c in truth.items()
        if c.status in (ConsentStatus.NONE, ConsentStatus.PENDING)  # type: ignore[attr-defined]
    ]
    assert waiting
    for r in sorted(waiting, key=names.__getitem__):
        c = truth[r]
        days = (date.today() - c.requested).days if c.status is ConsentStatus.PENDING else ""  # type: ignore[attr-defined]
        who = identity[r]
        expected.append(f"{names[r]}\t{who.name}\t{who.email}\t{days}")
    qtbot.mouseClick(panel.ask_button, LEFT)
    assert QGuiApplication.clipboard().text().splitlines() == expected
    assert "PRIVATE" in panel.ask_button.toolTip()


# -- in the main window ---------------------------------------------------------------------
@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DOTSDESK_SETTINGS", str(tmp_path / "settings.ini"))
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def test_consent_dock_beside_the_codebook(qtbot, window: MainWindow, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert window.open_project(sample_path)
    dock = window.findChild(QDockWidget, "consentTracker")
    assert dock is not None and dock.windowTitle() == "Consent"
    assert dock in window.tabifiedDockWidgets(window.docks["codebook"])
    assert dock.widget() is window.consent
    view = next(a for a in window.menuBar().actions() if a.text() == "&View").menu()
    assert dock.toggleViewAction() in view.actions()
    # Record through the tracker, then Ctrl+Z in the window undoes it.
    dock.raise_()
    panel = window.consent
    rid = next(iter(labels(window.ctx)))
    click_row(qtbot, panel, rid)
    with window.ctx.read() as s:
        before = len(history(s, rid))
    choose(panel.form.kind_combo, ConsentKind.NOTE)
    qtbot.keyClicks(panel.form.note_edit, "called, no answer")
    record(qtbot, panel.form)
    with window.ctx.read() as s:
        assert len(history(s, rid)) == before + 1
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with window.ctx.read() as s:
        assert len(history(s, rid)) == before


def test_export_consent_register_from_the_file_menu(
    qtbot, window: MainWindow, sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    assert window.open_project(sample_path)
    target = tmp_path / "register"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Excel workbook (*.xlsx)")
    )
    file_menu = next(a for a in window.menuBar().actions() if a.text() == "&File").menu()
    action = next(a for a in file_menu.actions() if a.text() == "Export consent &register…")
    assert action.isEnabled()
    action.trigger()
    written = tmp_path / "register.xlsx"
    qtbot.waitUntil(written.exists, timeout=10000)
    book = openpyxl.load_workbook(written, read_only=True)
    first = book.worksheets[0]
    assert first.title == "READ FIRST"
    assert "PRIVATE" in str(first["A1"].value)
    assert "private identity" in " ".join(str(r[0]) for r in first.iter_rows(values_only=True))
    register = book["Register"]
    assert register.max_row == 31  # a header and the 30 respondents
    book.close()
    window.close_project()
    assert not action.isEnabled()
