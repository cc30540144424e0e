"""The benchmark corpus: deterministic, and importable by the real importer."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from dotsdesk.bench.corpus import generate
from dotsdesk.importers import import_file
from dotsdesk.model import Respondent, Response
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.services.coding.coders import get_coder
from dotsdesk.services.coding.segments import add_segments
from dotsdesk.store import Project


def test_same_seed_same_bytes() -> None:
    a = generate(rows=30, segments=100, codes=12, seed=7)
    b = generate(rows=30, segments=100, codes=12, seed=7)
    assert a.csv_bytes() == b.csv_bytes()
    assert a.segments == b.segments and a.codes == b.codes
    assert generate(rows=30, segments=100, codes=12, seed=8).csv_bytes() != a.csv_bytes()
    assert len(a.codes) == 12 and len(a.segments) == 100
    assert all(0 <= s < e <= len(a.texts[r]) for r, s, e, _ in a.segments)


def test_tiny_corpus_imports_and_codes(project: Project, tmp_path: Path) -> None:
    corpus = generate(rows=40, segments=150, codes=12, seed=3)
    path = corpus.write_csv(tmp_path / "survey.csv")
    with project.write() as s:
        report = import_file(s, path)
    assert report.responses_added == 40
    with project.write() as s:
        stored = dict(
            s.execute(select(Respondent.key, Response.text).join(Response.respondent)).all()
        )
        # Every character survives the CSV round trip, so code-point offsets stay valid.
        assert [stored[k] for k in corpus.keys] == corpus.texts
        ids = dict(s.execute(select(Respondent.key, Response.id).join(Response.respondent)).all())
        codes = [ensure_code(s, p).id for p in corpus.codes]
        coder = get_coder(s, "bench").id
        made = sum(
            add_segments(s, [(ids[corpus.keys[r]], start, end)], [codes[c]], coder)
            for r, start, end, c in corpus.segments
        )
    assert made == 150
