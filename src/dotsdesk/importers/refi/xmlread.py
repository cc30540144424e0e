"""REFI-QDA XML (`project.qde`, `.qdc`) into ParsedFile, whatever the vendor wrote.

Parsed with defusedxml and no DTD allowed: entity declarations are how XML bombs and
external-file reads work, and no REFI-QDA file needs one. Element names are matched without
their namespace, so a `.qdc` in the codebook namespace, a project written with no namespace
or with a prefix, all read alike. Order of children is not relied on; unknown elements are
ignored; what cannot be imported (pictures, PDF regions, media selections, graphs, links,
sets) is counted for the report.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from ...errors import InputError
from .parsed import (
    ParsedFile,
    PCase,
    PCode,
    PNote,
    PSelection,
    PSource,
    PUser,
    PValue,
    PVariable,
)

_VALUE_TAGS = ("TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue")


def local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


# After parse_xml every tag is its local name, so children are found by ElementTree's own
# (C) lookups: a project of 100,000 selections has over a million of them.
def kids(element: Element, name: str | None = None) -> Iterator[Element]:
    return iter(element) if name is None else element.iterfind(name)


def first(element: Element, name: str) -> Element | None:
    return element.find(name)


def text_of(element: Element, name: str) -> str | None:
    found = first(element, name)
    return found.text if found is not None and found.text else None


def parse_xml(path: Path, data: bytes, what: str) -> Element:
    try:
        root: Element = fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise InputError(
            path,
            f"refused: {what} declares a DTD or entities (as XML bombs do); "
            "REFI-QDA files never need them",
        ) from None
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise InputError(
            path, f"{what} is not well-formed XML (line {line}, column {column}); is it truncated?"
        ) from None
    for element in root.iter():  # namespaces dropped: vendors write several, or none
        tag = element.tag
        if isinstance(tag, str) and "}" in tag:
            element.tag = tag.rsplit("}", 1)[1]
    return root


def read_refi_xml(path: Path, data: bytes, what: str) -> ParsedFile:
    root = parse_xml(path, data, what)
    try:
        return _read(path, root, what)
    except RecursionError:  # codes nested thousands deep: no codebook is like that
        raise InputError(path, f"refused: {what} nests its elements too deeply") from None


def _read(path: Path, root: Element, what: str) -> ParsedFile:
    kind = local(root.tag)
    if kind == "CodeBook":
        parsed = ParsedFile("codebook", origin=root.get("origin"))
        codes = first(root, "Codes")
        parsed.codes = _codes(codes) if codes is not None else []
        sets = first(root, "Sets")
        if sets is not None:
            parsed.skipped["code set"] += len(list(kids(sets, "Set")))
        return parsed
    if kind != "Project":
        raise InputError(
            path, f"{what} is XML but not REFI-QDA: its root is <{kind}>, not <Project>"
        )
    parsed = ParsedFile(
        "project",
        name=root.get("name"),
        origin=root.get("origin"),
        creating_user=_guid(root.get("creatingUserGUID")),
    )
    for child in root:
        tag = local(child.tag)
        if tag == "Users":
            parsed.users = [PUser(_guid(u.get("guid")), u.get("name")) for u in kids(child, "User")]
        elif tag == "CodeBook":
            codes = first(child, "Codes")
            parsed.codes = _codes(codes) if codes is not None else []
        elif tag == "Variables":
            parsed.variables = [
                PVariable(
                    _guid(v.get("guid")),
                    (v.get("name") or "").strip(),
                    v.get("typeOfVariable") or "Text",
                    text_of(v, "Description"),
                )
                for v in kids(child, "Variable")
            ]
        elif tag == "Cases":
            parsed.cases = [_case(c) for c in kids(child, "Case")]
        elif tag == "Sources":
            _sources(child, parsed)
        elif tag == "Notes":
            parsed.notes = [_note(n) for n in kids(child, "Note")]
        elif tag == "NoteRef":
            parsed.note_refs.append(_guid(child.get("targetGUID")))
        elif tag in ("Links", "Graphs", "Sets"):
            parsed.skipped[tag[:-1].lower()] += len(list(child))
    return parsed


def _guid(value: str | None) -> str:
    """GUIDs compare without braces, spaces or case: vendors write all three ways."""
    return (value or "").strip().strip("{}").lower()


def _codes(element: Element) -> list[PCode]:
    out = []
    for c in kids(element, "Code"):
        out.append(
            PCode(
                _guid(c.get("guid")),
                c.get("name") or "",
                c.get("color"),
                text_of(c, "Description"),
                [_guid(r.get("targetGUID")) for r in kids(c, "NoteRef")],
                _codes(c),
            )
        )
    return out


def _values(element: Element) -> list[PValue]:
    out = []
    for vv in kids(element, "VariableValue"):
        ref = first(vv, "VariableRef")
        for child in vv:
            tag = local(child.tag)
            if tag.endswith("Value") and ref is not None:
                out.append(
                    PValue(_guid(ref.get("targetGUID")), tag[: -len("Value")], child.text or "")
                )
    return out


def _case(c: Element) -> PCase:
    return PCase(
        _guid(c.get("guid")),
        c.get("name"),
        text_of(c, "Description"),
        _values(c),
        [_guid(r.get("targetGUID")) for r in kids(c, "SourceRef")],
        len(list(kids(c, "SelectionRef"))),
        len(list(kids(c, "CodeRef"))),
    )


def _int(value: str | None) -> int | None:
    try:
        return int((value or "").strip())
    except ValueError:
        return None


def _codings(element: Element) -> list[tuple[str, str | None]]:
    out = []
    for coding in kids(element, "Coding"):
        ref = first(coding, "CodeRef")
        if ref is not None:
            out.append((_guid(ref.get("targetGUID")), _guid(coding.get("creatingUser")) or None))
    return out


def _notes_of(element: Element) -> list[str]:
    refs = [_guid(r.get("targetGUID")) for r in kids(element, "NoteRef")]
    for coding in kids(element, "Coding"):  # a note on a coding is a note on its selection
        refs.extend(_guid(r.get("targetGUID")) for r in kids(coding, "NoteRef"))
    return refs


def _text_source(
    s: Element, kind: str, guid: str | None = None, name: str | None = None
) -> PSource:
    source = PSource(
        guid or _guid(s.get("guid")),
        name if name is not None else s.get("name"),
        kind,
        text_of(s, "Description"),
        _inline(s),
        s.get("plainTextPath"),
        s.get("richTextPath"),
        _guid(s.get("creatingUser")) or None,
        s.get("creationDateTime"),
    )
    for sel in kids(s, "PlainTextSelection"):
        source.selections.append(
            PSelection(
                _guid(sel.get("guid")),
                sel.get("name"),
                _int(sel.get("startPosition")),
                _int(sel.get("endPosition")),
                _guid(sel.get("creatingUser")) or None,
                sel.get("creationDateTime"),
                _codings(sel),
                _notes_of(sel),
                text_of(sel, "Description"),
            )
        )
    source.whole_codes = _codings(s)
    source.note_refs = [_guid(r.get("targetGUID")) for r in kids(s, "NoteRef")]
    source.values = _values(s)
    return source


def _inline(element: Element) -> str | None:
    found = first(element, "PlainTextContent")
    if found is None:
        return None
    return found.text or ""


def _sources(element: Element, parsed: ParsedFile) -> None:
    skipped = parsed.skipped
    for s in element:
        tag = local(s.tag)
        if tag == "TextSource":
            parsed.sources.append(_text_source(s, tag))
        elif tag == "PDFSource":
            representation = first(s, "Representation")
            regions = list(kids(s, "PDFSelection"))
            skipped["PDF region selection"] += len(regions)
            if representation is None:
                skipped["PDF source without a text representation"] += 1
                continue
            parsed.sources.append(
                _text_source(representation, tag, _guid(s.get("guid")), s.get("name"))
            )
        elif tag in ("AudioSource", "VideoSource"):
            media = "audio" if tag == "AudioSource" else "video"
            selections = len(list(kids(s, f"{media.title()}Selection")))
            skipped[f"{media} selection (timed, no text)"] += selections
            transcripts = list(kids(s, "Transcript"))
            if not transcripts:
                skipped[f"{media} source without a transcript"] += 1
            for n, t in enumerate(transcripts):
                synced = len(list(kids(t, "TranscriptSelection")))
                skipped["transcript selection (by sync points, not text positions)"] += synced
                name = s.get("name") or ""
                source = _text_source(
                    t,
                    tag,
                    _guid(s.get("guid")) if n == 0 else None,
                    f"{name} (transcript)" if name else t.get("name"),
                )
                parsed.sources.append(source)
        elif tag == "PictureSource":
            skipped["picture source"] += 1
        elif tag:
            skipped[f"<{tag}> source"] += 1


def _note(n: Element) -> PNote:
    return PNote(
        _guid(n.get("guid")),
        n.get("name"),
        _inline(n),
        n.get("plainTextPath"),
        n.get("richTextPath"),
        _guid(n.get("creatingUser")) or None,
        n.get("creationDateTime"),
    )
