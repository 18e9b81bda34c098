"""Application ids: safe file names on every common file system, whatever the company is called."""

from __future__ import annotations

import re
import secrets
import unicodedata

MAX_SLUG_LENGTH = 40
SUFFIX_LENGTH = 6
_SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"

# Lower-case ASCII letters, digits and single hyphens: nothing a file system, a shell or
# Windows' reserved names (CON, NUL, ...) can trip on once a suffix is attached.
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID_LENGTH = MAX_SLUG_LENGTH + 1 + SUFFIX_LENGTH


def slugify(text: str) -> str:
    """Reduce `text` to lower-case ASCII words joined by hyphens (may return "")."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_only)
    slug = "-".join(words)[:MAX_SLUG_LENGTH].strip("-")
    return slug


def new_application_id(company: str, role: str = "") -> str:
    """A fresh id such as `acme-backend-engineer-k3x9q2`: readable, unique, file-name safe."""
    slug = slugify(f"{company} {role}") or "application"
    suffix = "".join(secrets.choice(_SUFFIX_ALPHABET) for _ in range(SUFFIX_LENGTH))
    return f"{slug}-{suffix}"


def is_valid_id(candidate: str) -> bool:
    """True when `candidate` is safe to use as a file name stem."""
    return len(candidate) <= MAX_ID_LENGTH and ID_PATTERN.fullmatch(candidate) is not None


def short_token(length: int = 8) -> str:
    """A short random token for ids inside one application (interviews, contacts)."""
    return "".join(secrets.choice(_SUFFIX_ALPHABET) for _ in range(length))


PERSON_ID_PATTERN = re.compile(r"^[^\s:]{1,64}$")
"""A person id: no white space (it sits in TOML keys people read) and no ':' (entry ids such as
'thank-you:<person id>' split on the first one)."""


def new_person_id() -> str:
    """A fresh id for an interviewer, referee or recruiter: random, so it owes nothing to their
    name or place in a list, and renaming or reordering people never changes whose marks are
    whose."""
    return short_token()
