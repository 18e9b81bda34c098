"""Editing a long text in the person's own editor: the file, the process, the cleanup."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

import pytest

from postinterview.ui.external_editor import (
    Edited,
    edit_text,
    editor_command,
    file_text,
    read_back,
)


def script(tmp_path: Path, body: str) -> list[str]:
    """A `/bin/sh` editor doing `body` (with the file as "$1")."""
    path = tmp_path / "editor.sh"
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o700)
    return [str(path)]


def test_visual_wins_then_editor_then_none() -> None:
    assert editor_command({"VISUAL": "code --wait", "EDITOR": "vi"}) == ["code", "--wait"]
    assert editor_command({"VISUAL": " ", "EDITOR": "vim -u 'my vimrc'"}) == [
        "vim",
        "-u",
        "my vimrc",
    ]
    assert editor_command({}) is None
    assert editor_command({"EDITOR": "vi 'unclosed"}) is None


def test_a_shell_word_is_an_argument_not_a_command(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    assert editor_command({"EDITOR": f"true; touch {marker}"}) == ["true;", "touch", str(marker)]


def test_the_line_break_added_for_the_file_is_taken_off_again() -> None:
    assert file_text("one") == "one\n"
    assert file_text("one\n") == "one\n"
    assert file_text("") == ""
    assert read_back("one", "one\ntwo\n") == "one\ntwo"
    assert read_back("one\n", "one\ntwo\n") == "one\ntwo\n"


def test_an_editor_appending_a_line_gives_the_text_back_and_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    seen = tmp_path / "seen"
    command = script(
        tmp_path,
        f'stat -c %a "$1" > {seen}; stat -c %a "$(dirname "$1")" >> {seen}\n'
        "printf 'Added line\\n' >> \"$1\"",
    )
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    assert edit_text("Notes\x1b[2J\r kept", command) == Edited("Notes\x1b[2J\r kept\nAdded line")
    assert seen.read_text().split() == ["600", "700"]
    assert list((tmp_path / "tmp").iterdir()) == []


@pytest.mark.parametrize(
    ("body", "words"),
    [("printf 'x' >> \"$1\"; exit 1", "exited with 1"), ("kill -9 $$", "stopped (signal 9)")],
)
def test_a_failing_or_killed_editor_changes_nothing_and_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, words: str
) -> None:
    folders: list[Path] = []

    def run(command: Sequence[str]) -> int:
        folders.append(Path(command[-1]).parent)
        from postinterview.ui.external_editor import run_command

        return run_command(command)

    edited = edit_text("Notes", script(tmp_path, body), run)
    assert edited.text is None and words in edited.problem and "unchanged" in edited.problem
    assert folders and not folders[0].exists()


def test_an_editor_that_cannot_start_or_raises_leaves_no_file(tmp_path: Path) -> None:
    edited = edit_text("Notes", [str(tmp_path / "no-such-editor")])
    assert edited.text is None and edited.problem.startswith("Could not start")
    folders: list[Path] = []

    def boom(command: Sequence[str]) -> int:
        folders.append(Path(command[-1]).parent)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        edit_text("Notes", ["vi"], boom)
    assert folders and not folders[0].exists()


def test_bytes_that_are_not_utf8_come_back_as_replacement_characters(tmp_path: Path) -> None:
    edited = edit_text("Notes", script(tmp_path, "printf 'caf\\351\\n' >> \"$1\""))
    assert edited == Edited("Notes\ncaf\ufffd")
