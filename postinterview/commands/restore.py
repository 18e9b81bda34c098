"""`postinterview restore FILE.json` (and `import FILE.json`): applications back from a backup.

(`import` restores only our own backups; another tracker's JSON goes to the tracker import.)

Each application in the backup keeps its id, and what happens to it depends on the folder:
- no file with that id: it is created, byte for byte the file the backup was made from;
- a file with the same record: skipped, already here;
- a different record, changed here as late as the backup's copy or later: kept as it is;
- a different record, older here: replaced (the store keeps the old version in history);
- a file here that is damaged or from a newer postinterview: never touched, reported.

The summary goes to stdout with one line per replaced or kept application; entries that
cannot be restored go to stderr. Exit code 0 when the backup was read and every entry was
restored, replaced, already here or kept as newer here; 3 (`SOME_REFUSED`) when some entries
were not restored: refused (damaged in the backup, or not savable) or left because the file
here may not be overwritten, each named on stderr while the others are restored; 1 when it
cannot be read, is not a backup, or a save fails. --dry-run exits as the restore would.
"""

from __future__ import annotations

import codecs
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TextIO

from postinterview.commands.output import PROG, SOME_REFUSED, fail, one_line, read_input
from postinterview.domain.models import Application
from postinterview.storage.codec import UnsavableRecord, encode_application
from postinterview.storage.store import (
    ApplicationStore,
    CannotSave,
    FileIsDamaged,
    NotFound,
    StoreError,
    WrittenByNewerVersion,
)
from postinterview.transfer.import_backup import (
    MAX_BACKUP_BYTES,
    BackupEntry,
    BackupRefused,
    looks_like_backup,
    read_backup,
)


class Outcome(StrEnum):
    """What restoring one application did, or would do."""

    RESTORED = "restored"
    REPLACED = "replaced"
    SAME = "same"
    KEPT = "kept"
    LEFT = "left"
    """A file here that may not be overwritten (damaged, or from a newer version)."""
    REFUSED = "refused"


@dataclass(frozen=True)
class Decision:
    """What to do with one application of the backup, and why (for the report)."""

    outcome: Outcome
    reason: str = ""
    seen_revision: str | None = None
    """For a replacement: the revision of the older file that was compared."""


class _NewerNow(Exception):
    """The file here was changed between the decision and the write: it is kept."""


def read_backup_bytes(path: Path) -> bytes:
    """The file's bytes (up to one past the size limit); OSError when it cannot be read."""
    with path.open("rb") as handle:
        return handle.read(MAX_BACKUP_BYTES + 1)


def is_backup_file(path: Path) -> bool:
    """Whether `import` should restore `path` rather than read it as a tracker: content that
    is a backup's JSON object, or a .json file that is not JSON (see `looks_like_backup`). A
    file that cannot be read is left to the command its name suggests, which says why."""
    json_name = path.suffix.lower() == ".json"
    try:
        if not json_name:
            with path.open("rb") as handle:
                start = handle.read(1024)
            if not start.removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"{"):
                return False  # not JSON: a CSV file is not read twice
        raw = read_backup_bytes(path)
    except OSError:
        return json_name
    return looks_like_backup(path.name, raw)


def run_restore(store: ApplicationStore, path: Path, dry_run: bool, out: TextIO) -> int:
    """Restore the backup at `path` into `store`; see the module docstring for exit codes."""
    raw = read_input(path, MAX_BACKUP_BYTES, "a backup file")
    if isinstance(raw, int):
        return raw
    try:
        backup = read_backup(raw)
    except BackupRefused as refusal:
        return fail(f"{path}: {refusal}")
    counts: Counter[Outcome] = Counter()
    for refused in backup.refused:
        _say(path, f"{refused.label}: not restored: {refused.message}")
        counts[Outcome.REFUSED] += 1
    for entry in backup.entries:
        decision = decide(store, entry.application)
        if not dry_run:
            try:
                decision = _carry_out(store, entry.application, decision)
            except CannotSave as error:
                out.write(summary(counts, dry_run))
                return fail(f"{path}, {entry.label}: not saved: {error}")
        counts[decision.outcome] += 1
        _report(path, entry, decision, dry_run, out)
    out.write(summary(counts, dry_run))
    return SOME_REFUSED if counts[Outcome.REFUSED] or counts[Outcome.LEFT] else 0


def decide(store: ApplicationStore, application: Application) -> Decision:
    """What restoring `application` into `store` would do, judged by the file there now."""
    try:
        backup_bytes = encode_application(application)
    except UnsavableRecord as error:
        return Decision(Outcome.REFUSED, str(error))
    try:
        here = store.load(application.id)
    except NotFound:
        return Decision(Outcome.RESTORED)
    except FileIsDamaged as error:
        return Decision(Outcome.LEFT, f"the file here is damaged ({error}), so it is left as it is")
    except StoreError as error:
        return Decision(Outcome.REFUSED, str(error))
    if here.newer_schema is not None:
        return Decision(Outcome.LEFT, f"the file here was {here.read_only}")
    if encode_application(here.application) == backup_bytes:
        return Decision(Outcome.SAME)
    on_disk, in_backup = here.application.updated_at, application.updated_at
    when = f"last changed here {_when(on_disk)}, in the backup {_when(in_backup)}"
    if on_disk >= in_backup:
        return Decision(Outcome.KEPT, when)
    return Decision(Outcome.REPLACED, when, here.revision)


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _carry_out(store: ApplicationStore, application: Application, decision: Decision) -> Decision:
    """Write what `decision` says; the outcome as it turned out (a file may have changed
    meanwhile). CannotSave (disk full, no permission) is left to the caller: it stops."""

    def replace(current: Application) -> Application:
        # Under the store's lock: judged again on the file as it is now.
        if current.updated_at >= application.updated_at:
            raise _NewerNow
        return application

    try:
        if decision.outcome is Outcome.RESTORED:
            store.create(application)
        elif decision.outcome is Outcome.REPLACED:
            store.update(application.id, replace, decision.seen_revision)
    except _NewerNow:
        return Decision(Outcome.KEPT, "it was changed here while restoring")
    except CannotSave:
        raise
    except (FileIsDamaged, WrittenByNewerVersion) as error:  # since the decision
        return Decision(
            Outcome.LEFT, f"the file here changed meanwhile and may not be overwritten ({error})"
        )
    except StoreError as error:  # created or deleted meanwhile, by another window
        return Decision(Outcome.REFUSED, str(error))
    return decision


def _report(path: Path, entry: BackupEntry, decision: Decision, dry_run: bool, out: TextIO) -> None:
    would = "would be " if dry_run else ""
    if decision.outcome is Outcome.REPLACED:
        history = "" if dry_run else "; the version it replaced is kept in its history"
        out.write(f"{entry.label}: {would}replaced by the backup's newer copy ")
        out.write(f"({decision.reason}){history}\n")
    elif decision.outcome is Outcome.KEPT:
        out.write(f"{entry.label}: kept: newer here ({decision.reason})\n")
    elif decision.outcome in (Outcome.LEFT, Outcome.REFUSED):
        _say(path, f"{entry.label}: not restored: {decision.reason}")


def _say(path: Path, message: str) -> None:
    print(f"{PROG}: {path.name}, {one_line(message)}", file=sys.stderr)


def summary(counts: Counter[Outcome], dry_run: bool) -> str:
    """'Restored 12, replaced 1 older, skipped 3 already here, kept 1 newer here.'"""
    parts = [
        f"{'Would restore' if dry_run else 'Restored'} {counts[Outcome.RESTORED]}",
        f"{'would replace' if dry_run else 'replaced'} {counts[Outcome.REPLACED]} older",
        f"skipped {counts[Outcome.SAME]} already here",
        f"kept {counts[Outcome.KEPT]} newer here",
    ]
    if counts[Outcome.LEFT]:
        parts.append(f"left {counts[Outcome.LEFT]} that cannot be overwritten here")
    if counts[Outcome.REFUSED]:
        parts.append(f"refused {counts[Outcome.REFUSED]}")
    text = ", ".join(parts) + "."
    if dry_run:
        text += " Nothing was saved (--dry-run)."
    return text + "\n"
