"""`postinterview merge-driver`: git merges two machines' edits to one application field by
field; a clash or a damaged file falls back to git's line merge and its conflict markers."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

import postinterview
from postinterview import cli
from postinterview.commands.merge_driver import merge_versions
from postinterview.commands.merge_install import ATTRIBUTES_LINE
from postinterview.domain.editing import apply_field_edits, move_stage, new_application
from postinterview.domain.models import Application
from postinterview.domain.stages import Stage
from postinterview.storage.codec import HEADER, encode_application, read_application
from postinterview.storage.store import ApplicationStore
from tests.conftest import FIXED_NOW

LATER = FIXED_NOW + timedelta(hours=1)
LATEST = FIXED_NOW + timedelta(hours=2)
ROOT = Path(postinterview.__file__).resolve().parents[1]
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _base() -> Application:
    return new_application(
        "Acme",
        "Engineer",
        FIXED_NOW,
        notes="Met at the meetup.",
        interviews=[{"id": "i1", "at": FIXED_NOW, "interviewers": [{"name": "Ann"}]}],
    )


def _renamed(application: Application, name: str) -> list[object]:
    """The interviews with the first interviewer renamed."""
    interview = application.interviews[0]
    person = interview.interviewers[0].revised(name=name)
    return [interview.revised(interviewers=[person]), *application.interviews[1:]]


def _notes_and_name(application: Application) -> Application:
    edits = {"notes": "They liked the demo.", "interviews": _renamed(application, "Ann Lee")}
    return apply_field_edits(application, edits, LATEST)


def _files(tmp_path: Path, base: bytes, ours: bytes, theirs: bytes) -> list[str]:
    paths = []
    for name, data in (("base", base), ("ours", ours), ("theirs", theirs)):
        path = tmp_path / f"{name}.toml"
        path.write_bytes(data)
        paths.append(str(path))
    return paths


def _driver(files: list[str]) -> int:
    return cli.main(["merge-driver", *files, "applications/acme-engineer-abc123.toml"])


def test_edits_to_different_fields_merge_into_ours(tmp_path: Path) -> None:
    base = _base()
    ours = move_stage(base, Stage.SCREENING, LATER)
    theirs = _notes_and_name(base)
    files = _files(tmp_path, *(encode_application(app) for app in (base, ours, theirs)))
    assert _driver(files) == 0
    raw = Path(files[1]).read_bytes()
    merged = read_application(raw, "acme-engineer-abc123").application
    assert merged.stage is Stage.SCREENING
    assert [change.to_stage for change in merged.stage_history] == [Stage.APPLIED, Stage.SCREENING]
    assert merged.notes == "They liked the demo."
    assert merged.interviews[0].interviewers[0].name == "Ann Lee"
    assert merged.interviews[0].interviewers[0].id == base.interviews[0].interviewers[0].id
    assert merged.updated_at == LATEST  # the later of the two, not a clash
    # An ordinary file this version writes: the header first, [file_end] last.
    assert raw == encode_application(merged)
    assert raw.decode().startswith(HEADER)


def test_a_merge_keeps_the_comments_of_our_hand_edited_file(tmp_path: Path) -> None:
    base = _base()
    plain = encode_application(move_stage(base, Stage.SCREENING, LATER))
    ours = plain.replace(b"notes = ", b"# why I applied, below\nnotes = ")
    files = _files(
        tmp_path, encode_application(base), ours, encode_application(_notes_and_name(base))
    )
    assert _driver(files) == 0
    raw = Path(files[1]).read_bytes()
    assert b"# why I applied, below\n" in raw
    merged = read_application(raw, "acme-engineer-abc123").application
    assert (merged.stage, merged.notes) == (Stage.SCREENING, "They liked the demo.")


@needs_git
def test_the_same_field_changed_on_both_sides_leaves_conflict_markers_around_it_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = _base()
    ours = move_stage(base, Stage.SCREENING, LATER)
    theirs = move_stage(_notes_and_name(base), Stage.REJECTED, LATEST)
    files = _files(tmp_path, *(encode_application(app) for app in (base, ours, theirs)))
    assert _driver(files) == 1
    text = Path(files[1]).read_text("utf-8")
    assert '<<<<<<< ours\nstage = "screening"\n=======\nstage = "rejected"\n>>>>>>> theirs' in text
    # What did not clash is merged outside the markers: their notes and name, the later time.
    outside = re.sub(r"(?ms)^<<<<<<< ours$.*?^>>>>>>> theirs$", "", text)
    assert 'notes = "They liked the demo."' in outside and '"Ann Lee"' in outside
    assert f"updated_at = {LATEST:%Y-%m-%d %H:%M:%S+00:00}" in outside
    # Taking our side of every conflict leaves a file that loads, with both sides' work.
    ours_taken = re.sub(r"(?ms)^<<<<<<< ours\n(.*?)^=======$.*?^>>>>>>> theirs\n", r"\1", text)
    kept = read_application(ours_taken.encode(), "acme-engineer-abc123").application
    assert kept.stage is Stage.SCREENING and kept.notes == "They liked the demo."
    error = capsys.readouterr().err
    assert len(error.splitlines()) == 1
    assert "acme-engineer-abc123.toml: both sides changed stage" in error
    assert "conflict markers" in error


@needs_git
def test_a_damaged_side_is_merged_line_by_line_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = encode_application(_base())
    theirs = base.replace(b"[file_end]", b"[file_end")
    ours = base.replace(b'"Acme"', b'"Acme Ltd"')
    files = _files(tmp_path, base, ours, theirs)
    assert _driver(files) == 1
    assert Path(files[1]).read_bytes() == theirs.replace(b'"Acme"', b'"Acme Ltd"')
    assert "theirs cannot be read" in capsys.readouterr().err


def test_without_git_ours_is_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    base = _base()
    ours = encode_application(move_stage(base, Stage.SCREENING, LATER))
    files = _files(
        tmp_path, encode_application(base), ours, encode_application(base.revised(notes="x"))
    )
    Path(files[2]).write_bytes(b"company = 'cut short")  # damaged: no field merge
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    assert _driver(files) == 1
    assert Path(files[1]).read_bytes() == ours
    error = capsys.readouterr().err
    assert "theirs cannot be read" in error and "git could not merge it" in error


@pytest.mark.parametrize(
    ("theirs", "reason"),
    [
        (b"", "theirs cannot be read (file is empty)"),
        (b"schema_version = 99\ncompany = 'A'\n[file_end]\n", "written by a newer postinterview"),
    ],
)
def test_a_file_that_cannot_be_read_is_not_merged_field_by_field(
    theirs: bytes, reason: str
) -> None:
    base = encode_application(_base())
    merged = merge_versions(base, base, theirs)
    assert merged.data is None
    assert reason in merged.reason


def test_a_merge_that_would_not_be_valid_is_not_written() -> None:
    base = _base()
    hand_edited = encode_application(base).replace(b'stage = "applied"', b'stage = "hired"')
    merged = merge_versions(
        encode_application(base), hand_edited, encode_application(_notes_and_name(base))
    )
    assert merged.data is None
    assert "would not be valid" in merged.reason and "stage" in merged.reason


def test_both_sides_adding_the_file_merges_what_they_agree_on() -> None:
    # git gives an empty ancestor when both branches added the file.
    one = encode_application(_base())
    assert merge_versions(b"", one, one).data == one
    other = merge_versions(b"", one, encode_application(_base().revised(notes="else")))
    assert other.data is None and other.reason == "both sides changed notes"


def test_wrong_arguments_cost_one_line_and_exit_code_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["merge-driver", "a", "b"]) == 2
    assert "BASE OURS THEIRS" in capsys.readouterr().err


# With real git --------------------------------------------------------------------------------


def _git_env(tmp_path: Path) -> dict[str, str]:
    """A git with no one's settings: a fresh HOME, an identity, this checkout importable."""
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Pat Example",
        GIT_AUTHOR_EMAIL="pat@example.com",
        GIT_COMMITTER_NAME="Pat Example",
        GIT_COMMITTER_EMAIL="pat@example.com",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    )
    return env


def _git(folder: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-C", str(folder), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def _commit(folder: Path, env: dict[str, str], message: str) -> None:
    assert _git(folder, env, "add", "-A").returncode == 0
    done = _git(folder, env, "commit", "-q", "-m", message)
    assert done.returncode == 0, done.stderr


@needs_git
def test_two_clones_editing_different_fields_merge_without_a_conflict(tmp_path: Path) -> None:
    env = _git_env(tmp_path)
    laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"
    laptop.mkdir()
    assert _git(laptop, env, "init", "-q").returncode == 0
    app_id = ApplicationStore(laptop).create(_base()).application.id
    (laptop / ".gitattributes").write_text(ATTRIBUTES_LINE + "\n")
    (laptop / ".gitignore").write_text(".lock\nhistory/\n")  # as the README suggests
    _commit(laptop, env, "Acme")
    assert _git(tmp_path, env, "clone", "-q", str(laptop), str(desktop)).returncode == 0

    ApplicationStore(laptop).update(
        app_id, lambda app: move_stage(app, Stage.SCREENING, LATER), None
    )
    _commit(laptop, env, "Acme: screening")
    ApplicationStore(desktop).update(app_id, _notes_and_name, None)
    _commit(desktop, env, "Acme: notes, Ann's surname")

    # Without the driver, git's line merge conflicts (on updated_at at least).
    assert _git(desktop, env, "pull", "-q", "--no-rebase", "--no-edit").returncode != 0
    assert _git(desktop, env, "merge", "--abort").returncode == 0

    driver = f"{sys.executable} -m postinterview merge-driver %O %A %B %P"
    assert _git(desktop, env, "config", "merge.postinterview.driver", driver).returncode == 0
    pulled = _git(desktop, env, "pull", "-q", "--no-rebase", "--no-edit")
    assert pulled.returncode == 0, pulled.stdout + pulled.stderr
    assert _git(desktop, env, "status", "--porcelain").stdout == ""

    result = ApplicationStore(desktop).load_all()
    assert result.problems == []
    [merged] = [stored.application for stored in result.applications]
    assert merged.stage is Stage.SCREENING
    assert merged.notes == "They liked the demo."
    assert merged.interviews[0].interviewers[0].name == "Ann Lee"
    assert merged.updated_at == LATEST


@needs_git
def test_install_sets_up_the_repository_once(tmp_path: Path) -> None:
    env = _git_env(tmp_path)
    folder = tmp_path / "data"
    folder.mkdir()
    assert _git(folder, env, "init", "-q").returncode == 0
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-m", "postinterview", "merge-driver", "--install", str(folder)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    assert (folder / ".gitattributes").read_text().splitlines() == [ATTRIBUTES_LINE]
    configured = _git(folder, env, "config", "merge.postinterview.driver").stdout.strip()
    assert configured.endswith("merge-driver %O %A %B %P")
    assert "-m postinterview" in configured  # run as python -m, so started the same way


def test_install_outside_a_repository_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if shutil.which("git") is None:
        assert cli.main(["merge-driver", "--install", str(tmp_path)]) == 1
        return
    outside = tmp_path / "plain"
    outside.mkdir()
    # GIT_CEILING_DIRECTORIES keeps git from finding a repository above the temporary folder.
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    assert cli.main(["merge-driver", "--install", str(outside)]) == 1
    assert "not in a git repository: run `git init` there first" in capsys.readouterr().err


def test_the_readme_gives_the_setup_the_code_uses() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert ATTRIBUTES_LINE in readme
    assert (
        'git config merge.postinterview.driver "postinterview merge-driver %O %A %B %P"' in readme
    )
    assert "postinterview merge-driver --install" in readme
