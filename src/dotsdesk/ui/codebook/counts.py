"""The codebook tree's nodes, and how their counts follow coding: a code applied, removed,
undone or redone moves its own counts and its parents' totals with all their sub-codes.
Those totals count distinct segments and respondents, so they cannot simply be added to;
they are moved exactly by what changed in the action's few segments, knowing the coded
response's other segments (`ResponseCoding`), and counted afresh when that is not known."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.orm import Session

from ...services.coding.codebook import CodeInfo
from ...services.coding.usage import ResponseCoding, code_usage, subtree_usage
from ..context import Touched

Usage = dict[int, tuple[int, int]]  # code id -> (segments, respondents)
Counts = tuple[Usage, Usage]  # codes' own counts, and parents' with all their sub-codes


class Node:
    __slots__ = ("children", "info", "parent", "row")

    def __init__(self, info: CodeInfo | None, parent: Node | None, row: int) -> None:
        self.info = info
        self.parent = parent
        self.row = row
        self.children: list[Node] = []


def subtree_ids(node: Node) -> list[int]:
    ids = [node.info.id] if node.info is not None else []
    for child in node.children:
        ids.extend(subtree_ids(child))
    return ids


def parents_of(nodes: list[Node]) -> dict[int, Node]:
    """The codes with sub-codes among `nodes` and above them."""
    parents: dict[int, Node] = {}
    for node in nodes:
        up = node if node.children else node.parent
        while up is not None and up.info is not None:
            parents[up.info.id] = up
            up = up.parent
    return parents


class CountKeeper:
    """Remembers the last coded response's coding while every change to it is known."""

    def __init__(self) -> None:
        self._coding: ResponseCoding | None = None

    def forget(self) -> None:
        self._coding = None

    def prepare(self, s: Session, response_id: int) -> None:
        """Know this response's coding now (the counts shown are those of now)."""
        if self._coding is None or self._coding.response_id != response_id:
            self._coding = ResponseCoding.read(s, response_id)

    def after(self, s: Session, touched: Touched, nodes: Mapping[int, Node]) -> Counts:
        """The new counts of the codes `touched` names (and of any other code its segments
        had or have) and of their parents: moved with one small query when the response's
        coding is known from the last action; else counted afresh (a few queries), and
        the response's coding remembered for the next."""
        counts = self._moved(s, touched, nodes)
        if counts is None:
            found = [nodes[c] for c in touched.code_ids if c in nodes]
            subtrees = {c: subtree_ids(n) for c, n in parents_of(found).items()}
            own = code_usage(s, [n.info.id for n in found if n.info])
            counts = own, subtree_usage(s, subtrees)
            self._coding = ResponseCoding.read(s, touched.response_id)
        return counts

    def _moved(self, s: Session, touched: Touched, nodes: Mapping[int, Node]) -> Counts | None:
        coding, self._coding = self._coding, None  # kept only while it stays exact
        if coding is None or coding.response_id != touched.response_id:
            return None
        before = coding.change(s, touched.segment_ids)
        if before is None:
            return None
        after = (coding.segments.get(i, frozenset()) for i in before)
        codes = set(touched.code_ids).union(*before.values(), *after)
        found = [nodes[c] for c in codes if c in nodes]
        if len(found) < len(codes):  # a code the tree does not show yet
            return None
        own: Usage = {}
        for node in found:
            assert node.info is not None
            segments, respondents = coding.moved(before, (node.info.id,))
            own[node.info.id] = (node.info.segments + segments, node.info.respondents + respondents)
        totals: Usage = {}
        for code_id, node in parents_of(found).items():
            total = node.info.subtree if node.info else None
            if total is None:
                return None
            segments, respondents = coding.moved(before, subtree_ids(node))
            totals[code_id] = (total[0] + segments, total[1] + respondents)
        self._coding = coding
        return own, totals
