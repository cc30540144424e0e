"""Checks of REFI-QDA files shared by the unit, GUI and command-line tests: the standard's
schemas (with xmlschema, which gets the colour pattern right where lxml does not), and what
the schemas cannot check (references resolve, GUIDs unique, positions inside the text)."""

from __future__ import annotations

import zipfile
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

import xmlschema

from tests.paths import REFI

NS = "{urn:QDA-XML:project:1.0}"


@cache
def project_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(REFI / "Project-mrt2019.xsd"))


@cache
def codebook_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(REFI / "Codebook-mrt2019.xsd"))


def validate_qdc(path: Path) -> None:
    codebook_schema().validate(str(path))


def read_qdpx(path: Path) -> tuple[bytes, dict[str, str]]:
    """project.qde and the source texts by file name."""
    with zipfile.ZipFile(path) as archive:
        qde = archive.read("project.qde")
        texts = {
            name.removeprefix("sources/"): archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("sources/")
        }
    return qde, texts


def validate_qdpx(path: Path) -> ElementTree.Element:
    """Schema-valid, every reference resolves, GUIDs unique, each selection inside its text,
    each source's text in the archive and not also inline. Returns the parsed root."""
    qde, texts = read_qdpx(path)
    project_schema().validate(qde.decode("utf-8"))
    root = ElementTree.fromstring(qde)
    guids = [e.get("guid") for e in root.iter() if e.get("guid") is not None]
    assert len(guids) == len(set(guids)), "GUIDs repeat"
    known = set(guids)
    for e in root.iter():
        for attribute in ("targetGUID", "creatingUser", "creatingUserGUID"):
            value = e.get(attribute)
            assert value is None or value in known, f"{e.tag} {attribute}={value} dangles"
    for source in root.iter(f"{NS}TextSource"):
        path_ref = source.get("plainTextPath") or ""
        inline = source.find(f"{NS}PlainTextContent")
        assert (inline is None) != (not path_ref), "text inline and by path, or neither"
        text = texts[path_ref.removeprefix("internal://")] if path_ref else inline.text or ""
        for sel in source.iter(f"{NS}PlainTextSelection"):
            start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
            assert 0 <= start <= end <= len(text)
    return root
