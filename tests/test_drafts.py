"""Ready-to-send drafts: the catalog, filling drafts in, and which drafts fit a planned action."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import pytest

from postinterview.domain.drafts import (
    CONDITIONS,
    DEFAULT_YOUR_NAME,
    OPTIONAL_PLACEHOLDERS,
    PLACEHOLDERS,
    Draft,
    DraftKind,
    DraftsCatalogError,
    date_in_words,
    drafts_for_action,
    greeting_name,
    load_drafts_catalog,
    parse_drafts_catalog,
    placeholders_in,
    render_draft,
)
from postinterview.domain.editing import new_application
from postinterview.domain.interviews import add_interview, latest_interview
from postinterview.domain.models import Application, Channel, Contact, Interview
from postinterview.domain.plan import PlannedAction, plan_for
from tests.conftest import FIXED_NOW

# FIXED_NOW is Friday 20 November 2026, 15:30 UTC: the interview is that morning.
INTERVIEW_AT = FIXED_NOW.replace(hour=10, minute=0)
ANA = Contact(name="Ana Ruiz", title="Engineering Manager", email="ana@acme.test", phone="0123")
BEN = Contact(name="Ben O'Neil", title="Staff Engineer")
KINDS = list(DraftKind)


def minimal_application() -> Application:
    """Only what an application must have, and an interview with nothing but its time."""
    application = new_application("Acme Robotics", "Backend Engineer", FIXED_NOW)
    return add_interview(application, "i1", INTERVIEW_AT, FIXED_NOW)


def full_application() -> Application:
    application = new_application(
        "Acme Robotics", "Backend Engineer", FIXED_NOW, recruiter={"name": "Gus Park"}
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
        reflection={"interested_them": "The route-planning  side project\nI built."},
    )


def interview_of(application: Application) -> Interview:
    interview = latest_interview(application)
    assert interview is not None
    return interview


def render(kind: str, application: Application, person: Contact | None = None) -> Draft:
    return render_draft(kind, application, interview_of(application), person)


def assert_clean(draft: Draft) -> None:
    """No gaps, no leftovers, no stray white space, whatever the record held."""
    for text in (draft.title, draft.subject, draft.body, *draft.reminders):
        assert "{" not in text and "}" not in text, text
        assert "None" not in text, text
        assert "  " not in text, text
        assert all(line == line.rstrip() for line in text.split("\n")), text
    assert "\n\n\n" not in draft.body
    assert draft.body == draft.body.strip()
    assert draft.title and draft.reminders
    assert all("\n" not in text for text in (draft.title, draft.subject, *draft.reminders))


# --- The catalog -------------------------------------------------------------------------------


def test_catalog_loads_once_with_one_unique_draft_per_kind() -> None:
    catalog = load_drafts_catalog()
    assert load_drafts_catalog() is catalog
    ids = [draft.id for draft in catalog.drafts]
    assert sorted(ids) == sorted(KINDS)
    assert len(set(ids)) == len(ids)


def test_every_placeholder_and_condition_in_the_catalog_is_known() -> None:
    for line in load_drafts_catalog().lines():
        assert set(placeholders_in(line.text)) <= PLACEHOLDERS, line.text
        leftover = re.sub(r"\{[a-z_]+\}", "", line.text)
        assert "{" not in leftover and "}" not in leftover, line.text
        assert set(line.when) | set(line.unless) <= CONDITIONS
        # An optional fact is only used where the line is conditional on it.
        for name in placeholders_in(line.text):
            assert name not in OPTIONAL_PLACEHOLDERS or name in line.when, line.text


def test_emails_have_a_subject_and_calls_do_not() -> None:
    catalog = load_drafts_catalog()
    assert catalog.template(DraftKind.THANK_YOU).subject is not None
    assert catalog.template(DraftKind.FOLLOW_UP_EMAIL).subject is not None
    assert catalog.template(DraftKind.FOLLOW_UP_CALL).subject is None


def test_every_draft_cites_known_seed_articles() -> None:
    catalog = load_drafts_catalog()
    for draft in catalog.drafts:
        assert set(draft.sources) <= set(catalog.sources)


VALID_DRAFT = """
[[drafts]]
id = "ID"
channel = "CHANNEL"
title = "A title"
SUBJECT
body = [BODY]
reminders = ["Keep it short."]
sources = ["a.txt"]
"""


def draft_text(kind: DraftKind, body: str = '"Dear {greeting_name},"', subject: str = "") -> str:
    channel = "phone" if kind == DraftKind.FOLLOW_UP_CALL else "email"
    if not subject and channel == "email":
        subject = 'subject = "About {role}"'
    return (
        VALID_DRAFT.replace("ID", kind.value)
        .replace("CHANNEL", channel)
        .replace("SUBJECT", subject)
        .replace("BODY", body)
    )


def catalog_text(body: str = '"Dear {greeting_name},"', **overrides: str) -> str:
    """A small catalog: `body` goes in the first draft, `overrides` replace whole drafts."""
    parts = ['version = 1\n[sources]\n"a.txt" = "An article"']
    for kind in KINDS:
        text = draft_text(kind, body if kind == KINDS[0] else '"Hello."')
        parts.append(overrides.get(kind.name, text))
    return "\n".join(parts)


def test_a_small_valid_catalog_parses() -> None:
    catalog = parse_drafts_catalog(catalog_text())
    assert len(catalog.drafts) == len(KINDS)


@pytest.mark.parametrize(
    "body, message",
    [
        ('"Dear {name},"', "unknown placeholder {name}"),
        ('"About {interested_them}."', "add it to `when`"),
        ('{ text = "Hi", when = ["mood"] }', "unknown condition 'mood'"),
        ('"Dear {greeting_name},"', None),
        ('"Dear {greeting_name,"', "braces are only for placeholders"),
        ('"Dear greeting_name},"', "braces are only for placeholders"),
        ('"Because [reason]."', "square brackets"),
        ('"Two  spaces."', "double spaces"),
        ('{ text = "Hi", when = ["decision_date"], unless = ["decision_date"] }', "both"),
        ('{ text = "By {decision_date}.", when = ["decision_date"] }', None),
        ('"Hi", ["Kind regards,", "{your_name}"]', None),
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
    assert "drafts[0] (id 'thank-you').body[0]" in report


def test_catalog_shape_mistakes_are_reported() -> None:
    call = DraftKind.FOLLOW_UP_CALL.name
    cases = {
        "no-call": catalog_text(**{call: ""}),
        "call-subject": catalog_text(
            **{call: draft_text(DraftKind.FOLLOW_UP_CALL, subject='subject = "x"')}
        ),
        "typo-key": catalog_text().replace('title = "A title"', 'titel = "A title"', 1),
        "conditional-last-title": catalog_text().replace(
            'title = "A title"', 'title = { text = "{person_name}", when = ["person_name"] }', 1
        ),
        "not-toml": "version = [",
    }
    expected = {
        "no-call": "no draft for follow-up-call",
        "call-subject": "a phone draft has no subject",
        "typo-key": "titel",
        "conditional-last-title": "the last choice must have no conditions",
        "not-toml": "not valid TOML",
    }
    for case, text in cases.items():
        with pytest.raises(DraftsCatalogError, match=re.escape(expected[case])):
            parse_drafts_catalog(text)


# --- Rendering ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_reads_cleanly_with_a_minimal_record(kind: DraftKind) -> None:
    draft = render(kind, minimal_application())
    assert_clean(draft)
    assert draft.kind == kind
    assert "Acme Robotics" in draft.body and "Backend Engineer" in draft.body
    assert "Friday 20 November" in draft.body
    assert DEFAULT_YOUR_NAME in draft.body
    assert any(DEFAULT_YOUR_NAME in reminder for reminder in draft.reminders)
    assert draft.to == ""


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_uses_the_full_record(kind: DraftKind) -> None:
    draft = render(kind, full_application(), ANA)
    assert_clean(draft)
    assert "Acme Robotics" in draft.body and "Backend Engineer" in draft.body
    assert "Friday 20 November" in draft.body
    assert "Ana" in draft.body and "Ana Ruiz" in draft.title
    if kind == DraftKind.THANK_YOU:
        assert "the route-planning side project I built." in draft.body
        assert "my notice period" in draft.body
        assert any("my notice period" in reminder for reminder in draft.reminders)
    else:
        assert "Friday 27 November" in draft.body  # the date they said they would decide
        assert "technical interview" in draft.body


def test_the_thank_you_greets_the_interviewer_by_first_name_and_stays_short() -> None:
    draft = render(DraftKind.THANK_YOU, full_application(), ANA)
    assert draft.body.startswith("Dear Ana,\n\n")
    assert draft.subject == "Thank you for your time on Friday 20 November"
    assert draft.channel == Channel.EMAIL and draft.to == "ana@acme.test"
    assert draft.text.startswith(f"Subject: {draft.subject}\n\n{draft.body[:10]}")
    assert 80 <= len(draft.body.split()) <= 120
    minimal = render(DraftKind.THANK_YOU, minimal_application())
    assert minimal.body.startswith("Dear Hiring team,\n\n")
    assert 60 <= len(minimal.body.split()) <= 120
    assert "interested" not in minimal.body and "promised" not in minimal.body


def test_the_call_script_lists_what_to_have_ready() -> None:
    draft = render(DraftKind.FOLLOW_UP_CALL, full_application(), ANA)
    assert draft.subject == "" and draft.text == draft.body
    assert draft.channel == Channel.PHONE and draft.to == "0123"
    assert "- Your name: [Your name]" in draft.body
    assert "- The role: Backend Engineer at Acme Robotics" in draft.body
    assert "- Your technical interview: Friday 20 November" in draft.body
    assert "- Who you met: Ana Ruiz and Ben O'Neil" in draft.body
    assert "Ask for Ana Ruiz, Engineering Manager." in draft.body
    assert "Hello Ana, this is [Your name]." in draft.body


def test_the_follow_up_email_adapts_to_whether_a_date_was_given() -> None:
    dated = render(DraftKind.FOLLOW_UP_EMAIL, full_application(), ANA)
    assert "decision was expected by Friday 27 November" in dated.body
    assert any("once Friday 27 November has passed" in r for r in dated.reminders)
    undated = render(DraftKind.FOLLOW_UP_EMAIL, minimal_application())
    assert "expected by" not in undated.body
    assert any("about a week" in r for r in undated.reminders)


def test_your_name_signs_the_draft_and_drops_the_reminder() -> None:
    application = minimal_application()
    for kind in KINDS:
        draft = render_draft(kind, application, interview_of(application), your_name=" Sam  Lee ")
        assert "Sam Lee" in draft.body and DEFAULT_YOUR_NAME not in draft.body
        assert not any(DEFAULT_YOUR_NAME in reminder for reminder in draft.reminders)
        blank = render_draft(kind, application, interview_of(application), your_name="  ")
        assert DEFAULT_YOUR_NAME in blank.body


def test_values_are_inserted_literally_even_with_braces() -> None:
    application = new_application("Acme {role}", "Engineer {x}", FIXED_NOW)
    application = add_interview(application, "i1", INTERVIEW_AT, FIXED_NOW)
    draft = render(DraftKind.THANK_YOU, application, Contact(name="Zoë {greeting_name}"))
    assert "Acme {role}" in draft.body and "Engineer {x}" in draft.body
    assert draft.body.startswith("Dear Zoë,")


def test_the_interview_date_is_its_own_local_day() -> None:
    # 23:30 on Friday in UTC-8 is already Saturday in UTC: the note says Friday.
    late = datetime(2026, 11, 20, 23, 30, tzinfo=timezone(timedelta(hours=-8)))
    application = add_interview(
        new_application("Acme", "Engineer", FIXED_NOW), "i1", late, FIXED_NOW
    )
    assert "on Friday 20 November" in render(DraftKind.THANK_YOU, application).body
    assert date_in_words(date(2027, 1, 4)) == "Monday 4 January"


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


def test_an_unknown_kind_is_refused() -> None:
    application = minimal_application()
    with pytest.raises(KeyError):
        render_draft("cover-letter", application, interview_of(application))


def test_rendering_is_deterministic() -> None:
    application = full_application()
    for kind in KINDS:
        first = render(kind, application, BEN)
        assert render(kind, application, BEN) == first
        assert render(kind, application.model_copy(deep=True), BEN) == first


# --- Drafts for planned actions ----------------------------------------------------------------


def actions_by_item(application: Application, now: datetime) -> dict[str, list[PlannedAction]]:
    found: dict[str, list[PlannedAction]] = {}
    for action in plan_for(application, now):
        found.setdefault(action.item_id, []).append(action)
    return found


def test_a_thank_you_action_offers_a_note_to_its_interviewer() -> None:
    application = full_application()
    thanks = actions_by_item(application, FIXED_NOW)["thank-you"]
    offered = [drafts_for_action(action, application) for action in thanks]
    assert offered == [[("thank-you", ANA)], [("thank-you", BEN)]]


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
    people = [drafts_for_action(action, application)[0][1] for action in thanks]
    assert people == [first, second]


def test_a_thank_you_without_names_offers_one_note_to_the_hiring_team() -> None:
    application = minimal_application()
    (action,) = actions_by_item(application, FIXED_NOW)["thank-you"]
    assert drafts_for_action(action, application) == [("thank-you", None)]


def test_a_follow_up_offers_an_email_and_a_call_to_the_follow_up_contact() -> None:
    later = FIXED_NOW + timedelta(days=10)
    with_recruiter = full_application()
    (action,) = actions_by_item(with_recruiter, later)["follow-up"]
    recruiter = with_recruiter.recruiter
    assert drafts_for_action(action, with_recruiter) == [
        ("follow-up-email", recruiter),
        ("follow-up-call", recruiter),
    ]
    direct = full_application().revised(recruiter=None)
    (action,) = actions_by_item(direct, later)["follow-up"]
    assert drafts_for_action(action, direct) == [
        ("follow-up-email", ANA),
        ("follow-up-call", ANA),
    ]
    nobody = minimal_application()
    (action,) = actions_by_item(nobody, later)["follow-up"]
    assert [person for _, person in drafts_for_action(action, nobody)] == [None, None]


def test_other_actions_offer_no_draft() -> None:
    application = full_application()
    for item_id, actions in actions_by_item(application, FIXED_NOW).items():
        if item_id not in ("thank-you", "follow-up"):
            assert all(drafts_for_action(action, application) == [] for action in actions)
    assert "send-what-you-promised" in actions_by_item(application, FIXED_NOW)


def test_every_offered_draft_renders_cleanly() -> None:
    for application in (minimal_application(), full_application()):
        for action in plan_for(application, FIXED_NOW + timedelta(days=10)):
            for kind, person in drafts_for_action(action, application):
                assert_clean(render(kind, application, person))
