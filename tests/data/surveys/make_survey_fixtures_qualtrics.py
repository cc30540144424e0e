"""Write the Qualtrics fixtures in this folder (see README.md, section Qualtrics).

Run from the repository root:  .venv/bin/python tests/data/surveys/make_survey_fixtures_qualtrics.py
Every file is written from Qualtrics' published export layouts, by hand: no real export is
copied. Labels in other interface languages are our own translations, not Qualtrics' strings.
"""

from __future__ import annotations

import codecs
import csv
import io
from datetime import datetime
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
FIXED_TIME = datetime(2024, 3, 5, 12, 0, 0)
TRICKY = "小K说：我是👩‍💻工程师 👍🏽 🇨🇳, and the cafe\u0301 downstairs"
MULTILINE = "Mostly A/B tests.\nSome dashboards, some SQL;\nlots of meetings, sadly."

# Row 1 id, row 3 ImportId of the metadata of a current export, in Qualtrics' order.
CURRENT_META = [
    ("StartDate", '{"ImportId":"startDate","timeZone":"America/Denver"}'),
    ("EndDate", '{"ImportId":"endDate","timeZone":"America/Denver"}'),
    ("Status", '{"ImportId":"status"}'),
    ("IPAddress", '{"ImportId":"ipAddress"}'),
    ("Progress", '{"ImportId":"progress"}'),
    ("Duration (in seconds)", '{"ImportId":"duration"}'),
    ("Finished", '{"ImportId":"finished"}'),
    ("RecordedDate", '{"ImportId":"recordedDate","timeZone":"America/Denver"}'),
    ("ResponseId", '{"ImportId":"_recordId"}'),
    ("RecipientLastName", '{"ImportId":"recipientLastName"}'),
    ("RecipientFirstName", '{"ImportId":"recipientFirstName"}'),
    ("RecipientEmail", '{"ImportId":"recipientEmail"}'),
    ("ExternalReference", '{"ImportId":"externalDataReference"}'),
    ("LocationLatitude", '{"ImportId":"locationLatitude"}'),
    ("LocationLongitude", '{"ImportId":"locationLongitude"}'),
    ("DistributionChannel", '{"ImportId":"distributionChannel"}'),
    ("UserLanguage", '{"ImportId":"userLanguage"}'),
]
LABELS = {
    "en": [
        "Start Date", "End Date", "Response Type", "IP Address", "Progress",
        "Duration (in seconds)", "Finished", "Recorded Date", "Response ID",
        "Recipient Last Name", "Recipient First Name", "Recipient Email",
        "External Data Reference", "Location Latitude", "Location Longitude",
        "Distribution Channel", "User Language",
    ],
    "de": [
        "Anfangsdatum", "Enddatum", "Antworttyp", "IP-Adresse", "Fortschritt",
        "Dauer (in Sekunden)", "Beendet", "Aufzeichnungsdatum", "Antwort-ID",
        "Nachname des Empfängers", "Vorname des Empfängers", "E-Mail-Adresse des Empfängers",
        "Externe Datenreferenz", "Standort – Breitengrad", "Standort – Längengrad",
        "Verteilungskanal", "Benutzersprache",
    ],
    "zh": [
        "开始日期", "结束日期", "响应类型", "IP 地址", "进度", "持续时间（秒）", "已完成",
        "记录日期", "响应 ID", "收件人姓氏", "收件人名字", "收件人电子邮件", "外部数据参考",
        "位置纬度", "位置经度", "分发渠道", "用户语言",
    ],
}  # fmt: skip

# Metadata values of four respondents (the third is anonymous and stopped half way).
META_ROWS = [
    ["2024-03-01 10:00:01", "2024-03-01 10:12:40", "IP Address", "203.0.113.7", "100", "759",
     "True", "2024-03-01 10:12:41", "R_1a2B3c4D5e6F7g8", "Lin", "Kai", "kai.lin@example.com",
     "EXT-0001", "31.2304", "121.4737", "email", "EN"],
    ["2024-03-02 08:30:00", "2024-03-02 08:41:13", "IP Address", "198.51.100.23", "100", "673",
     "True", "2024-03-02 08:41:14", "R_2bCdEfGhIjKlMn9", "Müller", "Zoë", "zoe.mueller@example.org",
     "EXT-0002", "52.5200", "13.4050", "email", "DE"],
    ["2024-03-02 21:05:44", "2024-03-02 21:07:02", "IP Address", "2001:db8::1f", "60", "78",
     "False", "2024-03-09 21:07:03", "R_3xYz0AbCdEfGhIj", "", "", "", "", "", "", "anonymous",
     "ZH-S"],
    ["2024-03-03 14:22:10", "2024-03-03 14:40:55", "IP Address", "192.0.2.140", "100", "1125",
     "True", "2024-03-03 14:40:56", "R_4kLmNoPqRsTuVw5", "García", "José", "jose@example.com",
     "EXT-0004", "40.4168", "-3.7038", "email", "ES"],
]  # fmt: skip


def write_bytes(name: str, data: bytes) -> None:
    (HERE / name).write_bytes(data)


def csv_text(rows: list[list[str]], newline: str = "\r\n") -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator=newline).writerows(rows)
    return out.getvalue()


def current_rows(lang: str, questions: list[tuple[str, str, str]], answers: list[list[str]]):
    """The three header rows of a current export, then one row per respondent."""
    ids = [i for i, _ in CURRENT_META] + [q[0] for q in questions]
    labels = LABELS[lang] + [q[1] for q in questions]
    imports = [m for _, m in CURRENT_META] + [q[2] for q in questions]
    return [ids, labels, imports] + [m + a for m, a in zip(META_ROWS, answers, strict=True)]


def make_current_csv() -> None:
    """English labels, choice text: "Selected Choice" / "Other - Text", a matrix, a multiple-
    answer question in one column, timing, a renamed question id, Text iQ, a score, fraud
    checks and embedded data. UTF-8 with BOM, CRLF between rows, LF inside cells."""
    role = "What is your role?"
    agree = "How much do you agree with each statement?"
    questions = [
        ("Q_RecaptchaScore", "Q_RecaptchaScore", '{"ImportId":"Q_RecaptchaScore"}'),
        ("Q_RelevantIDDuplicate", "Q_RelevantIDDuplicate", '{"ImportId":"Q_RelevantIDDuplicate"}'),
        ("Q1", f"{role} - Selected Choice", '{"ImportId":"QID1"}'),
        ("Q1_4_TEXT", f"{role} - Other - Text", '{"ImportId":"QID1_4_TEXT"}'),
        ("Q2_1", f"{agree} - I enjoy coding", '{"ImportId":"QID2_1"}'),
        ("Q2_2", f"{agree} - I enjoy meetings", '{"ImportId":"QID2_2"}'),
        ("Q2_3", f"{agree} - I enjoy writing e-mails", '{"ImportId":"QID2_3"}'),
        ("Q3", "Which tools do you use? Select all that apply.", '{"ImportId":"QID3"}'),
        ("Q4", "What does a typical week look like?", '{"ImportId":"QID4_TEXT"}'),
        ("Q5_First Click", "Timing - First Click", '{"ImportId":"QID5_FIRST_CLICK"}'),
        ("Q5_Page Submit", "Timing - Page Submit", '{"ImportId":"QID5_PAGE_SUBMIT"}'),
        ("comments", "Anything else you would like to tell us?", '{"ImportId":"QID6_TEXT"}'),
        ("Q4 - Topics", "Q4 - Topics", '{"ImportId":"QID4_TEXT_8f1c2d3eTopics"}'),
        ("SC0", "Score", '{"ImportId":"SC_0Ujw4X1sHjN7aUe"}'),
        ("panel_group", "panel_group", '{"ImportId":"panel_group"}'),
    ]
    answers = [
        ["0.9", "", "Researcher", "", "Agree", "Disagree", "-99", "Python,R", MULTILINE,
         "2.1", "31.2", TRICKY, "Workload", "3", "A"],
        ["1.0", "", "Other", "数据科学家 🇨🇳", "Strongly agree", "Neutral", "Agree",
         "Excel, Sheets,Python", "研究员\n（主要做因果推断）", "1.4", "20.9", "", "Career", "2",
         "B"],
        ["0.3", "true", "", "", "", "", "", "", "", "0.8", "3.3", "", "", "0", "A"],
        ["0.8", "", "Engineer", "", "Agree", "Agree", "Strongly disagree", "SQL",
         "Naïve Bayes and cafe\u0301 breaks 😅\nthen code review", "5.0", "44.0",
         "Thanks! 👍🏽", "Tooling", "3", "B"],
    ]  # fmt: skip
    rows = current_rows("en", questions, answers)
    write_bytes("qualtrics_current.csv", codecs.BOM_UTF8 + csv_text(rows).encode("utf-8"))


def make_german_csv() -> None:
    """German interface labels, numeric values: Status 0, Finished 1, choices as codes, so a
    multiple-answer question in one column reads "1,3". UTF-8 with BOM, CRLF."""
    questions = [
        ("Q1", "Welche Rolle haben Sie? - Ausgewählte Auswahlmöglichkeit", '{"ImportId":"QID1"}'),
        ("Q1_5_TEXT", "Welche Rolle haben Sie? - Sonstiges - Text", '{"ImportId":"QID1_5_TEXT"}'),
        ("Q2", "Welche Kanäle nutzen Sie? (Mehrfachauswahl)", '{"ImportId":"QID2"}'),
        ("Q3_1", "Wie zufrieden sind Sie mit … - dem Team", '{"ImportId":"QID3_1"}'),
        ("Q3_2", "Wie zufrieden sind Sie mit … - den Werkzeugen", '{"ImportId":"QID3_2"}'),
        ("Q4", "Was sollten wir ändern?", '{"ImportId":"QID4_TEXT"}'),
    ]
    answers = [
        ["2", "", "1,3", "4", "5", "Weniger Meetings.\nMehr Zeit für Analysen."],
        ["5", "数据工程师 👩‍💻", "2", "3", "-99", TRICKY],
        ["", "", "", "", "", ""],
        ["1", "", "1,2,3", "5", "4", "Die cafe\u0301-Pause beibehalten 😊"],
    ]
    rows = current_rows("de", questions, answers)
    for row in rows[3:]:  # numeric values for the metadata too
        row[2] = "0"
        row[6] = "1" if row[6] == "True" else "0"
    write_bytes("qualtrics_german.csv", codecs.BOM_UTF8 + csv_text(rows).encode("utf-8"))


def make_current_xlsx() -> None:
    """The Excel download, Chinese interface labels, multiple answers split into one column
    per choice (ImportId with a choiceId). Numbers are numbers; dates are text as exported."""
    tools = "你使用哪些工具？"
    questions = [
        ("Q1", "你的职位是什么？", '{"ImportId":"QID1_TEXT"}'),
        ("Q2_1", f"{tools} - Python", '{"ImportId":"QID2","choiceId":"1"}'),
        ("Q2_2", f"{tools} - R", '{"ImportId":"QID2","choiceId":"2"}'),
        ("Q2_3", f"{tools} - Excel, Sheets", '{"ImportId":"QID2","choiceId":"3"}'),
        ("Q3", "你这一周的工作是什么样的？", '{"ImportId":"QID3_TEXT"}'),
    ]
    answers = [
        ["数据科学家", "1", "", "1", MULTILINE],
        ["研究员", "1", "1", "", "研究员\n（主要做因果推断）" + TRICKY],
        ["", "", "", "", ""],
        ["工程师 👍🏽", "", "", "1", "cafe\u0301 ☕ and code review"],
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet0"
    for n, row in enumerate(current_rows("zh", questions, answers)):
        ws.append([_xlsx_value(v) if n >= 3 else v for v in row])
    wb.properties.created = wb.properties.modified = FIXED_TIME
    wb.save(HERE / "qualtrics_current.xlsx")


def _xlsx_value(text: str) -> object:
    if text == "":
        return None
    if text in ("True", "False"):
        return text == "True"
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return text


def make_2016_csv() -> None:
    """The 2016-17 export: metadata named as in the legacy export but not numbered, and the
    ImportId row written with single quotes. UTF-8 with BOM, CRLF."""
    ids = [
        "ResponseID", "ResponseSet", "IPAddress", "StartDate", "EndDate", "RecipientLastName",
        "RecipientFirstName", "RecipientEmail", "ExternalDataReference", "Finished", "Status",
        "Q1", "Q2_1", "Q2_2", "Q3", "LocationLatitude", "LocationLongitude", "LocationAccuracy",
    ]  # fmt: skip
    imports = ["responseId", "responseSetId", "ipAddress", "startDate", "endDate",
               "panel-RecipientLastName", "panel-RecipientFirstName", "panel-RecipientEmail",
               "panel-ExternalDataReference", "finished", "status", "QID1_TEXT", "QID2_1",
               "QID2_2", "QID3_TEXT", "Location-LocationLatitude", "Location-LocationLongitude",
               "Location-LocationAccuracy"]  # fmt: skip
    labels = [
        *ids[:11],
        "What is your role?",
        "How often do you… - present results",
        "How often do you… - pair program",
        "What would make your work easier?",
        *ids[15:],
    ]
    rows = [ids, labels, [f"{{'ImportId': '{i}'}}" for i in imports]]
    rows += [
        ["R_1a2B3c4D5e6F7g8", "Default Response Set", "203.0.113.7", "2016-11-01 10:00:01",
         "2016-11-01 10:12:40", "Lin", "Kai", "kai.lin@example.com", "", "1", "0", "研究员",
         "Weekly", "Never", MULTILINE, "31.2304", "121.4737", "-1"],
        ["R_2bCdEfGhIjKlMn9", "Default Response Set", "198.51.100.23", "2016-11-02 08:30:00",
         "2016-11-02 08:41:13", "", "", "anna@example.org", "", "1", "0", "Data scientist 👩‍💻",
         "Monthly", "", TRICKY, "52.52", "13.405", "-1"],
        ["R_3xYz0AbCdEfGhIj", "Default Response Set", "192.0.2.140", "2016-11-02 21:05:44",
         "2016-11-02 21:07:02", "", "", "", "", "0", "0", "", "", "", "", "", "", ""],
        ["R_4kLmNoPqRsTuVw5", "Default Response Set", "192.0.2.77", "2016-11-03 14:22:10",
         "2016-11-03 14:40:55", "García", "José", "jose@example.com", "panel-17", "1", "0",
         "Ingeniero", "-99", "Daily", "Less cafe\u0301, more sleep 😴", "40.4168", "-3.7038",
         "-1"],
    ]  # fmt: skip
    write_bytes("qualtrics_2016.csv", codecs.BOM_UTF8 + csv_text(rows).encode("utf-8"))


def make_legacy_csv() -> None:
    """The legacy export: V1..V10 for the metadata, field names in row 2, multi-part labels
    joined by "-", multiple answers split into 1/empty columns, location columns at the end,
    a BOM and a comma ending every line (LF)."""
    ids = [f"V{n}" for n in range(1, 11)] + [
        "Q1", "Q2_1", "Q2_2", "Q2_3", "Q3", "Q4", "Q4_4_TEXT",
        "LocationLatitude", "LocationLongitude", "LocationAccuracy",
    ]  # fmt: skip
    labels = [
        "ResponseID", "ResponseSet", "Name", "ExternalDataReference", "EmailAddress",
        "IPAddress", "Status", "StartDate", "EndDate", "Finished",
        "What is your role?", "Which tools do you use?-Python", "Which tools do you use?-R",
        "Which tools do you use?-SQL", "What does a typical week look like?",
        "How did you hear about us?", "How did you hear about us?-Other (please specify)-TEXT",
        "LocationLatitude", "LocationLongitude", "LocationAccuracy",
    ]  # fmt: skip
    rows = [ids, labels]
    rows += [
        ["R_1a2B3c4D5e6F7g8", "Default Response Set", "Lin, Kai", "", "kai.lin@example.com",
         "203.0.113.7", "0", "2014-05-01 10:00:01", "2014-05-01 10:12:40", "1", "Researcher",
         "1", "1", "", MULTILINE, "1", "", "31.2304", "121.4737", "-1"],
        ["R_2bCdEfGhIjKlMn9", "Default Response Set", "Anonymous", "", "", "198.51.100.23", "0",
         "2014-05-02 08:30:00", "2014-05-02 08:41:13", "1", "研究员", "", "1", "1",
         "研究员\n（主要做因果推断）", "4", "朋友推荐 " + TRICKY, "", "", ""],
        ["R_3xYz0AbCdEfGhIj", "Default Response Set", "Anonymous", "", "", "192.0.2.140", "0",
         "2014-05-02 21:05:44", "2014-05-02 21:07:02", "0", "", "", "", "", "", "", "", "", "",
         ""],
        ["R_4kLmNoPqRsTuVw5", "Default Response Set", "García, José", "crm-17",
         "jose@example.com", "192.0.2.77", "0", "2014-05-03 14:22:10", "2014-05-03 14:40:55",
         "1", "Engineer 👍🏽", "", "", "1", "cafe\u0301 breaks", "2", "", "40.4168", "-3.7038",
         "-1"],
    ]  # fmt: skip
    text = csv_text([[*row, ""] for row in rows], newline="\n")
    write_bytes("qualtrics_legacy.csv", codecs.BOM_UTF8 + text.encode("utf-8"))


if __name__ == "__main__":
    make_current_csv()
    make_german_csv()
    make_current_xlsx()
    make_2016_csv()
    make_legacy_csv()
