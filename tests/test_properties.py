"""Property-based tests of `extract_timeline` over arbitrary text and publication dates.

For any text (any Unicode without surrogates, control characters, mixed scripts, and
random text with temporal phrases spliced in) and any ``published`` (a date of years
1-9999, a naive or aware datetime, an ISO string, or None):

- the only exceptions are the documented ones (`TimelineError` subclasses);
- every span satisfies ``text[start:end] == expr.text``;
- every value is a TIMEX3 value (`TIMEX3_VALUE`, written from what `timeline.resolve`
  and `timeline.recognize.rules._duration_value` emit; not a catch-all);
- every event has ``start <= end`` when both are set, and likewise every expression;
- the same input gives the same output (expressions and ``to_dataframe()``).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import timeline
from timeline import Timeline, extract_timeline
from timeline.errors import TimelineError

# ------------------------------------------------------------------ grammar

_YEAR = r"(?!0000)\d{4}"  # years 0001-9999: 1 BC is BC0001, never 0000
_MONTH = r"(?:0[1-9]|1[0-2])"
_DAY = r"(?:0[1-9]|[12]\d|3[01])"
_WEEK = r"(?:0[1-9]|[1-4]\d|5[0-3])"
_PART_OF_DAY = r"(?:MO|AF|EV|NI|MI)"
_CLOCK = r"(?:(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?|24:00)"
_TIME = rf"T(?:{_PART_OF_DAY}|{_CLOCK})"
_SEASON = r"(?:SP|SU|FA|WI)"

_DATE = "|".join(
    [
        rf"{_YEAR}-{_MONTH}-{_DAY}(?:{_TIME})?",  # 2020-12-05, 2021-03-30T15:00, …TMO
        rf"XXXX-{_MONTH}-{_DAY}",  # a month and day with no year to resolve against
        rf"XXXX-XX-{_DAY}",  # "on the 5th" with no month to resolve against
        rf"XXXX-XX-XX(?:{_TIME})?",  # a relative day with no reference; SET "each night"
        rf"{_YEAR}-(?:{_MONTH}|XX)-XX",  # 1998-10-XX: "that day" within a named month or year
        rf"{_YEAR}-{_MONTH}",  # 2020-12
        r"XXXX-(?:XX|" + _MONTH + ")",  # XXXX-12, XXXX-XX
        rf"{_YEAR}-W(?:{_WEEK}|XX)(?:-WE)?",  # 2021-W13, 2021-W13-WE, 2021-WXX
        r"XXXX-WXX(?:-WE|-[1-7](?:" + _TIME + ")?)?",  # XXXX-WXX, XXXX-WXX-5, …-5TEV
        rf"(?:{_YEAR}|XXXX)-Q(?:[1-4]|X)",  # 2020-Q3, XXXX-QX
        rf"(?:{_YEAR}|XXXX)-H(?:[12]|X)",  # 2020-H1
        rf"(?:{_YEAR}|XXXX)-{_SEASON}",  # 2020-SU
        _YEAR,  # 2020
        r"\d{3}X",  # 199X: a decade
        r"\d{2}XX",  # 19XX, 14XX: a century
        r"X{2,4}",  # XXXX, XXX, XX: a year, decade or century with no reference
        r"BC\d{4}",  # BC0044
        r"BC\d{2}XX",  # BC01XX: a century before the common era
    ]
)
_NUMBER = r"(?:\d+(?:\.\d+)?|X)"
_DURATION = "|".join(
    [
        # P3Y, P1W, P1Y6M, P1M15D, PXY, PXE (decades), PXC, PXL, P1Q, P1WE, PX (vague, no unit)
        rf"P(?:{_NUMBER}(?:Y|M|W|D|Q|WE|E|C|L))+",
        rf"PT(?=[\dX])(?:{_NUMBER}H)?(?:{_NUMBER}M)?(?:{_NUMBER}S)?",  # PT2H30M, PTXH, PT0S
        r"PX",
    ]
)
_REF = r"PRESENT_REF|PAST_REF|FUTURE_REF"
_SET = "|".join([_DURATION, r"XXXX-WXX-[1-7]", rf"XXXX-XX-XX{_TIME}"])

#: Any TIMEX3 value the library may emit.
TIMEX3_VALUE = re.compile(rf"(?:{_DATE}|{_DURATION}|{_REF})")
#: The value grammar of each TIMEX3 type.
VALUE_BY_TYPE: dict[str, re.Pattern[str]] = {
    "DATE": re.compile(rf"(?:{_DATE}|{_REF})"),
    "TIME": re.compile(rf"(?:{_DATE}|{_REF})"),
    "DURATION": re.compile(_DURATION),
    "SET": re.compile(rf"(?:{_SET})"),
}
MODS = frozenset(
    {"START", "MID", "END", "APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS",
     "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"}
)


@pytest.mark.parametrize(
    "value",
    ["2020", "2020-12", "2020-12-05", "2021-W13", "2021-W13-WE", "2020-Q3", "2020-H1", "2020-SU",
     "199X", "19XX", "XXXX-12", "XXXX-WXX-5", "BC0044", "2021-03-30T15:00", "2021-03-30T15:00:00",
     "2021-03-30TMO", "P3Y", "P1W", "PT2H30M", "PXY", "P1E", "PXE", "PXC", "P1Y6M", "PRESENT_REF",
     "PAST_REF", "FUTURE_REF", "XXXX-XX-XXTNI"],
)
def test_grammar_accepts_timex3_values(value: str) -> None:
    assert TIMEX3_VALUE.fullmatch(value)


@pytest.mark.parametrize(
    "value",
    ["", "2020-13", "2020-12-32", "2021-W54", "2020-Q5", "2020-H3", "20201", "P", "PT", "P3",
     "T15:00", "2021-03-30T25:00", "0000", "0000-12", "0000-Q3", "NOW", "2020-12-05 ",
     "december", "BC44", "P3YT"],
)
def test_grammar_rejects_non_values(value: str) -> None:
    assert not TIMEX3_VALUE.fullmatch(value)


# --------------------------------------------------------------- strategies

PHRASES = (
    "in December",
    "last year",
    "from 2012 to 2018",
    "3 p.m.",
    "44 BC",
    "in 1066",
    "the 15th century",
    "by 2300",
    "in the year 9999",
    "since January 2020",
    "on March 3, 2021",
    "two weeks ago",
    "next Friday",
    "every Monday",
    "for three years",
    "in the 1990s",
    "in the third quarter",
    "this summer",
    "at 15:30",
    "2021-03-30",
    "yesterday morning",
    "the first half of 2020",
    "a decade",
    "nightly",
    "now",
    "in recent years",
    "on Christmas Day",
    "12/25/2020",
    "the weekend",
    "about 2.5 hours",
    "on the 5th",
    "in two weeks",
    "in six months",
    "for the full year",
    "by end-March next year",
    "until at least Oct. 19",
    "after a weak first half",
    "three days after the vote",
)

_TEXT_CHARS = st.characters(exclude_categories=["Cs"])  # every code point but surrogates
_CONTROL = st.characters(min_codepoint=0, max_codepoint=0x1F) | st.sampled_from(
    ["\x7f", "\x85", "\u2028", "\u2029", "\u200b", "\u200e", "\u202e", "\ufeff"]
)
_SCRIPTS = st.sampled_from(
    ["Mexico", "México", "Москва", "北京", "القاهرة", "תל אביב", "Ελλάδα", "दिल्ली", "ソウル",
     "😀", "e\u0301", "ﬁ", "İstanbul", "ß", "١٢٣", "²³", "Ⅻ"]
)
_WORDS = st.sampled_from(
    ["the", "law", "was", "enacted", "will", "meet", "has", "fallen", "May", "March", "may",
     "1", "2020", "twenty", "and", ",", ".", "?", "!", "\n", "-", "'", '"', "(", ")", "U.S.",
     "said", "on", "in", "since", "until", "before", "after", "=cmd", "+1", "@SUM"]
)

texts = st.one_of(
    st.text(_TEXT_CHARS, max_size=200),
    st.text(_CONTROL, max_size=40),
    st.lists(
        st.one_of(_SCRIPTS, _WORDS, st.text(_TEXT_CHARS, max_size=5)), max_size=40
    ).map(" ".join),
)


@st.composite
def spliced_texts(draw: st.DrawFn) -> str:
    """Random text with temporal phrases spliced in at random places."""
    pieces = draw(
        st.lists(
            st.one_of(st.sampled_from(PHRASES), _WORDS, _SCRIPTS, st.text(_TEXT_CHARS, max_size=8)),
            min_size=1,
            max_size=30,
        )
    )
    separators = draw(st.lists(st.sampled_from([" ", "", ". ", ", ", "\n", "\t", "  "]),
                               min_size=len(pieces), max_size=len(pieces)))
    return "".join(p + s for p, s in zip(pieces, separators, strict=True))


_DATES = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
_ZONES = st.builds(
    lambda minutes: timezone(timedelta(minutes=minutes)), st.integers(-23 * 60 - 59, 23 * 60 + 59)
)
published_values = st.one_of(
    st.none(),
    _DATES,
    _DATES.map(date.isoformat),
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)),  # naive
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=_ZONES),
    # dates pandas can hold, as Timestamps
    st.dates(min_value=date(1678, 1, 1), max_value=date(2262, 4, 10)).map(pd.Timestamp),
)

SETTINGS = settings(
    max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


# ------------------------------------------------------------------ checks


def run(text: str, published: Any) -> Timeline | None:
    """The timeline, or None when a documented error was raised (and is well formed)."""
    try:
        tl = extract_timeline(text, published=published)
    except TimelineError as exc:
        message = str(exc)
    else:
        return tl
    assert message, "a documented error must say what was wrong"
    return None


def check_invariants(text: str, tl: Timeline) -> None:
    assert tl.text == text
    previous = -1
    for expr in tl.expressions:
        start, end = expr.span
        assert 0 <= start < end <= len(text), expr
        assert text[start:end] == expr.text, (expr.span, expr.text)
        assert start >= previous, "expressions must be in text order"
        previous = start
        assert expr.type in VALUE_BY_TYPE, expr
        assert TIMEX3_VALUE.fullmatch(expr.value), f"{expr.text!r} → {expr.value!r}"
        assert VALUE_BY_TYPE[expr.type].fullmatch(expr.value), f"{expr.type} {expr.value!r}"
        assert expr.mod is None or expr.mod in MODS, expr.mod
        if expr.start is not None and expr.end is not None:
            assert expr.start <= expr.end, expr
    for event in tl.events:
        if event.start is not None and event.end is not None:
            assert event.start <= event.end, event
        assert 0 <= event.span[0] <= event.span[1] <= len(text), event.span
        t0, t1 = event.trigger_span
        assert text[t0:t1] == event.trigger, (event.trigger_span, event.trigger)


def check_deterministic(text: str, published: Any, first: Timeline) -> None:
    second = extract_timeline(text, published=published)
    assert second.expressions == first.expressions
    assert second.events == first.events
    pd.testing.assert_frame_equal(first.to_dataframe(), second.to_dataframe())


# ------------------------------------------------------------------- tests


@SETTINGS
@given(text=texts, published=published_values)
def test_arbitrary_text_keeps_the_contract(text: str, published: Any) -> None:
    tl = run(text, published)
    if tl is not None:
        check_invariants(text, tl)


@SETTINGS
@given(text=spliced_texts(), published=published_values)
def test_spliced_temporal_phrases_keep_the_contract(text: str, published: Any) -> None:
    tl = run(text, published)
    if tl is not None:
        check_invariants(text, tl)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=spliced_texts(), published=published_values)
def test_same_input_same_output(text: str, published: Any) -> None:
    tl = run(text, published)
    if tl is not None:
        check_deterministic(text, published, tl)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=spliced_texts(), published=published_values)
def test_exports_never_raise(text: str, published: Any) -> None:
    tl = run(text, published)
    if tl is None:
        return
    frame = tl.to_dataframe()
    assert len(frame) == len(tl.events)
    assert str(frame["start"].dtype) == "datetime64[s]"
    csv_text = tl.to_csv()
    assert isinstance(csv_text, str)


@SETTINGS
@given(phrase=st.sampled_from(PHRASES), published=published_values)
def test_every_phrase_alone_is_found_with_a_valid_value(phrase: str, published: Any) -> None:
    text = f"The law was enacted {phrase}."
    tl = run(text, published)
    assert tl is not None, "valid arguments must not raise"
    check_invariants(text, tl)
    assert tl.expressions, f"no expression found in {text!r}"


@pytest.mark.parametrize(
    "published", [date(1, 1, 1), date(1, 12, 31), date(9999, 1, 1), date(9999, 12, 31)]
)
@pytest.mark.parametrize("phrase", PHRASES)
def test_phrases_at_the_edges_of_the_calendar(phrase: str, published: date) -> None:
    # "last year" read on 0001-01-01 and "next week" on 9999-12-31 fall off the calendar:
    # the value must stay well formed (underspecified), never raise.
    for text in (f"The law was enacted {phrase}.", f"The law will be enacted {phrase}."):
        tl = extract_timeline(text, published=published)
        check_invariants(text, tl)
        tl.to_dataframe()
        tl.to_csv()


def test_surrogate_text_is_accepted() -> None:
    # Lone surrogates are legal in a Python str (e.g. from surrogateescape decoding).
    text = "Prices rose in December" + chr(0xD800) + " and fell last year." + chr(0xDFFF)
    tl = extract_timeline(text, published="2021-03-30")
    check_invariants(text, tl)
    assert [e.text for e in tl.expressions] == ["December", "last year"]
    assert tl.expressions[0].value == "2020-12"


def test_public_errors_are_exported() -> None:
    assert issubclass(timeline.InvalidInputError, TimelineError)
    assert issubclass(timeline.InvalidDateError, TimelineError)
