"""`dotsdesk autocode --unit`: what each hit codes, as a user runs it on a transcript and a
survey; the interviewer's turns are skipped and counted unless asked."""

from __future__ import annotations

from pathlib import Path

import openpyxl

TRANSCRIPT = (
    "Interviewer: Do you like the interview format? 面试呢？\n"
    "Alex: Yes. The interview was fun 😀, the café too. 面试很难！还有别的吗？\n"
    "Interviewer: Thanks.\n"
    "Alex: Bye.\n"
)


def _segments(tmp_path: Path, cli, name: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    assert cli("export", "p.dots", name).code == 0
    rows = list(openpyxl.load_workbook(tmp_path / name)["Segments"].iter_rows(values_only=True))
    head = rows[0]
    code, text = head.index("Codes") if "Codes" in head else head.index("Code"), 3
    return sorted((str(r[code]), str(r[text])) for r in rows[1:])


def test_units_on_a_transcript(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "alex.txt").write_text(TRANSCRIPT, encoding="utf-8")
    assert cli("new", "p.dots").code == 0
    made = cli("import", "p.dots", "alex.txt", "--interviewer", "Interviewer")
    assert made.code == 0, made.err
    runs = {
        "M": ("match",),
        "S": ("sentence",),
        "P": ("paragraph",),
        "T": ("turn",),
        "R": ("response",),
    }
    for code, (unit,) in runs.items():
        out = cli(
            "autocode", "p.dots", "--code", code, "--pattern", "interview|面试", "--unit", unit
        )
        assert out.code == 0, out.err
        # Two hits in the interviewer's first turn are skipped, never coded as Alex's.
        assert "2 hit(s) in the interviewer's or others' turns skipped" in out.out, out.out
    found = _segments(tmp_path, cli, "s.xlsx")
    by_code: dict[str, list[str]] = {}
    for codes, text in found:
        for c in codes.split("; "):
            by_code.setdefault(c.split("/")[-1].strip(), []).append(text)
    assert sorted(by_code["M"]) == ["interview", "面试"]
    assert sorted(by_code["S"]) == ["The interview was fun 😀, the café too.", "面试很难！"]
    turn = "Yes. The interview was fun 😀, the café too. 面试很难！还有别的吗？"
    assert by_code["P"] == [turn] and by_code["T"] == [turn]
    assert len(by_code["R"]) == 1 and "Do you like" in by_code["R"][0]  # the whole response
    # Asked to, the interviewer's hit is coded too (Alex's 面试 has a segment already).
    out = cli("autocode", "p.dots", "--code", "All", "--pattern", "面试", "--all-turns")
    assert out.code == 0 and "1 segment(s) made with All" in out.out, out.out
    assert "1 existing segment(s) gained the code" in out.out and "skipped" not in out.out


def test_bad_unit_and_bad_pattern_are_one_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("new", "p.dots").code == 0
    bad = cli("autocode", "p.dots", "--code", "X", "--pattern", "a", "--unit", "word")
    assert bad.code != 0 and "invalid choice: 'word'" in bad.err and "Traceback" not in bad.err
    broken = cli("autocode", "p.dots", "--code", "X", "--pattern", "(面试", "--unit", "sentence")
    assert broken.code != 0 and "regular expression" in broken.err
    assert "Traceback" not in broken.err
