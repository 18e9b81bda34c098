"""`postinterview import` of a Huntr-like board export keeps each card's age (in-process CLI,
its clock at FIXED_NOW; the TOML on disk is what is checked)."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.cli_tools import cli

HUNTR = (
    "companyName,jobTitle,listName,createdAt,lastMovedAt,url\n"
    "Acme,Engineer,Interview,2026-09-20,2026-10-21,https://acme.example/1\n"  # 2
    "Globex,Analyst,Applied,2026-10-02,2026-10-02,\n"  # 3
    "Initech,SRE,Rejected,2026-10-05,soon,\n"  # 4: a stage date that cannot be read
)


def noon(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 12, tzinfo=UTC)


@pytest.fixture
def board_export(tmp_path: Path) -> Path:
    path = tmp_path / "huntr.csv"
    path.write_text(HUNTR, encoding="utf-8")
    return path


def stored(folder: Path) -> dict[str, dict[str, Any]]:
    records = {}
    for path in sorted((folder / "applications").glob("*.toml")):
        record = tomllib.loads(path.read_text(encoding="utf-8"))
        records[str(record["company"])] = record
    return records


def test_the_dry_run_names_the_age_columns_and_writes_nothing(
    tmp_path: Path, board_export: Path, capsys: pytest.CaptureFixture[str], fixed_now_env: None
) -> None:
    folder = tmp_path / "data"
    code, out, err = cli(
        capsys, "--data-dir", str(folder), "import", str(board_export), "--dry-run"
    )
    assert code == 0, err
    assert "  createdAt -> saved_on\n" in out and "  lastMovedAt -> stage_since\n" in out
    assert not (folder / "applications").exists() or not any((folder / "applications").iterdir())


def test_a_board_export_keeps_when_each_card_was_created_and_moved(
    tmp_path: Path, board_export: Path, capsys: pytest.CaptureFixture[str], fixed_now_env: None
) -> None:
    folder = tmp_path / "data"
    code, out, err = cli(capsys, "--data-dir", str(folder), "import", str(board_export))
    assert code == 0, err
    assert out.startswith("Imported 3 applications from huntr.csv")
    [warning] = err.splitlines()
    assert warning.startswith(
        "postinterview: huntr.csv, line 4: warning: stage since 'soon' is not a date I can read"
    )
    assert "kept in the notes" in warning
    records = stored(folder)
    acme = records["Acme"]
    assert acme["created_at"] == noon(2026, 9, 20)
    assert acme["stage_history"] == [
        {"at": noon(2026, 10, 21), "to_stage": "interviewing", "note": "Imported from huntr.csv"}
    ]
    globex = records["Globex"]
    assert globex["created_at"] == noon(2026, 10, 2)
    assert [c["at"] for c in globex["stage_history"]] == [noon(2026, 10, 2)]
    initech = records["Initech"]
    assert initech["created_at"] == noon(2026, 10, 5)
    assert initech["notes"] == "lastMovedAt: soon"
    # Its stage has no readable day: the only step is dated when the card was created.
    assert [(c["at"], c["to_stage"]) for c in initech["stage_history"]] == [
        (noon(2026, 10, 5), "rejected")
    ]
