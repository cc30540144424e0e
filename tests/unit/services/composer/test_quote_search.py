"""Find a quote: coded segments by their words, English or Chinese, or via a translation."""

from __future__ import annotations

from dotsdesk.services.composer.quote_search import find_segments
from dotsdesk.store import Project


def test_english_terms_find_the_segments_holding_them(sample_project: Project) -> None:
    with sample_project.read() as s:
        hits = find_segments(s, "pair coding")
    assert {h.respondent for h in hits} == {"P13"}
    pair = next(h for h in hits if h.code_paths == ("Theme/Pair coding",))
    assert "pair coding" in pair.preview and not pair.translated
    assert not any(h.translated for h in hits)


def test_chinese_terms_and_translations(sample_project: Project) -> None:
    with sample_project.read() as s:
        chinese = find_segments(s, "结对")
        translated = find_segments(s, "pair programming")
    assert {h.respondent for h in chinese} == {"P14"}
    assert all("结对" in h.preview for h in chinese)
    assert "Theme/Pair coding" in {p for h in chinese for p in h.code_paths}
    # "pair programming" is only in the English translation of P14's Chinese answer.
    assert translated and all(h.translated for h in translated)
    assert {h.respondent for h in translated} == {"P14"}


def test_no_terms_no_match_and_the_limit(sample_project: Project) -> None:
    with sample_project.read() as s:
        assert find_segments(s, "") == []
        assert find_segments(s, "   ") == []
        assert find_segments(s, "zzzzqqq") == []
        many = find_segments(s, "research")
        assert len(many) > 3
        assert len(find_segments(s, "research", limit=3)) == 3
        assert find_segments(s, "research", limit=0) == []
    long = max(many, key=lambda h: len(h.preview))
    assert len(long.preview) <= 160
