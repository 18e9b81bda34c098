"""Turning what was typed in the application form into model values."""

from __future__ import annotations

from datetime import date

import pytest

from postinterview.domain.models import CompanySize, Source
from postinterview.ui.application_fields import comparable, form_text_of, parse_form
from tests.conftest import sample_application

TODAY = date(2026, 11, 20)


def typed(**fields: str) -> dict[str, str]:
    return {"company": "Acme", "role": "Engineer", **fields}


def test_required_fields_are_reported_by_name() -> None:
    _, errors = parse_form({"company": " ", "role": ""}, None, None, TODAY)
    assert errors == {"company": "Company is required.", "role": "Role is required."}


def test_text_is_trimmed_but_notes_are_kept_exactly() -> None:
    values, errors = parse_form(
        typed(company="  Acme  ", notes="  two\nlines  "), Source.REFERRAL, CompanySize.SMALL, TODAY
    )
    assert errors == {}
    assert values["company"] == "Acme"
    assert values["notes"] == "  two\nlines  "
    assert (values["source"], values["company_size"]) == (Source.REFERRAL, CompanySize.SMALL)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20", date(2026, 11, 20)),
        ("today", date(2026, 11, 20)),
        ("yesterday", date(2026, 11, 19)),
        ("mon", date(2026, 11, 16)),  # the applied day is looked for in the past
        ("last mon", date(2026, 11, 16)),
        ("3 days ago", date(2026, 11, 17)),
        ("1 Nov 2026", date(2026, 11, 1)),
        ("01.11.2026", date(2026, 11, 1)),
        ("1 Nov", date(2026, 11, 1)),
        ("25 Dec", date(2025, 12, 25)),  # no year: last Christmas, not the next
        ("20/11/2026", date(2026, 11, 20)),
    ],
)
def test_the_applied_date_is_typed_as_people_say_it(text: str, expected: date) -> None:
    values, errors = parse_form(typed(applied_on=text), None, None, TODAY)
    assert errors == {}
    assert values["applied_on"] == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-11-21", "tomorrow, Sat 21 Nov is in the future"),
        ("next wed", "Wed 25 Nov is in the future"),
        ("03/04/2026", "could be 3 April or March 4"),
        ("31/02", "February has at most 29 days"),
        ("next blursday", "I do not know 'blursday'"),
    ],
)
def test_a_wrong_applied_date_is_refused_with_the_reason(text: str, message: str) -> None:
    assert message in parse_form(typed(applied_on=text), None, None, TODAY)[1]["applied_on"]


def test_recruiter_needs_a_name_once_any_detail_is_given() -> None:
    values, errors = parse_form(typed(), None, None, TODAY)
    assert values["recruiter"] is None and errors == {}
    _, errors = parse_form(typed(recruiter_email="r@example.com"), None, None, TODAY)
    assert "recruiter_name" in errors


def test_editing_the_recruiter_keeps_their_other_details() -> None:
    base = sample_application().revised(
        recruiter={"name": "Rae", "title": "Talent Partner", "future_key": 1}
    )
    values, _ = parse_form(
        {**form_text_of(base), "recruiter_phone": "555"}, None, None, TODAY, base
    )
    assert base.recruiter is not None
    assert values["recruiter"] == {
        "id": base.recruiter.id,
        "name": "Rae",
        "title": "Talent Partner",
        "email": "",
        "phone": "555",
        "note": "",
        "future_key": 1,
    }


def test_an_untouched_form_changes_nothing() -> None:
    app = sample_application().revised(
        recruiter={"name": "Rae"}, applied_on=TODAY, source=Source.DIRECT
    )
    values, errors = parse_form(form_text_of(app), app.source, app.company_size, TODAY, app)
    assert errors == {}
    before = comparable(app)
    assert {k: v for k, v in values.items() if before.get(k) != v} == {}
