"""Charts in the Word reports: drawn by matplotlib (Agg) to PNG in memory, added as pictures
with a caption that gives every base (n). Counts only, never a quote: a shareable report may
hold them."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from docx.document import Document as DocxDocument
from docx.shared import Inches
from sqlalchemy.orm import Session

from ...services.analysis.codes import CodeNode
from ...services.analysis.crosstab import ALL_VALUES, crosstab
from ...services.analysis.frequencies import CodeFrequency
from ...services.analysis.population import ALL, Population
from ..charts import bar_height, draw_bars, draw_grouped_bars, png
from .report import xml_text

WIDTH = 6.3  # inches: the text width of an A4 or Letter page with default margins
MOST_BARS = 25
MOST_SERIES = 12  # codes in one code-by-attribute chart
MOST_CHARTS = 8  # code-by-attribute charts per attribute


def picture(doc: DocxDocument, image: bytes, caption: str, width: float = WIDTH) -> None:
    import io

    doc.add_picture(io.BytesIO(image), width=Inches(width))
    doc.add_paragraph(xml_text(caption), style="Caption")


def frequency_figure(doc: DocxDocument, rows: Sequence[CodeFrequency]) -> bool:
    """Respondents per code (with sub-codes): every code of a small codebook in its order,
    else the codes with the most respondents. False when nothing is coded."""
    used = [r for r in rows if r.respondents_with_subcodes]
    if not used:
        return False
    if len(used) > MOST_BARS:
        shown = sorted(used, key=lambda r: -r.respondents_with_subcodes)[:MOST_BARS]
        which = f"the {MOST_BARS} codes with the most respondents, of {len(used)} used"
    else:
        shown, which = used, "every code used"
    base = rows[0].base
    image = png(
        draw_bars,
        "Respondents per code (with its sub-codes)",
        [r.code for r in shown],
        [r.respondents_with_subcodes for r in shown],
        [r.colour for r in shown],
        f"respondents (of {base})",
        size=(WIDTH, bar_height(len(shown))),
    )
    picture(doc, image, f"Figure: respondents per code, {which}; base n = {base} respondents.")
    return True


def attribute_figures(
    doc: DocxDocument,
    session: Session,
    attribute: str,
    population: Population = ALL,
    code_ids: Collection[int] | None = None,
) -> int:
    """For each code with sub-codes (Role: Research, Engineering, Hybrid), the share of the
    respondents with each value of `attribute` who have each sub-code; returns the number
    of charts. A codebook without sub-codes gets one chart of its codes."""
    table = crosstab(session, attribute, population, code_ids=code_ids)
    by_parent: dict[int | None, list[CodeNode]] = {}
    for node in table.codes:
        by_parent.setdefault(node.parent_id, []).append(node)
    rows = {n.id for n in table.codes}
    groups = [
        (parent, kids)
        for parent, kids in by_parent.items()
        if parent in rows and 1 < len(kids) <= MOST_SERIES
    ]
    if not groups:  # no parent with a few sub-codes: the top-level codes, the most used
        top = [n for n in table.codes if n.parent_id not in rows]
        top.sort(key=lambda n: -table.cell(n.id, ALL_VALUES).row_base)
        groups = [(None, top[:MOST_SERIES])] if top else []
    paths = {n.id: n.path for n in table.codes}
    values = [*table.values, ALL_VALUES]
    labels = [f"{_wrapped(v)}\n(n={table.column_bases[v]})" for v in values]
    for parent, kids in groups[:MOST_CHARTS]:
        series = [
            (kid.name, [table.cell(kid.id, v).percent_of_column for v in values], kid.colour)
            for kid in kids
        ]
        if parent is not None:
            title = f"{paths[parent]} by {attribute}"
        elif len(kids) < len([n for n in table.codes if n.parent_id not in rows]):
            title = f"The {len(kids)} top-level codes with the most respondents by {attribute}"
        else:
            title = f"Top-level codes by {attribute}"
        image = png(
            draw_grouped_bars, title, labels, series, "% of the respondents with the value",
            size=(WIDTH, 3.6),
        )  # fmt: skip
        note = "; a respondent counts under each choice" if table.multiple else ""
        picture(
            doc,
            image,
            f"Figure: {title}: the share of the respondents with each value who have each "
            f"code; n under each value, {table.total} respondents in all{note}.",
        )
    return min(len(groups), MOST_CHARTS)


def _wrapped(value: str) -> str:
    """A long value on a few lines (at spaces), so the axis needs no slanted labels."""
    import textwrap

    return "\n".join(textwrap.wrap(value, 16, max_lines=3, placeholder="…")) or value
