"""`import --stage WORD=stage`, and stage words of other trackers, through the real CLI."""

from __future__ import annotations

import tomllib
from pathlib import Path

from postinterview.domain.stages import Stage
from postinterview.storage.store import ApplicationStore
from tests.test_cli_transfer import run_in

TRACKER = (
    "Company,Role,Status\n"
    "Acme,Engineer,Absage\n"  # 2
    "Globex,Developer,Phase 2\n"  # 3: the person's own word
    "Initech,Tester,n/a\n"  # 4: left out
    "Hooli,PM,Wishlist\n"  # 5: saved, not applied for yet
)


def stored_stages(data_dir: Path) -> dict[str, Stage]:
    return {
        s.application.company: s.application.stage
        for s in ApplicationStore(data_dir).load_all().applications
    }


def test_stage_words_are_read_the_persons_way_and_skips_leave_rows_out(
    data_dir: Path, tmp_path: Path
) -> None:
    tracker = tmp_path / "bewerbungen.csv"
    tracker.write_text(TRACKER, encoding="utf-8")
    result = run_in(
        data_dir, "import", str(tracker), "--stage", "phase-2=Interviewing", "--stage", "x=offer"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "Imported 3 applications from bewerbungen.csv; 0 skipped as already present; "
        "0 refused; 1 left out by their stage.\n"
    )
    assert result.stderr.splitlines() == [
        "postinterview: bewerbungen.csv, line 4: warning: stage 'n/a' says to leave the row "
        "out: not imported",
    ]
    assert stored_stages(data_dir) == {
        "Acme": Stage.REJECTED,
        "Globex": Stage.INTERVIEWING,
        "Hooli": Stage.SAVED,
    }
    [hooli] = [
        tomllib.loads(path.read_text(encoding="utf-8"))
        for path in (data_dir / "applications").glob("*.toml")
        if "Hooli" in path.read_text(encoding="utf-8")
    ]
    assert (hooli["stage"], hooli.get("notes", "")) == ("saved", "")


def test_an_unknown_stage_name_is_refused_in_one_line_listing_ours(
    data_dir: Path, tmp_path: Path
) -> None:
    tracker = tmp_path / "t.csv"
    tracker.write_text(TRACKER, encoding="utf-8")
    result = run_in(data_dir, "import", str(tracker), "--stage", "Phase 2=hired")
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert "'hired' is not a stage; the stages are saved, applied, screening" in line
    assert "no_reply" in line
    assert not data_dir.exists() or not any(data_dir.rglob("*.toml"))


def test_an_override_without_a_word_is_refused(data_dir: Path, tmp_path: Path) -> None:
    tracker = tmp_path / "t.csv"
    tracker.write_text(TRACKER, encoding="utf-8")
    result = run_in(data_dir, "import", str(tracker), "--stage", "interviewing")
    assert result.returncode == 2
    assert "'interviewing' is not WORD=stage" in result.stderr
