"""`extract_timeline`: a thin orchestrator of the stages.

text → analysis (sentences, tokens, tense) → recognized candidates → resolved
expressions → events → ordered timeline.
"""

from __future__ import annotations

import gc
import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from .anchoring import LazyUndated, anchor_events
from .errors import InvalidInputError, InvalidOptionError
from .events import CROWDED, build_events
from .order import order_events
from .published import coerce_published
from .recognize import Candidate, Partial, recognize
from .recognize.partial import PERIODS
from .recognize.signals import (
    LENGTH_END_GAP,
    OF_GAP,
    WHICH_BEFORE_END,
    link_ranges,
    signal_before,
    signal_over_modifiers,
)
from .resolve import Reference, Resolved, resolve, stretch_at_edge
from .text import (
    Analysis,
    analyze,
    delayed_from,
    delayed_until,
    forecast_for,
    grammar_words,
    is_past_form,
    pluperfect_governs,
    possessive_at,
    reported_after,
    reported_for,
    start_word_before,
    will_governs,
)
from .timeline import Timeline
from .types import Tense, TimeExpression

__all__ = ["Backend", "Domain", "extract_timeline"]

log = logging.getLogger("timeline")

Domain = Literal["auto", "news", "narrative"]
Backend = Literal["builtin", "stanza", "auto"]

# A signal that fixes the direction whatever the verb's tense says.
_SIGNAL_TENSE: dict[str, Tense] = {
    "since": "past",
    "since at least": "past",
    "since as early as": "past",
    "ago": "past",
    "as soon as": "future",
}
_DOMAINS = ("auto", "news", "narrative")
_BACKENDS = ("builtin", "stanza", "auto")


def extract_timeline(
    text: Any,
    *,
    published: Any = None,
    domain: Domain = "auto",
    backend: Backend = "builtin",
    title: str | None = None,
) -> Timeline:
    """Find, resolve and order the temporal expressions and events of ``text``.

    ``text`` is a str (or a ``stanza.Document`` already parsed by the caller).
    ``published`` (str 'YYYY-MM-DD', date, datetime, pandas.Timestamp or None) is the
    reference for relative expressions in news; without it relative expressions stay
    underspecified ("XXXX-12").  ``domain="narrative"`` resolves against the last date
    the text mentioned; "auto" means news when ``published`` is given, else narrative.
    ``backend="stanza"`` uses stanza's parse (the ``stanza`` extra and its English
    models), "auto" uses it when installed and the built-in analysis otherwise.
    """
    reference_day = coerce_published(published)
    if domain not in _DOMAINS:
        raise InvalidOptionError(f"domain={domain!r}: expected one of {', '.join(_DOMAINS)}")
    if backend not in _BACKENDS:
        raise InvalidOptionError(f"backend={backend!r}: expected one of {', '.join(_BACKENDS)}")
    chosen: Literal["news", "narrative"] = (
        domain if domain != "auto" else ("news" if reference_day is not None else "narrative")
    )
    analysis = _analysis_for(text, backend)
    reference_text = (
        f"published {reference_day.isoformat()}" if reference_day else "no publication date"
    )
    covered: set[int] = set()
    with collector_paused():
        expressions = resolve_expressions(analysis, published=reference_day, domain=chosen)
        dated = build_events(
            expressions, analysis, published=reference_day, reference_text=reference_text
        )
        placed = anchor_events(
            dated, expressions, analysis, published=reference_day, covered=covered
        )
        events = order_events([*dated, *placed])
    return Timeline(
        text=analysis.text,
        published=reference_day,
        expressions=expressions,
        events=events,
        undated=LazyUndated(covered, analysis),
        domain=chosen,
        title=title,
    )


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused, then restored as it was.

    The stages build a great many small objects (candidates, tokens, expressions) that
    hold no reference cycles, so reference counting frees them all; the collector,
    triggered every few hundred allocations, only walks the live ones again and again:
    13% of the time of a megabyte of dates, 19% of four (measured on "from 2012 to 2018"
    repeated), which made the cost grow faster than the text.  Mercurial pauses it the
    same way for the same reason.
    """
    if not gc.isenabled():
        yield  # paused by the caller (or by another thread in here): leave it so
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _analysis_for(text: Any, backend: str) -> Analysis:
    if _is_stanza_document(text):
        from .nlp.stanza import analysis_from_document

        return analysis_from_document(text)
    _check_text(text)
    if backend == "builtin":
        return analyze(text)
    from .nlp.stanza import stanza_analysis

    return stanza_analysis(text, required=backend == "stanza")


def _is_stanza_document(value: Any) -> bool:
    return type(value).__name__ == "Document" and type(value).__module__.startswith("stanza")


def _check_text(text: Any) -> None:
    if isinstance(text, str):
        return
    if isinstance(text, bytes | bytearray):
        raise InvalidInputError(
            f"text={text!r:.60}: got {type(text).__name__}; decode it first, "
            "e.g. text.decode('utf-8')"
        )
    raise InvalidInputError(f"text: expected str, got {type(text).__name__} ({text!r:.60})")


def resolve_expressions(
    analysis: Analysis, *, published: date | None, domain: Literal["news", "narrative"]
) -> list[TimeExpression]:
    """Recognize and resolve every expression of the analyzed text, in text order."""
    text = analysis.text
    candidates = link_ranges(text, recognize(text, extra_spans=analysis.entities))
    crowded = _crowded(candidates, analysis)
    news_reference = (
        Reference(published, "day", f"published {published.isoformat()}") if published else None
    )
    expressions: list[TimeExpression] = []
    last_dated: TimeExpression | None = None
    earlier = _NOTHING_EARLIER
    clock_signal: str | None = None  # the signal of the clock time whose day is next
    weekly = _hours_of_the_week(candidates, analysis)
    for index, candidate in enumerate(candidates):
        day_signal, clock_signal = clock_signal, None
        if (
            index in weekly
            or _recurring_clock_time(candidates, index, text)
            or _habitual_day(candidate, text)
        ):
            # "open daily from 9 a.m. to 5 p.m.": the time of every such day, of none
            expressions.append(_resolve_candidate(candidate, analysis, None, None, domain, crowded))
            continue
        if _period_of_a_past_story(candidate, last_dated, text, news_reference):
            # "His 1966 single ... By the end of the decade, he had sold 5 million": the
            # decade of the story, not of the writer
            candidate = candidate._replace(partial=candidate.partial._replace(anchored=True))
        year = _year_elaborated(candidates, index, expressions[-1], text) if expressions else None
        if year is not None:
            # "fined twice last year, in March": March of that year
            candidate = candidate._replace(partial=candidate.partial._replace(year=year))
        expression = _resolve_candidate(
            candidate,
            analysis,
            news_reference,
            last_dated,
            domain,
            crowded,
            day_signal,
            earlier=earlier,
        )
        day = _day_right_after(candidates, index, text)
        if day is not None:
            clock_signal = expression.signal
            dated = _resolve_candidate(
                day, analysis, news_reference, last_dated, domain, crowded, clock_signal
            )
            expression = _clock_on_day(candidate, expression, dated, text)
            start = candidates[index - 1] if index else None
            if candidate.range_role == "end" and start and _is_bare_clock_time(start.partial):
                # "from 9:15 to 11:40 a.m. on Tuesday": the day is the whole range's
                expressions[-1] = _clock_on_day(start, expressions[-1], dated, text)
        edge = _period_of_edge(candidates, index, text)
        if edge is not None:
            period, side = edge
            dated = _resolve_candidate(
                period, analysis, news_reference, last_dated, domain, crowded
            )
            expression = _stretch_of(expression, dated, side)
        length_end = _length_end_after(candidates, index, text)
        if length_end is not None:
            dated = _resolve_candidate(
                length_end, analysis, news_reference, last_dated, domain, crowded
            )
            expression = _stretch_of(expression, dated, "last", closing=True)
        closing = _period_end_after(candidates, index, text)
        if closing is not None:
            dated = _resolve_candidate(
                closing, analysis, news_reference, last_dated, domain, crowded
            )
            expression = _quarter_holding(candidate, expression, dated, text)
        expression = _after_what_comes_ahead(candidate, expression, last_dated, text)
        if candidate.range_role == "end" and expressions:
            expressions[-1] = _clock_start_on_the_end_day(
                candidates[index - 1], expressions[-1], candidate, expression, text
            )
            expressions[-1], expression = _range_in_order(
                candidates[index - 1], expressions[-1], candidate, expression, text, news_reference
            )
            expression = _clock_end_after_start(candidate, expression, expressions[-1], text)
        expressions.append(expression)
        if (
            expression.start is not None
            and expression.granularity not in ("ref", "unknown")
            and expression.type != "DURATION"  # "the past two years" is no date to count from
            # "last year" is a year told, which "the year before" counts from; "a year ago"
            # is a comparison, which the next "a year earlier" repeats
            and not (
                candidate.rule != "relative_unit" and _is_year_back_comparison(candidate.partial)
            )
            # "brought forward from June to May": a date given up, which nothing after it
            # is told from
            and not (
                expression.signal == "from"
                and candidate.range_role is None  # `link_ranges` leaves a delay's unlinked
                and delayed_from(text, candidate.start)
            )
            # "the quarter ended Sept. 30 … a year earlier": the quarter's year-ago one;
            # the day only closes the period told
            and not (index and _period_end_after(candidates, index - 1, text) is candidate)
            # "down 7% since the start of the year", "cases recorded since Jan. 6": where a
            # state began, which the story does not move to ("earlier in the week", "the
            # previous week" are still the writer's)
            and expression.signal != "since"
        ):
            last_dated = expression
            earlier = _earlier_with(earlier, expression, news_reference)
    return expressions


class _Earlier(NamedTuple):
    """Dates told before, besides the last: what some expressions count from when the
    last date told is of the wrong kind."""

    #: the last day (or finer) told, which a bare clock time may be on
    day: TimeExpression | None
    #: the last date told that is not ahead of publication, which "the previous day" in a
    #: past clause counts from when the last one is a forecast
    past: TimeExpression | None
    #: the last day (or finer) told that is not ahead of publication, which a clock time
    #: told in the past may be on when the last day is ahead
    past_day: TimeExpression | None


_NOTHING_EARLIER = _Earlier(None, None, None)


def _earlier_with(
    earlier: _Earlier, expression: TimeExpression, reference: Reference | None
) -> _Earlier:
    if _ahead_of(expression, reference):
        past, past_day = earlier.past, earlier.past_day
    else:
        past = expression
        past_day = expression if expression.granularity in _DAY_OR_FINER else earlier.past_day
    day = expression if expression.granularity in _DAY_OR_FINER else earlier.day
    return _Earlier(day, past, past_day)


def _ahead_of(expression: TimeExpression, reference: Reference | None) -> bool:
    return (
        reference is not None and expression.start is not None and expression.start > reference.day
    )


# between a clock time and the day it is on: "10:35 a.m. (0735 GMT) Friday",
# "3 p.m. local time on Monday", "noon, Monday"
_CLOCK_DAY_GAP = re.compile(
    r"\s{0,3}(?:,\s{0,3})?(?:\([^()\n]{1,24}\)\s{1,3})?"
    r"(?:(?:local\s{1,3}time|[A-Z]{2,4})\s{1,3})?(?:(?i:on)\s{1,3})?"
)


def _day_right_after(candidates: Sequence[Candidate], index: int, text: str) -> Candidate | None:
    """The day a bare clock time is on when the day follows it closely ("at about 10:35
    a.m. (0735 GMT) Friday"): TimeML tags the two apart, the time on that day."""
    if not _is_bare_clock_time(candidates[index].partial):
        return None
    # "at 10:30 tomorrow morning": a part of a day names its day too
    return _next_day_across(candidates, index, text, _CLOCK_DAY_GAP, _DAY_OR_PART)


def _next_day_across(
    candidates: Sequence[Candidate],
    index: int,
    text: str,
    gap: re.Pattern[str],
    granularities: frozenset[str] = frozenset({"day"}),
) -> Candidate | None:
    """The candidate after ``index`` when it names a day (of ``granularities``) and
    only ``gap`` lies between."""
    if index + 1 >= len(candidates):
        return None
    following = candidates[index + 1]
    partial = following.partial
    if partial.granularity not in granularities or (
        partial.type != "DATE" and partial.granularity == "day"
    ):
        return None
    if following.range_role == "start":
        return None  # "8 p.m. Eastern time, Monday through Friday": a stretch of days
    return following if gap.fullmatch(text, candidates[index].end, following.start) else None


_DAY_OR_PART = frozenset({"day", "part_of_day"})


# between a reported period and the day it closes: "the quarter ending June 30"
_PERIOD_END_GAP = re.compile(WHICH_BEFORE_END + r"\s{1,3}(?i:ended|ending|ends|to)\s{1,3}")


def _period_end_after(candidates: Sequence[Candidate], index: int, text: str) -> Candidate | None:
    """The day that closes "the quarter" when the text names it right after ("the
    quarter ended Sept. 30", "the quarter to June 30")."""
    if not _is_the_last_quarter(candidates[index].partial):
        return None
    return _next_day_across(candidates, index, text, _PERIOD_END_GAP)


_THE_LENGTH = re.compile(r"(?i:the)\s")
_DAY_OR_MONTH = frozenset({"day", "month"})


def _length_end_after(candidates: Sequence[Candidate], index: int, text: str) -> Candidate | None:
    """The day or month that closes "the three months" when the text names it right
    after ("the three months to June 30", "the 12 months through January")."""
    candidate = candidates[index]
    if candidate.partial.type != "DURATION" or not _THE_LENGTH.match(text, candidate.start):
        return None
    return _next_day_across(candidates, index, text, LENGTH_END_GAP, _DAY_OR_MONTH)


# "the first nine months of 2023", "the final three months of the year": a length at
# an edge of the period named after it
_EDGE_LENGTH = re.compile(r"(?i:the)\s{1,3}(?P<side>(?i:first|last|final))\s")


def _period_of_edge(
    candidates: Sequence[Candidate], index: int, text: str
) -> tuple[Candidate, str] | None:
    """The period right after "the first/last N units" + "of", if ``index`` is one, and
    which edge of it ("first" or "last")."""
    candidate = candidates[index]
    if candidate.partial.type != "DURATION" or index + 1 >= len(candidates):
        return None
    edge = _EDGE_LENGTH.match(text, candidate.start)
    if edge is None:
        return None
    following = candidates[index + 1]
    if following.partial.type != "DATE" or following.partial.granularity not in PERIODS:
        return None
    if not OF_GAP.fullmatch(text, candidate.end, following.start):
        return None
    return following, "first" if edge["side"].lower() == "first" else "last"


def _stretch_of(
    length: TimeExpression, period: TimeExpression, side: str, *, closing: bool = False
) -> TimeExpression:
    """The length with the bounds it covers at the ``side`` edge of ``period`` (its value
    stays the length, as TimeML writes "the first nine months": P9M); ``closing``: the
    period is a day or month that only closes the length ("the three months to June
    30"), so the length may begin before it."""
    start = date.min if closing else period.start
    if start is None or period.end is None:
        return length
    stretch = stretch_at_edge(start, period.end, length.value, side)
    if stretch is None:
        return length
    return replace(
        length,
        start=stretch[0],
        end=stretch[1],
        granularity="day",
        reference=f"expression {period.text!r}",
    )


def _is_the_last_quarter(partial: Partial) -> bool:
    """ "the quarter", "the latest quarter": the last reported quarter, no number named."""
    return (
        partial.granularity == "quarter"
        and partial.unit == "quarter"
        and partial.quarter is None
        and partial.offset == 0
        and partial.direction == -1
        and not partial.anchored
    )


def _quarter_holding(
    candidate: Candidate, expression: TimeExpression, dated: TimeExpression, text: str
) -> TimeExpression:
    """ "the quarter ending June 30" is the quarter that June 30 closes, which may still
    be running: not the last quarter reported before the reference."""
    if dated.granularity != "day" or dated.start is None:
        return expression
    day = dated.start
    partial = Partial(granularity="quarter", year=day.year, quarter=(day.month - 1) // 3 + 1)
    return _read_again(candidate, expression, partial, _expression_reference(dated), text)


def _clock_on_day(
    candidate: Candidate, expression: TimeExpression, dated: TimeExpression, text: str
) -> TimeExpression:
    """The clock time ``candidate`` (resolved as ``expression``) on the resolved day
    ``dated``, when that is a day or a part of one."""
    if dated.granularity not in _DAY_OR_PART or dated.start is None:
        return expression
    partial = candidate.partial._replace(anchored=True)
    return _read_again(candidate, expression, partial, _expression_reference(dated), text)


def _clock_start_on_the_end_day(
    start: Candidate,
    start_expression: TimeExpression,
    end: Candidate,
    end_expression: TimeExpression,
    text: str,
) -> TimeExpression:
    """ "from 4 p.m. until 11 p.m. Thursday": a bare clock time opening a range is on
    the day of the clock time that closes it."""
    if (
        not _is_bare_clock_time(start.partial)
        or end.partial.type != "TIME"
        or _is_bare_clock_time(end.partial)
        or end_expression.start is None
    ):
        return start_expression
    day = end_expression.start
    partial = start.partial._replace(anchored=True)
    read = _read_again(start, start_expression, partial, _day_of(day, end_expression), text)
    if read.value > end_expression.value:
        # "a curfew from 10 p.m. to 5 a.m. Saturday": overnight, from the day before
        day -= timedelta(days=1)
        read = _read_again(start, start_expression, partial, _day_of(day, end_expression), text)
    return read


def _day_of(day: date, expression: TimeExpression) -> Reference:
    return Reference(day, "day", f"expression '{expression.text}'")


def _after_what_comes_ahead(
    candidate: Candidate,
    expression: TimeExpression,
    last_dated: TimeExpression | None,
    text: str,
) -> TimeExpression:
    """ "will meet on Monday, ahead of Thursday's vote": the day a thing comes ahead of
    follows the date of that thing, told before it in the sentence, which the weekday
    read alone may not (published on a Tuesday, the Thursday of this week).  So does
    the next of two days ahead: "will be closed on Thursday and will close early on
    Friday" (published on a Friday: the Friday after that Thursday)."""
    ahead = expression.signal in grammar_words().signals_ahead_of or (
        expression.tense == "future"
        and last_dated is not None
        and last_dated.tense == "future"
        and last_dated.granularity == "day"
    )
    if (
        not ahead
        or candidate.partial.weekday is None
        or not _is_yearless_name(candidate.partial)
        or last_dated is None
        or last_dated.sentence != expression.sentence
        or last_dated.start is None
        or expression.start is None
        or expression.start >= last_dated.start
    ):
        return expression
    reference = Reference(last_dated.start, "day", f"after expression '{last_dated.text}'")
    partial = candidate.partial._replace(direction=1)
    return _read_again(candidate, expression, partial, reference, text)


def _read_again(
    candidate: Candidate,
    expression: TimeExpression,
    partial: Partial,
    reference: Reference,
    text: str,
    tense: Tense | None = None,
) -> TimeExpression:
    """``candidate``, first resolved as ``expression``, resolved again as ``partial``
    against ``reference`` (in ``tense``, else the expression's own)."""
    tense = tense or expression.tense
    resolved = resolve(partial, reference=reference, tense=tense)
    return _expression(candidate, text, resolved, expression.signal, tense, expression.sentence)


def _is_year_back_comparison(partial: Partial) -> bool:
    """ "a year ago", "a year earlier", "year-earlier": the period a figure is compared
    with.  It dates that figure but is no new anchor: the next "a year earlier" compares
    with the same period ("$4 million a year ago … C$307.2 million a year earlier"), not
    with the year before it."""
    return (
        partial.follow_context
        and partial.unit == "year"
        and partial.offset == -1
        and partial.year is None
    )


def _resolve_candidate(
    candidate: Candidate,
    analysis: Analysis,
    news_reference: Reference | None,
    last_dated: TimeExpression | None,
    domain: str,
    crowded: set[int],
    clock_signal: str | None = None,
    *,
    earlier: _Earlier = _NOTHING_EARLIER,
) -> TimeExpression:
    """``clock_signal``: for the day a clock time is on, the clock time's signal;
    ``earlier``: dates told before the last (see `_Earlier`)."""
    text = analysis.text
    span = (candidate.start, candidate.end)
    signal = signal_before(text, candidate.start) or signal_over_modifiers(text, candidate.start)
    sentence = analysis.sentence_index_at(candidate.start)
    # a sentence that is a list of dates has no clause whose tense could choose a year
    clause_tense: Tense = "unknown" if sentence in crowded else analysis.tense_at(span)
    # "valid until 11:59 p.m. on Friday": the day is the deadline's, as the time is
    placing = clock_signal if clock_signal and signal in (None, "on") else signal
    tense = _expression_tense(candidate, text, placing, clause_tense)
    reference, partial = _reference_for(
        candidate,
        news_reference,
        last_dated,
        domain,
        sentence,
        tense,
        earlier=earlier,
    )
    if tense == "future" and _is_overnight(candidate, text):
        # "drizzle is expected overnight": the night to come, not the one just gone
        partial = partial._replace(offset=0)
    if _restates_a_day(candidate, last_dated, text):
        # "on April 19, the Monday after spring break", "May 3, a Monday": the day
        # nearest the one just told, that very day when the writer has it right
        assert last_dated is not None
        restated = resolve(partial, reference=_expression_reference(last_dated), tense="unknown")
        return _expression(candidate, text, restated, signal, tense, sentence)
    if candidate.rule == "the_week" and reference is news_reference:
        # "closed at $45.20 on Friday, down 3% for the week": the week of that Friday
        reference = _day_just_told(last_dated, sentence) or reference
    if tense == "unknown" and reference is news_reference:
        told = _month_just_told(partial, last_dated, sentence)
        if (
            told is not None
            and sentence not in crowded  # a list of dates has no verb to look ahead from
            and _dates_the_verb_before(last_dated, span, analysis)
        ):
            # "decided on Monday to raise taxes in January": the January after that
            # Monday, however near the one before it lies
            tense = "future"
        reference = told or reference
    if tense == "future" and reference is news_reference:
        # "Last year the race was moved from April to October": ahead of the delay,
        # which that year dates, not of the publication
        reference = _delay_dated(candidate, placing, last_dated, sentence, analysis) or reference
    if tense == "future" and _is_yearless_day(partial) and will_governs(text, candidate.start):
        # "will unveil its phones on March 26" in June: next March's, though a tense
        # cue alone would not put a date nine months ahead when the other is close
        partial = partial._replace(direction=1)
    elif _is_yearless_name(partial) and _ENDED_BEFORE.search(text, max(0, span[0] - 9), span[0]):
        # "the quarter ended June 30", "the year ended Sept. 30": a period that has ended,
        # on the last such day, however close the next one is
        partial = partial._replace(direction=-1)
    resolved = resolve(partial, reference=reference, tense=tense)
    return _expression(candidate, text, resolved, signal, tense, sentence)


_ENDED_BEFORE = re.compile(r"(?<![\w-])(?i:ended)\s{1,3}$")


def _is_overnight(candidate: Candidate, text: str) -> bool:
    partial = candidate.partial
    return (
        candidate.rule == "day_word"
        and partial.offset == -1
        and text[candidate.start : candidate.end].lower() == "overnight"
    )


def _restates_a_day(candidate: Candidate, last_dated: TimeExpression | None, text: str) -> bool:
    """A weekday set after a comma beside the day just told, with its article: "April 19,
    the Monday after spring break" restates April 19."""
    partial = candidate.partial
    return (
        last_dated is not None
        and last_dated.granularity == "day"
        and last_dated.start is not None
        and _is_yearless_name(partial)
        and partial.weekday is not None
        and _APPOSITIVE_GAP.fullmatch(text, last_dated.span[1], candidate.start) is not None
    )


_APPOSITIVE_GAP = re.compile(r",\s{1,3}(?i:the|a)\s{1,3}")
# an infinitive and the preposition of an occasion it takes part in: "to feature in",
# "to speak at" ("to appeal Monday's ruling", "to rule on Monday's motion": a thing done)
_INFINITIVE_BEFORE = re.compile(r"(?<![\w-])(?i:to)\s{1,3}[a-z]{2,20}\s{1,3}(?i:in|at)\s{1,3}$")


# "is", "are" right before the expression, or before its "in"/"on" and an edge word
_COPULA_BEFORE = re.compile(
    r"(?<![\w-])(?:is|are)\s{1,3}(?:(?:in|on)\s{1,3})?(?:(?:early|mid|late)[\s-]{1,3})?$"
)


def _passive_past_before_for(text: str, start: int) -> bool:
    """ "was declared for ", "were booked for " right before ``start``."""
    found = _PASSIVE_BEFORE_FOR.search(text, max(0, start - 40), start)
    if found is None:
        return False
    participle = found.group(1).lower()
    return participle.endswith("ed") or is_past_form(participle)


# "was"/"were", a word, "for" (and a determiner perhaps), ending at the expression
_PASSIVE_BEFORE_FOR = re.compile(
    r"(?<![\w-])(?i:was|were)\s{1,3}([A-Za-z]{3,20})\s{1,3}(?i:for)\s{1,3}$"
)


def _expression_tense(candidate: Candidate, text: str, signal: str | None, clause: Tense) -> Tense:
    """The tense that places ``candidate``: its signal's, else its clause's, save where the
    expression's own form says more than the clause's verb."""
    fixed = _SIGNAL_TENSE.get(signal or "")
    if fixed is not None:
        return fixed
    if clause == "unknown" and signal == "as early as":
        return "future"  # "a deal could come as early as Monday": no sooner, still ahead
    partial = candidate.partial
    if signal == "for" and _is_yearless_period(partial) and forecast_for(text, candidate.start):
        # "raised its forecast for the second quarter", "the outlook for June": the
        # period forecast lies ahead, whenever the forecast was made
        return "future"
    if not _is_yearless_name(partial):
        return clause
    if (partial.weekday is not None or partial.month is not None) and possessive_at(
        text, candidate.end
    ):
        # "Wednesday's ruling", "over Thursday's closing price", "at April's sales pace":
        # a day or month named for what happened in it, whatever verb governs the noun
        # ("would get around …", "would take 3.2 months")
        if signal in grammar_words().signals_ahead or (signal == "for" and clause == "future"):
            # "is expected to return for Saturday's derby": an occasion the clause
            # looks forward to
            return clause
        if (
            (signal is None or signal in grammar_words().prepositions_of_an_occasion)
            and clause == "future"
            and will_governs(text, candidate.start)
        ):
            # "will host Monday night's championship game", "will play in Saturday's
            # final", "will speak at Monday's rally"
            return "future"
        if clause == "future" and _INFINITIVE_BEFORE.search(
            text, max(0, candidate.start - 30), candidate.start
        ):
            # "is unlikely to feature in Saturday's match", "is set to speak at Monday's
            # rally": an occasion the clause looks forward to
            return "future"
        return "past"
    if partial.weekday is not None and clause == "present":
        # "He is speaking at the conference on Monday", "the team is flying out on
        # Sunday": news tells a day's plans in the present; what is over it tells in
        # the past
        return "future"
    if (
        clause == "present"
        and partial.month is not None
        and signal in (None, "in", "on")
        and _COPULA_BEFORE.search(text, max(0, candidate.start - 24), candidate.start)
    ):
        # "the last day of school is June 5", "the convention is in mid-July": a date
        # a thing is set for, told in the present, lies ahead
        return "future"
    if partial.month is not None and (
        (signal == "for" and reported_for(text, candidate.start))
        # (a day names when the figures come out: "the June 12 jobs report")
        or (signal is None and partial.day is None and reported_after(text, candidate.end))
    ):
        # "retail sales for May will be released next week", "will release its November
        # jobs report": the month the figures cover has passed, whatever the tense of
        # their release
        return "past"
    if signal == "for" and clause == "past" and _passive_past_before_for(text, candidate.start):
        # "A day of mourning was declared for Friday", "a strike was called for Monday":
        # a plan told in the past, whose day may since have come or not: the nearest
        return "unknown"
    if _moved_by_a_delay(signal, text, candidate.start):
        # "postponed until Tuesday morning", "extended its deadline until Friday",
        # "moved from June to September": the days a delay moves a thing from and to lie
        # ahead of the delay, whatever its verb's tense
        return "future"
    if clause == "past" and (
        signal in grammar_words().signals_of_deadlines
        or start_word_before(text, candidate.start) is not None
    ):
        if pluperfect_governs(text, candidate.start, candidate.end):
            # "By Friday evening, 300 people had been ordered to leave": what had been
            # done by the date is told after it
            return "past"
        # "ordered evacuations beginning at 6 a.m. Thursday", "raised prices effective
        # Monday": when a thing ordered or announced starts may lie either side of it
        return "unknown"
    if clause == "present" and signal in grammar_words().signals_of_deadlines:
        # "Lawmakers have until Sept. 30", "the offer is valid through May 1": a deadline
        # stated in the present lies ahead
        return "future"
    return clause


def _delay_dated(
    candidate: Candidate,
    signal: str | None,
    told: TimeExpression | None,
    sentence: int,
    analysis: Analysis,
) -> Reference | None:
    """The date told before a delay's date in its sentence when it dates the verb of
    delay too; None when there is none (a delay with no date runs from publication)."""
    if (
        told is None
        or told.sentence != sentence
        or told.start is None
        or not _moved_by_a_delay(signal, analysis.text, candidate.start)
    ):
        return None
    span = (candidate.start, candidate.end)
    verb = analysis.governor_of(span)
    if verb is None or analysis.governor_of(told.span) != verb:
        return None
    return _expression_reference(told)


def _moved_by_a_delay(signal: str | None, text: str, start: int) -> bool:
    if signal == "from":
        return delayed_from(text, start)
    return signal in grammar_words().signals_ending_a_delay and delayed_until(text, start)


def _is_yearless_period(partial: Partial) -> bool:
    """A month, quarter, half or season with nothing that fixes its year."""
    return (
        partial.granularity in PERIODS
        and partial.granularity != "year"
        and partial.year is None
        and partial.direction is None
        and partial.unit is None
    )


def _is_yearless_name(partial: Partial) -> bool:
    """A month or weekday name with nothing that fixes its year or week."""
    return (
        (partial.month is not None or partial.weekday is not None)
        and partial.year is None
        and partial.direction is None
        and partial.unit is None
    )


def _dates_the_verb_before(
    told: TimeExpression | None, span: tuple[int, int], analysis: Analysis
) -> bool:
    """``told`` dates the past verb that governs ``span`` through an infinitive or a
    modal ("decided on Monday to raise taxes in January")."""
    verb = analysis.past_verb_before(span)
    return told is not None and verb is not None and analysis.governor_of(told.span) == verb


def _month_just_told(
    partial: Partial, last_dated: TimeExpression | None, sentence: int
) -> Reference | None:
    """For a month without a year or a tense to place it: the month or day told just
    before it in its sentence, to take the nearest such month from ("went on sale in
    May and were sold out by June": that June, not the one nearest the publication)."""
    if not _is_yearless_name(partial) or partial.month is None:
        return None
    return _told_in_sentence(last_dated, sentence, ("month", "day"))


def _day_just_told(last_dated: TimeExpression | None, sentence: int) -> Reference | None:
    """The day told before in the same sentence, if one was."""
    return _told_in_sentence(last_dated, sentence, ("day",))


def _told_in_sentence(
    last_dated: TimeExpression | None, sentence: int, granularities: tuple[str, ...]
) -> Reference | None:
    """``last_dated`` as a reference, when it was told in ``sentence`` with a start and
    one of ``granularities``."""
    if (
        last_dated is None
        or last_dated.sentence != sentence
        or last_dated.granularity not in granularities
        or last_dated.start is None
    ):
        return None
    return _expression_reference(last_dated)


def _period_of_a_past_story(
    candidate: Candidate,
    last_dated: TimeExpression | None,
    text: str,
    reference: Reference | None,
) -> bool:
    """ "the year", "the end of the decade" in a past perfect clause after a date of an
    earlier year: the period of that date (what had been done by then)."""
    partial = candidate.partial
    return (
        partial.unit in ("year", "decade")
        and partial.offset == 0
        and not partial.anchored
        and reference is not None
        and last_dated is not None
        and last_dated.end is not None
        and last_dated.end.year < reference.day.year
        and _THE_PERIOD.search(text, candidate.start, candidate.end) is not None
        and pluperfect_governs(text, candidate.start, candidate.end)
    )


# the span ends in "the year" or "the decade", no "this" or "next"
_THE_PERIOD = re.compile(r"(?<![\w-])(?i:the)\s{1,3}(?i:year|decade)$")


def _year_elaborated(
    candidates: Sequence[Candidate], index: int, previous: TimeExpression, text: str
) -> int | None:
    """The year of ``previous`` when a month without a year follows it, set off by a
    comma and "in" or "on" ("last year, in March", "in 2019, on May 5"), or in a
    when-clause about the year ("2005, when Wilma struck Florida in late October")."""
    partial = candidates[index].partial
    if (
        index == 0
        or partial.month is None
        or partial.weekday is not None
        or not _is_yearless_name(partial)
        or previous.granularity != "year"
        or previous.start is None
    ):
        return None
    low, high = candidates[index - 1].end, candidates[index].start
    if _ELABORATION.fullmatch(text, low, high) or _WHEN_CLAUSE_GAP.fullmatch(text, low, high):
        return previous.start.year
    return None


_ELABORATION = re.compile(r",\s{1,3}(?i:in|on|during)\s{1,3}")
# the comma, "when" and the clause up to the month it tells, all in one sentence
_WHEN_CLAUSE_GAP = re.compile(r",\s{1,3}(?i:when)\s[^.;:!?\n]{1,80}")


def _is_yearless_day(partial: Partial) -> bool:
    """ "March 26", "the 4th of July": a day of a month, no year."""
    return _is_yearless_name(partial) and partial.month is not None and partial.day is not None


def _range_in_order(
    start_candidate: Candidate,
    start: TimeExpression,
    end_candidate: Candidate,
    end: TimeExpression,
    text: str,
    news_reference: Reference | None,
) -> tuple[TimeExpression, TimeExpression]:
    """ "from H1 to H2", "from Friday to Monday": a yearless end that the clause's tense
    put before the range's start is the next one after that start; in a past clause
    ("the strike ran from Monday through Thursday", told on a Wednesday) the start moves
    back before the end instead, so the range stays in the past."""
    partial = end_candidate.partial
    if start.range_role != "start" or partial.year is not None or partial.unit is not None:
        return start, end
    end = _end_in_clause_tense(end_candidate, start, end, text, news_reference)
    start_day, end_day = start.start, end.end
    if start_day is None or end_day is None:
        return start, end
    if end_day >= start_day:
        if (
            start_candidate.partial.weekday is not None
            and partial.weekday is not None
            and (end_day - start_day).days >= _DAYS_IN_A_WEEK
        ):
            # "between 11 p.m. Saturday and 1 a.m. Sunday": the first Sunday after that
            # Saturday, whatever each one's tense made of it
            return start, _resolved_from(end_candidate, end, start, direction=1, text=text)
        return start, end
    if end.tense == "past" and start_candidate.partial.year is None:
        earlier = _resolved_from(start_candidate, start, end, direction=-1, text=text)
        if earlier.start is not None and earlier.start <= end_day:
            return earlier, end
    later = _resolved_from(end_candidate, end, start, direction=1, text=text)
    if later.end is None or later.end < start_day:
        return start, end
    return start, later


_DAYS_IN_A_WEEK = 7


def _end_in_clause_tense(
    end_candidate: Candidate,
    start: TimeExpression,
    end: TimeExpression,
    text: str,
    news_reference: Reference | None,
) -> TimeExpression:
    """ "ran from Monday through Thursday": the end shares the past of the clause, which
    its signal ("through", "until") leaves open on its own."""
    if (
        start.tense != "past"
        or end.tense != "unknown"
        or news_reference is None
        or end.reference != news_reference.description
    ):
        return end
    return _read_again(end_candidate, end, end_candidate.partial, news_reference, text, "past")


def _resolved_from(
    candidate: Candidate,
    expression: TimeExpression,
    other: TimeExpression,
    *,
    direction: int,
    text: str,
) -> TimeExpression:
    """``candidate`` read again as the one just before (-1) or after (1) ``other``."""
    partial = candidate.partial._replace(direction=direction)
    return _read_again(candidate, expression, partial, _expression_reference(other), text)


def _clock_end_after_start(
    candidate: Candidate, end: TimeExpression, start: TimeExpression, text: str
) -> TimeExpression:
    """ "a curfew from 10 p.m. to 5 a.m.": a bare clock time that ends a range earlier in
    the day than the range's start is on the day after the start's (with a day named
    after it, "from 11 p.m. to 2 a.m. on Friday", the start took that day too, and the
    range would otherwise end before it began)."""
    if (
        start.range_role != "start"
        or start.type != "TIME"
        or start.start is None
        or not _is_bare_clock_time(candidate.partial)
        or end.start != start.start
        or len(end.value) != len(start.value)
        or end.value >= start.value
    ):
        return end
    day_after = start.start + timedelta(days=1)
    reference = Reference(day_after, "day", f"the day after expression '{start.text}'")
    return _read_again(candidate, end, candidate.partial._replace(anchored=True), reference, text)


def _crowded(candidates: Sequence[Candidate], analysis: Analysis) -> set[int]:
    counts: dict[int, int] = {}
    for candidate in candidates:
        index = analysis.sentence_index_at(candidate.start)
        counts[index] = counts.get(index, 0) + 1
    return {index for index, count in counts.items() if count > CROWDED}


def _reference_for(
    candidate: Candidate,
    news_reference: Reference | None,
    last_dated: TimeExpression | None,
    domain: str,
    sentence: int,
    tense: Tense = "unknown",
    *,
    earlier: _Earlier = _NOTHING_EARLIER,
) -> tuple[Reference | None, Partial]:
    """The reference and the (possibly re-anchored) value to resolve against it.

    News resolves against the publication date; anchored expressions ("a year
    earlier") and narratives against the last mentioned date.  "A year ago" right after
    a quarter or a month is that period a year before, or that very period when it ended
    more than a year before the reference ("the 1988 quarter … a year ago").
    """
    partial = candidate.partial
    if (
        partial.follow_context
        and last_dated is not None
        and last_dated.sentence >= sentence - partial.context_reach
        and last_dated.granularity in _CONTEXT_GRANULARITIES
    ):
        if _already_a_year_back(last_dated, news_reference):
            partial = partial._replace(offset=0)
        elif partial.unit == "quarter":
            partial = partial._replace(offset=-4)
        return _expression_reference(last_dated), partial._replace(anchored=True)
    day = _day_of_a_clock_time(partial, last_dated, earlier, sentence, news_reference, tense)
    if day is not None:
        # "6 a.m." right after "on Oct. 13", "by midday" after "at 2 a.m. Thursday": the
        # time of that day
        return _expression_reference(day), partial._replace(anchored=True)
    if (
        partial.type == "DURATION"
        and partial.direction == 1
        and tense == "past"
        and last_dated is not None
        and last_dated.end is not None
        and (news_reference is None or last_dated.end < news_reference.day)
    ):
        # "In 1968 she helped organize the campaign, and for the next three decades she
        # ran a clinic": the decades from the date told (when it has passed), not from
        # publication, as a narrative counts them
        return _expression_reference(last_dated), partial
    if partial.anchored and last_dated is not None:
        anchor = last_dated
        if tense == "past" and _ahead_of(last_dated, news_reference) and earlier.past is not None:
            # "Relief may not arrive until early next week. Crews lost ground the
            # previous day": what is told as done counts from a date gone by, not a forecast
            anchor = earlier.past
        if _finer_than(partial, anchor.granularity):
            # "By the late 18th century … The following year": a year after which one?
            # ("The 1930s … a decade later" counts a decade on, which it can)
            return None, partial
        return _expression_reference(anchor), partial
    if partial.anchored and (partial.offset or 0) > 0 and domain != "narrative":
        # "Two days later, he was released" with no date before it: counted from the
        # publication date it would be a day still to come; better no date than that
        return None, partial
    if domain == "narrative" and last_dated is not None:
        return _expression_reference(last_dated), _narrative(partial)
    return news_reference, partial


def _day_of_a_clock_time(
    partial: Partial,
    last_dated: TimeExpression | None,
    earlier: _Earlier,
    sentence: int,
    reference: Reference | None,
    tense: Tense,
) -> TimeExpression | None:
    """The day a bare clock time in ``sentence`` is on, if the text told it: the last
    day told, unless a coarser date told since stands in the clock time's own sentence
    ("held its rate on Wednesday and signaled a cut in June. The decision came at 2
    p.m." is Wednesday's).  The day is the sentence before's, or that of one of the few
    before when it lies within the news cycle ("The storm hit on Monday. Power failed.
    At 3 p.m., crews …"); a day further back is background, and its clock times are
    the publication day's.  A clock time told in the past skips a day still ahead for
    the last day gone by ("postponed a vote on Tuesday night. The fiscal year begins
    July 1. The meeting ended shortly before 11 p.m." is Tuesday's)."""
    if not _is_bare_clock_time(partial) or last_dated is None:
        return None
    day = last_dated if last_dated.granularity in _DAY_OR_FINER else earlier.day
    if day is None or (day is not last_dated and last_dated.sentence == sentence):
        return None
    if _past_told_of_a_day_ahead(tense, day, reference):
        day = earlier.past_day
        if day is None:
            return None
    if day.sentence >= sentence - 1:
        return day
    if day.sentence < sentence - _CLOCK_DAY_REACH or day.start is None:
        return None
    if reference is None or abs((reference.day - day.start).days) <= _NEWS_CYCLE_DAYS:
        return day
    return None


# sentences back, and days from publication, over which a clock time keeps the day told
_CLOCK_DAY_REACH = 3
_NEWS_CYCLE_DAYS = 7


def _past_told_of_a_day_ahead(
    tense: Tense, day: TimeExpression, reference: Reference | None
) -> bool:
    """ "landfall late Thursday, the center said in its 11 a.m. advisory": a clock time in
    the past tense is not on a day still to come."""
    return (
        tense == "past"
        and reference is not None
        and day.start is not None
        and day.start > reference.day
    )


def _already_a_year_back(expression: TimeExpression, reference: Reference | None) -> bool:
    """ "In the 1988 period … the year-ago results": a period that ended more than a
    year before the reference is itself the year-ago one, not one to shift back from."""
    if reference is None or expression.end is None:
        return False
    return (reference.day - expression.end).days > _A_YEAR


def _narrative(partial: Partial) -> Partial:
    """Narratives move forward from the last date they named (HeidelTime's narrative mode):
    "In 1939 … In September" is September of 1939; "on Monday" the Monday after."""
    if partial.year is None and partial.direction is None and partial.unit is None:
        if partial.weekday is not None and partial.month is None:
            return partial._replace(direction=1)
        if any(
            v is not None for v in (partial.month, partial.season, partial.quarter, partial.half)
        ):
            return partial._replace(direction=0)
    return partial


_CONTEXT_GRANULARITIES = frozenset({"quarter", "month", "half"})
# the years a decade or a century spans: a shift of fewer from one lands nowhere known
_YEARS_SPANNED = {"decade": 10, "century": 100}
_FINE_UNITS = frozenset({"year", "quarter", "month", "week", "day"})


def _finer_than(partial: Partial, granularity: str) -> bool:
    """A shift ("the following year") too small to count from a period as wide as a
    decade or a century."""
    span = _YEARS_SPANNED.get(granularity)
    if span is None or partial.unit not in _FINE_UNITS:
        return False
    return partial.unit != "year" or abs(partial.offset or 0) < span


_DAY_OR_FINER = frozenset({"day", "part_of_day", "hour", "minute", "second"})
_A_YEAR = 365


def _recurring_clock_time(candidates: Sequence[Candidate], index: int, text: str) -> bool:
    """A bare clock time next to a set in its clause ("daily from 9 a.m. to 5 p.m.", "every
    Monday at 8 p.m.", "staffed on weekdays from 8 a.m."): the time recurs with the set,
    on no one day."""
    candidate = candidates[index]
    if not _is_bare_clock_time(candidate.partial):
        return False
    for other in (index - 2, index - 1, index + 1, index + 2):
        if not 0 <= other < len(candidates) or not _is_set_of_days(candidates[other].partial):
            continue
        low, high = sorted((candidates[other], candidate), key=lambda c: c.start)
        if _in_one_stretch(text[low.end : high.start]):
            return True
    return _recurring_days_near(text, candidate.start, candidate.end)


def _is_set_of_days(partial: Partial) -> bool:
    """A set of days or coarser ("daily", "every Monday"): not "every three hours", whose
    times fall on every day and so name none."""
    return partial.type == "SET" and not (partial.duration or "").startswith("PT")


def _in_one_stretch(between: str) -> bool:
    """True when ``between`` is short enough and breaks no clause: the two expressions
    it separates go together."""
    return len(between) <= _SET_REACH and not _CLAUSE_BREAK.search(between)


def _recurring_days_near(text: str, start: int, end: int) -> bool:
    """True when a plural name of days that TimeML gives no value of ("weekdays",
    "weeknights") stands in the clause of the span, within reach."""
    pattern = _recurring_days()
    before = pattern.search(text, max(0, start - _SET_REACH), start)
    if before is not None and _in_one_stretch(text[before.end() : start]):
        return True
    after = pattern.search(text, end, end + _SET_REACH)
    return after is not None and _in_one_stretch(text[end : after.start()])


@lru_cache(maxsize=1)
def _recurring_days() -> re.Pattern[str]:
    words = "|".join(sorted(grammar_words().words_of_recurring_days, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?i:{words})(?![\w-])")


def _hours_of_the_week(candidates: Sequence[Candidate], analysis: Analysis) -> frozenset[int]:
    """ "The office is open Monday through Friday from 9 a.m. to 5 p.m.": a range of
    weekdays with clock times beside it, told in the present, gives hours that recur every
    week; the indexes of those days and times, which fall on no one date.  In the future
    ("will be open Monday through Friday") they are the days of one week."""
    text = analysis.text
    marked: set[int] = set()
    for index in range(1, len(candidates)):
        first, last = candidates[index - 1], candidates[index]
        if not (
            first.range_role == "start"
            and last.range_role == "end"
            and _is_weekday_name(first.partial)
            and _is_weekday_name(last.partial)
        ):
            continue
        clocks = [
            other
            for other in (index - 3, index - 2, index + 1, index + 2)
            if 0 <= other < len(candidates)
            and _is_bare_clock_time(candidates[other].partial)
            and _in_one_stretch(_between_spans(candidates[other], first, last, text))
        ]
        if clocks and analysis.tense_at((first.start, last.end)) == "present":
            marked.update((index - 1, index, *clocks))
    return frozenset(marked)


def _between_spans(candidate: Candidate, first: Candidate, last: Candidate, text: str) -> str:
    """The text between ``candidate`` and the stretch from ``first`` to ``last``."""
    if candidate.start >= last.end:
        return text[last.end : candidate.start]
    return text[candidate.end : first.start]


def _is_weekday_name(partial: Partial) -> bool:
    return partial.weekday is not None and _is_yearless_name(partial)


_SET_REACH = 40

# a sentence or clause ends between them ("a.m. to" goes on)
_CLAUSE_BREAK = re.compile(r"[;!?\n]|[.:]\s{1,3}[A-Z]")


def _habitual_day(candidate: Candidate, text: str) -> bool:
    """ "published monthly, usually on the second Tuesday", "the shop typically closes on
    Monday", "updated once a day, usually overnight": a weekday or a part of a day after
    an adverb of habit names when it recurs, no one day."""
    partial = candidate.partial
    if not (_is_weekday_name(partial) or _is_bare_part_of_day(partial)):
        return False
    return _habit_before().search(text, max(0, candidate.start - 48), candidate.start) is not None


@lru_cache(maxsize=1)
def _habit_before() -> re.Pattern[str]:
    """An adverb of habit, a verb perhaps, "on" and an ordinal perhaps, right before a
    weekday (built at first use: `Grammar.adverbs_of_habit` is data)."""
    adverbs = "|".join(sorted(grammar_words().adverbs_of_habit))
    return re.compile(
        rf"(?<![\w-])(?i:{adverbs})"
        r"(?:\s{1,3}[a-z]+)?\s{1,3}(?:(?i:on|in)\s{1,3})?"
        r"(?:(?i:the)\s{1,3}(?i:first|second|third|fourth|last)\s{1,3})?$"
    )


def _is_bare_part_of_day(partial: Partial) -> bool:
    """ "overnight", "in the evening": a part of a day that names no day."""
    return (
        partial.granularity == "part_of_day"
        and partial.weekday is None
        and partial.month is None
        and partial.year is None
    )


def _is_bare_clock_time(partial: Partial) -> bool:
    return (
        partial.type == "TIME"
        and partial.hour is not None
        and partial.unit == "day"
        and partial.offset == 0
    )


def _expression_reference(expression: TimeExpression) -> Reference:
    assert expression.start is not None
    return Reference(expression.start, expression.granularity, f"expression '{expression.text}'")


def _expression(
    candidate: Candidate,
    text: str,
    resolved: Resolved,
    signal: str | None,
    tense: Tense,
    sentence: int,
) -> TimeExpression:
    partial = candidate.partial
    return TimeExpression(
        text=text[candidate.start : candidate.end],
        span=(candidate.start, candidate.end),
        type=partial.type,
        value=resolved.value,
        mod=resolved.mod,
        granularity=resolved.granularity,
        start=resolved.start,
        end=resolved.end,
        signal=signal,
        rule=candidate.rule,
        reference=resolved.reference,
        tense=tense,
        sentence=sentence,
        quant=partial.quant,
        range_role=candidate.range_role,  # type: ignore[arg-type]
        freq=partial.freq,
    )
