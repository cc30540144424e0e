"""Reading the timestamps survey tools write: ISO, US and European orders, 12- and 24-hour
clocks, zones and fractions, Chinese dates, and Excel serial numbers (.xlsx cells that held a
date but were read as a number)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d %I:%M:%S %p",
    "%Y/%m/%d %I:%M %p",
    "%Y/%m/%d",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%d-%b-%Y %H:%M:%S",  # 腾讯问卷: 01-May-2023 10:20:30
    "%d-%b-%Y",
)
_CHINESE = re.compile(
    r"(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})秒?)?)?"
)
_MERIDIEM = re.compile(r"(上午|下午)\s*(\d{1,2}:\d{2}(?::\d{2})?)")  # "下午 3:04:05"
_FRACTION_ZONE = re.compile(r"(\.\d+)?(Z|[+-]\d\d:?\d\d)?$")
_NAMED_ZONE = re.compile(r"\s+(GMT|UTC|[A-Z]{3,4})([+-]\d+(:\d\d)?)?$")  # Google Forms' "GMT+8"
# Excel counts days from 1899-12-30; serial numbers between these are 1954 to 2119.
_EXCEL_EPOCH = datetime(1899, 12, 30)
_SERIAL = re.compile(r"^\d{5}(\.\d+)?$")
_SERIAL_RANGE = (20000, 80000)


def parse_timestamp(value: str) -> datetime | None:
    """The timestamp in `value` to the second (local time as written), or None."""
    value = value.strip()
    if not value:
        return None
    m = _CHINESE.search(value)
    if m:
        try:
            return datetime(*(int(g) for g in m.groups() if g is not None))  # type: ignore[misc]
        except (TypeError, ValueError):
            return None
    if _SERIAL.match(value):
        days = float(value)
        if _SERIAL_RANGE[0] <= days <= _SERIAL_RANGE[1]:
            return _EXCEL_EPOCH + timedelta(seconds=round(days * 86400))
        return None
    value = _NAMED_ZONE.sub("", value)
    value = _FRACTION_ZONE.sub("", value) if "T" in value or ":" in value else value
    value = _MERIDIEM.sub(lambda m: f"{m[2]} {'AM' if m[1] == '上午' else 'PM'}", value)
    value = re.sub(r"\s+", " ", value)
    for fmt in _FORMATS:
        try:
            return datetime.strptime(value, fmt)
        except ValueError:
            continue
    return None


def parse_date(value: str) -> date | None:
    found = parse_timestamp(value)
    return found.date() if found is not None else None
