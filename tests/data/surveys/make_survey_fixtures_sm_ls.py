"""Write the SurveyMonkey and LimeSurvey fixtures in this folder (see README.md, their sections).

Run from the repository root:  .venv/bin/python tests/data/surveys/make_survey_fixtures_sm_ls.py
Every file is written by hand from the tool's published export format: the rows are spelled out
below, and only the byte-level details (BOM, quoting, line endings, the .xlsx container) are
left to `csv` and `openpyxl`. Nothing here was downloaded.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
FIXED_TIME = datetime(2024, 3, 5, 12, 0, 0)

# Text that must survive byte for byte: Chinese, a ZWJ emoji sequence, a skin-tone modifier,
# a flag, and "e" + COMBINING ACUTE ACCENT (not the precomposed "é").
TRICKY = "小K说：我是👩‍💻工程师 👍🏽 🇨🇳, Cafe\u0301 and cafe\u0301s"


def csv_text(
    rows: list[list[str]], delimiter: str = ",", quote_all: bool = False, newline: str = "\r\n"
) -> str:
    out = io.StringIO()
    quoting = csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
    csv.writer(out, delimiter=delimiter, lineterminator=newline, quoting=quoting).writerows(rows)
    return out.getvalue()


def write_text(name: str, text: str, bom: bool = True) -> None:
    data = text.encode("utf-8")
    (HERE / name).write_bytes((codecs.BOM_UTF8 if bom else b"") + data)


# --- SurveyMonkey ------------------------------------------------------------------------------

SM_META = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
           "Email Address", "First Name", "Last Name", "Custom Data 1"]  # fmt: skip


def make_surveymonkey_expanded_csv() -> None:
    """All responses, expanded columns, actual answer text: two header rows."""
    row1 = [
        *SM_META,
        "What is your current role?", "",
        "Which tools do you use at work?", "", "", "",
        "How much do you agree with each statement?", "",
        "What would make your work easier?",
        "How satisfied are you with your tools?",
        "Anything else you would like to tell us?",
    ]  # fmt: skip
    row2 = [
        *[""] * len(SM_META),
        "Response", "Other (please specify)",
        "Python", "R", "Excel", "Other (please specify)",
        "I enjoy coding", "I enjoy meetings",
        "Open-Ended Response",
        "Response",
        "Open-Ended Response",
    ]  # fmt: skip
    data = [
        ["10745123456", "234567890", "05/23/2019 10:32:15 AM", "05/23/2019 10:41:02 AM",
         "203.0.113.5", "", "", "", "",
         "Data scientist", "", "Python", "", "Excel", "", "Agree", "Disagree",
         "Fewer meetings, more focus time 👩‍💻", "4",
         "I like the cafe\u0301 downstairs.\nThat's all."],
        ["10745123480", "234567891", "05/23/2019 11:02:00 AM", "05/23/2019 11:15:47 AM",
         "198.51.100.23", "anna@example.org", "Anna", "Jones", "cohort-7",
         "", "Research engineer 研究工程师", "Python", "R", "", "Notebooks 📓",
         "Strongly agree", "Neutral", "更少的会议，更多的专注时间。\n第二行：文档。", "5", ""],
        ["10745123502", "234567890", "05/24/2019 08:00:10 AM", "05/24/2019 08:01:02 AM",
         "192.0.2.44", "", "", "", "",
         "Analyst", "", "", "", "", "", "", "", "", "", ""],
        ["10745123555", "234567890", "05/24/2019 09:12:40 PM", "05/24/2019 09:30:05 PM",
         "2001:db8::1", "", "", "", "",
         "Data scientist", "", "", "R", "Excel", "", "Disagree", "Agree", TRICKY, "3",
         "Nothing else."],
        ["10745123600", "234567891", "05/25/2019 07:45:00 AM", "05/25/2019 07:52:19 AM",
         "203.0.113.77", "wang.fang@example.cn", "芳", "王", "cohort-7",
         "Engineer", "", "Python", "", "", "", "Agree", "Agree", "", "2", "Better docs 👍🏽"],
    ]  # fmt: skip
    write_text("surveymonkey_expanded.csv", csv_text([row1, row2, *data]))


def make_surveymonkey_expanded_xlsx() -> None:
    """The expanded export as .xlsx, downloaded with a Chinese interface: every label is
    translated, ids are numbers and the dates are Excel serial numbers without a date format."""
    meta = ["回复者 ID", "收集器 ID", "开始日期", "结束日期", "IP 地址", "电子邮件地址",
            "名字", "姓氏", "自定义数据 1"]  # fmt: skip
    row1 = [*meta, "您目前的职位是？", "", "您在工作中使用哪些工具？", "", "",
            "您对以下说法的同意程度如何？", "", "什么能让您的工作更轻松？"]  # fmt: skip
    # "其它（请具体说明）" is not one of the profile's known labels: the values must decide.
    row2 = [*[None] * len(meta), "回答", "其它（请具体说明）", "Python", "R", "Excel",
            "我喜欢写代码", "我喜欢开会", "开放式回答"]  # fmt: skip
    data = [
        [10745200001, 234567892, 43608.4391, 43608.4475, "203.0.113.9", None, None, None, None,
         "数据科学家", None, "Python", None, "Excel", "同意", "不同意",
         "更少的会议。\n更多的专注时间 👩‍💻"],
        [10745200017, 234567893, 43608.5002, 43608.5101, "198.51.100.4", "li.lei@example.cn",
         "雷", "李", "团队-3", None, "研究工程师（兼职）", "Python", "R", None, "非常同意", "中立",
         TRICKY],
        [10745200023, 234567892, 43609.3333, 43609.3340, "192.0.2.10", None, None, None, None,
         None, None, None, None, None, None, None, None],
        [10745200042, 234567892, 43609.7, 43609.7123, "203.0.113.200", None, None, None, None,
         "分析师", None, None, "R", "Excel", "不同意", "同意", "A good cafe\u0301 nearby ☕"],
    ]  # fmt: skip
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet"
    for row in [row1, row2, *data]:
        ws.append(row)
    wb.properties.created = FIXED_TIME
    wb.properties.creator = "dotsdesk fixtures"
    write_workbook("surveymonkey_expanded.xlsx", wb)


def write_workbook(name: str, wb: openpyxl.Workbook) -> None:
    """Save with fixed times (openpyxl stamps "modified" and every zip entry with now), so
    that running this script again changes no byte."""
    saved = io.BytesIO()
    wb.save(saved)
    out = io.BytesIO()
    with zipfile.ZipFile(saved) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "docProps/core.xml":
                stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            entry = zipfile.ZipInfo(info.filename, FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, data)
    (HERE / name).write_bytes(out.getvalue())


def make_surveymonkey_condensed_csv() -> None:
    """All responses, condensed columns: one header row, a multiple choice in one cell."""
    row1 = [*SM_META, "What is your current role?", "Which tools do you use at work?",
                      "What would make your work easier?"]  # fmt: skip
    data = [
        ["10745300011", "234567894", "06/02/2020 02:10:44 PM", "06/02/2020 02:20:01 PM",
         "203.0.113.50", "", "", "", "", "Data scientist", "Python, Excel",
         "Fewer meetings.\nMore focus time 👩‍💻"],
        ["10745300020", "234567895", "06/02/2020 03:00:00 PM", "06/02/2020 03:09:30 PM",
         "198.51.100.60", "zoe@example.net", "Zoe", "Martin", "team-a", "Analyst", "R", TRICKY],
        ["10745300033", "234567894", "06/03/2020 09:15:12 AM", "06/03/2020 09:15:40 AM",
         "192.0.2.70", "", "", "", "", "", "", ""],
        ["10745300047", "234567894", "06/03/2020 10:01:09 AM", "06/03/2020 10:11:54 AM",
         "203.0.113.80", "", "", "", "", "研究员", "Python, R, Excel", "一个好的cafe\u0301。"],
    ]  # fmt: skip
    write_text("surveymonkey_condensed.csv", csv_text([row1, *data]))


# --- LimeSurvey --------------------------------------------------------------------------------
# LimeSurvey's CSV writer: a UTF-8 BOM, every field quoted, CRLF after each record, line breaks
# inside a field as LF, and one more CRLF at the very end.


def limesurvey_text(rows: list[list[str]], delimiter: str) -> str:
    return csv_text(rows, delimiter=delimiter, quote_all=True) + "\r\n"


def make_limesurvey_codes_semicolon() -> None:
    """Heading style "question code", `;` separator, short answers (Y for a ticked box)."""
    header = ["id", "submitdate", "lastpage", "startlanguage", "seed", "token", "startdate",
              "datestamp", "ipaddr", "refurl", "Q1", "Q2[SQ001]", "Q2[SQ002]", "Q2[SQ003]",
              "Q2[other]", "Q3", "Q3[other]", "Q4[SQ001]", "Q4[SQ002]", "Q5", "firstname",
              "lastname", "email"]  # fmt: skip
    rows = [
        ["1", "2024-03-01 10:12:40", "3", "en", "1456789012", "tk3Xq9LmPa01bcd",
         "2024-03-01 10:00:01", "2024-03-01 10:12:40", "203.0.113.5",
         "https://example.org/invite?token=tk3Xq9LmPa01bcd",
         "Explaining results to people who decide.\nAnd the odd good dashboard.",
         "Y", "", "Y", "", "A1", "", "A4", "A2", "3", "Anna", "Jones", "anna@example.org"],
        ["2", "2024-03-01 11:40:57", "3", "zh-Hans", "880123456", "Zk81mQpw2Lx7yTr",
         "2024-03-01 11:30:00", "2024-03-01 11:40:57", "198.51.100.23", "",
         TRICKY, "Y", "Y", "", "Julia 🧪", "-oth-", "数据工程师", "A5", "A5", "5", "小K", "",
         "kk@example.com"],
        ["3", "", "1", "en", "2003344556", "Pq0Wd7sRt5Yu3Io", "2024-03-02 08:00:00",
         "2024-03-02 08:02:13", "192.0.2.44", "", "", "", "", "", "", "", "", "", "", "",
         "Ben", "Okafor", "ben@example.net"],
        ["4", "2024-03-02 09:30:05", "3", "en", "1777000111", "Mn4Bv6Cx8Zl2Kj0",
         "2024-03-02 09:12:40", "2024-03-02 09:30:05", "2001:db8::7", "",
         "The cafe\u0301 chats 👍🏽", "", "", "Y", "", "A2", "", "A3", "A1", "", "Zoë", "Weber",
         "zoe@example.de"],
        ["5", "2024-03-03 17:05:00", "3", "de", "999888777", "Hg5Fd3Sa1Qw9Er7",
         "2024-03-03 16:50:00", "2024-03-03 17:05:00", "203.0.113.90", "", "Weniger Meetings.",
         "Y", "", "", "", "A3", "", "", "A4", "2", "", "", ""],
    ]  # fmt: skip
    write_text("limesurvey_codes_semicolon.csv", limesurvey_text([header, *rows], ";"))


def make_limesurvey_codetext_comma() -> None:
    """Heading style "question code & question text" (separator ". "), `,` separator, long
    answers: Yes/No for a box, N/A where the question was not shown. Question texts keep the
    line breaks and tabs of the survey's HTML."""
    header = [
        "id. Response ID", "submitdate. Date submitted", "lastpage. Last page",
        "startlanguage. Start language", "seed. Seed", "token. Access code",
        "startdate. Date started", "datestamp. Date last action", "ipaddr. IP address",
        "refurl. Referrer URL",
        "Q1. What do you enjoy most\nabout your work?",
        "Q2[SQ001]. Which languages do you use?\t [Python]",
        "Q2[SQ002]. Which languages do you use?\t [R]",
        "Q2[other]. Which languages do you use?\t [Other]",
        "Q3. Your role:\n\t(pick one)",
        "Q4[SQ001]. How much do you agree?\n [I enjoy coding]",
        "Q4[SQ002]. How much do you agree?\n [I enjoy meetings]",
        "firstname. First name", "lastname. Last name", "email. Email address",
    ]  # fmt: skip
    rows = [
        ["11", "2024-04-10 09:00:00", "2", "en", "1234567890", "aB3dE5fG7hJ9kL1",
         "2024-04-10 08:51:12", "2024-04-10 09:00:00", "203.0.113.11", "",
         "Finding the story in messy data.\nEvery single week.", "Yes", "No", "", "Analyst",
         "Agree", "Disagree", "Anna", "Jones", "anna@example.org"],
        ["12", "2024-04-10 10:30:00", "2", "zh-Hans", "2345678901", "cD4eF6gH8jK0lM2",
         "2024-04-10 10:10:00", "2024-04-10 10:30:00", "198.51.100.12", "",
         TRICKY, "Yes", "Yes", "Julia", "Researcher", "Strongly agree", "Neutral", "小K", "",
         "kk@example.com"],
        ["13", "2024-04-11 12:00:00", "2", "en", "3456789012", "eF5gH7jK9lM1nP3",
         "2024-04-11 11:58:00", "2024-04-11 12:00:00", "192.0.2.13", "", "", "N/A", "N/A", "",
         "", "", "", "Ben", "Okafor", "ben@example.net"],
        ["14", "2024-04-12 14:20:00", "2", "en", "4567890123", "gH6jK8lM0nP2qR4",
         "2024-04-12 14:00:00", "2024-04-12 14:20:00", "203.0.113.14",
         "https://example.org/s/123?token=gH6jK8lM0nP2qR4", "The cafe\u0301 👩‍💻",
         "No", "Yes", "", "Engineer", "Agree", "Agree", "Zoë", "Weber", "zoe@example.de"],
    ]  # fmt: skip
    write_text("limesurvey_codetext_comma.csv", limesurvey_text([header, *rows], ","))


def make_limesurvey_fulltext_de() -> None:
    """Heading style "full question text", exported in German with `;`: the metadata labels
    are translated and no heading carries a code. Ticked boxes were converted to "Ja"."""
    header = [
        "Antwort ID", "Datum Abgeschickt", "Letzte Seite", "Start-Sprache", "Startwert",
        "Zugangsschlüssel", "Datum gestartet", "Datum letzte Aktivität", "IP-Adresse",
        "Referrer-URL", "Was gefällt Ihnen\nan Ihrer Arbeit?",
        "Welche Sprachen nutzen Sie? [Python]", "Welche Sprachen nutzen Sie? [R]",
        "Welche Sprachen nutzen Sie? [Sonstiges]", "Ihre Rolle", "Vorname", "Nachname",
        "E-Mail-Adresse",
    ]  # fmt: skip
    rows = [
        ["21", "2024-05-02 08:15:00", "2", "de", "111222333", "Qw3Er5Ty7Ui9Op1",
         "2024-05-02 08:01:00", "2024-05-02 08:15:00", "203.0.113.21", "",
         "Die Leute.\nUnd der Kaffee im cafe\u0301.", "Ja", "", "", "Analystin", "Jana", "Koch",
         "jana@example.de"],
        ["22", "2024-05-02 09:40:00", "2", "zh-Hans", "222333444", "As4Df6Gh8Jk0Lz2",
         "2024-05-02 09:20:00", "2024-05-02 09:40:00", "198.51.100.22", "", TRICKY, "Ja", "Ja",
         "Julia", "Forscher", "小K", "", "kk@example.com"],
        ["23", "", "1", "de", "333444555", "Zx5Cv7Bn9Mq1Wr3", "2024-05-03 10:00:00",
         "2024-05-03 10:01:00", "192.0.2.23", "", "", "", "", "", "", "Ben", "Okafor",
         "ben@example.net"],
        ["24", "2024-05-03 11:11:11", "2", "de", "444555666", "Tg6Yh8Uj0Ik2Ol4",
         "2024-05-03 11:00:00", "2024-05-03 11:11:11", "2001:db8::24", "", "Flexible Zeiten 👍🏽",
         "", "Ja", "", "Ingenieurin", "Zoë", "Weber", "zoe@example.de"],
    ]  # fmt: skip
    write_text("limesurvey_fulltext_de.csv", limesurvey_text([header, *rows], ";"))


def make_limesurvey_anonymised() -> None:
    """An anonymised survey without date stamps: every submit date is 1980-01-01 00:00:00,
    there is no token and no participant field. The IP address is still saved, and the
    e-mail address is only what respondents typed into a question."""
    header = [
        "id",
        "submitdate",
        "lastpage",
        "startlanguage",
        "seed",
        "ipaddr",
        "refurl",
        "Q1",
        "Q2[SQ001]",
        "Q2[SQ002]",
        "Q2[SQ003]",
        "Q3",
        "Q3[comment]",
        "contact",
    ]
    rows = [
        ["1", "1980-01-01 00:00:00", "2", "en", "501234567", "203.0.113.31", "",
         "Learning something new every week.\nAnd good colleagues.", "Y", "", "Y", "A1",
         "Mostly remote 👩‍💻", "anna@example.org"],
        ["2", "1980-01-01 00:00:00", "2", "zh-Hans", "602345678", "198.51.100.32", "",
         TRICKY, "", "Y", "", "A2", "", ""],
        ["3", "", "1", "en", "703456789", "192.0.2.33", "", "", "", "", "", "", "", ""],
        ["4", "1980-01-01 00:00:00", "2", "en", "804567890", "203.0.113.34",
         "https://example.org/?utm_source=newsletter", "The cafe\u0301 👍🏽", "Y", "Y", "Y",
         "A1", "", "zoe@example.de"],
    ]  # fmt: skip
    write_text("limesurvey_anonymised.csv", limesurvey_text([header, *rows], ","))


def main() -> None:
    make_surveymonkey_expanded_csv()
    make_surveymonkey_expanded_xlsx()
    make_surveymonkey_condensed_csv()
    make_limesurvey_codes_semicolon()
    make_limesurvey_codetext_comma()
    make_limesurvey_fulltext_de()
    make_limesurvey_anonymised()


if __name__ == "__main__":
    main()
