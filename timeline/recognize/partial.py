"""What recognition produces: an underspecified value and where it was found."""

from __future__ import annotations

from typing import NamedTuple

from ..types import ExpressionType, Granularity

__all__ = ["BY_TENSE_REF", "PERIODS", "Candidate", "Partial"]

#: a ``ref`` that becomes FUTURE_REF in a clause looking forward and PAST_REF otherwise
BY_TENSE_REF = "BY_TENSE"

#: granularities of a period with a first and a last day, week or month to speak of
#: ("the last day of March", "the first nine months of 2023")
PERIODS: frozenset[Granularity] = frozenset({"year", "half", "quarter", "season", "month"})


class Partial(NamedTuple):
    """An underspecified TIMEX3 value, before any reference date is applied.

    A named tuple, immutable and hashable like a frozen dataclass, but built several
    times faster: every match of every rule makes one, and it has 30 fields.

    Calendar fields that the text names are set; the rest are None.  A relative
    expression sets ``unit`` and ``offset`` ("last year": ``unit="year", offset=-1``).  A
    name without a year ("December", "Friday") leaves ``year`` unset and ``direction``
    None, so the resolver picks the year from the clause's tense.
    """

    type: ExpressionType = "DATE"
    granularity: Granularity = "day"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    week: int | None = None
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    #: the first three digits of a decade's years: 199 for "the 1990s"
    decade: int | None = None
    #: the first two digits of a century's years: 19 for "the 20th century" (19XX)
    century: int | None = None
    weekday: int | None = None
    weekend: bool = False
    part_of_day: str | None = None
    hour: int | None = None
    minute: int | None = None
    #: written in machine date-times ("2021-03-30T14:00:05Z"); None keeps minutes
    second: int | None = None
    #: relative shift of the reference: "two years ago" is unit="year", offset=-2
    unit: str | None = None
    offset: int | None = None
    #: the shift counts from the reference's date this many years before: "75 years
    #: ago this week" is unit="week", offset=0, years_back=75
    years_back: int = 0
    #: the shift counts from the reference's date moved to this year: "on this day in
    #: 1945" is unit="day", offset=0, in_year=1945
    in_year: int | None = None
    #: the day or week at an edge of the period named: "first day", "last week" ("the
    #: last day of March", "the first week of July")
    edge: str | None = None
    #: for a name without a year: -1 the last one before, +1 the next one, 0 this one,
    #: None decided by tense
    direction: int | None = None
    #: PRESENT_REF, PAST_REF, FUTURE_REF or BY_TENSE_REF
    ref: str | None = None
    #: a DURATION or SET value already complete ("P3Y", "P1W")
    duration: str | None = None
    quant: str | None = None
    #: for a SET, how much of each period (TimeML's ``freq``): "7D" in "seven days a
    #: week"
    freq: str | None = None
    mod: str | None = None
    #: a year before the common era ("44 BC")
    bc: bool = False
    #: the period only up to the reference day: "the year to date", "so far this month"
    so_far: bool = False
    #: the period only from the reference day on: "later this month", "later this year"
    from_here: bool = False
    #: resolve against the previous expression rather than the reference ("a year earlier")
    anchored: bool = False
    #: "a year ago" after "the third quarter" means that quarter a year before: take the
    #: granularity of a date mentioned just before, when there is one
    follow_context: bool = False
    #: how many sentences back that date may stand (0: the same sentence only)
    context_reach: int = 1
    #: a span a named-entity tagger found and no rule matched: its words, for dateparser
    #: to normalize at resolution
    surface: str | None = None


class Candidate(NamedTuple):
    """A recognized span, its underspecified value and the rule that found it."""

    start: int
    end: int
    partial: Partial
    rule: str
    #: higher wins among candidates of equal length
    priority: int = 0
    range_role: str | None = None
