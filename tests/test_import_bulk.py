"""Large trackers: progress on stderr, rows held one at a time, the size limit, and a save
failing midway (the re-run adds only the rest). benchmarks/import_bench.py does 100,000 rows;
these use a few thousand."""

from __future__ import annotations

import csv
import errno
import gc
import io
import os
import tracemalloc
import weakref
from collections.abc import Callable
from pathlib import Path

import pytest

from postinterview.commands.import_tracker import run_import
from postinterview.commands.progress import Progress
from postinterview.domain.models import Application
from postinterview.storage import atomic, paths
from postinterview.storage.store import ApplicationStore, Stored, StoreError
from postinterview.transfer.import_csv import read_tracker, tracker_rows
from postinterview.transfer.import_tables import read_records
from postinterview.transfer.import_text import MAX_TRACKER_BYTES, TextRefused, decode_text
from tests.cli_tools import cli
from tests.conftest import FIXED_NOW

pytestmark = pytest.mark.usefixtures("fixed_now_env")


def sheet(rows: int, notes: str = "Asked about on-call; nice team.") -> str:
    """A ten-column tracker of `rows` distinct applications, row n on line n + 2."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["Company", "Job Title", "Status", "Date Applied", "Location", "Job Link", "Contact",
         "Notes", "Salary", "Referral"]
    )  # fmt: skip
    for n in range(rows):
        writer.writerow(
            [f"Company {n:06d} Ltd", "Backend Engineer", ("Applied", "Interview")[n % 2],
             f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}", "Leeds", f"https://jobs.example/{n}",
             "Jane Doe <jane@agency.example>", notes, "£50,000", "no"]
        )  # fmt: skip
    return out.getvalue()


def stored_companies(root: Path) -> list[str]:
    return sorted(s.application.company for s in ApplicationStore(root).load_all().applications)


# --- Progress ------------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_is_one_line_redrawn_and_cleared() -> None:
    stream, times = Terminal(), iter([0.0, 0.05, 0.2, 0.25])
    progress = Progress(stream, clock=lambda: next(times))

    progress.count(1, 4, "1 of 4 rows")  # drawn
    progress.count(2, 4, "2 of 4 rows")  # 0.05 s later: not redrawn
    progress.count(3, 4, "3 of 4")  # drawn, padded over the longer text before it
    progress.say("postinterview: t.csv, line 5: refused: company is empty")
    progress.count(4, 4, "4 of 4 rows")  # the last is always drawn
    progress.clear()

    blank_3 = "\r" + " " * len("postinterview: 3 of 4") + "\r"
    blank_4 = "\r" + " " * len("postinterview: 4 of 4 rows") + "\r"
    assert stream.getvalue() == (
        "\rpostinterview: 1 of 4 rows"
        "\rpostinterview: 3 of 4     "
        f"{blank_3}postinterview: t.csv, line 5: refused: company is empty\n"
        f"\rpostinterview: 4 of 4 rows{blank_4}"
    )


def test_progress_elsewhere_is_a_plain_line_every_so_many_and_nothing_to_clear() -> None:
    stream = io.StringIO()
    progress = Progress(stream, every=3)
    for done in range(1, 8):
        progress.count(done, 7, f"{done} of 7")
    progress.show("reading")
    progress.clear()
    assert stream.getvalue() == "postinterview: 3 of 7\npostinterview: 6 of 7\n"


def test_a_large_sheet_is_imported_whole_with_a_progress_line_every_so_many_rows(
    tmp_path: Path,
) -> None:
    tracker = tmp_path / "big.csv"
    tracker.write_text(sheet(2_000), encoding="utf-8")
    store, out, err = ApplicationStore(tmp_path / "data"), io.StringIO(), io.StringIO()

    code = run_import(store, tracker, FIXED_NOW, False, out, progress=Progress(err, every=500))

    assert code == 0
    assert out.getvalue() == (
        "Imported 2000 applications from big.csv; 0 skipped as already present; 0 refused.\n"
    )
    assert err.getvalue().splitlines() == [
        f"postinterview: big.csv: {n:,} of 2,000 rows read, {n:,} saved"
        for n in (500, 1_000, 1_500, 2_000)
    ]
    assert len(store.files()) == 2_000


def test_the_cli_shows_no_progress_for_a_small_file_when_stderr_is_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tracker = tmp_path / "small.csv"
    tracker.write_text(sheet(50), encoding="utf-8")
    code, out, err = cli(capsys, "--data-dir", str(tmp_path / "data"), "import", str(tracker))
    assert (code, err) == (0, "")
    assert out.startswith("Imported 50 applications")


# --- Memory --------------------------------------------------------------------------------


def test_rows_become_applications_one_at_a_time_and_are_let_go() -> None:
    rows = tracker_rows(sheet(300), FIXED_NOW, origin="big.csv")
    assert rows.total == 300
    alive: list[weakref.ref[Application]] = []
    for outcome in rows.outcomes:
        assert outcome.row is not None
        alive.append(weakref.ref(outcome.row.application))
    del outcome
    gc.collect()
    assert [ref for ref in alive if ref() is not None] == []  # nothing kept them


def test_a_dry_run_holds_far_less_than_reading_every_application_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = sheet(3_000)
    tracker = tmp_path / "big.csv"
    tracker.write_text(text, encoding="utf-8")

    def peak(step: Callable[[], object]) -> int:
        gc.collect()
        tracemalloc.start()
        try:
            step()
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    every_row = peak(lambda: read_tracker(text, FIXED_NOW, origin="big.csv"))
    store = ApplicationStore(tmp_path / "data")
    # read(limit + 1) allocates the whole limit (untouched pages, not resident, but traced)
    monkeypatch.setattr("postinterview.commands.import_tracker.MAX_TRACKER_BYTES", len(text) * 2)
    streamed = peak(lambda: run_import(store, tracker, FIXED_NOW, True, io.StringIO()))

    assert streamed < every_row / 2, (streamed, every_row)


def test_the_size_limit_lets_a_realistic_100000_row_sheet_in_and_says_why_when_not() -> None:
    per_row = len(sheet(1_000).encode()) / 1_000
    assert 100_000 * per_row < MAX_TRACKER_BYTES / 2
    with pytest.raises(TextRefused) as refused:
        decode_text(b"x" * (MAX_TRACKER_BYTES + 1))
    assert str(refused.value) == (
        "is larger than 32 MiB, more than a tracker holds (100,000 rows of a sheet are about "
        "12 MiB): split it into smaller files and import each"
    )


# --- A save failing midway -----------------------------------------------------------------


class FailsAfter(ApplicationStore):
    """A store whose saves fail once `allowed` have been made (a disk filling up)."""

    allowed = 0

    def create(self, application: Application) -> Stored:
        if len(self.files()) >= self.allowed:
            raise StoreError(f"Could not save {application.company}: No space left on device.")
        return super().create(application)


def test_a_save_failing_midway_says_where_and_the_same_import_again_adds_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tracker = tmp_path / "tracker.csv"
    tracker.write_text(sheet(120), encoding="utf-8")
    data = tmp_path / "data"
    with monkeypatch.context() as patch:
        patch.setattr(FailsAfter, "allowed", 45)
        patch.setattr("postinterview.cli.ApplicationStore", FailsAfter)
        code, out, err = cli(capsys, "--data-dir", str(data), "import", str(tracker))

    assert code == 1
    assert out == (
        "Imported 45 applications from tracker.csv; 0 skipped as already present; 0 refused.\n"
    )
    assert err == (
        f"postinterview: error: {tracker}, line 47: not saved: Could not save Company 000045 "
        "Ltd: No space left on device. 45 were saved before it; importing the file again adds "
        "only the rest\n"
    )
    assert stored_companies(data) == [f"Company {n:06d} Ltd" for n in range(45)]

    code, out, err = cli(capsys, "--data-dir", str(data), "import", str(tracker))

    assert (code, err) == (0, "")
    assert out == (
        "Imported 75 applications from tracker.csv; 45 skipped as already present; 0 refused.\n"
    )
    assert stored_companies(data) == [f"Company {n:06d} Ltd" for n in range(120)]


def test_a_disk_full_during_a_write_leaves_no_half_written_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tracker = tmp_path / "tracker.csv"
    tracker.write_text(sheet(30), encoding="utf-8")
    data = tmp_path / "data"
    folder = paths.applications_dir(data)
    real_fsync, written = os.fsync, []

    def fsync(fd: int) -> None:  # the disk fills up while the 21st application is written
        path = Path(os.readlink(f"/proc/self/fd/{fd}"))
        if path.name.startswith(atomic.TEMP_PREFIX) and path.parent == folder:
            if len(written) == 20:
                raise OSError(errno.ENOSPC, "No space left on device")
            written.append(fd)
        real_fsync(fd)

    with monkeypatch.context() as patch:
        patch.setattr(atomic.os, "fsync", fsync)
        code, out, err = cli(capsys, "--data-dir", str(data), "import", str(tracker))

    assert code == 1 and out.startswith("Imported 20 applications")
    assert f"{tracker}, line 22: not saved: Could not save Company 000020 Ltd: No space" in err
    assert "20 were saved before it" in err
    assert sorted(path.suffix for path in folder.iterdir()) == [".toml"] * 20  # no temp file
    assert len(ApplicationStore(data).load_all().applications) == 20  # each one whole

    code, out, _ = cli(capsys, "--data-dir", str(data), "import", str(tracker))
    assert code == 0 and out.startswith("Imported 10 applications from tracker.csv; 20 skipped")


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("Company,Role\r\nAcme,Engineer\r\n", [1, 2]),
        ("Company,Role\rAcme,Engineer\rInitech,Analyst", [1, 2, 3]),  # old Mac line ends
        ('Company,Role,Notes\nAcme,Engineer,"two\r\nlines"\n\nInitech,Analyst,\x0cff\n', [1, 2, 5]),
        ("Company;Role\nAcme;Engineer", [1, 2]),
    ],
)
def test_a_csv_is_read_line_by_line_as_a_file_opened_with_newline_none_would_be(
    text: str, lines: list[int]
) -> None:
    delimiter = ";" if ";" in text else ","
    as_a_file = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records = read_records(text)
    assert [cells for _, cells in records] == [cells for cells in as_a_file if any(cells)]
    assert [line for line, _ in records] == lines
