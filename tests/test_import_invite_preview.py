"""An invitation picked on the app's import screen: where its interview goes, and adding it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from postinterview.domain.models import Application, Stage
from postinterview.storage.store import ApplicationStore
from postinterview.transfer.import_file import preview_file
from postinterview.transfer.import_invite_preview import (
    NEW_APPLICATION,
    InvitePreview,
    InviteRefusedPreview,
)
from postinterview.workspace import Workspace
from tests.conftest import FIXED_NOW, sample_application
from tests.pilot_tools import stored_records
from tests.test_import_invite import FIXTURES

GOOGLE = (FIXTURES / "google.ics").read_bytes()
CANCELLED = (FIXTURES / "cancelled.ics").read_bytes()


def _preview(
    raw: bytes, existing: list[Application], you: tuple[str, ...] = ("Sam Okafor",)
) -> InvitePreview | InviteRefusedPreview:
    preview = preview_file("invite.ics", raw, FIXED_NOW, existing, you=you)
    assert isinstance(preview, InvitePreview | InviteRefusedPreview)
    return preview


def _workspace(data_dir: Path, *applications: Application) -> tuple[Workspace, list[Application]]:
    """A folder holding `applications`, and them as saved (with their ids)."""
    workspace = Workspace(ApplicationStore(data_dir), clock=lambda: FIXED_NOW)
    for application in applications:
        assert workspace.add(application).ok
    workspace.undo_history.done.clear()
    return workspace, [stored.application for stored in workspace.records.values()]


def test_one_application_named_is_where_the_interview_goes() -> None:
    acme = sample_application("Acme", "Product Designer")
    preview = _preview(GOOGLE, [sample_application("Globex", "Analyst"), acme])
    assert isinstance(preview, InvitePreview) and not preview.refused
    assert preview.lines()[0] == "Invitation: Interview with Acme: Product Designer"
    assert preview.lines()[-1] == "Adds the interview to Product Designer at Acme."
    assert preview.action == "Add the interview" and preview.choices == ()
    assert not any("Sam Okafor" in line for line in preview.lines())  # the person is not listed


def _with_line(you: tuple[str, ...]) -> str:
    lines = _preview(GOOGLE, [sample_application("Acme", "Product Designer")], you=you).lines()
    return next(line for line in lines if line.startswith("With: "))


def test_the_own_name_is_left_out_of_the_interviewers_only_when_given() -> None:
    # Sam's personal address is told apart without the name; a colleague's name shows that
    # the name given is the one left out.
    assert "Lee Park" in _with_line(())
    assert "Lee Park" not in _with_line(("Lee Park",))


def test_several_named_are_offered_to_choose_among_with_a_new_application() -> None:
    first = sample_application("Acme", "Product Designer")
    second = sample_application("Acme", "Product Designer")
    preview = _preview(GOOGLE, [first, second])
    assert isinstance(preview, InvitePreview)
    assert preview.action == ""
    assert preview.lines()[-1] == "2 open applications may be the one it is for: choose below."
    assert [choice.key for choice in preview.choices] == [first.id, second.id, NEW_APPLICATION]
    assert [choice.new for choice in preview.choices] == [False, False, True]
    chosen = preview.choose(second.id)
    assert chosen.target == second and chosen.action == "Add the interview"
    assert chosen.lines()[-1] == "Adds the interview to Product Designer at Acme."
    assert len(chosen.choices) == 3  # the person may still change their mind


def test_none_named_offers_the_open_applications_and_a_new_one() -> None:
    globex = sample_application("Globex", "Analyst")
    closed = sample_application("Initech", "Tester").model_copy(update={"stage": Stage.REJECTED})
    preview = _preview(GOOGLE, [globex, closed])
    assert isinstance(preview, InvitePreview) and preview.action == ""
    assert preview.lines()[-1] == (
        "No open application is named by it: choose one below, or a new application."
    )
    assert [choice.label for choice in preview.choices] == [
        "Analyst at Globex · applied · changed 20 Nov 2026",
        "A new application (type its company and role)",
    ]
    new = preview.choose(NEW_APPLICATION, "  Acme ", "Product   Designer")
    assert new.new == ("Acme", "Product Designer") and new.action == "Add the interview"
    assert new.lines()[-1] == "Adds the interview to a new application, Product Designer at Acme."


def test_a_new_application_without_a_role_cannot_be_confirmed() -> None:
    preview = _preview(GOOGLE, [])
    assert isinstance(preview, InvitePreview)
    blank = preview.choose(NEW_APPLICATION, "Acme", "  ")
    assert blank.action == "" and blank.new is None
    assert blank.lines()[-1] == "Type the new application's company and its role."
    too_long = preview.choose(NEW_APPLICATION, "Acme", "x" * 5000)
    assert too_long.action == "" and too_long.lines()[-1].startswith("The new application's role")


def test_an_invitation_already_imported_has_nothing_to_add(data_dir: Path) -> None:
    acme = sample_application("Acme", "Product Designer")
    workspace, saved = _workspace(data_dir, acme)
    preview = _preview(GOOGLE, saved)
    assert isinstance(preview, InvitePreview)
    assert preview.apply(workspace).saved == 1
    stored = [record.application for record in workspace.records.values()]
    again = _preview(GOOGLE, stored)
    assert not again.refused and again.action == ""
    assert again.lines()[-1] == "Already imported into Product Designer at Acme: nothing to add."


def test_a_cancelling_invitation_is_refused_with_the_reason_and_what_it_says() -> None:
    preview = _preview(CANCELLED, [sample_application("Acme", "Product Designer")])
    assert preview.refused and preview.action == ""
    assert preview.lines()[0] == (
        "invite.ics: the invitation cancels the event, so no interview is added"
    )
    assert "Cancelled: this invitation cancels the event." in preview.lines()


def test_a_passed_invitation_is_refused() -> None:
    later = FIXED_NOW + timedelta(days=60)
    preview = preview_file("invite.ics", GOOGLE, later, [sample_application("Acme", "Designer")])
    assert preview.refused and "which has passed" in preview.lines()[0]


def test_confirming_adds_the_interview_as_one_undo_step(data_dir: Path) -> None:
    acme = sample_application("Acme", "Product Designer")
    workspace, saved = _workspace(data_dir, acme)
    preview = _preview(GOOGLE, saved)
    done = preview.apply(workspace)
    assert not done.failed
    assert done.message == (
        "Added the interview on Wed 2026-12-09 15:00 (UTC+00:00) to Product Designer at Acme "
        "(u to undo)."
    )
    [record] = stored_records(data_dir)
    [interview] = record["interviews"]
    assert interview["calendar_uid"] == "5k2v9qv0m1a7c3hq2bd4ph8r1e@google.com"
    names = [person["name"] for person in interview["interviewers"]]
    assert "Dana Whitfield" in names and "Sam Okafor" not in names
    assert [step.label for step in workspace.undo_history.done] == [
        "added the interview from invite.ics"
    ]
    workspace.undo()
    assert "interviews" not in stored_records(data_dir)[0]


def test_confirming_a_new_application_saves_it_with_the_interview(data_dir: Path) -> None:
    workspace, _ = _workspace(data_dir)
    preview = _preview(GOOGLE, [])
    assert isinstance(preview, InvitePreview)
    done = preview.choose(NEW_APPLICATION, "Acme", "Product Designer").apply(workspace)
    assert done.saved == 1 and not done.failed
    [record] = stored_records(data_dir)
    assert (record["company"], record["role"]) == ("Acme", "Product Designer")
    assert record["interviews"][0]["calendar_uid"] == "5k2v9qv0m1a7c3hq2bd4ph8r1e@google.com"


def test_an_invitation_imported_meanwhile_is_not_added_twice(data_dir: Path) -> None:
    acme = sample_application("Acme", "Product Designer")
    workspace, saved = _workspace(data_dir, acme)
    preview = _preview(GOOGLE, saved)
    assert preview.apply(workspace).saved == 1
    done = preview.apply(workspace)  # the same preview confirmed again
    assert done.saved == 0
    assert done.message == "Already imported into Product Designer at Acme: nothing was added."
    assert len(stored_records(data_dir)[0]["interviews"]) == 1


def test_a_cancelling_invitation_already_imported_says_to_remove_it_by_hand(
    data_dir: Path,
) -> None:
    workspace, saved = _workspace(data_dir, sample_application("Acme", "Product Designer"))
    preview = _preview(GOOGLE, saved)
    assert preview.apply(workspace).saved == 1
    stored = [record.application for record in workspace.records.values()]
    cancelled = _preview(CANCELLED, stored)
    assert not cancelled.refused and cancelled.action == ""
    assert cancelled.lines()[-1] == (
        "Already imported into Product Designer at Acme: nothing to add. The invitation "
        "cancels the event: remove the interview if it is off."
    )


def test_an_application_deleted_since_the_preview_is_not_saved_and_says_why(
    data_dir: Path,
) -> None:
    workspace, saved = _workspace(data_dir, sample_application("Acme", "Product Designer"))
    preview = _preview(GOOGLE, saved)
    outcome, _ = workspace.delete(saved[0].id)
    assert outcome.ok
    done = preview.apply(workspace)
    assert done.failed and done.saved == 0
    assert done.message.startswith("invite.ics: not saved to Product Designer at Acme: ")
    assert stored_records(data_dir) == []
