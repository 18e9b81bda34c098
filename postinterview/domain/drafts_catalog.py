"""The drafts catalog: what each ready-to-send draft says, as data, and the checks on it.

The wording lives in `postinterview/content/drafts.toml`; its header comment documents every
key, the placeholders and the conditions. This module validates it, so that an unknown or
unguarded placeholder is a catalog error found when it loads, never a gap in a draft, and
checks that every draft the checklist catalog offers (`drafts = [...]` on an item) exists.

Pure: no Textual, no storage, no clock, and no I/O apart from reading the packaged TOML through
importlib.resources.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Annotated, Any, Final, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)

from postinterview.domain.catalog_files import parse_catalog, read_packaged_text
from postinterview.domain.checklist import ChecklistCatalog, load_checklist_catalog

CATALOG_FILE = "drafts.toml"

REQUIRED_PLACEHOLDERS: Final = frozenset({"greeting_name", "company", "role", "sign_off"})
"""Filled for every draft, so any line may use them."""
INTERVIEW_PLACEHOLDERS: Final = frozenset({"interview", "interview_date"})
"""Filled whenever the draft is about an interview: always in a draft that needs one; a draft
that can be written without one (`needs_interview = false`) lists them in `when`."""
OPTIONAL_PLACEHOLDERS: Final = frozenset(
    {
        "your_name",
        "person_name",
        "person_title",
        "interviewer_names",
        "other_interviewers",
        "interview_format",
        "interested_them",
        "forgot_to_say",
        "promised_to_send",
        "decision_date",
        "recruiter_name",
        "applied_date",
    }
)
"""Filled only when the record holds them: a line using one must list it in `when`."""
PLACEHOLDERS: Final = REQUIRED_PLACEHOLDERS | INTERVIEW_PLACEHOLDERS | OPTIONAL_PLACEHOLDERS
CONDITIONS: Final = INTERVIEW_PLACEHOLDERS | OPTIONAL_PLACEHOLDERS
"""What `when` and `unless` may name."""

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def placeholders_in(text: str) -> list[str]:
    """The placeholder names `text` uses, in order of first use."""
    names: list[str] = []
    for name in _PLACEHOLDER.findall(text):
        if name not in names:
            names.append(name)
    return names


def fill(text: str, facts: dict[str, str]) -> str:
    """`text` with its placeholders replaced by `facts` (every one must be there)."""
    # One pass: a value that happens to contain braces is never read as a placeholder.
    return _PLACEHOLDER.sub(lambda match: facts[match.group(1)], text)


# --- Catalog models ----------------------------------------------------------------------------


class _CatalogModel(BaseModel):
    # The catalog is our own data: an unknown key is a typo to report, not data to keep.
    model_config = ConfigDict(extra="forbid", frozen=True)


def _template_text(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    if "\n" in value or "\r" in value:
        raise ValueError("must be a single line: write a list of lines for several")
    if value != value.strip() or "  " in value:
        raise ValueError("must not start or end with spaces or hold double spaces")
    unknown = [name for name in placeholders_in(value) if name not in PLACEHOLDERS]
    if unknown:
        listed = ", ".join(f"{{{name}}}" for name in unknown)
        raise ValueError(f"unknown placeholder {listed}; known: {', '.join(sorted(PLACEHOLDERS))}")
    if "{" in _PLACEHOLDER.sub("", value) or "}" in _PLACEHOLDER.sub("", value):
        raise ValueError("braces are only for placeholders such as {company}")
    if "[" in value or "]" in value:
        raise ValueError("square brackets look like a blank to fill in: a draft has none")
    return value


def _known_condition(value: str) -> str:
    if value not in CONDITIONS:
        raise ValueError(f"unknown condition {value!r}; known: {', '.join(sorted(CONDITIONS))}")
    return value


def _kebab(value: str) -> str:
    if not _KEBAB.fullmatch(value):
        raise ValueError("must be kebab-case: lower-case letters and digits joined by hyphens")
    return value


Condition = Annotated[str, AfterValidator(_known_condition)]
"""An optional placeholder's name."""
DraftId = Annotated[str, AfterValidator(_kebab), Field(max_length=60)]


class Line(_CatalogModel):
    """One line of a draft, used only when its conditions hold."""

    text: Annotated[str, AfterValidator(_template_text)]
    when: list[Condition] = Field(default_factory=list)
    """Used only when all these facts are present."""
    unless: list[Condition] = Field(default_factory=list)
    """...and none of these are."""

    @model_validator(mode="after")
    def _guarded(self) -> Self:
        both = sorted(set(self.when) & set(self.unless))
        if both:
            raise ValueError(f"{', '.join(both)} is in both when and unless")
        unguarded = self.unguarded(OPTIONAL_PLACEHOLDERS)
        if unguarded:
            names = ", ".join(unguarded)
            raise ValueError(f"uses {names}, which may be missing: add it to `when`")
        return self

    def unguarded(self, names: frozenset[str]) -> list[str]:
        """The placeholders among `names` this line uses without listing them in `when`."""
        return [n for n in placeholders_in(self.text) if n in names and n not in self.when]

    @property
    def conditional(self) -> bool:
        """Whether the line depends on the record at all."""
        return bool(self.when or self.unless)

    def applies(self, present: frozenset[str]) -> bool:
        """Whether the line is used when exactly the `present` facts are known."""
        return all(name in present for name in self.when) and not any(
            name in present for name in self.unless
        )


def _as_line(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


def _as_lines(value: Any) -> Any:
    return value if isinstance(value, list) else [value]


LineSpec = Annotated[Line, BeforeValidator(_as_line)]
"""A line: a plain string, or a table with text, when and unless."""
Paragraph = Annotated[list[LineSpec], BeforeValidator(_as_lines), Field(min_length=1)]
"""A paragraph: one line, or several shown one under the other."""


def _one_of(lines: list[Line]) -> list[Line]:
    if lines and lines[-1].conditional:
        raise ValueError("the last choice must have no conditions, so one always applies")
    return lines


Choice = Annotated[
    list[LineSpec], BeforeValidator(_as_lines), Field(min_length=1), AfterValidator(_one_of)
]
"""One line out of several: the first whose conditions hold."""

Addressee = Literal["interviewer", "panel", "contact", "referee"]
"""Whom a draft is written to (see the catalog header)."""


class DraftTemplate(_CatalogModel):
    """One draft, before it is filled in."""

    id: DraftId
    channel: Literal["email", "phone"]
    to: Addressee
    needs_interview: bool = True
    title: Choice
    subject: Choice | None = None
    body: Annotated[list[Paragraph], Field(min_length=1)]
    reminders: Annotated[list[LineSpec], Field(min_length=1, max_length=10)]
    optional: list[LineSpec] = Field(default_factory=list)
    """Lines the person may add; shown beside the draft, never put in it."""
    note: list[LineSpec] = Field(default_factory=list)
    """Where the sources disagree, shown beside the draft."""
    sources: Annotated[list[str], Field(min_length=1)]

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.channel == "email" and self.subject is None:
            raise ValueError("an email draft needs a subject")
        if self.channel == "phone" and self.subject is not None:
            raise ValueError("a phone draft has no subject")
        if len(set(self.sources)) != len(self.sources):
            raise ValueError("sources are listed twice")
        if not self.needs_interview:
            for line in self.lines():
                unguarded = line.unguarded(INTERVIEW_PLACEHOLDERS)
                if unguarded:
                    raise ValueError(
                        f"{line.text!r} uses {', '.join(unguarded)}, which a draft without an "
                        "interview lacks: add it to `when`"
                    )
        return self

    def lines(self) -> list[Line]:
        """Every line: title, subject, body, reminders, optional lines and note."""
        found = self.title + (self.subject or [])
        found += [line for paragraph in self.body for line in paragraph]
        return found + self.reminders + self.optional + self.note


class DraftsCatalog(_CatalogModel):
    """The whole catalog: the seed articles it cites and its drafts."""

    version: Literal[1]
    sources: dict[str, str]
    for_quiet: list[DraftId] = Field(min_length=1)
    """The drafts the weekly review offers for an application that has gone quiet."""
    drafts: Annotated[list[DraftTemplate], Field(min_length=1)]

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        ids = [draft.id for draft in self.drafts]
        twice = sorted({kind for kind in ids if ids.count(kind) > 1})
        if twice:
            raise ValueError(f"draft {', '.join(twice)} is defined twice")
        unknown_quiet = [kind for kind in self.for_quiet if kind not in ids]
        if unknown_quiet:
            raise ValueError(f"for_quiet names unknown drafts: {', '.join(unknown_quiet)}")
        for draft in self.drafts:
            unknown = [name for name in draft.sources if name not in self.sources]
            if unknown:
                raise ValueError(f"draft {draft.id!r} cites unknown sources: {', '.join(unknown)}")
        return self

    def template(self, kind: str) -> DraftTemplate:
        """The draft `kind`; KeyError for an unknown one."""
        for draft in self.drafts:
            if draft.id == kind:
                return draft
        raise KeyError(kind)

    def lines(self) -> list[Line]:
        """Every line of every draft."""
        return [line for draft in self.drafts for line in draft.lines()]


class DraftsCatalogError(ValueError):
    """The drafts catalog is missing, is not TOML, does not match the expected shape, or the
    checklist offers a draft it does not have."""


def parse_drafts_catalog(text: str, origin: str = CATALOG_FILE) -> DraftsCatalog:
    """Validate catalog TOML; raise DraftsCatalogError saying where and what is wrong."""
    return parse_catalog(text, origin, DraftsCatalog, DraftsCatalogError, "drafts", "drafts")


def check_offered_drafts(checklist: ChecklistCatalog, catalog: DraftsCatalog) -> None:
    """Raise DraftsCatalogError if a checklist item offers a draft the catalog lacks."""
    known = {draft.id for draft in catalog.drafts}
    wrong = [
        f"{item.id} offers {kind!r}"
        for item in checklist.items
        for kind in item.drafts
        if kind not in known
    ]
    if wrong:
        raise DraftsCatalogError(
            f"checklist.toml offers drafts that {CATALOG_FILE} does not have: {'; '.join(wrong)}"
        )


@cache
def load_drafts_catalog() -> DraftsCatalog:
    """The packaged catalog, validated (with the checklist's offers) once and then shared."""
    catalog = parse_drafts_catalog(
        read_packaged_text(CATALOG_FILE, DraftsCatalogError), CATALOG_FILE
    )
    check_offered_drafts(load_checklist_catalog(), catalog)
    return catalog
