"""The checklist catalog and its pure logic: loading, adapting to a record, due windows, states."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from postinterview.domain.checklist import (
    PHASE_ORDER,
    ChecklistCatalogError,
    ChecklistEntry,
    EntryState,
    ItemKind,
    Phase,
    TickRecord,
    base_item_id,
    build_checklist,
    checklist_progress,
    checklist_states,
    due_window,
    entry_state,
    fits_stage,
    group_by_phase,
    is_chase,
    load_checklist_catalog,
    parse_checklist_catalog,
)
from postinterview.domain.models import (
    Application,
    Channel,
    ChecklistMark,
    CompanySize,
    Contact,
    Interview,
    InterviewFormat,
    Referee,
    Source,
)
from postinterview.domain.stages import Stage

SEED_FILES = (
    "000_a1cd5bfd0ade6aa9.txt",
    "001_d947e6c08e8a0354.txt",
    "002_a8138684d1b55aa8.txt",
    "003_d6e9befa2a21cfcf.txt",
    "004_3bad5e0c0496bdcc.txt",
)

BERLIN_WINTER = timezone(timedelta(hours=1))
SYDNEY_SUMMER = timezone(timedelta(hours=11))
# A Monday morning interview in UTC: the reference case for the due rules.
MONDAY_10 = datetime(2026, 11, 16, 10, 0, tzinfo=UTC)


def make_application(**fields: Any) -> Application:
    data: dict[str, Any] = {
        "company": "Acme Robotics",
        "role": "Backend Engineer",
        "stage": Stage.AWAITING_DECISION,
        "created_at": MONDAY_10 - timedelta(days=30),
        "updated_at": MONDAY_10,
    }
    data.update(fields)
    return Application.model_validate(data)


def make_interview(**fields: Any) -> Interview:
    data: dict[str, Any] = {"id": "i1", "at": MONDAY_10}
    data.update(fields)
    return Interview.model_validate(data)


def entries_for(application: Application | None = None, **interview: Any) -> list[ChecklistEntry]:
    return build_checklist(application or make_application(), make_interview(**interview))


def by_id(entries: list[ChecklistEntry]) -> dict[str, ChecklistEntry]:
    return {entry.id: entry for entry in entries}


def mark(state: str, at: datetime = MONDAY_10) -> ChecklistMark:
    return ChecklistMark.model_validate({"state": state, "at": at})


def state_at(entry: ChecklistEntry, now: datetime, **marks: ChecklistMark) -> EntryState:
    return entry_state(entry, marks, now)


# --- The catalog itself ----------------------------------------------------------------------


def test_catalog_loads_once_and_is_shared() -> None:
    catalog = load_checklist_catalog()
    assert catalog.items
    assert load_checklist_catalog() is catalog


def test_item_ids_are_unique_and_never_contain_the_entry_separator() -> None:
    ids = [item.id for item in load_checklist_catalog().items]
    assert len(ids) == len(set(ids))
    assert not [item_id for item_id in ids if ":" in item_id]


def test_every_phase_has_items_and_both_kinds_exist() -> None:
    items = load_checklist_catalog().items
    assert {item.phase for item in items} == set(Phase)
    assert {item.kind for item in items} == {ItemKind.DO, ItemKind.DONT}


def test_every_item_has_a_one_line_text_and_why() -> None:
    for item in load_checklist_catalog().items:
        for line in (item.text, item.why):
            assert line.strip(), item.id
            assert "\n" not in line, item.id
            assert len(line) <= 100, item.id


def test_every_seed_article_is_cited_and_nothing_else_is() -> None:
    catalog = load_checklist_catalog()
    cited = {name for item in catalog.items for name in item.sources}
    assert cited == set(SEED_FILES)
    assert set(catalog.sources) == set(SEED_FILES)


def test_disagreements_between_sources_are_recorded_not_hidden() -> None:
    catalog = load_checklist_catalog()
    forgot = catalog.item("no-forgot-to-mention").note or ""
    # The three positions on adding something you forgot: never, briefly, freely.
    assert "never" in forgot and "brief" in forgot and "forgotten questions" in forgot
    assert set(catalog.item("no-forgot-to-mention").sources) >= {
        "000_a1cd5bfd0ade6aa9.txt",
        "002_a8138684d1b55aa8.txt",
        "003_d6e9befa2a21cfcf.txt",
    }
    for item in catalog.items:  # notes are read by people: no file names or numbers
        assert not re.search(r"\b00[0-4]\b", item.note or ""), item.id
    follow_up = catalog.item("follow-up").note or ""
    assert "email" in follow_up and "phone" in follow_up
    assert "8-12" in follow_up and "fortnight" in follow_up
    assert "Advice differs" in (catalog.item("no-new-questions").note or "")


def test_catalog_lookup_accepts_entry_ids() -> None:
    catalog = load_checklist_catalog()
    assert catalog.item("thank-you:ana-ruiz").id == "thank-you"
    assert base_item_id("thank-you:ana-ruiz") == "thank-you"
    with pytest.raises(KeyError):
        catalog.item("no-such-item")


MINIMAL_ITEM = """
version = 1
[sources]
"a.txt" = "An article"
[[items]]
id = "one"
phase = "same_day"
kind = "do"
text = "Do the thing."
why = "Because."
sources = ["a.txt"]
"""
SOURCES_LINE = 'sources = ["a.txt"]'  # the item's last line: a [items.due] table goes after it


def test_a_minimal_catalog_parses() -> None:
    catalog = parse_checklist_catalog(MINIMAL_ITEM)
    assert [item.id for item in catalog.items] == ["one"]


@pytest.mark.parametrize(
    "change, expected",
    [
        (('phase = "same_day"', 'phase = "someday"'), "items[0] (id 'one').phase"),
        (('kind = "do"', 'kind = "maybe"'), "kind"),
        (('id = "one"', 'id = "One Thing"'), "kebab-case"),
        (('sources = ["a.txt"]', 'sources = ["b.txt"]'), "unknown sources: b.txt"),
        (('why = "Because."', 'why = "Because."\nwhy_not = 1'), "why_not"),
        (('text = "Do the thing."', 'text = "Thank {who}."'), "{who}"),
        (('phase = "same_day"', 'phase = "if_unsuccessful"'), "when = 'rejected'"),
        (('why = "Because."', 'why = "Because."\nwhen = "rejected"'), "only for the outcome"),
        (('text = "Do the thing."', 'text = "   "'), "must not be empty"),
        (
            (
                'why = "Because."',
                'why = "Because."\nlogs_contact = { channel = "fax", note = "x" }',
            ),
            "logs_contact.channel",
        ),
        (('why = "Because."', 'why = "Because."\nlogs_contact = { channel = "email" }'), "note"),
        (
            ('kind = "do"', 'kind = "dont"\nlogs_contact = { channel = "email", note = "Sent." }'),
            "only a 'do' can log a contact",
        ),
        (('why = "Because."', 'why = "Because."\nrecords = "balloons"'), "records"),
        (
            ('why = "Because."', 'why = "Because."\nrecords = "referees_warned"'),
            "needs per = 'referee'",
        ),
        (
            (SOURCES_LINE, f"{SOURCES_LINE}\n[items.due]\nfallback_days = 3"),
            "decision_date",
        ),
        (
            (
                SOURCES_LINE,
                f"{SOURCES_LINE}\n[items.due]\ndue_within_hours = 48\noverdue_after_hours = 24",
            ),
            "must not come before",
        ),
    ],
)
def test_a_malformed_catalog_is_reported_clearly(change: tuple[str, str], expected: str) -> None:
    broken = MINIMAL_ITEM.replace(*change)
    assert broken != MINIMAL_ITEM
    with pytest.raises(ChecklistCatalogError) as raised:
        parse_checklist_catalog(broken, "test.toml")
    assert "test.toml" in str(raised.value)
    assert expected in str(raised.value)


def test_a_duplicate_id_and_broken_toml_are_reported() -> None:
    doubled = MINIMAL_ITEM + MINIMAL_ITEM.split("[[items]]")[1].join(["[[items]]", ""])
    with pytest.raises(ChecklistCatalogError, match="'one' is used twice"):
        parse_checklist_catalog(doubled)
    with pytest.raises(ChecklistCatalogError, match="not valid TOML"):
        parse_checklist_catalog("items = [")


# --- Adapting to the record ------------------------------------------------------------------


def test_one_thank_you_per_interviewer_keyed_by_their_id() -> None:
    people = [Contact(id="p-ana", name="Ana Ruiz"), Contact(id="p-ben", name="Ben O'Neil")]
    entries = by_id(entries_for(interviewers=people))
    assert "thank-you" not in entries
    ana, ben = entries["thank-you:p-ana"], entries["thank-you:p-ben"]
    assert "Ana Ruiz" in ana.text and ana.names == ("Ana Ruiz",)
    assert "Ben O'Neil" in ben.text and "Ana" not in ben.text
    assert ana.item_id == "thank-you"


def test_entry_ids_are_distinct_for_namesakes_and_unsluggable_names_and_survive_renames() -> None:
    people = [Contact(name="Sam Lee"), Contact(name="Sam Lee"), Contact(name="李雷")]
    ids = [e.id for e in entries_for(interviewers=people) if e.item_id == "thank-you"]
    assert ids == [f"thank-you:{person.id}" for person in people]
    assert len(set(ids)) == 3
    renamed = [people[0].revised(name="Samuel Lee"), people[1], people[2]]
    reordered = [renamed[2], renamed[0], renamed[1]]
    again = {e.id for e in entries_for(interviewers=reordered) if e.item_id == "thank-you"}
    assert again == set(ids)


def test_without_interviewers_there_is_one_generic_thank_you() -> None:
    thanks = [entry for entry in entries_for() if entry.item_id == "thank-you"]
    assert [entry.id for entry in thanks] == ["thank-you"]
    assert "each interviewer" in thanks[0].text
    assert "{who}" not in thanks[0].text


def test_the_referee_item_names_the_referees() -> None:
    referees = [Referee(name="Dana Kay"), Referee(name="Eli Moss"), Referee(name="Fay Lim")]
    warn = by_id(entries_for(make_application(referees=referees)))["warn-your-referees"]
    assert "Dana Kay, Eli Moss and Fay Lim" in warn.text
    assert warn.names == ("Dana Kay", "Eli Moss", "Fay Lim")
    # None recorded and none asked for: nothing to warn anyone about.
    assert "warn-your-referees" not in by_id(entries_for())
    # None recorded but references were asked for: choose them, then warn them.
    asked = by_id(entries_for(references_requested=True))["warn-your-referees"]
    assert asked.text.startswith("They asked for references: choose your referees")
    assert asked.names == ()


@pytest.mark.parametrize(
    "interview_format, call_item, venue_item",
    [
        (InterviewFormat.IN_PERSON, False, True),
        (InterviewFormat.PHONE, True, False),
        (InterviewFormat.VIDEO, True, False),
        (None, True, True),  # not recorded: keep both, they may apply
    ],
)
def test_format_specific_items_only_where_they_apply(
    interview_format: InterviewFormat | None, call_item: bool, venue_item: bool
) -> None:
    ids = by_id(entries_for(format=interview_format))
    assert ("check-the-call-has-ended" in ids) is call_item
    assert ("dont-linger-near-the-venue" in ids) is venue_item


def test_recruiter_items_need_a_recruiter_and_name_them() -> None:
    direct = by_id(entries_for(make_application(source=Source.DIRECT)))
    assert "call-your-recruiter" not in direct
    named = by_id(entries_for(make_application(recruiter=Contact(name="Gus Park"))))
    assert named["call-your-recruiter"].text.startswith("Ring Gus Park:")
    agency = by_id(entries_for(make_application(source=Source.AGENCY)))
    assert "your recruiter" in agency["call-your-recruiter"].text


def test_the_promise_item_appears_only_with_a_promise_and_carries_it() -> None:
    assert "send-what-you-promised" not in by_id(entries_for())
    promised = by_id(entries_for(promised_to_send="  My notice period  "))
    assert promised["send-what-you-promised"].detail == "My notice period"


def _phases(entries: list[ChecklistEntry]) -> set[Phase]:
    return {entry.phase for entry in entries}


def test_outcome_items_only_when_the_outcome_is_recorded() -> None:
    ordinary = _phases(entries_for())
    assert Phase.IF_UNSUCCESSFUL not in ordinary
    assert Phase.IF_IT_WENT_BADLY not in ordinary

    badly = _phases(entries_for(went_badly=True))
    assert Phase.IF_IT_WENT_BADLY in badly
    assert Phase.IF_UNSUCCESSFUL not in badly

    rejected = _phases(entries_for(make_application(stage=Stage.REJECTED)))
    assert Phase.IF_UNSUCCESSFUL in rejected
    assert Phase.IF_IT_WENT_BADLY not in rejected


def test_what_a_tick_means_is_catalog_data() -> None:
    catalog = load_checklist_catalog()
    thanks = catalog.item("thank-you").logs_contact
    assert thanks is not None
    assert (thanks.channel, thanks.note) == (Channel.EMAIL, "Sent a thank-you note.")
    call = catalog.item("call-your-recruiter").logs_contact
    assert call is not None and call.channel == Channel.PHONE
    assert catalog.item("warn-your-referees").records == TickRecord.REFEREES_WARNED
    assert [item.id for item in catalog.items if item.records] == ["warn-your-referees"]
    assert catalog.item("personalise-each-note").logs_contact is None  # advice, not a contact


# The waiting and chasing steps: what a closed application must no longer offer.
WAITING_PHASES = {Phase.WHILE_WAITING, Phase.DECISION_DATE_PASSED}


def test_a_rejection_leaves_only_its_own_steps_in_the_checklist() -> None:
    interview = {"interviewers": [{"name": "Ana Ruiz"}], "went_badly": True}
    rejected = make_application(stage=Stage.REJECTED, recruiter=Contact(name="Gus Park"))
    entries = entries_for(rejected, **interview)
    assert _phases(entries) == {Phase.IF_UNSUCCESSFUL}
    assert not _phases(entries) & WAITING_PHASES
    ids = {entry.id for entry in entries}
    assert {"ask-for-feedback", "thank-your-recruiter", "learn-from-it", "dont-give-up"} <= ids
    assert not ids & {"thank-you:ana-ruiz", "follow-up", "keep-applying", "write-it-down-honestly"}


@pytest.mark.parametrize("stage", [Stage.WITHDRAWN, Stage.ACCEPTED, Stage.NO_REPLY])
def test_other_closed_applications_have_an_empty_checklist(stage: Stage) -> None:
    assert entries_for(make_application(stage=stage, recruiter=Contact(name="Gus"))) == []


def test_an_offer_drops_the_chase_and_its_preparation_but_keeps_the_waiting_advice() -> None:
    catalog = load_checklist_catalog()
    offer = entries_for(make_application(stage=Stage.OFFER))
    ids = {entry.id for entry in offer}
    assert Phase.DECISION_DATE_PASSED not in _phases(offer)
    assert not any(is_chase(catalog.item(i)) for i in ids)
    assert {"thank-you", "keep-applying", "no-counteroffer-bargaining"} <= ids


@pytest.mark.parametrize("stage", list(Stage))
def test_fits_stage_is_the_rule_build_checklist_applies(stage: Stage) -> None:
    catalog = load_checklist_catalog()
    application = make_application(stage=stage, recruiter=Contact(name="Gus"))
    interview = make_interview(went_badly=True, promised_to_send="Notice period")
    built = {entry.item_id for entry in build_checklist(application, interview, catalog)}
    for item in catalog.items:
        if not fits_stage(item, stage):
            assert item.id not in built, (stage, item.id)


def test_entries_come_in_phase_order() -> None:
    # The catalog reversed, so the order cannot come from the file alone.
    catalog = load_checklist_catalog()
    backwards = catalog.model_copy(update={"items": list(reversed(catalog.items))})
    entries = build_checklist(make_application(), make_interview(went_badly=True), backwards)
    positions = [PHASE_ORDER.index(entry.phase) for entry in entries]
    assert positions == sorted(positions)
    # Every phase but the rejection's, which only a closed application shows (and alone),
    # and the offer's, which only the offer stage shows.
    assert _phases(entries) == set(Phase) - {Phase.IF_UNSUCCESSFUL, Phase.IF_OFFERED}


# --- Due windows and states with a fixed clock -----------------------------------------------


def test_thank_you_window_for_a_morning_interview() -> None:
    entry = by_id(entries_for())["thank-you"]
    assert entry.opens_at == MONDAY_10
    assert entry.due_at == datetime(2026, 11, 18, tzinfo=UTC)  # end of Tuesday
    assert entry.overdue_at == datetime(2026, 11, 19, tzinfo=UTC)  # end of Wednesday

    assert state_at(entry, MONDAY_10 - timedelta(minutes=1)) == EntryState.UPCOMING
    assert state_at(entry, MONDAY_10 + timedelta(hours=1)) == EntryState.DUE
    assert state_at(entry, datetime(2026, 11, 18, 20, tzinfo=UTC)) == EntryState.DUE  # grace
    assert state_at(entry, datetime(2026, 11, 19, tzinfo=UTC)) == EntryState.OVERDUE


def test_a_mark_wins_over_the_clock() -> None:
    entry = by_id(entries_for())["thank-you"]
    late = datetime(2026, 11, 21, tzinfo=UTC)
    assert state_at(entry, late) == EntryState.OVERDUE
    assert state_at(entry, late, **{"thank-you": mark("done")}) == EntryState.DONE
    assert state_at(entry, late, **{"thank-you": mark("not_applicable")}) == (
        EntryState.NOT_APPLICABLE
    )
    # A mark for another entry changes nothing.
    assert state_at(entry, late, **{"thank-you:ana": mark("done")}) == EntryState.OVERDUE


def test_a_late_evening_interview_keeps_the_whole_next_day() -> None:
    evening = datetime(2026, 11, 16, 22, 30, tzinfo=UTC)
    entry = by_id(entries_for(at=evening))["reflect-on-the-interview"]  # due within 12 hours
    assert entry.due_at == datetime(2026, 11, 18, tzinfo=UTC)
    assert state_at(entry, datetime(2026, 11, 17, 0, 30, tzinfo=UTC)) == EntryState.DUE
    assert state_at(entry, datetime(2026, 11, 17, 21, 0, tzinfo=UTC)) == EntryState.DUE
    assert state_at(entry, datetime(2026, 11, 18, 0, 0, tzinfo=UTC)) == EntryState.OVERDUE

    # The same item after a morning interview is due by the end of that same day.
    morning = by_id(entries_for())["reflect-on-the-interview"]
    assert state_at(morning, datetime(2026, 11, 17, 0, 30, tzinfo=UTC)) == EntryState.OVERDUE


def test_days_are_counted_in_the_interviews_own_time_zone() -> None:
    # 23:00 in Berlin is 22:00 UTC: "today" ends at Berlin's midnight, an hour before UTC's.
    late_berlin = datetime(2026, 11, 16, 23, 0, tzinfo=BERLIN_WINTER)
    entry = by_id(entries_for(at=late_berlin))["no-feedback-request-today"]
    assert entry.overdue_at == datetime(2026, 11, 17, 0, 0, tzinfo=BERLIN_WINTER)
    assert state_at(entry, datetime(2026, 11, 16, 22, 30, tzinfo=UTC)) == EntryState.DUE
    # 23:30 UTC is still Monday in UTC but already Tuesday in Berlin: the warning has lapsed.
    assert state_at(entry, datetime(2026, 11, 16, 23, 30, tzinfo=UTC)) == (
        EntryState.NOT_APPLICABLE
    )


def test_a_morning_in_sydney_is_the_previous_evening_in_utc() -> None:
    # 08:00 Tuesday in Sydney is 21:00 Monday UTC; the thank-you is due by the end of
    # Wednesday in Sydney, not by the end of Tuesday UTC.
    sydney = datetime(2026, 11, 17, 8, 0, tzinfo=SYDNEY_SUMMER)
    entry = by_id(entries_for(at=sydney))["thank-you"]
    assert entry.due_at == datetime(2026, 11, 19, 0, 0, tzinfo=SYDNEY_SUMMER)
    assert entry.overdue_at == datetime(2026, 11, 20, 0, 0, tzinfo=SYDNEY_SUMMER)
    just_before = datetime(2026, 11, 19, 12, 59, tzinfo=UTC)  # 23:59 Thursday in Sydney
    assert state_at(entry, just_before) == EntryState.DUE
    assert state_at(entry, just_before + timedelta(minutes=1)) == EntryState.OVERDUE


def test_a_dont_is_upcoming_then_due_then_its_moment_passes_with_the_call() -> None:
    entry = by_id(entries_for(format=InterviewFormat.VIDEO))["check-the-call-has-ended"]
    assert entry.kind == ItemKind.DONT
    assert state_at(entry, MONDAY_10 - timedelta(hours=1)) == EntryState.UPCOMING
    assert state_at(entry, MONDAY_10 + timedelta(minutes=45)) == EntryState.DUE
    # No length recorded: the call is taken to have ended after an hour.
    assert state_at(entry, MONDAY_10 + timedelta(hours=1)) == EntryState.LAPSED
    assert state_at(entry, datetime(2026, 11, 17, 9, tzinfo=UTC)) == EntryState.LAPSED


def test_items_without_a_rule_never_turn_overdue() -> None:
    entry = by_id(entries_for())["keep-applying"]
    assert entry.due_at is None and entry.overdue_at is None
    assert state_at(entry, MONDAY_10 + timedelta(days=365)) == EntryState.DUE
    assert state_at(entry, MONDAY_10 - timedelta(seconds=1)) == EntryState.UPCOMING


def test_feedback_is_never_requested_on_the_interview_day() -> None:
    rejected = make_application(stage=Stage.REJECTED)
    entry = by_id(entries_for(rejected))["ask-for-feedback"]
    assert entry.opens_at == datetime(2026, 11, 17, tzinfo=UTC)
    assert state_at(entry, datetime(2026, 11, 16, 18, tzinfo=UTC)) == EntryState.UPCOMING
    assert state_at(entry, datetime(2026, 11, 17, 9, tzinfo=UTC)) == EntryState.DUE


def test_follow_up_waits_for_the_day_after_their_date() -> None:
    entry = by_id(entries_for(decision_expected_on=date(2026, 11, 20)))["follow-up"]
    assert entry.opens_at == datetime(2026, 11, 21, tzinfo=UTC)
    assert entry.due_at == datetime(2026, 11, 22, tzinfo=UTC)
    assert entry.overdue_at == datetime(2026, 11, 26, tzinfo=UTC)
    assert state_at(entry, datetime(2026, 11, 20, 17, tzinfo=UTC)) == EntryState.UPCOMING
    assert state_at(entry, datetime(2026, 11, 21, 9, tzinfo=UTC)) == EntryState.DUE
    assert state_at(entry, datetime(2026, 11, 26, 9, tzinfo=UTC)) == EntryState.OVERDUE


@pytest.mark.parametrize(
    "size, opens_day",
    [(None, 23), (CompanySize.SMALL, 20), (CompanySize.LARGE, 24)],
)
def test_without_a_date_follow_up_depends_on_company_size(
    size: CompanySize | None, opens_day: int
) -> None:
    entry = by_id(entries_for(make_application(company_size=size)))["follow-up"]
    assert entry.opens_at == datetime(2026, 11, opens_day, tzinfo=UTC)
    assert entry.overdue_at == datetime(2026, 11, opens_day + 5, tzinfo=UTC)
    # However large the firm, it is overdue within a fortnight of the interview.
    assert entry.overdue_at <= MONDAY_10 + timedelta(days=14)


def test_due_window_without_a_rule_opens_at_the_interview() -> None:
    window = due_window(None, make_interview())
    assert (window.opens_at, window.due_at, window.overdue_at) == (MONDAY_10, None, None)


def test_every_window_is_ordered_for_any_interview_time() -> None:
    catalog = load_checklist_catalog()
    for at in (MONDAY_10, datetime(2026, 11, 16, 23, 59, tzinfo=SYDNEY_SUMMER)):
        interview = make_interview(at=at)
        for item in catalog.items:
            window = due_window(item.due, interview, CompanySize.LARGE)
            assert window.opens_at >= at, item.id
            if window.due_at is not None:
                assert window.overdue_at is not None and window.opens_at < window.due_at
                assert window.due_at <= window.overdue_at, item.id


def test_a_naive_now_is_refused() -> None:
    entry = entries_for()[0]
    with pytest.raises(ValueError, match="timezone-aware"):
        entry_state(entry, {}, datetime(2026, 11, 16, 12))


# --- Progress and grouping -------------------------------------------------------------------


def test_progress_counts_done_and_not_applicable() -> None:
    entries = entries_for(format=InterviewFormat.VIDEO)
    marks = {
        "thank-you": mark("done"),
        "keep-applying": mark("not_applicable"),
        "gone-item": mark("done"),  # an orphan mark must not inflate progress
    }
    at_start = checklist_progress(entries, marks, MONDAY_10)
    assert (at_start.done, at_start.not_applicable, at_start.total) == (1, 1, len(entries))
    assert str(at_start) == f"2/{len(entries)}"
    assert not at_start.complete

    # Next day the closed don't (no feedback today) counts as settled too, and the six
    # "before you leave" steps, the call's own don't among them, have had their moment: they
    # count for nothing.
    next_day = checklist_progress(entries, marks, datetime(2026, 11, 17, 12, tzinfo=UTC))
    assert next_day.not_applicable == 2
    assert next_day.lapsed == 6 and next_day.total == len(entries) - 6
    assert next_day.fraction == pytest.approx(3 / (len(entries) - 6))


def test_progress_counts_what_is_to_do_now_and_overdue() -> None:
    entries = entries_for(interviewers=[{"id": "ana-ruiz", "name": "Ana Ruiz"}])
    tuesday = datetime(2026, 11, 17, 12, tzinfo=UTC)
    progress = checklist_progress(entries, {}, tuesday)
    # Overdue since Monday night: write down who you met, reflect, decide. Due by tonight: the
    # thank-you and the three dos about writing it; research (by Wednesday). No referees are
    # recorded or asked for, so there is nobody to warn.
    assert progress.overdue == 3
    assert progress.to_do_now == 5
    marked = checklist_progress(entries, {"thank-you:ana-ruiz": mark("done")}, tuesday)
    assert marked.to_do_now == 4


def test_after_a_rejection_nothing_waiting_is_counted_as_to_do() -> None:
    open_entries = entries_for(interviewers=[{"id": "ana-ruiz", "name": "Ana Ruiz"}])
    thursday = datetime(2026, 11, 26, 12, tzinfo=UTC)  # the follow-up is due by now
    before = checklist_progress(open_entries, {}, thursday)
    assert before.overdue > 0
    heard = {"at": datetime(2026, 11, 25, 9, tzinfo=UTC), "to_stage": "rejected"}
    no = make_application(stage=Stage.REJECTED, stage_history=[heard])
    rejected = entries_for(no, interviewers=[{"name": "A"}])
    after = checklist_progress(rejected, {}, thursday)
    # Only the feedback request is to do: by Friday, two days from the day they said no.
    assert (after.overdue, after.to_do_now) == (0, 1)
    assert after.total == len(rejected) and after.done == 0


def test_progress_of_a_finished_and_an_empty_checklist() -> None:
    entries = entries_for()
    all_done = {entry.id: mark("done") for entry in entries}
    assert checklist_progress(entries, all_done, MONDAY_10).complete
    empty = checklist_progress([], {}, MONDAY_10)
    assert empty.complete and empty.fraction == 1.0


def test_checklist_states_keep_order() -> None:
    entries = entries_for()
    pairs = checklist_states(entries, {}, MONDAY_10 + timedelta(minutes=30))
    assert [entry for entry, _ in pairs] == entries
    assert {state for _, state in pairs} <= {EntryState.DUE, EntryState.UPCOMING}


def test_grouping_follows_the_fixed_phase_order_with_labels() -> None:
    entries = list(reversed(entries_for()))
    groups = group_by_phase(entries)
    phases = [phase for phase, _ in groups]
    assert phases == [phase for phase in PHASE_ORDER if phase in phases]
    assert Phase.IF_UNSUCCESSFUL not in phases
    assert all(entry.phase == phase for phase, found in groups for entry in found)
    assert sum(len(found) for _, found in groups) == len(entries)

    everything = group_by_phase(entries, include_empty=True)
    assert [phase for phase, _ in everything] == list(PHASE_ORDER)
    labels = [phase.label for phase in PHASE_ORDER]
    assert labels[:2] == ["Before the interview", "Before you leave"]
    assert len(set(labels)) == len(labels)
    assert all(phase.hint for phase in PHASE_ORDER)
