"""REFI-QDA export: valid against the standard's schemas, stable GUIDs, exact texts, no
private identity unless asked, and each part (mapping, XML writing) on its own."""

from __future__ import annotations

import io
import random
import uuid
from pathlib import Path
from xml.etree import ElementTree

import pytest
from sqlalchemy import func, select

from dotsdesk.errors import DotsError
from dotsdesk.exporters.refi import export_refi
from dotsdesk.exporters.refi.mapping import refi_colour, selection_name
from dotsdesk.exporters.refi.xmlout import XmlWriter
from dotsdesk.model import AttributeType, Identity, Respondent, Segment
from dotsdesk.services.coding.bulk import NewSegment, add_coded_segments
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.services.coding.coders import get_coder
from dotsdesk.services.coding.memos import MemoOn, set_memo
from dotsdesk.services.coding.segments import code_span
from dotsdesk.services.corpus.bulk import (
    NewRespondent,
    NewResponse,
    add_respondents,
    add_responses,
    put_attribute_values,
)
from dotsdesk.services.corpus.respondents import add_respondent, set_identity
from dotsdesk.services.corpus.responses import add_response
from dotsdesk.services.exchange_ids import ensure_exchange_namespace, stable_guid
from dotsdesk.store import Project
from tests.refi_checks import NS, read_qdpx, validate_qdc, validate_qdpx


def export(project: Project, target: Path, **kw: object) -> object:
    with project.write() as s:
        namespace = ensure_exchange_namespace(s)
    with project.read() as s:
        return export_refi(s, target, namespace, name="study", **kw)  # type: ignore[arg-type]


def test_sample_project_is_valid_and_holds_every_segment(
    sample_project: Project, tmp_path: Path
) -> None:
    result = export(sample_project, tmp_path / "sample.qdpx")
    root = validate_qdpx(tmp_path / "sample.qdpx")
    export(sample_project, tmp_path / "sample.qdc")
    validate_qdc(tmp_path / "sample.qdc")
    assert result.selections == 77 and result.cases == 30  # type: ignore[attr-defined]
    _, texts = read_qdpx(tmp_path / "sample.qdpx")
    # Every selection covers exactly its segment's text, and is named by it.
    for source in root.iter(f"{NS}TextSource"):
        text = texts[source.get("plainTextPath", "").removeprefix("internal://")]
        for sel in source.iter(f"{NS}PlainTextSelection"):
            piece = text[int(sel.get("startPosition", 0)) : int(sel.get("endPosition", 0))]
            assert sel.get("name") == selection_name(piece)
    # Memos are notes, and respondents are cases by label with their attribute values; the
    # post's population is a set of its respondents' sources.
    assert root.find(f"{NS}Notes") is not None
    population = root.find(f"{NS}Sets/{NS}Set")
    assert population is not None and len(population.findall(f"{NS}MemberSource")) == 36
    cases = {c.get("name") for c in root.iter(f"{NS}Case")}
    with sample_project.read() as s:
        assert cases == set(s.scalars(select(Respondent.label)))


def test_an_empty_project_is_valid_and_its_empty_codebook_is_refused(
    project: Project, tmp_path: Path
) -> None:
    export(project, tmp_path / "empty.qdpx")
    root = validate_qdpx(tmp_path / "empty.qdpx")
    assert list(root) == []  # no container at all rather than an empty one
    with pytest.raises(DotsError, match="codebook is empty"):
        export(project, tmp_path / "empty.qdc")
    assert not (tmp_path / "empty.qdc").exists()


WORDS = ["data", "model", "code review", "数据", "科学家", "🚀", "café", "nai\u0308ve"]
WORDS += ["production", "面试", "deploy", "👩‍💻", "line\r\nend"]


@pytest.fixture
def generated(project: Project) -> Project:
    """2,000 responses, 60 codes in two levels, 6,000 segments, memos, three coders: made
    with the bulk services, as an import would, so the fixture takes a second."""
    rng = random.Random(7)
    with project.write() as s:
        codes = [ensure_code(s, f"Group {g}/Code {c}").id for g in range(6) for c in range(10)]
        coders = [get_coder(s, name).id for name in ("ana", "ben", "chen")]
        people = add_respondents(s, [NewRespondent(f"key{n}") for n in range(2000)])
        texts = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 40))) for _ in people]
        ids = add_responses(
            s,
            [NewResponse(rid, t, language="en") for (rid, _), t in zip(people, texts, strict=True)],
        )
        put_attribute_values(
            s,
            [(rid, "Years", str(n % 17)) for n, (rid, _) in enumerate(people)],
            {"Years": AttributeType.NUMBER},
        )
        rows = []
        for k in range(6000):
            n = k % len(ids)
            start = rng.randrange(0, len(texts[n]) - 1)
            end = rng.randrange(start + 1, len(texts[n]) + 1)
            rows.append(NewSegment(ids[n], start, end, coders[k % 3], (codes[k % 60],)))
        add_coded_segments(s, rows)
        set_memo(s, MemoOn.CODE, codes[0], "A memo on a code\r\nwith a CR LF", coder="ana")
        set_memo(s, MemoOn.RESPONSE, ids[0], "On the first answer & <its> \x0b tab", coder="ben")
    return project


def test_a_generated_project_of_thousands_of_segments_is_valid(
    generated: Project, tmp_path: Path
) -> None:
    result = export(generated, tmp_path / "big.qdpx")
    validate_qdpx(tmp_path / "big.qdpx")
    export(generated, tmp_path / "big.qdc")
    validate_qdc(tmp_path / "big.qdc")
    # Segments of one span by one coder are one selection; every one is there.
    with generated.read() as s:
        segments = s.scalar(select(func.count(Segment.id)))
    assert result.selections == segments and result.users == 3  # type: ignore[attr-defined]


def test_guids_are_the_same_at_every_export(generated: Project, tmp_path: Path) -> None:
    export(generated, tmp_path / "a.qdpx")
    export(generated, tmp_path / "b.qdpx")
    a, _ = read_qdpx(tmp_path / "a.qdpx")
    b, _ = read_qdpx(tmp_path / "b.qdpx")
    assert a == b  # the whole XML: GUIDs, order, everything
    with generated.read() as s:
        namespace = ensure_exchange_namespace(s)
        first = s.scalar(select(Respondent.id).order_by(Respondent.id))
    assert stable_guid(namespace, "respondent", first).encode() in a
    assert str(uuid.uuid5(namespace, f"respondent:{first}")).encode() in a


def test_private_identity_only_with_identity(project: Project, tmp_path: Path) -> None:
    with project.write() as s:
        r = add_respondent(s, "alice@example.com", label="P01")
        set_identity(s, r, {"name": "Alice Zhang", "email": "alice@example.com"})
        response = add_response(s, r.id, "I moved from research to engineering.")
        code_span(s, response.id, 0, 7, [ensure_code(s, "Theme/Moves").id], coder="ana")
    result = export(project, tmp_path / "plain.qdpx")
    assert not result.with_identity  # type: ignore[attr-defined]
    qde, texts = read_qdpx(tmp_path / "plain.qdpx")
    everything = qde.decode() + "".join(texts.values())
    assert "Alice" not in everything and "alice@example.com" not in everything
    assert "P01" in everything
    result = export(project, tmp_path / "identity.qdpx", with_identity=True)
    assert result.with_identity  # type: ignore[attr-defined]
    assert "PRIVATE IDENTITY" in result.summary()  # type: ignore[attr-defined]
    root = validate_qdpx(tmp_path / "identity.qdpx")
    values = {v.text for v in root.iter(f"{NS}TextValue")}
    assert {"Alice Zhang", "alice@example.com"} <= values
    with project.read() as s:  # the export read identity, it did not change it
        assert s.scalar(select(Identity.name)) == "Alice Zhang"


def test_a_failed_export_leaves_no_file(project: Project, tmp_path: Path) -> None:
    with pytest.raises(DotsError, match="does not exist"):
        export(project, tmp_path / "missing" / "out.qdpx")
    with pytest.raises(DotsError, match=r"\.qdpx \(a project\) or \.qdc"):
        export(project, tmp_path / "out.refi")
    assert list(tmp_path.iterdir()) == [tmp_path / "t.dots"] or all(
        not p.name.endswith((".qdpx", ".part")) for p in tmp_path.iterdir()
    )


def test_xml_writer_keeps_line_ends_and_refuses_nothing() -> None:
    out = io.BytesIO()
    xml = XmlWriter(out)
    xml.start("Root", [("name", 'a "b"\r\nc\td & <e>'), ("n", 3), ("flag", True), ("x", None)])
    xml.text("Text", "line\r\nnext & <tag> \x01 end 🚀")
    xml.end("Root")
    xml.close()
    root = ElementTree.fromstring(out.getvalue())
    assert root.get("name") == 'a "b"\r\nc\td & <e>'
    assert root.get("n") == "3" and root.get("flag") == "true" and "x" not in root.attrib
    assert root[0].text == "line\r\nnext & <tag> \ufffd end 🚀"


@pytest.mark.parametrize(
    ("colour", "expected"),
    [("#f2c14e", "#F2C14E"), ("#F2C14E80", "#F2C14E"), ("#abc", "#AABBCC"), ("red", None)],
)
def test_colours_are_what_the_schema_accepts(colour: str, expected: str | None) -> None:
    assert refi_colour(colour) == expected
