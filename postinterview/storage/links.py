"""Symbolic links among the data files: written through, never replaced by a plain file.

A person links a data file (or the whole folder) into a sync folder on purpose, so a save
writes to the file the link leads to and the link stays a link. A link that cannot be written
through (it leads nowhere, round in a loop, to a folder, or to a pipe or device) is refused
with a `LinkRefused` naming it: writing a plain file in its place would fork the data.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path


class LinkRefused(OSError):
    """A link at a path we write cannot be written through; `strerror` says why, for people."""


def is_link(path: Path) -> bool:
    """True when `path` itself is a symbolic link (whatever it leads to)."""
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        return False


def write_target(path: Path) -> Path:
    """The file a write to `path` replaces: `path` itself, or the regular file its link
    (or chain of links) leads to. LinkRefused for a link that leads to nothing usable."""
    if not is_link(path):
        return path
    try:
        real = Path(os.path.realpath(path, strict=True))
        mode = os.stat(real).st_mode
    except FileNotFoundError as error:
        raise LinkRefused(
            errno.ENOENT,
            f"{path.name} is a link to {os.readlink(path)}, which is not there (is the "
            "folder it leads to, a sync folder or a drive, there?)",
            str(path),
        ) from error
    except OSError as error:
        if error.errno != errno.ELOOP:
            raise
        loop = f"{path.name} is a link that leads round in a loop"
        raise LinkRefused(errno.ELOOP, loop, str(path)) from error
    if stat.S_ISDIR(mode):
        raise LinkRefused(errno.EISDIR, f"{path.name} is a link to a folder ({real})", str(path))
    if not stat.S_ISREG(mode):
        raise LinkRefused(
            errno.EINVAL, f"{path.name} is a link to {real}, which is not a plain file", str(path)
        )
    return real


def temp_files_beside_targets(links: Iterable[Path], prefix: str, suffix: str) -> list[Path]:
    """The temp files a killed save through one of `links` left next to the file it leads to
    (named `<prefix><that file's stem>-…<suffix>`): only those, as the folder there is the
    person's own, not ours."""
    found: list[Path] = []
    by_folder: dict[Path, set[str]] = {}
    for link in links:
        try:
            target = write_target(link)
        except OSError:
            continue
        by_folder.setdefault(target.parent, set()).add(f"{prefix}{target.stem}-")
    for folder, starts in by_folder.items():
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        found += [
            folder / name
            for name in names
            if name.endswith(suffix) and any(name.startswith(start) for start in starts)
        ]
    return found
