"""Back and forward between visited responses (Alt+Left / Alt+Right), like a browser."""

from __future__ import annotations


class History:
    def __init__(self, limit: int = 200) -> None:
        self._items: list[int] = []
        self._at = -1
        self._limit = limit

    def visit(self, item: int) -> None:
        if 0 <= self._at < len(self._items) and self._items[self._at] == item:
            return
        del self._items[self._at + 1 :]
        self._items.append(item)
        if len(self._items) > self._limit:
            del self._items[0]
        self._at = len(self._items) - 1

    def back(self) -> int | None:
        if self._at <= 0:
            return None
        self._at -= 1
        return self._items[self._at]

    def forward(self) -> int | None:
        if self._at >= len(self._items) - 1:
            return None
        self._at += 1
        return self._items[self._at]

    def clear(self) -> None:
        self._items.clear()
        self._at = -1
