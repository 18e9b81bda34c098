"""What the board's cards and the detail screen say, without Textual."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from postinterview.domain.contacts import log_contact
from postinterview.domain.editing import new_application
from postinterview.domain.interviews import add_interview
from postinterview.domain.plan import ActionState, PlanSettings, plan_for
from postinterview.domain.signals import load_signals_catalog
from postinterview.domain.stages import Stage
from postinterview.domain.ticks import tick_entry
from postinterview.formatting import deadline_day
from postinterview.ui.board_cards import BoardCard, card_for
from postinterview.ui.detail_text import (
    action_line,
    contact_log_lines,
    fact_lines,
    referee_lines,
    stage_history_lines,
)
from postinterview.ui.widgets.board_column import card_prompt, due_text
from tests.conftest import FIXED_NOW
from tests.pipeline import ANSWERED_ID, FRESH_ID, OVERDUE_ID, QUIET_ID, pipeline

CATALOG = load_signals_catalog()


def cards() -> dict[str, BoardCard]:
    return {app.id: card_for(app, FIXED_NOW, PlanSettings(), CATALOG) for app in pipeline()}


def test_a_card_shows_the_next_action_its_deadline_and_the_time_since_contact() -> None:
    card = card_for(
        next(a for a in pipeline() if a.id == OVERDUE_ID), FIXED_NOW, PlanSettings(), CATALOG
    )
    assert card.stage is Stage.INTERVIEWING
    assert card.next_state is ActionState.OVERDUE
    assert card.next_action == "Send Ana Ruiz a short thank-you note."
    assert card.days_since_contact == 5
    assert card.score is None
    prompt = card_prompt(card, FIXED_NOW).plain
    assert "5 days since contact" in prompt
    assert f"was due by {deadline_day(card.next_due)}" in prompt  # type: ignore[arg-type]


def test_a_card_without_contact_counts_the_days_since_applying() -> None:
    fresh = next(a for a in pipeline() if a.id == FRESH_ID)
    card = card_for(fresh, FIXED_NOW, PlanSettings(), CATALOG)
    assert card.days_since_contact is None and card.days_since_added == 1
    assert card.next_action == "" and card.next_state is None
    assert "applied 1 day ago" in card_prompt(card, FIXED_NOW).plain
    today = card_for(fresh.revised(created_at=FIXED_NOW), FIXED_NOW, PlanSettings(), CATALOG)
    assert "applied today" in card_prompt(today, FIXED_NOW).plain
    with_date = fresh.revised(applied_on=(FIXED_NOW - timedelta(days=9)).date())
    assert card_for(with_date, FIXED_NOW, PlanSettings(), CATALOG).days_since_added == 9


def test_the_signal_reading_of_the_latest_answered_interview_is_on_the_card() -> None:
    hooli = next(a for a in pipeline() if a.id == ANSWERED_ID)
    card = card_for(hooli, FIXED_NOW, PlanSettings(), CATALOG)
    assert card.score is not None and card.score > 0
    assert f"◆{card.score}" in card_prompt(card, FIXED_NOW).plain
    # Weights from settings change it.
    heavier = card_for(hooli, FIXED_NOW, PlanSettings(), CATALOG, {"ran_long": 50})
    assert heavier.score is not None and heavier.score > card.score


def test_the_filter_matches_every_word_anywhere_on_the_card_ignoring_case() -> None:
    initech = card_for(
        next(a for a in pipeline() if a.id == OVERDUE_ID), FIXED_NOW, PlanSettings(), CATALOG
    )
    assert initech.matches("")
    assert initech.matches("INITECH")
    assert initech.matches("platform ruiz")  # role and an interviewer
    assert not initech.matches("platform globex")


def test_cards_sort_overdue_first_then_by_deadline_then_most_recently_active() -> None:
    by_id = cards()
    order = sorted(by_id.values(), key=lambda card: card.sort_key)
    ids = [card.app_id for card in order]
    assert ids.index(OVERDUE_ID) < ids.index(ANSWERED_ID) < ids.index(FRESH_ID)
    # Without an action, the most recently active comes first.
    assert ids.index(FRESH_ID) < ids.index(QUIET_ID)


def test_a_too_soon_card_says_when_chasing_again_stops_being_badgering() -> None:
    initech = next(a for a in pipeline() if a.id == OVERDUE_ID).revised(company_size="small")
    chased_at = FIXED_NOW + timedelta(days=4)  # a follow-up after the first round...
    initech = log_contact(initech, chased_at, "Asked for news")
    second = chased_at + timedelta(days=1)  # ...then a second round
    initech = add_interview(initech, "iv-2", second, second)
    later = second + timedelta(days=5)  # its follow-up is open (a small firm: days 4-5)
    for action in plan_for(initech, later):
        if action.item_id != "follow-up" and action.interview_id is not None:
            initech = tick_entry(initech, action.interview_id, action.entry_id, "done", later)
    card = card_for(initech, later, PlanSettings(), CATALOG)
    assert card.next_state is ActionState.TOO_SOON
    # A week after the last chase, from the start of that day.
    assert card.next_due == datetime(2026, 12, 1, tzinfo=UTC)
    assert due_text(card, later) == f"not before {card.next_due:%a %d %b}"


def test_deadline_day_names_the_last_day_not_the_midnight_after_it() -> None:
    assert deadline_day(datetime(2026, 11, 17, tzinfo=UTC)) == "Mon 16 Nov"
    assert (
        deadline_day(datetime(2026, 11, 17, 9, 0, tzinfo=UTC), with_year=True) == "Tue 17 Nov 2026"
    )


def test_detail_lines_describe_the_record() -> None:
    app = new_application("Acme", "SRE", FIXED_NOW, location="Leeds", job_link="https://x.test")
    assert fact_lines(app) == [("Location", "Leeds"), ("Advert", "https://x.test")]
    assert referee_lines(app) == []
    logged = log_contact(app, FIXED_NOW, "Sent the notes", with_whom="Rae")
    assert contact_log_lines(logged) == ["2026-11-20 15:30 · email with Rae: Sent the notes"]
    assert stage_history_lines(app) == ["2026-11-20 15:30 · Applied"]


def test_an_action_line_gives_its_state_and_last_day() -> None:
    initech = next(a for a in pipeline() if a.id == OVERDUE_ID)
    first = plan_for(initech, FIXED_NOW)[0]
    assert action_line(first).startswith("overdue · ")
    line, note = action_line(first).split("\n")
    assert line.endswith(f"by {deadline_day(first.due_at, True)}")  # type: ignore[arg-type]
    assert note.strip() == f"↳ {first.timing_note}"  # where the sources disagree on when
