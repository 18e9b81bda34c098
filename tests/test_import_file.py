"""The app's import of a file, below the screen: the dry run's text shared with the CLI, the
kind of file told apart, the path read whatever it is, and the save as one undo step."""

from __future__ import annotations

import os
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path

import pytest

from postinterview.commands.app_import import preview_path
from postinterview.commands.output import SOME_REFUSED
from postinterview.domain.models import Application
from postinterview.storage.store import ApplicationStore
from postinterview.transfer.export_json import export_json
from postinterview.transfer.import_csv import read_tracker
from postinterview.transfer.import_file import (
    BackupPreview,
    FileKind,
    Refused,
    TrackerPreview,
    file_kind,
    preview_file,
)
from postinterview.transfer.import_report import ImportCounts, preview_lines, summary_line
from postinterview.workspace import Workspace
from tests.cli_tools import cli
from tests.conftest import FIXED_NOW, sample_application
from tests.pilot_tools import stored_records

TRACKER = (
    "companyName,jobTitle,listName,url,Salary\n"
    "Acme Robotics,Platform Engineer,Applied,https://acme.example/1,£55k\n"
    "Globex,Data Analyst,Interview,,\n"
    "Initech,,Applied,,\n"
    "Umbrella,Chemist,Skip,,\n"
)
"""Two rows to import, one refused (no role), one left out by its stage word."""


def _preview(text: str = TRACKER, existing: list[Application] | None = None) -> TrackerPreview:
    preview = preview_file("tracker.csv", text.encode(), FIXED_NOW, existing or [])
    assert isinstance(preview, TrackerPreview)
    return preview


def test_the_app_shows_the_very_lines_the_cli_dry_run_prints(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "tracker.csv"
    path.write_text(TRACKER, encoding="utf-8")
    code, out, err = cli(capsys, "--data-dir", str(data_dir), "import", "--dry-run", str(path))
    assert code == SOME_REFUSED
    printed = [line.removeprefix("postinterview: ") for line in err.splitlines()]
    printed += out.splitlines()
    printed[-1] = printed[-1].removesuffix(" Nothing was saved (--dry-run).")
    assert _preview().lines() == printed
    assert "tracker.csv, line 4: refused: role is empty" in printed
    assert "  companyName -> company" in printed
    assert printed[-1] == (
        "Would import 2 applications from tracker.csv; 0 skipped as already present; "
        "1 refused; 1 left out by their stage."
    )


def test_the_preview_says_how_the_text_was_read_first() -> None:
    read = read_tracker(TRACKER, FIXED_NOW, "sheet.csv")
    lines = preview_lines("sheet.csv", read, 2, "read as Windows-1252")
    assert lines[0] == "sheet.csv: read as Windows-1252"
    assert lines[1] == "sheet.csv, line 4: refused: role is empty"  # then the rows, by line


def test_the_summary_counts_in_words() -> None:
    assert summary_line("t.csv", ImportCounts(1, 2, 0), dry_run=False) == (
        "Imported 1 application from t.csv; 2 skipped as already present; 0 refused."
    )
    assert summary_line("t.csv", ImportCounts(0, 0, 3, 1), dry_run=True) == (
        "Would import 0 applications from t.csv; 0 skipped as already present; 3 refused; "
        "1 left out by their stage."
    )


def test_rows_already_here_are_counted_and_not_offered() -> None:
    here = sample_application("Acme Robotics", "Platform Engineer")
    preview = _preview(existing=[here])
    assert [row.application.company for row in preview.fresh] == ["Globex"]
    assert preview.action == "Import 1 application"
    assert preview.lines()[-1].startswith("Would import 1 application from tracker.csv; 1 skipped")


def test_every_row_here_already_leaves_nothing_to_confirm() -> None:
    first = _preview()
    preview = _preview(existing=[row.application for row in first.fresh])
    assert preview.action == ""
    assert "Would import 0 applications" in preview.lines()[-1]


def test_a_file_is_told_apart_by_its_name_and_its_first_bytes() -> None:
    backup = export_json([sample_application()], FIXED_NOW).encode()
    assert file_kind("backup.json", backup) is FileKind.BACKUP
    assert file_kind("backup.txt", backup) is FileKind.BACKUP  # by its content
    invite = b"\xef\xbb\xbf\r\nBEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    assert file_kind("invite.txt", invite) is FileKind.INVITE
    assert file_kind("invite.ICS", b"") is FileKind.INVITE
    assert file_kind("tracker.csv", TRACKER.encode()) is FileKind.TRACKER
    assert file_kind("applications.md", b"| Company | Role |\n") is FileKind.TRACKER


def test_our_backup_points_to_the_restore() -> None:
    applications = [sample_application(), sample_application("Globex", "Data Analyst")]
    raw = export_json(applications, FIXED_NOW).encode()
    preview = preview_file("backup.json", raw, FIXED_NOW, [])
    assert isinstance(preview, BackupPreview)
    assert preview.count == 2 and preview.action == "" and not preview.refused
    text = "\n".join(preview.lines())
    assert "backup.json is a postinterview backup of 2 applications" in text
    assert "postinterview restore backup.json --dry-run" in text


def test_an_invitation_is_not_taken_for_a_table() -> None:
    preview = preview_file("invite.ics", b"BEGIN:VCALENDAR\r\n", FIXED_NOW, [])
    assert preview.refused and preview.lines()[0].startswith("invite.ics: ")
    assert "column" not in preview.lines()[0]


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        (b"", "is empty"),
        (b"company,role\n", "has a header but no rows"),
        (b"PK\x03\x04rest", "is a spreadsheet workbook"),
        (b"company,role\nAcme\x00,Dev\n", "holds binary data"),
        (b"name,title\nAcme,Dev\n", "no company column"),
    ],
)
def test_a_file_that_cannot_be_imported_is_refused_in_one_line(raw: bytes, said: str) -> None:
    preview = preview_file("t.csv", raw, FIXED_NOW, [])
    assert isinstance(preview, Refused) and preview.action == ""
    (line,) = preview.lines()
    assert line.startswith("t.csv: ") and said in line


# --- The path, whatever it is ------------------------------------------------------------


def test_a_path_is_read_with_the_home_folder_expanded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "tracker.csv").write_text(TRACKER, encoding="utf-8")
    preview = preview_path(Path("~/tracker.csv"), FIXED_NOW, [])
    assert isinstance(preview, TrackerPreview) and len(preview.fresh) == 2


def test_a_path_that_cannot_be_read_says_why(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # opening it would wait for a writer for ever
    locked = tmp_path / "locked.csv"
    locked.write_text(TRACKER, encoding="utf-8")
    locked.chmod(0)
    cases = {
        tmp_path / "missing.csv": "no such file",
        tmp_path: "is a folder",
        fifo: "is not a file",
    }
    if os.geteuid() != 0:  # root reads anything
        cases[locked] = "cannot be read (Permission denied)"
    for path, said in cases.items():
        preview = preview_path(path, FIXED_NOW, [])
        assert preview.refused, path
        assert preview.lines() == [f"{path}: {preview.lines()[0].split(': ', 1)[1]}"]
        assert said in preview.lines()[0]


# --- Saving, as one step -----------------------------------------------------------------


def test_confirming_saves_every_new_row_as_one_undo_step(data_dir: Path) -> None:
    workspace = Workspace(ApplicationStore(data_dir), clock=lambda: FIXED_NOW)
    done = _preview().apply(workspace)
    assert (done.saved, done.failed) == (2, False)
    assert done.message == "Imported 2 applications from tracker.csv (u to undo)."
    records = stored_records(data_dir)
    assert sorted(record["company"] for record in records) == ["Acme Robotics", "Globex"]
    assert [step.label for step in workspace.undo_history.done] == [
        "imported 2 applications from tracker.csv"
    ]
    assert workspace.undo() == "Undone: imported 2 applications from tracker.csv."
    assert stored_records(data_dir) == []


def test_rows_saved_meanwhile_are_not_saved_twice(data_dir: Path) -> None:
    workspace = Workspace(ApplicationStore(data_dir), clock=lambda: FIXED_NOW)
    preview = _preview()
    workspace.add(sample_application("Globex", "Data Analyst"))  # another way, after the preview
    done = preview.apply(workspace)
    assert done.saved == 1
    assert sorted(record["company"] for record in stored_records(data_dir)) == [
        "Acme Robotics",
        "Globex",
    ]


@dataclass
class _Refusal:
    ok: bool = False
    error: str = "the disk is full"


@dataclass
class _Done:
    ok: bool = True
    error: str = ""


class _FullDisk:
    """A folder that takes one application, then refuses the next."""

    def __init__(self) -> None:
        self.records: dict[str, object] = {}
        self.added: list[Application] = []
        self.steps: list[str] = []

    def one_step(self, label: str) -> AbstractContextManager[None]:
        self.steps.append(label)
        return nullcontext()

    def add(self, application: Application) -> _Done | _Refusal:
        if self.added:
            return _Refusal()
        self.added.append(application)
        return _Done()


def test_a_save_refused_midway_stops_and_names_the_row() -> None:
    disk = _FullDisk()
    done = _preview().apply(disk)  # type: ignore[arg-type]  # a fake of the save path
    assert (done.saved, done.failed) == (1, True)
    assert [application.company for application in disk.added] == ["Acme Robotics"]
    assert done.message == (
        "Imported 1 application from tracker.csv; 0 skipped as already present; 1 refused; "
        "1 left out by their stage. Line 3 not saved: the disk is full"
    )
    assert len(disk.steps) == 1
