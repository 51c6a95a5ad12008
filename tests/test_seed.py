"""The seed article end to end: the timeline a careful reader draws from it.

The table in ``../shared/seed/README.md`` is copied here row by row; the article lives
in ``fixtures/`` and was published on 2021-03-30 (its text carries no dateline).
"""

from __future__ import annotations

import io
import re
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from timeline import Event, Timeline, extract_timeline

ROOT = Path(__file__).parents[1]
SEED = ROOT / "fixtures" / "reuters-2021-03-30-us-mexico-cartels.txt"
PUBLISHED = "2021-03-30"


@dataclass(frozen=True)
class Row:
    """One row of the seed table."""

    expression: str
    values: tuple[str, ...]
    bounds: tuple[date, date]
    relation: str
    interval: tuple[date | None, date | None]
    trigger: str
    end_expression: str | None = None


# fmt: off
ROWS: tuple[Row, ...] = (
    Row("2012", ("2012", "2018"), (date(2012, 1, 1), date(2018, 12, 31)), "from…to",
        (date(2012, 1, 1), date(2018, 12, 31)), "minister", end_expression="2018"),
    Row("2019", ("2019",), (date(2019, 1, 1), date(2019, 12, 31)), "in",
        (date(2019, 1, 1), date(2019, 12, 31)), "indicted"),
    Row("last year", ("2020",), (date(2020, 1, 1), date(2020, 12, 31)), "in",
        (date(2020, 1, 1), date(2020, 12, 31)), "began"),
    Row("October 2020", ("2020-10",), (date(2020, 10, 1), date(2020, 10, 31)), "until",
        (None, date(2020, 10, 31)), "kept"),
    Row("October 2020", ("2020-10",), (date(2020, 10, 1), date(2020, 10, 31)), "in",
        (date(2020, 10, 1), date(2020, 10, 31)), "arrested"),
    Row("December", ("2020-12",), (date(2020, 12, 1), date(2020, 12, 31)), "in",
        (date(2020, 12, 1), date(2020, 12, 31)), "enacted"),
    Row("January", ("2021-01",), (date(2021, 1, 1), date(2021, 1, 31)), "in",
        (date(2021, 1, 1), date(2021, 1, 31)), "stepped"),
    Row("January", ("2021-01",), (date(2021, 1, 1), date(2021, 1, 31)), "until",
        (None, date(2021, 1, 31)), "led"),
    Row("January", ("2021-01",), (date(2021, 1, 1), date(2021, 1, 31)), "since",
        (date(2021, 1, 1), date(2021, 3, 30)), "ground"),
)
# fmt: on

REQUIRED_COLUMNS = (
    "order", "start", "end", "granularity", "expression", "value", "type", "relation",
    "event", "trigger", "sentence", "char_start", "char_end", "anchor",
)  # fmt: skip


@pytest.fixture(scope="module")
def seed() -> Timeline:
    return extract_timeline(SEED.read_text(encoding="utf-8"), published=PUBLISHED)


def _row_id(row: Row) -> str:
    return f"{row.relation} {row.expression} ({row.trigger})"


def _find(timeline: Timeline, row: Row) -> Event:
    for event in timeline.events:
        if (
            event.trigger == row.trigger
            and event.expression is not None
            and event.expression.text == row.expression
        ):
            return event
    found = [(e.trigger, e.expression.text if e.expression else None) for e in timeline.events]
    raise AssertionError(f"no event {row.trigger!r} dated by {row.expression!r}; got {found}")


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_seed_row(seed: Timeline, row: Row) -> None:
    event = _find(seed, row)
    assert event.expression is not None
    values: tuple[str, ...] = (event.expression.value,)
    if row.end_expression is not None:
        assert event.end_expression is not None
        assert event.end_expression.text == row.end_expression
        values += (event.end_expression.value,)
        bounds = (event.expression.start, event.end_expression.end)
    else:
        assert event.end_expression is None
        bounds = (event.expression.start, event.expression.end)
    assert values == row.values
    assert bounds == row.bounds
    assert event.relation == row.relation
    assert (event.start, event.end) == row.interval


def test_seed_rows_in_table_order(seed: Timeline) -> None:
    positions = [seed.events.index(_find(seed, row)) for row in ROWS]
    assert positions == sorted(positions), [_row_id(row) for row in ROWS]


def test_seed_expression_spans_match_text(seed: Timeline) -> None:
    for expression in seed.expressions:
        start, end = expression.span
        assert seed.text[start:end] == expression.text
    assert [e.span for e in seed.expressions] == sorted(e.span for e in seed.expressions)


@pytest.mark.parametrize(
    ("text", "count", "value", "type_"),
    [
        ("recently", 1, "PAST_REF", "DATE"),
        ("now", 3, "PRESENT_REF", "DATE"),
        ("Now", 1, "PRESENT_REF", "DATE"),
        ("right now", 1, "PRESENT_REF", "DATE"),
        ("annually", 1, "P1Y", "SET"),
        ("monthly", 1, "P1M", "SET"),
        ("years", 2, "PXY", "DURATION"),
        ("a month", 1, "P1M", "DURATION"),
    ],
)
def test_seed_other_expressions(
    seed: Timeline, text: str, count: int, value: str, type_: str
) -> None:
    found = [(e.value, e.type) for e in seed.expressions if e.text == text]
    assert found == [(value, type_)] * count


def test_seed_has_no_stray_dates_durations_or_sets(seed: Timeline) -> None:
    # every expression other than PRESENT_REF/PAST_REF/FUTURE_REF: the table's ten
    # ("2012", "2018", "2019", "last year", "October 2020", "December", three "January")
    # and the SET/DURATION ones listed under it.  (Whether an adjective such as
    # "current officials" is a PRESENT_REF is left to the TimeBank evaluation.)
    texts = sorted(e.text for e in seed.expressions if not e.value.endswith("_REF"))
    expected = sorted(
        ["2012", "2018", "2019", "last year", "October 2020", "December"]
        + ["January"] * 3
        + ["annually", "monthly", "years", "years", "a month"]
    )
    assert texts == expected


def test_seed_dataframe_columns_and_dtypes(seed: Timeline) -> None:
    frame = seed.to_dataframe()
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    assert not missing
    assert str(frame["start"].dtype) == "datetime64[s]"
    assert str(frame["end"].dtype) == "datetime64[s]"
    assert len(frame) == len(seed.events)
    assert list(frame["order"]) == list(range(1, len(frame) + 1))


def test_seed_csv_round_trip(seed: Timeline) -> None:
    frame = seed.to_dataframe()
    buffer = io.StringIO()
    seed.to_csv(buffer)
    back = pd.read_csv(io.StringIO(buffer.getvalue()), keep_default_na=False)
    assert list(back.columns) == list(frame.columns)
    assert len(back) == len(frame)
    for column in ("start", "end"):
        written = [d.date().isoformat() if not pd.isna(d) else "" for d in frame[column]]
        assert list(back[column].astype(str)) == written
    for column in ("order", "char_start", "char_end"):
        assert list(back[column]) == list(frame[column])
    for column in ("expression", "value", "type", "relation", "trigger", "granularity"):
        # signal-placed events have no expression of their own: an empty cell
        assert list(back[column].astype(str)) == [
            "" if pd.isna(v) else str(v) for v in frame[column]
        ]


def test_seed_is_deterministic(seed: Timeline) -> None:
    again = extract_timeline(SEED.read_text(encoding="utf-8"), published=PUBLISHED)
    assert again.expressions == seed.expressions
    assert again.events == seed.events


def _by_trigger(timeline: Timeline, trigger: str) -> Event:
    for event in timeline.events:
        if event.trigger == trigger:
            return event
    raise AssertionError(f"no event {trigger!r}; got {[e.trigger for e in timeline.events]}")


def test_seed_within_a_month_is_anchored_to_the_arrest(seed: Timeline) -> None:
    # "Within a month, American authorities agreed to drop the case": a month after
    # the arrest (October 2020), not after the publication date.
    event = _by_trigger(seed, "agreed")
    assert event.expression is not None
    assert event.expression.text == "a month"
    assert (event.start, event.end) == (date(2020, 10, 1), date(2020, 11, 30))
    assert "arrested" in event.anchor


def test_seed_law_adopted_after_the_arrest(seed: Timeline) -> None:
    # "Mexico adopted the new law shortly after the United States arrested …"
    adopted = _by_trigger(seed, "adopted")
    arrested = _find(seed, ROWS[4])
    assert seed.events.index(adopted) > seed.events.index(arrested)
    assert "arrested" in adopted.anchor


# -- no publication date, no clock ---------------------------------------------------

UNDATED = (
    "Mexico enacted a law in December. Officials said on Friday that talks would "
    "resume next month, and the slowdown began last year. Yesterday the minister "
    "resigned; the agency has been struggling since January."
)


def test_without_published_a_bare_month_stays_underspecified() -> None:
    timeline = extract_timeline("Mexico enacted a law in December.")
    (december,) = [e for e in timeline.expressions if e.text == "December"]
    assert december.value == "XXXX-12"
    assert (december.start, december.end) == (None, None)
    assert "no publication date" in december.reference


def test_without_published_relative_expressions_say_so() -> None:
    timeline = extract_timeline(UNDATED)
    relative = [e for e in timeline.expressions if e.text != "now"]
    assert {e.text for e in relative} >= {"December", "Friday", "next month", "last year"}
    for expression in relative:
        assert expression.start is None, expression
        assert expression.reference.startswith("no "), expression


def test_extract_timeline_never_reads_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    first = extract_timeline(UNDATED)
    # date.today() reads time.time(): move the clock to 2040 and nothing may change
    monkeypatch.setattr(time, "time", lambda: 2208988800.0)
    assert date.today().year == 2040
    second = extract_timeline(UNDATED)
    assert second.expressions == first.expressions
    assert second.events == first.events
    this_year = str(pd.Timestamp.now().year)
    for expression in second.expressions:
        assert this_year not in expression.value
        assert "2040" not in expression.value


_CLOCK_CALLS = re.compile(
    r"\b(?:date|datetime|Timestamp)\.(?:today|now|utcnow)\(|\btime\.time\(|"
    r"Timestamp\(\s*[\"'](?:now|today)[\"']"
)


def test_library_source_has_no_clock_calls() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted((ROOT / "timeline").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _CLOCK_CALLS.search(line)
    ]
    assert offenders == []
