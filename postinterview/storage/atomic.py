"""Durable, all-or-nothing file writes, private to the user."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700
TEMP_PREFIX = ".tmp-"
TEMP_SUFFIX = ".partial"


def ensure_private_dir(path: Path) -> None:
    """Create `path` (and parents) readable by the user alone; leave an existing one as it is.
    (`mkdir(parents=True)` would give the parents it creates the default mode.)"""
    if path.is_dir():
        return
    if not path.parent.is_dir() and path.parent != path:
        ensure_private_dir(path.parent)
    path.mkdir(mode=PRIVATE_DIR_MODE, exist_ok=True)


def fsync_dir(path: Path) -> None:
    """Make a rename inside `path` durable. Not every platform can open a folder; skip there."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def is_temp_name(name: str) -> bool:
    """True for the name of a temporary file a write left behind (it is never data)."""
    return name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data`: readers see the old file or the new one, never a mix.

    Temp file in the same folder (so the rename cannot cross file systems), flush, fsync,
    rename over the target, fsync the folder. On any failure the temp file is removed and the
    old file is untouched.
    """
    temp = path.with_name(f"{TEMP_PREFIX}{path.stem}-{secrets.token_hex(4)}{TEMP_SUFFIX}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_dir(path.parent)
