"""A stage-history cell read back (transfer/import_history.py): our export's and other shapes."""

from __future__ import annotations

import time
from datetime import date

import pytest

from postinterview.domain.stages import Stage
from postinterview.transfer.import_history import MAX_ENTRY_WORDS, HistoryEntry, read_history

OURS = [
    HistoryEntry(date(2026, 11, 1), Stage.APPLIED),
    HistoryEntry(date(2026, 11, 5), Stage.SCREENING),
    HistoryEntry(date(2026, 11, 12), Stage.AWAITING_DECISION),
]


@pytest.mark.parametrize(
    "text",
    [
        # Our CSV export (export_csv.history_text).
        "2026-11-01 applied; 2026-11-05 screening; 2026-11-12 awaiting_decision",
        # Reactive-Resume-like and hand-kept shapes: stage first, brackets, arrows, pipes, lines.
        "Applied (2026-11-01) → Screening (2026-11-05) → Awaiting decision (2026-11-12)",
        "Applied: 1 Nov 2026 | Phone screen: 5 Nov 2026 | Awaiting: 12 Nov 2026",
        "applied on 2026-11-01\nscreening on 2026-11-05\nawaiting decision on 2026-11-12",
        "01.11.2026 Beworben -> 05.11.2026 Telefoninterview -> 12.11.2026 Warten auf Entscheidung",
        "2026-11-01: applied, 2026-11-05: screening, 2026-11-12: awaiting_decision",
        "Nov 1, 2026 applied; Nov 5, 2026 screening; Nov 12, 2026 awaiting decision",
        # Newest first reads the same.
        "2026-11-12 awaiting_decision; 2026-11-05 screening; 2026-11-01 applied",
    ],
)
def test_history_shapes_read_as_the_same_steps(text: str) -> None:
    reading = read_history(text)
    assert reading.unreadable == []
    assert reading.entries == OURS


def test_staying_in_a_stage_is_not_a_move_but_moving_back_is() -> None:
    reading = read_history(
        "2026-11-01 applied; 2026-11-03 applied; 2026-11-05 screening; 2026-11-09 applied"
    )
    assert [(e.day.day, e.stage) for e in reading.entries] == [
        (1, Stage.APPLIED),
        (5, Stage.SCREENING),
        (9, Stage.APPLIED),
    ]


def test_the_persons_stage_words_are_used_in_the_history_too() -> None:
    reading = read_history(
        "2026-11-01 sent; 2026-11-04 Kennenlernen", {"kennenlernen": Stage.SCREENING}
    )
    assert reading.entries == [
        HistoryEntry(date(2026, 11, 1), Stage.APPLIED),
        HistoryEntry(date(2026, 11, 4), Stage.SCREENING),
    ]


@pytest.mark.parametrize(
    ("text", "unreadable"),
    [
        ("2026-11-01 applied; 2026-11-05 pondering", ["2026-11-05 pondering"]),  # unknown word
        ("2026-11-01 applied; 03/04/2026 screening", ["03/04/2026 screening"]),  # two readings
        ("applied; 2026-11-05 screening", ["applied"]),  # no day
        ("2026-11-01 applied; 2026-11-05 skip", ["2026-11-05 skip"]),  # not a stage
    ],
)
def test_an_entry_that_cannot_be_read_is_named_and_the_rest_read(
    text: str, unreadable: list[str]
) -> None:
    reading = read_history(text)
    assert reading.unreadable == unreadable
    assert len(reading.entries) == 1


def test_a_comma_inside_a_date_does_not_split_entries() -> None:
    reading = read_history("Nov 1, 2026 applied")
    assert reading.entries == [HistoryEntry(date(2026, 11, 1), Stage.APPLIED)]
    assert reading.unreadable == []


def test_a_long_entry_is_not_read_and_costs_little() -> None:
    words = " ".join(["applied"] * (MAX_ENTRY_WORDS + 1))
    text = "; ".join([f"2026-11-01 {words}"] * 2000)
    started = time.perf_counter()
    reading = read_history(text)
    assert reading.entries == [] and len(reading.unreadable) == 2000
    assert time.perf_counter() - started < 2
