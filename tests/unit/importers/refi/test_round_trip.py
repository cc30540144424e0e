"""dotsdesk -> .qdpx -> a new dotsdesk project keeps texts, exact segment texts, codes,
colours, coders, memos, attributes and labels; a file coming back lands where it came from.

The importer reads files only: these tests use the exporter to make them, which the layers
allow for tests (importers and exporters never import each other in src/)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from dotsdesk.exporters.refi import export_refi
from dotsdesk.importers import import_file
from dotsdesk.importers.refi import RefiReport
from dotsdesk.model import (
    AttributeType,
    AttributeValue,
    Code,
    Memo,
    Respondent,
    Response,
)
from dotsdesk.services.coding.codebook import code_paths, ensure_code
from dotsdesk.services.coding.memos import MemoOn, set_memo
from dotsdesk.services.coding.segments import code_span, segments_of
from dotsdesk.services.corpus.respondents import add_respondent, define_attribute
from dotsdesk.services.corpus.responses import add_response
from dotsdesk.services.exchange_ids import ensure_exchange_namespace
from dotsdesk.store import Project
from tests.conftest import CORPUS


def export(project: Project, target: Path) -> Path:
    with project.write() as s:
        namespace = ensure_exchange_namespace(s)
    with project.read() as s:
        export_refi(s, target, namespace, name="study")
    return target


def load(project: Project, path: Path) -> RefiReport:
    with project.write() as s:
        report = import_file(s, path)
    assert isinstance(report, RefiReport)
    return report


def snapshot(project: Project) -> dict[str, Any]:
    """Everything a round trip must keep, by what it is rather than by ids."""
    with project.read() as s:
        paths = code_paths(s)
        labels = dict(s.execute(select(Respondent.id, Respondent.label)).all())
        responses = {}
        for r in s.scalars(select(Response)):
            segments = sorted(
                (v.text, tuple(sorted(paths[c] for c in v.code_ids)), v.coder, v.memo)
                for v in segments_of(s, r.id)
            )
            key = (labels[r.respondent_id], r.question, r.text.replace("\r\n", "\n"))
            responses[key] = (r.language, segments)
        return {
            "responses": responses,
            "codes": sorted(
                (paths[c.id], c.colour.upper(), c.description) for c in s.scalars(select(Code))
            ),
            "memos": sorted(
                (m.text, paths.get(m.code_id or -1), m.response_id is not None)
                for m in s.scalars(select(Memo))
            ),
            "attributes": sorted(
                (
                    labels[v.respondent_id],
                    v.attribute.name,
                    v.attribute.type.value,
                    v.value_text,
                    v.value_number,
                )
                for v in s.scalars(select(AttributeValue))
            ),
        }


def test_the_sample_project_comes_back_whole(
    sample_project: Project, project: Project, tmp_path: Path
) -> None:
    report = load(project, export(sample_project, tmp_path / "sample.qdpx"))
    assert snapshot(project) == snapshot(sample_project)
    assert report.respondents_added == 30 and report.segments_added == 77


def test_awkward_texts_come_back_exact(
    project: Project, tmp_path: Path, empty_project_file: Path
) -> None:
    texts = {**CORPUS, "crlf": "First line\r\nsecond line with 数据 and 🚀\r\nthird"}
    with project.write() as s:
        define_attribute(s, "Roles", AttributeType.MULTI)
        define_attribute(s, "Track", AttributeType.CATEGORY)
        theme = ensure_code(s, "Theme/Tricky", colour="#AA00CC").id
        for n, (name, text) in enumerate(texts.items()):
            r = add_respondent(
                s,
                f"k{n}",
                label=f"P{n:02d} {name}",
                attributes={"Roles": ["research", "engineering"], "Track": "hybrid", "Age": 30 + n},
            )
            response = add_response(s, r.id, text, question=f"Q about {name}\nsecond line")
            for piece in ("🚀", "数据", "cafe\u0301", "👩‍💻", "nai\u0308ve", "second line", "ok"):
                at = text.find(piece)
                if at >= 0:
                    code_span(
                        s,
                        response.id,
                        at,
                        at + len(piece),
                        [theme],
                        coder="coder " + name,
                        memo=f"memo on {piece}\r\nwith a CR LF",
                    )
            code_span(s, response.id, 0, len(text), [theme], coder="whole")
            set_memo(s, MemoOn.RESPONSE, response.id, f"About {name} & <more>", coder="ana")
        set_memo(s, MemoOn.CODE, theme, "Code memo\twith a tab", coder="ana")
    export(project, tmp_path / "awkward.qdpx")
    fresh = tmp_path / "fresh.dots"
    fresh.write_bytes(empty_project_file.read_bytes())
    with Project.open(fresh) as other:
        load(other, tmp_path / "awkward.qdpx")
        before, after = snapshot(project), snapshot(other)

    # Line ends come back as every dotsdesk import writes them ("\n"); nothing else changes.
    def lf(value: Any) -> Any:
        return value.replace("\r\n", "\n") if isinstance(value, str) else value

    expected = {
        key: (lang, [tuple(lf(x) for x in seg) for seg in segments])
        for key, (lang, segments) in before["responses"].items()
    }
    assert after["responses"] == expected
    assert after["codes"] == before["codes"]
    assert after["memos"] == before["memos"]
    assert after["attributes"] == before["attributes"]


def test_a_projects_own_export_coming_back_changes_nothing(
    sample_project: Project, tmp_path: Path
) -> None:
    before = snapshot(sample_project)
    report = load(sample_project, export(sample_project, tmp_path / "again.qdpx"))
    assert snapshot(sample_project) == before
    assert report.respondents_added == 0 and report.responses_added == 0
    assert report.segments_added == 0 and report.codes_added == 0
    assert "nothing changed" in "\n".join(report.lines())


def test_coding_added_elsewhere_lands_on_the_same_response(
    sample_project: Project, tmp_path: Path
) -> None:
    """A colleague codes the exported file in another tool and sends it back: only the new
    coding comes in, on the existing respondent and response."""
    path = export(sample_project, tmp_path / "shared.qdpx")
    import zipfile

    with zipfile.ZipFile(path) as z:
        entries = {n: z.read(n) for n in z.namelist()}
    qde = entries["project.qde"].decode()
    # A new code and one more selection on the first source, as the other tool would add.
    first = qde.index("<PlainTextSelection ")
    extra = (
        '<PlainTextSelection guid="11111111-2222-4333-8444-555555555555" startPosition="0" '
        'endPosition="3"><Coding guid="11111111-2222-4333-8444-666666666666"><CodeRef '
        'targetGUID="11111111-2222-4333-8444-777777777777"/></Coding></PlainTextSelection>\n'
    )
    qde = qde[:first] + extra + qde[first:]
    qde = qde.replace(
        "</Codes>",
        '<Code guid="11111111-2222-4333-8444-777777777777" name="Colleague" isCodable="true"/>'
        "</Codes>",
        1,
    )
    entries["project.qde"] = qde.encode()
    back = tmp_path / "back.qdpx"
    with zipfile.ZipFile(back, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)
    before = snapshot(sample_project)
    report = load(sample_project, back)
    assert report.respondents_added == 0 and report.responses_added == 0
    assert report.codes_added == 1 and report.segments_added == 1
    after = snapshot(sample_project)
    assert len(after["responses"]) == len(before["responses"])


def test_a_long_source_with_hundreds_of_codings_imports_in_seconds(
    project: Project, tmp_path: Path, empty_project_file: Path
) -> None:
    """600,000 characters in one source, 500 codings: the size that made other tools lose
    text. Every coding comes back on its words."""
    sentence = "我们团队的数据科学家 write production code every week 🚀 and review it.\n"
    text = (sentence * (600_000 // len(sentence) + 1))[:600_000]
    with project.write() as s:
        r = add_respondent(s, "long", label="Interviewee 1")
        response = add_response(s, r.id, text, language="en")
        codes = [ensure_code(s, f"Long/C{n}").id for n in range(10)]
        step = len(text) // 500
        for n in range(500):
            at = n * step + 5
            code_span(s, response.id, at, at + 40, [codes[n % 10]], coder="ana")
    path = export(project, tmp_path / "long.qdpx")
    fresh = tmp_path / "fresh.dots"
    fresh.write_bytes(empty_project_file.read_bytes())
    with Project.open(fresh) as other:
        started = time.perf_counter()
        report = load(other, path)
        elapsed = time.perf_counter() - started
        assert report.segments_added == 500
        assert snapshot(other)["responses"] == snapshot(project)["responses"]
    assert elapsed < 20, f"took {elapsed:.1f} s"


@pytest.mark.parametrize("suffix", [".qdc"])
def test_a_codebook_round_trip_keeps_the_tree(
    sample_project: Project, project: Project, tmp_path: Path, suffix: str
) -> None:
    load(project, export(sample_project, tmp_path / f"codes{suffix}"))
    assert snapshot(project)["codes"] == snapshot(sample_project)["codes"]
