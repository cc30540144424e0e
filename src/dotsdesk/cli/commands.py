"""What each subcommand does; each write is one transaction through the services.

Heavy modules (Qt, openpyxl, the importers) are imported inside the commands that need
them, so `dotsdesk --help` and `info` start quickly.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

from ..errors import DotsError
from ..preferences import coder_name
from ..services.counts import ProjectCounts
from ..store import Project


def gui(args: argparse.Namespace) -> int:
    from ..app import run_gui

    return run_gui(args.file)


def new(args: argparse.Namespace) -> int:
    project = Project.create(args.file)
    path = project.path
    project.close()
    print(f"created {path}")
    return gui(argparse.Namespace(file=path)) if args.open else 0


def demo(args: argparse.Namespace) -> int:
    """Write the sample to a new FILE; without FILE, keep the sample already in the data
    folder (with whatever was done in it) and write one only when there is none. --force
    replaces, after a backup copy."""
    from ..demo import default_sample_path, sample_counts, with_suffix, write_sample

    target = with_suffix(args.file or default_sample_path())
    if args.file is None and target.exists() and not args.force:
        counts = sample_counts(target)
        print(
            f"the sample project is at {target}, kept as it is: {_counted(counts)}\n"
            "(dotsdesk demo --force replaces it with a fresh one, keeping a backup copy)"
        )
    else:
        report = write_sample(target, replace=args.force)
        print(f"wrote the sample project to {report.path}: {_counted(report.counts)}")
        if report.backup is not None:
            print(f"the file it replaced is kept as {report.backup}")
    return gui(argparse.Namespace(file=target)) if args.open else 0


def _counted(counts: ProjectCounts) -> str:
    return (
        f"{counts.respondents} respondents, {counts.responses} responses, "
        f"{counts.codes} codes, {counts.segments} segments"
    )


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def import_(args: argparse.Namespace) -> int:
    from ..importers import TABLE_SUFFIXES, ImportOptions, TranscriptOptions, import_file

    options = ImportOptions(
        encoding=args.encoding,
        sheet=args.sheet,
        responses=tuple(args.responses),
        attributes=tuple(args.attributes),
        identity=tuple(args.identity),
        id_column=args.id_column,
        respondent=args.respondent,
    )
    transcript = TranscriptOptions(interviewer=tuple(args.interviewer))
    if args.respondent and any(p.suffix.lower() in TABLE_SUFFIXES for p in args.inputs):
        raise DotsError(
            None, "--respondent is for transcripts; a survey table names its respondents"
        )
    for path in args.inputs:
        if path.is_dir():
            raise DotsError(path, "this is a folder, not a file; name the files in it")
        if not path.exists():
            raise DotsError(path, "no such file")
    reports = []
    with Project.open(args.file) as project:
        if not args.dry_run and any(p.suffix.lower() in (".qdpx", ".qdc") for p in args.inputs):
            project.backup_before("refi")  # a REFI-QDA project brings a lot at once
        try:
            with project.write() as s:
                for path in args.inputs:
                    reports.append(import_file(s, path, options, transcript=transcript))
                if args.dry_run:
                    raise _DryRun
        except _DryRun:
            pass
    for report in reports:
        print("\n".join(report.lines()))
    if args.dry_run:
        print("dry run: nothing was changed")
    return 0


def autocode(args: argparse.Namespace) -> int:
    from ..services.coding.autocode import Unit
    from ..services.coding.autocode import autocode as run_autocode

    with Project.open(args.file) as project, project.write() as s:
        report = run_autocode(
            s,
            args.code,
            args.pattern,
            unit=Unit(args.unit),
            whole_response=args.whole_response,
            ignore_case=not args.case_sensitive,
            coder=args.coder or coder_name(),
            include_others=args.all_turns,
        )
    print(
        f"{report.segments_created} segment(s) made with {report.code_path} "
        f"in {report.responses_matched} response(s)"
        + (
            f"; {report.skipped} hit(s) in the interviewer's or others' turns skipped"
            if report.skipped
            else ""
        )
        + (
            f"; {report.segments_extended} existing segment(s) gained the code"
            if report.segments_extended
            else ""
        )
        + (f"; {report.segments_existing} already coded" if report.segments_existing else "")
    )
    return 0


def coder(args: argparse.Namespace) -> int:
    from ..preferences import preferences_path, set_coder_name
    from ..services.coding.coders import default_coder_name

    if args.name is not None:
        print(f"coding as {set_coder_name(args.name)} (saved in {preferences_path()})")
        return 0
    saved = coder_name()
    if saved is None:
        print(f"coding as {default_coder_name()} (your login name; nothing saved yet)")
    else:
        print(f"coding as {saved} (saved in {preferences_path()})")
    return 0


def info(args: argparse.Namespace) -> int:
    from ..services.counts import project_counts

    with Project.open(args.file, readonly=True) as project, project.read() as s:
        counts = project_counts(s)
        title = project.setting("title")
    if args.json:
        data = asdict(counts)
        data["file"] = str(project.path)
        data["title"] = title
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"{project.path}" + (f" - {title}" if title else ""))
    print(f"  respondents  {counts.respondents}")
    print(
        f"  responses    {counts.responses}  ("
        + ", ".join(f"{lang} {n}" for lang, n in counts.languages.items())
        + ")"
    )
    print(f"  translations {counts.translations}")
    print(f"  codes        {counts.codes}")
    print(f"  segments     {counts.segments}")
    print("  consent      " + ", ".join(f"{k} {v}" for k, v in counts.consent.items() if v))
    print(f"  posts        {len(counts.posts)}")
    for post in counts.posts:
        print(f"    {post['id']}: {post['title']}")
    return 0


def export(args: argparse.Namespace) -> int:
    from ..exporters.post import POST_SUFFIXES
    from .posts import export_post
    from .reports import export_report, wants_report

    if wants_report(args):  # --analysis, --codebook, --excerpts
        return export_report(args)

    out: Path = args.out
    if out.suffix.lower() in (".qdpx", ".qdc"):  # REFI-QDA, for other QDA tools
        from .exchange import export_exchange

        return export_exchange(args)
    if out.suffix.lower() in POST_SUFFIXES:
        return export_post(args)
    from ..exporters.xlsx.segments import export_segments_workbook

    if out.suffix.lower() != ".xlsx":
        raise DotsError(out, "exports are .xlsx, or a post (--post N) as .docx, .md or .html")
    if args.post is not None or args.comments or args.placeholders:
        raise DotsError(out, "--post, --comments and --placeholders write .docx, .md or .html")
    if args.consent:
        from .consent import export_register

        return export_register(args)
    with Project.open(args.file, readonly=True) as project, project.read() as s:
        rows = export_segments_workbook(s, out)
    print(f"wrote {out}: {rows} segment row(s), codebook and respondents")
    return 0


def screenshot(args: argparse.Namespace) -> int:
    import os
    import re
    import tempfile

    size = re.fullmatch(r"(\d+)x(\d+)", args.size)
    if size is None:
        raise DotsError(None, f"--size {args.size!r} is not WIDTHxHEIGHT, e.g. 1440x900")
    if not args.out.parent.is_dir():
        raise DotsError(args.out, f"the folder {args.out.parent} does not exist")
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["DOTSDESK_SETTINGS"] = str(Path(scratch) / "settings.ini")
        from ..ui.screenshot import take_screenshot

        out = take_screenshot(
            args.file,
            args.out,
            width=int(size[1]),
            height=int(size[2]),
            panel=args.panel,
            response=args.response,
        )
    print(f"wrote {out}")
    return 0
