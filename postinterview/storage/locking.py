"""An exclusive lock between processes, held around each read-change-write."""

from __future__ import annotations

import os
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

    Polls rather than blocking forever, so a hung process elsewhere turns into a clear error
    instead of a frozen screen.
    """
    fd = os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
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
