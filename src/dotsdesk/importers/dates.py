"""Reading the dates survey tools write (ISO, US, Chinese)."""

from __future__ import annotations

import re
from datetime import date, datetime

_FORMATS = (
    "%Y-%m-%d",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d %I:%M:%S %p",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%d.%m.%Y",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
)
_CHINESE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def parse_date(value: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    m = _CHINESE.search(value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    value = re.sub(r"(\.\d+)?(Z|[+-]\d\d:?\d\d)$", "", value)  # fractions and zones
    value = re.sub(r"\s+(GMT|UTC|[A-Z]{3,4})([+-]\d+)?$", "", value)  # Google Forms' "GMT+8"
    for fmt in _FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None
