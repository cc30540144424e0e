"""`project.qde`: a RefiProject written as the Project schema demands.

The schema fixes the order of every element's children and refuses empty containers, so
each container is written only when it has something in it, in this order:
Users, CodeBook, Variables, Cases, Sources, Notes, Sets, then the project's own NoteRefs.
Source texts are not inlined: each TextSource points at `internal://<guid>.txt`, the file
package.py puts in the archive's `sources/` folder.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

from .codebook import write_codes
from .document import RefiProject, RefiSelection, RefiSource
from .xmlout import XmlWriter, escape_attr

PROJECT_NS = "urn:QDA-XML:project:1.0"
PROJECT_XSD = "http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

Progress = Callable[[int, int], None]


def write_project_xml(
    out: IO[bytes], project: RefiProject, progress: Progress | None = None
) -> None:
    xml = XmlWriter(out)
    first_user = project.users[0].guid if project.users else None
    xml.start(
        "Project",
        [
            ("xmlns", PROJECT_NS),
            ("xmlns:xsi", XSI),
            ("xsi:schemaLocation", f"{PROJECT_NS} {PROJECT_XSD}"),
            ("name", project.name),
            ("origin", project.origin),
            ("creatingUserGUID", first_user),
            ("creationDateTime", project.created),
        ],
    )
    if project.users:
        xml.start("Users")
        for user in project.users:
            xml.empty("User", [("guid", user.guid), ("name", user.name)])
        xml.end("Users")
    if project.codes:
        xml.start("CodeBook")
        write_codes(xml, project.codes, notes=True)
        xml.end("CodeBook")
    _variables(xml, project)
    _cases(xml, project)
    if project.sources:
        xml.start("Sources")
        total = len(project.sources)
        for n, source in enumerate(project.sources, 1):
            _source(xml, source)
            if progress is not None and (n % 500 == 0 or n == total):
                progress(n, total)
        xml.end("Sources")
    if project.notes:
        xml.start("Notes")
        for note in project.notes:
            xml.start(
                "Note",
                [
                    ("guid", note.guid),
                    ("name", note.name),
                    ("creatingUser", note.user_guid),
                    ("creationDateTime", note.created),
                ],
            )
            xml.text("PlainTextContent", note.text)
            xml.end("Note")
        xml.end("Notes")
    if project.sets:
        xml.start("Sets")
        for group in project.sets:
            xml.start("Set", [("guid", group.guid), ("name", group.name)])
            if group.description:
                xml.text("Description", group.description)
            for guid in group.source_guids:
                xml.empty("MemberSource", [("targetGUID", guid)])
            xml.end("Set")
        xml.end("Sets")
    for guid in project.note_guids:
        xml.empty("NoteRef", [("targetGUID", guid)])
    xml.end("Project")
    xml.close()


def _variables(xml: XmlWriter, project: RefiProject) -> None:
    if not project.variables:
        return
    xml.start("Variables")
    for v in project.variables:
        attrs = [("guid", v.guid), ("name", v.name), ("typeOfVariable", v.type)]
        if v.description:
            xml.start("Variable", attrs)
            xml.text("Description", v.description)
            xml.end("Variable")
        else:
            xml.empty("Variable", attrs)
    xml.end("Variables")


def _cases(xml: XmlWriter, project: RefiProject) -> None:
    if not project.cases:
        return
    xml.start("Cases")
    for case in project.cases:
        attrs = [("guid", case.guid), ("name", case.name)]
        if not (case.values or case.source_guids):
            xml.empty("Case", attrs)
            continue
        xml.start("Case", attrs)
        for value in case.values:  # the schema puts VariableValue before SourceRef
            xml.start("VariableValue")
            xml.empty("VariableRef", [("targetGUID", value.variable_guid)])
            xml.text(f"{value.type}Value", value.value)
            xml.end("VariableValue")
        for guid in case.source_guids:
            xml.empty("SourceRef", [("targetGUID", guid)])
        xml.end("Case")
    xml.end("Cases")


def _source(xml: XmlWriter, source: RefiSource) -> None:
    xml.start(
        "TextSource",
        [
            ("guid", source.guid),
            ("name", source.name),
            ("plainTextPath", f"internal://{source.file_name}"),
            ("creatingUser", source.user_guid),
            ("creationDateTime", source.created),
        ],
    )
    if source.description:
        xml.text("Description", source.description)
    for selection in source.selections:
        _selection(xml, selection)
    for guid in source.note_guids:
        xml.empty("NoteRef", [("targetGUID", guid)])
    xml.end("TextSource")


def _opt(name: str, value: str | None) -> str:
    return f' {name}="{value}"' if value is not None else ""


def _selection(xml: XmlWriter, sel: RefiSelection) -> None:
    """Written as ready-made lines: a project has a hundred thousand of these, and the
    generic writer's per-attribute work was most of the export's time. GUIDs, numbers and
    times are made by dotsdesk and need no escaping; the name does."""
    user, created = _opt("creatingUser", sel.user_guid), _opt("creationDateTime", sel.created)
    lines = [
        f'<PlainTextSelection guid="{sel.guid}" name="{escape_attr(sel.name)}" '
        f'startPosition="{sel.start}" endPosition="{sel.end}"{user}{created}>'
    ]
    for coding in sel.codings:
        lines += [
            f'  <Coding guid="{coding.guid}"{_opt("creatingUser", coding.user_guid)}'
            f"{_opt('creationDateTime', coding.created)}>",
            f'    <CodeRef targetGUID="{coding.code_guid}"/>',
            "  </Coding>",
        ]
    lines += [f'  <NoteRef targetGUID="{guid}"/>' for guid in sel.note_guids]
    lines.append("</PlainTextSelection>")
    xml.markup(lines)
