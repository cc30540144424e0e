"""Who is coding: segments carry their coder."""

from __future__ import annotations

import getpass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...model import Coder


def default_coder_name() -> str:
    try:
        return getpass.getuser() or "me"
    except (KeyError, OSError):
        return "me"


def get_coder(session: Session, name: str | None = None) -> Coder:
    """The coder with this name (default: the user's login name), created on first use."""
    name = (name or default_coder_name()).strip() or "me"
    coder = session.scalar(select(Coder).where(Coder.name == name))
    if coder is None:
        coder = Coder(name=name)
        session.add(coder)
        session.flush()
    return coder
