"""What one survey row says, column plan by column plan: the respondent's attributes, their
answers (responses) and their private identity, as the writer stores them.

A multiple-choice question becomes one attribute, whether the tool wrote one column per
option (a mark under each chosen one) or the chosen options in one cell with a separator;
the text written for an "other" option becomes a response of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ...model import AttributeType
from ...services.corpus.respondents import join_choices
from .columns import ColumnPlan, Role, split_choices
from .kinds import Answer
from .profiles import Layout

# Columns whose cells are choices the tool may write with a code ("A.男"): not texts typed in.
_CHOICES = frozenset({Answer.SINGLE, Answer.MULTI, Answer.MATRIX})


@dataclass(frozen=True)
class Said:
    """One answer to store: the question's text, the tool's question id, the text."""

    question: str
    question_id: str | None
    text: str


class RowValues:
    def __init__(self, plans: list[ColumnPlan], layout: Layout | None) -> None:
        self.answers = [p for p in plans if p.role is Role.RESPONSE]
        self.identity = [p for p in plans if p.role is Role.IDENTITY]
        self.groups: dict[str, list[ColumnPlan]] = {}
        for p in plans:
            if p.role is Role.ATTRIBUTE:
                self.groups.setdefault(p.attribute, []).append(p)
        self.types = {
            name: AttributeType.MULTI
            if any(p.attribute_type is AttributeType.MULTI for p in group)
            else group[0].attribute_type or AttributeType.TEXT
            for name, group in self.groups.items()
        }
        # An option column's cell that means "not chosen"; empty cells never mean chosen.
        self.unchosen = frozenset(layout.unchosen) if layout else frozenset({"0"})
        self.split_other: Callable[[str], tuple[str, str | None]] | None = (
            layout.split_other if layout else None
        )
        self.split_choices = layout.split_choices if layout else None
        self.choice_text = layout.choice_text if layout else None

    def attributes(self, row: list[str]) -> dict[str, str]:
        """Attribute name -> the value to store ("" for none)."""
        return {name: self._value(group, row) for name, group in self.groups.items()}

    def responses(self, row: list[str]) -> list[Said]:
        said = [
            Said(p.group or p.header, p.qid or None, row[p.index])
            for p in self.answers
            if row[p.index].strip()
        ]
        if self.split_other is not None:
            for group in self.groups.values():
                for p in group:
                    for text in self._others(p, row[p.index]):
                        said.append(Said(p.attribute, f"{p.qid}:other" if p.qid else None, text))
        return said

    def identity_fields(self, row: list[str]) -> dict[str, str]:
        fields: dict[str, str] = {}
        for p in self.identity:
            value = row[p.index].strip()
            if not value:
                continue
            field = p.identity_field or "other"
            if field == "other" or field in fields:
                line = f"{p.header}: {value}"
                fields["other"] = f"{fields['other']}\n{line}" if "other" in fields else line
            else:
                fields[field] = value
        return fields

    # -- one attribute -------------------------------------------------------------------------
    def _value(self, group: list[ColumnPlan], row: list[str]) -> str:
        if group[0].option is not None:  # one column per option: the marked ones are chosen
            chosen = [
                p.option or p.header
                for p in group
                if (cell := row[p.index].strip()) and cell not in self.unchosen
            ]
            return join_choices(chosen)
        p = group[0]
        cell = row[p.index].strip()
        if p.separator and self.types[p.attribute] is AttributeType.MULTI:
            return join_choices(self._choice(p, c) for c in self._split(p, cell))
        return self._choice(p, cell)

    def _split(self, p: ColumnPlan, cell: str) -> list[str]:
        """The choices in a cell; where the separator also occurs in text (", "), a run of
        choices at the end that recur nowhere else is the one text typed for "Other"."""
        assert p.separator is not None
        parts = split_choices(cell, p.separator, self.split_choices)
        if not p.choices:
            return parts
        end = len(parts)
        while end and parts[end - 1] not in p.choices:
            end -= 1
        if len(parts) - end > 1:
            parts[end:] = [p.separator.join(parts[end:])]
        return parts

    def _choice(self, p: ColumnPlan, value: str) -> str:
        if self.split_other is not None:
            value = self.split_other(value)[0]
        if self.choice_text is not None and p.answer in _CHOICES:
            value = self.choice_text(value)
        return value.strip()

    def _others(self, p: ColumnPlan, cell: str) -> list[str]:
        assert self.split_other is not None
        parts = self._split(p, cell) if p.separator else [cell]
        return [other for part in parts if (other := self.split_other(part)[1])]
