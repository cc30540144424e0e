"""The command line's words in the user's language, through gettext; English by default.

The language: `--lang` (looked for before the parser is built, since its help is written as it
is built), else DOTSDESK_LANG, else what gettext reads (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
The catalogue is resources/locale/<lang>/LC_MESSAGES/dotsdesk.mo, compiled from the .po beside
it by tools/gettext_catalogue.py. argparse's own words ("usage:", "options", "error:") are in
the same catalogue: argparse looks its `_` up at each call, so it is pointed at ours.
"""

from __future__ import annotations

import argparse
import gettext
import os
from collections.abc import Sequence

from ..languages import ENGLISH, ENV, environment_language, interface_language
from ..resources import resource

DOMAIN = "dotsdesk"
_catalogue: gettext.NullTranslations = gettext.NullTranslations()


def _(message: str) -> str:
    """A message in the chosen language (the message itself until `use_language`)."""
    return _catalogue.gettext(message)


def choose_language(argv: Sequence[str]) -> str:
    """The language a command's words are in: --lang LANG (or --lang=LANG) first."""
    for n, item in enumerate(argv):
        if item == "--lang" and n + 1 < len(argv):
            chosen = interface_language(argv[n + 1])
        elif item.startswith("--lang="):
            chosen = interface_language(item.partition("=")[2])
        else:
            continue
        if chosen:
            os.environ[ENV] = chosen  # the window this command may open speaks it too
            return chosen
    return environment_language() or ENGLISH


def use_language(language: str) -> None:
    """Load `language`'s catalogue (none for English: the messages are English)."""
    global _catalogue  # one catalogue for the one command this process runs
    _catalogue = gettext.NullTranslations()
    if language != ENGLISH:
        _catalogue = gettext.translation(
            DOMAIN, str(resource("locale")), languages=[language], fallback=True
        )
    argparse._ = _catalogue.gettext  # type: ignore[attr-defined]
    argparse.ngettext = _catalogue.ngettext  # type: ignore[attr-defined]
