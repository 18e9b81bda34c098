"""Ready-to-send drafts: the catalog and filling drafts in from the record."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import pytest

from postinterview.domain.checklist import load_checklist_catalog, parse_checklist_catalog
from postinterview.domain.drafts import Draft, greeting_name, render_draft
from postinterview.domain.drafts_catalog import (
    CONDITIONS,
    INTERVIEW_PLACEHOLDERS,
    OPTIONAL_PLACEHOLDERS,
    PLACEHOLDERS,
    DraftsCatalog,
    DraftsCatalogError,
    check_offered_drafts,
    load_drafts_catalog,
    parse_drafts_catalog,
    placeholders_in,
)
from postinterview.domain.editing import new_application
from postinterview.domain.interviews import add_interview, latest_interview
from postinterview.domain.models import Application, Channel, Contact, Interview, Referee
from postinterview.domain.settings import YouSettings
from tests.conftest import FIXED_NOW

# FIXED_NOW is Friday 20 November 2026, 15:30 UTC: the interview is that morning.
INTERVIEW_AT = FIXED_NOW.replace(hour=10, minute=0)
ANA = Contact(
    id="ana", name="Ana Ruiz", title="Engineering Manager", email="ana@acme.test", phone="0123"
)
BEN = Contact(id="ben", name="Ben O'Neil", title="Staff Engineer")
DANA = Referee(id="dana", name="Dana Mentor", email="dana@old.test")
SAM = YouSettings(name=" Sam  Lee ", sign_off="Best wishes,")
CATALOG = load_drafts_catalog()
KINDS = [draft.id for draft in CATALOG.drafts]
WITHOUT_INTERVIEW = [draft.id for draft in CATALOG.drafts if not draft.needs_interview]


def minimal_application() -> Application:
    """Only what an application must have, and an interview with nothing but its time."""
    application = new_application("Acme Robotics", "Backend Engineer", FIXED_NOW)
    return add_interview(application, "i1", INTERVIEW_AT, FIXED_NOW)


def full_application() -> Application:
    application = new_application(
        "Acme Robotics",
        "Backend Engineer",
        FIXED_NOW,
        recruiter={"name": "Gus Park"},
        referees=[DANA.model_dump()],
        applied_on=date(2026, 11, 2),
    )
    return add_interview(
        application,
        "i1",
        INTERVIEW_AT,
        FIXED_NOW,
        kind="technical",
        format="video",
        interviewers=[ANA.model_dump(), BEN.model_dump()],
        decision_expected_on=date(2026, 11, 27),
        promised_to_send="My notice period.",
        reflection={
            "interested_them": "The route-planning  side project\nI built.",
            "interested_them_by_person": {
                "ana": "How I would run the on-call rota.",
                "ben": "the Rust rewrite of our parser",
            },
            "forgot_to_say": "I mentor two junior engineers.",
        },
    )


def never_interviewed() -> Application:
    return new_application("Globex", "Data Analyst", FIXED_NOW, applied_on=date(2026, 10, 30))


def interview_of(application: Application) -> Interview:
    interview = latest_interview(application)
    assert interview is not None
    return interview


def render(
    kind: str, application: Application, person: Contact | None = None, you: YouSettings = SAM
) -> Draft:
    return render_draft(CATALOG, kind, application, latest_interview(application), person, you)


def assert_clean(draft: Draft) -> None:
    """No gaps, no leftovers, no blanks, no stray white space, whatever the record held."""
    for text in (draft.title, draft.subject, draft.body, *draft.reminders, *draft.optional):
        assert "{" not in text and "}" not in text, text
        assert "[" not in text and "]" not in text, text
        assert "None" not in text, text
        assert "  " not in text, text
        assert all(line == line.rstrip() for line in text.split("\n")), text
    assert "\n\n\n" not in draft.body
    assert draft.body == draft.body.strip()
    assert draft.title and draft.reminders
    assert all("\n" not in text for text in (draft.title, draft.subject, *draft.reminders))


# --- The catalog -------------------------------------------------------------------------------


def test_the_catalog_has_a_draft_for_every_moment_the_plan_names() -> None:
    assert load_drafts_catalog() is CATALOG
    assert set(KINDS) >= {
        "thank-you",
        "send-promised",
        "follow-up-email",
        "follow-up-call",
        "feedback-request",
        "thank-referee",
        "accept-offer",
        "decline-offer",
    }
    assert len(set(KINDS)) == len(KINDS)
    assert CATALOG.for_quiet == ["follow-up-email", "follow-up-call"]
    assert set(CATALOG.for_quiet) <= set(WITHOUT_INTERVIEW)


def test_every_placeholder_and_condition_in_the_catalog_is_known() -> None:
    for draft in CATALOG.drafts:
        for line in draft.lines():
            assert set(placeholders_in(line.text)) <= PLACEHOLDERS, line.text
            leftover = re.sub(r"\{[a-z_]+\}", "", line.text)
            assert "{" not in leftover and "}" not in leftover, line.text
            assert set(line.when) | set(line.unless) <= CONDITIONS
            may_be_missing = OPTIONAL_PLACEHOLDERS
            if not draft.needs_interview:
                may_be_missing |= INTERVIEW_PLACEHOLDERS
            for name in placeholders_in(line.text):
                assert name not in may_be_missing or name in line.when, line.text


def test_emails_have_a_subject_and_calls_do_not() -> None:
    for draft in CATALOG.drafts:
        assert (draft.subject is None) == (draft.channel == "phone"), draft.id


def test_every_draft_cites_known_seed_articles() -> None:
    for draft in CATALOG.drafts:
        assert set(draft.sources) <= set(CATALOG.sources)


def test_the_checklist_offers_only_drafts_the_catalog_has() -> None:
    offered = {kind for item in load_checklist_catalog().items for kind in item.drafts}
    assert offered <= set(KINDS)
    assert {"thank-you", "send-promised", "feedback-request", "thank-referee"} <= offered
    text = (
        'version = 1\n[sources]\n"a.txt" = "An article"\n[[items]]\nid = "x"\n'
        'phase = "same_day"\nkind = "do"\nin_plan = true\ndrafts = ["cover-letter"]\n'
        'text = "Do it."\nwhy = "Because."\nsources = ["a.txt"]\n'
    )
    with pytest.raises(DraftsCatalogError, match="x offers 'cover-letter'"):
        check_offered_drafts(parse_checklist_catalog(text), CATALOG)
    with pytest.raises(ValueError, match="only an item in the plan offers drafts"):
        parse_checklist_catalog(text.replace("in_plan = true\n", ""))


VALID_DRAFT = """
[[drafts]]
id = "ID"
channel = "email"
to = "contact"
NEEDS
title = "A title"
subject = "About {role}"
body = [BODY]
reminders = ["Keep it short."]
sources = ["a.txt"]
"""


def catalog_text(body: str = '"Dear {greeting_name},"', needs: str = "", quiet: str = "a") -> str:
    """A small catalog of drafts 'a' and 'b'; `body` goes in the first."""
    parts = [f'version = 1\nfor_quiet = ["{quiet}"]\n[sources]\n"a.txt" = "An article"']
    for kind, text in (("a", body), ("b", '"Hello."')):
        draft = VALID_DRAFT.replace("ID", kind).replace("BODY", text)
        parts.append(draft.replace("NEEDS", needs if kind == "a" else ""))
    return "\n".join(parts)


def test_a_small_valid_catalog_parses() -> None:
    catalog = parse_drafts_catalog(catalog_text())
    assert isinstance(catalog, DraftsCatalog) and [d.id for d in catalog.drafts] == ["a", "b"]


@pytest.mark.parametrize(
    "body, message",
    [
        ('"Dear {name},"', "unknown placeholder {name}"),
        ('"About {interested_them}."', "add it to `when`"),
        ('"From {your_name}."', "add it to `when`"),
        ('{ text = "Hi", when = ["mood"] }', "unknown condition 'mood'"),
        ('"Dear {greeting_name},"', None),
        ('"On {interview_date}."', None),
        ('"Dear {greeting_name,"', "braces are only for placeholders"),
        ('"Dear greeting_name},"', "braces are only for placeholders"),
        ('"Because [reason]."', "square brackets"),
        ('"Yours, [Your name]"', "square brackets"),
        ('"Two  spaces."', "double spaces"),
        ('{ text = "Hi", when = ["decision_date"], unless = ["decision_date"] }', "both"),
        ('{ text = "By {decision_date}.", when = ["decision_date"] }', None),
        ('"Hi", ["{sign_off},", { text = "{your_name}", when = ["your_name"] }]', None),
    ],
)
def test_catalog_mistakes_are_reported_with_their_place(body: str, message: str | None) -> None:
    text = catalog_text(body)
    if message is None:
        parse_drafts_catalog(text)
        return
    with pytest.raises(DraftsCatalogError) as raised:
        parse_drafts_catalog(text, "test.toml")
    report = str(raised.value)
    assert "test.toml" in report and message in report
    assert "drafts[0] (id 'a').body[0]" in report


def test_a_draft_written_without_an_interview_must_guard_the_interview_facts() -> None:
    needs = "needs_interview = false"
    with pytest.raises(DraftsCatalogError, match="a draft without an interview lacks"):
        parse_drafts_catalog(catalog_text('"On {interview_date}."', needs))
    guarded = '{ text = "On {interview_date}.", when = ["interview_date"] }'
    parse_drafts_catalog(catalog_text(guarded, needs))


def test_catalog_shape_mistakes_are_reported() -> None:
    cases = {
        "twice": catalog_text().replace('id = "b"', 'id = "a"'),
        "quiet": catalog_text(quiet="c"),
        "typo-key": catalog_text().replace('title = "A title"', 'titel = "A title"', 1),
        "no-to": catalog_text().replace('to = "contact"\n', "", 1),
        "bad-to": catalog_text().replace('to = "contact"', 'to = "boss"', 1),
        "call-subject": catalog_text().replace('channel = "email"', 'channel = "phone"', 1),
        "conditional-last-title": catalog_text().replace(
            'title = "A title"', 'title = { text = "{person_name}", when = ["person_name"] }', 1
        ),
        "not-toml": "version = [",
    }
    expected = {
        "twice": "draft a is defined twice",
        "quiet": "for_quiet names unknown drafts: c",
        "typo-key": "titel",
        "no-to": "to",
        "bad-to": "'interviewer', 'panel', 'contact' or 'referee'",
        "call-subject": "a phone draft has no subject",
        "conditional-last-title": "the last choice must have no conditions",
        "not-toml": "not valid TOML",
    }
    for case, text in cases.items():
        with pytest.raises(DraftsCatalogError, match=re.escape(expected[case])):
            parse_drafts_catalog(text)


# --- Rendering every draft ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_each_draft_reads_cleanly_with_a_minimal_record(kind: str) -> None:
    draft = render(kind, minimal_application(), you=YouSettings())
    assert_clean(draft)
    assert draft.kind == kind
    assert "Acme Robotics" in draft.body or "Acme Robotics" in draft.subject
    assert "Backend Engineer" in draft.body + draft.subject
    assert draft.to == ""
    if draft.channel == Channel.EMAIL:
        assert draft.body.endswith("Kind regards,")  # no name given: the sign-off alone
        assert "Add your name under the sign-off." in draft.reminders


@pytest.mark.parametrize("kind", KINDS)
def test_each_draft_uses_the_full_record_and_is_signed(kind: str) -> None:
    person = DANA if kind == "thank-referee" else ANA
    draft = render(kind, full_application(), person)
    assert_clean(draft)
    assert "Acme Robotics" in draft.text and "Backend Engineer" in draft.text
    assert "Ana Ruiz" in draft.title or kind == "thank-referee"
    assert "Sam Lee" in draft.body
    assert not any("your name" in reminder.lower() for reminder in draft.reminders)
    if draft.channel == Channel.EMAIL:
        assert draft.body.endswith("Best wishes,\nSam Lee")


@pytest.mark.parametrize("kind", WITHOUT_INTERVIEW)
def test_drafts_that_need_no_interview_read_cleanly_without_one(kind: str) -> None:
    application = never_interviewed()
    draft = render_draft(CATALOG, kind, application, None, None, SAM)
    assert_clean(draft)
    assert "interview" not in draft.body.lower().replace("interviewer", "")


def test_a_draft_about_an_interview_is_refused_without_one() -> None:
    with pytest.raises(ValueError, match="there is none"):
        render_draft(CATALOG, "thank-you", never_interviewed(), None)
    with pytest.raises(KeyError):
        render_draft(CATALOG, "cover-letter", minimal_application(), None)


def test_there_is_no_blank_to_fill_in_anywhere() -> None:
    for application in (minimal_application(), full_application()):
        for kind in KINDS:
            for you in (YouSettings(), SAM):
                draft = render(kind, application, None, you)
                assert "[Your name]" not in draft.text and "[" not in draft.text


# --- The thank-you note ------------------------------------------------------------------------


def test_two_interviewers_get_notes_about_what_interested_each() -> None:
    application = full_application()
    to_ana = render("thank-you", application, ANA)
    to_ben = render("thank-you", application, BEN)
    assert "our conversation about how I would run the on-call rota." in to_ana.body
    assert "our conversation about the Rust rewrite of our parser." in to_ben.body
    # More than the greeting differs.
    assert to_ana.body.replace("Dear Ana,", "") != to_ben.body.replace("Dear Ben,", "")
    assert to_ana.to == "ana@acme.test" and to_ben.to == ""


def test_without_a_line_for_them_the_note_uses_what_interested_them_all() -> None:
    application = full_application()
    interview = interview_of(application)
    only_ana = interview.reflection.revised(interested_them_by_person={"ana": "Rotas"})
    application = application.revised(interviews=[interview.revised(reflection=only_ana)])
    to_ben = render("thank-you", application, BEN)
    assert "about the route-planning side project I built." in to_ben.body
    assert "about rotas." not in to_ben.body


def test_what_you_forgot_is_offered_as_a_line_to_add_with_the_disagreement_beside_it() -> None:
    draft = render("thank-you", full_application(), ANA)
    assert "mentor" not in draft.body  # never put in the note itself
    assert draft.optional == (
        "One thing I would add to our conversation: I mentor two junior engineers.",
    )
    assert any("never to write that you forgot" in line for line in draft.note)
    assert any("brief addition" in line for line in draft.note)
    bare = render("thank-you", minimal_application())
    assert bare.optional == ()
    assert any("never to write that you forgot" in line for line in bare.note)


def test_the_thank_you_greets_the_interviewer_by_first_name_and_stays_short() -> None:
    draft = render("thank-you", full_application(), ANA)
    assert draft.body.startswith("Dear Ana,\n\n")
    assert draft.subject == "Thank you for your time on Friday 20 November"
    assert draft.channel == Channel.EMAIL
    assert draft.text.startswith(f"Subject: {draft.subject}\n\n{draft.body[:10]}")
    assert 80 <= len(draft.body.split()) <= 120
    assert "my notice period" in draft.body
    assert any("my notice period" in reminder for reminder in draft.reminders)
    minimal = render("thank-you", minimal_application())
    assert minimal.body.startswith("Dear Hiring team,\n\n")
    assert 50 <= len(minimal.body.split()) <= 120
    assert "enjoyed our conversation" not in minimal.body and "promised" not in minimal.body


# --- The other moments -------------------------------------------------------------------------


def test_what_was_promised_is_named_and_the_others_are_copied_in() -> None:
    draft = render("send-promised", full_application(), ANA)
    assert draft.title == "What you promised, to Ana Ruiz"
    assert draft.subject == "As promised: my notice period"
    assert "here is what I said I would send: my notice period." in draft.body
    assert "Attach or write in my notice period before you send it." in draft.reminders
    assert "Copy in Ben O'Neil if they heard the promise too." in draft.reminders
    assert draft.to == "ana@acme.test"


def test_a_referee_is_thanked_by_name_for_this_application() -> None:
    draft = render("thank-referee", full_application(), DANA)
    assert draft.title == "Thank-you to Dana Mentor"
    assert draft.body.startswith("Dear Dana,\n\n")
    assert "to Acme Robotics about the Backend Engineer role" in draft.body
    assert draft.to == "dana@old.test"
    nobody = render("thank-referee", full_application(), None)
    assert nobody.body.startswith("Hello,\n\n")


def test_the_follow_up_email_adapts_to_the_interview_and_the_date_they_gave() -> None:
    dated = render("follow-up-email", full_application(), ANA)
    assert "I had my technical interview for the Backend Engineer role" in dated.body
    assert "decision was expected by Friday 27 November" in dated.body
    assert any("once Friday 27 November has passed" in r for r in dated.reminders)
    undated = render("follow-up-email", minimal_application())
    assert "expected by" not in undated.body
    assert any("about a week" in r for r in undated.reminders)
    quiet = render_draft(CATALOG, "follow-up-email", never_interviewed(), None, None, SAM)
    assert quiet.subject == "My application for the Data Analyst role"
    assert "I applied for the Data Analyst role at Globex on Friday 30 October" in quiet.body
    assert any("gone quiet since you applied" in r for r in quiet.reminders)
    undated_quiet = never_interviewed().revised(applied_on=None)
    quiet = render_draft(CATALOG, "follow-up-email", undated_quiet, None, None, SAM)
    assert "a while ago" in quiet.body


def test_the_call_script_lists_what_to_have_ready() -> None:
    draft = render("follow-up-call", full_application(), ANA)
    assert draft.subject == "" and draft.text == draft.body
    assert draft.channel == Channel.PHONE and draft.to == "0123"
    assert "- Your name: Sam Lee" in draft.body
    assert "- The role: Backend Engineer at Acme Robotics" in draft.body
    assert "- Your technical interview: Friday 20 November" in draft.body
    assert "- Who you met: Ana Ruiz and Ben O'Neil" in draft.body
    assert "Ask for Ana Ruiz, Engineering Manager." in draft.body
    assert "Hello Ana, this is Sam Lee." in draft.body
    quiet = render_draft(CATALOG, "follow-up-call", never_interviewed(), None)
    assert "- When you applied: Friday 30 October" in quiet.body
    assert "Hello, I am calling about the Data Analyst role." in quiet.body
    assert "I am calling to ask where my application stands." in quiet.body
    assert "Give your full name when they pick up." in quiet.reminders


def test_a_feedback_request_asks_about_the_interview_or_the_application() -> None:
    draft = render("feedback-request", full_application(), ANA)
    assert draft.subject == "Feedback on my application for the Backend Engineer role"
    assert "your decision about the Backend Engineer role at Acme Robotics" in draft.body
    assert "feedback on my technical interview on Friday 20 November" in draft.body
    without = render_draft(CATALOG, "feedback-request", never_interviewed(), None)
    assert "feedback on my application" in without.body
    assert "Dear Hiring team," in without.body


def test_an_offer_is_accepted_or_declined_warmly() -> None:
    application = full_application()
    accept = render("accept-offer", application, application.recruiter)
    assert accept.title == "Accept the offer: to Gus Park"
    assert "offering me the Backend Engineer role at Acme Robotics. I am delighted to accept." in (
        accept.body
    )
    assert "pass my thanks to Ana Ruiz and Ben O'Neil" in accept.body
    decline = render("decline-offer", application, application.recruiter)
    assert decline.title == "Decline the offer: to Gus Park"
    assert "I have decided not to accept" in decline.body
    assert "meeting Ana Ruiz and Ben O'Neil" in decline.body
    assert "delighted" not in decline.body and "not to accept" not in accept.body
    assert any("counteroffer" in reminder for reminder in decline.reminders)


# --- Details -----------------------------------------------------------------------------------


def test_the_sign_off_is_the_persons_own() -> None:
    application = minimal_application()
    cheers = render("thank-you", application, None, YouSettings(name="Sam", sign_off=" Cheers "))
    assert cheers.body.endswith("Cheers,\nSam")
    blank = render("thank-you", application, None, YouSettings(name="Sam", sign_off=" , "))
    assert blank.body.endswith("Kind regards,\nSam")


def test_values_are_inserted_literally_even_with_braces() -> None:
    application = new_application("Acme {role}", "Engineer {x}", FIXED_NOW)
    application = add_interview(application, "i1", INTERVIEW_AT, FIXED_NOW)
    draft = render("thank-you", application, Contact(name="Zoë {greeting_name}"))
    assert "Acme {role}" in draft.body and "Engineer {x}" in draft.body
    assert draft.body.startswith("Dear Zoë,")


def test_the_interview_date_is_its_own_local_day() -> None:
    # 23:30 on Friday in UTC-8 is already Saturday in UTC: the note says Friday.
    late = datetime(2026, 11, 20, 23, 30, tzinfo=timezone(timedelta(hours=-8)))
    application = add_interview(
        new_application("Acme", "Engineer", FIXED_NOW), "i1", late, FIXED_NOW
    )
    assert "on Friday 20 November" in render("thank-you", application).body


@pytest.mark.parametrize(
    "name, greeting",
    [
        ("Ana Ruiz", "Ana"),
        ("Dr. Ana Ruiz", "Ana"),
        ("Prof Li", "Li"),
        ("Dr", "Dr"),
        ("李雷", "李雷"),
    ],
)
def test_greeting_name(name: str, greeting: str) -> None:
    assert greeting_name(Contact(name=name)) == greeting
    assert greeting_name(None) == "Hiring team"


def test_rendering_is_deterministic() -> None:
    application = full_application()
    for kind in KINDS:
        first = render(kind, application, BEN)
        assert render(kind, application, BEN) == first
        assert render(kind, application.model_copy(deep=True), BEN) == first
