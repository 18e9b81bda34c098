"""Command-line conventions: global options after the subcommand, `list` on a damaged folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from postinterview import __version__
from postinterview.cli import build_parser
from postinterview.storage.paths import applications_dir
from postinterview.storage.store import ApplicationStore
from tests.cli_tools import cli
from tests.conftest import sample_application


def _two_folders(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "first", tmp_path / "second"
    ApplicationStore(first).create(sample_application("First Co", "Engineer"))
    ApplicationStore(second).create(sample_application("Second Co", "Analyst"))
    return first, second


@pytest.mark.usefixtures("fixed_now_env")
def test_data_dir_is_read_before_or_after_the_subcommand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = _two_folders(tmp_path)
    code, before, _ = cli(capsys, "--data-dir", str(first), "list", "--json")
    assert code == 0 and [row["company"] for row in json.loads(before)] == ["First Co"]
    code, after, _ = cli(capsys, "list", "--json", "--data-dir", str(second))
    assert code == 0 and [row["company"] for row in json.loads(after)] == ["Second Co"]


@pytest.mark.usefixtures("fixed_now_env")
def test_the_data_dir_after_the_subcommand_wins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = _two_folders(tmp_path)
    code, out, _ = cli(capsys, "--data-dir", str(first), "list", "--data-dir", str(second))
    assert code == 0 and "Second Co" in out and "First Co" not in out


def test_every_subcommand_takes_the_data_dir() -> None:
    parser = build_parser()
    assert parser.parse_args(["due"]).data_dir is None  # not given anywhere: the default
    for command in ("list", "board", "due", "export", "backup", "demo", "merge-driver"):
        assert parser.parse_args([command, "--data-dir", "X"]).data_dir == "X"


@pytest.mark.usefixtures("fixed_now_env")
def test_list_on_an_empty_folder_says_no_applications_yet(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(capsys, "--data-dir", str(data_dir), "list")
    assert code == 0 and "No applications yet" in out and err == ""


@pytest.mark.usefixtures("fixed_now_env")
def test_list_with_only_damaged_files_says_how_many_and_where_to_look(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = applications_dir(data_dir)
    folder.mkdir(parents=True)
    (folder / "broken-aaaaaa.toml").write_text("this is = = not toml", encoding="utf-8")
    (folder / "broken-bbbbbb.toml").write_text("[[[", encoding="utf-8")
    code, out, err = cli(capsys, "list", "--data-dir", str(data_dir))
    assert code == 0
    assert "No applications yet" not in out
    assert "2 files could not be read" in out and "Problems" in out
    assert "broken-aaaaaa.toml" in err and "broken-bbbbbb.toml" in err


def test_info_names_each_place_and_whether_it_is_there(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = cli(capsys, "info", "--data-dir", str(data_dir))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"Data folder:    {data_dir} (not there yet)"
    assert lines[1] == f"Settings file:  {data_dir / 'settings.toml'} (not there yet)"
    assert lines[2] == f"History folder: {data_dir / 'history'} (not there yet)"
    assert lines[3] == f"Version:        {__version__}"
    assert not data_dir.exists()  # info creates nothing
    (data_dir / "history").mkdir(parents=True)
    (data_dir / "settings.toml").write_text("", encoding="utf-8")
    code, out, _ = cli(capsys, "--data-dir", str(data_dir), "info")
    assert out.count("(exists)") == 3


def test_info_as_json(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data_dir / "settings.toml").mkdir(parents=True)  # a folder where the file should be
    code, out, _ = cli(capsys, "info", "--json", "--data-dir", str(data_dir))
    data = json.loads(out)
    assert code == 0 and data["version"] == __version__
    assert data["data_folder"] == {"path": str(data_dir), "exists": True}
    assert data["settings_file"]["exists"] is False
    assert data["history_folder"] == {"path": str(data_dir / "history"), "exists": False}


def test_info_shows_a_strange_path_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = cli(capsys, "info", "--data-dir", str(tmp_path / "a\nb\x1b[31m"))
    assert code == 0 and len(out.splitlines()) == 4 and "\x1b" not in out
    assert "a\u2424b\u241b[31m" in out.splitlines()[0]


@pytest.mark.usefixtures("fixed_now_env")
def test_demo_fills_the_data_dir_it_is_given(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(capsys, "demo", "--no-open", "--data-dir", str(data_dir))
    assert code == 0 and err == ""
    count = len(ApplicationStore(data_dir).files())
    assert count > 5 and out == f"Demo data: {count} sample applications in {data_dir}\n"


@pytest.mark.usefixtures("fixed_now_env")
def test_demo_refuses_a_folder_that_holds_something(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir()
    (data_dir / "notes.txt").write_text("mine", encoding="utf-8")
    code, out, err = cli(capsys, "--data-dir", str(data_dir), "demo", "--no-open")
    assert code == 1 and out == "" and len(err.splitlines()) == 1
    assert "not empty" in err
    assert sorted(p.name for p in data_dir.iterdir()) == ["notes.txt"]


@pytest.mark.usefixtures("fixed_now_env")
def test_demo_without_a_data_dir_says_where_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    monkeypatch.setenv("POSTINTERVIEW_DATA_DIR", str(tmp_path / "mine"))
    code, out, _ = cli(capsys, "demo", "--no-open")
    (made,) = tmp_path.glob("postinterview-demo-*")
    assert code == 0 and out.rstrip().endswith(f"in {made}")
    assert not (tmp_path / "mine").exists()  # the person's own folder is never touched


@pytest.mark.usefixtures("fixed_now_env")
def test_import_exits_3_when_some_rows_were_refused_and_saves_the_rest(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean, mixed = tmp_path / "clean.csv", tmp_path / "mixed.csv"
    clean.write_text("Company,Role\nFine Co,Dev\n", encoding="utf-8")
    mixed.write_text("Company,Role\nOther Co,Dev\n,Dev\n", encoding="utf-8")
    assert cli(capsys, "import", str(clean), "--data-dir", str(data_dir))[0] == 0
    code, _, err = cli(capsys, "import", str(mixed), "--data-dir", str(data_dir))
    assert code == 3 and "line 3: refused" in err
    companies = {s.application.company for s in ApplicationStore(data_dir).load_all().applications}
    assert companies == {"Fine Co", "Other Co"}
