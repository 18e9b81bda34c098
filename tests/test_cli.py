"""The command line, run as a real process on a temporary data folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from postinterview import __version__
from postinterview.domain.editing import move_stage
from postinterview.domain.stages import Stage
from postinterview.storage.store import ApplicationStore
from tests.conftest import FIXED_NOW, sample_application


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "POSTINTERVIEW_DATA_DIR"}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "postinterview", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )


@pytest.fixture
def filled(data_dir: Path) -> Path:
    store = ApplicationStore(data_dir)
    first = store.create(sample_application("Acme Robotics", "Backend Engineer"))
    store.update(first.application.id, lambda a: move_stage(a, Stage.SCREENING, FIXED_NOW), None)
    store.create(sample_application("Initech 株式会社", "Analyst 🚀"))
    return data_dir


def test_version() -> None:
    result = run("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"postinterview {__version__}")


def test_list_prints_a_table(filled: Path) -> None:
    result = run("--data-dir", str(filled), "list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "COMPANY", "ROLE", "STAGE", "UPDATED"]
    assert any("Acme Robotics" in line and "Screening" in line for line in lines[1:])
    assert any("Initech 株式会社" in line and "Analyst 🚀" in line for line in lines[1:])
    assert len(lines) == 3


def test_list_json_is_machine_readable(filled: Path) -> None:
    result = run("--data-dir", str(filled), "list", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    by_company = {row["company"]: row for row in rows}
    acme = by_company["Acme Robotics"]
    assert acme["stage"] == "screening"
    assert acme["role"] == "Backend Engineer"
    assert acme["created_at"] == FIXED_NOW.isoformat()
    assert (filled / "applications" / f"{acme['id']}.toml").is_file()
    assert set(by_company) == {"Acme Robotics", "Initech 株式会社"}


def test_the_environment_variable_chooses_the_folder_and_the_flag_wins(
    filled: Path, tmp_path: Path
) -> None:
    from_env = run("list", "--json", env={"POSTINTERVIEW_DATA_DIR": str(filled)})
    assert len(json.loads(from_env.stdout)) == 2
    flag_wins = run(
        "--data-dir",
        str(tmp_path / "other"),
        "list",
        "--json",
        env={"POSTINTERVIEW_DATA_DIR": str(filled)},
    )
    assert json.loads(flag_wins.stdout) == []


def test_damaged_files_are_reported_on_stderr_and_the_rest_listed(filled: Path) -> None:
    (filled / "applications" / "broken-abc123.toml").write_text("oops = [")
    result = run("--data-dir", str(filled), "list", "--json")
    assert result.returncode == 0
    assert len(json.loads(result.stdout)) == 2
    assert "broken-abc123.toml" in result.stderr and "not valid TOML" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_empty_folder_says_how_to_start(tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path / "new"), "list")
    assert result.returncode == 0
    assert "No applications yet" in result.stdout
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize("args", [["--bogus"], ["list", "--yaml"], ["frobnicate"], ["--data-dir"]])
def test_bad_arguments_give_one_line_and_exit_code_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("postinterview")


def test_a_data_folder_that_is_a_file_is_refused_clearly(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    result = run("--data-dir", str(not_a_folder), "list")
    assert result.returncode == 1
    assert "is a file, not a folder" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("args", "mode"), [([], "applications"), (["board"], "board")])
def test_the_app_opens_on_the_list_or_on_the_board(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], mode: str | None
) -> None:
    from postinterview import cli
    from postinterview.app import PostInterviewApp

    opened: list[tuple[Path, str | None]] = []

    def run(app: PostInterviewApp) -> None:  # instead of taking over the terminal
        opened.append((app.workspace.root, app.DEFAULT_MODE))

    monkeypatch.setattr(PostInterviewApp, "run", run)
    assert cli.main(["--data-dir", str(tmp_path), *args]) == 0
    assert opened == [(tmp_path, mode)]
