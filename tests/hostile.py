"""Hostile input files, built in code: zip bombs, entity bombs, truncations, wrong types.

The small ones are written to tests/data/hostile/ by `python -m tests.hostile` and committed
(tests/data/hostile/README.md lists them); the big ones (bombs that declare gigabytes, a
50 MB line) are built by the tests into a temporary folder, in well under a second each:
a bomb's deflate stream is one compressed megabyte repeated (a full flush makes every copy
the same bytes), and its CRC is combined arithmetically, so nothing big is ever in memory.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.paths import DATA

HOSTILE = DATA / "hostile"
TRICKY = "小K说：我是👩\u200d💻工程师 👍🏽 🇨🇳, and the cafe\u0301 downstairs"
_UNIT = 1 << 20


# --- CRC-32 of repeated data, without the data (zlib's crc32_combine) ----------------------


def _gf2_times(matrix: list[int], vector: int) -> int:
    total, row = 0, 0
    while vector:
        if vector & 1:
            total ^= matrix[row]
        vector >>= 1
        row += 1
    return total


def _gf2_square(matrix: list[int]) -> list[int]:
    return [_gf2_times(matrix, matrix[n]) for n in range(32)]


def crc32_combine(crc1: int, crc2: int, len2: int) -> int:
    """The CRC-32 of A + B from crc(A), crc(B) and len(B)."""
    if len2 <= 0:
        return crc1
    odd = [0xEDB88320] + [1 << n for n in range(31)]
    even = _gf2_square(odd)
    odd = _gf2_square(even)
    while True:
        even = _gf2_square(odd)
        if len2 & 1:
            crc1 = _gf2_times(even, crc1)
        len2 >>= 1
        if not len2:
            break
        odd = _gf2_square(even)
        if len2 & 1:
            crc1 = _gf2_times(odd, crc1)
        len2 >>= 1
        if not len2:
            break
    return crc1 ^ crc2


def crc32_repeated(unit: bytes, times: int) -> int:
    """crc32(unit * times) by doubling."""
    result, result_len = 0, 0
    power, power_len = zlib.crc32(unit), len(unit)
    while times:
        if times & 1:
            result = crc32_combine(result, power, power_len)
            result_len += power_len
        power = crc32_combine(power, power, power_len)
        power_len *= 2
        times >>= 1
    return result


# --- zips written by hand, with deflate streams made of repeated pieces -----------------------


@dataclass
class RawMember:
    name: str
    data: bytes  # the raw deflate stream (or the stored bytes)
    size: int  # uncompressed
    crc: int
    method: int = zipfile.ZIP_DEFLATED


def deflated(data: bytes) -> RawMember:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return RawMember("", packer.compress(data) + packer.flush(), len(data), zlib.crc32(data))


def repeated(prefix: bytes, unit: bytes, times: int, suffix: bytes) -> RawMember:
    """prefix + unit * times + suffix, deflated, without ever holding it whole."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = packer.compress(prefix) + packer.flush(zlib.Z_FULL_FLUSH)
    piece = packer.compress(unit) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(unit) + packer.flush(zlib.Z_FULL_FLUSH)
    assert piece == again  # a full flush forgets the past: every copy is the same bytes
    tail = packer.compress(suffix) + packer.flush()
    crc = zlib.crc32(prefix)
    crc = crc32_combine(crc, crc32_repeated(unit, times), len(unit) * times)
    crc = crc32_combine(crc, zlib.crc32(suffix), len(suffix))
    stream = head + piece * times + tail
    return RawMember("", stream, len(prefix) + len(unit) * times + len(suffix), crc)


def raw_zip(members: list[RawMember]) -> bytes:
    """A zip of members whose compressed bytes are given (sizes under 4 GB: no zip64)."""
    out = io.BytesIO()
    central = []
    for m in members:
        name = m.name.encode()
        offset = out.tell()
        header = struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50,
            20,
            0,
            m.method,
            0,
            0x21,
            m.crc,
            len(m.data),
            m.size,
            len(name),
            0,
        )
        out.write(header + name + m.data)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                m.method,
                0,
                0x21,
                m.crc,
                len(m.data),
                m.size,
                len(name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + name
        )
    start = out.tell()
    directory = b"".join(central)
    out.write(directory)
    out.write(
        struct.pack(
            "<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), start, 0
        )
    )
    return out.getvalue()


def members_of(data: bytes) -> list[RawMember]:
    """A real zip's members as raw ones (so one can be swapped for a bomb)."""
    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for info in z.infolist():
            member = deflated(z.read(info))
            member.name = info.filename
            found.append(member)
    return found


def replaced(data: bytes, parts: dict[str, RawMember | bytes]) -> bytes:
    """`data` (a zip) with the named members replaced or added."""
    wanted = dict(parts)
    out = []
    for member in members_of(data):
        new = wanted.pop(member.name, None)
        out.append(member if new is None else _named(member.name, new))
    out += [_named(name, new) for name, new in wanted.items()]
    return raw_zip(out)


def _named(name: str, part: RawMember | bytes) -> RawMember:
    member = deflated(part) if isinstance(part, bytes) else part
    member.name = name
    return member


# --- good files to spoil ---------------------------------------------------------------------


def good_docx() -> bytes:
    from docx import Document

    doc = Document()
    doc.add_paragraph(f"Interviewer: Do you write production code?\nJane: {TRICKY}")
    doc.add_paragraph("Jane: 我们团队自己部署模型。")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def good_xlsx() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["respondent", "role", "What is your experience with production code?"])
    for n in range(1, 6):
        ws.append([f"R{n}", "engineer", f"{TRICKY} — answer number {n}, long enough to be text"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def good_csv() -> bytes:
    rows = ["respondent,role,What is your experience with production code?"]
    rows += [f'R{n},engineer,"{TRICKY} — answer {n}, long enough to be text"' for n in range(1, 6)]
    return ("\n".join(rows) + "\n").encode()


def good_qdpx() -> bytes:
    return (DATA / "refi" / "qualcoder_like.qdpx").read_bytes()


def good_ods() -> bytes:
    """A minimal OpenDocument spreadsheet (what LibreOffice needs to call it one)."""
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    rows = [["respondent", "answer"], ["R1", TRICKY], ["R2", "another long answer of words"]]
    body = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>'
            for c in row
        )
        + "</table:table-row>"
        for row in rows
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="Sheet1">{body}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    ).encode()
    manifest = (
        b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest manifest:version="1.2" '
        b'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        b'<manifest:file-entry manifest:full-path="/" '
        b'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        b"</manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return out.getvalue()


GOOD = {
    ".docx": good_docx,
    ".xlsx": good_xlsx,
    ".csv": good_csv,
    ".qdpx": good_qdpx,
    ".ods": good_ods,
}
MAIN_XML = {
    ".docx": "word/document.xml",
    ".xlsx": "xl/worksheets/sheet1.xml",
    ".ods": "content.xml",
    ".qdpx": "project.qde",
}


# --- the nasties -----------------------------------------------------------------------------


def docx_bomb() -> bytes:
    """A real .docx whose document.xml and four more parts unpack to 10.5 GB (about 10 MB)."""
    text = repeated(
        b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>',
        b"A" * _UNIT,
        2000,
        b"</w:t></w:r></w:p></w:body></w:document>",
    )
    parts: dict[str, RawMember | bytes] = {"word/document.xml": text}
    for n in range(4):
        parts[f"word/media/part{n}.xml"] = repeated(b"<a>", b"B" * _UNIT, 2000, b"</a>")
    return replaced(good_docx(), parts)


def xlsx_cell_bomb() -> bytes:
    """A 1 MB .xlsx whose one sheet holds a single 1.1 GB cell."""
    sheet = repeated(
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>',
        b"x" * _UNIT,
        1100,
        b"</t></is></c></row></sheetData></worksheet>",
    )
    return replaced(good_xlsx(), {"xl/worksheets/sheet1.xml": sheet})


def ods_bomb() -> bytes:
    content = repeated(
        b"<office:document-content>", b" " * _UNIT, 600, b"</office:document-content>"
    )
    return replaced(good_ods(), {"content.xml": content})


def entity_after_comment(suffix: str) -> bytes:
    """The main part with an entity declared after a 5 KB comment (a 4 KB prefix missed it)."""
    good = GOOD[suffix]()
    part = MAIN_XML[suffix]
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        xml = z.read(part)
    root = xml.index(b"<", xml.index(b"?>") + 2) if xml.startswith(b"<?xml") else 0
    declared = (
        b"<!--" + b" padding " * 600 + b"-->"
        b'<!DOCTYPE r [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    )
    return replaced(good, {part: xml[:root] + declared + xml[root:]})


def external_entity(suffix: str) -> bytes:
    good = GOOD[suffix]()
    part = MAIN_XML[suffix]
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        xml = z.read(part)
    root = xml.index(b"<", xml.index(b"?>") + 2) if xml.startswith(b"<?xml") else 0
    declared = b'<!DOCTYPE r [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    return replaced(good, {part: xml[:root] + declared + xml[root:]})


def truncations(data: bytes, every: int = 8, samples: int = 12) -> Iterator[tuple[int, bytes]]:
    """`data` cut at every `every`-th byte, `samples` of those cuts spread over the file."""
    cuts = list(range(every, len(data), every))
    step = max(1, len(cuts) // samples)
    for cut in cuts[::step][:samples]:
        yield cut, data[:cut]


def billion_laughs_qdc() -> bytes:
    entities = "".join(
        f'<!ENTITY l{n} "{"".join(f"&l{n - 1};" for _ in range(10))}">' for n in range(1, 10)
    )
    return (
        f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY l0 "lol">{entities}]>'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="x" name="&l9;"/>'
        "</Codes></CodeBook>"
    ).encode()


def small_corpus() -> dict[str, bytes]:
    """Every committed nasty: name -> bytes (each well under 200 KB)."""
    csv_rows = "respondent,answer\n"
    files: dict[str, bytes] = {
        "ragged.csv": (csv_rows + "R1,fine answer\nR2,a,b,c,d,e\nR3\n,,,,,,,,\n").encode(),
        "nul_bytes.csv": (csv_rows + "R1,an answer\x00 with NULs\x00\x00\n").encode(),
        # A lone surrogate as Python's "surrogatepass" writes it: not UTF-8.
        "lone_surrogate.csv": csv_rows.encode()
        + "R1,half \ud83d of an emoji\n".encode("utf-8", "surrogatepass"),
        "utf16_lone_surrogate.csv": "\ufeffrespondent,answer\nR1,x\n".encode("utf-16-le")
        + b"\x3d\xd8"
        + "y\n".encode("utf-16-le"),
        "mixed_gbk_utf8.csv": (csv_rows + f"R1,{TRICKY}\n").encode()
        + "R2,我们团队自己部署模型\n".encode("gbk"),
        "damaged_utf8.csv": (csv_rows + "R1,I think so\nR2,no\xff idea\n").encode("latin-1"),
        "png_named.csv": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        "pdf_named.docx": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n",
        "zip_named.xlsx": _plain_zip({"hello.txt": b"hello"}),
        "html_named.xls": b"<html><body><table><tr><td>a</td></tr></table></body></html>",
        "xlsx_named.qdpx": good_xlsx(),
        "docx_named.xlsx": good_docx(),
        "text_named.docx": TRICKY.encode(),
        "entity_after_comment.docx": entity_after_comment(".docx"),
        "entity_after_comment.xlsx": entity_after_comment(".xlsx"),
        "entity_after_comment.ods": entity_after_comment(".ods"),
        "entity_after_comment.qdpx": entity_after_comment(".qdpx"),
        "external_entity.docx": external_entity(".docx"),
        "external_entity.xlsx": external_entity(".xlsx"),
        "external_entity.qdpx": external_entity(".qdpx"),
        "billion_laughs.qdc": billion_laughs_qdc(),
        "traversal.qdpx": _plain_zip({"project.qde": b"<Project/>", "../../evil.txt": b"x"}),
        # A 100,000-character id: no key, no label.
        "long_id.csv": good_csv().replace(b"\nR2,", b"\n" + b"R" * 100_000 + b","),
    }
    for suffix in (
        ".csv",
        ".xlsx",
        ".docx",
        ".qdpx",
        ".qdc",
        ".txt",
        ".md",
        ".ods",
        ".xls",
        ".vtt",
        ".srt",
        ".rtf",
    ):
        files[f"empty{suffix}"] = b""
    return files


def _plain_zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def big_corpus(folder: Path) -> dict[str, Path]:
    """The nasties too big to commit, written to `folder`."""
    made = {
        "docx_bomb.docx": docx_bomb(),
        "xlsx_cell_bomb.xlsx": xlsx_cell_bomb(),
        "ods_bomb.ods": ods_bomb(),
        "long_line.csv": b"respondent,answer\nR1," + b"word " * 10_000_000 + b"\n",
        "wide.csv": (
            ",".join(f"Q{n}" for n in range(100_000))
            + "\n"
            + ",".join("x" for _ in range(100_000))
            + "\n"
        ).encode(),
    }
    paths = {}
    for name, data in made.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    return paths


def main() -> None:
    HOSTILE.mkdir(exist_ok=True)
    for name, data in small_corpus().items():
        (HOSTILE / name).write_bytes(data)
        assert len(data) < 200_000, name


if __name__ == "__main__":
    main()
