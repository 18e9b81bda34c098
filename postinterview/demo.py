"""Sample data for `postinterview demo`, screenshots and benchmarks: a believable job search.

Thirteen applications across the stages, relative to `now`: a role saved to apply for, fresh
ones and quiet ones, interviews with named interviewers, referees, signals answered, checklist
ticks and contact-log entries, a rejection, a withdrawal, an offer, and thank-you notes due
today and overdue. Pure: built from
the domain's own editing functions, so every record is valid and its history consistent. The
people and companies are invented.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from postinterview.domain.contacts import log_contact
from postinterview.domain.editing import move_stage, new_application
from postinterview.domain.ids import slugify
from postinterview.domain.interviews import add_interview, schedule_interview
from postinterview.domain.models import (
    Application,
    Channel,
    CompanySize,
    Contact,
    InterviewFormat,
    InterviewKind,
    Referee,
    Source,
)
from postinterview.domain.stages import Stage
from postinterview.domain.ticks import tick_entry

Step = Callable[[Application], Application]


class _Timeline:
    """Moments relative to `now`, on whole minutes, in `now`'s time zone."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def days_ago(self, days: int, hour: int = 10, minute: int = 0) -> datetime:
        """`days` before today at hour:minute (days >= 1, so always in the past)."""
        day = self.now - timedelta(days=days)
        return day.replace(hour=hour, minute=minute, second=0, microsecond=0)

    def workday_ago(self, days: int, hour: int = 10, minute: int = 0) -> datetime:
        """As days_ago, moved back to the Friday before when it falls on a weekend."""
        moment = self.days_ago(days, hour, minute)
        return moment - timedelta(days=max(0, moment.weekday() - 4))

    def hours_ago(self, hours: float) -> datetime:
        """`hours` before now, rounded down to a quarter hour."""
        moment = self.now - timedelta(hours=hours)
        return moment.replace(minute=moment.minute // 15 * 15, second=0, microsecond=0)

    def day(self, days_from_today: int) -> date:
        """A calendar day relative to today (negative: in the past)."""
        return self.now.date() + timedelta(days=days_from_today)


# People carry fixed, readable ids (not the random ones new people get) so the demo's checklist
# marks below can name them: 'thank-you:monica-hall' is '<item id>:<person id>'.
_REFEREES = [
    Referee(
        id="referee-priya-natarajan",
        name="Priya Natarajan",
        title="Former manager",
        email="priya@example.org",
    ),
    Referee(
        id="referee-tom-lindqvist", name="Tom Lindqvist", title="Tech lead", phone="+44 7700 900123"
    ),
]


def _start(number: int, company: str, role: str, created: datetime, **fields: Any) -> Application:
    slug = slugify(f"{company} {role}")
    if len(slug) > 34:
        slug = slug[:35].rsplit("-", 1)[0]  # whole words only
    app_id = f"{slug}-demo{number:02d}"
    return new_application(company, role, created, **fields).model_copy(update={"id": app_id})


def _apply(application: Application, *steps: Step) -> Application:
    for step in steps:
        application = step(application)
    return application


def _move(stage: Stage, at: datetime, note: str = "") -> Step:
    return lambda app: move_stage(app, stage, at, note)


def _interview(interview_id: str, at: datetime, **fields: Any) -> Step:
    return lambda app: add_interview(app, interview_id, at, at, **fields)


def _schedule(interview_id: str, at: datetime, booked: datetime, **fields: Any) -> Step:
    return lambda app: schedule_interview(app, interview_id, at, booked, **fields)


def _tick(interview_id: str, entry_id: str, at: datetime) -> Step:
    # Through the one tick function, as the screens tick: a thank-you ticked here is logged as
    # a contact just as it would be in the app, so the sample data is what using it produces.
    return lambda app: tick_entry(app, interview_id, entry_id, "done", at)


def _skip(interview_id: str, entry_id: str, at: datetime) -> Step:
    return lambda app: tick_entry(app, interview_id, entry_id, "not_applicable", at)


def _contact(at: datetime, note: str, channel: Channel, who: str) -> Step:
    return lambda app: log_contact(app, at, note, channel, who)


def demo_applications(now: datetime) -> list[Application]:
    """The sample job search as it stands at `now` (timezone-aware)."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    t = _Timeline(now)
    return [
        _fresh(t),
        _quiet_applied(t),
        _screening(t),
        _quiet_screening(t),
        _overdue_thanks(t),
        _interviewed_today(t),
        _follow_up_due(t),
        _awaiting_with_referees(t),
        _offer(t),
        _rejected(t),
        _withdrawn(t),
        _no_reply(t),
        _saved(t),
    ]


def _fresh(t: _Timeline) -> Application:
    return _start(
        1,
        "Acme Robotics",
        "Backend Engineer",
        t.days_ago(1, 19, 40),
        applied_on=t.day(-1),
        source=Source.DIRECT,
        company_size=CompanySize.SMALL,
        location="Leeds (hybrid)",
        job_link="https://careers.acme-robotics.example/jobs/backend-engineer",
        notes="Small team building warehouse robots. Python and Go.",
    )


def _quiet_applied(t: _Timeline) -> Application:
    return _start(
        2,
        "Northwind Traders",
        "Data Engineer",
        t.days_ago(20, 9, 15),
        applied_on=t.day(-20),
        source=Source.AGENCY,
        location="Manchester",
        recruiter=Contact(
            id="recruiter-dev-patel",
            name="Dev Patel",
            title="Consultant",
            email="dev@talentbridge.example",
        ),
        notes="Sent through Talent Bridge.",
    )


def _screening(t: _Timeline) -> Application:
    app = _start(
        3,
        "Globex",
        "Data Analyst",
        t.days_ago(12, 8, 30),
        applied_on=t.day(-12),
        source=Source.DIRECT,
        company_size=CompanySize.LARGE,
        location="Remote (UK)",
        job_link="https://globex.example/careers/4411",
    )
    return _apply(
        app,
        _contact(t.days_ago(6, 11), "Asked for a screening call.", Channel.EMAIL, "Hiring team"),
        _move(Stage.SCREENING, t.days_ago(6, 11, 5), "Screening call booked"),
        # Booked two days ago for three days ahead: Today's "Interviews coming up".
        _schedule(
            "iv-globex-first",
            (t.now + timedelta(days=3)).replace(hour=14, minute=0, second=0, microsecond=0),
            t.days_ago(2, 9),
            round=1,
            kind=InterviewKind.SCREEN,
            format=InterviewFormat.VIDEO,
            planned_minutes=45,
            place="https://meet.globex.example/data-analyst",
            interviewers=[Contact(id="hana-ito", name="Hana Ito", title="Analytics Lead")],
        ),
    )


def _quiet_screening(t: _Timeline) -> Application:
    app = _start(
        4,
        "Stark Logistics",
        "Site Reliability Engineer",
        t.days_ago(30, 13),
        applied_on=t.day(-30),
        source=Source.REFERRAL,
        location="Bristol",
        notes="Referred by Sam from the meetup.",
    )
    return _apply(app, _move(Stage.SCREENING, t.days_ago(18, 16), "Phone screen with HR"))


def _overdue_thanks(t: _Timeline) -> Application:
    """Interviewed five days ago; neither thank-you note sent yet."""
    held = t.workday_ago(5, 14)
    app = _start(
        5,
        "Initech",
        "Platform Engineer",
        t.days_ago(21, 10),
        applied_on=t.day(-21),
        source=Source.DIRECT,
        company_size=CompanySize.LARGE,
        location="London",
        referees=_REFEREES,
    )
    return _apply(
        app,
        _move(Stage.SCREENING, t.days_ago(14, 9, 30)),
        _interview(
            "iv-initech-1",
            held,
            round=1,
            kind=InterviewKind.TECHNICAL,
            format=InterviewFormat.IN_PERSON,
            interviewers=[
                Contact(
                    id="ana-ruiz", name="Ana Ruiz", title="CTO", email="ana.ruiz@initech.example"
                ),
                Contact(id="ben-okafor", name="Ben Okafor", title="Staff Engineer"),
            ],
            planned_minutes=60,
            actual_minutes=85,
            next_steps="A final round with the VP if this goes well.",
            reflection={
                "went_well": "The Kubernetes migration story landed well.",
                "to_improve": "Rambled on the on-call question.",
                "interested_them": "How we cut deploy times in half.",
                "interested_them_by_person": {
                    "ana-ruiz": "How I would grow the platform team.",
                    "ben-okafor": "The canary releases we built last year.",
                },
                "forgot_to_say": "I run the internal Go workshop.",
                "still_want": "yes",
            },
            signals={"ran_long": True, "met_team": True, "next_steps_explained": True},
        ),
        _move(Stage.INTERVIEWING, held, "Interview recorded"),
        _tick("iv-initech-1", "write-down-who-you-met", held + timedelta(hours=2)),
    )


def _interviewed_today(t: _Timeline) -> Application:
    """A video interview a few hours ago, through a recruiter: notes and a call due today."""
    held = t.hours_ago(3)
    app = _start(
        6,
        "Hooli",
        "Site Reliability Engineer",
        t.days_ago(10, 12),
        applied_on=t.day(-10),
        source=Source.RECRUITER,
        company_size=CompanySize.LARGE,
        location="Remote (Europe)",
        recruiter=Contact(
            id="recruiter-maya-chen", name="Maya Chen", title="Recruiter", phone="+44 20 7946 0018"
        ),
    )
    return _apply(
        app,
        _interview(
            "iv-hooli-1",
            held,
            round=1,
            kind=InterviewKind.SCREEN,
            format=InterviewFormat.VIDEO,
            interviewers=[
                Contact(id="gavin-belson", name="Gavin Belson", title="Head of Infrastructure")
            ],
            planned_minutes=45,
            actual_minutes=50,
            promised_to_send="The load-testing write-up I mentioned.",
            contact_method="Maya will call",
        ),
        _move(Stage.INTERVIEWING, held, "Interview recorded"),
    )


def _follow_up_due(t: _Timeline) -> Application:
    """The decision date they gave has passed without news: time for one polite check-in."""
    held = t.workday_ago(9, 11)
    app = _start(
        7,
        "Pied Piper",
        "Senior Python Developer",
        t.days_ago(25, 10),
        applied_on=t.day(-26),
        source=Source.DIRECT,
        company_size=CompanySize.SMALL,
        location="Cambridge",
    )
    return _apply(
        app,
        _move(Stage.SCREENING, t.days_ago(18, 15)),
        _interview(
            "iv-piper-2",
            held,
            round=2,
            kind=InterviewKind.FINAL,
            format=InterviewFormat.IN_PERSON,
            interviewers=[
                Contact(id="monica-hall", name="Monica Hall", title="COO"),
                Contact(id="bertram-gilfoyle", name="Bertram Gilfoyle", title="Systems Architect"),
            ],
            planned_minutes=90,
            actual_minutes=120,
            decision_expected_on=t.day(-3),
            contact_method="Email from Monica",
            reflection={"went_well": "Good rapport with Monica.", "still_want": "yes"},
            signals={
                "ran_long": True,
                "easy_rapport": True,
                "future_language": True,
                "met_decision_makers": True,
                "no_timeline": False,
            },
        ),
        _move(Stage.AWAITING_DECISION, held + timedelta(hours=3), "Final round done"),
        _tick("iv-piper-2", "thank-you:monica-hall", held + timedelta(hours=5)),
        _tick("iv-piper-2", "thank-you:bertram-gilfoyle", held + timedelta(hours=5)),
        _skip("iv-piper-2", "warn-your-referees", held + timedelta(hours=5)),
        _skip("iv-piper-2", "thank-your-referees", held + timedelta(hours=5)),
    )


def _awaiting_with_referees(t: _Timeline) -> Application:
    """Asked for references after the final round; referees warned; decision next week."""
    held = t.workday_ago(3, 9, 30)
    app = _start(
        8,
        "Vandelay Industries",
        "Product Engineer",
        t.days_ago(28, 17),
        applied_on=t.day(-28),
        source=Source.REFERRAL,
        location="Glasgow",
        referees=_REFEREES,
    )
    return _apply(
        app,
        _move(Stage.INTERVIEWING, t.days_ago(15, 10), "First interview"),
        _interview(
            "iv-vandelay-final",
            held,
            round=3,
            kind=InterviewKind.PANEL,
            format=InterviewFormat.VIDEO,
            interviewers=[Contact(id="art-vandelay", name="Art Vandelay", title="Founder")],
            decision_expected_on=t.day(4),
            references_requested=True,
            signals={"references_requested": True, "end_stage_questions": True},
        ),
        _move(Stage.AWAITING_DECISION, held + timedelta(hours=2)),
        _tick("iv-vandelay-final", "thank-you:art-vandelay", held + timedelta(hours=6)),
        _tick("iv-vandelay-final", "warn-your-referees", held + timedelta(hours=7)),
    )


def _offer(t: _Timeline) -> Application:
    held = t.workday_ago(10, 15)
    app = _start(
        9,
        "Wonka Labs",
        "Frontend Developer",
        t.days_ago(35, 10),
        applied_on=t.day(-35),
        source=Source.DIRECT,
        company_size=CompanySize.SMALL,
        location="York",
        offer_respond_by=t.day(4),
    )
    return _apply(
        app,
        _move(Stage.SCREENING, t.days_ago(27, 10)),
        _interview(
            "iv-wonka-final",
            held,
            round=2,
            kind=InterviewKind.FINAL,
            format=InterviewFormat.IN_PERSON,
            interviewers=[
                Contact(id="charlie-bucket", name="Charlie Bucket", title="Engineering Lead")
            ],
            signals={"future_language": True, "left_enthusiastic": True},
        ),
        _move(Stage.INTERVIEWING, held),
        _tick("iv-wonka-final", "thank-you:charlie-bucket", held + timedelta(hours=4)),
        _skip("iv-wonka-final", "warn-your-referees", held + timedelta(hours=4)),
        _skip("iv-wonka-final", "thank-your-referees", held + timedelta(hours=4)),
        _contact(t.days_ago(1, 16), "Offer call: written offer to follow.", Channel.PHONE, "HR"),
        _move(Stage.OFFER, t.days_ago(1, 16, 20), "Verbal offer"),
    )


def _rejected(t: _Timeline) -> Application:
    """Turned down four days ago: ask for feedback and thank the recruiter."""
    held = t.workday_ago(12, 10)
    app = _start(
        10,
        "Umbrella Health",
        "UX Designer",
        t.days_ago(30, 9),
        applied_on=t.day(-30),
        source=Source.RECRUITER,
        recruiter=Contact(
            id="recruiter-jill-valentine", name="Jill Valentine", title="Senior Recruiter"
        ),
        location="Birmingham",
    )
    return _apply(
        app,
        _interview(
            "iv-umbrella-1",
            held,
            round=1,
            kind=InterviewKind.PANEL,
            format=InterviewFormat.VIDEO,
            interviewers=[
                Contact(id="albert-wesker", name="Albert Wesker"),
                Contact(id="claire-redfield", name="Claire Redfield"),
            ],
            went_badly=True,
            signals={"engaged_interviewers": False, "one_awkward_moment": True},
        ),
        _move(Stage.INTERVIEWING, held),
        _move(Stage.REJECTED, t.days_ago(4, 14), "Email from Jill: went with another candidate"),
    )


def _withdrawn(t: _Timeline) -> Application:
    app = _start(
        11,
        "Soylent Foods",
        "Backend Developer",
        t.days_ago(40, 11),
        applied_on=t.day(-40),
        source=Source.DIRECT,
        location="Reading",
    )
    return _apply(
        app,
        _move(Stage.SCREENING, t.days_ago(33, 10)),
        _move(Stage.WITHDRAWN, t.days_ago(30, 18), "The salary band was well below my floor."),
    )


def _no_reply(t: _Timeline) -> Application:
    app = _start(
        12,
        "Cyberdyne Systems",
        "Machine Learning Engineer",
        t.days_ago(50, 10),
        applied_on=t.day(-50),
        source=Source.DIRECT,
        company_size=CompanySize.LARGE,
    )
    return _apply(app, _move(Stage.NO_REPLY, t.days_ago(10, 9), "Nothing after seven weeks"))


def _saved(t: _Timeline) -> Application:
    return _start(
        13,
        "Heronsgate Analytics",
        "Analytics Engineer",
        t.days_ago(3, 21, 10),
        stage=Stage.SAVED,
        source=Source.DIRECT,
        location="Remote (UK)",
        job_link="https://jobs.heronsgate.example/analytics-engineer",
        notes="Closes at the end of the month. Rework the CV around dbt before applying.",
    )
