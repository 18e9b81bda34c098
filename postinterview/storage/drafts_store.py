"""Saving a draft as a plain text file in the data folder's `drafts/`."""

from __future__ import annotations

from pathlib import Path

from postinterview.domain.ids import slugify
from postinterview.storage import paths
from postinterview.storage.atomic import ensure_private_dir, write_atomic

MAX_NAME = 80
"""File names are cut to this many characters before the extension."""


class CannotSaveDraft(Exception):
    """The draft could not be written (full disk, no permission, a file in the way)."""


def save_draft(root: Path, name_parts: list[str], text: str) -> Path:
    """Write `text` to `drafts/<parts joined as a slug>.txt` atomically; return the path.

    Saving the same draft again replaces the file, so edits made on screen are kept once.
    """
    folder = paths.drafts_dir(root)
    stem = slugify("-".join(name_parts))[:MAX_NAME].strip("-") or "draft"
    path = folder / f"{stem}.txt"
    try:
        ensure_private_dir(root)
        ensure_private_dir(folder)
        write_atomic(path, text.encode("utf-8"))
    except OSError as error:
        message = f"Could not save the draft in {folder}: {error.strerror or error}"
        raise CannotSaveDraft(message) from error
    return path
