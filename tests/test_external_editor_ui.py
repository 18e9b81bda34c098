"""ctrl+e on a long text field: the person's own editor, driven through the real UI.

A headless app cannot give up its terminal (`App.suspend` raises under `run_test`), so these
tests replace `TextEditor.suspension`, the one seam, with a context that does nothing; the
editor itself is a real `/bin/sh` script run as a process.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.widgets import TextArea

from postinterview.storage.store import ApplicationStore
from postinterview.ui.external_editor import NO_EDITOR
from postinterview.ui.screens.application_form import ApplicationFormScreen
from postinterview.ui.widgets.shown_text import TextEditor
from tests.conftest import sample_application
from tests.pilot_tools import make_app, settle, stored_records, wait_until
from tests.test_drafts_ui import open_draft, shown_draft
from tests.test_interview_flow import open_recorded_interview, with_interview

SIZE = (120, 50)


@pytest.fixture
def editor_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private TMPDIR to look into, no $VISUAL, and a suspension that does nothing."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    suspensions: list[App[Any]] = []

    @contextmanager
    def nothing(app: App[Any]) -> Iterator[None]:
        suspensions.append(app)
        yield

    def seam(app: App[Any]) -> AbstractContextManager[None]:
        return nothing(app)

    monkeypatch.setattr(TextEditor, "suspension", staticmethod(seam))
    return temp


def set_editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    script = tmp_path / "my editor.sh"  # a space: the path is quoted, split by shlex
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(0o700)
    monkeypatch.setenv("EDITOR", f"'{script}'")


def messages(app: App[Any]) -> list[str]:
    return [n.message for n in app._notifications]


async def open_notes(pilot: Any) -> TextArea:
    await settle(pilot)
    await pilot.press("e")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ApplicationFormScreen)
    notes = pilot.app.screen.query_one("#notes", TextArea)
    notes.focus()
    await pilot.pause()
    return notes


async def test_the_editor_appends_a_line_to_the_notes_and_the_save_writes_it(
    data_dir: Path, tmp_path: Path, editor_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_editor(tmp_path, monkeypatch, "printf 'Asked about \\033[2J on-call\\n' >> \"$1\"")
    ApplicationStore(data_dir).create(sample_application())
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        notes = await open_notes(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        expected = "Met at the meetup.\nAsked about \x1b[2J on-call"
        assert notes.text == expected  # the escape stays text
        assert list(editor_env.iterdir()) == []
        await pilot.press("ctrl+z")  # one edit, taken back as typing would be
        assert notes.text == "Met at the meetup."
        await pilot.press("ctrl+y")
        assert notes.text == expected
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert stored_records(data_dir)[0]["notes"] == expected


async def test_a_reflection_edited_outside_is_autosaved(
    data_dir: Path, tmp_path: Path, editor_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_editor(tmp_path, monkeypatch, "printf 'The design part\\n' >> \"$1\"")
    with_interview(data_dir)
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_recorded_interview(pilot)
        await pilot.press("ctrl+n")  # the reflection, on "went well"
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert screen.query_one("#went_well", TextArea).text == "The design part"

        def saved() -> bool:
            record = stored_records(data_dir)[0]
            return record["interviews"][0].get("reflection", {}).get("went_well") == (
                "The design part"
            )

        await wait_until(pilot, saved)
        assert saved()  # by the autosave: nothing was pressed to save it
        assert list(editor_env.iterdir()) == []


async def test_a_failing_editor_leaves_the_field_as_it_was_with_a_message(
    data_dir: Path, tmp_path: Path, editor_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_editor(tmp_path, monkeypatch, "printf 'half\\n' >> \"$1\"; exit 1")
    ApplicationStore(data_dir).create(sample_application())
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        notes = await open_notes(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert notes.text == "Met at the meetup."
        assert any("exited with 1" in m and "unchanged" in m for m in messages(app))
        assert list(editor_env.iterdir()) == []


async def test_without_an_editor_set_the_message_says_how(data_dir: Path, editor_env: Path) -> None:
    ApplicationStore(data_dir).create(sample_application())
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        notes = await open_notes(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert notes.text == "Met at the meetup."
        assert NO_EDITOR in messages(app)
        assert list(editor_env.iterdir()) == []


async def test_a_terminal_that_cannot_hand_over_is_said_in_words(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_editor(tmp_path, monkeypatch, "printf 'x\\n' >> \"$1\"")
    ApplicationStore(data_dir).create(sample_application())
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:  # the real App.suspend, headless
        notes = await open_notes(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert notes.text == "Met at the meetup."
        assert "This terminal cannot hand over to an editor." in messages(app)


async def test_a_draft_is_edited_outside_the_same_way(
    data_dir: Path, tmp_path: Path, editor_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_editor(tmp_path, monkeypatch, "printf 'PS: see you soon\\n' >> \"$1\"")
    stored = with_interview(
        data_dir, interviewers=[{"id": "ana", "name": "Ana Ruiz", "email": "ana@acme.test"}]
    )
    (data_dir / "settings.toml").write_text('[you]\nname = "Sam Lee"\n', "utf-8")
    async with make_app(data_dir, "today").run_test(size=SIZE) as pilot:
        await open_draft(pilot, f"{stored.application.id}/thank-you:ana")
        text = shown_draft(pilot).query_one("#draft-text-0", TextArea)
        before = text.text
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert text.text == f"{before}\nPS: see you soon"
        assert list(editor_env.iterdir()) == []
