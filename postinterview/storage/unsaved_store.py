"""Keeping unsaved form text as small private files in `unsaved/` (see domain.unsaved).

One file per open form, `unsaved/<key>.toml`, written atomically (0600) and removed once the
form is saved or its text discarded. A file that cannot be read is left where it is and
skipped: it is the person's text, and never worth a failed start.
"""

from __future__ import annotations

import contextlib
import re
import tomllib
from pathlib import Path

import tomli_w

from postinterview.domain.unsaved import UnsavedForm, from_table, to_table
from postinterview.storage import paths
from postinterview.storage.atomic import ensure_private_dir, write_atomic

MAX_UNSAVED_BYTES = 4 * 1024 * 1024
"""A kept form bigger than this is not read (it holds a few fields of text)."""
KEY_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")
"""What a key may be: it names a file."""
MAX_FILES = 50
"""At most this many kept forms are read at start."""


class CannotKeepUnsaved(Exception):
    """The unsaved text could not be written (full disk, no permission, a file in the way)."""


def unsaved_path(root: Path, key: str) -> Path:
    """Where the form named `key` is kept (keys are made by the app: `add-3f9c0a1b2c4d`)."""
    if not KEY_PATTERN.fullmatch(key):
        raise ValueError(f"not a key for a kept form: {key!r}")
    return paths.unsaved_dir(root) / f"{key}.toml"


def keep_unsaved(root: Path, unsaved: UnsavedForm) -> Path:
    """Write `unsaved` to its file, replacing the earlier copy; return the path."""
    text = tomli_w.dumps(to_table(unsaved))
    tomllib.loads(text)  # parsed back before anything touches the disk
    path = unsaved_path(root, unsaved.key)
    try:
        ensure_private_dir(root)
        ensure_private_dir(path.parent)
        write_atomic(path, text.encode("utf-8"))
    except OSError as error:
        raise CannotKeepUnsaved(
            f"Could not keep your unsaved text in {path.parent}: {error.strerror or error}"
        ) from error
    return path


def forget_unsaved(root: Path, key: str) -> None:
    """Remove the kept copy of the form `key` (nothing if there is none)."""
    with contextlib.suppress(OSError):
        unsaved_path(root, key).unlink()


def read_unsaved(root: Path) -> list[UnsavedForm]:
    """Every kept form that can be read, the most recently kept first."""
    folder = paths.unsaved_dir(root)
    try:
        names = sorted(p for p in folder.iterdir() if p.suffix == ".toml")[:MAX_FILES]
    except OSError:
        return []
    found = [unsaved for path in names if (unsaved := _read(path)) is not None]
    return sorted(found, key=lambda unsaved: unsaved.kept_at, reverse=True)


def _read(path: Path) -> UnsavedForm | None:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_UNSAVED_BYTES + 1)
        if len(raw) > MAX_UNSAVED_BYTES:
            return None
        return from_table(tomllib.loads(raw.decode("utf-8-sig")))
    except (OSError, ValueError, RecursionError):  # TOMLDecodeError and UnicodeError too
        return None
