"""Arguments of every subcommand, with the help a user reads first."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..languages import LANGUAGES, interface_language
from ..ui.panel_names import PANELS
from . import analyse as analyse_cli
from . import backup as backup_cli
from . import commands
from . import consent as consent_cli
from . import exchange as exchange_cli
from . import merge as merge_cli
from . import posts as posts_cli
from . import reports as reports_cli
from . import team as team_cli
from .locations import project_location
from .messages import _


def epilog() -> str:
    return _(
        """examples:
  dotsdesk demo --open                 open the sample project (built the first time)
  dotsdesk new study.dots              an empty project
  dotsdesk import study.dots survey.csv interview.docx
  dotsdesk autocode study.dots --code Theme/Interview --pattern "interview|面试"
  dotsdesk info study.dots --json
  dotsdesk export study.dots segments.xlsx
  dotsdesk consent study.dots list
  dotsdesk export study.dots register.xlsx --consent
  dotsdesk draft study.dots --title "Do you write production code?" --sections-from Role
  dotsdesk export study.dots post.docx --post 1 --comments
  dotsdesk merge study.dots colleague.dots
"""
    )


class _Version(argparse.Action):
    """argparse's "version", looked up only when asked for (importlib.metadata)."""

    def __init__(self, option_strings: list[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        from .. import __version__

        print(f"dotsdesk {__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dotsdesk",
        description=_(
            "Qualitative research that ends in writing: import answers and transcripts, "
            "code them, track consent, export.  Without a command, the app opens."
        ),
        epilog=epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action=_Version,
        help=_("show program's version number and exit"),
    )
    parser.add_argument(
        "--lang",
        type=_language,
        metavar="LANG",
        help=_(
            "the app's language, en or zh_CN (default: the one chosen in View > Language, "
            "else the system's)"
        ),
    )
    parser.set_defaults(run=commands.gui, file=None)
    sub = parser.add_subparsers(title=_("commands"), metavar="COMMAND")

    p = sub.add_parser(
        "open", help=_("open a project in the app"), description=_("Open FILE.dots in the app.")
    )
    p.add_argument("file", type=project_location, metavar="FILE.dots")
    p.set_defaults(run=commands.gui)

    p = sub.add_parser(
        "new", help=_("create an empty project"), description=_("Create an empty project file.")
    )
    p.add_argument("file", type=project_location, metavar="FILE.dots")
    p.add_argument("--open", action="store_true", help=_("open it in the app afterwards"))
    p.set_defaults(run=commands.new)

    p = sub.add_parser(
        "demo",
        help=_("write the sample project"),
        description=_(
            "Write the sample project: 30 data scientists' answers behind the post "
            "'Do you write production code as a data scientist?', coded, with consent recorded. "
            "Without FILE it goes to your data folder, once: when a sample is already there it "
            "is kept as it is, with whatever you did in it. An existing FILE is never "
            "overwritten unless --force."
        ),
    )
    p.add_argument("file", type=project_location, nargs="?", metavar="FILE.dots")
    p.add_argument(
        "--force",
        action="store_true",
        help=_(
            "replace FILE (or the sample in your data folder) with a fresh sample, after a "
            "backup copy of it beside it"
        ),
    )
    p.add_argument("--open", action="store_true", help=_("open it in the app afterwards"))
    p.set_defaults(run=commands.demo)

    _import_parser(sub)

    p = sub.add_parser(
        "autocode",
        help=_("code every match of a pattern"),
        description=_(
            "Code every match of a regular expression (case-insensitive unless asked) "
            "with a code, creating the code if needed. Running it again adds nothing new."
        ),
    )
    p.add_argument("file", type=project_location, metavar="FILE.dots")
    p.add_argument("--code", required=True, metavar="PATH/TO/CODE", help=_("e.g. Theme/Interview"))
    p.add_argument("--pattern", required=True, metavar="REGEX", help=_("Python regular expression"))
    p.add_argument(
        "--whole-response", action="store_true", help=_("code the whole response, not the match")
    )
    p.add_argument(
        "--unit",
        choices=["match", "sentence", "paragraph", "turn", "response"],
        default="match",
        help=_(
            "what each hit codes: the match (default), its sentence, paragraph, speaker's turn "
            "or the whole response"
        ),
    )
    p.add_argument(
        "--all-turns",
        action="store_true",
        help=_("code hits in the interviewer's turns too (skipped by default)"),
    )
    p.add_argument("--case-sensitive", action="store_true")
    p.add_argument(
        "--coder",
        help=_(
            "who is coding (default: the name saved in your preferences, in the app's "
            "status bar or with 'dotsdesk coder NAME'; else your login name)"
        ),
    )
    p.set_defaults(run=commands.autocode)

    p = sub.add_parser(
        "coder",
        help=_("show or set who is coding"),
        description=_(
            "Show who is coding, or save NAME as who is coding: the name the app "
            "saves with each segment and memo (it asks once, and shows it in the status bar) and "
            "the default of --coder. Kept in your preferences, not in a project."
        ),
    )
    p.add_argument("name", nargs="?", metavar="NAME")
    p.set_defaults(run=commands.coder)

    p = sub.add_parser(
        "info", help=_("counts of a project"), description=_("Show what a project holds.")
    )
    p.add_argument("file", type=project_location, metavar="FILE.dots")
    p.add_argument("--json", action="store_true", help=_("one JSON object, for scripts"))
    p.set_defaults(run=commands.info)

    posts_cli.add_parser(sub)
    analyse_cli.add_parser(sub)
    merge_cli.add_parser(sub)
    backup_cli.add_parser(sub)
    team_cli.add_parser(sub)

    p = sub.add_parser(
        "export",
        help=_("export segments, codebook and respondents to Excel, or a post"),
        description=_(
            "Write OUT.xlsx with sheets Segments (one row per segment and code, the exact "
            "text, its translation where one is recorded, and its code-point offsets), Codebook, "
            "Respondents (pseudonymous labels and attributes, numbers as numbers; never names or "
            "contacts) and Memos, each a filtered table under a frozen header. The file appears "
            "only when complete. "
            "With --consent, write the consent register instead. With --post N, write post N as "
            "OUT.docx, OUT.md or OUT.html through the consent gate: a quote it blocks stops the "
            "export (each is named) unless --placeholders."
        ),
    )
    p.add_argument("file", type=project_location, metavar="FILE.dots")
    p.add_argument("out", type=Path, metavar="OUT.xlsx|OUT.docx|OUT.md|OUT.html")
    p.add_argument(
        "--consent",
        action="store_true",
        help=_(
            "write the consent register (identity, current consent, history); it holds "
            "private names, contacts and handles and says so on its first sheet"
        ),
    )
    posts_cli.add_export_options(p)
    exchange_cli.add_export_options(p)
    reports_cli.add_export_options(p)
    p.set_defaults(run=commands.export)

    consent_cli.add_parser(sub)

    p = sub.add_parser(
        "screenshot",
        help=_("render the main window or a panel to a PNG"),
        description=_(
            "Open FILE.dots in the real main window (offscreen when there is no "
            "display), render the window or one panel to OUT.png, and exit. Uses fresh settings, "
            "so the picture does not depend on your saved layout."
        ),
    )
    p.add_argument("file", type=project_location, metavar="FILE.dots")
    p.add_argument("out", type=Path, metavar="OUT.png")
    p.add_argument("--size", default="1440x900", metavar="WxH", help=_("default 1440x900"))
    p.add_argument(
        "--panel",
        metavar="NAME",
        help=_("render only this panel, one of: {panels}").format(panels=", ".join(PANELS)),
    )
    p.add_argument(
        "--response",
        metavar="LABEL",
        help=_("show this respondent's first answer in the coding panel (a label, e.g. P01)"),
    )
    p.set_defaults(run=commands.screenshot)
    return parser


def _language(value: str) -> str:
    language = interface_language(value)
    if language is None:
        message = _("{value} is not one of {choices}")
        raise argparse.ArgumentTypeError(
            message.format(value=repr(value), choices=", ".join(LANGUAGES))
        )
    return language


def _import_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "import",
        help=_("import survey tables and transcripts"),
        description=(
            _(
                "Import .csv/.tsv/.xlsx survey tables (one row per respondent) and transcripts "
                "(.docx/.txt/.md/.rtf, .vtt/.srt subtitles): a transcript with speakers keeps its "
                "turns and times, and each speaker but the interviewer becomes a respondent "
                "('Interviewee N', names kept private). For tables, a column named 'respondent' "
                "or 'id' identifies people; long free-text columns become responses (the header "
                "is the question); short ones become attributes; columns like name, e-mail, phone, "
                "contact, handle are kept as private identity; a 'language' column sets each "
                "response's language (otherwise it is detected). The decision for each column is "
                "printed. All inputs go in together or not at all; importing the same file again "
                "changes nothing. A REFI-QDA project (.qdpx) or codebook (.qdc) from NVivo, "
                "ATLAS.ti, MAXQDA, QualCoder or Taguette brings its codes, cases (as respondents, "
                "with their variables), texts, coded selections and memos, and the report says "
                "what was skipped and how positions were read."
            )
        ),
    )
    p.add_argument("file", type=project_location, metavar="FILE.dots")
    p.add_argument("inputs", type=Path, nargs="+", metavar="INPUT")
    p.add_argument(
        "--responses",
        action="append",
        default=[],
        metavar="COL,...",
        help=_("these columns are answers"),
    )
    p.add_argument(
        "--attributes",
        action="append",
        default=[],
        metavar="COL,...",
        help=_("these columns are attributes"),
    )
    p.add_argument(
        "--identity",
        action="append",
        default=[],
        metavar="COL,...",
        help=_("these columns are private identity"),
    )
    p.add_argument(
        "--id", dest="id_column", metavar="COL", help=_("the column that identifies respondents")
    )
    p.add_argument(
        "--respondent",
        metavar="ID",
        help=_(
            "for transcripts: whose words, an existing respondent or a name kept private "
            "(default: each speaker who is not the interviewer becomes 'Interviewee N')"
        ),
    )
    p.add_argument(
        "--interviewer",
        action="append",
        default=[],
        metavar="SPEAKER",
        help=_(
            "for transcripts: the speaker who asks (repeat for several); default: a speaker "
            "labelled I, Q, Interviewer, 访谈者..., else the one asking the most questions"
        ),
    )
    p.add_argument(
        "--encoding",
        metavar="NAME",
        help=_("text encoding, if detection gets it wrong (e.g. gb18030)"),
    )
    p.add_argument(
        "--sheet", metavar="NAME", help=_("for .xlsx: the sheet to read (default: the first)")
    )
    p.add_argument(
        "--dry-run", action="store_true", help=_("show what would be imported, change nothing")
    )
    p.set_defaults(run=commands.import_)
