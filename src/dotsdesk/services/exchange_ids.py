"""Stable identifiers for what leaves the project in exchange files (REFI-QDA).

Other tools recognise a code, a source or a coding again by its GUID, so a project exported
twice must give the same GUIDs both times. Each GUID is a UUID-5 of the row's kind and id
under a namespace made once per project (random, so two projects never share GUIDs) and
kept in its settings.
"""

from __future__ import annotations

import hashlib
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..model import Code, Coder, Respondent, Response, Setting

NAMESPACE_KEY = "exchange.namespace"
# The version (4 bits) and variant (2 bits) of a UUID-5, as masks over its 128-bit number.
_CLEAR = ~((0xF << 76) | (0x3 << 62)) & ((1 << 128) - 1)
_SET = (0x5 << 76) | (0x2 << 62)


def exchange_namespace(session: Session) -> uuid.UUID | None:
    """The project's namespace, or None when nothing was ever exported."""
    value = session.scalar(select(Setting.value).where(Setting.key == NAMESPACE_KEY))
    if value is None:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None  # a hand-edited setting: ensure_exchange_namespace replaces it


def ensure_exchange_namespace(session: Session) -> uuid.UUID:
    """The project's namespace, made and stored on first use."""
    found = exchange_namespace(session)
    if found is not None:
        return found
    made = uuid.uuid4()
    setting = session.get(Setting, NAMESPACE_KEY)
    if setting is None:
        session.add(Setting(key=NAMESPACE_KEY, value=str(made)))
    else:
        setting.value = str(made)
    session.flush()
    return made


def stable_guid(namespace: uuid.UUID, kind: str, *ids: object) -> str:
    """The GUID of one thing (`kind` such as "code", its ids) in this project: the UUID-5
    `uuid.uuid5(namespace, "kind:id")` gives, made without building UUID objects, since an
    export makes hundreds of thousands."""
    name = ":".join([kind, *map(str, ids)]).encode("utf-8")
    n = int.from_bytes(hashlib.sha1(namespace.bytes + name).digest()[:16], "big")
    n = (n & _CLEAR) | _SET  # version 5, RFC 4122 variant
    h = f"{n:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def known_guids(session: Session) -> dict[str, tuple[str, int]]:
    """GUID -> (kind, id) for what this project's exports named, so that a file coming
    back (from a colleague's NVivo, say) lands on the same respondents, responses, codes
    and coders instead of beside them. Empty when the project never exported."""
    namespace = exchange_namespace(session)
    if namespace is None:
        return {}
    out: dict[str, tuple[str, int]] = {}
    for kind, column in (
        ("respondent", Respondent.id),
        ("response", Response.id),
        ("code", Code.id),
        ("coder", Coder.id),
    ):
        for row_id in session.scalars(select(column)):
            out[stable_guid(namespace, kind, row_id)] = (kind, row_id)
    return out
