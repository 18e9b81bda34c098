"""A small, realistic pipeline at FIXED_NOW, shared by the board, detail and review tests."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from postinterview.domain.editing import move_stage, new_application
from postinterview.domain.interviews import add_interview
from postinterview.domain.models import Application, Contact
from postinterview.domain.stages import Stage
from postinterview.storage.store import ApplicationStore
from tests.conftest import FIXED_NOW

OVERDUE_ID = "initech"
"""Interviewed five days ago; the thank-you notes are overdue."""
QUIET_ID = "globex"
"""Applied three weeks ago, not a word since."""
FRESH_ID = "acme"
"""Applied yesterday."""
ANSWERED_ID = "hooli"
"""Interviewed this morning, two signals noticed."""
CLOSED_ID = "umbrella"
"""Rejected."""


def _application(app_id: str, company: str, role: str, days_ago: float) -> Application:
    created = FIXED_NOW - timedelta(days=days_ago)
    return new_application(company, role, created).model_copy(update={"id": app_id})


def pipeline() -> list[Application]:
    """Five applications in four stages."""
    fresh = _application(FRESH_ID, "Acme Robotics", "Backend Engineer", 1)
    quiet = move_stage(
        _application(QUIET_ID, "Globex", "Data Analyst", 25),
        Stage.SCREENING,
        FIXED_NOW - timedelta(days=21),
    )
    overdue_at = FIXED_NOW - timedelta(days=5)
    overdue = add_interview(
        move_stage(
            _application(OVERDUE_ID, "Initech", "Platform Engineer", 20),
            Stage.INTERVIEWING,
            overdue_at,
        ),
        "iv-initech",
        overdue_at,
        overdue_at,
        interviewers=[
            Contact(id="ana-ruiz", name="Ana Ruiz", title="CTO"),
            Contact(id="ben-okafor", name="Ben Okafor"),
        ],
    )
    answered_at = FIXED_NOW - timedelta(hours=4)
    answered = add_interview(
        move_stage(_application(ANSWERED_ID, "Hooli", "SRE", 10), Stage.INTERVIEWING, answered_at),
        "iv-hooli",
        answered_at,
        answered_at,
        interviewers=[Contact(id="gavin-belson", name="Gavin Belson")],
        signals={"ran_long": True, "met_team": True},
    )
    closed = move_stage(
        _application(CLOSED_ID, "Umbrella Health", "Designer", 30),
        Stage.REJECTED,
        FIXED_NOW - timedelta(days=12),
    )
    return [fresh, quiet, overdue, answered, closed]


def seed_pipeline(data_dir: Path) -> ApplicationStore:
    """A store in `data_dir` holding `pipeline()`."""
    store = ApplicationStore(data_dir)
    for application in pipeline():
        store.create(application)
    return store
