"""The response browser on the sample project: real widgets driven through their menus,
search field, headers and shortcuts, with the database checked through the services."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from dotsdesk.model import Respondent, Response
from dotsdesk.services.browser.query import Coded
from dotsdesk.services.coding import codebook
from dotsdesk.services.coding import segments as coding
from dotsdesk.services.consent.events import ConsentStatus, current_consents
from dotsdesk.services.corpus import respondents, responses, search
from dotsdesk.ui.browser.model import HITS_ROLE, RESPONSE_ID_ROLE
from dotsdesk.ui.browser.panel import ResponseBrowser
from dotsdesk.ui.context import ProjectContext, TextSelection


@pytest.fixture
def browser(qtbot: QtBot, ctx: ProjectContext) -> Iterator[ResponseBrowser]:
    widget = ResponseBrowser(ctx)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


# -- helpers -------------------------------------------------------------------------------


def column(browser: ResponseBrowser, title: str) -> int:
    model = browser.model
    titles = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    return titles.index(title)


def cells(browser: ResponseBrowser, title: str) -> list[str]:
    model, c = browser.model, column(browser, title)
    return [model.index(r, c).data() for r in range(model.rowCount())]


def listed(browser: ResponseBrowser) -> list[int]:
    model = browser.model
    return [model.index(r, 0).data(RESPONSE_ID_ROLE) for r in range(model.rowCount())]


def find_action(menu: QMenu, data: object) -> QAction:
    """The entry with this data, opening (filling) submenus on the way as a user would."""
    menu.aboutToShow.emit()
    for action in menu.actions():
        if data is not None and action.data() == data:
            return action
        sub = action.menu()
        if isinstance(sub, QMenu):
            try:
                return find_action(sub, data)
            except LookupError:
                pass
    raise LookupError(data)


def tick(browser: ResponseBrowser, data: object) -> None:
    find_action(browser.filter_menu, data).trigger()


def responses_of(ctx: ProjectContext, test: Callable[[Session, Respondent], bool]) -> list[int]:
    """Ids of the responses of respondents passing `test`, worked out directly."""
    with ctx.read() as s:
        people = s.scalars(select(Respondent)).all()
        return sorted(r.id for p in people if test(s, p) for r in p.responses)


def all_segments(ctx: ProjectContext) -> list[coding.SegmentView]:
    with ctx.read() as s:
        ids = s.scalars(select(Response.id)).all()
        return [seg for rid in ids for seg in coding.segments_of(s, rid)]


def code_id(ctx: ProjectContext, path: str) -> int:
    with ctx.read() as s:
        return codebook.find_code(s, path).id


def add_uncoded(ctx: ProjectContext, key: str, text: str, language: str = "en") -> int:
    def action(s: Session) -> int:
        person = respondents.add_respondent(s, key)
        return responses.add_response(s, person.id, text, language=language).id

    rid = ctx.run(f"Add {key}", action)
    assert rid is not None
    return rid


def text_of(ctx: ProjectContext, response_id: int) -> str:
    with ctx.read() as s:
        return responses.get_response(s, response_id).text


def search_for(qtbot: QtBot, browser: ResponseBrowser, words: str) -> None:
    """Type into the search field (Chinese arrives as an input method's commit, as it does
    from a real IME); the search runs when typing pauses."""
    field = browser.search_field
    field.setFocus()
    with qtbot.waitSignal(browser.searchTermsChanged, timeout=2000):
        if words.isascii():
            qtbot.keyClicks(field, words)
        else:
            commit = QInputMethodEvent()
            commit.setCommitString(words)
            QApplication.sendEvent(field, commit)


# -- listing and filtering -----------------------------------------------------------------


def test_lists_every_response_with_its_columns(browser: ResponseBrowser) -> None:
    assert browser.objectName() == "responseBrowserPanel"
    assert browser.hit_count.text() == "36 responses"
    assert browser.model.rowCount() == 36
    titles = {browser.model.headerData(i, Qt.Orientation.Horizontal) for i in range(7)}
    fixed = {"Respondent", "Question", "Language", "Length", "Segments", "Consent", "Preview"}
    assert titles == fixed
    assert cells(browser, "Respondent")[:2] == ["P01", "P02"]
    assert {"granted", "pending", "declined"} <= set(cells(browser, "Consent"))
    assert cells(browser, "Preview")[0].startswith("We read papers")
    assert browser.model.fetched_pages() == [0]  # only the page the view showed


def test_filter_by_attribute_value(browser: ResponseBrowser, ctx: ProjectContext) -> None:
    def phd(s: Session, person: Respondent) -> bool:
        return respondents.attribute_table_for(s, person.id).get("Degree") == "PhD"

    tick(browser, ("attribute", "Degree", "PhD"))
    assert listed(browser) == responses_of(ctx, phd)
    assert browser.hit_count.text() == f"{len(responses_of(ctx, phd))} responses"
    assert browser.filter_button.text() == "Filters (1)"
    assert "Degree: PhD" in browser.filter_button.toolTip()
    tick(browser, ("attribute", "Degree", "PhD"))  # ticking again removes it
    assert browser.model.rowCount() == 36
    assert not browser.clear_button.isEnabled()


def test_filter_by_code_present_and_absent(browser: ResponseBrowser, ctx: ProjectContext) -> None:
    research, role = code_id(ctx, "Role/Research"), code_id(ctx, "Role")
    segments = all_segments(ctx)
    tick(browser, ("has", research))
    assert listed(browser) == sorted({s.response_id for s in segments if research in s.code_ids})
    browser.clear_button.click()
    assert browser.model.rowCount() == 36
    tick(browser, ("lacks", role))  # Role itself: all its children count
    with ctx.read() as s:
        roles = set(codebook.descendant_ids(s, role))
    with_role = {seg.response_id for seg in segments if roles & set(seg.code_ids)}
    assert set(listed(browser)) == set(range(1, 37)) - with_role
    assert "lacks Role" in browser.filter_button.toolTip()


def test_filter_by_consent_and_language(browser: ResponseBrowser, ctx: ProjectContext) -> None:
    with ctx.read() as s:
        consents = current_consents(s)
    pending = responses_of(ctx, lambda _s, p: consents[p.id].status is ConsentStatus.PENDING)
    tick(browser, ("consent", ConsentStatus.PENDING))
    assert listed(browser) == pending
    assert set(cells(browser, "Consent")) == {"pending"}
    browser.clear_filters()
    tick(browser, ("language", "zh"))
    assert set(cells(browser, "Language")) == {"zh"}
    assert browser.hit_count.text() == "5 responses"


def test_filter_coded_or_uncoded(browser: ResponseBrowser, ctx: ProjectContext) -> None:
    new = add_uncoded(ctx, "late", "An answer nobody has coded yet.")
    browser.flush_refresh()
    assert browser.hit_count.text() == "37 responses"  # refreshed by dataChanged
    tick(browser, ("coded", Coded.UNCODED))
    assert listed(browser) == [new]
    assert browser.hit_count.text() == "1 response"
    tick(browser, ("coded", Coded.CODED))
    assert new not in listed(browser)
    assert browser.model.rowCount() == 36
    browser.clear_button.click()
    assert browser.model.rowCount() == 37


def test_search_an_english_word(
    qtbot: QtBot, browser: ResponseBrowser, ctx: ProjectContext
) -> None:
    with ctx.read() as s:
        expected = search.search(s, "production").response_ids
    search_for(qtbot, browser, "production")
    assert browser.search_terms() == ("production",)
    assert listed(browser) == expected
    assert browser.hit_count.text() == f"{len(expected)} responses"
    preview = column(browser, "Preview")
    for row in range(browser.model.rowCount()):
        index = browser.model.index(row, preview)
        hits = index.data(HITS_ROLE)
        assert hits, index.data()
        start, end = hits[0]
        assert index.data()[start:end].lower() == "production"  # no astral characters here


def test_search_a_chinese_word(qtbot: QtBot, browser: ResponseBrowser) -> None:
    with qtbot.waitSignal(browser.searchTermsChanged) as signal:
        search_for(qtbot, browser, "上线")
    assert signal.args == [("上线",)]
    assert browser.hit_count.text() == "4 responses"
    assert cells(browser, "Respondent") == ["P12", "P18", "P21", "P27"]
    index = browser.model.index(0, column(browser, "Preview"))
    start, end = index.data(HITS_ROLE)[0]
    assert index.data()[start:end] == "上线"
    browser.search_field.clear()
    qtbot.keyClick(browser.search_field, Qt.Key.Key_Return)
    assert browser.search_terms() == ()
    assert browser.model.rowCount() == 36


def test_hits_are_utf16_positions_after_emoji(
    qtbot: QtBot, browser: ResponseBrowser, ctx: ProjectContext
) -> None:
    text = "🚀🇨🇳 e\u0301cole: we ship to production 👩‍💻 daily, production!"
    add_uncoded(ctx, "emoji", text)
    search_for(qtbot, browser, "production")
    row = browser.model.row_of(max(listed(browser)))
    assert row is not None
    index = browser.model.index(row, column(browser, "Preview"))
    shown = index.data()
    assert shown == text
    units = shown.encode("utf-16-le")
    for start, end in index.data(HITS_ROLE):
        assert units[2 * start : 2 * end].decode("utf-16-le") == "production"


def test_sort_by_clicking_the_length_header(
    qtbot: QtBot, browser: ResponseBrowser, ctx: ProjectContext
) -> None:
    header = browser.table.horizontalHeader()
    section = column(browser, "Length")
    where = QPoint(header.sectionViewportPosition(section) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    lengths = [int(v) for v in cells(browser, "Length")]
    assert lengths == sorted(lengths)
    assert lengths == sorted(len(text_of(ctx, rid)) for rid in listed(browser))
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    lengths = [int(v) for v in cells(browser, "Length")]
    assert lengths == sorted(lengths, reverse=True)
    assert header.sortIndicatorSection() == section
    assert browser.model.rowCount() == 36


def test_next_and_previous_uncoded(
    qtbot: QtBot, browser: ResponseBrowser, ctx: ProjectContext
) -> None:
    first = add_uncoded(ctx, "u1", "Still uncoded, one.")
    browser.flush_refresh()
    second = add_uncoded(ctx, "u2", "Still uncoded, two.")
    browser.flush_refresh()
    browser.table.selectRow(0)
    assert browser.next_uncoded_action.shortcut().toString() == "Ctrl+]"
    assert browser.previous_uncoded_action.shortcut().toString() == "Ctrl+["
    with qtbot.waitSignal(ctx.responseActivated) as shown:
        qtbot.keyClick(browser.table, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert shown.args == [first]
    assert browser.current_response_id() == first
    browser.next_uncoded_action.trigger()
    assert browser.current_response_id() == second
    with qtbot.waitSignal(ctx.status) as told:
        browser.next_uncoded_action.trigger()
    assert "No uncoded response after" in told.args[0]
    assert browser.current_response_id() == second
    browser.previous_uncoded_action.trigger()
    assert browser.current_response_id() == first


def test_selecting_a_row_activates_its_response(
    qtbot: QtBot, browser: ResponseBrowser, ctx: ProjectContext
) -> None:
    rect = browser.table.visualRect(browser.model.index(3, 0))
    with qtbot.waitSignal(ctx.responseActivated) as shown:
        qtbot.mouseClick(browser.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.args == [listed(browser)[3]]
    assert ctx.current_response == listed(browser)[3]


def test_follows_a_response_shown_elsewhere(
    qtbot: QtBot, browser: ResponseBrowser, ctx: ProjectContext
) -> None:
    target = listed(browser)[20]
    with qtbot.waitSignal(ctx.responseActivated):  # only the one emitted here
        ctx.responseActivated.emit(target)
    assert browser.current_response_id() == target


def test_refresh_keeps_the_selection(
    qtbot: QtBot, browser: ResponseBrowser, ctx: ProjectContext
) -> None:
    target = listed(browser)[5]
    browser.select_response(target)
    before = int(cells(browser, "Segments")[5])
    with qtbot.assertNotEmitted(ctx.responseActivated):
        ctx.apply_codes([code_id(ctx, "Theme/Interview")], TextSelection(target, 0, 4))
        browser.flush_refresh()
    assert browser.current_response_id() == target
    assert int(cells(browser, "Segments")[5]) == before + 1
    assert browser.table.selectionModel().isRowSelected(5)


def test_coding_reads_again_only_the_coded_responses_row(
    browser: ResponseBrowser, ctx: ProjectContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Coding says which response it touched: when nothing the list is chosen or ordered
    by depends on codes, that row alone is read again, not the ids and pages of them all;
    with a code filter the whole list is asked again."""
    target = listed(browser)[5]
    before = cells(browser, "Segments")
    queries: list[object] = []
    monkeypatch.setattr(
        browser.data,
        "matching_ids",
        lambda q, real=browser.data.matching_ids: queries.append(q) or real(q),
    )
    ctx.apply_codes([code_id(ctx, "Theme/Interview")], TextSelection(target, 0, 4))
    browser.flush_refresh()
    after = cells(browser, "Segments")
    assert int(after[5]) == int(before[5]) + 1
    assert after[:5] + after[6:] == before[:5] + before[6:] and queries == []
    ctx.undo_stack.undo()
    browser.flush_refresh()
    assert cells(browser, "Segments") == before and queries == []
    tick(browser, ("coded", Coded.CODED))
    queries.clear()
    ctx.undo_stack.redo()
    browser.flush_refresh()
    assert len(queries) == 1


def test_coding_an_uncoded_response_keeps_it_listed(
    qtbot: QtBot, browser: ResponseBrowser, ctx: ProjectContext
) -> None:
    new = add_uncoded(ctx, "fresh", "Nobody coded this answer.")
    browser.flush_refresh()
    tick(browser, ("coded", Coded.UNCODED))
    browser.select_response(new)
    ctx.apply_codes([code_id(ctx, "Theme/Interview")], TextSelection(new, 0, 6))
    browser.flush_refresh()
    assert listed(browser) == [new]  # still there, so the coder keeps their place
    assert browser.current_response_id() == new
    assert browser.hit_count.text() == "0 responses (+1 kept)"
    browser.refresh()  # any later re-query drops it
    assert listed(browser) == []


def test_attribute_columns(browser: ResponseBrowser, ctx: ProjectContext) -> None:
    target = listed(browser)[2]
    browser.select_response(target)
    find_action(browser.columns_menu, ("attribute", "Degree")).trigger()
    assert browser.attribute_columns() == ["Degree"]
    with ctx.read() as s:
        person = s.get(Response, target).respondent_id
        degree = respondents.attribute_table_for(s, person)["Degree"]
    assert cells(browser, "Degree")[2] == degree
    assert browser.current_response_id() == target
    find_action(browser.columns_menu, ("fixed", "question")).trigger()
    assert browser.table.isColumnHidden(column(browser, "Question"))


def test_project_closed_and_reopened(browser: ResponseBrowser, ctx: ProjectContext) -> None:
    tick(browser, ("language", "zh"))
    assert ctx.project is not None
    path = ctx.project.path
    ctx.close()
    assert browser.model.rowCount() == 0
    assert not browser.next_uncoded_action.isEnabled()
    ctx.open(path)
    assert browser.model.rowCount() == 36
    assert not browser.query().filtered


# -- the survey grid -----------------------------------------------------------------------


def test_grid_cell_selection_shows_the_answer(
    qtbot: QtBot, browser: ResponseBrowser, ctx: ProjectContext
) -> None:
    browser.grid_action.trigger()
    grid = browser.grid
    assert browser.stack.currentWidget() is grid
    model = grid.grid_model
    assert model.rowCount() == 30
    assert model.headerData(1, Qt.Orientation.Horizontal).startswith("Do you write production")
    index = model.index(4, 2)  # P05's second answer
    rid = index.data(RESPONSE_ID_ROLE)
    assert rid is not None
    seen: list[object] = []
    ctx.responseActivated.connect(seen.append)
    ctx.selectionChanged.connect(seen.append)
    rect = grid.visualRect(index)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert seen == [rid, TextSelection(rid, 0, len(text_of(ctx, rid)))]
    whole = TextSelection(rid, 0, len(text_of(ctx, rid)))
    assert ctx.selection == whole
    assert "white-space" in index.data(Qt.ItemDataRole.ToolTipRole)
    browser.list_action.trigger()
    assert ctx.selection is None  # the cell is no longer what is selected


def test_coding_a_grid_cell_codes_the_whole_answer(
    browser: ResponseBrowser, ctx: ProjectContext
) -> None:
    browser.show_grid(True)
    grid = browser.grid
    index = grid.grid_model.index(0, 1)
    grid.setCurrentIndex(index)
    rid = index.data(RESPONSE_ID_ROLE)
    text = text_of(ctx, rid)
    interview = code_id(ctx, "Theme/Interview")
    # A code's shortcut elsewhere applies to the current selection: the whole cell.
    segment = ctx.apply_codes([interview])
    with ctx.read() as s:
        made = [seg for seg in coding.segments_of(s, rid) if seg.id == segment]
    assert made and (made[0].start, made[0].end) == (0, len(text))
    assert made[0].text == text and interview in made[0].code_ids
    # The cell's own menu does the same with any code.
    menu = grid.context_menu(index)
    assert menu is not None
    collaboration = code_id(ctx, "Theme/Collaboration")
    find_action(menu, collaboration).trigger()
    with ctx.read() as s:
        mine = [seg for seg in coding.segments_of(s, rid) if seg.id == segment]
    assert {interview, collaboration} <= set(mine[0].code_ids)  # same span, same coder
    assert grid.current_response_id() == rid  # still on the cell after the refresh


def test_grid_follows_the_filters(browser: ResponseBrowser) -> None:
    tick(browser, ("language", "zh"))
    browser.show_grid(True)
    labels = [
        browser.grid.grid_model.index(r, 0).data()
        for r in range(browser.grid.grid_model.rowCount())
    ]
    assert labels == ["P12", "P14", "P18", "P21", "P27"]


def test_only_the_pages_shown_are_fetched(
    qtbot: QtBot, browser: ResponseBrowser, ctx: ProjectContext
) -> None:
    def many(s: Session) -> None:
        person = respondents.add_respondent(s, "prolific")
        for i in range(1200):
            responses.add_response(s, person.id, f"Answer number {i}.", language="en")

    ctx.run("Add many", many)
    browser.flush_refresh()
    model = browser.model
    assert model.rowCount() == 1236
    qtbot.waitUntil(lambda: model.fetched_pages() == [0])  # fetched when painted
    browser.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.fetched_pages() == [0, 6])  # 1236 // 200 == 6
    assert cells(browser, "Preview")[-1] == "Answer number 1199."  # reads every page: test only


def test_unrelated_changes_do_not_requery(
    qtbot: QtBot, browser: ResponseBrowser, ctx: ProjectContext
) -> None:
    model = browser.model
    with qtbot.assertNotEmitted(model.modelReset), qtbot.assertNotEmitted(model.dataChanged):
        ctx.dataChanged.emit(frozenset({"memo", "post"}))
        browser.flush_refresh()
    assert browser.model.fetched_pages() == [0]
