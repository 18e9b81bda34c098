"""Reliability in the app: saving fails (disk full, no permission, read-only), and two windows
edit the same application. Driven with the Pilot.

tests/test_interview_flow.py and tests/test_app_applications.py already show a failed save by
replacing ApplicationStore.update/create. Here the failure comes from the file system calls
themselves, so the store's own messages and clean-up are what is tested: the message is clear,
the old file is byte-for-byte intact, no temp file is left, the edit stays on screen, and saving
again once the problem is gone saves it.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from postinterview.domain.interviews import remove_interview, revise_interview
from postinterview.storage.atomic import TEMP_PREFIX
from postinterview.storage.store import ApplicationStore
from postinterview.ui import folder_sync
from postinterview.ui.screens import interview as interview_module
from postinterview.ui.screens.application_form import ApplicationFormScreen
from postinterview.ui.screens.interview import InterviewScreen
from tests.conftest import FIXED_NOW, sample_application
from tests.pilot_tools import make_app, settle, stored_record, stored_records, wait_until
from tests.test_interview_flow import push_interview, with_interview

SIZE = (100, 40)


@dataclass
class WriteFaults:
    """Makes one step of saving fail, as the real system would, while a fault is on."""

    root: Path
    step: str = ""
    """'' (saving works), 'lock' (the data folder itself is read-only), 'temp' (creating the
    temp file is refused), 'fsync' (the data does not fit on the disk) or 'replace' (the
    rename is refused)."""
    error: OSError | None = None

    def turn_on(self, name: str) -> OSError:
        """Start failing the way FAULTS[name] says; returns the error the system gives."""
        self.step, self.error = FAULTS[name]
        return self.error

    def turn_off(self) -> None:
        """The problem is gone: space freed, permission given back."""
        self.step, self.error = "", None

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real_open, real_fsync, real_replace = os.open, os.fsync, os.replace

        def fake_open(path: Any, flags: int, mode: int = 0o777, **kwargs: Any) -> int:
            target = Path(os.fsdecode(path))
            if self.error is not None and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
                if self.step == "lock" and target.is_relative_to(self.root):
                    raise self.error
                if self.step == "temp" and target.name.startswith(TEMP_PREFIX):
                    raise self.error
            return real_open(path, flags, mode, **kwargs)

        def fake_fsync(fd: int) -> None:
            if self.error is not None and self.step == "fsync":
                raise self.error
            real_fsync(fd)

        def fake_replace(source: Any, target: Any, **kwargs: Any) -> None:
            if self.error is not None and self.step == "replace":
                raise self.error
            real_replace(source, target, **kwargs)

        monkeypatch.setattr(os, "open", fake_open)
        monkeypatch.setattr(os, "fsync", fake_fsync)
        monkeypatch.setattr(os, "replace", fake_replace)


FAULTS: dict[str, tuple[str, OSError]] = {
    "disk full": ("fsync", OSError(errno.ENOSPC, "No space left on device")),
    "permission denied": ("temp", PermissionError(errno.EACCES, "Permission denied")),
    "read-only file system": ("replace", OSError(errno.EROFS, "Read-only file system")),
    "read-only data folder": ("lock", OSError(errno.EROFS, "Read-only file system")),
}


@pytest.fixture
def faults(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> WriteFaults:
    installed = WriteFaults(data_dir)
    installed.install(monkeypatch)
    return installed


def folder_state(data_dir: Path) -> dict[str, bytes]:
    """Every file under the applications folder, by name: temp files would show here too."""
    folder = data_dir / "applications"
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


def assert_clear(message: str, error: OSError) -> None:
    """Says what went wrong in words, and nothing a person cannot act on."""
    assert error.strerror is not None and error.strerror in message, message
    for noise in ("Traceback", "Errno", "OSError", "PermissionError", 'File "'):
        assert noise not in message, message


def text_of(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


# A failed save, in the edit form, the new-application form and the interview screen ------------


async def test_the_forms_keep_what_was_typed_through_every_failure_and_save_on_retry(
    data_dir: Path, faults: WriteFaults
) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # A new application: nothing half-made is left behind.
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, ApplicationFormScreen)
        form.query_one("#company", Input).value = "Acme"
        form.query_one("#role", Input).value = "Engineer"
        for name in FAULTS:
            error = faults.turn_on(name)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is form, name  # still open, with everything typed
            assert_clear(text_of(form, "#form-error"), error)
            assert form.query_one("#company", Input).value == "Acme"
            assert folder_state(data_dir) == {}, name
        faults.turn_off()  # space freed, permission given back
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ApplicationFormScreen)
        [record] = stored_records(data_dir)
        assert (record["company"], record["role"]) == ("Acme", "Engineer")

        # Editing it: the old file stays byte for byte as it was.
        before = folder_state(data_dir)
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, ApplicationFormScreen)
        form.query_one("#role", Input).value = "Staff Engineer"
        form.query_one("#notes", TextArea).text = "Typed while the disk was failing"
        for name in FAULTS:
            error = faults.turn_on(name)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is form, name
            assert_clear(text_of(form, "#form-error"), error)
            assert form.query_one("#role", Input).value == "Staff Engineer"
            assert form.query_one("#notes", TextArea).text == "Typed while the disk was failing"
            assert folder_state(data_dir) == before, name  # old file intact, no temp file
        faults.turn_off()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ApplicationFormScreen)
    [record] = stored_records(data_dir)
    assert (record["role"], record["notes"]) == (
        "Staff Engineer",
        "Typed while the disk was failing",
    )


AUTOSAVE_DELAY = 0.05
"""The interview screen's autosave delay in these tests: the mechanism, not the wait."""


async def test_interview_autosave_failure_is_shown_and_the_next_save_catches_up(
    data_dir: Path, faults: WriteFaults, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(interview_module, "AUTOSAVE_DELAY", AUTOSAVE_DELAY)
    stored = with_interview(data_dir)
    before = folder_state(data_dir)
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await push_interview(pilot, stored)
        status = screen.query_one("#save-status", Static)
        error = faults.turn_on("disk full")
        screen.query_one("#next_steps", Input).value = "Final round next week"
        await wait_until(pilot, lambda: text_of(screen, "#save-status").startswith("Not saved"))
        for name in FAULTS:
            if name != "disk full":  # the other failures, by saving at once
                error = faults.turn_on(name)
                await pilot.press("ctrl+s")
                await pilot.pause()
            assert text_of(screen, "#save-status").startswith("Not saved"), name
            assert_clear(text_of(screen, "#save-status"), error)
            assert status.has_class("error")
            assert screen.query_one("#next_steps", Input).value == "Final round next week"
            assert folder_state(data_dir) == before, name

        faults.turn_off()
        screen.query_one("#promised_to_send", Input).value = "Portfolio"  # keep typing
        await wait_until(pilot, lambda: text_of(screen, "#save-status").startswith("Saved at"))
        assert text_of(screen, "#save-status").startswith("Saved at")
        assert not status.has_class("error")
        [interview] = stored_records(data_dir)[0]["interviews"]
        assert (interview["next_steps"], interview["promised_to_send"]) == (
            "Final round next week",
            "Portfolio",
        )

        # Another window deletes the interview: what is typed next cannot be saved anywhere,
        # so it is said, and the text stays on screen to be copied.
        ApplicationStore(data_dir).update(
            stored.application.id, lambda a: remove_interview(a, "int1", FIXED_NOW), None
        )
        screen.query_one("#contact_method", Input).value = "Typed after it was deleted"
        await wait_until(pilot, lambda: "no longer in" in text_of(screen, "#save-status"))
        assert "Not saved" in text_of(screen, "#save-status")
        assert "no longer in" in text_of(screen, "#save-status")
        assert screen.query_one("#contact_method", Input).value == "Typed after it was deleted"
        assert isinstance(app.screen, InterviewScreen)


async def test_leaving_an_interview_whose_save_fails_keeps_the_edit(
    data_dir: Path, faults: WriteFaults
) -> None:
    stored = with_interview(data_dir)
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await push_interview(pilot, stored)
        faults.turn_on("disk full")
        screen.query_one("#next_steps", Input).value = "Final round next week"
        await pilot.press("escape")
        await pilot.pause()
        faults.turn_off()
        if app.screen is screen:  # it stayed, with the edit: leaving again saves it
            await pilot.press("escape")
            await pilot.pause()
    assert stored_records(data_dir)[0]["interviews"][0].get("next_steps") == (
        "Final round next week"
    )


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores file permissions"
)
async def test_a_really_read_only_folder_in_the_edit_form(data_dir: Path) -> None:
    """As the faults above, with real permissions (it cannot run as root)."""
    stored = ApplicationStore(data_dir).create(sample_application())
    before = folder_state(data_dir)
    app = make_app(data_dir)
    folder = data_dir / "applications"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        form = app.screen
        form.query_one("#role", Input).value = "Staff Engineer"
        folder.chmod(0o500)
        data_dir.chmod(0o500)
        try:
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is form
            assert_clear(text_of(form, "#form-error"), PermissionError(13, "Permission denied"))
            assert form.query_one("#role", Input).value == "Staff Engineer"
            assert folder_state(data_dir) == before
        finally:
            folder.chmod(0o700)
            data_dir.chmod(0o700)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ApplicationFormScreen)
    assert stored_record(data_dir, stored.application.id)["role"] == "Staff Engineer"


# Two windows on one folder -----------------------------------------------------------------------


async def open_edit_form(pilot: Pilot[None]) -> ApplicationFormScreen:
    await settle(pilot)
    await pilot.press("e")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, ApplicationFormScreen)
    return form


async def test_two_windows_editing_one_application_lose_nothing(data_dir: Path) -> None:
    stored = ApplicationStore(data_dir).create(sample_application())
    app_id = stored.application.id
    first, second = make_app(data_dir), make_app(data_dir)
    async with first.run_test(size=SIZE) as one, second.run_test(size=SIZE) as two:
        form_one, form_two = await open_edit_form(one), await open_edit_form(two)
        # Different fields: both kept.
        form_one.query_one("#role", Input).value = "Lead Engineer"
        await one.press("ctrl+s")
        await one.pause()
        form_two.query_one("#location", Input).value = "Lisbon"
        await two.press("ctrl+s")
        await two.pause()
        assert not isinstance(second.screen, ApplicationFormScreen)
        record = stored_record(data_dir, app_id)
        assert (record["role"], record["location"]) == ("Lead Engineer", "Lisbon")

        # The same field: the second save is refused with the reason, its text kept.
        form_one, form_two = await open_edit_form(one), await open_edit_form(two)
        form_one.query_one("#notes", TextArea).text = "Notes from window one"
        await one.press("ctrl+s")
        await one.pause()
        form_two.query_one("#notes", TextArea).text = "Notes from window two"
        await two.press("ctrl+s")
        await two.pause()
        assert second.screen is form_two
        assert "Changed elsewhere" in text_of(form_two, "#form-error")
        assert form_two.query_one("#notes", TextArea).text == "Notes from window two"
        assert stored_record(data_dir, app_id)["notes"] == "Notes from window one"
        await two.press("ctrl+s")  # now on purpose
        await two.pause()
        assert not isinstance(second.screen, ApplicationFormScreen)
    record = stored_record(data_dir, app_id)
    assert (record["role"], record["location"], record["notes"]) == (
        "Lead Engineer",
        "Lisbon",
        "Notes from window two",
    )


async def test_interview_screens_and_form_in_two_windows_keep_every_edit(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Window one must save from what it last saw: no poll may show it window two's change
    # first (one every two seconds could land between the two saves).
    monkeypatch.setattr(folder_sync, "POLL_SECONDS", 3600.0)
    stored = with_interview(data_dir)
    first, second = make_app(data_dir), make_app(data_dir)
    async with first.run_test(size=SIZE) as one, second.run_test(size=SIZE) as two:
        interview_one = await push_interview(one, stored)
        form_two = await open_edit_form(two)
        interview_one.query_one("#next_steps", Input).value = "Final round"
        await one.press("ctrl+s")
        await one.pause()
        form_two.query_one("#notes", TextArea).text = "Edited in the other window"
        await two.press("ctrl+s")
        await two.pause()
        assert not isinstance(second.screen, ApplicationFormScreen)

        # Window one saves again from what it last saw, and undoes none of that.
        interview_one.query_one("#contact_method", Input).value = "Phone"
        await one.press("ctrl+s")
        await one.pause()
        assert "merged with changes from another window" in text_of(interview_one, "#save-status")

        # Window two opens the same interview and saves another field of it.
        interview_two = await push_interview(
            two, ApplicationStore(data_dir).load(stored.application.id)
        )
        interview_two.query_one("#went_well", TextArea).text = "System design"
        await two.press("ctrl+s")
        await two.pause()
    [record] = stored_records(data_dir)
    assert record["notes"] == "Edited in the other window"
    [interview] = record["interviews"]
    assert interview["next_steps"] == "Final round"
    assert interview["contact_method"] == "Phone"
    assert interview["reflection"]["went_well"] == "System design"


async def test_an_interview_screen_never_undoes_another_windows_edit(data_dir: Path) -> None:
    stored = with_interview(data_dir)
    other_window = ApplicationStore(data_dir)
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await push_interview(pilot, stored)

        # (1) Another window saves one field; this one saves others, twice.
        other_window.update(
            stored.application.id,
            lambda a: revise_interview(a, "int1", {"next_steps": "From elsewhere"}, FIXED_NOW),
            None,
        )
        screen.query_one("#went_well", TextArea).text = "System design"
        await pilot.press("ctrl+s")  # merged: both are on disk now
        await pilot.pause()
        assert stored_records(data_dir)[0]["interviews"][0]["next_steps"] == "From elsewhere"
        screen.query_one("#contact_method", Input).value = "Phone"
        await pilot.press("ctrl+s")  # an unrelated field, saved a moment later
        await pilot.pause()
        [interview] = stored_records(data_dir)[0]["interviews"]
        assert interview["contact_method"] == "Phone"
        assert interview.get("next_steps") == "From elsewhere"

        # (2) Another window saves a field this one is editing too.
        other_window.update(
            stored.application.id,
            lambda a: revise_interview(a, "int1", {"promised_to_send": "Theirs"}, FIXED_NOW),
            None,
        )
        screen.query_one("#promised_to_send", Input).value = "Mine"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Changed elsewhere" in text_of(screen, "#save-status")  # told, text kept
        assert screen.query_one("#promised_to_send", Input).value == "Mine"
        assert stored_records(data_dir)[0]["interviews"][0]["promised_to_send"] == "Theirs"
