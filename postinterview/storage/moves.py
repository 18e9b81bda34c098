"""Moving a file aside (into `deleted/`, `quarantine/`), links included."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

from postinterview.storage.atomic import replace_retrying, write_atomic
from postinterview.storage.links import LinkRefused, is_link, write_target


def move_entry(path: Path, to: Path, keep_link: bool) -> None:
    """Move `path` to `to`. A link that leads to a plain file leaves that file's bytes at `to`
    (a moved link could lead elsewhere from there, or nowhere) and the file it led to as it
    was; `keep_link` keeps the link too, for a version about to be written through it. Any
    other entry, a broken link included, is moved as it is."""
    try:
        linked = write_target(path) if is_link(path) else None
    except LinkRefused:
        linked = None
    if linked is None:
        try:  # a rename, tried again while refused for a moment, as a save's is
            replace_retrying(path, to)
        except OSError as error:
            if error.errno != errno.EXDEV:
                raise
            shutil.move(path, to)  # `applications` linked onto another file system
        return
    write_atomic(to, linked.read_bytes())
    if not keep_link:
        path.unlink()
