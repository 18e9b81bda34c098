"""Which application an invitation belongs to, from what the invitation says.

An open application is a candidate when the invitation names its company: in the summary
("Interview with Acme", "Acme <> Dana", "Acme - Product Designer interview"), in the
location, or in the address of the organiser or an interviewer (dana@acme.com, or
northwind-traders.de for "Northwind Traders GmbH"). Names are compared as whole words with
case, accents and punctuation folded, and without the legal form (Inc, GmbH, Ltd...), so
"Acme" never matches "Acmeco". Several candidates at the same company are narrowed to the
one whose role the summary or the description names, when exactly that narrows them.
Pure: the caller decides what to do with none or several (the CLI lists them and asks).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from postinterview.domain.models import Application
from postinterview.transfer.import_invite import Invite
from postinterview.transfer.import_values import fold

_LEGAL_FORMS = frozenset(
    "inc incorporated ltd limited llc llp gmbh ag kg se sa sas sarl srl spa bv nv plc corp "
    "corporation co company group the".split()
)
_MAIL_PROVIDERS = frozenset(
    "gmail googlemail outlook hotmail live msn yahoo icloud me mac proton protonmail gmx web "
    "aol mail email calendar google".split()
)
"""Address labels that say nothing about the company: the person's or a mail provider's."""
_DOMAIN_WORDS = frozenset("com co org net ac gov edu www careers jobs talent hr recruiting".split())


def company_words(company: str) -> tuple[str, ...]:
    """The words of a company name as matched: folded, without its legal form."""
    words = fold(company).split()
    kept = [word for word in words if word not in _LEGAL_FORMS]
    return tuple(kept or words)


def _names_in(words: Sequence[str], text: str) -> bool:
    """Whether `words` appear, together and in order, among the words of `text`."""
    found = fold(text).split()
    size = len(words)
    return size > 0 and any(
        tuple(found[at : at + size]) == tuple(words) for at in range(len(found) - size + 1)
    )


def _domain_labels(email: str) -> set[str]:
    """The labels of an address's domain that could name a company, hyphens dropped."""
    _, at, domain = email.rpartition("@")
    if not at:
        return set()
    labels = domain.casefold().split(".")[:-1]  # the top-level domain names no company
    return {
        label.replace("-", "")
        for label in labels
        if label and label not in _DOMAIN_WORDS and label not in _MAIL_PROVIDERS
    }


def match_reasons(invite: Invite, application: Application) -> list[str]:
    """Why the invitation looks like it is for `application`: [] when nothing says so."""
    words = company_words(application.company)
    reasons = []
    if _names_in(words, invite.summary):
        reasons.append("the summary names it")
    if invite.location and _names_in(words, invite.location):
        reasons.append("the location names it")
    joined = "".join(words)
    addresses = [invite.organiser_email, *(person.email for person in invite.people)]
    for address in addresses:
        labels = _domain_labels(address)
        if joined in labels or (len(words[0]) >= 5 and words[0] in labels):
            reasons.append(f"{address.rpartition('@')[2]} is its domain")
            break
    return reasons


def invite_candidates(invite: Invite, applications: Iterable[Application]) -> list[Application]:
    """The open applications the invitation may be for, most recently changed first: one
    is the answer; none or several leave it to the person."""
    matched = [
        application
        for application in applications
        if not application.stage.is_closed and match_reasons(invite, application)
    ]
    if len(matched) > 1:
        text = f"{invite.summary}\n{invite.description}"
        by_role = [app for app in matched if _names_in(fold(app.role).split(), text)]
        if by_role:
            matched = by_role
    return sorted(matched, key=lambda application: application.updated_at, reverse=True)
