"""Saving over a file a person edited by hand without losing what they wrote.

A file exactly as postinterview writes it (the usual case) is rewritten with tomli_w, as
fast as ever. A file with comments, blank lines, keys in another order or its own quoting
has the save's changes applied to its text instead (`toml_patch`, with tomlkit), and the
result is kept only if it reads back to exactly the document the plain rewrite would hold.
If not, the plain rewrite is written and the outcome says the comments were not kept (the
earlier text is in history/, which the store writes first).

A file that starts with a UTF-8 byte-order mark (some Windows editors add one) keeps it: the
editor that added it expects it, and every reader here skips it.
"""

from __future__ import annotations

import hashlib
import re
import threading
import tomllib
from dataclasses import dataclass
from typing import Any

import tomli_w

from postinterview.domain.models import Application
from postinterview.storage.codec import (
    END_TABLE,
    HEADER,
    MAX_FILE_BYTES,
    DamagedFile,
    encode_application,
    encode_record,
    read_application,
)
from postinterview.storage.migrations import schema_for
from postinterview.storage.toml_guard import (
    APPLICATION,
    BOM,
    UnreadableToml,
    check_shape,
    strip_bom,
)

HEADER_START = "# postinterview application."
"""How our first line begins, whatever a version wrote after it."""

NOT_KEPT_HEADER = (
    "# postinterview application. Safe to edit by hand; keep [file_end] as the last section. "
    "The comments this file had could not be kept at its last save: the text before it is in "
    "history/.\n"
)
"""The first line of a plain rewrite that dropped a person's text, so it does not promise
what that save could not do (the next save writes HEADER again)."""

_COMMENT_LINE = re.compile(r"^[ \t]*#", re.MULTILINE)

_CACHE_SIZE = 1024
_known: dict[bytes, bool] = {}
"""Digests of bytes this process wrote, and whether they are the plain form: the next save
of the same file then needs no check."""
_known_lock = threading.Lock()


@dataclass(frozen=True)
class Encoded:
    """A file's new bytes, and whether the person's comments could not be kept in them."""

    data: bytes
    comments_lost: bool = False


def encode_over(application: Application, previous: bytes | None) -> Encoded:
    """The bytes to replace `previous` (None for a new file) with, for `application`.

    Raises UnsavableRecord as `encode_application` does.
    """
    if previous is None:
        return _encode_over(application, None)
    body, marked = strip_bom(previous)
    encoded = _encode_over(application, body)
    if not marked:
        return encoded
    return Encoded(BOM + encoded.data, encoded.comments_lost)


def _encode_over(application: Application, previous: bytes | None) -> Encoded:
    plain = encode_application(application)
    if previous is None or previous == plain or _is_plain(previous, application.id):
        return Encoded(_remember(plain, True))
    try:
        kept = _keep_person_text(previous, plain)
    except Exception:  # noqa: BLE001 - any failure of tomlkit means: write the plain form
        kept = None
    if kept is not None:
        return Encoded(_remember(kept, False))
    return Encoded(_remember(encode_record(application.to_record(), NOT_KEPT_HEADER), True), True)


def _keep_person_text(previous: bytes, plain: bytes) -> bytes | None:
    """`previous` with the changes that turn it into `plain` applied; None if that cannot
    be done exactly."""
    from postinterview.storage import toml_patch  # tomlkit: only for hand-edited files

    text = previous.decode("utf-8")
    first, newline, rest = text.partition("\n")
    text = HEADER + rest if first.startswith(HEADER_START) and newline else HEADER + text
    target = tomllib.loads(plain.decode("utf-8"))
    for whole in (False, True):  # the parts that changed, else the whole text
        try:
            result = toml_patch.patch(text, target, END_TABLE, whole)
        except Exception:  # noqa: BLE001 - tomlkit may fail in any way: try the other way
            continue
        data = result.encode("utf-8")
        if len(data) > MAX_FILE_BYTES or not result.startswith(HEADER):
            continue
        try:  # the person's comments count too: the file must pass the check of every read
            check_shape(result, APPLICATION)
        except UnreadableToml:
            continue
        written = tomllib.loads(result)
        if toml_patch.same(written, target) and next(reversed(written)) == END_TABLE:
            return data
    return None


def _is_plain(previous: bytes, app_id: str) -> bool:
    """Whether `previous` is what the plain rewrite would write for the same record (any
    version's first line and `written_by` aside): then there is nothing of the person's to
    keep. A file migrated from an older schema counts as plain unless it has a comment."""
    digest = _digest(previous)
    with _known_lock:
        known = _known.get(digest)
    if known is not None:
        return known
    try:
        text = previous.decode("utf-8")
        first, _, rest = text.partition("\n")
        if not first.startswith(HEADER_START) or _COMMENT_LINE.search(rest):
            return False  # (tomli_w writes no comment, nor a string over several lines)
        decoded = read_application(previous, app_id)
        if decoded.migrated_from is not None:
            return "#" not in rest
        return _render(decoded.application.to_record(), _written_by(rest)) == rest
    except (DamagedFile, ValueError, TypeError):
        return False


def _render(record: dict[str, Any], written_by: str | None) -> str | None:
    """The plain form of `record` after the first line, with this `written_by`."""
    if written_by is None:
        return None
    document: dict[str, Any] = {"schema_version": schema_for(record)}
    document.update({k: v for k, v in record.items() if k not in ("schema_version", END_TABLE)})
    document[END_TABLE] = {"written_by": written_by}
    return tomli_w.dumps(document)


def _written_by(text: str) -> str | None:
    """The `written_by` of a plain file's last section, or None if it does not end in one."""
    tail = f'\n[{END_TABLE}]\nwritten_by = "'
    start = text.rfind(tail)
    if start < 0 or not text.endswith('"\n'):
        return None
    value = text[start + len(tail) : -2]
    return None if '"' in value or "\\" in value or "\n" in value else value


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def _remember(data: bytes, plain: bool) -> bytes:
    digest = _digest(data)
    with _known_lock:
        if len(_known) >= _CACHE_SIZE:
            _known.pop(next(iter(_known)))
        _known[digest] = plain
    return data
