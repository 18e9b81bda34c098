"""The versions each application file has had, so any of them can be had back.

`history/<id>/<when>-<revision>.toml` holds the bytes the file had from `<when>` (UTC, to the
microsecond, so names sort by time) on. Every save writes its new bytes here too, durably,
before the file itself is replaced, and first keeps the bytes it replaces if they are not the
newest version already (a hand edit, a sync, a file older than history): so the newest version
is what the file should hold now, which is what a file cut to nothing by a sync tool needs. A
save whose copy cannot be written is refused by the store, the file as it was. Pruned after
every copy (see `to_keep`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from postinterview.domain.settings import HistorySettings
from postinterview.storage import paths
from postinterview.storage.atomic import ensure_private_dir, is_temp_name, write_atomic

STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
SUFFIX = ".toml"
REVISION_CHARS = 12
"""Of the file's revision, in the name: enough to tell versions apart without reading them."""


@dataclass(frozen=True)
class Version:
    """One earlier version of an application file."""

    path: Path
    """The copy, byte for byte what the file held."""
    saved_at: datetime
    """When it was written here (by a save, or just before a save replaced it)."""
    revision: str
    """The start of the file's revision (see store.revision_of) with these bytes."""


def stamp(moment: datetime) -> str:
    """The file-name form of `moment` (UTC)."""
    return moment.astimezone(UTC).strftime(STAMP_FORMAT)


def parse_stamp(text: str) -> datetime | None:
    """The moment a `stamp` names, or None for a name that is not one."""
    try:
        return datetime.strptime(text, STAMP_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None


def versions(root: Path, app_id: str) -> list[Version]:
    """The kept versions of application `app_id`, the oldest first."""
    folder = paths.history_dir(root, app_id)
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    found = []
    for name in names:
        if not name.endswith(SUFFIX) or is_temp_name(name):
            continue
        when, _, revision = name.removesuffix(SUFFIX).partition("-")
        moment = parse_stamp(when)
        if moment is not None:
            found.append(Version(folder / name, moment, revision))
    return sorted(found, key=lambda version: version.path.name)


def newest(root: Path, app_id: str) -> Version | None:
    """The newest version kept of `app_id`, if any."""
    kept = versions(root, app_id)
    return kept[-1] if kept else None


def keep(
    root: Path, app_id: str, raw: bytes, revision: str, now: datetime, policy: HistorySettings
) -> Path:
    """Keep `raw` (whose revision is `revision`) as a version of `app_id`; prune the rest.

    Raises OSError when the copy cannot be written durably (then nothing was pruned either).
    """
    folder = paths.history_dir(root, app_id)
    ensure_private_dir(folder)
    name = stamp(now)
    target = folder / f"{name}-{revision[:REVISION_CHARS]}{SUFFIX}"
    if target.exists():  # the same bytes kept twice in one microsecond: once is enough
        return target
    write_atomic(target, raw)
    prune(root, app_id, now, policy)
    return target


def prune(root: Path, app_id: str, now: datetime, policy: HistorySettings) -> int:
    """Remove the versions `to_keep` does not keep. Returns how many went."""
    kept = versions(root, app_id)
    keep_indexes = to_keep([version.saved_at for version in kept], now, policy)
    removed = 0
    for index, version in enumerate(kept):
        if index not in keep_indexes:
            try:
                version.path.unlink()
                removed += 1
            except FileNotFoundError:
                pass  # another window pruned it first
    return removed


def to_keep(moments: Sequence[datetime], now: datetime, policy: HistorySettings) -> set[int]:
    """Which of `moments` (oldest first) to keep: the newest `keep_versions`, and the newest
    of each UTC day within the last `keep_days` days."""
    count = len(moments)
    kept = set(range(max(0, count - policy.keep_versions), count))
    oldest_day = (now.astimezone(UTC) - timedelta(days=policy.keep_days)).date()
    newest_of_day: dict[object, int] = {}
    for index, moment in enumerate(moments):
        day = moment.astimezone(UTC).date()
        if day > oldest_day:
            newest_of_day[day] = index
    return kept | set(newest_of_day.values())
