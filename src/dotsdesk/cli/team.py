"""`dotsdesk team init|add-member|push|pull`: a team's project on a PostgreSQL server."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from ..errors import DotsError
from ..store import SUFFIX, Project
from ..store.server import ServerAddress
from .locations import project_location
from .messages import _


def _address(text: str) -> ServerAddress:
    location = project_location(text)
    if not isinstance(location, ServerAddress):
        raise argparse.ArgumentTypeError(f"{text!r} is not a postgresql:// address")
    return location


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "team",
        help=_("a team's project on a PostgreSQL server"),
        description=_(
            "Several coders work on one project at once on a PostgreSQL server. "
            "URL is postgresql://USER@HOST[:PORT]/DATABASE; the password is asked by the app "
            "and kept in the system keyring, never in the address or a file."
        ),
    )
    actions = p.add_subparsers(title=_("actions"), metavar="ACTION", required=True)
    a = actions.add_parser(
        "init",
        help=_("create (or upgrade) the project in an empty database, with its roles"),
        description=_(
            "Build the project's schema in DATABASE (which must exist: createdb) "
            "and the roles DATABASE_owner, DATABASE_coder, DATABASE_consent and DATABASE_reader. "
            "Run it as a server user who may create roles; you become the project's owner. "
            "Run it again after updating dotsdesk to upgrade the schema."
        ),
    )
    a.add_argument("url", type=_address, metavar="URL")
    a.set_defaults(run=init)
    a = actions.add_parser(
        "add-member",
        help=_("a login for a colleague, with a role"),
        description=_(
            "Create NAME as a server login in the project's ROLE group: coder "
            "(responses, codes, segments, memos, posts; no identity nor consent evidence), "
            "consent (the consent tracker and private identity), reader (read only) or owner. "
            "The new member's password is read from the terminal, or from standard input when "
            "it is not one; never from the command line."
        ),
    )
    a.add_argument("url", type=_address, metavar="URL")
    a.add_argument("name", metavar="NAME")
    a.add_argument("--role", required=True, choices=["owner", "coder", "consent", "reader"])
    a.set_defaults(run=add_member)
    a = actions.add_parser(
        "push",
        help=_("upload a project file into a new team project"),
        description=_(
            "Copy everything in FILE.dots, ids kept, into the empty team project at "
            "URL (made with `team init`), in one transaction."
        ),
    )
    a.add_argument("file", type=Path, metavar="FILE.dots")
    a.add_argument("url", type=_address, metavar="URL")
    a.set_defaults(run=push)
    a = actions.add_parser(
        "pull",
        help=_("make an offline copy of a team project"),
        description=_(
            "Write COPY.dots, a project file holding the team project as you may "
            "read it (a coder's copy has no identity nor consent evidence). Work done in it "
            "comes back with `dotsdesk merge URL COPY.dots`."
        ),
    )
    a.add_argument("url", type=_address, metavar="URL")
    a.add_argument("copy", type=Path, metavar="COPY.dots")
    a.set_defaults(run=pull)


def init(args: argparse.Namespace) -> int:
    from ..store.pg_roles import set_up_roles

    with Project.create(args.url) as project, project.engine.begin() as conn:
        roles = set_up_roles(conn)
    print(f"{args.url}: the project is ready; roles {', '.join(roles)}")
    print(f"add colleagues with: dotsdesk team add-member {args.url} NAME --role coder")
    return 0


def _new_password(name: str) -> str:
    if sys.stdin.isatty():
        first = getpass.getpass(f"password for {name}: ")
        if first != getpass.getpass(f"password for {name} again: "):
            raise DotsError(None, "the two passwords differ; nothing was changed")
    else:
        first = sys.stdin.readline().rstrip("\r\n")
    if len(first) < 8:
        raise DotsError(None, "the password needs at least 8 characters; nothing was changed")
    return first


def add_member(args: argparse.Namespace) -> int:
    from ..store.pg_roles import add_member as add

    password = _new_password(args.name)
    with Project.open(args.url) as project, project.engine.begin() as conn:
        add(conn, args.name, args.role, password)
    print(f"{args.url}: {args.name} may now connect as {args.role}")
    return 0


def _progress(table: str, done: int, total: int) -> None:
    if sys.stderr.isatty() and total:
        sys.stderr.write(f"\r{table} {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def push(args: argparse.Namespace) -> int:
    from ..store.copying import copy_project, is_empty

    with (
        Project.open(args.file, readonly=True) as local,
        Project.open(args.url) as team,
        local.engine.connect() as source,
        team.engine.begin() as target,
    ):
        if not is_empty(target):
            raise DotsError(
                args.url,
                "already holds a project; push goes into a new, empty one "
                "(to bring a colleague's work in, use dotsdesk merge)",
            )
        report = copy_project(source, target, _progress)
    print(f"{args.url}: {report.summary()}")
    return 0


def pull(args: argparse.Namespace) -> int:
    from ..store.copying import copy_project

    copy: Path = args.copy
    if copy.suffix != SUFFIX:
        copy = copy.with_name(copy.name + SUFFIX)
    if copy.exists():
        raise DotsError(copy, "already exists; choose a new file for the copy")
    with Project.open(args.url, readonly=True) as team:
        created = Project.create(copy)
        try:
            with team.engine.connect() as source, created.engine.begin() as target:
                report = copy_project(source, target, _progress)
        except BaseException:
            created.close()
            copy.unlink(missing_ok=True)
            raise
        created.close()
    print(f"wrote {copy}: {report.summary()}")
    return 0
