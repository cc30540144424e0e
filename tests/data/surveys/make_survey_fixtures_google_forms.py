"""Write the Google Forms fixtures in this folder (see README.md, section Google Forms).

Run from the repository root:
    .venv/bin/python tests/data/surveys/make_survey_fixtures_google_forms.py
Every file is written from the published layout of Google Forms responses, by hand: no real
download is copied. The Spanish and Chinese labels are our own, not Google's strings.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
FIXED_TIME = datetime(2024, 3, 5, 12, 0, 0)
TRICKY = "小K说：我是👩‍💻工程师 👍🏽 🇨🇳, and the cafe\u0301 downstairs"


def write_bytes(name: str, data: bytes) -> None:
    (HERE / name).write_bytes(data)


def csv_text(rows: list[list[str]]) -> str:
    """Google's CSV: CRLF between rows; a line break inside an answer stays a bare LF."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def make_sheets_csv() -> None:
    """The responses sheet of a quiz, in a Spanish locale, downloaded as CSV: day-first
    timestamps, e-mail and score columns, a checkbox question, a grid, open questions."""
    often = "¿Con qué frecuencia tienes…?"
    rows = [
        ["Marca temporal", "Dirección de correo electrónico", "Puntuación",
         "¿Cuál es tu función?", "¿Qué herramientas usas?", f"{often} [Reuniones]",
         f"{often} [Revisión de código]", "Describe una semana típica", "¿Algo más?"],
        ["1/3/2024 9:15:02", "kai.lin@example.com", "7 / 10", "Investigadora",
         "Slack, Correo electrónico", "A diario", "Cada semana",
         "Pruebas A/B.\nAlgunos paneles, algo de SQL;\nmuchas reuniones.", TRICKY],
        ["1/3/2024 23:40:57", "zoe@example.org", "9 / 10", "数据科学家",
         "Slack", "Cada semana", "", "研究员\n（主要做因果推断）", ""],
        ["2/3/2024 8:01:10", "anon@example.net", "4 / 10", "", "", "", "", "", ""],
        ["12/3/2024 14:22:10", "jose@example.com", "10 / 10", "Ingeniero 👍🏽",
         "WeChat, Slack, Correo electrónico", "Nunca", "A diario",
         "Revisión de código y cafe\u0301 😅", "Gracias"],
        ["15/3/2024 7:05:33", "ana@example.com", "6 / 10", "Analista",
         "Slack, un café, por favor", "A diario", "Nunca", "", "Nada más"],
    ]  # fmt: skip
    write_bytes("google_forms_sheets.csv", csv_text(rows).encode("utf-8"))


def make_forms_download_csv() -> None:
    """Forms' own "Download responses (.csv)" of a form owned in Chinese: timestamps with
    上午/下午 and the time zone, no e-mail column, a checkbox and a grid question."""
    grid = "你多久做一次"
    rows = [
        ["时间戳记", "你的职位是什么？", "你使用哪些工具？", f"{grid} [代码评审]",
         f"{grid} [写文档]", "请描述你典型的一周", "联系邮箱（可选）"],
        ["2024/03/01 上午9:15:02 GMT+8", "研究员", "Python, R", "每周", "每月",
         "做 A/B 实验。\n写一些 SQL。", "kai@example.com"],
        ["2024/03/01 下午11:40:57 GMT+8", "数据科学家 👩‍💻", "Python", "每天", "",
         TRICKY, ""],
        ["2024/03/02 上午8:01:10 GMT+8", "", "", "", "", "", ""],
        ["2024/03/03 下午2:22:10 GMT+8", "工程师", "R, Excel", "从不", "每周",
         "cafe\u0301 和代码评审 👍🏽", "gong@example.cn"],
    ]  # fmt: skip
    write_bytes("google_forms_download.csv", csv_text(rows).encode("utf-8"))


def make_sheets_xlsx() -> None:
    """The responses sheet downloaded as .xlsx: timestamps are date-time values, the linear
    scale holds numbers, a date question holds dates."""
    often = "How often do you…"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Form Responses 1"
    ws.append(["Timestamp", "Email Address", "Score", "What is your role?",
               "Which tools do you use?", f"{often} [Meetings]", f"{often} [Code review]",
               "How satisfied are you?", "When did you start?",
               "What does a typical week look like?"])  # fmt: skip
    rows = [
        [datetime(2024, 3, 1, 9, 15, 2, 480000), "kai.lin@example.com", "7 / 10", "Researcher",
         "Slack, Email", "Daily", "Weekly", 4, date(2019, 9, 1),
         "Mostly A/B tests.\nSome dashboards, some SQL;\nlots of meetings, sadly."],
        [datetime(2024, 3, 1, 23, 40, 57), "zoe@example.org", "9 / 10", "数据科学家",
         "Slack", "Weekly", None, 5, None, "研究员\n（主要做因果推断）" + TRICKY],
        [datetime(2024, 3, 2, 8, 1, 10), "anon@example.net", "4 / 10", None, None, None, None,
         None, None, None],
        [datetime(2024, 3, 12, 14, 22, 10), "jose@example.com", "10 / 10", "Engineer 👍🏽",
         "WeChat, Slack, Email", "Never", "Daily", 3, date(2021, 1, 4),
         "Code review and cafe\u0301 breaks 😅"],
    ]  # fmt: skip
    for row in rows:
        ws.append(row)
    for cell in ws["A"][1:]:
        cell.number_format = "m/d/yyyy h:mm:ss"
    for cell in ws["I"][1:]:
        cell.number_format = "m/d/yyyy"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    wb.save(HERE / "google_forms.xlsx")


if __name__ == "__main__":
    make_sheets_csv()
    make_forms_download_csv()
    make_sheets_xlsx()
