"""The drag payloads the codebook sends and accepts, in one place so the coding panel and
the composer can build and read the same bytes."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData

from ..context import TextSelection

CODE_MIME = "application/x-dotsdesk-code"  # JSON list of code ids, moved inside the tree
SELECTION_MIME = "application/x-dotsdesk-selection"  # JSON {response_id, start, end}
SEGMENT_MIME = "application/x-dotsdesk-segment"  # one segment id, as decimal ASCII


def code_ids_data(ids: list[int]) -> QMimeData:
    data = QMimeData()
    data.setData(CODE_MIME, json.dumps(ids).encode())
    return data


def code_ids(data: QMimeData) -> list[int]:
    """The dragged code ids; empty if the payload is not a list of ids."""
    try:
        ids = json.loads(bytes(data.data(CODE_MIME).data()))
    except ValueError:
        return []
    return [i for i in ids if isinstance(i, int)] if isinstance(ids, list) else []


def selection_data(selection: TextSelection) -> QMimeData:
    """A text selection of the coding panel, offsets in code points."""
    data = QMimeData()
    payload = {"response_id": selection.response_id, "start": selection.start, "end": selection.end}
    data.setData(SELECTION_MIME, json.dumps(payload).encode())
    return data


def selection(data: QMimeData) -> TextSelection | None:
    """The dragged selection, or None if the payload is not one."""
    try:
        raw = json.loads(bytes(data.data(SELECTION_MIME).data()))
        return TextSelection(int(raw["response_id"]), int(raw["start"]), int(raw["end"]))
    except (ValueError, TypeError, KeyError):
        return None


def segment_data(segment_id: int, text: str) -> QMimeData:
    """A segment for the composer, with its exact text for any other drop target."""
    data = QMimeData()
    data.setData(SEGMENT_MIME, str(segment_id).encode("ascii"))
    data.setText(text)
    return data


def segment_id(data: QMimeData) -> int | None:
    try:
        return int(bytes(data.data(SEGMENT_MIME).data()).decode("ascii"))
    except ValueError:
        return None
