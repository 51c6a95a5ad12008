"""Signals: the prepositions and connectives that relate an expression to its event.

TimeML keeps "in", "since", "until", "from … to" outside the TIMEX3 span as SIGNALs;
the recognizer finds them here so the event stage can turn them into relations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..text import delayed_from, past_kind
from .lexicon import lexicon
from .partial import Candidate, Partial

__all__ = [
    "LENGTH_END_GAP",
    "OF_GAP",
    "WHICH_BEFORE_END",
    "link_ranges",
    "signal_before",
    "signal_over_modifiers",
]

# Between a length and the period it lies at the edge of: "the first nine months of 2023"
OF_GAP = re.compile(r"\s{1,3}(?i:of)\s{1,3}")
# Between a length and the day or month that closes it: "the three months to June 30",
# "the 12 months through January", "the six months ended Sept. 30", "its fiscal first
# quarter, which ended Dec. 25"
# ", which" or ", that" before the verb that ends a period: "the quarter, which ended
# June 30" (a regex fragment: the gaps that close a length or a period open with it)
WHICH_BEFORE_END = r"(?:,\s{1,3}(?i:which|that))?"
LENGTH_END_GAP = re.compile(WHICH_BEFORE_END + r"\s{1,3}(?i:to|through|ended|ending|ends)\s{1,3}")

_RANGE_CONNECTOR = re.compile(
    r"\s{0,3}(?:(?i:to|and|through|thru|until|till|into)|[-–—])\s{0,3}|-(?i:to|through)-"
)

# between a start and an end a verb of going on reaches: ", and continuing through"
_GOING_ON = re.compile(
    r",?\s{1,3}(?i:and)\s{1,3}(?P<verb>[a-z]{3,12})\s{1,3}(?:(?i:through|thru|until|till|to|into)\s{1,3})?"
)


@lru_cache(maxsize=1)
def _reversed_signal_pattern() -> re.Pattern[str]:
    """The signals spelled backwards, for the text before an expression read backwards.

    Matched at the expression's edge only, instead of searched for from every character
    of a window: one attempt per expression.  Longest first, so "prior to" wins over
    "to"; a signal must not continue a word ("into" holds no "to").
    """
    words = sorted(lexicon().signals, key=len, reverse=True)
    alternatives = "|".join(re.escape(w[::-1]).replace(r"\ ", r"\s{1,3}") for w in words)
    # "\n?": read forwards the gap was "\s{1,3}$", and "$" also matches before a final
    # line break
    return re.compile(rf"\n?\s{{1,3}}(?i:{alternatives})(?![\w])")


def signal_before(text: str, start: int) -> str | None:
    """The signal word(s) right before ``start`` ("in", "prior to"), lower-cased, or None."""
    backwards = text[max(0, start - 24) : start][::-1]
    match = _reversed_signal_pattern().match(backwards)
    if match is None:
        return None
    return " ".join(match.group()[::-1].lower().split())


def signal_over_modifiers(text: str, start: int) -> str | None:
    """ "after a weak first half", "since a record 2020", "before the busy holiday
    season", "since the start of the pandemic last year": the signal of a noun phrase
    whose head is the expression or that the expression follows, one or two lower-case
    words and a determiner before it, or None."""
    reach = max(0, start - 48)
    window = text[reach:start]
    # nearly every expression has none of the four before it: no regex search (the
    # endings match any case without lower-casing the window)
    if (
        "fter" not in window
        and "efore" not in window
        and "ince" not in window
        and ("ollowing" not in window)
    ):
        return None
    found = _SIGNAL_OVER_MODIFIERS.search(text, reach, start)
    if found is None or past_kind(found.group().split()[-1].lower()) is not None:
        # "since the company collapsed last year": a clause with its own verb, dated
        # where it happened
        return None
    return found["signal"].lower()


# "since the start of the pandemic last year", "after the collapse of the talks last
# week": the head noun may take an "of" phrase of one or two lower-case words
_SIGNAL_OVER_MODIFIERS = re.compile(
    r"(?<![\w-])(?P<signal>(?i:after|before|since|following))\s{1,3}"
    r"(?i:a|an|the|its|their|his|her|this)\s{1,3}(?:[a-z]+\s{1,3}){1,2}"
    r"(?:of\s{1,3}(?:(?:a|an|the|its|their|his|her|this)\s{1,3})?(?:[a-z]+\s{1,3}){1,2})?$"
)


def link_ranges(text: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Mark "from X to Y", "between X and Y", "X-Y" and "X through Y" (two of a kind:
    "Monday through Friday", "2025 through 2027") pairs with their range roles."""
    linked = list(candidates)
    for i in range(len(linked) - 1):
        first, second = linked[i], linked[i + 1]
        if first.range_role or second.range_role:
            continue
        between = text[first.end : second.start]
        going_on = _GOING_ON.fullmatch(between)
        if going_on is None and not _RANGE_CONNECTOR.fullmatch(between):
            continue
        connector = between.strip().lower()
        opener = signal_before(text, first.start)
        # "the July-to-September period": a hyphenated "to" joins like a dash
        dash = connector in ("-", "–", "—") or (len(between) > 2 and between[0] == "-")
        if (
            (
                opener == "from"
                # "from Friday night into Saturday morning"
                and connector in ("to", "through", "thru", "until", "till", "into", "-", "–", "—")
                # "postponed from May 5 to May 12": a date moved, no stretch between two
                and not delayed_from(text, first.start)
            )
            or (opener == "between" and connector == "and")
            or ((dash or connector in ("through", "thru")) and _same_kind(first, second))
            # "covers the years 2021 to 2023": two years in order need no "from"
            or (connector == "to" and _years_in_order(first.partial, second.partial))
        ) or _goes_on_to(opener, going_on):
            linked[i] = first._replace(
                range_role="start", partial=_share_week(first.partial, second.partial)
            )
            linked[i + 1] = second._replace(range_role="end")
    return linked


def _goes_on_to(opener: str | None, found: re.Match[str] | None) -> bool:
    """ "starting Sunday evening and continuing through Tuesday", "beginning March 1 and
    ending June 30": a start, then (``found``, the gap read by `_GOING_ON`) a verb of
    going on that reaches the end."""
    return (
        found is not None
        and opener in lexicon().range_openers
        and found["verb"].lower() in lexicon().verbs_going_on_to_an_end
    )


def _share_week(first: Partial, second: Partial) -> Partial:
    """ "from Monday to Wednesday last week": the week qualifies both ends."""
    if (
        first.weekday is not None
        and first.unit is None
        and second.weekday is not None
        and second.unit == "week"
    ):
        return first._replace(unit="week", offset=second.offset)
    return first


def _years_in_order(first: Partial, second: Partial) -> bool:
    """Two calendar years, the second after the first ("2021 to 2023")."""
    return (
        first.granularity == second.granularity == "year"
        and first.year is not None
        and second.year is not None
        and first.month is None
        and second.month is None
        and first.year < second.year
    )


def _same_kind(first: Candidate, second: Candidate) -> bool:
    return (
        first.partial.granularity == second.partial.granularity
        and first.partial.type == second.partial.type
    )
