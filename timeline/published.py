"""Turning the user's ``published`` argument into a ``datetime.date``, or a clear error."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from .errors import InvalidDateError, InvalidInputError

__all__ = ["coerce_published"]

_ISO = re.compile(r"(-?\d{1,12})-(\d{1,2})-(\d{1,2})(?:[T ].*)?")
# Words that make a date relative to today: `published` must name a calendar day.
_RELATIVE_WORDS = re.compile(
    r"\b(?:ago|yesterday|today|tomorrow|now|last|next|this|in\s+\d|hence|later|earlier)\b", re.I
)


def coerce_published(value: Any, *, argument: str = "published") -> date | None:
    """``value`` as a date: str, date, datetime (naive or aware), pandas.Timestamp or None.

    An aware datetime keeps its own calendar date (a story stamped 23:30 in New York on
    the 30th was published on the 30th there).  Raises `InvalidDateError` for
    impossible or unparseable dates and `InvalidInputError`-style ``TypeError`` for other
    types, naming ``argument`` and the value.
    """
    if value is None:
        return None
    if isinstance(value, bool | int | float):
        raise InvalidDateError(
            f"{argument}={value!r}: a number is not a date; pass 'YYYY-MM-DD', a date or a datetime"
        )
    if _is_missing(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if hasattr(value, "to_pydatetime"):
        return _from_timestamp(value, argument)
    if isinstance(value, str):
        return _from_string(value, argument)
    raise InvalidInputError(
        f"{argument}={value!r:.60}: expected str, date, datetime or pandas.Timestamp, "
        f"not {type(value).__name__}"
    )


def _is_missing(value: Any) -> bool:
    # pandas.NaT and float NaN in a DataFrame column mean "no date"
    return type(value).__name__ == "NaTType"


def _from_timestamp(value: Any, argument: str) -> date:
    try:
        converted = value.to_pydatetime()
    except (ValueError, OverflowError) as exc:
        raise InvalidDateError(f"{argument}={value!r}: {exc}") from None
    if not isinstance(converted, datetime):
        raise InvalidDateError(f"{argument}={value!r}: not a timestamp")
    return converted.date()


def _from_string(value: str, argument: str) -> date:
    text = value.strip()
    if not text:
        raise InvalidDateError(f"{argument}={value!r}: empty string; pass 'YYYY-MM-DD' or None")
    iso = _ISO.fullmatch(text)
    if iso:
        return _checked_date(
            int(iso.group(1)), int(iso.group(2)), int(iso.group(3)), value, argument
        )
    if _RELATIVE_WORDS.search(text):
        raise InvalidDateError(
            f"{argument}={value!r}: a relative date cannot be a publication date; "
            "pass the calendar date, e.g. '2021-03-30'"
        )
    return _parse_written(text, value, argument)


def _checked_date(year: int, month: int, day: int, value: str, argument: str) -> date:
    if not 1 <= year <= 9999:
        raise InvalidDateError(f"{argument}={value!r}: year {year} is outside 1-9999")
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise InvalidDateError(f"{argument}={value!r}: impossible date ({exc})") from None


def _parse_written(text: str, value: str, argument: str) -> date:
    """ "30 March 2021", "March 30, 2021": dateparser, with a full date required."""
    import dateparser

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "STRICT_PARSING": True,
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    if parsed is None:
        raise InvalidDateError(
            f"{argument}={value!r}: not a date this library can read; pass 'YYYY-MM-DD'"
        )
    day: date = parsed.date()
    return day
