"""Each transcript layout read from a fixture file: turns, speakers, times, notes, and what the
file says about itself kept apart from the conversation."""

from __future__ import annotations

from pathlib import Path

import pytest

from dotsdesk.errors import InputError
from dotsdesk.importers.transcripts.colon import label_of, parse_colon_turns
from dotsdesk.importers.transcripts.layout import read_transcript
from dotsdesk.importers.transcripts.parsed import count_words
from dotsdesk.services.corpus.turns import format_time, parse_time
from tests.paths import DATA

HERE = DATA / "transcripts"
TRICKY = "我们团队自己部署模型 👩‍💻 👍🏽, the cafe\u0301 dashboard"

OTTER = [
    ("Alex Kim", 3_000, "Thanks for joining. Do you write production code as a data scientist?"),
    ("Jane Doe", 9_000, f"Yes, every week: {TRICKY}.\nWe deploy it ourselves, too."),
    ("Alex Kim", 62_000, "How did you learn that?"),
    ("Jane Doe", 65_000, "From code review 🙂. 面试的时候也考系统设计。"),
    ("Alex Kim", 3_723_000, "Anything else?"),
    ("Jane Doe", 3_729_000, "No, that's all."),
]


def turns(name: str) -> list[tuple[str | None, int | None, str]]:
    parsed = read_transcript(HERE / name)
    return [(t.speaker, t.time_ms, t.text) for t in parsed.turns]


@pytest.mark.parametrize("name", ["otter.txt", "otter.md", "otter.docx"])
def test_otter_in_three_formats(name: str) -> None:
    parsed = read_transcript(HERE / name)
    assert parsed.layout == "Otter"
    assert turns(name) == OTTER
    assert parsed.speakers == ["Alex Kim", "Jane Doe"]
    info = parsed.document_info or ""
    assert "SUMMARY KEYWORDS" in info and "SPEAKERS" in info  # metadata, not a turn
    text, spans = parsed.text_and_spans()
    assert "SUMMARY" not in text and "Alex Kim" not in text and "0:03" not in text
    assert [text[a:b] for a, b in spans] == [t[2] for t in OTTER]


def test_otter_extras_per_format() -> None:
    assert "Transcribed by https://otter.ai" in (
        read_transcript(HERE / "otter.txt").document_info or ""
    )
    md = read_transcript(HERE / "otter.md")
    assert (md.document_info or "").startswith("# Interview 7: production code")
    assert md.title == "Interview 7: production code"
    docx = read_transcript(HERE / "otter.docx")
    assert docx.title == "Jane Doe, 5 March"
    # The header part's "Header Person  0:01" is not a speaker.
    assert "Header Person" not in docx.speakers


def test_colon_turns_in_english_with_a_note_and_a_turn_over_paragraphs() -> None:
    parsed = read_transcript(HERE / "colon_en.txt")  # CRLF
    assert parsed.layout == "speaker turns"
    assert [(t.speaker, t.note, t.text) for t in parsed.turns] == [
        ("Interviewer 1", False, "Do you write production code?"),
        ("Interviewee", False, f"Yes. {TRICKY}.\nIt took a year to get there."),
        (None, True, "=== Connection got interrupted ==="),
        ("Interviewee", False, "Sorry, where was I? Code review, mostly."),
        ("Interviewer 1", False, "Thank you."),
    ]
    assert parsed.document_info == "Interview 12 with a data scientist, 5 March 2024"


def test_colon_turns_in_chinese_with_the_full_width_colon() -> None:
    parsed = read_transcript(HERE / "colon_zh.txt")
    assert parsed.encoding == "UTF-8 with BOM"
    assert turns("colon_zh.txt") == [
        ("访谈者", None, "你平时写生产代码吗？"),
        ("受访者", None, f"写的，每天都写 😀。{TRICKY}。\n还有代码评审。"),
        ("访谈者", None, "谢谢！"),
        ("受访者", None, "不客气。"),
    ]


def test_nvivo_docx_turns() -> None:
    assert [s for s, _t, _x in turns("nvivo.docx")] == ["I", "X", "I2", "X", "I"]


def test_webvtt_without_voices_merges_cues_into_paragraphs() -> None:
    parsed = read_transcript(HERE / "whisper.vtt")  # CRLF, cues without hours
    assert parsed.layout == "WebVTT" and parsed.speakers == []
    assert turns("whisper.vtt") == [
        (None, 0, "So do you write production code?"),  # two cues, no pause: one paragraph
        (None, 6_000, f"Yes, every week. {TRICKY}. 我们团队的数据科学家需要自己部署。"),
    ]


def test_webvtt_voice_tags_are_speakers() -> None:
    assert turns("voices.vtt") == [
        ("Alex Kim", 3_600_000, "Do you write production code?"),
        ("Jane Doe", 3_603_500, f"Yes, every week. {TRICKY}. Really every week."),
        ("Alex Kim", 3_608_500, "Why?"),
    ]


def test_srt_with_speaker_prefixes() -> None:
    assert turns("teams.srt") == [
        ("Interviewer", 1_000, "Do you write production code?"),
        ("Respondent", 3_200, f"Every week, mostly pipelines. {TRICKY}."),
        ("Interviewer", 7_500, "Thanks!"),
    ]


def test_rtf_from_textedit() -> None:
    assert turns("textedit.rtf") == [
        ("Interviewer", None, "Do you write production code? café"),
        ("受访者", None, f"写的。{TRICKY}."),
        ("Interviewer", None, "Thanks 🙂"),
        ("受访者", None, "不客气。"),
    ]


def test_documents_without_speakers_stay_as_written() -> None:
    for name in ("unicode.txt", "gbk_short.txt", "windows1252_smart_quotes.txt"):
        parsed = read_transcript(DATA / name)
        assert parsed.layout == "paragraphs" and parsed.turns == [], name
        assert parsed.plain_text and len(parsed.plain_text) > 5


def test_markdown_q_and_a_under_a_heading() -> None:
    parsed = read_transcript(DATA / "transcript.md")  # bold **Q:** / **A:** labels
    assert parsed.layout == "speaker turns" and parsed.speakers == ["Q", "A"]
    assert parsed.turns[0].text == "Why data science?"
    assert "# Interview 3" in (parsed.document_info or "")


@pytest.mark.parametrize(
    "text",
    [
        "From: alice@example.com\nTo: bob@example.com\nSubject: interview",
        "Job title: data scientist\nCompany: ACME\nYears: 4\nTeam: 3\nCity: Berlin\nOffice: 2",
        "论坛私信：我们用结对编程。",
        "We met at 10:30: it went well.\nSee https://example.com for more.",
        "An essay.\n" * 20 + "She said: yes.\nHe said: no.\n",
    ],
)
def test_ordinary_text_with_colons_is_not_a_transcript(text: str) -> None:
    assert parse_colon_turns(text.split("\n")) is None


def test_labels_with_times_and_bold() -> None:
    assert label_of("[00:01:02] I: hello") == ("I", "hello", 62_000)
    assert label_of("Speaker 1 (1:02): hi") == ("Speaker 1", "hi", 62_000)
    assert label_of("**Interviewer:** well") == ("Interviewer", "well", None)
    assert label_of("访谈者：你好") == ("访谈者", "你好", None)
    assert label_of("https://example.com") is None


def test_times_and_words() -> None:
    assert parse_time("1:02:03") == 3_723_000 and parse_time("00:05.250") == 5_250
    assert parse_time("7:75") is None and parse_time("soon") is None
    assert format_time(3_723_000) == "1:02:03" and format_time(65_000) == "1:05"
    assert count_words("We deploy 我们团队 👩‍💻") == 2 + 4


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("bad.vtt", b"not a subtitle file", "not a valid WebVTT file"),
        ("bad.srt", b"1\nnonsense --> more\nhello\n", "not a valid SRT file"),
        ("bad.rtf", b"PK\x03\x04 zip bytes", r"not a valid \.rtf file \(it is a zip archive"),
        ("cut.rtf", b"{\\rtf1\\ansi {\\fonttbl\\f0 Helvetica;}\\f0 Hello \\u-10179 ", "broken"),
        ("empty.vtt", b"WEBVTT\n\n00:01.000 --> 00:02.000\n\n", "no captions with text"),
    ],
)
def test_bad_files_are_refused_by_name(
    tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=problem) as caught:
        read_transcript(path)
    assert name in str(caught.value)
