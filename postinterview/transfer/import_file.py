"""A file picked in the app to import: what kind it is, what importing it would do, and doing it.

The app's "Import a file" screen reads the bytes, hands them to `preview_file`, shows the
preview's `lines()` (for a tracker, the very text `import --dry-run` prints: see
import_report) and, once the person confirms, calls `apply` with the workspace, which saves
every new application as one step for undo. Each kind of file has a preview of its own;
`preview_file` is the one place that tells them apart.

An invitation's preview is in import_invite_preview. Pure: no storage and no Textual. The
workspace is reached only through `Saver` (import_saver), the part of its save path this
needs, so that the app's import and a test's fake save the same way.
"""

from __future__ import annotations

import codecs
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from postinterview.domain.models import Application
from postinterview.transfer.import_backup import BackupRefused, looks_like_backup, read_backup
from postinterview.transfer.import_csv import (
    ImportRow,
    TrackerRead,
    TrackerRefused,
    new_rows,
    read_tracker,
)
from postinterview.transfer.import_invite_preview import (
    InvitePreview,
    InviteRefusedPreview,
    invite_preview,
)
from postinterview.transfer.import_options import ImportOptions
from postinterview.transfer.import_report import counts_of, preview_lines, summary_line
from postinterview.transfer.import_saver import ImportDone, Saver
from postinterview.transfer.import_text import TextRefused, decode_text, encoding_note


class FileKind(StrEnum):
    """What a picked file is, by its name and its first bytes."""

    TRACKER = "tracker"
    """A table of applications: CSV, a Markdown pipe table, or what import_csv reads."""
    BACKUP = "backup"
    """Our own JSON export, which `postinterview restore` brings back."""
    INVITE = "invite"
    """A calendar invitation (.ics) to an interview."""


def file_kind(name: str, raw: bytes) -> FileKind:
    """Which kind `raw` (the file named `name`) is: the same test as the CLI's for a backup."""
    if looks_like_backup(name, raw):
        return FileKind.BACKUP
    start = raw.removeprefix(codecs.BOM_UTF8).lstrip()[:15].upper()
    if name.lower().endswith(".ics") or start.startswith(b"BEGIN:VCALENDAR"):
        return FileKind.INVITE
    return FileKind.TRACKER


# --- The previews -------------------------------------------------------------------------


@dataclass(frozen=True)
class Refused:
    """A file that cannot be imported: the one-line reason, and nothing to confirm."""

    message: str
    refused: bool = field(default=True, init=False)
    action: str = field(default="", init=False)
    """What confirming would do: nothing."""

    def lines(self) -> list[str]:
        return [self.message]

    def apply(self, saver: Saver) -> ImportDone:
        return ImportDone(self.message, failed=True)


@dataclass(frozen=True)
class TrackerPreview:
    """A tracker read: what the dry run says, and the rows that are new here."""

    name: str
    read: TrackerRead
    fresh: Sequence[ImportRow]
    """The rows not already in the folder when the file was read."""
    note: str = ""
    """How the text was read, when that needs saying (not UTF-8)."""
    refused: bool = field(default=False, init=False)

    @property
    def action(self) -> str:
        """The confirm button's words; "" when every row is already present or refused."""
        count = len(self.fresh)
        if not count:
            return ""
        return f"Import {count} application{'' if count == 1 else 's'}"

    def lines(self) -> list[str]:
        return preview_lines(self.name, self.read, len(self.fresh), self.note)

    def apply(self, saver: Saver) -> ImportDone:
        """Save every row still new (the folder may have changed since the preview), all as
        one step for undo; stop at the first save refused."""
        existing = [stored.application for stored in saver.records.values()]
        rows = new_rows(self.fresh, existing)
        counts = counts_of(self.read, len(rows))
        saved = 0
        with saver.one_step(f"imported {len(rows)} applications from {self.name}"):
            for row in rows:
                outcome = saver.add(row.application)
                if not outcome.ok:
                    done = summary_line(self.name, replace(counts, imported=saved), False)
                    message = f"{done} Line {row.line} not saved: {outcome.error}"
                    return ImportDone(message, saved, failed=True)
                saved += 1
        noun = "application" if saved == 1 else "applications"
        if not saved:
            return ImportDone(f"Nothing imported: every row of {self.name} is already here.")
        return ImportDone(f"Imported {saved} {noun} from {self.name} (u to undo).", saved)


@dataclass(frozen=True)
class BackupPreview:
    """Our own backup: restored by `postinterview restore`, which keeps every id."""

    name: str
    count: int
    """Applications the backup holds."""
    refused: bool = field(default=False, init=False)
    action: str = field(default="", init=False)

    def lines(self) -> list[str]:
        noun = "application" if self.count == 1 else "applications"
        return [
            f"{self.name} is a postinterview backup of {self.count} {noun} "
            "(made by `postinterview export --format json`).",
            "A backup is restored rather than imported: each application keeps its id, and one "
            "changed here since is kept as it is. In a terminal, run",
            f"  postinterview restore {self.name} --dry-run",
            "to see what it would do, then again without --dry-run.",
        ]

    def apply(self, saver: Saver) -> ImportDone:
        return ImportDone(self.lines()[0])


FilePreview = Refused | TrackerPreview | BackupPreview | InvitePreview | InviteRefusedPreview
"""What `preview_file` gives; each has `lines()`, `action`, `refused` and `apply(saver)`."""


def preview_file(
    name: str,
    raw: bytes,
    now: datetime,
    existing: Sequence[Application],
    options: ImportOptions | None = None,
    you: Sequence[str] = (),
) -> FilePreview:
    """What importing `raw` (the bytes of the file `name`) into a folder holding `existing`
    would do, at `now`. Never raises for a file's content: a refusal is a preview too.
    `you` are the person's own names, which an invitation does not list as interviewers."""
    kind = file_kind(name, raw)
    if kind is FileKind.BACKUP:
        return _backup(name, raw)
    if kind is FileKind.INVITE:
        return invite_preview(name, raw, now, existing, you)
    return _tracker(name, raw, now, existing, options)


def _tracker(
    name: str,
    raw: bytes,
    now: datetime,
    existing: Sequence[Application],
    options: ImportOptions | None,
) -> FilePreview:
    try:
        decoded = decode_text(raw)
        read = read_tracker(decoded.text, now, origin=name, options=options)
    except (TextRefused, TrackerRefused) as refusal:
        return Refused(f"{name}: {refusal}")
    fresh = new_rows(read.rows, existing)
    return TrackerPreview(name, read, fresh, encoding_note(decoded))


def _backup(name: str, raw: bytes) -> FilePreview:
    try:
        read = read_backup(raw)
    except BackupRefused as refusal:
        return Refused(f"{name}: {refusal}")
    return BackupPreview(name, len(read.entries) + len(read.refused))
