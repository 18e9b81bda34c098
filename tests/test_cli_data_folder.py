"""A data folder that cannot be used (a file, a link to nowhere, unreadable) costs one line
and a non-zero exit, in `list` and `info` alike, never "No applications yet" or a traceback."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from postinterview.commands.data_folder import folder_problem
from postinterview.storage.paths import applications_dir
from postinterview.storage.store import ApplicationStore
from tests.cli_tools import cli
from tests.conftest import sample_application


def a_file(tmp_path: Path) -> Path:
    (tmp_path / "data").write_text("not a folder", encoding="utf-8")
    return tmp_path / "data"


def a_dangling_link(tmp_path: Path) -> Path:
    (tmp_path / "data").symlink_to(tmp_path / "unmounted-drive")
    return tmp_path / "data"


def a_link_to_a_file(tmp_path: Path) -> Path:
    (tmp_path / "notes.txt").write_text("not a folder", encoding="utf-8")
    (tmp_path / "data").symlink_to(tmp_path / "notes.txt")
    return tmp_path / "data"


def a_looping_link(tmp_path: Path) -> Path:
    (tmp_path / "data").symlink_to(tmp_path / "data")
    return tmp_path / "data"


def under_a_file(tmp_path: Path) -> Path:
    return a_file(tmp_path) / "postinterview"


def an_applications_file(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    applications_dir(tmp_path / "data").write_text("x", encoding="utf-8")
    return tmp_path / "data"


BROKEN: dict[str, tuple[Callable[[Path], Path], str]] = {
    "file": (a_file, "is a file, not a folder"),
    "dangling": (a_dangling_link, "is a link to "),
    "link to a file": (a_link_to_a_file, "is a file, not a folder"),
    "loop": (a_looping_link, "is a link that leads round in a loop"),
    "under a file": (under_a_file, "cannot be made: a part of its path is a file"),
    "applications file": (an_applications_file, "has an applications folder that is a file"),
}


@pytest.mark.parametrize("kind", BROKEN)
def test_what_is_wrong_with_a_data_folder_is_said(tmp_path: Path, kind: str) -> None:
    make, says = BROKEN[kind]
    problem = folder_problem(make(tmp_path))
    assert problem is not None and problem.startswith(says)


def test_a_folder_or_one_not_there_yet_is_fine(tmp_path: Path) -> None:
    assert folder_problem(tmp_path / "not-yet") is None
    assert folder_problem(tmp_path) is None
    (tmp_path / "linked").symlink_to(tmp_path)  # a linked folder (a sync folder) is fine
    assert folder_problem(tmp_path / "linked") is None


def test_a_dangling_link_names_where_it_leads(tmp_path: Path) -> None:
    problem = folder_problem(a_dangling_link(tmp_path))
    assert problem == (
        f"is a link to {tmp_path / 'unmounted-drive'}, which is not there (is the folder it"
        " leads to, a sync folder or a drive, there?)"
    )


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "POSTINTERVIEW_DATA_DIR"}
    return subprocess.run(
        [sys.executable, "-m", "postinterview", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )


@pytest.mark.parametrize("kind", ["file", "dangling"])
@pytest.mark.parametrize("command", [["list"], ["list", "--json"], ["due"]])
def test_list_refuses_a_broken_data_folder_in_one_line(
    tmp_path: Path, kind: str, command: list[str]
) -> None:
    make, says = BROKEN[kind]
    data_dir = make(tmp_path)
    done = run(data_dir, *command)
    assert (done.returncode, done.stdout) == (1, "")
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"postinterview: error: the data folder {data_dir} {says}")


@pytest.mark.parametrize("kind", ["file", "dangling"])
def test_info_shows_the_places_and_says_what_is_wrong(tmp_path: Path, kind: str) -> None:
    make, says = BROKEN[kind]
    data_dir = make(tmp_path)
    shown = run(data_dir, "info")
    assert shown.returncode == 1 and f"({says}" in shown.stdout.splitlines()[0]
    as_json = run(data_dir, "info", "--json")
    assert as_json.returncode == 1
    folder = json.loads(as_json.stdout)["data_folder"]
    assert folder["exists"] is False and folder["problem"].startswith(says)
    (line,) = as_json.stderr.splitlines()
    assert f"the data folder {data_dir} {says}" in line and "Traceback" not in line


def test_info_on_a_good_folder_exits_0_without_a_problem(tmp_path: Path) -> None:
    ApplicationStore(tmp_path).create(sample_application("Acme", "Engineer"))
    done = run(tmp_path, "info", "--json")
    assert (done.returncode, done.stderr) == (0, "")
    assert "problem" not in json.loads(done.stdout)["data_folder"]


def refuse_listing(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Listing `folder` is refused, as chmod 000 would do (but also when run as root)."""
    real = os.scandir

    def refusing(path: Any = ".") -> Any:
        if Path(path) == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", refusing)


@pytest.fixture
def unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder with an application in it that cannot be listed."""
    ApplicationStore(tmp_path).create(sample_application("Acme", "Engineer"))
    refuse_listing(monkeypatch, tmp_path)
    return tmp_path


@pytest.mark.parametrize("command", [["list"], ["list", "--json"], ["info"], ["info", "--json"]])
def test_an_unreadable_data_folder_is_said_not_shown_as_empty(
    unreadable: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(capsys, *command, "--data-dir", str(unreadable))
    assert code == 1 and "No applications yet" not in out
    said = f"the data folder {unreadable} cannot be read (permission denied)"
    assert err == f"postinterview: error: {said}\n"


def test_an_unreadable_applications_folder_is_said_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ApplicationStore(tmp_path).create(sample_application("Acme", "Engineer"))
    refuse_listing(monkeypatch, applications_dir(tmp_path))
    code, out, err = cli(capsys, "list", "--data-dir", str(tmp_path))
    assert (code, out) == (1, "")
    assert err.endswith("has an applications folder that cannot be read (permission denied)\n")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_a_folder_without_read_permission_is_said(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o000)
    try:
        assert folder_problem(folder) == "cannot be read (permission denied)"
    finally:
        folder.chmod(0o700)
