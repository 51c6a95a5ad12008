"""dateparser as a normalizer of spans the library found (never as a finder).

A named-entity tagger (the stanza backend) marks DATE/TIME spans that no rule of the
recognizer reads ("Mar 30th 2021"); dateparser turns such a span into a value, with
``languages=["en"]``, the reference date as ``RELATIVE_BASE`` and the clause's tense as
``PREFER_DATES_FROM``.  A relative span with no reference date stays unresolved: it is
parsed against two distant bases, and if the answers differ the span depended on one.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .recognize.partial import Partial
from .resolve import Reference, Resolved, bounds_of
from .types import Granularity, Tense

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = ["normalize_surface", "parseable"]

_PREFER: dict[Tense, str] = {"past": "past", "future": "future"}
# two bases far apart: a span that resolves the same against both is absolute
_PROBES = (datetime(1990, 1, 1), datetime(2010, 7, 15))


def normalize_surface(partial: Partial, *, reference: Reference | None, tense: Tense) -> Resolved:
    assert partial.surface is not None
    parsed: tuple[date, str] | None
    if reference is None:
        first, second = (_parse(partial.surface, base, tense) for base in _PROBES)
        if first is None or second is None or first != second:
            return Resolved("XXXX-XX-XX", "unknown", None, None, None, "no publication date")
        parsed = first
        described = "dateparser, absolute"
    else:
        base = datetime.combine(reference.day, datetime.min.time())
        parsed = _parse(partial.surface, base, tense)
        described = f"dateparser, {reference.description}"
    if parsed is None:
        return Resolved("XXXX-XX-XX", "unknown", None, None, None, "dateparser could not read it")
    day, period = parsed
    return _resolved(day, period, partial, described)


def parseable(surface: str) -> bool:
    """True when dateparser reads ``surface`` as a date against some base."""
    return _parse(surface, _PROBES[1], "unknown") is not None


def _parse(surface: str, base: datetime, tense: Tense) -> tuple[date, str] | None:
    data = _parser(_PREFER.get(tense, "current_period"), base).get_date_data(surface)
    found: Any = data["date_obj"]
    if found is None:
        return None
    return found.date(), str(data["period"] or "day")


@lru_cache(maxsize=64)
def _parser(prefer: str, base: datetime) -> DateDataParser:
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": prefer,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
    }
    return DateDataParser(languages=["en"], settings=settings)


def _resolved(day: date, period: str, partial: Partial, described: str) -> Resolved:
    granularity: Granularity
    if period == "year":
        granularity = "year"
        value = f"{day.year:04d}"
        start, end = bounds_of("year", day.year)
    elif period == "month":
        granularity = "month"
        value = f"{day.year:04d}-{day.month:02d}"
        start, end = bounds_of("month", day.year, day.month)
    elif period == "week":
        iso = day.isocalendar()
        granularity = "week"
        value = f"{iso.year:04d}-W{iso.week:02d}"
        start = date.fromisocalendar(iso.year, iso.week, 1)
        end = date.fromisocalendar(iso.year, iso.week, 7)
    else:
        granularity = "day"
        value = day.isoformat()
        start = end = day
    return Resolved(value, granularity, start, end, partial.mod, described)
