"""Resolution: an underspecified value + a reference date + tense → TIMEX3 value and bounds.

Small pure functions, one per kind of value.  The reference is the publication date
for news, or the last mentioned date for narratives and anchored expressions
("a year earlier").  Names without a year ("December", "Friday") take the year the
clause's tense points to: a past verb looks back from the reference, "will" looks
forward, and otherwise the nearest one wins (ties look back: news reports the past).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from .recognize.lexicon import lexicon
from .recognize.partial import BY_TENSE_REF, Partial
from .types import Granularity, Tense

__all__ = ["Resolved", "add_duration", "bounds_of", "in_days", "resolve", "stretch_at_edge"]

_MIN_YEAR, _MAX_YEAR = 1, 9999
_SEASONS = ("SP", "SU", "FA", "WI")


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolved value: TIMEX3 string, granularity, inclusive bounds, and how it was found."""

    value: str
    granularity: Granularity
    start: date | None
    end: date | None
    mod: str | None = None
    #: what the value was resolved against ("" for absolute dates)
    reference: str = ""


class Reference(NamedTuple):
    """The date a relative expression is resolved against, and what it is.

    A named tuple: it is part of the resolution cache's key, and two equal references
    made by two calls must compare in C (a dataclass's ``__eq__`` is Python, and a
    date-dense text looks the cache up once per word).
    """

    day: date
    granularity: Granularity
    description: str


def resolve(partial: Partial, *, reference: Reference | None, tense: Tense) -> Resolved:
    """Resolve ``partial`` against ``reference`` (None: leave relative values unresolved)."""
    return _resolve_cached(partial, reference, tense)


# Resolution is a pure function of its three arguments, and a text repeats them: every
# "Friday" of an article resolves alike.  (A list of dates repeats them thousands of times.)
@lru_cache(maxsize=4096)
def _resolve_cached(partial: Partial, reference: Reference | None, tense: Tense) -> Resolved:
    resolved = _within_calendar(_resolve(partial, reference=reference, tense=tense), partial)
    if partial.so_far or partial.from_here:
        # the days before the reference are all "earlier this year" can mean, the days
        # from it all "later this year" can, whatever third its START (END) would keep
        cut = _around_reference(resolved, reference, after=partial.from_here)
        if cut is not resolved:
            return cut
    narrowed = _narrowed_by_mod(resolved)
    if not partial.edge:
        return narrowed
    edged = _at_edge(narrowed, partial.edge)
    away = _edge_against_tense(edged, partial, reference, tense)
    if away is None:
        return edged
    return _resolve_cached(partial._replace(direction=away), reference, tense)


def _edge_against_tense(
    edged: Resolved, partial: Partial, reference: Reference | None, tense: Tense
) -> int | None:
    """The direction to take a yearless period's edge from when the tense chose the
    period but its edge lies on the other side of the reference: "ended on the last
    day of March" on March 30 is last year's March 31, "will start on the first day of
    March" on March 30 next year's March 1."""
    if (
        reference is None
        or reference.granularity != "day"
        or partial.year is not None
        or partial.direction is not None
        or edged.start is None
        or edged.end is None
    ):
        return None
    if tense == "past" and edged.start > reference.day:
        return -1
    if tense == "future" and edged.end < reference.day:
        return 1
    return None


def _around_reference(period: Resolved, reference: Reference | None, *, after: bool) -> Resolved:
    """ "the year to date", "so far this month", "earlier this year": the period's days
    up to the reference day; ``after``, "later this month": its days from that day on;
    when the period holds the day (the value stays the period's)."""
    if reference is None or reference.granularity != "day" or period.start is None:
        return period
    day = reference.day
    if (
        period.end is None
        or not period.start <= day <= period.end
        or (day == period.end and not after)
    ):
        return period
    start, end = (day, period.end) if after else (period.start, day)
    return Resolved(period.value, period.granularity, start, end, period.mod, period.reference)


def _at_edge(period: Resolved, edge: str) -> Resolved:
    """ "the last day of March", "the first week of July": the day at that edge of the
    resolved period, or the week holding its first (last) four days."""
    if period.start is None or period.end is None:
        return period  # an underspecified period keeps its value
    side, unit = edge.split()
    if unit.isdigit():
        return _weekday_at_edge(period, side, int(unit))
    if unit == "weekend":
        return _weekend_at_edge(period, side)
    later = _NTH.get(side, 1) - 1  # "the second week of": one week after the first
    try:
        if unit == "day":
            day = period.start + timedelta(days=later) if side != "last" else period.end
            if day > period.end:
                return period
            return Resolved(day.isoformat(), "day", day, day, None, period.reference)
        day = period.start if side != "last" else period.end
        middle = day + timedelta(days=3 + 7 * later if side != "last" else -3)
        year, week, weekday = middle.isocalendar()
        monday = middle - timedelta(days=weekday - 1)
        sunday = monday + timedelta(days=6)
    except OverflowError:  # the last week of 9999 ends in 10000
        return period
    if middle > period.end:
        return period  # "the fourth week of" a period that has no fourth
    return Resolved(f"{year:04d}-W{week:02d}", "week", monday, sunday, None, period.reference)


def _weekend_at_edge(period: Resolved, side: str) -> Resolved:
    """ "the last weekend of August": the Saturday and Sunday of the period's first
    (second …, last) Saturday."""
    assert period.start is not None
    assert period.end is not None
    saturday = _weekday_at_edge(period, side, _SATURDAY)
    if saturday.start is None or saturday.granularity != "day":
        return period  # no such Saturday in the period
    try:
        sunday = saturday.start + timedelta(days=1)
    except OverflowError:
        return period
    year, week, _ = saturday.start.isocalendar()
    value = f"{year:04d}-W{week:02d}-WE"
    return Resolved(value, "weekend", saturday.start, sunday, None, period.reference)


_SATURDAY = 6


def _weekday_at_edge(period: Resolved, side: str, weekday: int) -> Resolved:
    """ "the first Friday of March", "the last Monday of the year": that weekday's n-th
    (or last) day in the period; the period itself when it holds no such day."""
    assert period.start is not None
    assert period.end is not None
    try:
        if side == "last":
            day = period.end - timedelta(days=(period.end.isoweekday() - weekday) % 7)
        else:
            first = period.start + timedelta(days=(weekday - period.start.isoweekday()) % 7)
            day = first + timedelta(weeks=_NTH[side] - 1)
    except OverflowError:  # past the end of 9999
        return period
    if not period.start <= day <= period.end:
        return period
    return Resolved(day.isoformat(), "day", day, day, None, period.reference)


_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4}


# Which third of its interval an "early", "mid-" or "late" period keeps, in the period's
# own units: "late 2019" is September to December, "the early 1990s" 1990 to 1992,
# "early May" the 1st to the 10th.  The value stays the period with its TIMEX3 mod; the
# bounds say what the words do.
_THIRDS = {"START": 0, "MID": 1, "END": 2}


def _narrowed_by_mod(resolved: Resolved) -> Resolved:
    third = _THIRDS.get(resolved.mod or "")
    start, end = resolved.start, resolved.end
    if third is None or start is None or end is None or end <= start:
        return resolved
    first, last = _third_of(start, end, third)
    return Resolved(
        resolved.value, resolved.granularity, first, last, resolved.mod, resolved.reference
    )


def _third_of(start: date, end: date, third: int) -> tuple[date, date]:
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and end.year > start.year:
        low, high = _cut(end.year - start.year + 1, third)
        return date(start.year + low, 1, 1), date(start.year + high - 1, 12, 31)
    if start.day == 1 and end.day == _last_day(end.year, end.month):
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        if months >= 3:
            low, high = _cut(months, third)
            first, last = _month_plus(start, low), _month_plus(start, high - 1)
            return first, date(last.year, last.month, _last_day(last.year, last.month))
        if months == 1:  # the 1st to the 10th, the 11th to the 20th, the 21st to the end
            low, high = ((0, 10), (10, 20), (20, end.day))[third]
            return start + timedelta(days=low), start + timedelta(days=high - 1)
    days = (end - start).days + 1
    if days < 3:
        return start, end
    low, high = _cut(days, third)
    return start + timedelta(days=low), start + timedelta(days=high - 1)


def _cut(count: int, third: int) -> tuple[int, int]:
    """The [low, high) units of ``count`` that make its ``third`` (0, 1 or 2)."""
    edges = (0, round(count / 3), round(2 * count / 3), count)
    return edges[third], edges[third + 1]


def _month_plus(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


_LEADING_YEAR = re.compile(r"(-?\d+)(?=-|$|T)")


def _within_calendar(resolved: Resolved, partial: Partial) -> Resolved:
    """A value whose year fell outside 1-9999 (a year before 0001-01-01) is left unresolved."""
    match = _LEADING_YEAR.match(resolved.value)
    # (a decade's "199" of 199X is no year; a year before 1 is written "-001" and up)
    if match is None or (len(match.group(1)) < 4 and not match.group(1).startswith("-")):
        return resolved
    year = int(match.group(1))
    if _MIN_YEAR <= year <= _MAX_YEAR:
        return resolved
    return Resolved(
        _unknown_value(partial),
        resolved.granularity,
        None,
        None,
        resolved.mod,
        f"{resolved.reference}: year {year} is outside 1-9999".lstrip(": "),
    )


def _resolve(partial: Partial, *, reference: Reference | None, tense: Tense) -> Resolved:
    if partial.surface is not None:
        from .normalize import normalize_surface

        return normalize_surface(partial, reference=reference, tense=tense)
    if partial.ref is not None:
        return _resolve_ref(_ref_by_tense(partial, tense), reference)
    if partial.type == "DURATION" and partial.direction and reference is not None:
        return _duration_from(partial, reference)
    if partial.type in ("DURATION", "SET"):
        return Resolved(_duration_text(partial), "unknown", None, None, partial.mod)
    if partial.bc:
        return _resolve_bc(partial)
    if partial.unit is not None and partial.unit.startswith("holiday:"):
        return _resolve_holiday(partial, reference, tense)
    if partial.unit is not None and partial.offset is not None:
        shifted = _full_year_by_tense(
            _weekend_by_tense(_midnight_past(partial, tense), tense), tense, reference
        )
        return _resolve_shift(shifted, reference)
    return _resolve_calendar(partial, reference, tense)


def _midnight_past(partial: Partial, tense: Tense) -> Partial:
    """ "Arrested shortly after midnight" with no day named or told before: the midnight
    that began the publication day (24:00 of the day before), not the one at its end."""
    if (
        partial.hour == 24
        and (partial.unit, partial.offset, tense) == ("day", 0, "past")
        and not partial.anchored
    ):
        return partial._replace(offset=-1)
    return partial


def _full_year_by_tense(partial: Partial, tense: Tense, reference: Reference | None) -> Partial:
    """ "The company reported a loss for the full year" in March 2021: the year last
    completed, 2020, whose results come out in the first quarter; later in the year
    ("Sales for the full year were $6.6 billion" after a fiscal year ended Sept. 30,
    "forecast an increase for the full year") and when it looks ahead: the year under
    way."""
    if partial.unit != "year" or partial.offset != 0 or partial.direction != -1:
        return partial
    completed = tense == "past" and reference is not None and reference.day.month <= 3
    return partial._replace(offset=-1 if completed else 0, direction=None)


def _weekend_by_tense(partial: Partial, tense: Tense) -> Partial:
    """ "The weekend" read on a weekday is the one just past, unless its clause looks
    ahead: "storms will hit over the weekend" is the coming one."""
    if partial.weekend and partial.direction == -1 and tense == "future":
        return partial._replace(direction=None)
    return partial


# ------------------------------------------------------------------ refs


def _ref_by_tense(partial: Partial, tense: Tense) -> Partial:
    """ "The days before the vote" is as far in the past or future as its clause."""
    if partial.ref != BY_TENSE_REF:
        return partial
    return partial._replace(ref="FUTURE_REF" if tense == "future" else "PAST_REF")


def _resolve_ref(partial: Partial, reference: Reference | None) -> Resolved:
    assert partial.ref is not None
    if partial.ref == "PRESENT_REF" and reference is not None:
        return Resolved(
            "PRESENT_REF", "ref", reference.day, reference.day, partial.mod, reference.description
        )
    return Resolved(
        partial.ref, "ref", None, None, partial.mod, reference.description if reference else ""
    )


def _duration_from(partial: Partial, reference: Reference) -> Resolved:
    """ "the past two years": the stretch that ends at the reference (the next ones: that
    starts there), from the same day so many units away; the value stays the length."""
    value = _duration_text(partial)
    length = _DURATION_LENGTH.fullmatch(value)
    assert partial.direction is not None
    other = _days_away(reference.day, length, partial.direction) if length else None
    if other is None:  # "the past few years" (PXY): a stretch with no known end
        return Resolved(value, "unknown", None, None, partial.mod, reference.description)
    start, end = sorted((reference.day, other))
    return Resolved(value, "day", start, end, partial.mod, reference.description)


def _days_away(day: date, length: re.Match[str], sign: int) -> date | None:
    amount, unit = int(length["amount"]), length["unit"]
    if length["time"]:  # hours, minutes, seconds: whole days only ("the past 48 hours")
        days = amount // 24 if unit == "H" else 0
    elif unit in ("Y", "M"):
        return _months_away(day, sign * amount * (12 if unit == "Y" else 1))
    else:
        days = amount * (7 if unit == "W" else 1)
    try:
        return day + timedelta(days=sign * days)
    except OverflowError:
        return None


_CALENDAR_LENGTH = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


_HOURS_AND_MINUTES = re.compile(r"PT(?:(\d+)H)?(?:(\d+)M)?$")
_WITHIN_A_DAY_OR_SO = frozenset({"PTXM", "PTXH", "PTXS"})


def in_days(duration: str, *, up: bool) -> str:
    """A length of hours or minutes ("PT48H", "PT30M") in whole days, rounded ``up`` or
    down ("P2D"; "PT5H" is "P1D" up, "P0D" down); any other length as it is."""
    if duration in _WITHIN_A_DAY_OR_SO:
        return "P1D" if up else "P0D"  # "within minutes", "hours later": that day or the next
    match = _HOURS_AND_MINUTES.match(duration)
    if match is None or not any(match.groups()):
        return duration
    minutes = int(match[1] or 0) * 60 + int(match[2] or 0)
    days = -(-minutes // 1440) if up else minutes // 1440
    return f"P{days}D"


def add_duration(day: date, duration: str, sign: int) -> date | None:
    """``day`` moved by a TIMEX3 duration ("P1M", "P2W"); None when vague or out of range."""
    match = _CALENDAR_LENGTH.match(duration)
    if match is None or not any(match.groups()):
        return None
    years, months, weeks, days = (int(g or 0) for g in match.groups())
    try:
        index = day.year * 12 + day.month - 1 + sign * (years * 12 + months)
        year, month = divmod(index, 12)
        month += 1
        if not 1 <= year <= 9999:
            return None
        # the end of a month stays the end of a month: October 31 + 1 month = November 30
        last = calendar.monthrange(year, month)[1]
        end_of_month = day.day == calendar.monthrange(day.year, day.month)[1]
        moved = date(year, month, last if end_of_month else min(day.day, last))
        return moved + timedelta(days=sign * (weeks * 7 + days))
    except (OverflowError, ValueError):
        return None


def stretch_at_edge(start: date, end: date, duration: str, side: str) -> tuple[date, date] | None:
    """The first (``side="first"``) or last ``duration`` ("P9M", "P2W") of the period
    from ``start`` to ``end``: "the first nine months of 2023" is January to September,
    the last six months to Aug. 12 from Feb. 13.  None when the length is vague, mixed
    or longer than the period."""
    length = _DURATION_LENGTH.fullmatch(duration)
    if length is None or length["time"]:
        return None
    amount, unit = int(length["amount"]), length["unit"]
    try:
        if unit in ("Y", "M"):
            months = amount * (12 if unit == "Y" else 1)
            if side == "first":
                following = _month_plus(date(start.year, start.month, 1), months)
                stretch = (start, following - timedelta(days=1))
            elif end.day == _last_day(end.year, end.month):
                stretch = (_month_plus(date(end.year, end.month, 1), 1 - months), end)
            else:
                # "the six months ended Aug. 12": from Feb. 13 (the day after, that many
                # months back; the 31st of a shorter month is its last day)
                first = _months_away(end + timedelta(days=1), -months)
                if first is None:
                    return None
                stretch = (first, end)
        else:
            days = amount * (7 if unit == "W" else 1)
            if side == "first":
                stretch = (start, start + timedelta(days=days - 1))
            else:
                stretch = (end - timedelta(days=days - 1), end)
    except (ValueError, OverflowError):
        return None
    if stretch[0] < start or stretch[1] > end:
        return None
    return stretch


_DURATION_LENGTH = re.compile(r"P(?P<time>T)?(?P<amount>\d{1,6})(?P<unit>[YMWDHS])")


def _duration_text(partial: Partial) -> str:
    value = partial.duration or "PX"
    if partial.type == "SET" and partial.part_of_day and value.startswith("P1D"):
        return "XXXX-XX-XXT" + partial.part_of_day
    return value


def _resolve_bc(partial: Partial) -> Resolved:
    if partial.granularity == "century" and partial.century is not None:
        return Resolved(f"BC{partial.century:02d}XX", "century", None, None, partial.mod)
    return Resolved(f"BC{partial.year or 0:04d}", "year", None, None, partial.mod)


# ------------------------------------------------------------- relative


def _resolve_shift(partial: Partial, reference: Reference | None) -> Resolved:
    """ "last year", "two weeks ago", "tomorrow", "the year-ago quarter"."""
    assert partial.unit is not None
    assert partial.offset is not None
    if reference is None:
        reason = "no date before it to count from" if partial.anchored else "no reference date"
        return _unresolved(partial, reason)
    years_back = partial.years_back
    if partial.in_year is not None:
        years_back = reference.day.year - partial.in_year  # "this day in 1945"
    base = _months_away(reference.day, -12 * years_back)
    if base is None:
        return _unresolved(partial, "before year 1")
    unit, offset = partial.unit, partial.offset
    if (
        partial.follow_context
        and unit == "year"
        and reference.granularity in ("quarter", "month", "half")
    ):
        # "a year earlier" after "the third quarter" is that quarter a year before
        per_year = {"quarter": 4, "month": 12, "half": 2}[reference.granularity]
        unit, offset = reference.granularity, offset * per_year
    if unit == "day" and partial.anchored and reference.granularity in _DAYLESS_REFERENCES:
        if abs(offset) >= _DAYS_MOVING_A_PERIOD and reference.granularity in ("month", "year"):
            return _period_moved(partial, reference, offset)
        return _day_within(partial, reference)
    if unit == "quarter" and partial.quarter is not None:
        # "the year-ago third quarter": the named quarter of the shifted year
        year = base.year + offset // 4
        return _finish(("quarter", year, partial.quarter), partial, reference)
    if unit == "quarter" and partial.direction == -1 and offset == 0:
        offset = -1  # "the quarter", "the latest quarter": the last one reported
    fields = _shift_fields(base, unit, offset, partial)
    if fields is None:
        return _unresolved(partial, reference.description)
    if unit == "quarter" and partial.year is not None:
        fields = ("quarter", partial.year, fields[2])  # "the 1988 quarter": that year's
    return _finish(fields, partial, reference)


def _months_away(day: date, months: int) -> date | None:
    """The same day ``months`` months later (earlier when negative), the last day of a
    shorter month for a 31st (Feb. 29 becomes Feb. 28 off leap years); None outside
    years 1-9999."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    return date(year, month + 1, min(day.day, _last_day(year, month + 1)))


# References that name no day: "that day" after one of them is some day within it
_DAYLESS_REFERENCES = frozenset({"month", "quarter", "half", "season", "year"})


# Days counted from a month or a year that move it to another one ("sentenced in June
# 2022 ... 30 days later"); fewer name a day within it ("that same day", "the next day")
_DAYS_MOVING_A_PERIOD = 28


def _period_moved(partial: Partial, reference: Reference, days: int) -> Resolved:
    """ "Sentenced in June 2022. The appeal came 30 days later": the month (year) the
    middle of the period told falls in once moved by ``days``: 2022-07."""
    start, end = bounds_of(reference.granularity, reference.day.year, reference.day.month)
    if start is None or end is None:
        return _day_within(partial, reference)
    middle = _safe_add(start + (end - start) / 2, days)
    if middle is None:
        return _unresolved(partial, "outside years 1-9999")
    if reference.granularity == "month":
        value = f"{middle.year:04d}-{middle.month:02d}"
        low, high = bounds_of("month", middle.year, middle.month)
    else:
        value = f"{middle.year:04d}"
        low, high = bounds_of("year", middle.year)
    return Resolved(value, reference.granularity, low, high, partial.mod, reference.description)


def _day_within(partial: Partial, reference: Reference) -> Resolved:
    """ "In October 1998 … that same day", "In 1987 … that day": a day the text does not
    name, within the period it last named (1998-10-XX, 1987-XX-XX), never its first day;
    "that night" keeps its part of the day (1998-XX-XXTNI)."""
    day = reference.day
    part = f"T{partial.part_of_day}" if partial.part_of_day else ""
    if reference.granularity == "month":
        value = f"{day.year:04d}-{day.month:02d}-XX{part}"
        start, end = bounds_of("month", day.year, day.month)
        return Resolved(value, "month", start, end, partial.mod, reference.description)
    start, end = bounds_of("year", day.year)
    value = f"{day.year:04d}-XX-XX{part}"
    return Resolved(value, "year", start, end, partial.mod, reference.description)


def _unresolved(partial: Partial, reason: str) -> Resolved:
    """A relative value that cannot be placed: its underspecified form, saying why."""
    return Resolved(_unknown_value(partial), partial.granularity, None, None, partial.mod, reason)


def _shift_fields(
    base: date, unit: str, offset: int, partial: Partial
) -> tuple[object, ...] | None:
    try:
        if unit == "day":
            counted = base + timedelta(days=offset)
            if partial.weekday is not None and offset > 0:
                # "a week from Friday": the named day on or after the day counted ahead
                counted += timedelta(days=(partial.weekday - counted.isoweekday()) % 7)
            elif partial.weekday is not None:
                # "a week ago Friday": the named day on or before the day counted back
                counted -= timedelta(days=(counted.isoweekday() - partial.weekday) % 7)
            return ("day", counted)
        if unit in ("week", "weekend", "fortnight"):
            step = 2 if unit == "fortnight" else 1
            if partial.weekend and partial.direction == -1 and base.isoweekday() < 6:
                offset -= 1  # "the weekend" read on a weekday is the one just past
            if partial.weekend and partial.anchored and offset > 0 and base.isoweekday() < 6:
                offset -= 1  # "opens Wednesday ... the following weekend": that week's
            shifted = base + timedelta(weeks=offset * step)
            if partial.weekday is not None:
                # "Wednesday last week": the named day of that week
                return ("day", shifted + timedelta(days=partial.weekday - shifted.isoweekday()))
            return ("weekend" if partial.weekend else "week", shifted)
        if unit == "month":
            index = base.year * 12 + base.month - 1 + offset
            return ("month", index // 12, index % 12 + 1)
        if unit == "quarter":
            index = base.year * 4 + (base.month - 1) // 3 + offset
            return ("quarter", index // 4, index % 4 + 1)
        if unit == "half":
            index = base.year * 2 + (base.month - 1) // 6 + offset
            return ("half", index // 2, index % 2 + 1)
        if unit == "year":
            return ("year", base.year + offset)
        if unit == "year_part":
            # "June last year", "the second half of this year", "the third quarter of next year"
            year = base.year + offset
            if partial.month is not None and partial.day is not None:
                day = _valid_date(year, partial.month, partial.day)
                return ("day", day) if day is not None else None
            if partial.month is not None:
                return ("month", year, partial.month)
            if partial.quarter is not None:
                return ("quarter", year, partial.quarter)
            if partial.half is not None:
                return ("half", year, partial.half)
            return ("year", year)
        if unit == "decade":
            return ("decade", base.year // 10 + offset)
        if unit == "century":
            return ("century", base.year // 100 + offset)
        if unit == "millennium":
            return ("year", base.year + 1000 * offset)
        if unit in ("hour", "minute", "second"):
            # "48 hours from now" is two days on; "12 hours ago" still the reference day
            per_day = {"hour": 24, "minute": 1440, "second": 86400}[unit]
            return ("day", base + timedelta(days=int(offset / per_day)))
    except OverflowError:
        return None
    return None


def _finish(fields: tuple[object, ...], partial: Partial, reference: Reference) -> Resolved:
    value, granularity, start, end = _value_and_bounds(fields, partial)
    return Resolved(value, granularity, start, end, partial.mod, reference.description)


def _value_and_bounds(
    fields: tuple[object, ...], partial: Partial
) -> tuple[str, Granularity, date | None, date | None]:
    kind = fields[0]
    if kind in ("day", "week", "weekend"):
        day = fields[1]
        assert isinstance(day, date)
        if kind == "day":
            return _day_value(day, partial)
        iso = day.isocalendar()
        value = f"{iso.year:04d}-W{iso.week:02d}"
        monday = day - timedelta(days=day.isoweekday() - 1)
        if kind == "weekend":
            return value + "-WE", "weekend", _safe_add(monday, 5), _safe_add(monday, 6)
        return value, "week", monday, _safe_add(monday, 6)
    year = fields[1]
    assert isinstance(year, int)
    if kind == "month":
        month = fields[2]
        assert isinstance(month, int)
        return f"{year:04d}-{month:02d}", "month", *bounds_of("month", year, month)
    if kind == "quarter":
        quarter = fields[2]
        assert isinstance(quarter, int)
        return f"{year:04d}-Q{quarter}", "quarter", *bounds_of("quarter", year, quarter)
    if kind == "half":
        half = fields[2]
        assert isinstance(half, int)
        return f"{year:04d}-H{half}", "half", *bounds_of("half", year, half)
    if kind == "decade":
        return f"{year:03d}X", "decade", *bounds_of("decade", year)
    if kind == "century":
        return f"{year:02d}XX", "century", *bounds_of("century", year)
    return f"{year:04d}", "year", *bounds_of("year", year)


def _day_value(day: date, partial: Partial) -> tuple[str, Granularity, date | None, date | None]:
    value = day.isoformat()
    if partial.part_of_day:
        return f"{value}T{partial.part_of_day}", "part_of_day", day, day
    if partial.hour is not None:
        clock = f"{value}T{partial.hour:02d}:{partial.minute or 0:02d}"
        if partial.second is not None:
            return f"{clock}:{partial.second:02d}", "second", day, day
        return clock, "minute", day, day
    return value, "day", day, day


def _safe_add(day: date, days: int) -> date | None:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def bounds_of(
    granularity: str, year: int, index: int | None = None
) -> tuple[date | None, date | None]:
    """Inclusive calendar bounds of a year, month, quarter, half, season, decade or century.

    ``year`` is the decade's first three digits for a decade (199) and the century's
    first two for a century (19).  Bounds outside years 1-9999 are None.
    """
    if granularity == "decade":
        return _span(year * 10, 1, 1, year * 10 + 9, 12, 31)
    if granularity == "century":
        return _span(year * 100, 1, 1, year * 100 + 99, 12, 31)
    if granularity == "year":
        return _span(year, 1, 1, year, 12, 31)
    assert index is not None
    if granularity == "month":
        return _span(year, index, 1, year, index, _last_day(year, index))
    if granularity == "quarter":
        first, last = 3 * index - 2, 3 * index
        return _span(year, first, 1, year, last, _last_day(year, last))
    if granularity == "half":
        first, last = 6 * index - 5, 6 * index
        return _span(year, first, 1, year, last, _last_day(year, last))
    raise ValueError(f"no bounds for granularity {granularity!r}")


def _span(y1: int, m1: int, d1: int, y2: int, m2: int, d2: int) -> tuple[date | None, date | None]:
    start = date(max(y1, 1), m1, d1) if _MIN_YEAR <= y1 <= _MAX_YEAR or (y1 < 1 <= y2) else None
    end = date(y2, m2, d2) if _MIN_YEAR <= y2 <= _MAX_YEAR else None
    return start, end


def _last_day(year: int, month: int) -> int:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return 28
    return calendar.monthrange(year, month)[1]


def _season_bounds(year: int, season: str) -> tuple[date | None, date | None]:
    if season == "WI":
        # meteorological winter: December of the year to the end of February after it
        start = date(year, 12, 1) if _MIN_YEAR <= year <= _MAX_YEAR else None
        end = (
            date(year + 1, 2, _last_day(year + 1, 2))
            if _MIN_YEAR <= year + 1 <= _MAX_YEAR
            else None
        )
        return start, end
    first = {"SP": 3, "SU": 6, "FA": 9}[season]
    return _span(year, first, 1, year, first + 2, _last_day(year, first + 2))


def _unknown_value(partial: Partial) -> str:
    """The TIMEX3 value of a relative expression with nothing to resolve it against; a
    month or day the text names is kept ("June last year" is XXXX-06)."""
    if partial.month is not None and partial.granularity == "month":
        return f"XXXX-{partial.month:02d}"
    if partial.month is not None and partial.day is not None and partial.granularity == "day":
        return f"XXXX-{partial.month:02d}-{partial.day:02d}"
    if partial.hour is not None:
        # "9 a.m." with no day to put it on: the time of some day (XXXX-XX-XXT09:00)
        clock = f"T{partial.hour:02d}:{partial.minute or 0:02d}"
        if partial.second is not None:
            clock += f":{partial.second:02d}"
        return "XXXX-XX-XX" + clock
    if partial.part_of_day is not None and partial.granularity == "part_of_day":
        return "XXXX-XX-XXT" + partial.part_of_day
    return {
        "day": "XXXX-XX-XX",
        "part_of_day": "XXXX-XX-XX",
        "minute": "XXXX-XX-XX",
        "second": "XXXX-XX-XX",
        "week": "XXXX-WXX",
        "weekend": "XXXX-WXX-WE",
        "month": "XXXX-XX",
        "quarter": "XXXX-QX",
        "half": "XXXX-HX",
        "year": "XXXX",
        "decade": "XXX",
        "century": "XX",
    }.get(partial.granularity, "XXXX")


# ------------------------------------------------------------- calendar


def _resolve_calendar(partial: Partial, reference: Reference | None, tense: Tense) -> Resolved:
    if partial.granularity == "decade" and partial.decade is not None:
        return Resolved(
            f"{partial.decade:03d}X", "decade", *bounds_of("decade", partial.decade), partial.mod
        )
    if partial.granularity == "century" and partial.century is not None:
        return Resolved(
            f"{partial.century:02d}XX",
            "century",
            *bounds_of("century", partial.century),
            partial.mod,
        )
    if partial.weekday is not None and partial.month is None:
        return _resolve_weekday(partial, reference, tense)
    if partial.day is not None and partial.month is None:
        return _resolve_day_of_month(partial, reference, tense)
    if partial.year is not None:
        return _calendar_with_year(partial, partial.year, "")
    if reference is None:
        return _calendar_without_reference(partial)
    day = reference.day
    if partial.direction == 1 and reference.granularity == "year":
        # "burned in 1969. The following spring": after the whole year told
        day = date(day.year, 12, 31)
    year = _choose_year(partial, day, tense)
    return _calendar_with_year(partial, year, reference.description)


def _resolve_day_of_month(partial: Partial, reference: Reference | None, tense: Tense) -> Resolved:
    """ "on the 15th": that day of the reference's month; a past clause takes the last
    such day on or before the reference, a future one the next on or after it."""
    assert partial.day is not None
    if reference is None:
        reason = "no publication date: month left unspecified"
        return Resolved(f"XXXX-XX-{partial.day:02d}", "day", None, None, partial.mod, reason)
    here = reference.day
    step = 0
    if tense == "past" and partial.day > here.day:
        step = -1
    elif tense == "future" and partial.day < here.day:
        step = 1
    month: date | None = _months_away(date(here.year, here.month, 1), step)
    # "the 31st" in a 30-day month: the nearest month that has one, the same way on
    for _ in range(12):
        if month is None or partial.day <= _last_day(month.year, month.month):
            break
        month = _months_away(month, -1 if step < 0 else 1)
    if month is None:  # "issued on the 5th" read on Jan. 1 of year 1: no month before
        return _unresolved(partial, "a month outside years 1-9999")
    return _calendar_with_year(
        partial._replace(month=month.month), month.year, reference.description
    )


def _calendar_with_year(partial: Partial, year: int, reference: str) -> Resolved:
    g = partial.granularity
    mod = partial.mod
    if partial.week == -1 and partial.month and partial.day:
        day = _valid_date(year, partial.month, partial.day)
        if day is None:
            return Resolved(f"{year:04d}-WXX", "week", None, None, mod, reference)
        kind = "weekend" if partial.weekend else "week"
        return Resolved(*_value_and_bounds((kind, day), partial), mod, reference)
    if partial.month is not None and partial.day is not None:
        day = _valid_date(year, partial.month, partial.day)
        if day is None:
            return Resolved(
                f"{year:04d}-{partial.month:02d}-{partial.day:02d}",
                "day",
                None,
                None,
                mod,
                reference,
            )
        return Resolved(*_day_value(day, partial), mod, reference)
    if partial.month is not None:
        return Resolved(
            f"{year:04d}-{partial.month:02d}",
            "month",
            *bounds_of("month", year, partial.month),
            mod,
            reference,
        )
    if partial.quarter is not None:
        return Resolved(
            f"{year:04d}-Q{partial.quarter}",
            "quarter",
            *bounds_of("quarter", year, partial.quarter),
            mod,
            reference,
        )
    if partial.half is not None:
        return Resolved(
            f"{year:04d}-H{partial.half}",
            "half",
            *bounds_of("half", year, partial.half),
            mod,
            reference,
        )
    if partial.season is not None:
        return Resolved(
            f"{year:04d}-{partial.season}",
            "season",
            *_season_bounds(year, partial.season),
            mod,
            reference,
        )
    del g
    return Resolved(f"{year:04d}", "year", *bounds_of("year", year), mod, reference)


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _calendar_without_reference(partial: Partial) -> Resolved:
    reason = "no publication date: year left unspecified"
    if partial.month is not None and partial.day is not None:
        return Resolved(
            f"XXXX-{partial.month:02d}-{partial.day:02d}", "day", None, None, partial.mod, reason
        )
    if partial.month is not None:
        return Resolved(f"XXXX-{partial.month:02d}", "month", None, None, partial.mod, reason)
    if partial.quarter is not None:
        return Resolved(f"XXXX-Q{partial.quarter}", "quarter", None, None, partial.mod, reason)
    if partial.half is not None:
        return Resolved(f"XXXX-H{partial.half}", "half", None, None, partial.mod, reason)
    if partial.season is not None:
        return Resolved(f"XXXX-{partial.season}", "season", None, None, partial.mod, reason)
    return Resolved("XXXX", partial.granularity, None, None, partial.mod, reason)


def _choose_year(partial: Partial, ref: date, tense: Tense, *, named_day: bool = False) -> int:
    """The year of a yearless name, by explicit direction or by tense.

    ``named_day``: a holiday, which a past or future verb places far off unless the
    other reading is days away ("traffic was heavy on Labor Day" in June is last
    September's; "as Easter week began" a week before Easter is this year's)."""
    position, current = _position_in_year(partial, ref)
    base = ref.year
    if partial.season is not None and current < 0:
        # January or February: the winter under way began in December, and a winter's
        # value is its December's year ("this winter" on Jan. 5, 2024 is 2023-WI)
        base, current = ref.year - 1, float(_SEASONS.index("WI"))
    direction = partial.direction
    if direction == 0:
        return base if partial.season == "WI" else ref.year
    if direction == -1:
        return base if position < current else base - 1
    if direction == 1:
        return base if position > current else base + 1
    if partial.quarter is not None or partial.half is not None:
        return _reported_period_year(position, current, ref.year, tense)
    back_year = base if position <= current else base - 1
    ahead_year = base if position >= current else base + 1
    third = _THIRDS.get(partial.mod or "")
    if third is not None and partial.month == ref.month and partial.day is None:
        # "a decision due in early July" on July 21: that third of this July is over,
        # so the one ahead is next year's ("prices rose in late July" on July 5: the
        # one behind is last year's)
        first, last = ((1, 10), (11, 20), (21, 31))[third]
        back_year = ref.year if first <= ref.day else ref.year - 1
        ahead_year = ref.year if last >= ref.day else ref.year + 1
    back, ahead = (
        _months_between(partial, ref, back_year),
        _months_between(partial, ref, ahead_year),
    )
    # only a day-precise date overrules the tense: "in April" with a past verb is last
    # April however far back, but "by Jan. 14" is rarely eleven months ago
    overrulable = partial.day is not None
    close = _CLOSE_HOLIDAY if named_day else _CLOSE
    if tense == "past" and not (overrulable and back > _IMPLAUSIBLE and ahead < close):
        return back_year
    if tense == "future" and not (overrulable and ahead > _IMPLAUSIBLE and back < close):
        return ahead_year
    return _nearest_year(position, current, ref.year, partial)


# A tense cue is overruled when it would put a yearless date the best part of a year
# away while the other reading is close: "must be returned by Jan. 14" in an article of
# Jan. 5 is nine days ahead, whatever the tense of "must be returned" suggests.  Close
# is six weeks: "takes effect on Dec. 31" in an article of March 30 is nine months
# ahead, not three months gone.
_IMPLAUSIBLE, _CLOSE = 9.0, 1.5
_CLOSE_HOLIDAY = 1.0


def _months_between(partial: Partial, ref: date, year: int) -> float:
    """How many months separate the name in ``year`` from the reference (absolute)."""
    month = (
        partial.month
        if partial.month is not None
        else (_SEASON_MONTH.get(partial.season or "", ref.month))
    )
    day = partial.day if partial.day is not None else 15
    return abs((year * 12 + month + day / 31) - (ref.year * 12 + ref.month + ref.day / 31))


_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 13}


def _reported_period_year(position: float, current: float, year: int, tense: Tense) -> int:
    """A quarter or half without a year: this year's unless it is still to come.

    News reports finished periods ("third-quarter profit" in October is this year's);
    a later period is next year's only when the clause looks forward.
    """
    if position <= current:
        return year
    return year if tense == "future" else year - 1


def _position_in_year(partial: Partial, ref: date) -> tuple[float, float]:
    """Where the name and the reference fall within a year, on one comparable scale."""
    if partial.month is not None:
        day = partial.day or 0
        ref_day = ref.day if partial.day is not None else 0
        return partial.month + day / 100, ref.month + ref_day / 100
    if partial.quarter is not None:
        return partial.quarter, (ref.month - 1) // 3 + 1
    if partial.half is not None:
        return partial.half, (ref.month - 1) // 6 + 1
    if partial.season is not None:
        return _SEASONS.index(partial.season), _season_index(ref)
    return 0, 0


def _season_index(ref: date) -> int:
    if ref.month in (1, 2):
        return -1  # still last year's winter
    return (ref.month - 3) // 3


def _nearest_year(position: float, current: float, year: int, partial: Partial) -> int:
    span = 12 if partial.month is not None else (4 if partial.quarter or partial.season else 2)
    back = (current - position) % span  # how far back the last one was
    ahead = (position - current) % span
    if back <= ahead:
        return year if position <= current else year - 1
    return year if position >= current else year + 1


def _resolve_weekday(partial: Partial, reference: Reference | None, tense: Tense) -> Resolved:
    assert partial.weekday is not None
    if reference is None:
        suffix = f"T{partial.part_of_day}" if partial.part_of_day else ""
        return Resolved(
            f"XXXX-WXX-{partial.weekday}{suffix}",
            "day",
            None,
            None,
            partial.mod,
            "no publication date",
        )
    ref = reference.day
    delta = partial.weekday - ref.isoweekday()
    back = -(-delta % 7)  # days back to the last such weekday (0 if today)
    ahead = delta % 7
    if partial.direction == -1:
        shift = back if back != 0 else -7
    elif partial.direction == 1:
        shift = ahead if ahead != 0 else 7
    elif tense == "future":
        shift = ahead
    elif tense == "past" or -back <= ahead:
        shift = back
    else:
        shift = ahead
    day = _safe_add(ref, shift)
    if day is None:
        return Resolved(
            f"XXXX-WXX-{partial.weekday}", "day", None, None, partial.mod, reference.description
        )
    return Resolved(*_day_value(day, partial), partial.mod, reference.description)


# ------------------------------------------------------------- holidays


def _resolve_holiday(partial: Partial, reference: Reference | None, tense: Tense) -> Resolved:
    assert partial.unit is not None
    name = partial.unit.split(":", 1)[1]
    if partial.year is not None:
        day = holiday_date(name, partial.year)
        return (
            Resolved(*_holiday_value(day, partial), partial.mod, "")
            if day
            else Resolved(f"{partial.year:04d}", "year", None, None)
        )
    if reference is None:
        return Resolved("XXXX-XX-XX", "day", None, None, partial.mod, "no publication date")
    this_year = holiday_date(name, reference.day.year)
    if this_year is None:
        return Resolved("XXXX-XX-XX", "day", None, None, partial.mod, reference.description)
    probe = Partial(
        month=this_year.month, day=this_year.day, granularity="day", direction=partial.direction
    )
    year = _choose_year(probe, reference.day, tense, named_day=True)
    day = holiday_date(name, year)
    if day is None:
        return Resolved("XXXX-XX-XX", "day", None, None, partial.mod, reference.description)
    return Resolved(*_holiday_value(day, partial), partial.mod, reference.description)


def _holiday_value(
    day: date, partial: Partial
) -> tuple[str, Granularity, date | None, date | None]:
    if partial.granularity == "week":
        return _value_and_bounds(("week", day), partial)
    return _day_value(day, partial)


def holiday_date(name: str, year: int) -> date | None:
    """The date of a named holiday in ``year`` (fixed, n-th weekday, or Easter-based)."""
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    lex = lexicon()
    if name in lex.fixed_holidays:
        month, day = lex.fixed_holidays[name]
        return date(year, month, day)
    if name in lex.nth_weekday_holidays:
        # [month, weekday, n-th, optional days after it]: US Election Day is the
        # Tuesday after the first Monday of November
        month, weekday, nth, *after = lex.nth_weekday_holidays[name]
        return _nth_weekday(year, month, weekday, nth) + timedelta(days=after[0] if after else 0)
    if name in lex.easter_holidays:
        return _safe_add(_easter(year), lex.easter_holidays[name])
    if name in lex.orthodox_easter_holidays:
        return _safe_add(_orthodox_easter(year), lex.orthodox_easter_holidays[name])
    return None


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    if nth > 0:
        first = date(year, month, 1)
        shift = (weekday - first.isoweekday()) % 7
        return first + timedelta(days=shift + 7 * (nth - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def _orthodox_easter(year: int) -> date:
    """Orthodox Easter Sunday: the Julian computus (Meeus), moved to the Gregorian
    calendar by the days the two calendars differ in that century."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month = (d + e + 114) // 31
    day = (d + e + 114) % 31 + 1
    drift = year // 100 - year // 400 - 2  # 13 days from 1900 to 2099
    return date(year, month, day) + timedelta(days=drift)


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)
