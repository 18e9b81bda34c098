"""The rows of the history screen: newest first, what each changed, which one is current."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from postinterview.domain.editing import apply_field_edits
from postinterview.domain.models import Application
from postinterview.ui.history_text import deleted_lines, option_text, version_rows
from postinterview.workspace import DeletedFile, Version
from tests.conftest import FIXED_NOW, sample_application


def _version(name: str, hours_ago: int, revision: str) -> Version:
    return Version(Path(name), FIXED_NOW - timedelta(hours=hours_ago), revision)


def test_rows_are_newest_first_and_the_current_one_is_the_newest_with_its_revision() -> None:
    first = sample_application()
    noted = apply_field_edits(first, {"notes": "New words"}, FIXED_NOW)
    held: dict[str, Application | str] = {"a": first, "b": noted, "c": first, "d": "not TOML"}
    versions = [_version("a", 30, "rev1"), _version("b", 20, "rev2"), _version("c", 3, "rev1")]
    versions.append(_version("d", 1, "rev3"))
    rows = version_rows(versions, lambda v: held[v.path.name], "rev1ffff", FIXED_NOW)
    assert [row.version.path.name for row in rows] == ["d", "c", "b", "a"]
    assert [row.current for row in rows] == [False, True, False, False]  # "a" has rev1 too
    assert [row.changes for row in rows] == [
        "cannot be read: not TOML",
        "notes",
        "notes",
        "the oldest version kept",
    ]
    assert rows[0].application is None
    assert rows[1].lines() == (
        "● today, Fri 20 Nov 12:30  · what the application holds now",
        "notes",
    )
    assert rows[2].lines()[0] == "  yesterday, Thu 19 Nov 19:30"


def test_after_unreadable_versions_the_first_that_reads_is_said_so() -> None:
    held: dict[str, Application | str] = {"a": "empty", "b": sample_application()}
    versions = [_version("a", 5, "r1"), _version("b", 4, "r2")]
    rows = version_rows(versions, lambda v: held[v.path.name], "zzz", FIXED_NOW)
    assert [row.changes for row in rows] == ["the oldest one that reads", "cannot be read: empty"]
    assert not any(row.current for row in rows)  # a hand edit since: no version is the file


def test_a_deleted_file_is_described_by_what_it_held_or_why_it_cannot_be_read() -> None:
    deleted = DeletedFile(Path("acme-1.20261119T120000Z.toml"), "acme-1", FIXED_NOW)
    assert deleted_lines(deleted, sample_application(), FIXED_NOW) == (
        "Acme Robotics — Backend Engineer  ·  Applied",
        "deleted today, Fri 20 Nov 15:30",
    )
    renamed = DeletedFile(Path("acme-1.toml"), "acme-1", None)
    first, when = deleted_lines(renamed, "file is empty", FIXED_NOW)
    assert first == "acme-1.toml (cannot be read: file is empty)"
    assert "does not say" in when


def test_an_option_shows_a_name_with_brackets_as_typed() -> None:
    assert option_text("[Acme]", "one", "two").plain == "[Acme]\n    one\n    two"
