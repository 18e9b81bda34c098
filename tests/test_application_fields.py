"""Turning what was typed in the application form into model values."""

from __future__ import annotations

from datetime import date

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


def test_applied_date_must_be_iso_and_not_in_the_future() -> None:
    assert parse_form(typed(applied_on="2026-11-20"), None, None, TODAY)[0]["applied_on"] == TODAY
    assert (
        "YYYY-MM-DD"
        in parse_form(typed(applied_on="20/11/2026"), None, None, TODAY)[1]["applied_on"]
    )
    assert (
        "future" in parse_form(typed(applied_on="2026-11-21"), None, None, TODAY)[1]["applied_on"]
    )


def test_the_offer_deadline_is_an_iso_date_that_may_lie_ahead_or_behind() -> None:
    ahead = parse_form(typed(offer_respond_by="2026-12-04"), None, None, TODAY)
    assert ahead == ({**ahead[0], "offer_respond_by": date(2026, 12, 4)}, {})
    assert parse_form(typed(offer_respond_by=""), None, None, TODAY)[0]["offer_respond_by"] is None
    wrong = parse_form(typed(offer_respond_by="next friday"), None, None, TODAY)[1]
    assert "YYYY-MM-DD" in wrong["offer_respond_by"]
    app = sample_application().revised(offer_respond_by=date(2026, 12, 4))
    assert form_text_of(app)["offer_respond_by"] == "2026-12-04"
    assert comparable(app)["offer_respond_by"] == date(2026, 12, 4)


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
