"""The filter menu: attribute values, codes present or absent, consent, language, coded.

It is rebuilt each time it opens from the project's current choices, so new codes and
attribute values appear without any refresh bookkeeping. Each tick replaces the browser's
query; the browser re-queries the ids.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import partial
from typing import Protocol, TypeVar

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from ...services.browser.query import NO_VALUE, BrowseQuery, CodeChoice, Coded, FilterChoices
from ..consent_words import status_text
from ..i18n import arg
from .menus import StayOpen, add_code_tree, clear_menu, swatch

MAX_VALUES = 60  # more distinct values than this: the most frequent are listed
T = TypeVar("T")


class FilterSource(Protocol):
    def query(self) -> BrowseQuery: ...
    def set_query(self, query: BrowseQuery) -> None: ...
    def filter_choices(self) -> FilterChoices | None: ...
    def codes(self) -> list[CodeChoice]: ...
    def clear_filters(self) -> None: ...


def toggled(values: frozenset[T], value: T, on: bool) -> frozenset[T]:
    return values | {value} if on else values - {value}


def describe(
    query: BrowseQuery, code_names: Mapping[int, str], set_names: Mapping[int, str] | None = None
) -> list[str]:
    """The active filters in words, for the button's tooltip."""
    comma = FilterMenu.tr(", ")
    named = set_names or {}
    no_value = FilterMenu.tr("(no value)")
    parts = [
        arg(FilterMenu.tr("%1: %2"), name, comma.join(sorted(v or no_value for v in values)))
        for name, values in sorted(query.attributes.items())
        if values
    ]
    parts += [arg(FilterMenu.tr("has %1"), code_names.get(c, c)) for c in sorted(query.has_codes)]
    parts += [
        arg(FilterMenu.tr("lacks %1"), code_names.get(c, c)) for c in sorted(query.lacks_codes)
    ]
    if query.consent:
        statuses = comma.join(sorted(status_text(s) for s in query.consent))
        parts.append(arg(FilterMenu.tr("consent: %1"), statuses))
    if query.languages:
        parts.append(arg(FilterMenu.tr("language: %1"), comma.join(sorted(query.languages))))
    if query.sets:
        chosen = comma.join(sorted(named.get(i, str(i)) for i in query.sets))
        parts.append(arg(FilterMenu.tr("in set: %1"), chosen))
    if query.coded is Coded.CODED:
        parts.append(FilterMenu.tr("coded"))
    elif query.coded is Coded.UNCODED:
        parts.append(FilterMenu.tr("uncoded"))
    return parts


class FilterMenu(QMenu):
    def __init__(self, source: FilterSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Filters"))
        self.setObjectName("browserFilterMenu")
        self._source = source
        self._stay_open = StayOpen(self)
        self.installEventFilter(self._stay_open)
        self.aboutToShow.connect(self.rebuild)

    def _submenu(self, title: str, name: str) -> QMenu:
        menu = self.addMenu(title)
        menu.setObjectName(name)
        menu.installEventFilter(self._stay_open)
        return menu

    def _check(self, menu: QMenu, text: str, on: bool, slot: Callable[[bool], None]) -> QAction:
        action = menu.addAction(text)
        action.setCheckable(True)
        action.setChecked(on)
        action.toggled.connect(slot)
        return action

    def rebuild(self) -> None:
        """Fill the menu from the current choices and query (also before a test reads it)."""
        clear_menu(self)
        choices = self._source.filter_choices()
        if choices is None:
            self.addAction(self.tr("No project open")).setEnabled(False)
            return
        query = self._source.query()
        self._attributes(choices, query)
        self._codes(query)
        consent = self._submenu(self.tr("Consent"), "browserFilterConsent")
        counted = self.tr("%1  (%2)")
        for status, n in choices.statuses.items():
            on = status in query.consent
            slot = partial(self._toggle, "consent", status)
            text = arg(counted, status_text(status), n)
            self._check(consent, text, on, slot).setData(("consent", status))
        languages = self._submenu(self.tr("Language"), "browserFilterLanguage")
        for language, n in choices.languages.items():
            on = language in query.languages
            slot = partial(self._toggle, "languages", language)
            text = arg(counted, language, n)
            self._check(languages, text, on, slot).setData(("language", language))
        self._coded(query)
        self._sets(choices, query)
        self.addSeparator()
        clear = self.addAction(self.tr("Clear filters"), self._source.clear_filters)
        clear.setObjectName("browserClearFiltersAction")
        clear.setEnabled(query.filtered)

    def _attributes(self, choices: FilterChoices, query: BrowseQuery) -> None:
        top = self._submenu(self.tr("Attributes"), "browserFilterAttributes")
        if not choices.attributes:
            top.addAction(self.tr("No attributes")).setEnabled(False)
        for name, values in choices.attributes.items():
            chosen = query.attributes.get(name, frozenset())
            menu = top.addMenu(arg(self.tr("%1 (%2)"), name, len(chosen)) if chosen else name)
            menu.installEventFilter(self._stay_open)
            shown = values
            if len(values) > MAX_VALUES:
                common = sorted(values, key=lambda v: -values[v])[:MAX_VALUES]
                shown = {v: values[v] for v in values if v in common}
            for value, n in [*shown.items(), (NO_VALUE, None)]:
                label = (
                    arg(self.tr("%1  (%2)"), value, n) if n is not None else self.tr("(no value)")
                )
                slot = partial(self._set_attribute, name, value)
                action = self._check(menu, label, value in chosen, slot)
                action.setData(("attribute", name, value))
            if len(values) > len(shown):
                rarer = menu.addAction(
                    self.tr("%n rarer value(s) not listed", "", len(values) - len(shown))
                )
                rarer.setEnabled(False)

    def _codes(self, query: BrowseQuery) -> None:
        """Filled when opened: a codebook of hundreds of codes costs nothing until then."""
        for kind, title in (("has", self.tr("Has code")), ("lacks", self.tr("Lacks code"))):
            menu = self._submenu(title, f"browserFilter{kind.title()}")
            menu.aboutToShow.connect(partial(self.fill_codes, menu, kind))
            chosen = query.has_codes if kind == "has" else query.lacks_codes
            if chosen:
                menu.setTitle(arg(self.tr("%1 (%2)"), title, len(chosen)))

    def fill_codes(self, menu: QMenu, kind: str) -> None:
        clear_menu(menu)
        query = self._source.query()
        chosen = query.has_codes if kind == "has" else query.lacks_codes
        codes = self._source.codes()
        any_of = self.tr("{name} (any)")
        add_code_tree(menu, codes, partial(self._add_code, kind, chosen), any_of)

    def _add_code(
        self, kind: str, chosen: frozenset[int], menu: QMenu, code: CodeChoice, text: str
    ) -> None:
        menu.installEventFilter(self._stay_open)
        slot = partial(self._set_code, kind, code.id)
        action = self._check(menu, text, code.id in chosen, slot)
        action.setIcon(swatch(code.colour))
        action.setData((kind, code.id))

    def _coded(self, query: BrowseQuery) -> None:
        menu = self._submenu(self.tr("Coding"), "browserFilterCoded")
        group = QActionGroup(menu)
        for state, text in (
            (Coded.ANY, self.tr("Coded or not")),
            (Coded.CODED, self.tr("Coded")),
            (Coded.UNCODED, self.tr("Uncoded")),
        ):
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(query.coded is state)
            action.setData(("coded", state))
            action.triggered.connect(partial(self._set_coded, state))
            group.addAction(action)

    def _sets(self, choices: FilterChoices, query: BrowseQuery) -> None:
        """Sets as populations: a response is listed if it is in any set ticked."""
        title = self.tr("Sets")
        if query.sets:
            title = arg(self.tr("%1 (%2)"), title, len(query.sets))
        menu = self._submenu(title, "browserFilterSets")
        if not choices.sets:
            menu.addAction(self.tr("No sets yet")).setEnabled(False)
        for set_id, name, n in choices.sets:
            slot = partial(self._toggle, "sets", set_id)
            text = arg(self.tr("%1  (%2)"), name, n)
            self._check(menu, text, set_id in query.sets, slot).setData(("set", set_id))

    # -- changing the query ---------------------------------------------------------------
    def _set(self, **changes: object) -> None:
        self._source.set_query(replace(self._source.query(), **changes))  # type: ignore[arg-type]

    def _toggle(self, field: str, value: object, on: bool) -> None:
        self._set(**{field: toggled(getattr(self._source.query(), field), value, on)})

    def _set_coded(self, state: Coded, _checked: bool = False) -> None:
        self._set(coded=state)

    def _set_attribute(self, name: str, value: str, on: bool) -> None:
        attributes = dict(self._source.query().attributes)
        attributes[name] = toggled(attributes.get(name, frozenset()), value, on)
        self._set(attributes={k: v for k, v in attributes.items() if v})

    def _set_code(self, kind: str, code_id: int, on: bool) -> None:
        query = self._source.query()
        codes = query.has_codes if kind == "has" else query.lacks_codes
        codes = codes | {code_id} if on else codes - {code_id}
        self._set(**{f"{kind}_codes": codes})
