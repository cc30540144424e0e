"""The languages dotsdesk speaks, and how a locale name picks one.

No Qt here: the command line (gettext) and the window (Qt's translators) both ask.
"""

from __future__ import annotations

import os
import re

ENGLISH = "en"
CHINESE = "zh_CN"
# The interface languages, each named in itself (as a language menu shows them).
LANGUAGES: dict[str, str] = {ENGLISH: "English", CHINESE: "简体中文"}
# Set by `dotsdesk --lang`; the window started from that command reads it.
ENV = "DOTSDESK_LANG"


def interface_language(tag: str | None) -> str | None:
    """The interface language for a locale or language tag, None when dotsdesk has none.

    'zh', 'zh_CN.UTF-8', 'zh-Hans-CN', 'zh_SG' -> 'zh_CN'; 'en_GB', 'en-US' -> 'en';
    'C', 'POSIX', 'fr_FR', '' -> None. Any Chinese gets the Simplified interface: it is the
    only Chinese one, and more readable to a Traditional reader than English."""
    if not tag:
        return None
    primary = re.split(r"[-_.@]", tag.strip(), maxsplit=1)[0].lower()
    if primary == "zh":
        return CHINESE
    if primary == "en":
        return ENGLISH
    return None


def environment_language() -> str | None:
    """The interface language the environment asks for: DOTSDESK_LANG, then the variables
    gettext reads (LANGUAGE, a colon list, then LC_ALL, LC_MESSAGES, LANG)."""
    explicit = interface_language(os.environ.get(ENV))
    if explicit:
        return explicit
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if not value:
            continue
        for tag in value.split(":"):
            found = interface_language(tag)
            if found:
                return found
        if name != "LANGUAGE":  # the first locale variable that is set decides, as in C
            return None
    return None
