"""Codes > Search and Code…: find words or a regular expression (English and Chinese) in all
responses or the browser's filter, preview every hit with the words it would code (the match,
its sentence, paragraph, the speaker's turn or the whole response) and the counts, then code
them all as one undo step. Hits in the interviewer's turns are skipped and counted."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from ..errors import DotsError
from ..model import Response
from ..services.coding.autocode import (
    AutocodeReport,
    Hit,
    HitPreview,
    Unit,
    autocode,
    compile_pattern,
    find_hits,
)
from ..services.coding.codebook import list_codes
from .context import ProjectContext
from .i18n import arg
from .retrieve.model import HTML_ROLE
from .retrieve.widgets import RichTextDelegate

Index = QModelIndex | QPersistentModelIndex
AROUND = 120  # code points of the unit shown on each side of the match
_COLUMNS = (
    QT_TRANSLATE_NOOP("HitsModel", "Respondent"),
    QT_TRANSLATE_NOOP("HitsModel", "What would be coded"),
)


class HitsModel(QAbstractTableModel):
    """The preview's hits; each shows the span it codes, the words found in bold."""

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[Hit] = []
        self.texts: dict[int, str] = {}

    def set_hits(self, hits: Sequence[Hit], texts: dict[int, str]) -> None:
        self.beginResetModel()
        self.hits, self.texts = list(hits), texts
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("HitsModel", _COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if index.column() == 0:
            return hit.respondent if role == Qt.ItemDataRole.DisplayRole else None
        if role not in (HTML_ROLE, Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        text = self.texts.get(hit.response_id, "")
        lo, hi = max(hit.start, hit.match_start - AROUND), min(hit.end, hit.match_end + AROUND)
        before, found, after = (
            text[lo : hit.match_start],
            text[hit.match_start : hit.match_end],
            text[hit.match_end : hi],
        )
        head, tail = ("…" if lo > hit.start else ""), ("…" if hi < hit.end else "")
        if role != HTML_ROLE:
            return head + before + found + after + tail
        return (
            head
            + html.escape(before)
            + '<b style="background-color:#fff0a0">'
            + html.escape(found)
            + "</b>"
            + html.escape(after)
            + tail
        ).replace("\n", "<br/>")


class SearchCodeDialog(QDialog):
    def __init__(
        self,
        ctx: ProjectContext,
        filtered: Callable[[], list[int] | None],
        parent: QWidget | None = None,
    ) -> None:
        """`filtered`: the browser's current filter as response ids (None: no filter)."""
        super().__init__(parent)
        self.setObjectName("searchCodeDialog")
        self.setWindowTitle(self.tr("Search and Code"))
        self.resize(820, 600)
        self.ctx = ctx
        self._filtered = filtered
        self.preview: HitPreview | None = None
        self.report: AutocodeReport | None = None
        self.pattern = QLineEdit(objectName="searchPattern")
        self.pattern.setPlaceholderText(self.tr("words, e.g. interview 面试"))
        self.regex = QCheckBox(self.tr("Regular expression"), objectName="searchRegex")
        self.case = QCheckBox(self.tr("Match case"), objectName="searchCase")
        self.unit = QComboBox(objectName="searchUnit")
        for text, unit in (
            (self.tr("The words found"), Unit.MATCH),
            (self.tr("Their sentence"), Unit.SENTENCE),
            (self.tr("Their paragraph"), Unit.PARAGRAPH),
            (self.tr("The speaker's turn"), Unit.TURN),
            (self.tr("The whole response"), Unit.RESPONSE),
        ):
            self.unit.addItem(text, unit.value)
        self.scope = QComboBox(objectName="searchScope")
        self.scope.addItem(self.tr("All responses"), "all")
        self.scope.addItem(self.tr("The browser's current filter"), "filter")
        self.code = QComboBox(objectName="searchCode")
        self.code.setEditable(True)
        self.code.lineEdit().setPlaceholderText(self.tr("a code, or a new path such as Theme/Cost"))
        self.counts = QLabel(objectName="searchCounts")
        self.counts.setWordWrap(True)
        self.model = HitsModel()
        self.table = QTableView(objectName="searchHits")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(1, RichTextDelegate(self.table))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview_button = QPushButton(self.tr("Preview"), objectName="searchPreview")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.apply_button = self.buttons.addButton(
            self.tr("Code the hits"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.apply_button.setObjectName("searchApply")
        self.apply_button.setEnabled(False)
        self._build()
        self._fill_codes()

    def _build(self) -> None:
        options = QHBoxLayout()
        options.addWidget(self.regex)
        options.addWidget(self.case)
        options.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Find:"), self.pattern)
        form.addRow("", options)
        form.addRow(self.tr("Unit to code:"), self.unit)
        form.addRow(self.tr("In:"), self.scope)
        form.addRow(self.tr("With the code:"), self.code)
        row = QHBoxLayout()
        row.addWidget(self.counts, 1)
        row.addWidget(self.preview_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.preview_button.clicked.connect(self.show_preview)
        self.pattern.returnPressed.connect(self.show_preview)
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        for box in (self.regex, self.case):
            box.toggled.connect(self._changed)
        for combo in (self.unit, self.scope):
            combo.currentIndexChanged.connect(self._changed)
        self.pattern.textEdited.connect(self._changed)
        self.table.doubleClicked.connect(self._jump)

    def _fill_codes(self) -> None:
        with self.ctx.read() as s:
            paths = [c.path for c in list_codes(s, respondents=False)]
        self.code.addItems(paths)
        self.code.setCurrentIndex(-1)

    def _changed(self, *_args: object) -> None:
        """What the preview showed is not what would be coded any more."""
        self.apply_button.setEnabled(False)

    def _response_ids(self) -> list[int] | None:
        return self._filtered() if self.scope.currentData() == "filter" else None

    # -- preview and apply ----------------------------------------------------------------
    def show_preview(self) -> HitPreview | None:
        try:
            regex = compile_pattern(
                self.pattern.text(),
                ignore_case=not self.case.isChecked(),
                regex=self.regex.isChecked(),
            )
        except DotsError as exc:
            self.counts.setText(str(exc))
            self.model.set_hits([], {})
            self.apply_button.setEnabled(False)
            return None
        with self.ctx.read() as s:
            found = find_hits(
                s, regex, Unit(self.unit.currentData()), response_ids=self._response_ids()
            )
            wanted = sorted({h.response_id for h in found.hits})
            texts: dict[int, str] = {}
            for n in range(0, len(wanted), 500):
                query = select(Response.id, Response.text).where(
                    Response.id.in_(wanted[n : n + 500])
                )
                texts.update((rid, text) for rid, text in s.execute(query))
        self.preview = found
        self.model.set_hits(found.hits, texts)
        self.counts.setText(self.counts_text(found))
        self.apply_button.setEnabled(bool(found.hits))
        return found

    def counts_text(self, found: HitPreview) -> str:
        hits = self.tr("%n hit(s)", "", len(found.hits))
        responses = self.tr("%n response(s)", "", found.responses)
        respondents = self.tr("%n respondent(s)", "", found.respondents)
        text = arg(self.tr("%1 in %2 from %3"), hits, responses, respondents)
        if found.skipped:
            text += " · " + self.tr(
                "%n hit(s) in the interviewer's or others' turns skipped", "", found.skipped
            )
        return text

    def apply(self) -> AutocodeReport | None:
        """Code what the preview showed, as one undo step (searched again in the same
        transaction, so a change since the preview cannot shift a span)."""
        path = self.code.currentText().strip()
        if not path:
            self.counts.setText(self.tr("Choose a code or type a new one"))
            return None
        if not self.ctx.ensure_coder():
            return None
        pattern, unit, ids = (
            self.pattern.text(),
            Unit(self.unit.currentData()),
            self._response_ids(),
        )
        ignore_case, regex, coder = (
            not self.case.isChecked(),
            self.regex.isChecked(),
            self.ctx.coder,
        )
        report = self.ctx.run(
            arg(self.tr("Search and code “%1” with %2"), pattern, path),
            lambda s: autocode(
                s,
                path,
                pattern,
                unit=unit,
                ignore_case=ignore_case,
                regex=regex,
                coder=coder,
                response_ids=ids,
            ),
        )
        if report is None:
            return None
        self.report = report
        made = self.tr("%n segment(s) made", "", report.segments_created)
        self.counts.setText(arg(self.tr("%1 with %2"), made, path))
        self.ctx.status.emit(self.counts.text())
        self.apply_button.setEnabled(False)
        return report

    def _jump(self, index: QModelIndex) -> None:
        if self.preview is not None and index.isValid():
            hit = self.model.hits[index.row()]
            self.ctx.responseActivated.emit(hit.response_id)
