"""A person's preferences, as kept in `settings.toml`.

Pure data: no files, no Textual. The file is written by hand, so the model is forgiving where it
can be (unknown keys are kept, every field has a default) and strict where a typo would silently
change behaviour (a weight must be a real number, not the text "2" or `true`).

Values that need the catalogs to check (which signal ids exist, which numbers make sense) are
kept raw here and checked where they are used, e.g. `signal_weights` by
`postinterview.domain.signals.validate_weight_overrides`.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, Strict

Number = Annotated[float, Strict()]
"""A TOML integer or float; text and booleans are refused rather than guessed at."""

WaitDays = Annotated[int, Strict(), Field(ge=1, le=60)]
"""A whole number of days to wait: at least one, at most about two months."""

Target = Annotated[int, Strict(), Field(ge=0, le=100)]
"""How many applications to keep open at once; 0 turns the reminder off."""

DEFAULT_MIN_DAYS_BETWEEN_CHASES = 7
DEFAULT_QUIET_AFTER_DAYS = 14
DEFAULT_ACTIVE_TARGET = 5


class FollowUpSettings(BaseModel):
    """The `[follow_up]` table: waiting times and the weekly review's thresholds."""

    model_config = ConfigDict(extra="allow")

    follow_up_days: WaitDays | None = None
    """Days after the interview to follow up when they gave no date and the company size is not
    recorded. Unset: the checklist catalog's own number."""
    follow_up_days_small: WaitDays | None = None
    """As follow_up_days, for a small company."""
    follow_up_days_large: WaitDays | None = None
    """As follow_up_days, for a large company."""
    min_days_between_chases: WaitDays = DEFAULT_MIN_DAYS_BETWEEN_CHASES
    """After a follow-up, wait this many days before the next one. Only a chase holds the next
    chase back: a thank-you note or a call to your recruiter does not."""
    quiet_after_days: WaitDays = DEFAULT_QUIET_AFTER_DAYS
    """An open application with no activity for longer than this is shown as quiet."""
    active_target: Target = DEFAULT_ACTIVE_TARGET
    """The number of open applications to aim for; fewer brings a gentle reminder."""


KeepCount = Annotated[int, Strict(), Field(ge=1, le=1000)]
"""How many earlier versions of each file to keep, whatever their age."""

KeepDays = Annotated[int, Strict(), Field(ge=0, le=3650)]
"""For how many days one version a day is also kept; 0 keeps only the latest ones."""

DEFAULT_KEEP_VERSIONS = 20
DEFAULT_KEEP_DAYS = 30


class HistorySettings(BaseModel):
    """The `[history]` table: how many earlier versions of each application file are kept."""

    model_config = ConfigDict(extra="allow")

    keep_versions: KeepCount = DEFAULT_KEEP_VERSIONS
    """The most recent earlier versions of a file kept, however old."""
    keep_days: KeepDays = DEFAULT_KEEP_DAYS
    """Beyond those, the last version of each day is kept for this many days."""


DEFAULT_SIGN_OFF = "Kind regards"


class YouSettings(BaseModel):
    """The `[you]` table: how drafts are signed. Asked for the first time a draft is opened."""

    model_config = ConfigDict(extra="allow")

    name: Annotated[str, Strict()] = ""
    """Your name, as it goes under a draft."""
    sign_off: Annotated[str, Strict()] = DEFAULT_SIGN_OFF
    """The closing line above your name, e.g. 'Kind regards' or 'Best wishes'."""


class Settings(BaseModel):
    """Everything a person can set. Every field has a default: an empty file is a valid one."""

    model_config = ConfigDict(extra="allow")

    signal_weights: dict[str, Number] = Field(default_factory=dict)
    """Custom weights for the positive signals (and cautions): signal id -> number.

    0 ignores a signal; leave a signal out to keep its standard weight. Read from the
    `[signal_weights]` table; unknown ids and implausible numbers are reported when the weights
    are used, and the standard weight is used for those.
    """

    follow_up: FollowUpSettings = Field(default_factory=FollowUpSettings)
    """The `[follow_up]` table; a bad value there is reported and its default used."""

    history: HistorySettings = Field(default_factory=HistorySettings)
    """The `[history]` table; a bad value there is reported and its default used."""

    you: YouSettings | None = None
    """The `[you]` table; None until it is written (then drafts stop asking for a name)."""
