"""An exclusive lock between processes, held around each read-change-write."""

from __future__ import annotations

import errno
import os
import stat
import time
from pathlib import Path

from postinterview.storage.atomic import PRIVATE_FILE_MODE

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt


class LockTimeout(OSError):
    """Another process held the lock for longer than we were prepared to wait."""


class LockRefused(OSError):
    """Something other than a plain file is at the lock's path (a link, a folder, a pipe);
    it is never followed or created through, and `strerror` says what to do."""


_LOCK_FLAGS = (
    os.O_RDWR
    | os.O_CREAT
    | getattr(os, "O_NOFOLLOW", 0)  # a link at the path fails instead of being followed
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_NONBLOCK", 0)  # a pipe at the path must not hang the open
)


def _open_lock_file(path: Path) -> int:
    """The lock file's handle, never through a link: with a link at `path` (dangling or not)
    nothing is created or opened, and LockRefused says so. (The check before the open covers
    systems without O_NOFOLLOW; the flag covers a link made in between.)"""
    if os.path.islink(path):
        raise _refused(path, "is a link")
    try:
        fd = os.open(path, _LOCK_FLAGS, PRIVATE_FILE_MODE)
    except OSError as error:
        if os.path.islink(path) or error.errno == errno.ELOOP:
            raise _refused(path, "is a link") from error
        if isinstance(error, IsADirectoryError) or os.path.isdir(path):
            raise _refused(path, "is a folder") from error
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise _refused(path, "is not a plain file")
    return fd


def _refused(path: Path, what: str) -> LockRefused:
    return LockRefused(
        errno.ELOOP,
        f"the lock file {path} {what}; remove it (postinterview makes a plain file there)",
        str(path),
    )


def _try_lock(fd: int) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
    else:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


def acquire_lock(path: Path, timeout: float = 10.0) -> int:
    """Take an exclusive lock on `path` (created if needed); returns the handle to release.
    LockRefused when something other than a plain file is there.

    Polls rather than blocking forever, so a hung process elsewhere turns into a clear error
    instead of a frozen screen.
    """
    fd = _open_lock_file(path)
    deadline = time.monotonic() + timeout
    delay = 0.001
    while not _try_lock(fd):
        if time.monotonic() >= deadline:
            os.close(fd)
            raise LockTimeout(
                f"Another postinterview process has been saving for over {timeout:.0f} s "
                f"(lock file {path}). Close it, or try again."
            )
        time.sleep(delay)
        delay = min(delay * 2, 0.05)
    return fd


def release_lock(fd: int) -> None:
    """Release a lock taken by acquire_lock."""
    try:
        _unlock(fd)
    finally:
        os.close(fd)
