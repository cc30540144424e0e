"""Write-then-rename, so a failed export never leaves a half-written file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import DotsError


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yields a temporary path beside `target`; it replaces `target` only on success."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise DotsError(target, f"the folder {folder} does not exist")
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        # mkstemp makes the file private; an export gets the permissions of any new file.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, target)
    except OSError as exc:
        raise DotsError(target, f"cannot write the file: {exc.strerror or exc}") from None
    finally:
        temp.unlink(missing_ok=True)
