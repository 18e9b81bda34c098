"""Which drafts fit which moment: data on the checklist items, addressed from the record."""

from __future__ import annotations

from datetime import datetime, timedelta

from postinterview.domain.checklist import load_checklist_catalog
from postinterview.domain.draft_offers import (
    DraftOffer,
    offers_for_action,
    offers_for_quiet,
    render_offer,
)
from postinterview.domain.drafts_catalog import load_drafts_catalog
from postinterview.domain.editing import move_stage, new_application
from postinterview.domain.interviews import add_interview
from postinterview.domain.models import Application, Contact
from postinterview.domain.plan import PlannedAction, plan_for
from postinterview.domain.settings import YouSettings
from postinterview.domain.stages import Stage
from tests.conftest import FIXED_NOW
from tests.test_drafts import ANA, BEN, DANA, INTERVIEW_AT, full_application, minimal_application

CATALOG = load_drafts_catalog()
CHECKLIST = load_checklist_catalog()
LATER = FIXED_NOW + timedelta(days=10)


def actions_by_item(application: Application, now: datetime) -> dict[str, list[PlannedAction]]:
    found: dict[str, list[PlannedAction]] = {}
    for action in plan_for(application, now):
        found.setdefault(action.item_id, []).append(action)
    return found


def offered(action: PlannedAction, application: Application) -> list[tuple[str, Contact | None]]:
    return [
        (offer.kind, offer.person)
        for offer in offers_for_action(action, application, CHECKLIST, CATALOG)
    ]


def test_a_thank_you_action_offers_a_note_to_its_interviewer() -> None:
    application = full_application()
    thanks = actions_by_item(application, FIXED_NOW)["thank-you"]
    assert [offered(action, application) for action in thanks] == [
        [("thank-you", ANA)],
        [("thank-you", BEN)],
    ]


def test_namesakes_each_get_their_own_note() -> None:
    first = Contact(name="Sam Lee", email="sam1@acme.test")
    second = Contact(name="Sam Lee", email="sam2@acme.test")
    application = add_interview(
        new_application("Acme", "Engineer", FIXED_NOW),
        "i1",
        INTERVIEW_AT,
        FIXED_NOW,
        interviewers=[first.model_dump(), second.model_dump()],
    )
    thanks = actions_by_item(application, FIXED_NOW)["thank-you"]
    assert [offered(action, application)[0][1] for action in thanks] == [first, second]


def test_a_thank_you_without_names_offers_one_note_to_the_hiring_team() -> None:
    application = minimal_application()
    (action,) = actions_by_item(application, FIXED_NOW)["thank-you"]
    assert offered(action, application) == [("thank-you", None)]


def test_a_follow_up_offers_an_email_and_a_call_to_the_follow_up_contact() -> None:
    with_recruiter = full_application()
    (action,) = actions_by_item(with_recruiter, LATER)["follow-up"]
    recruiter = with_recruiter.recruiter
    assert offered(action, with_recruiter) == [
        ("follow-up-email", recruiter),
        ("follow-up-call", recruiter),
    ]
    direct = full_application().revised(recruiter=None)
    (action,) = actions_by_item(direct, LATER)["follow-up"]
    assert offered(action, direct) == [("follow-up-email", ANA), ("follow-up-call", ANA)]
    nobody = minimal_application()
    (action,) = actions_by_item(nobody, LATER)["follow-up"]
    assert [person for _, person in offered(action, nobody)] == [None, None]


def test_sending_what_you_promised_offers_a_note_naming_it() -> None:
    application = full_application().revised(recruiter=None)
    (action,) = actions_by_item(application, FIXED_NOW)["send-what-you-promised"]
    assert offered(action, application) == [("send-promised", ANA)]
    (offer,) = offers_for_action(action, application, CHECKLIST, CATALOG)
    draft = render_offer(CATALOG, offer, application, YouSettings(name="Sam"))
    assert "my notice period" in draft.subject and "Ana" in draft.body


def test_what_you_promised_goes_to_the_interviewers_the_action_names_not_the_recruiter() -> None:
    application = full_application()
    assert application.recruiter is not None
    (action,) = actions_by_item(application, FIXED_NOW)["send-what-you-promised"]
    assert "Ana" in action.text
    assert offered(action, application) == [("send-promised", ANA)]
    no_interviewers = [i.revised(interviewers=[]) for i in application.interviews]
    nobody_met = application.revised(interviews=no_interviewers)
    (action,) = actions_by_item(nobody_met, FIXED_NOW)["send-what-you-promised"]
    assert offered(action, nobody_met) == [("send-promised", application.recruiter)]


def test_each_referee_gets_a_thank_you_of_their_own() -> None:
    second = DANA.model_copy(update={"id": "lee", "name": "Lee Park"})
    application = full_application()
    application = application.revised(referees=[*application.model_dump()["referees"], second])
    (action,) = actions_by_item(application, LATER)["thank-your-referees"]
    assert [
        (kind, person.name if person else None) for kind, person in offered(action, application)
    ] == [
        ("thank-referee", "Dana Mentor"),
        ("thank-referee", "Lee Park"),
    ]


def test_after_a_rejection_the_feedback_request_goes_to_the_follow_up_contact() -> None:
    application = move_stage(full_application(), Stage.REJECTED, LATER)
    actions = actions_by_item(application, LATER)
    (action,) = actions["ask-for-feedback"]
    assert offered(action, application) == [("feedback-request", application.recruiter)]


def test_actions_that_are_not_a_message_offer_no_draft() -> None:
    application = full_application()
    actions = actions_by_item(application, FIXED_NOW)
    for item_id in ("warn-your-referees", "call-your-recruiter"):
        assert all(offered(action, application) == [] for action in actions[item_id])


def test_a_quiet_application_gets_a_follow_up_with_or_without_an_interview() -> None:
    quiet = new_application("Globex", "Data Analyst", FIXED_NOW - timedelta(days=25))
    assert offers_for_quiet(quiet, CATALOG, LATER) == [
        DraftOffer("follow-up-email", None, None),
        DraftOffer("follow-up-call", None, None),
    ]
    interviewed = full_application()
    kinds = [
        (o.kind, o.interview is not None) for o in offers_for_quiet(interviewed, CATALOG, LATER)
    ]
    assert kinds == [("follow-up-email", True), ("follow-up-call", True)]


def test_every_offered_draft_renders_cleanly() -> None:
    for application in (minimal_application(), full_application()):
        for stage in (application.stage, Stage.REJECTED):
            moved = (
                application if stage == application.stage else move_stage(application, stage, LATER)
            )
            for now in (FIXED_NOW, LATER):
                for action in plan_for(moved, now):
                    for offer in offers_for_action(action, moved, CHECKLIST, CATALOG):
                        draft = render_offer(CATALOG, offer, moved, None)
                        assert draft.body and "{" not in draft.text and "[" not in draft.text


def test_a_quiet_follow_up_is_about_the_interview_held_not_one_still_to_come() -> None:
    application = full_application()
    booked = add_interview(application, "i2", LATER + timedelta(days=3), LATER)
    (email, _) = offers_for_quiet(booked, CATALOG, LATER)
    assert email.interview is not None and email.interview.id == "i1"
    only_booked = add_interview(
        new_application("Globex", "Analyst", FIXED_NOW), "i1", LATER + timedelta(days=3), LATER
    )
    assert offers_for_quiet(only_booked, CATALOG, LATER)[0].interview is None
