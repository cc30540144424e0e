"""The `.qdpx` archive: `project.qde` and one UTF-8 text file per source in `sources/`.

Written beside the target and renamed into place only when complete, so a failed or
cancelled export never leaves a half archive a tool could try to open.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from ..atomic import atomic_output
from .document import RefiProject
from .project import write_project_xml

Progress = Callable[[int, int], None]


def _entry(name: str, when: tuple[int, int, int, int, int, int]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16  # a plain readable file when unpacked on Unix
    return info


def write_qdpx(target: Path, project: RefiProject, progress: Progress | None = None) -> None:
    when = datetime.now().timetuple()[:6]
    total = len(project.sources) * 2  # the texts, then the XML that refers to them
    done = len(project.sources)

    def xml_progress(n: int, _total: int) -> None:
        if progress is not None:
            progress(done + n, total)

    with (
        atomic_output(target) as temp,
        zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        for n, source in enumerate(project.sources, 1):
            data = source.text.encode("utf-8")
            archive.writestr(_entry(f"sources/{source.file_name}", when), data)
            if progress is not None and (n % 500 == 0 or n == done):
                progress(n, total)
        with archive.open(_entry("project.qde", when), "w", force_zip64=True) as out:
            write_project_xml(out, project, xml_progress)
