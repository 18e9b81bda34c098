"""The video call of an invitation: its link, found where each calendar puts it.

Google Calendar writes the Meet link in X-GOOGLE-CONFERENCE and again in the description;
Outlook writes the Teams link in X-MICROSOFT-SKYPETEAMSMEETINGURL and the description, and
puts "Microsoft Teams Meeting" in LOCATION; RFC 7986 calendars use CONFERENCE; Zoom links are
most often pasted into LOCATION or the description. The properties are looked at first (they
hold only the link), then the free text, and only links to a known video service count: a
description also holds links to help pages and dial-in numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

LINK_PROPERTIES = (
    "CONFERENCE",
    "X-GOOGLE-CONFERENCE",
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    "URL",
)
"""Properties whose value is a link, in the order they are trusted."""

_VIDEO_HOSTS = re.compile(
    r"(?:^|\.)(?:meet\.google\.com|zoom\.us|zoom\.com|teams\.microsoft\.com|teams\.live\.com"
    r"|webex\.com|whereby\.com|meet\.jit\.si|chime\.aws|gotomeeting\.com|around\.co)$",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://[^\s<>\"'\\\x00-\x1f\x7f-\x9f]+", re.IGNORECASE)
"""A link ends at a space, a bracket, a quote or a control character (a hostile file's
escape sequence is no part of it)."""
_HOST = re.compile(r"https?://([^/?#:]+)", re.IGNORECASE)

GENERIC_PLACES = frozenset(
    {
        "microsoft teams meeting",
        "microsoft teams",
        "teams meeting",
        "google meet",
        "zoom",
        "zoom meeting",
        "online",
        "video call",
    }
)
"""LOCATION words that only say a call is online; the link says more."""


def urls_in(text: str) -> list[str]:
    """Every http(s) link in `text`, without the punctuation that closes a sentence."""
    return [match.group(0).rstrip(".,;:)]>") for match in _URL.finditer(text)]


def is_video_link(url: str) -> bool:
    """Whether `url` goes to a known video call service."""
    host = _HOST.match(url)
    return bool(host and _VIDEO_HOSTS.search(host.group(1)))


def video_link(properties: Iterable[str], texts: Iterable[str]) -> str:
    """The first video call link in the link `properties`' values, else in the `texts`
    (location, description), else ''."""
    for text in [*properties, *texts]:
        for url in urls_in(text):
            if is_video_link(url):
                return url
    return ""
