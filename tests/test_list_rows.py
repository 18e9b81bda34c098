"""The order and the status line of the applications list (ui.list_rows), without Textual."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from postinterview.domain.stages import Stage
from postinterview.ui.list_rows import (
    COLUMNS,
    ListRow,
    ListSort,
    header_label,
    list_status,
    sort_rows,
    sort_value,
)
from tests.conftest import FIXED_NOW


def row(
    app_id: str,
    company: str,
    stage: Stage = Stage.APPLIED,
    applied: date | None = None,
    interviews: int = 0,
    days_ago: int = 0,
    role: str = "Engineer",
) -> ListRow:
    return ListRow(
        app_id=app_id,
        company=company,
        role=role,
        stage=stage,
        applied_on=applied,
        interviews=interviews,
        updated_at=FIXED_NOW - timedelta(days=days_ago),
        read_only=False,
        search_text=company.casefold(),
    )


ROWS = [
    row("b", "globex", Stage.OFFER, date(2026, 10, 3), 2, days_ago=5),
    row("a", "Acme", Stage.INTERVIEWING, None, 1, days_ago=1),
    row("c", "Émile & co", Stage.SAVED, date(2026, 9, 1), 0, days_ago=9),
    row("d", "Initech", Stage.APPLIED, None, 0, days_ago=3),
]


def ids(rows: list[ListRow]) -> list[str]:
    return [r.app_id for r in rows]


def test_company_sorts_a_to_z_ignoring_case_and_accents_and_reverses() -> None:
    assert ids(sort_rows(ROWS, ListSort("company"))) == ["a", "c", "b", "d"]
    assert ids(sort_rows(ROWS, ListSort("company", descending=True))) == ["d", "b", "c", "a"]


def test_stage_sorts_in_pipeline_order_not_by_name() -> None:
    assert ids(sort_rows(ROWS, ListSort("stage"))) == ["c", "d", "a", "b"]  # saved … offer


def test_empty_dates_sort_last_both_ways_in_company_order() -> None:
    assert ids(sort_rows(ROWS, ListSort("applied"))) == ["c", "b", "a", "d"]
    assert ids(sort_rows(ROWS, ListSort("applied", descending=True))) == ["b", "c", "a", "d"]


def test_ties_stay_in_company_order_either_way() -> None:
    ascending = ids(sort_rows(ROWS, ListSort("interviews")))
    descending = ids(sort_rows(ROWS, ListSort("interviews", descending=True)))
    assert ascending == ["c", "d", "a", "b"]  # both with none: Émile before Initech
    assert descending == ["b", "a", "c", "d"]


def test_updated_sorts_oldest_first_and_newest_first_reversed() -> None:
    assert ids(sort_rows(ROWS, ListSort("updated"))) == ["c", "b", "d", "a"]
    assert ids(sort_rows(ROWS, ListSort("updated", descending=True))) == ["a", "d", "b", "c"]


def test_every_column_sorts_and_an_unknown_one_is_refused() -> None:
    for _, key in COLUMNS:
        assert len(sort_rows(ROWS, ListSort(key))) == len(ROWS)
    with pytest.raises(ValueError, match="no column"):
        sort_value(ROWS[0], "salary")


def test_the_sort_steps_through_the_columns_and_a_header_click_reverses_its_own() -> None:
    keys = [key for _, key in COLUMNS]
    sort = ListSort()
    seen = [sort.column]
    for _ in keys:
        sort = sort.next_column()
        seen.append(sort.column)
    assert seen == [*keys, keys[0]]
    assert ListSort("role", descending=True).next_column() == ListSort("stage")
    assert ListSort("role").by("role") == ListSort("role", descending=True)
    assert ListSort("role", descending=True).by("stage") == ListSort("stage")
    assert ListSort().reversed().reversed() == ListSort()


def test_only_the_sorted_header_carries_its_arrow() -> None:
    down = ListSort("role", descending=True)
    assert header_label("Role", "role", down) == "Role ▼"
    assert header_label("Company", "company", down) == "Company"
    assert header_label("Company", "company", ListSort()) == "Company ▲"


def test_the_status_says_how_many_of_all_are_shown_and_how_they_are_sorted() -> None:
    line = list_status(ROWS, 4, ListSort(), "")
    assert line == "4 applications  ·  sorted by company ▲ (S: next column, R: other way)"
    line = list_status(ROWS, 1, ListSort("applied", True), "acme")
    assert "filter “acme”: 1 of 4 shown (escape clears)" in line
    assert line.endswith("sorted by applied ▼")
    assert list_status(ROWS[:1], 1, ListSort(), "").startswith("1 application  ·")
    assert [r.app_id for r in ROWS if r.matches("ACME")] == ["a"]
