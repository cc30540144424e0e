"""Regenerate the transcript fixtures in this folder (see README.md for each one).

Run from the repository root:  .venv/bin/python tests/data/transcripts/make_transcripts.py
Everything is written by Python (raw bytes and python-docx), so line endings, encodings and
RTF escapes are exactly as the tools that make such files write them. `long_otter` makes the
two-hour transcript the tests generate on the fly (it is too big to commit).
"""

from __future__ import annotations

import random
from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent

# Said by the interviewee in every fixture: Chinese, a ZWJ emoji, a skin tone, and
# "e" + COMBINING ACUTE ACCENT.
TRICKY = "我们团队自己部署模型 👩‍💻 👍🏽, the cafe\u0301 dashboard"

OTTER_TURNS = [
    ("Alex Kim", "0:03", ["Thanks for joining. Do you write production code as a data scientist?"]),
    ("Jane Doe", "0:09", [f"Yes, every week: {TRICKY}.", "We deploy it ourselves, too."]),
    ("Alex Kim", "1:02", ["How did you learn that?"]),
    ("Jane Doe", "1:05", ["From code review 🙂. 面试的时候也考系统设计。"]),
    ("Alex Kim", "1:02:03", ["Anything else?"]),
    ("Jane Doe", "1:02:09", ["No, that's all."]),
]
OTTER_HEAD = [
    "SUMMARY KEYWORDS",
    "production code, pipelines, 面试, review",
    "",
    "SPEAKERS",
    "Alex Kim, Jane Doe",
    "",
]


def otter_lines(trailing: str = "") -> list[str]:
    lines = list(OTTER_HEAD)
    for speaker, time, paragraphs in OTTER_TURNS:
        lines.append(f"{speaker}  {time}{trailing}")
        lines.extend(p + trailing for p in paragraphs)
        lines.append("")
    return lines


def write_otter() -> None:
    txt = [*otter_lines(), "", "Transcribed by https://otter.ai"]
    (HERE / "otter.txt").write_bytes("\n".join(txt).encode("utf-8"))
    md = [
        "# Interview 7: production code",
        "",
        "*Recorded on Zoom; notes by the researcher.*",
        "",
        *otter_lines("  "),  # Markdown's two trailing spaces: a line break
    ]
    (HERE / "otter.md").write_bytes("\n".join(md).encode("utf-8"))
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Header Person  0:01"  # must be ignored
    section.footer.paragraphs[0].text = "Transcribed by https://otter.ai"
    for line in otter_lines():
        if line:
            document.add_paragraph(line)
    document.core_properties.title = "Jane Doe, 5 March"
    document.save(str(HERE / "otter.docx"))


def write_colon() -> None:
    en = [
        "Interview 12 with a data scientist, 5 March 2024",
        "",
        "Interviewer 1: Do you write production code?",
        "",
        f"Interviewee: Yes. {TRICKY}.",
        "",
        "It took a year to get there.",
        "",
        "=== Connection got interrupted ===",
        "",
        "Interviewee: Sorry, where was I? Code review, mostly.",
        "Interviewer 1: Thank you.",
    ]
    (HERE / "colon_en.txt").write_bytes("\r\n".join(en).encode("utf-8"))
    zh = [
        "访谈者：你平时写生产代码吗？",
        f"受访者：写的，每天都写 😀。{TRICKY}。",
        "还有代码评审。",
        "访谈者：谢谢！",
        "受访者：不客气。",
    ]
    (HERE / "colon_zh.txt").write_bytes(("\ufeff" + "\n".join(zh)).encode("utf-8"))
    document = docx.Document()
    for line in [
        "I: Do you write production code?",
        f"X: Every week. {TRICKY}.",
        "I2: And your manager?",
        "X: She reviews it.",
        "I: Thanks.",
    ]:
        document.add_paragraph(line)
    document.save(str(HERE / "nvivo.docx"))


def write_subtitles() -> None:
    whisper = [
        "WEBVTT",
        "",
        "00:00.000 --> 00:02.500",
        "So do you write",
        "",
        "00:02.500 --> 00:04.000",
        "production code?",
        "",
        "00:06.000 --> 00:09.000",
        f"Yes, every week. {TRICKY}.",
        "",
        "00:09.200 --> 00:11.000",
        "我们团队的数据科学家",
        "",
        "00:11.000 --> 00:13.000",
        "需要自己部署。",
        "",
    ]
    (HERE / "whisper.vtt").write_bytes("\r\n".join(whisper).encode("utf-8"))
    voices = [
        "WEBVTT",
        "",
        "NOTE made by a meeting tool",
        "",
        "1",
        "01:00:00.000 --> 01:00:03.000",
        "<v Alex Kim>Do you write production code?</v>",
        "",
        "2",
        "01:00:03.500 --> 01:00:06.000",
        f"<v.loud Jane Doe>Yes, every week. {TRICKY}.</v>",
        "",
        "01:00:06.000 --> 01:00:08.000",
        "<v Jane Doe><i>Really</i> every week.</v>",
        "",
        "01:00:08.500 --> 01:00:09.000",
        "<v Alex Kim>Why?</v>",
        "",
    ]
    (HERE / "voices.vtt").write_bytes("\n".join(voices).encode("utf-8"))
    cues = [
        ("00:00:01,000", "00:00:03,000", "Interviewer: Do you write production code?"),
        ("00:00:03,200", "00:00:05,000", "Respondent: Every week,"),
        ("00:00:05,000", "00:00:07,000", f"mostly pipelines. {TRICKY}."),
        ("00:00:07,500", "00:00:09,000", "Interviewer: Thanks!"),
    ]
    blocks = [f"{n}\r\n{a} --> {b}\r\n{text}\r\n" for n, (a, b, text) in enumerate(cues, 1)]
    (HERE / "teams.srt").write_bytes("\r\n".join(blocks).encode("utf-8"))


def _rtf_escape(text: str) -> str:
    """TextEdit's escapes: ASCII as is, others as \\uN with UTF-16 halves for emoji."""
    out = []
    for ch in text:
        if ord(ch) < 128:
            out.append("\\" + ch if ch in "\\{}" else ch)
        else:
            for unit in memoryview(ch.encode("utf-16-le")).cast("H"):
                value = unit if unit < 0x8000 else unit - 0x10000
                out.append(f"\\u{value} ")
    return "".join(out)


def write_rtf() -> None:
    lines = [
        "Interviewer: Do you write production code? caf\\'e9",
        "\\f1 \\'ca\\'dc\\'b7\\'c3\\'d5\\'df\\f0 : " + _rtf_escape(f"写的。{TRICKY}."),
        "Interviewer: " + _rtf_escape("Thanks 🙂"),
        "\\f1 \\'ca\\'dc\\'b7\\'c3\\'d5\\'df\\f0 : " + _rtf_escape("不客气。"),
    ]
    body = "\\\n\\\n".join(lines)  # TextEdit ends paragraphs with a backslash
    rtf = (
        "{\\rtf1\\ansi\\ansicpg1252\\cocoartf2761\n"
        "\\cocoatextscaling0\\cocoaplatform0{\\fonttbl\\f0\\fswiss\\fcharset0 Helvetica;"
        "\\f1\\fnil\\fcharset134 PingFangSC-Regular;}\n"
        "{\\colortbl;\\red255\\green255\\blue255;}\n"
        "\\paperw11900\\paperh16840\\margl1440\\margr1440\\vieww11520\\viewh8400\\viewkind0\n"
        "\\pard\\tx566\\pardirnatural\\partightenfactor0\n\n"
        "\\f0\\fs24 \\cf0 \\uc0 " + body + "}"
    )
    (HERE / "textedit.rtf").write_bytes(rtf.encode("ascii"))


def long_otter(target_chars: int = 150_000, seed: int = 14) -> str:
    """A two-hour Otter transcript of about `target_chars` characters: an interviewer asking,
    an interviewee answering at length in English and Chinese with emoji and combining marks,
    a turn about every 7 seconds of the recording."""
    rng = random.Random(seed)
    words = [
        "production", "pipeline", "model", "review", "deploy", "notebook", "engineer",
        "team", "data", "cafe\u0301", "面试", "生产环境", "代码", "模型", "工程师", "🙂", "👩‍💻",
    ]  # fmt: skip
    lines = list(OTTER_HEAD)
    seconds = 3
    size = 0
    n = 0
    while size < target_chars:
        asking = n % 2 == 0
        speaker = "Alex Kim" if asking else "Jane Doe"
        count = rng.randint(6, 14) if asking else rng.randint(30, 110)
        said = " ".join(rng.choice(words) for _ in range(count)) + ("?" if asking else ".")
        hours, rest = divmod(seconds, 3600)
        stamp = f"{rest // 60}:{rest % 60:02d}"
        stamp = f"{hours}:{stamp.zfill(5)}" if hours else stamp
        lines += [f"{speaker}  {stamp}", said, ""]
        size += len(said) + 2
        seconds += rng.randint(4, 8) if asking else rng.randint(10, 22)
        n += 1
    return "\n".join(lines)


if __name__ == "__main__":
    write_otter()
    write_colon()
    write_subtitles()
    write_rtf()
    print("wrote the transcript fixtures in", HERE)
