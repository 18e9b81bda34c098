"""Copies that sync tools and git leave next to a file, told apart from application files.

When a file changes on two devices before they sync, Syncthing, Dropbox, Nextcloud, iCloud or
OneDrive keep both versions: the second under a new name beside the first. Such a copy must
never be loaded as an application of its own (it would show the same application twice); it is
reported, with what it is and what to do. An id never holds a dot, a space, a bracket or a
capital letter (see `ids.ID_PATTERN`), which is what tells these names apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from postinterview.domain.ids import is_valid_id

SUFFIX = ".toml"


@dataclass(frozen=True)
class SyncCopy:
    """A file name that is a sync tool's copy of another file."""

    tool: str
    """Who makes copies named like this, for people ("Syncthing", "Dropbox or Nextcloud")."""
    original: str
    """The name of the file it is a copy of, e.g. `acme-k3x9q2.toml`."""

    def describe(self) -> str:
        """What the copy is and what to do with it, in a sentence or two."""
        return (
            f"a conflict copy of {self.original} made by {self.tool} when the file was changed "
            "on two devices before they synced; it is not loaded. Compare the two, copy into "
            f"{self.original} anything from this copy you want to keep, then delete this copy."
        )


# Each: the pattern of a copy's stem (the name without .toml), who makes it, and whether the
# part before the marker must be an application id (for the markers that are not unmistakable).
_PATTERNS: tuple[tuple[re.Pattern[str], str, bool], ...] = (
    # acme-k3x9q2.sync-conflict-20261201-093012-ABCDEFG
    (re.compile(r"(?P<stem>.+)\.sync-conflict-\d{8}-\d{6}(?:-[A-Za-z0-9]+)?"), "Syncthing", False),
    # acme-k3x9q2 (Jane's conflicted copy 2026-12-01), ... (conflicted copy 2026-12-01 093012)
    (
        re.compile(r"(?P<stem>.+?) \([^()]*conflict[^()]*(?:\(\d+\))?\)", re.I),
        "Dropbox or Nextcloud",
        False,
    ),
    # acme-k3x9q2 2: iCloud Drive numbers the second copy
    (re.compile(r"(?P<stem>\S+) \d+"), "iCloud Drive", True),
    # acme-k3x9q2 (1): Google Drive and others number copies in brackets
    (re.compile(r"(?P<stem>\S+) ?\(\d+\)"), "a sync tool", True),
    # acme-k3x9q2-DESKTOP-4F2J8K9: OneDrive appends the computer's name
    (re.compile(r"(?P<stem>[a-z0-9-]+?)-(?=[^-]*[A-Z])[A-Za-z0-9-]+"), "OneDrive", True),
)


def sync_copy_of(name: str) -> SyncCopy | None:
    """The copy that the file name `name` (`x.sync-conflict-....toml`) is, or None when it is
    not named like one."""
    if not name.endswith(SUFFIX):
        return None
    stem = name[: -len(SUFFIX)]
    for pattern, tool, needs_id in _PATTERNS:
        match = pattern.fullmatch(stem)
        if match is None:
            continue
        original = match["stem"]
        if needs_id and not is_valid_id(original):
            continue
        return SyncCopy(tool, f"{original}{SUFFIX}")
    return None


GIT_MARKER = re.compile(r"^<{7}(?: |$)", re.M)
"""The line git writes before our side of a merge it could not make (`<<<<<<< ours`)."""


def has_conflict_markers(text: str) -> bool:
    """Whether `text` holds git's conflict markers (a merge left for the person to finish)."""
    return GIT_MARKER.search(text) is not None
