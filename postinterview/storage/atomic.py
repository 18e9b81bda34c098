"""Durable, all-or-nothing file writes, private to the user."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import time
from collections.abc import Callable
from pathlib import Path

from postinterview.storage.links import LinkRefused, write_target

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700
TEMP_PREFIX = ".tmp-"
TEMP_SUFFIX = ".partial"

RENAME_RETRY_DELAYS = (0.02, 0.05, 0.1, 0.2, 0.4, 0.6)
"""Pauses between tries of a rename that was refused for now: about 1.4 s in all, then the
save fails as any other would."""
_REFUSED_FOR_NOW_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.EBUSY})
_REFUSED_FOR_NOW_WINERRORS = frozenset({5, 32})
"""ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION: a virus scanner, an indexer or a sync tool
has the file open for a moment."""
_TEMP_NAME_TRIES = 5
_TEMP_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
"""O_EXCL already refuses anything at the temp file's name, a link included; O_NOFOLLOW says
so twice, and O_CLOEXEC keeps the file from programs we start."""

pause: Callable[[float], None] = time.sleep
"""How the rename retry waits; tests put a recorder here, so they never sleep."""


def ensure_private_dir(path: Path) -> None:
    """Create `path` (and parents) readable by the user alone; leave an existing one as it is.
    (`mkdir(parents=True)` would give the parents it creates the default mode.)"""
    if path.is_dir():
        return
    if os.path.islink(path):  # a link to a folder that is not there: never made for it
        reason = f"{path} is a link to {os.readlink(path)}, which is not there"
        raise LinkRefused(errno.ENOENT, reason, str(path))
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
    old file is untouched. When `path` is a symbolic link, the file it leads to is the one
    replaced (the temp file is made next to that one) and the link stays as it is; a link
    that leads nowhere usable raises LinkRefused (see storage/links.py).
    """
    target = write_target(path)
    temp, fd = _create_temp(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        replace_retrying(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_dir(target.parent)


def _create_temp(target: Path) -> tuple[Path, int]:
    """A new, private temp file next to `target`; a name already taken (by anything, a link
    included) is never opened: another random name is tried."""
    for attempt in range(_TEMP_NAME_TRIES):
        name = f"{TEMP_PREFIX}{target.stem}-{secrets.token_hex(4)}{TEMP_SUFFIX}"
        temp = target.with_name(name)
        try:
            return temp, os.open(temp, _TEMP_FLAGS, PRIVATE_FILE_MODE)
        except FileExistsError:
            if attempt == _TEMP_NAME_TRIES - 1:
                raise
    raise AssertionError("unreachable")  # the loop returns or raises


def refused_for_now(error: OSError) -> bool:
    """True for a rename refused because someone has the file open for a moment (Windows
    sharing violations, virus scanners): worth another try."""
    if getattr(error, "winerror", None) in _REFUSED_FOR_NOW_WINERRORS:
        return True
    return error.errno in _REFUSED_FOR_NOW_ERRNOS


def replace_retrying(
    source: Path, target: Path, delays: tuple[float, ...] = RENAME_RETRY_DELAYS
) -> None:
    """`os.replace(source, target)`, tried again after each of `delays` while it is refused
    for now; any other error, or the last refusal, is raised."""
    for delay in delays:
        try:
            os.replace(source, target)
        except OSError as error:
            if not refused_for_now(error):
                raise
        else:
            return
        pause(delay)
    os.replace(source, target)
