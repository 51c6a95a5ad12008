"""Wrong arguments give clear, documented errors (see `timeline.errors`).

Every error is a `TimelineError` subclass and also the built-in exception a caller
would expect (`InvalidInputError` is a ``TypeError``, `InvalidDateError` a
``ValueError``), and its message names the argument and the value that was wrong.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

import pandas as pd
import pytest

import timeline
from timeline import InvalidDateError, InvalidInputError, extract_timeline
from timeline.errors import TimelineError

TEXT = "Mexico enacted a law in December."


def _value_in_message(value: Any, message: str) -> bool:
    """The message shows the value: its repr, or at least the repr's first characters."""
    shown = repr(value)
    return shown in message or shown[:15] in message


# ------------------------------------------------------------------- text


@pytest.mark.parametrize(
    "text",
    [b"Mexico enacted a law in December.", bytearray(b"in December")],
    ids=["bytes", "bytearray"],
)
def test_bytes_text_says_to_decode(text: bytes | bytearray) -> None:
    with pytest.raises(InvalidInputError) as info:
        extract_timeline(text, published="2021-03-30")
    message = str(info.value)
    assert isinstance(info.value, TypeError)
    assert message.startswith("text")
    assert "decode" in message
    assert _value_in_message(text, message), message


@pytest.mark.parametrize(
    "text",
    [
        None,
        ["in December", "last year"],
        ("in December",),
        {"in December"},
        iter(["in December"]),
        {"text": "in December"},
        12,
        2021,
        3.5,
        True,
    ],
    ids=["None", "list", "tuple", "set", "iterator", "dict", "int", "int-year", "float", "bool"],
)
def test_text_of_the_wrong_type(text: Any) -> None:
    with pytest.raises(InvalidInputError) as info:
        extract_timeline(text, published="2021-03-30")
    assert isinstance(info.value, TimelineError)
    assert isinstance(info.value, TypeError)
    message = str(info.value)
    assert message.startswith("text"), message
    assert type(text).__name__ in message, message
    assert _value_in_message(text, message) or type(text).__name__ == "list_iterator", message


def test_text_error_is_checked_before_the_work() -> None:
    # a wrong text is reported even when published is fine and valid text would succeed
    with pytest.raises(TypeError, match="text"):
        extract_timeline(None, published=date(2021, 3, 30))


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\x00"])
def test_empty_or_blank_text_is_an_empty_timeline(text: str) -> None:
    tl = extract_timeline(text, published="2021-03-30")
    assert tl.expressions == []
    assert tl.events == []


# -------------------------------------------------------------- published

IMPOSSIBLE = ["2021-02-30", "2021-13-01", "2021-00-10", "2021-04-31", "2019-02-29"]
UNPARSEABLE: list[Any] = [
    "yesterday",
    "not a date",
    "today",
    "last Tuesday",
    1e20,
    12345,
    3.5,
    float("nan"),
    "2021-03-30-01",
    "March 2021",
    "2021",
]
OUT_OF_RANGE = ["0000-01-01", "10000-01-01", "-0001-01-01", "99999-12-31"]


@pytest.mark.parametrize("published", IMPOSSIBLE)
def test_impossible_published_date(published: str) -> None:
    with pytest.raises(InvalidDateError) as info:
        extract_timeline(TEXT, published=published)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, TimelineError)
    message = str(info.value)
    assert "published" in message
    assert _value_in_message(published, message), message


@pytest.mark.parametrize("published", UNPARSEABLE, ids=repr)
def test_unparseable_published_date(published: Any) -> None:
    with pytest.raises(InvalidDateError) as info:
        extract_timeline(TEXT, published=published)
    assert isinstance(info.value, ValueError)
    message = str(info.value)
    assert "published" in message
    assert _value_in_message(published, message), message


@pytest.mark.parametrize("published", OUT_OF_RANGE)
def test_published_outside_years_1_to_9999(published: str) -> None:
    with pytest.raises(InvalidDateError) as info:
        extract_timeline(TEXT, published=published)
    assert isinstance(info.value, ValueError)
    message = str(info.value)
    assert "published" in message
    assert _value_in_message(published, message), message
    # the message says why: the supported range, not merely "cannot read"
    assert "1-9999" in message, message


@pytest.mark.parametrize(
    "published",
    [b"2021-03-30", [2021, 3, 30], (2021, 3, 30), {"year": 2021}, object()],
    ids=["bytes", "list", "tuple", "dict", "object"],
)
def test_published_of_the_wrong_type(published: Any) -> None:
    # timeline.published.coerce_published documents a TypeError-style error for these
    with pytest.raises(InvalidInputError) as info:
        extract_timeline(TEXT, published=published)
    assert isinstance(info.value, TypeError)
    message = str(info.value)
    assert "published" in message
    assert type(published).__name__ in message


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2021-03-30", date(2021, 3, 30)),
        (" 2021-03-30 ", date(2021, 3, 30)),
        ("2021-03-30T23:30:00", date(2021, 3, 30)),
        ("30 March 2021", date(2021, 3, 30)),
        ("March 30, 2021", date(2021, 3, 30)),
        ("0001-01-01", date(1, 1, 1)),
        ("9999-12-31", date(9999, 12, 31)),
        (date(2021, 3, 30), date(2021, 3, 30)),
        (datetime(2021, 3, 30, 23, 30), date(2021, 3, 30)),
        # an aware datetime keeps its own calendar date
        (datetime(2021, 3, 30, 23, 30, tzinfo=timezone(timedelta(hours=-4))), date(2021, 3, 30)),
        (datetime(2021, 3, 31, 0, 30, tzinfo=timezone(timedelta(hours=9))), date(2021, 3, 31)),
        (pd.Timestamp("2021-03-30 12:00"), date(2021, 3, 30)),
        (pd.Timestamp("2021-03-30 12:00", tz="America/New_York"), date(2021, 3, 30)),
        (None, None),
        (pd.NaT, None),
    ],
    ids=repr,
)
def test_valid_published_values(published: Any, expected: date | None) -> None:
    tl = extract_timeline(TEXT, published=published)
    assert tl.published == expected


# ------------------------------------------------------------- the options


@pytest.mark.parametrize(("option", "value"), [("domain", "sports"), ("backend", "spacy")])
def test_unknown_option_values(option: str, value: str) -> None:
    # TimelineError is "the base class of every error the library raises deliberately"
    with pytest.raises(TimelineError) as info:
        extract_timeline(TEXT, published="2021-03-30", **{option: value})  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)
    message = str(info.value)
    assert option in message
    assert repr(value) in message


def test_options_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        extract_timeline(TEXT, "2021-03-30")  # type: ignore[call-arg]


def test_every_error_is_exported() -> None:
    # DESIGN.md: ``__all__`` lists extract_timeline, Timeline, the result types, the errors
    from timeline import errors

    missing = set(errors.__all__) - set(timeline.__all__)
    assert not missing, f"timeline.__all__ lacks {sorted(missing)}"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # ends named the other way round: the stretch that covers both, no data lost
        ("Prices rose from 2018 to 2012.", date(2012, 1, 1), date(2018, 12, 31)),
        ("Output fell between 2019 and 2015.", date(2015, 1, 1), date(2019, 12, 31)),
        # a yearless end is the next one after the start, whatever the tense says
        ("Output fell sharply from H2 to H1.", date(2020, 7, 1), date(2021, 6, 30)),
    ],
)
def test_a_range_never_ends_before_it_starts(text: str, start: date, end: date) -> None:
    (event,) = extract_timeline(text, published="2021-03-30").events
    assert (event.start, event.end) == (start, end)


def test_the_garbage_collector_is_left_as_the_caller_had_it() -> None:
    import gc

    import timeline.api

    # paused inside the pipeline (its objects hold no cycles), restored afterwards,
    # also when a stage fails
    assert gc.isenabled()
    extract_timeline("The law took effect in December.", published="2021-03-30")
    assert gc.isenabled()

    # a stage that fails, inside the pause the pipeline runs its stages in (patching
    # a stage would not reach a compiled build, whose calls are bound when compiled)
    def failing_stage() -> None:
        with timeline.api.collector_paused():
            assert not gc.isenabled()
            raise RuntimeError("a stage failed")

    with pytest.raises(RuntimeError):
        failing_stage()
    assert gc.isenabled()
    gc.disable()
    try:
        extract_timeline("The law took effect in December.", published="2021-03-30")
        assert not gc.isenabled()
    finally:
        gc.enable()
