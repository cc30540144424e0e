"""Every timestamp format the survey tools write reads to the second."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from dotsdesk.importers.dates import parse_date, parse_timestamp


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-05-01 10:20:30", datetime(2023, 5, 1, 10, 20, 30)),  # Qualtrics, LimeSurvey
        ("2023-05-01T10:20:30.123Z", datetime(2023, 5, 1, 10, 20, 30)),
        ("2024-05-01 10:20:30+08:00", datetime(2024, 5, 1, 10, 20, 30)),
        ("2023/5/1 10:20:30", datetime(2023, 5, 1, 10, 20, 30)),  # 问卷星
        ("5/1/2023 10:20:30", datetime(2023, 5, 1, 10, 20, 30)),  # Google Sheets CSV
        ("2024/05/01 10:20:30 AM GMT+8", datetime(2024, 5, 1, 10, 20, 30)),  # Google Forms
        ("05/23/2019 10:32:15 PM", datetime(2019, 5, 23, 22, 32, 15)),  # SurveyMonkey
        ("43608.4391", datetime(2019, 5, 23, 10, 32, 18)),  # an .xlsx serial read as a number
        ("45123", datetime(2023, 7, 16)),
        ("2023年5月1日 10:20:30", datetime(2023, 5, 1, 10, 20, 30)),
        ("2023年5月1日", datetime(2023, 5, 1)),
        ("2023/05/01 下午 3:04:05", datetime(2023, 5, 1, 15, 4, 5)),
        ("01.06.2024 10:20", datetime(2024, 6, 1, 10, 20)),
        ("01-May-2023 10:20:30", datetime(2023, 5, 1, 10, 20, 30)),  # 腾讯问卷
    ],
)
def test_timestamps(value: str, expected: datetime) -> None:
    assert parse_timestamp(value) == expected


@pytest.mark.parametrize("value", ["", "abc", "12345", "5秒", "2023-13-01", "99999.5"])
def test_not_timestamps(value: str) -> None:
    assert parse_timestamp(value) is None


def test_dates_are_the_day_of_the_timestamp() -> None:
    assert parse_date("05/23/2019 10:32:15 PM") == date(2019, 5, 23)
    assert parse_date("nonsense") is None
