"""Dates outside pandas' nanosecond range (1677-09-21 .. 2262-04-11) are kept whole.

"in 1066", "the 15th century", "by 2300", "in the year 9999" and "44 BC" keep their
TIMEX3 values; the frame holds years 1-9999 as ``datetime64[s]`` with no
``OutOfBoundsDatetime``; the CSV writes ISO dates; the plot draws them.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from timeline import Timeline, extract_timeline

PUBLISHED = "2021-03-30"

# text, expression text, value, start, end
FAR_DATES: list[tuple[str, str, str, date | None, date | None]] = [
    ("The Normans invaded England in 1066.", "1066", "1066", date(1066, 1, 1), date(1066, 12, 31)),
    ("The city was founded in the 15th century.", "the 15th century", "14XX",
     date(1400, 1, 1), date(1499, 12, 31)),
    ("Emissions will fall to zero by 2300.", "2300", "2300", date(2300, 1, 1), date(2300, 12, 31)),
    ("The lease will end in the year 9999.", "the year 9999", "9999",
     date(9999, 1, 1), date(9999, 12, 31)),
    ("Caesar was killed in 44 BC.", "44 BC", "BC0044", None, None),
    ("The abbey was built in 1150 and rebuilt in 1623.", "1150", "1150",
     date(1150, 1, 1), date(1150, 12, 31)),
    ("The charter was signed on June 15, 1215.", "June 15, 1215", "1215-06-15",
     date(1215, 6, 15), date(1215, 6, 15)),
    ("The probe will arrive in March 2400.", "March 2400", "2400-03",
     date(2400, 3, 1), date(2400, 3, 31)),
]


def _expression(tl: Timeline, text: str) -> tuple[str, date | None, date | None]:
    found = [e for e in tl.expressions if e.text == text]
    assert found, f"{text!r} not found in {[e.text for e in tl.expressions]}"
    return found[0].value, found[0].start, found[0].end


@pytest.mark.parametrize(
    ("text", "expression", "value", "start", "end"), FAR_DATES, ids=[f[1] for f in FAR_DATES]
)
def test_far_dates_keep_their_values(
    text: str, expression: str, value: str, start: date | None, end: date | None
) -> None:
    tl = extract_timeline(text, published=PUBLISHED)
    assert _expression(tl, expression) == (value, start, end)


MIXED = (
    "The Normans invaded England in 1066. The city was founded in the 15th century. "
    "The charter was signed on June 15, 1215. Caesar was killed in 44 BC. "
    "Emissions will fall to zero by 2300. The lease will end in the year 9999. "
    "The company was founded in the year 1 of its own calendar. "
    "The law was enacted in December."
)


@pytest.fixture(scope="module")
def mixed() -> Timeline:
    return extract_timeline(MIXED, published=PUBLISHED)


def test_frame_holds_years_1_to_9999(mixed: Timeline) -> None:
    frame = mixed.to_dataframe()  # must not raise OutOfBoundsDatetime
    assert str(frame["start"].dtype) == "datetime64[s]"
    assert str(frame["end"].dtype) == "datetime64[s]"
    expected = [
        (ev.start, ev.end) for ev in mixed.events
    ]
    got = [
        (_as_date(start), _as_date(end))
        for start, end in zip(frame["start"], frame["end"], strict=True)
    ]
    assert got == expected
    years = {d.year for pair in expected for d in pair if d is not None}
    assert {1066, 1215, 1400, 1499, 2020, 2300, 9999} <= years


def _as_date(value: object) -> date | None:
    if value is pd.NaT or value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    assert isinstance(value, pd.Timestamp | np.datetime64), type(value)
    return pd.Timestamp(value).date() if isinstance(value, pd.Timestamp) else _np_date(value)


def _np_date(value: np.datetime64) -> date:
    item = value.astype("datetime64[D]").item()
    assert isinstance(item, date)
    return item


@pytest.mark.parametrize(
    "day",
    [date(1, 1, 1), date(1066, 10, 14), date(1677, 9, 20), date(2262, 4, 12), date(9999, 12, 31)],
)
def test_frame_of_a_single_far_day(day: date) -> None:
    text = f"The treaty was signed on {day.strftime('%B')} {day.day}, {day.year:04d}."
    tl = extract_timeline(text, published=PUBLISHED)
    frame = tl.to_dataframe()
    if day.year >= 1000:  # a four-digit year is a date the recognizer must find
        assert len(frame) == 1, tl.expressions
        assert _as_date(frame["start"].iloc[0]) == day
        assert _as_date(frame["end"].iloc[0]) == day
    assert str(frame["start"].dtype) == "datetime64[s]"


def test_empty_frame_has_second_dtypes() -> None:
    frame = extract_timeline("Nothing here.", published=PUBLISHED).to_dataframe()
    assert len(frame) == 0
    assert str(frame["start"].dtype) == "datetime64[s]"


def test_csv_writes_far_dates_as_iso(mixed: Timeline) -> None:
    text = mixed.to_csv()
    assert isinstance(text, str)
    back = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    expected_start = [ev.start.isoformat() if ev.start else "" for ev in mixed.events]
    expected_end = [ev.end.isoformat() if ev.end else "" for ev in mixed.events]
    assert list(back["start"]) == expected_start
    assert list(back["end"]) == expected_end
    assert "1066-01-01" in expected_start
    assert "9999-12-31" in expected_end
    assert "2300-12-31" in expected_end


def test_csv_to_a_file(mixed: Timeline, tmp_path: Path) -> None:
    path = tmp_path / "far.csv"
    assert mixed.to_csv(path) is None
    assert path.read_bytes().decode("utf-8") == mixed.to_csv()  # CRLF line ends, untranslated


def test_plot_draws_far_dates(mixed: Timeline) -> None:
    if not hasattr(Timeline, "plot"):
        pytest.skip("Timeline.plot is not there yet (timeline/plot.py is being written)")
    pytest.importorskip("matplotlib")
    from matplotlib import dates as mdates

    fig = mixed.plot()
    try:
        ax = fig.axes[0]
        low, high = ax.get_xlim()
        first = mdates.num2date(low)  # type: ignore[no-untyped-call]
        last = mdates.num2date(high)  # type: ignore[no-untyped-call]
        assert first.year <= 1066, first
        assert last.year >= 2300, last
        fig.canvas.draw()  # rendering must not fail either
    finally:
        import matplotlib.pyplot as plt

        plt.close(fig)


def test_plot_png_of_far_dates(mixed: Timeline, tmp_path: Path) -> None:
    if not hasattr(Timeline, "plot"):
        pytest.skip("Timeline.plot is not there yet (timeline/plot.py is being written)")
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    path = tmp_path / "far.png"
    fig = mixed.plot(path)
    plt.close(fig)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The game ends in the last week of 9999.", "9999"),  # its Sunday is in 10000
        ("It ended in the last week of December 9999.", "9999-12"),
        ("It happened 5000 years ago this week.", "XXXX-WXX"),  # before year 1
        ("The vault opens on the last day of 9999.", "9999-12-31"),
    ],
)
def test_edges_and_anniversaries_at_the_ends_of_the_calendar(text: str, value: str) -> None:
    timeline = extract_timeline(text, published="2024-06-12")
    assert timeline.expressions[0].value == value
    timeline.to_dataframe()
    timeline.to_csv()


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # the day of the month before January of year 1, after December of 9999
        ("The guidance was issued on the 5th.", "0001-01-01"),
        ("The guidance will be issued on the 5th.", "9999-12-31"),
    ],
)
def test_a_day_of_a_month_outside_the_calendar_stays_unresolved(text: str, published: str) -> None:
    (expression,) = extract_timeline(text, published=published).expressions
    assert (expression.value, expression.start) == ("XXXX-XX-XX", None)
    assert "outside years 1-9999" in (expression.reference or "")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # counted back past year 1 from a date of year 2: no "-001" or "-01X"
        ("In December, prices rose for three years before.", "XXXX"),
        ("In December, it began three decades before.", "XXXX"),
    ],
)
def test_a_year_counted_back_before_year_one_stays_unresolved(text: str, value: str) -> None:
    expression = extract_timeline(text, published="0003-01-01").expressions[-1]
    assert (expression.value, expression.start) == (value, None)
