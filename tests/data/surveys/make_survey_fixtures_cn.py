"""Write the 问卷星 (wjx) and 腾讯问卷 (Tencent) fixtures in this folder.

Run from the repository root: `.venv/bin/python tests/data/surveys/make_survey_fixtures_cn.py`.
The .xls files need xlwt (`.venv/bin/pip install xlwt`; not a project dependency: the .xls
files are committed). Layouts follow published downloads (see README.md); the answers are
invented. Re-running rewrites the same bytes, except the .xlsx (zip timestamps).
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent

META = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"]
# One row per respondent: metadata, then the answers by option text.
PEOPLE = [
    ["1", "2023/5/1 10:20:30", "125秒", "手机提交", "直接访问", "183.192.16.69(上海-上海)"],
    [
        "2",
        "2023/5/1 11:02:15",
        "98秒",
        "微信",
        "https://mp.weixin.qq.com/s/Xb2",
        "112.65.12.3(上海-上海)",
    ],
    ["3", "2023/5/2 09:15:00", "61秒", "链接", "直接访问", "36.110.8.1(北京-北京)"],
    ["4", "2023/5/2 21:47:09", "305秒", "手机提交", "直接访问", "223.104.3.10(广东-深圳)"],
    ["5", "2023/5/3 08:01:44", "77秒", "微信", "直接访问", "120.229.8.5(广东-广州)"],
]
PHONES = ["13812345678", "13912345670", "(空)", "15000000000", "18612345678"]
GENDER = ["女", "男", "女", "男", "女"]
TOOLS = ["Python┋其他〖自己写的脚本〗", "R┋Excel", "Excel", "Python┋R┋Excel", "其他〖SPSS〗"]
SPEED = ["满意", "非常满意", "(跳过)", "一般", "满意"]
ACCURACY = ["一般", "满意", "(跳过)", "不满意", "满意"]
RANKING = ["导入→编码→导出", "编码→导入→导出", "导出→导入→编码", "导入→导出→编码", "编码→导出→导入"]
# Chinese, emoji (ZWJ sequence, skin tone, flag), "e" + COMBINING ACUTE, multi-line cells.
DIFFICULTY = [
    "导入中文 CSV 时经常乱码。\n换成 UTF-8 以后就好了 👩\u200d💻",
    "界面的 cafe\u0301 风格很好看 👍🏽，但是编码太慢",
    "(跳过)",
    "希望支持问卷星的 .xls 文件。\n\n第二段：🇨🇳 用户很多",
    "(空)",
]
# The GBK download cannot hold emoji or combining marks: the same answers in GBK text.
DIFFICULTY_GBK = [
    "导入中文 CSV 时经常乱码。\n换成 UTF-8 以后就好了",
    "界面的 café 风格很好看，但是编码太慢",
    "(跳过)",
    "希望支持问卷星的 .xls 文件。\n\n第二段：用户很多",
    "(空)",
]
TEXT_HEADER = [
    *META,
    "1、您的性别：",
    "2、您使用过哪些工具？",
    "3、(速度)",
    "3、(准确性)",
    "4、请将以下功能按重要性排序：",
    "5、您在使用中遇到的最大困难是什么？",
    "6、您的手机号码：",
]


def by_text_rows(difficulty: list[str]) -> list[list[str]]:
    return [
        [
            *PEOPLE[i],
            GENDER[i],
            TOOLS[i],
            SPEED[i],
            ACCURACY[i],
            RANKING[i],
            difficulty[i],
            PHONES[i],
        ]
        for i in range(len(PEOPLE))
    ]


def wjx_text_xls() -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    for c, header in enumerate(TEXT_HEADER):
        sheet.write(0, c, header)
    for r, row in enumerate(by_text_rows(DIFFICULTY), start=1):
        for c, value in enumerate(row):
            # 序号 is a number cell, as Excel shows it; everything else is text.
            sheet.write(r, c, int(value) if c == 0 else value)
    book.save(str(HERE / "wjx_text.xls"))


def wjx_text_gbk_csv() -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(TEXT_HEADER)
    writer.writerows(by_text_rows(DIFFICULTY_GBK))
    (HERE / "wjx_text_gbk.csv").write_bytes(buffer.getvalue().encode("gbk"))  # strict: fails loudly


def wjx_number_xlsx() -> None:
    header = [
        *META,
        "1、您的性别：",
        "2、您使用过哪些工具？(Python)",
        "2、您使用过哪些工具？(R)",
        "2、您使用过哪些工具？(Excel)",
        "3(速度)",
        "3(准确性)",
        "4、您在使用中遇到的最大困难是什么？",
        "5、您的手机号码：",
    ]
    codes = {"非常满意": 5, "满意": 4, "一般": 3, "不满意": 2, "(跳过)": -3}
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(header)
    for i, person in enumerate(PEOPLE[:4]):
        tools = [int(name in TOOLS[i].split("┋")) for name in ("Python", "R", "Excel")]
        answer = DIFFICULTY[i] if DIFFICULTY[i] != "(跳过)" else "-3"
        gender = 1 if GENDER[i] == "男" else 2
        matrix = [codes[SPEED[i]], codes[ACCURACY[i]]]
        sheet.append([int(person[0]), *person[1:], gender, *tools, *matrix, answer, PHONES[i]])
    book.save(HERE / "wjx_number.xlsx")


def wjx_sheets_xls() -> None:
    """For the .xls reader: a hidden first sheet, typed cells, an empty third sheet."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    hidden = book.add_sheet("说明")
    hidden.write(0, 0, "隐藏的说明页")
    hidden.visibility = 1  # hidden: the reader must skip it
    sheet = book.add_sheet("答卷数据")
    book.active_sheet = 1
    sheet.write(0, 0, "序号")
    for c, header in enumerate(
        ["整数", "小数", "日期", "日期时间", "时间", "是否", "空", "回答"], 1
    ):
        sheet.write(0, c, header)
    day = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    moment = xlwt.easyxf(num_format_str="yyyy-mm-dd hh:mm:ss")
    clock = xlwt.easyxf(num_format_str="hh:mm:ss")
    rows = [
        (3, 0.25, date(2023, 5, 1), datetime(2023, 5, 1, 10, 20, 30), time(8, 5, 0), True),
        (12345678901, 5.5, date(2024, 2, 29), datetime(2024, 2, 29, 0, 0, 1), time(23, 59), False),
    ]
    answers = ["小K说：我是👩\u200d💻工程师 👍🏽 🇨🇳, cafe\u0301", "第一行\r\n第二行"]
    for r, (number, share, day_value, moment_value, clock_value, flag) in enumerate(rows, 1):
        sheet.write(r, 0, r)
        sheet.write(r, 1, number)
        sheet.write(r, 2, share)
        sheet.write(r, 3, day_value, day)
        sheet.write(r, 4, moment_value, moment)
        sheet.write(r, 5, clock_value, clock)
        sheet.write(r, 6, flag)
        sheet.write(r, 8, answers[r - 1])
    book.add_sheet("Sheet3")
    book.save(str(HERE / "wjx_sheets.xls"))


TENCENT_META = [
    "编号",
    "开始答题时间",
    "结束答题时间",
    "答题时长",
    "地理位置国家和地区",
    "地理位置省",
    "地理位置市",
    "用户类型",
    "用户标识",
    "昵称",
    "自定义字段",
    "IP",
    "UA",
    "Referrer",
]
TENCENT_QUESTIONS = [
    "1.您的性别",
    "2.您使用过哪些工具？:Python",
    "2.您使用过哪些工具？:R",
    "2.您使用过哪些工具？:Excel",
    "3.您所在的省份和城市：_填空1",
    "3.您所在的省份和城市：_填空2",
    "4.您对目前工具的满意程度",
    "5.您在使用中遇到的最大困难是什么？",
    "6.您的手机号",
]
UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 16_5 like Mac OS X) MicroMessenger/8.0.38"
TENCENT_PEOPLE = [
    ["1", "01-May-2023 10:18:25", "01-May-2023 10:20:30", "125", "中国", "上海", "上海"],
    ["2", "01-May-2023 11:00:37", "01-May-2023 11:02:15", "98", "中国", "上海", "上海"],
    ["3", "02-May-2023 09:14:00", "02-May-2023 09:15:00", "60", "中国", "北京", "北京"],
    ["4", "02-May-2023 21:42:04", "02-May-2023 21:47:09", "305", "中国", "广东", "深圳"],
]
TENCENT_ACCOUNTS = [
    ["微信用户", "oX7a_fake_openid_01", "小K", "张伟", "183.192.16.69", UA, ""],
    ["QQ用户", "fake_qq_02", "老王", "", "112.65.12.3", UA, "https://wj.qq.com/"],
    ["匿名用户", "", "", "", "36.110.8.1", UA, ""],
    ["微信用户", "oX7a_fake_openid_04", "Zoë", "李娜", "223.104.3.10", UA, ""],
]
TENCENT_ANSWERS = [
    ["B.女", "A.Python", "", "", "上海", "上海", "4", DIFFICULTY[0], "13812345678"],
    ["A.男", "", "B.R", "C.Excel", "上海", "上海", "5", DIFFICULTY[1], "13912345670"],
    ["B.女", "", "", "C.Excel", "北京", "北京", "3", "", "13700000000"],
    ["A.男", "A.Python", "B.R", "C.Excel", "广东", "深圳", "2", DIFFICULTY[3], "15000000000"],
]


def tencent_csv() -> None:
    # Every field quoted and a comma closing each line, as 腾讯问卷 writes; UTF-8 with BOM.
    lines = [",".join(_quote(c) for c in TENCENT_META + TENCENT_QUESTIONS) + ","]
    for meta, account, answers in zip(
        TENCENT_PEOPLE, TENCENT_ACCOUNTS, TENCENT_ANSWERS, strict=True
    ):
        lines.append(",".join(_quote(c) for c in meta + account + answers) + ",")
    (HERE / "tencent.csv").write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))


def _quote(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'


def main() -> None:
    wjx_text_xls()
    wjx_text_gbk_csv()
    wjx_number_xlsx()
    wjx_sheets_xls()
    tencent_csv()


if __name__ == "__main__":
    main()
