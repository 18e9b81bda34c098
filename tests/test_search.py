"""Finding an application by anything the person wrote in it (domain.search)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from postinterview.domain.models import (
    Application,
    Contact,
    ContactLogEntry,
    Interview,
    Record,
    Referee,
    Reflection,
    StageChange,
)
from postinterview.domain.search import fold, matches, search_text
from postinterview.domain.stages import Stage
from tests.conftest import FIXED_NOW

WORD = "Zanzibar"
"""A word written in one place only, per test."""


def bare() -> Application:
    return Application(
        company="Initech",
        role="Platform engineer",
        stage=Stage.INTERVIEWING,
        created_at=FIXED_NOW,
        updated_at=FIXED_NOW,
    )


def interview(**fields: object) -> Interview:
    return Interview.model_validate({"id": "i1", "at": FIXED_NOW, **fields})


PLACES: dict[str, Callable[[str], Application]] = {
    "company": lambda w: bare().revised(company=f"{w} Ltd"),
    "role": lambda w: bare().revised(role=f"{w} engineer"),
    "location": lambda w: bare().revised(location=w),
    "job link": lambda w: bare().revised(job_link=f"https://{w}.example/jobs/1"),
    "notes": lambda w: bare().revised(notes=f"Heard of them through {w}."),
    "recruiter's name": lambda w: bare().revised(recruiter=Contact(name=w)),
    "recruiter's note": lambda w: bare().revised(recruiter=Contact(name="Sam", note=w)),
    "referee's name": lambda w: bare().revised(referees=[Referee(name=f"Ana {w}")]),
    "referee's email": lambda w: bare().revised(referees=[Referee(name="Ana", email=f"{w}@x.io")]),
    "contact log note": lambda w: bare().revised(
        contact_log=[ContactLogEntry(at=FIXED_NOW, note=f"They said {w}")]
    ),
    "contact log person": lambda w: bare().revised(
        contact_log=[ContactLogEntry(at=FIXED_NOW, with_whom=w)]
    ),
    "stage move reason": lambda w: bare().revised(
        stage_history=[StageChange(at=FIXED_NOW, to_stage=Stage.INTERVIEWING, note=w)]
    ),
    "interviewer's name": lambda w: bare().revised(
        interviews=[interview(interviewers=[Contact(name=w)])]
    ),
    "interviewer's title": lambda w: bare().revised(
        interviews=[interview(interviewers=[Contact(name="Bo", title=f"Head of {w}")])]
    ),
    "interviewer's note": lambda w: bare().revised(
        interviews=[interview(interviewers=[Contact(name="Bo", note=w)])]
    ),
    "reflection, went well": lambda w: bare().revised(
        interviews=[interview(reflection=Reflection(went_well=f"The {w} question"))]
    ),
    "reflection, forgot to say": lambda w: bare().revised(
        interviews=[interview(reflection=Reflection(forgot_to_say=w))]
    ),
    "reflection, per person": lambda w: bare().revised(
        interviews=[
            interview(
                interviewers=[Contact(id="bo", name="Bo")],
                reflection=Reflection(interested_them_by_person={"bo": w}),
            )
        ]
    ),
    "next steps": lambda w: bare().revised(interviews=[interview(next_steps=w)]),
    "promised to send": lambda w: bare().revised(interviews=[interview(promised_to_send=w)]),
    "interview place": lambda w: bare().revised(interviews=[interview(place=w)]),
}


@pytest.mark.parametrize("place", sorted(PLACES))
def test_a_word_written_in_one_place_only_is_found(place: str) -> None:
    text = search_text(PLACES[place](WORD))
    assert matches(text, WORD.lower())
    assert matches(text, f"{WORD.upper()} engineer")  # with a word from elsewhere, any case
    assert not matches(search_text(bare()), WORD)
    assert not matches(text, f"{WORD} quokka")  # every word must be there


def test_a_word_in_no_text_is_not_found_and_an_empty_query_finds_everything() -> None:
    text = search_text(PLACES["notes"](WORD))
    assert not matches(text, "quokka")
    assert matches(text, "") and matches(text, "   ")


def test_case_and_accents_are_ignored_both_ways() -> None:
    text = search_text(bare().revised(recruiter=Contact(name="Zoë Müller"), notes="STRASSE"))
    assert matches(text, "zoe muller")
    assert matches(text, "ZOË")
    assert matches(text, "straße")
    assert fold("Ｚｏë") == "zoe"  # full-width letters too


def test_control_characters_are_dropped_and_no_word_spans_two_fields() -> None:
    app = bare().revised(notes="alpha\x1b[31mbeta", location="gam")
    text = search_text(app)
    assert "\x1b" not in text
    assert matches(text, "alpha") and matches(text, "[31mbeta")
    assert not matches(text, "engineergam")  # role then location: kept apart
    assert fold("a\u200bb\u0007c") == "a b c"


NOT_WRITTEN = {"id", "calendar_uid"}
"""Text fields the person never writes (stable ids, an invitation's UID): not searched."""


def test_every_text_field_of_every_model_is_searched() -> None:
    """A text field added to a model later is searched too, or this test names it."""
    tokens: list[tuple[str, str]] = []

    def filled(cls: type[Record], **required: object) -> Any:
        data = dict(required)
        for name, info in cls.model_fields.items():
            if info.annotation is str and name not in NOT_WRITTEN:
                data[name] = f"qz{len(tokens):03d}x"
                tokens.append((f"{cls.__name__}.{name}", data[name]))
        return cls.model_validate(data)

    interview_ = filled(
        Interview,
        id="i1",
        at=FIXED_NOW,
        interviewers=[filled(Contact)],
        reflection=filled(Reflection),
    )
    application = filled(
        Application,
        stage=Stage.INTERVIEWING,
        created_at=FIXED_NOW,
        updated_at=FIXED_NOW,
        recruiter=filled(Contact),
        referees=[filled(Referee)],
        contact_log=[filled(ContactLogEntry, at=FIXED_NOW)],
        stage_history=[filled(StageChange, at=FIXED_NOW, to_stage=Stage.INTERVIEWING)],
        interviews=[interview_],
    )
    text = search_text(application)
    assert len(tokens) > 25
    assert [field for field, token in tokens if not matches(text, token)] == []
