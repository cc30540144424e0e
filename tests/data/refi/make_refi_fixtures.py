# ruff: noqa: E501  (the XML is written as vendors write it: long lines, one element a line)
"""Regenerate the REFI-QDA import fixtures in this folder (README.md says what each mimics).

Run from the repository root:  .venv/bin/python tests/data/refi/make_refi_fixtures.py

Each file is written by hand-made XML strings in one vendor's manner, never by dotsdesk's
exporter, so the importer is tested against what others write. Positions are computed here
the way that vendor counts them (code points or UTF-16 units, CR LF as one or two, a BOM
counted or not); the tests then check that every selection covers the same words.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import docx

HERE = Path(__file__).resolve().parent
WHEN = (2024, 3, 5, 12, 0, 0)

U1 = "6f1e4b1c-1111-4a4a-8a8a-000000000001"
U2 = "6f1e4b1c-1111-4a4a-8a8a-000000000002"


def guid(n: int) -> str:
    return f"0c0ffee0-0000-4000-8000-{n:012d}"


def pos(
    text: str,
    piece: str,
    *,
    utf16: bool = False,
    crlf_one: bool = False,
    bom: bool = False,
    nth: int = 0,
) -> tuple[int, int]:
    """[start, end) of the nth `piece` in `text`, counted the way a vendor counts."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    end = start + len(piece)

    def units(c: int) -> int:
        before = text[:c]
        n = len(before.encode("utf-16-le")) // 2 if utf16 else len(before)
        if crlf_one:
            n -= before.count("\r\n")
        return n + (1 if bom else 0)

    return units(start), units(end)


def selection(
    n: int,
    text: str,
    piece: str,
    code: str,
    *,
    name: bool = True,
    raw: bool = False,
    user: str = U1,
    nth: int = 0,
    notes: Iterable[str] = (),
    **counting: bool,
) -> str:
    """`raw`: the name written with its line breaks as they are (a parser reads them as
    spaces), as QualCoder writes it."""
    start, end = pos(text, piece, nth=nth, **counting)
    value = f'"{escape(piece)}"' if raw else quoteattr(piece)
    named = f" name={value}" if name else ""
    refs = "".join(f'<NoteRef targetGUID="{g}"/>' for g in notes)
    return (
        f'<PlainTextSelection guid="{guid(n)}"{named} startPosition="{start}" '
        f'endPosition="{end}" creatingUser="{user}" creationDateTime="2024-03-01T09:00:00Z">'
        f'<Coding guid="{guid(n + 5000)}" creatingUser="{user}"><CodeRef targetGUID="{code}"/>'
        f"</Coding>{refs}</PlainTextSelection>"
    )


def write_zip(name: str, entries: list[tuple[str, bytes | None]], *, stored: bool = False) -> None:
    """Entries in the given order; None makes a directory entry."""
    with zipfile.ZipFile(HERE / name, "w") as z:
        for entry, data in entries:
            info = zipfile.ZipInfo(entry, date_time=WHEN)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            z.writestr(info, b"" if data is None else data)


def project(body: str, *, name: str, origin: str, ns: str = "urn:QDA-XML:project:1.0") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<Project xmlns="{ns}" name={quoteattr(name)} origin={quoteattr(origin)} '
        f'creatingUserGUID="{U1}">\n{body}\n</Project>\n'
    ).encode()


# -- NVivo-like: Sources/, UTF-8 files with a BOM and CR LF counted as two, no selection names
NV_TEXT_1 = (
    "Interviewer: How did you start?\r\n"
    "Participant: I started in research, then moved to engineering.\r\n"
    "Code review taught me more than any course.\r\n"
)
NV_TEXT_2 = (
    "We ship models every week.\r\nDeployment is the hard part; modelling is the easy part.\r\n"
)
NV_TRANSCRIPT = "Speaker 1: The interview was recorded on a Tuesday.\nSpeaker 2: Fine."


def nvivo() -> None:
    c_role, c_research, c_eng, c_theme = guid(901), guid(902), guid(903), guid(904)
    codes = (
        f'<CodeBook><Codes><Code guid="{c_role}" name="Role" isCodable="true" color="#3366CC">'
        "<Description>Where they work.\nTwo lines, on purpose.</Description>"
        f'<Code guid="{c_research}" name="Research" isCodable="true" color="#C0392B"/>'
        f'<Code guid="{c_eng}" name="Engineering" isCodable="true" color="#27AE60"/></Code>'
        f'<Code guid="{c_theme}" name="Code review" isCodable="true" color="#8E44AD">'
        f'<NoteRef targetGUID="{guid(801)}"/></Code></Codes></CodeBook>'
    )
    s1 = "".join(
        [
            selection(1, NV_TEXT_1, "research", c_research, name=False),
            selection(2, NV_TEXT_1, "engineering", c_eng, name=False),
            selection(3, NV_TEXT_1, "Code review taught me", c_theme, name=False),
            selection(4, NV_TEXT_1, "moved to engineering.\r\nCode review", c_eng, name=False),
        ]
    )
    s2 = "".join(
        [
            selection(5, NV_TEXT_2, "ship models", c_eng, name=False),
            selection(6, NV_TEXT_2, "Deployment is the hard part", c_eng, name=False),
            selection(7, NV_TEXT_2, "modelling", c_research, name=False),
        ]
    )
    v_role, v_years = guid(701), guid(702)
    body = f"""<Users><User guid="{U1}" name="Ana"/><User guid="{U2}" name="Ben"/></Users>
{codes}
<Variables><Variable guid="{v_role}" name="Job title" typeOfVariable="Text"/>
<Variable guid="{v_years}" name="Years" typeOfVariable="Integer"/></Variables>
<Cases>
<Case guid="{guid(601)}" name="Participant 01"><VariableValue><VariableRef targetGUID="{v_role}"/><TextValue>data scientist</TextValue></VariableValue><VariableValue><VariableRef targetGUID="{v_years}"/><IntegerValue>7</IntegerValue></VariableValue><SourceRef targetGUID="{guid(501)}"/></Case>
<Case guid="{guid(602)}" name="Jane Doe"><VariableValue><VariableRef targetGUID="{v_years}"/><IntegerValue>3</IntegerValue></VariableValue><SourceRef targetGUID="{guid(502)}"/></Case>
</Cases>
<Sources>
<TextSource guid="{guid(501)}" name="Interview 01" richTextPath="internal://{guid(501)}.docx" plainTextPath="internal://{guid(501)}.txt" creatingUser="{U1}">{s1}<NoteRef targetGUID="{guid(802)}"/></TextSource>
<TextSource guid="{guid(502)}" name="Interview 02" plainTextPath="internal://{guid(502)}.txt" creatingUser="{U2}">{s2}</TextSource>
<PictureSource guid="{guid(503)}" name="Whiteboard" path="internal://{guid(503)}.png"/>
<AudioSource guid="{guid(504)}" name="Recording 3" path="internal://{guid(504)}.mp3"><Transcript guid="{guid(505)}" name="Recording 3 transcript"><PlainTextContent>{escape(NV_TRANSCRIPT)}</PlainTextContent><SyncPoint guid="{guid(506)}" timeStamp="1000" position="0"/></Transcript><AudioSelection guid="{guid(507)}" begin="0" end="1000"><Coding guid="{guid(508)}"><CodeRef targetGUID="{c_theme}"/></Coding></AudioSelection></AudioSource>
</Sources>
<Notes><Note guid="{guid(801)}" name="About code review" creatingUser="{U1}"><PlainTextContent>Reviews come up in every interview.</PlainTextContent></Note>
<Note guid="{guid(802)}" name="Interview 01 memo" creatingUser="{U2}"><PlainTextContent>Follow up on the move.</PlainTextContent></Note></Notes>"""
    bom = b"\xef\xbb\xbf"
    write_zip(
        "nvivo_like.qdpx",
        [
            ("project.qde", project(body, name="NVivo study", origin="NVivo 14")),
            ("Sources/", None),
            (f"Sources/{guid(501)}.txt", bom + NV_TEXT_1.encode()),
            (f"Sources/{guid(501)}.docx", _docx(NV_TEXT_1.replace("\r\n", "\n").split("\n"))),
            (f"Sources/{guid(502)}.txt", bom + NV_TEXT_2.encode()),
        ],
    )


def _docx(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# -- ATLAS.ti-like: flat "Parent::Child" code names, one-line XML, UTF-16 positions with the
# selections' text as their names, stored (not deflated) entries, directory entries
AT_TEXT = (
    "Launch day 🚀 went well 👩‍💻 and then the Python service crashed.\n"
    "The cafe\u0301 team fixed it; 数据科学家 stayed late 🇨🇳 to help."
)


def atlas() -> None:
    c1, c2, c3 = guid(911), guid(912), guid(913)
    codes = (
        f'<CodeBook><Codes><Code guid="{c1}" name="Theme::Incidents" isCodable="true" '
        f'color="#e67e22"/><Code guid="{c2}" name="Theme::Teamwork" isCodable="true" '
        f'color="#2980b9"/><Code guid="{c3}" name="Language::中文" isCodable="true"/>'
        "</Codes></CodeBook>"
    )
    sels = "".join(
        [
            selection(11, AT_TEXT, "went well 👩‍💻", c1, utf16=True),
            selection(12, AT_TEXT, "Python service crashed", c1, utf16=True),
            selection(13, AT_TEXT, "cafe\u0301 team", c2, utf16=True),
            selection(14, AT_TEXT, "数据科学家", c3, utf16=True),
            selection(15, AT_TEXT, "late 🇨🇳 to help", c2, utf16=True),
        ]
    )
    body = (
        f'<Users><User guid="{U1}" name="Chen Wei"/></Users>{codes}<Sources>'
        f'<TextSource guid="{guid(511)}" name="Doc 1" plainTextPath="internal://{guid(511)}.txt">'
        f"{sels}</TextSource>"
        f'<PDFSource guid="{guid(512)}" name="Paper.pdf" path="internal://{guid(512)}.pdf">'
        f'<PDFSelection guid="{guid(513)}" page="1" firstX="1" firstY="1" secondX="9" '
        f'secondY="9"><Coding guid="{guid(514)}"><CodeRef targetGUID="{c1}"/></Coding>'
        "</PDFSelection></PDFSource></Sources>"
        f'<Links><Link guid="{guid(515)}" name="causes" originGUID="{c1}" targetGUID="{c2}"/>'
        f'</Links><Graphs><Graph guid="{guid(516)}" name="Network"/></Graphs>'
    )
    xml = project(body, name="ATLAS.ti study", origin="ATLAS.ti 23").replace(b"\n", b"")
    write_zip(
        "atlas_like.qdpx",
        [
            ("sources/", None),
            (f"sources/{guid(511)}.txt", AT_TEXT.encode()),
            ("project.qde", xml),
        ],
        stored=True,
    )


# -- MAXQDA-like: Project.qde, Sources/, CR LF counted as one and the BOM counted, document
# variables on the sources, a parent code that is not codable, a source the archive lacks, a
# source outside the archive (relative://), accented and Chinese names
MX_TEXT = (
    "Über die Arbeit: Ich schreibe jeden Tag Code.\r\n"
    "我们团队的数据科学家需要自己部署模型。\r\n"
    "Résumé: les revues de code m'ont appris beaucoup.\r\n"
)


def maxqda() -> None:
    parent, c1, c2 = guid(921), guid(922), guid(923)
    codes = (
        f'<CodeBook><Codes><Code guid="{parent}" name="Thèmes" isCodable="false">'
        f'<Code guid="{c1}" name="Déploiement 部署" isCodable="true" color="#00AA55"/>'
        f'<Code guid="{c2}" name="Revue de code" isCodable="true" color="#AA0055"/>'
        "</Code></Codes></CodeBook>"
    )
    counting = {"crlf_one": True, "bom": True}
    sels = "".join(
        [
            selection(21, MX_TEXT, "jeden Tag Code", c2, name=False, **counting),
            selection(22, MX_TEXT, "部署模型", c1, name=False, **counting),
            selection(23, MX_TEXT, "revues de code", c2, name=False, **counting),
            selection(24, MX_TEXT, "Code.\r\n我们团队", c1, name=False, **counting),
        ]
    )
    v = guid(721)
    body = f"""<Users><User guid="{U1}" name="Mona"/></Users>
{codes}
<Variables><Variable guid="{v}" name="Land" typeOfVariable="Text"/></Variables>
<Sources>
<TextSource guid="{guid(521)}" name="Gruppe A" plainTextPath="internal://{guid(521)}.txt">{sels}<VariableValue><VariableRef targetGUID="{v}"/><TextValue>Deutschland</TextValue></VariableValue></TextSource>
<TextSource guid="{guid(522)}" name="Gruppe B" plainTextPath="internal://{guid(522)}.txt">{selection(25, "abc def", "def", c2, name=False)}</TextSource>
<TextSource guid="{guid(523)}" name="Gruppe C" plainTextPath="relative://../interviews/c.txt"/>
</Sources>"""
    write_zip(
        "maxqda_like.qdpx",
        [
            (f"Sources/{guid(521)}.txt", b"\xef\xbb\xbf" + MX_TEXT.encode()),
            ("Project.qde", project(body, name="MAXQDA Projekt", origin="MAXQDA 2022")),
        ],
    )


# -- QualCoder-like: text inline in PlainTextContent, code points, names hold the selected
# text (once with a line break flattened to a space, as an attribute does), memos as notes on
# selections and on the project, sources/.root and the XML last in the zip
QC_TEXT = "Line one says hello.\nLine two: 作为 data scientist，沟通最重要 — really!"


def qualcoder() -> None:
    c1, c2 = guid(931), guid(932)
    codes = (
        f'<CodeBook><Codes><Code guid="{c1}" name="Greeting" isCodable="true" color="#FFCC00">'
        f'<Description>Hello and the like</Description></Code><Code guid="{c2}" '
        f'name="Communication" isCodable="true" color="#0099FF"/></Codes></CodeBook>'
    )
    sels = "".join(
        [
            selection(31, QC_TEXT, "hello", c1, raw=True, notes=[guid(831)]),
            selection(32, QC_TEXT, "沟通最重要", c2, raw=True),
            selection(33, QC_TEXT, "hello.\nLine two", c1, raw=True),
        ]
    )
    body = f"""<Users><User guid="{U1}" name="colin"/></Users>
{codes}
<Sources><TextSource guid="{guid(531)}" name="notes.txt" creatingUser="{U1}" creationDateTime="2024-03-01T10:00:00"><PlainTextContent>{escape(QC_TEXT)}</PlainTextContent>{sels}</TextSource></Sources>
<Notes><Note guid="{guid(831)}" name="memo" creatingUser="{U1}"><PlainTextContent>A warm start.</PlainTextContent></Note>
<Note guid="{guid(832)}" name="Journal" creatingUser="{U1}"><PlainTextContent>Project journal entry.</PlainTextContent></Note></Notes>
<NoteRef targetGUID="{guid(832)}"/>"""
    write_zip(
        "qualcoder_like.qdpx",
        [
            ("sources/.root", b""),
            ("project.qde", project(body, name="QualCoder project", origin="QualCoder 3.5")),
        ],
    )


# -- only a rich text (.docx) for a source, as NVivo may leave it
RT_PARAGRAPHS = ["Rich text only.", "The Word file is the whole source 👍🏽 here."]


def rich_only() -> None:
    c1 = guid(941)
    text = "\r\n".join(RT_PARAGRAPHS)  # what the vendor counted over
    sels = selection(41, text, "whole source 👍🏽 here", c1, name=False)
    body = (
        f'<Users><User guid="{U1}" name="Ana"/></Users><CodeBook><Codes><Code guid="{c1}" '
        f'name="Scope" isCodable="true"/></Codes></CodeBook><Sources><TextSource '
        f'guid="{guid(541)}" name="Memo doc" richTextPath="internal://{guid(541)}.docx">{sels}'
        "</TextSource></Sources>"
    )
    write_zip(
        "richtext_only.qdpx",
        [
            ("project.qde", project(body, name="Rich", origin="NVivo 12")),
            (f"sources/{guid(541)}.docx", _docx(RT_PARAGRAPHS)),
        ],
    )


# -- a codebook-only project (no Sources, an empty container), and codebooks alone
def codebook_only() -> None:
    body = (
        f'<Users><User guid="{U1}" name="Ana"/></Users><CodeBook><Codes><Code guid="{guid(951)}" '
        f'name="Only codes" isCodable="true" color="#123456"><Code guid="{guid(952)}" '
        f'name="Child" isCodable="true"/></Code></Codes></CodeBook><Variables/>'
    )
    write_zip(
        "codebook_only.qdpx",
        [("project.qde", project(body, name="Codes", origin="Taguette"))],
    )


def codebooks() -> None:
    """One line, upper-case GUIDs, an empty <Sets/>: the shape Taguette's own test suite
    expects of its export; plus a two-line description and names with '.' and '/'."""
    codes = (
        f'<Code guid="{guid(961).upper()}" name="interesting" isCodable="true" color="#FFFF00">'
        "<Description>Further review needed.\nSecond line of notes.</Description></Code>"
        f'<Code guid="{guid(962).upper()}" name="people" isCodable="true" color="#00FF00"/>'
        f'<Code guid="{guid(963).upper()}" name="interesting.places" isCodable="true"/>'
        f'<Code guid="{guid(964).upper()}" name="a/b split" isCodable="true"/>'
    )
    (HERE / "taguette_like.qdc").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Taguette 1.4.1">'
        f"<Codes>{codes}</Codes><Sets/></CodeBook>",
        encoding="utf-8",
    )


# -- bad archives: each must be refused in one line, the project untouched
def bad() -> None:
    good = (HERE / "qualcoder_like.qdpx").read_bytes()
    (HERE / "bad_truncated.qdpx").write_bytes(good[: len(good) // 2])
    (HERE / "bad_not_zip.qdpx").write_text("This is a note, not a project.\n", encoding="utf-8")
    write_zip(
        "bad_traversal.qdpx",
        [("project.qde", project("", name="x", origin="x")), ("../../evil.txt", b"gotcha")],
    )
    with zipfile.ZipFile(HERE / "bad_bomb.qdpx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            zipfile.ZipInfo("project.qde", date_time=WHEN), project("", name="x", origin="x")
        )
        info = zipfile.ZipInfo("sources/big.txt", date_time=WHEN)
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, b"\0" * (64 << 20))  # 64 MiB of zeros: about 64 KB packed
    laughs = (
        '<?xml version="1.0"?>\n<!DOCTYPE Project [\n<!ENTITY a "ha">\n'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">\n' for i in range(8))
        + ']>\n<Project xmlns="urn:QDA-XML:project:1.0" name="&i;"/>\n'
    ).encode()
    write_zip("bad_entities.qdpx", [("project.qde", laughs)])
    (HERE / "bad_entities.qdc").write_bytes(laughs.replace(b"Project", b"CodeBook"))


if __name__ == "__main__":
    nvivo()
    atlas()
    maxqda()
    qualcoder()
    rich_only()
    codebook_only()
    codebooks()
    bad()
    print("wrote", ", ".join(sorted(p.name for p in HERE.iterdir() if p.suffix != ".py")))
