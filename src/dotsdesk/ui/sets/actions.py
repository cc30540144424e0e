"""What the user does with sets, each one `ctx.run`: one transaction, one undo step. The
services decide what is valid (a blank or taken name is refused with the reason)."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QCoreApplication

from ...model import SetKind, SetOrigin
from ...services.corpus import sets
from ..context import ProjectContext
from ..i18n import arg

TABLES = frozenset({"named_set", "set_respondent", "set_response", "respondent", "response"})


def new_set(
    ctx: ProjectContext,
    name: str,
    kind: SetKind,
    response_ids: Collection[int],
    *,
    origin: SetOrigin = SetOrigin.SELECTION,
    description: str | None = None,
) -> int | None:
    """A set of these responses (or the people who gave them); its id, None if refused."""
    ids = list(response_ids)
    made = ctx.run(
        arg(QCoreApplication.translate("Sets", "New set %1"), name.strip()),
        lambda s: sets.set_from_responses(
            s, name, kind, ids, origin=origin, description=description
        ),
    )
    if made is not None:
        ctx.status.emit(arg(QCoreApplication.translate("Sets", "Made the set %1"), name.strip()))
    return made


def add_to_set(ctx: ProjectContext, set_id: int, name: str, response_ids: Collection[int]) -> int:
    ids = list(response_ids)
    added = ctx.run(
        arg(QCoreApplication.translate("Sets", "Add to set %1"), name),
        lambda s: sets.add_responses(s, set_id, ids),
    )
    if added is not None:
        ctx.status.emit(
            arg(QCoreApplication.translate("Sets", "%n new member(s) in %1", None, added), name)
        )
    return added or 0


def rename_set(ctx: ProjectContext, set_id: int, old: str, new: str) -> bool:
    if new.strip() == old:
        return False
    done = ctx.run(
        arg(QCoreApplication.translate("Sets", "Rename set %1 to %2"), old, new.strip()),
        lambda s: sets.rename_set(s, set_id, new),
    )
    return done is not None


def delete_set(ctx: ProjectContext, set_id: int, name: str) -> bool:
    done = ctx.run(
        arg(QCoreApplication.translate("Sets", "Delete set %1"), name),
        lambda s: sets.delete_set(s, set_id) or True,
    )
    if done:
        ctx.status.emit(
            arg(
                QCoreApplication.translate(
                    "Sets", "Deleted the set %1; its members stay in the project"
                ),
                name,
            )
        )
    return bool(done)
