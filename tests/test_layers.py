"""Dependencies point down: cli -> ui -> importers/exporters -> services -> store -> model.

Every import in `src/dotsdesk` (lazy ones inside functions and TYPE_CHECKING ones included) is
resolved to the module it names and compared by layer; so are the domains inside services and
the rule that only `ui/` imports Qt. The checker is also run on a small tree with a deliberate
back-import, so this test cannot pass by finding nothing.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "dotsdesk"

# Higher may import lower or equal, never the other way. errors/resources/preferences/languages are
# leaves for all.
LAYERS: dict[str, int] = {
    "errors": 0,
    "resources": 0,
    "preferences": 0,
    "languages": 0,
    "model": 1,
    "store": 2,
    "services": 3,
    "importers": 4,
    "exporters": 4,
    "demo": 4,
    "ui": 5,
    "cli": 6,
    "app": 6,
    "__main__": 6,
    "bench": 6,
}
# Packages of one layer that must not use each other.
SIBLINGS = {frozenset({"importers", "exporters"})}
# Inside services: each domain may import the ones listed (and itself). Top-level modules of
# services (counts, sample) span every domain.
DOMAINS: dict[str, set[str]] = {
    "corpus": set(),
    "coding": {"corpus"},
    "consent": {"corpus", "coding"},
    "composer": {"corpus", "coding", "consent"},
    "browser": {"corpus", "coding", "consent"},
    "analysis": {"corpus", "coding", "consent"},
}
QT = ("PySide6", "shiboken6")


def module_name(path: Path, root: Path) -> list[str]:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def imported(node: ast.AST, parts: list[str], is_package: bool) -> list[list[str]]:
    """The dotsdesk modules (as parts below `dotsdesk`) or Qt packages a node imports."""
    if isinstance(node, ast.Import):
        names = [a.name.split(".") for a in node.names]
    elif isinstance(node, ast.ImportFrom):
        if node.level:
            package = parts if is_package else parts[:-1]
            base = package[: len(package) - node.level + 1]
            base = ["dotsdesk", *base, *(node.module.split(".") if node.module else [])]
        else:
            base = (node.module or "").split(".")
        # `from x import y` may name a module y: keep it, the checks read only the prefix.
        names = [[*base, a.name] for a in node.names]
    else:
        return []
    return [n[1:] if n[0] == "dotsdesk" else n for n in names if n[0] in ("dotsdesk", *QT)]


def violations(root: Path) -> list[str]:
    found: list[str] = []
    for path in sorted(root.rglob("*.py")):
        parts = module_name(path, root)
        if not parts:
            continue
        here = parts[0]
        where = f"{path.relative_to(root.parent)}"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            for target in imported(node, parts, path.name == "__init__.py"):
                line = f"{where}:{getattr(node, 'lineno', 0)}"
                if target and target[0] in QT:
                    if here != "ui":
                        found.append(f"{line}: Qt imported outside ui/")
                    continue
                if not target or (target[0] == here and here != "services"):
                    continue
                there = target[0]
                exists = (root / there).is_dir() or (root / f"{there}.py").is_file()
                if there not in LAYERS and not exists:
                    continue  # a name defined in dotsdesk/__init__.py, such as __version__
                if there not in LAYERS or here not in LAYERS:
                    found.append(f"{line}: {'.'.join(target)} has no layer; add it to LAYERS")
                    continue
                if LAYERS[there] > LAYERS[here]:
                    found.append(f"{line}: {here} imports {'.'.join(target)}, a layer above it")
                elif frozenset({here, there}) in SIBLINGS:
                    found.append(f"{line}: {here} imports its sibling {'.'.join(target)}")
                elif here == there == "services":
                    problem = _domain_problem(parts, target)
                    if problem:
                        found.append(f"{line}: {problem}")
    return found


def _domain_problem(parts: list[str], target: list[str]) -> str | None:
    mine = parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in DOMAINS) else None
    theirs = target[1] if len(target) > 1 else None
    if mine is None or theirs is None or theirs == mine:
        return None  # the services package itself, or a top-level module spanning domains
    if theirs not in DOMAINS:
        return f"services.{mine} imports services.{theirs}, which spans every domain"
    if theirs not in DOMAINS.get(mine, set()):
        return f"services.{mine} imports services.{theirs}, a domain it may not use"
    return None


def test_the_source_tree_only_imports_downwards() -> None:
    assert violations(SRC) == []


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "dotsdesk" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "dotsdesk"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"services/x.py": "def f():\n    from ..ui import window\n"},
            "services imports ui.window, a layer above it",
        ),
        ({"store/db.py": "from dotsdesk.services import x\n"}, "a layer above it"),
        ({"model/m.py": "import PySide6.QtCore\n"}, "Qt imported outside ui/"),
        ({"importers/a.py": "from ..exporters import b\n"}, "imports its sibling exporters.b"),
        (
            {"services/corpus/r.py": "from ..composer.posts import p\n"},
            "services.corpus imports services.composer",
        ),
        ({"services/coding/c.py": "from .. import sample\n"}, "spans every domain"),
        ({"newthing/n.py": "from ..model import m\n"}, "has no layer"),
    ],
)
def test_a_back_import_is_caught(tmp_path: Path, files: dict[str, str], expected: str) -> None:
    found = violations(_tree(tmp_path, files))
    assert len(found) == 1 and expected in found[0], found


def test_downward_imports_are_allowed(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "ui/w.py": "from PySide6.QtWidgets import QWidget\nfrom ..services.corpus import r\n",
            "services/composer/p.py": "from ..consent.gate import g\nfrom ...store import s\n",
            "services/sample.py": "from .composer import posts\n",
            "importers/a.py": "from ..services.corpus.r import f\n",
            "model/__init__.py": "from .base import Base\n",
        },
    )
    assert violations(root) == []
