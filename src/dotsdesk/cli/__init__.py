"""The `dotsdesk` command: one line on stderr and a non-zero exit for every user error."""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Sequence

from ..languages import ENV as LANGUAGE_ENV
from .faults import closed_pipe, describe_fault, show_traceback
from .messages import _, choose_language, use_language
from .parser import build_parser


def main(argv: Sequence[str] | None = None) -> int:
    # openpyxl warns about harmless oddities of files made by other tools ("no default
    # style"); on a terminal they would read like errors.
    warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
    use_language(choose_language(sys.argv[1:] if argv is None else list(argv)))
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:  # for the window this command may open (ui/i18n.py reads it)
        os.environ[LANGUAGE_ENV] = args.lang
    try:
        code = int(args.run(args) or 0)
        sys.stdout.flush()  # `| head` closing the pipe shows here, not at exit
        return code
    except BrokenPipeError:
        return closed_pipe()
    except KeyboardInterrupt:
        print(_("dotsdesk: interrupted; nothing was changed"), file=sys.stderr)
        return 130
    except Exception as exc:  # every fault ends in one line, never a traceback
        if show_traceback():
            raise
        fault = describe_fault(exc, getattr(args, "file", None))
        print(_("dotsdesk: error: {fault}").format(fault=fault), file=sys.stderr)
        return 1
