"""Draw an event timeline with matplotlib, imported lazily.

The drawing is a horizontal timeline in the newsroom style: one baseline per source
document, events as marks on it, and a label for each event (its date, then a short
description) joined to its mark by a thin stem.

* day-, week- and month-precise events (at most about a month long) are points;
* intervals ("from 2012 to 2018", "since January") are bars on small tracks around the
  baseline; "since …" ending at the publication date ends in an arrow head;
* coarse dates (a year, a decade, a century) are a light, wide band;
* open intervals fade in from the left ("until October 2020") or out to the right.

Labels are placed by a deterministic lane algorithm on their measured pixel extents.
Each label grows rightwards from its stem; taken from the latest anchor to the earliest,
each takes the level closest to the baseline, above or below (alternating on ties),
where its box overlaps no other label or stem and its own stem crosses no label.  The
view is widened on the right so that late labels need not be pushed back over their
neighbours' stems.  The figure grows in height to hold the
levels it needs, up to :data:`MAX_LEVELS` a side and :data:`MAX_HEIGHT_IN` inches; a
crowded timeline is retried in smaller type, and labels that still do not fit are left
out and counted in a note, so no two labels ever overlap and no stem crosses a label.

Dates are drawn as matplotlib date numbers computed from ``date.toordinal()``, so any
year 1-9999 works ("in 1066", "by 2300"); pandas is never involved.
"""

from __future__ import annotations

import os
import re
import textwrap
import unicodedata
import warnings
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .errors import MissingDependencyError
from .types import Event

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import RendererBase
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend
    from matplotlib.text import Text
    from matplotlib.transforms import Bbox

__all__ = ["plot_events"]

#: Tallest figure :func:`plot_events` makes, in inches; more labels are left out.
MAX_HEIGHT_IN = 60.0
#: Most label levels on each side of a baseline: a taller staircase is no longer readable.
MAX_LEVELS = 20
#: Every label artist has a gid that starts with this, followed by the label's number.
LABEL_GID = "timeline-label-"
#: Every stem (the line joining a label to its mark) has a gid that starts with this.
STEM_GID = "timeline-stem-"

Kind = Literal["point", "bar", "band", "since", "open_start", "open_end"]
Side = Literal[1, -1]

_PREFERRED_FAMILIES = (
    "DejaVu Sans",
    "Noto Sans",
    "Noto Sans CJK JP",
    "Noto Sans CJK SC",
    "Source Han Sans",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "Noto Emoji",
    "Symbola",
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_POINT_MAX_DAYS = 31
_COARSE = frozenset({"year", "half", "quarter", "season", "decade", "century", "millennium"})
_IN_LIKE = frozenset({"in", "on", "at", "during", "within", "undated"})
_OPEN_START_WORDS = frozenset({"until", "by", "before"})
_OPEN_END_WORDS = frozenset({"since", "after"})
_WHITESPACE = re.compile(r"\s+")
_EXACT_GRAINS = frozenset({"day", "part_of_day", "hour", "minute", "second", "ref", "unknown"})
_INVISIBLE = frozenset({"Mn", "Me", "Cf", "Cc", "Cs", "Co", "Cn"})
_MISSING_GLYPH = "\u25a1"

_INK = "#1b2a3a"
_MUTED = "#5b6770"
_POINT = "#17324d"
_BAR = "#3b78b5"
_BAND = "#f2a65a"
_STEM = "#a3adb8"
_PUBLISHED = "#c0392b"
_LANE_SHADE = "#f4f6f8"


# --------------------------------------------------------------------------- public


def plot_events(
    events: Sequence[Event],
    *,
    published: date | None = None,
    title: str | None = None,
    path: str | os.PathLike[str] | None = None,
    ax: Axes | None = None,
    width_px: int = 1600,
    dpi: int = 100,
) -> Figure:
    """Draw ``events`` as a horizontal timeline and return the matplotlib Figure.

    With ``ax`` the timeline is drawn into that Axes (its figure keeps its size);
    otherwise a new figure ``width_px`` pixels wide is made, as tall as its labels
    need.  With ``path`` the figure is also written, in the format its suffix names
    (``.png``, ``.svg``, ``.pdf``), at ``dpi`` so a PNG is exactly ``width_px`` wide.
    Events with neither bound are not drawn; a note on the figure counts them.
    """
    _check_size(width_px, dpi)
    _require_matplotlib()
    with _quiet_font_warnings():
        fig = _draw(events, published, title, ax, width_px, dpi)
        if path is not None:
            _save(fig, path, dpi)
    return fig


def label_boxes(fig: Figure) -> list[Bbox]:
    """The display-space box of every event label drawn on ``fig``, one per label."""
    from matplotlib.transforms import Bbox

    renderer = _renderer_for(fig)
    groups: dict[str, list[Bbox]] = {}
    with _quiet_font_warnings():
        for text in fig.findobj(_is_label_text):
            gid = text.get_gid() or ""
            groups.setdefault(gid, []).append(text.get_window_extent(renderer))
    return [Bbox.union(boxes) for _, boxes in sorted(groups.items())]


# ------------------------------------------------------------------ setup and saving


def _require_matplotlib() -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError as exc:
        raise MissingDependencyError(
            "plotting a timeline needs matplotlib, which is not installed: pip install matplotlib"
        ) from exc


def _check_size(width_px: int, dpi: int) -> None:
    if width_px < 1 or dpi < 1:
        raise ValueError(f"width_px and dpi must be positive, got width_px={width_px}, dpi={dpi}")


@contextmanager
def _quiet_font_warnings() -> Iterator[None]:
    """Silence matplotlib's missing-glyph warnings for text we could not clean."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph .* missing from", category=UserWarning)
        warnings.filterwarnings("ignore", message=r".*does not support .* natively")
        yield


def _save(fig: Figure, path: str | os.PathLike[str], dpi: int) -> None:
    suffix = Path(path).suffix.lstrip(".").lower()
    fig.savefig(path, dpi=dpi, format=suffix or "png", facecolor="white")


def _renderer_for(fig: Figure) -> RendererBase:
    from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg

    canvas = fig.canvas
    renderer: RendererBase
    if isinstance(canvas, FigureCanvasAgg):
        renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    else:
        width, height = fig.bbox.size
        size = (max(1, int(width)), max(1, int(height)))
        renderer = RendererAgg(*size, fig.dpi)  # type: ignore[no-untyped-call]
    return renderer


def _is_label_text(artist: object) -> bool:
    from matplotlib.text import Text

    return isinstance(artist, Text) and (artist.get_gid() or "").startswith(LABEL_GID)


# ------------------------------------------------------------------------ fonts, text


@lru_cache(maxsize=1)
def _font_families() -> tuple[str, ...]:
    from matplotlib import font_manager

    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    chosen = tuple(name for name in _PREFERRED_FAMILIES if name in installed)
    return chosen or ("sans-serif",)


@lru_cache(maxsize=1)
def _glyph_coverage() -> frozenset[int]:
    """Code points that the chosen fonts draw in both regular and bold weight."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    covered: set[int] = set()
    for family in _font_families():
        weights: list[set[int]] = []
        for weight in ("normal", "bold"):
            props = font_manager.FontProperties(family=family, weight=weight)
            try:
                weights.append(set(FT2Font(font_manager.findfont(props)).get_charmap()))
            except (OSError, RuntimeError, ValueError):
                continue
        if weights:
            covered |= set.intersection(*weights)
    return frozenset(covered)


def _clean(text: str) -> str:
    """One line of text the fonts can draw: no line breaks, no glyph-less characters."""
    coverage = _glyph_coverage()
    kept: list[str] = []
    for char in _WHITESPACE.sub(" ", text).strip():
        if ord(char) in coverage:
            kept.append(char)
        elif unicodedata.category(char) not in _INVISIBLE:
            kept.append(_MISSING_GLYPH if ord(_MISSING_GLYPH) in coverage else "?")
    return "".join(kept)


def _wrap(text: str, width: int, lines: int) -> str:
    wrapped = textwrap.wrap(text, width=width, max_lines=lines, placeholder="…")
    return "\n".join(wrapped)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _format_day(d: date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _format_bound(d: date, granularity: str) -> str:
    """A date written at the precision its expression had ("Oct 2020", "1990s")."""
    if granularity == "millennium":
        return f"{_ordinal(d.year // 1000 + 1)} millennium"
    if granularity == "century":
        return f"{_ordinal(d.year // 100 + 1)} century"
    if granularity == "decade":
        return f"{d.year // 10 * 10}s"
    if granularity == "quarter":
        return f"Q{(d.month - 1) // 3 + 1} {d.year}"
    if granularity == "half":
        return f"H{1 if d.month <= 6 else 2} {d.year}"
    if granularity in ("year", "season"):
        return str(d.year)
    if granularity == "month":
        return f"{_MONTHS[d.month - 1]} {d.year}"
    if granularity in ("week", "weekend"):
        return f"week of {_format_day(d)}"
    return _format_day(d)


def _format_range(start: date, end: date, start_grain: str, end_grain: str) -> str:
    first, last = _format_bound(start, start_grain), _format_bound(end, end_grain)
    if first == last:
        return first
    if start.year == end.year and start_grain == end_grain == "month":
        return f"{_MONTHS[start.month - 1]} – {last}"
    return f"{first} – {last}"


def _date_text(event: Event) -> str:
    """How the label states the event's date: "until Oct 2020", "2012 – 2018"."""
    grain = event.granularity
    end_grain = event.end_expression.granularity if event.end_expression else grain
    start, end = _ordered_bounds(event)
    if start is None and end is not None:
        if event.relation == "before" and event.placement in ("signal", "anchored"):
            return _before_event_text(event, end, end_grain)
        word = event.relation if event.relation in _OPEN_START_WORDS else "until"
        return f"{word} {_format_bound(end, end_grain)}"
    if end is None and start is not None:
        word = event.relation if event.relation in _OPEN_END_WORDS else "since"
        return f"{word} {_format_bound(start, grain)}"
    if start is None or end is None:
        return ""
    if event.relation == "since":
        return f"since {_format_bound(start, grain)}"
    return _format_range(start, end, grain, end_grain)


def _before_event_text(event: Event, end: date, grain: str) -> str:
    """The date of an event placed before another one.  Its interval ends with the
    other event's period, so "before 2019" would be false for "before something that
    happened in 2019": say "by end of 2019" instead."""
    bound = _format_bound(end, grain)
    return f"by {bound}" if grain in _EXACT_GRAINS else f"by end of {bound}"


def _description(event: Event, style: _Style) -> str:
    text = _clean(event.description) or _clean(event.trigger)
    return _wrap(text, style.chars_per_line, style.max_lines)


# ------------------------------------------------------------------- events to marks


@dataclass(frozen=True, slots=True)
class _Mark:
    """One drawable event: what to draw, where (matplotlib date numbers), and its label."""

    index: int
    kind: Kind
    x0: float
    x1: float
    anchor: float
    lane: int
    date_text: str
    description: str


def _ordered_bounds(event: Event) -> tuple[date | None, date | None]:
    start, end = event.start, event.end
    if start is not None and end is not None and end < start:
        return end, start
    return start, end


def _is_dated(event: Event) -> bool:
    return event.start is not None or event.end is not None


def _kind(event: Event) -> Kind:
    start, end = _ordered_bounds(event)
    if start is None:
        return "open_start"
    if end is None:
        return "open_end"
    if event.relation == "since":
        return "since"
    if event.granularity in _COARSE:
        return "band" if event.relation in _IN_LIKE else "bar"
    if (end - start).days + 1 <= _POINT_MAX_DAYS:
        return "point"
    return "bar"


def _date_offset() -> float:
    """Add to ``date.toordinal()`` to get a matplotlib date number (any year 1-9999)."""
    from datetime import datetime

    from matplotlib import dates as mdates

    first = mdates.date2num(datetime(1, 1, 1))  # type: ignore[no-untyped-call]
    return float(first) - 1.0


def _extent(event: Event, offset: float) -> tuple[float, float]:
    """The event's [first day, day after last day) as date numbers; a missing side
    repeats the other."""
    start, end = _ordered_bounds(event)
    first = start.toordinal() + offset if start is not None else None
    after = end.toordinal() + 1.0 + offset if end is not None else None
    if first is None:
        assert after is not None
        return after, after
    return first, after if after is not None else first


def _anchor(kind: Kind, x0: float, x1: float) -> float:
    if kind in ("point", "band"):
        return (x0 + x1) / 2
    if kind == "open_start":
        return x1
    return x0


def _lane_names(events: Sequence[Event]) -> list[str | None]:
    names: list[str | None] = []
    for event in events:
        if event.doc_id not in names:
            names.append(event.doc_id)
    return names


def _marks(events: Sequence[Event], style: _Style) -> list[_Mark]:
    offset = _date_offset()
    lanes = {name: number for number, name in enumerate(_lane_names(events))}
    marks: list[_Mark] = []
    for index, event in enumerate(events):
        kind = _kind(event)
        x0, x1 = _extent(event, offset)
        marks.append(
            _Mark(
                index=index,
                kind=kind,
                x0=x0,
                x1=x1,
                anchor=_anchor(kind, x0, x1),
                lane=lanes[event.doc_id],
                date_text=_date_text(event),
                description=_description(event, style),
            )
        )
    return marks


def _x_limits(marks: Sequence[_Mark], published: float | None, warp: _Warp) -> tuple[float, float]:
    """Axis view limits with a margin, kept inside years 1-9999 (marks and
    ``published`` are axis values already)."""
    offset = _date_offset()
    points = [x for m in marks for x in (m.x0, m.x1)]
    if published is not None:
        points.append(published)
    low, high = min(points), max(points)
    if high - low < 60:
        middle = (low + high) / 2
        low, high = middle - 30, middle + 30
    margin = max((high - low) * 0.04, 10.0)
    first_day = warp(date(1, 1, 1).toordinal() + offset)
    last_day = warp(date(9999, 12, 31).toordinal() + _LAST_INSTANT + offset)
    return max(first_day, low - margin), min(last_day, high + margin)


# ------------------------------------------------------------------ the broken axis

#: Most of the axis one stretch without events may take once long stretches are
#: shortened (with few events a stretch may take up to 1.5 / gaps).
MAX_EMPTY_SHARE = 0.22
#: A stretch is only broken when that shortens it by more than this factor.
_MIN_SQUEEZE = 1.2


@dataclass(frozen=True, slots=True)
class _Warp:
    """A piecewise-linear map from date numbers to axis values.

    Between consecutive ``knots`` (the dates where marks start, end or sit) the axis is
    linear at one common ``slope``, except across the stretches listed in ``breaks``,
    which are shortened and drawn with a break sign.  The first and last knots map to
    themselves, so the axis limits still read as date numbers at the ends; beyond them
    the map goes on at ``slope``.
    """

    knots: tuple[float, ...]
    values: tuple[float, ...]
    slope: float
    breaks: tuple[int, ...]

    @staticmethod
    def identity() -> _Warp:
        return _Warp((0.0,), (0.0,), 1.0, ())

    @staticmethod
    def fit(points: Sequence[float], share: float = MAX_EMPTY_SHARE) -> _Warp:
        """Shorten the stretches between ``points`` that would take more than ``share``
        of the axis (or ``1.5 / gaps`` when there are few of them) to a common length."""
        knots = sorted(set(points))
        gaps = [b - a for a, b in pairwise(knots)]
        if len(gaps) < 2:
            return _Warp.identity()
        limit = max(share, 1.5 / len(gaps))
        if max(gaps) <= limit * sum(gaps):
            return _Warp.identity()
        cap = _largest_cap(gaps, limit)
        widths = [g if g <= cap * _MIN_SQUEEZE else cap for g in gaps]
        breaks = tuple(i for i, g in enumerate(gaps) if g > cap * _MIN_SQUEEZE)
        if not breaks:
            return _Warp.identity()
        slope = (knots[-1] - knots[0]) / sum(widths)
        values = [knots[0]]
        for width in widths:
            values.append(values[-1] + width * slope)
        values[-1] = knots[-1]
        return _Warp(tuple(knots), tuple(values), slope, breaks)

    def __call__(self, x: float) -> float:
        return _interpolate(x, self.knots, self.values, self.slope)

    def inverse(self, value: float) -> float:
        return _interpolate(value, self.values, self.knots, 1 / self.slope)

    def pieces(self, low: float, high: float) -> list[tuple[float, float]]:
        """The date-number ranges drawn linearly between axis values ``low`` and
        ``high``, in order; a break lies between each two consecutive ranges."""
        first, last = self.inverse(low), self.inverse(high)
        ranges: list[tuple[float, float]] = []
        start = first
        for i in self.breaks:
            ranges.append((start, self.knots[i]))
            start = self.knots[i + 1]
        ranges.append((start, last))
        clipped = [(max(a, first), min(b, last)) for a, b in ranges]
        return [(a, b) for a, b in clipped if a <= b]

    def break_values(self) -> list[float]:
        """The axis value at the middle of each shortened stretch."""
        return [(self.values[i] + self.values[i + 1]) / 2 for i in self.breaks]


def _interpolate(x: float, xs: Sequence[float], ys: Sequence[float], slope: float) -> float:
    if x <= xs[0]:
        return ys[0] + (x - xs[0]) * slope
    if x >= xs[-1]:
        return ys[-1] + (x - xs[-1]) * slope
    i = bisect_right(xs, x) - 1
    a, b = xs[i], xs[i + 1]
    return ys[i] + (x - a) / (b - a) * (ys[i + 1] - ys[i])


def _largest_cap(gaps: Sequence[float], limit: float) -> float:
    """The longest length ``cap`` such that no gap, cut to ``cap``, takes more than
    ``limit`` of all the cut gaps together (``cap / sum(min(g, cap))`` grows with cap)."""
    low, high = 0.0, max(gaps)
    for _ in range(60):
        middle = (low + high) / 2
        if middle <= limit * sum(min(g, middle) for g in gaps):
            low = middle
        else:
            high = middle
    return max(low, 1e-9)


def _warp_points(marks: Sequence[_Mark], published: float | None) -> list[float]:
    points = [x for m in marks for x in (m.x0, m.x1, m.anchor)]
    if published is not None:
        points.append(published)
    return points


def _warped(mark: _Mark, warp: _Warp) -> _Mark:
    return replace(mark, x0=warp(mark.x0), x1=warp(mark.x1), anchor=warp(mark.anchor))


# -------------------------------------------------------------------- tick marks

_Unit = Literal["day", "month", "year"]
_STEPS: tuple[tuple[_Unit, int, float], ...] = (
    ("day", 1, 1.0),
    ("day", 2, 2.0),
    ("day", 7, 7.0),
    ("day", 14, 14.0),
    ("month", 1, 30.44),
    ("month", 2, 60.9),
    ("month", 3, 91.3),
    ("month", 6, 182.6),
    *(("year", n, 365.25 * n) for n in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000)),
)


@dataclass(frozen=True, slots=True)
class _Tick:
    value: float
    day: date
    label: str


def _tick_step(px_per_day: float, min_px: float) -> tuple[_Unit, int]:
    for unit, count, days in _STEPS:
        if days * px_per_day >= min_px:
            return unit, count
    return "year", 5000


_LAST_YEAR = date.max.year
#: the last moment of 9999-12-31 matplotlib can still turn into a date
_LAST_INSTANT = 0.999


def _tick_days(first: int, last: int, unit: _Unit, count: int) -> list[date]:
    """Calendar days with ordinals in [first, last] on a round ``count`` of ``unit``."""
    first, last = max(1, first), min(date.max.toordinal(), last)
    if first > last:
        return []
    low, high = date.fromordinal(first), date.fromordinal(last)
    days: list[date] = []
    if unit == "year":
        year = -(-low.year // count) * count
        if year <= _LAST_YEAR and date(max(year, 1), 1, 1) < low:
            year += count
        # a round year past 9999 cannot be a date: the ticks stop at the calendar's end
        while year <= min(high.year, _LAST_YEAR):
            if year >= 1:
                days.append(date(year, 1, 1))
            year += count
    elif unit == "month":
        index = low.year * 12 + low.month - 1
        while index <= high.year * 12 + high.month - 1:
            year, month = divmod(index, 12)
            if month % count == 0 and low <= date(year, month + 1, 1) <= high:
                days.append(date(year, month + 1, 1))
            index += 1
    else:
        starts = (1, 8, 15, 22) if count == 7 else (1, 15) if count == 14 else None
        ordinal = low.toordinal()
        while ordinal <= high.toordinal():
            day = date.fromordinal(ordinal)
            if (day.day in starts) if starts else (day.day - 1) % count == 0 and day.day < 31:
                days.append(day)
            ordinal += 1
    return days


def _tick_label(day: date, unit: _Unit, full: bool) -> str:
    month = _MONTHS[day.month - 1]
    if unit == "year":
        return str(day.year)
    if full:
        return f"{month} {day.year}" if unit == "month" else _format_day(day)
    if day.month == 1 and day.day == 1:
        return str(day.year)
    return month if unit == "month" else f"{day.day} {month}"


def _exact_label(day: date) -> str:
    if day.month == 1 and day.day == 1:
        return str(day.year)
    return f"{_MONTHS[day.month - 1]} {day.year}" if day.day == 1 else _format_day(day)


def _axis_ticks(warp: _Warp, to_px: _PixelMap, min_px: float) -> list[_Tick]:
    """Round dates on each linear piece of the axis, at least ``min_px`` apart.

    The first tick of a piece states its year in full ("Oct 2020"), so the dates on
    both sides of a break read on their own.
    """
    offset = _date_offset()
    px_per_day = to_px.x(to_px.low + warp.slope) - to_px.x(to_px.low)
    unit, count = _tick_step(px_per_day, min_px)
    ticks: list[_Tick] = []
    last_px = -float("inf")
    for a, b in warp.pieces(to_px.low, to_px.high):
        first, last = int(-(-(a - offset) // 1)), int((b - offset) // 1)
        fresh = True
        days = _tick_days(first, last, unit, count)
        exact = not days and ticks != [] and 1 <= first <= min(last, date.max.toordinal())
        if exact:  # a piece too short for a round date: mark where it starts
            days = [date.fromordinal(first)]
        for day in days:
            value = warp(day.toordinal() + offset)
            px = to_px.x(value)
            if not 0 <= px <= to_px.span or px - last_px < min_px:
                continue
            year_changed = bool(ticks) and ticks[-1].day.year != day.year
            full = fresh or (unit == "day" and year_changed)
            label = _exact_label(day) if exact else _tick_label(day, unit, full)
            ticks.append(_Tick(value, day, label))
            last_px, fresh = px, False
    return ticks


# ------------------------------------------------------------------------ sizes, style


@dataclass(frozen=True, slots=True)
class _Style:
    """Font sizes and spacing; smaller for crowded timelines.  Pixel sizes are given at
    100 dpi and scaled by ``scale``."""

    font_pt: float
    date_pt: float
    chars_per_line: int
    max_lines: int
    scale: float

    def px(self, value: float) -> float:
        return value * self.scale

    @staticmethod
    def ladder(count: int, dpi: float, width_in: float) -> list[_Style]:
        """The styles to try, largest first: the first fits ``count`` labels' density,
        the next ones are smaller for when labels are left out."""
        scale = dpi / 100
        narrow = width_in < 11
        steps = [
            _Style(9.5, 8.5, 20 if narrow else 30, 3 if narrow else 2, scale),
            _Style(8.5, 7.5, 20 if narrow else 28, 3 if narrow else 2, scale),
            _Style(7.5, 6.5, 28, 1, scale),
            _Style(6.5, 6.0, 24, 1, scale),
        ]
        first = next((i for i, limit in enumerate((25, 80, 300)) if count <= limit), 3)
        return steps[first:]


@dataclass(frozen=True, slots=True)
class _Metrics:
    """Fixed vertical sizes in pixels."""

    header: float
    lane_header: float
    stem: float
    axis_half: float
    track: float
    bar: float
    row_gap: float
    lane_gap: float
    label_gap: float
    label_pad: float

    @staticmethod
    def of(style: _Style, lanes: int) -> _Metrics:
        px = style.px
        return _Metrics(
            header=px(24),
            lane_header=px(22) if lanes > 1 else 0.0,
            stem=px(14),
            axis_half=px(6),
            track=px(9),
            bar=px(6),
            row_gap=px(7),
            lane_gap=px(12) if lanes > 1 else px(4),
            label_gap=px(12),
            label_pad=px(2),
        )


@dataclass(frozen=True, slots=True)
class _Margins:
    left: float
    right: float
    top: float
    bottom: float


def _margins(style: _Style, title: str | None, has_note: bool, has_legend: bool) -> _Margins:
    px = style.px
    top = px(16) + (px(40) if title else 0.0)
    bottom = px(46) + (px(24) if has_legend else 0.0) + (px(22) if has_note else 0.0)
    return _Margins(left=px(28), right=px(28), top=top, bottom=bottom)


# ---------------------------------------------------------------------- label layout


@dataclass(frozen=True, slots=True)
class _LabelSize:
    width: float
    height: float
    date_height: float


@dataclass(frozen=True, slots=True)
class _Slot:
    side: Side
    level: int
    left: float


@dataclass(slots=True)
class _Occupancy:
    """Horizontal pixel intervals taken at each (side, level) by labels and stems."""

    labels: dict[tuple[int, int], list[tuple[float, float]]] = field(default_factory=dict)
    stems: dict[tuple[int, int], list[tuple[float, float]]] = field(default_factory=dict)
    texts: dict[tuple[int, int], list[tuple[float, float]]] = field(default_factory=dict)

    def box_fits(self, side: int, level: int, left: float, right: float) -> bool:
        taken = self.labels.get((side, level), []) + self.stems.get((side, level), [])
        return all(right <= a or left >= b for a, b in taken)

    def blocks_stem(self, side: int, level: int, x: float) -> bool:
        """Whether a stem at ``x`` would cross a label's text at that level.  A stem may
        pass just left of the text, so events on one day stack up along one stem."""
        return any(a - 0.5 <= x <= b for a, b in self.texts.get((side, level), []))

    def take(self, slot: _Slot, right: float, stem_x: float, gap: float) -> None:
        box = (slot.left - gap / 2, right + gap / 2)
        self.labels.setdefault((slot.side, slot.level), []).append(box)
        self.texts.setdefault((slot.side, slot.level), []).append((slot.left, right))
        stem = (stem_x - gap / 4, stem_x + gap / 4)
        for level in range(slot.level):
            self.stems.setdefault((slot.side, level), []).append(stem)


def _lowest_level(
    occupancy: _Occupancy, side: int, left: float, right: float, stem_x: float, cap: int
) -> int | None:
    for level in range(cap):
        if occupancy.box_fits(side, level, left, right):
            return level
        if occupancy.blocks_stem(side, level, stem_x):
            return None
    return None


def _clamped_left(anchor_px: float, width: float, span: float, pad: float) -> float:
    return max(0.0, min(anchor_px + pad, span - width))


def _place_labels(
    anchors: Sequence[tuple[int, float]],
    sizes: dict[int, _LabelSize],
    span: float,
    cap: int,
    metrics: _Metrics,
) -> dict[int, _Slot]:
    """Give each label (index, anchor pixel) the free level nearest the baseline.

    Labels grow rightwards from their stem and are taken from the right, so a label
    that must climb is the one whose stem stays left of the labels below it.  Sides
    alternate when both are equally near; a label that finds no level under ``cap`` is
    left out of the result.
    """
    occupancy = _Occupancy()
    slots: dict[int, _Slot] = {}
    for turn, (index, anchor_px) in enumerate(sorted(anchors, key=lambda a: (-a[1], a[0]))):
        width = sizes[index].width
        left = _clamped_left(anchor_px, width, span, metrics.label_pad)
        right = left + width
        sides: tuple[Side, Side] = (1, -1) if turn % 2 == 0 else (-1, 1)
        best: _Slot | None = None
        for side in sides:
            level = _lowest_level(occupancy, side, left, right, anchor_px, cap)
            if level is not None and (best is None or level < best.level):
                best = _Slot(side, level, left)
        if best is not None:
            occupancy.take(best, right, anchor_px, metrics.label_gap)
            slots[index] = best
    return slots


def _room_for_labels(
    to_px: _PixelMap,
    marks: Sequence[_Mark],
    sizes: dict[int, _LabelSize],
    pad: float,
    last_day: float,
) -> _PixelMap:
    """Widen the view to the right so that labels near the end need not be pushed left.

    A label pushed left would cover the stems of its neighbours; labels wider than a
    third of the plot are not worth the room and are pushed left instead.
    """
    high = to_px.high
    for mark in marks:
        share = (sizes[mark.index].width + pad) / to_px.span
        if share < 1 / 3:
            high = max(high, to_px.low + (mark.anchor - to_px.low) / (1 - share))
    return _PixelMap(to_px.low, max(to_px.high, min(high, last_day)), to_px.span)


def _assign_tracks(
    marks: Sequence[_Mark], to_px: _PixelMap, gap: float, cap: int
) -> dict[int, int]:
    """Put interval marks on tracks around the baseline so that they do not overlap."""
    ends: list[float] = []
    tracks: dict[int, int] = {}
    bars = [m for m in marks if m.kind in ("bar", "since", "open_start", "open_end")]
    for mark in sorted(bars, key=lambda m: (_bar_span(m, to_px)[0], m.index)):
        left, right = (to_px.x(v) for v in _bar_span(mark, to_px))
        track = next((t for t, end in enumerate(ends) if end + gap <= left), None)
        if track is None and len(ends) < cap:
            track = len(ends)
            ends.append(right)
        elif track is None:
            track = min(range(len(ends)), key=lambda t: ends[t])
        ends[track] = max(ends[track], right)
        tracks[mark.index] = track
    return tracks


def _track_offset(track: int, metrics: _Metrics) -> float:
    """Vertical offset of a track from the baseline: 0 above, 1 below, 2 above, ..."""
    side = 1 if track % 2 == 0 else -1
    return side * (metrics.axis_half + (track // 2) * metrics.track + metrics.track / 2)


@dataclass(frozen=True, slots=True)
class _PixelMap:
    """Maps date numbers to pixels from the Axes' left edge and back."""

    low: float
    high: float
    span: float

    def x(self, value: float) -> float:
        return (value - self.low) / (self.high - self.low) * self.span

    def value(self, px: float) -> float:
        return self.low + px / self.span * (self.high - self.low)


def _fade_length(to_px: _PixelMap) -> float:
    return max(to_px.value(to_px.span * 0.08) - to_px.low, to_px.value(60.0) - to_px.low)


def _bar_span(mark: _Mark, to_px: _PixelMap) -> tuple[float, float]:
    """Where an interval mark is drawn, including the faded part of an open side."""
    if mark.kind == "open_start":
        return max(to_px.low, mark.x1 - _fade_length(to_px)), mark.x1
    if mark.kind == "open_end":
        return mark.x0, min(to_px.high, mark.x0 + _fade_length(to_px))
    return mark.x0, mark.x1


@dataclass(slots=True)
class _Lane:
    """One baseline with its marks, tracks and label levels; y values in pixels."""

    number: int
    name: str | None
    marks: list[_Mark]
    tracks: dict[int, int]
    slots: dict[int, _Slot]
    top: float = 0.0
    axis_y: float = 0.0
    bottom: float = 0.0

    @property
    def tracks_above(self) -> int:
        used = set(self.tracks.values())
        return len([t for t in used if t % 2 == 0])

    @property
    def tracks_below(self) -> int:
        used = set(self.tracks.values())
        return len([t for t in used if t % 2 == 1])

    def levels(self, side: Side) -> int:
        return 1 + max((s.level for s in self.slots.values() if s.side == side), default=-1)


def _lane_height(lane: _Lane, metrics: _Metrics, row: float) -> float:
    band = 2 * metrics.axis_half + (lane.tracks_above + lane.tracks_below) * metrics.track
    labels = (lane.levels(1) + lane.levels(-1)) * row
    return metrics.lane_header + labels + 2 * metrics.stem + band + metrics.lane_gap


def _stack_lanes(lanes: Sequence[_Lane], metrics: _Metrics, row: float) -> float:
    """Set each lane's top, baseline and bottom, top to bottom; return the total height."""
    total = metrics.header + sum(_lane_height(lane, metrics, row) for lane in lanes)
    y = total - metrics.header
    for lane in lanes:
        lane.top = y
        lane.axis_y = (
            y
            - metrics.lane_header
            - lane.levels(1) * row
            - metrics.stem
            - lane.tracks_above * metrics.track
            - metrics.axis_half
        )
        y -= _lane_height(lane, metrics, row)
        lane.bottom = y
    return total


def _level_cap(available: float, fixed: float, row: float, lanes: int) -> int:
    """How many label levels each side of each lane may use within ``available`` px."""
    return min(MAX_LEVELS, max(0, int((available - fixed) // (row * 2 * lanes))))


# --------------------------------------------------------------------------- drawing


def _draw(
    events: Sequence[Event],
    published: date | None,
    title: str | None,
    ax: Axes | None,
    width_px: int,
    dpi: int,
) -> Figure:
    dated = [e for e in events if _is_dated(e)]
    undated = len(events) - len(dated)
    fig, axes, owned = _figure_and_axes(ax, width_px, dpi)
    width_in = float(axes.get_position().width * fig.get_figwidth())
    styles = _Style.ladder(len(dated), fig.dpi, width_in)
    if not dated:
        _draw_empty(fig, axes, owned, styles[0], title, _undated_note(undated))
        return fig
    for style in styles:
        marks = _marks(dated, style)
        timeline = _Timeline(fig, axes, owned, style, marks, dated, published, title, undated)
        lanes = timeline.layout()
        if timeline.omitted == 0 or style is styles[-1]:
            timeline.render(lanes)
            break
        timeline.discard()
    return fig


def _figure_and_axes(ax: Axes | None, width_px: int, dpi: int) -> tuple[Figure, Axes, bool]:
    if ax is not None:
        figure = ax.get_figure(root=True)
        assert figure is not None
        return figure, ax, False
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=((width_px + 0.01) / dpi, 4.0), dpi=dpi, facecolor="white")
    FigureCanvasAgg(fig)
    return fig, fig.add_axes((0.0, 0.0, 1.0, 1.0)), True


def _undated_note(undated: int) -> str:
    if not undated:
        return ""
    noun = "event" if undated == 1 else "events"
    return f"{undated} {noun} without calendar dates not drawn"


def _plain_axes(axes: Axes) -> None:
    axes.set_yticks([])
    for side in ("left", "right", "top"):
        axes.spines[side].set_visible(False)
    axes.set_facecolor("white")


def _draw_empty(
    fig: Figure, axes: Axes, owned: bool, style: _Style, title: str | None, note: str
) -> None:
    if owned:
        height = max(style.px(240), fig.get_figwidth() * fig.dpi * 0.2)
        fig.set_size_inches(fig.get_figwidth(), height / fig.dpi)
        margins = _margins(style, title, bool(note), has_legend=False)
        _position_axes(fig, axes, margins)
    axes.set_axis_off()
    axes.text(
        0.5,
        0.5,
        "No dated events found",
        transform=axes.transAxes,
        ha="center",
        va="center",
        fontsize=style.font_pt + 3,
        color=_MUTED,
        fontfamily=list(_font_families()),
        parse_math=False,
        gid="timeline-empty",
    )
    _draw_title(fig, axes, owned, style, title)
    _draw_note(fig, axes, owned, style, note)


def _position_axes(fig: Figure, axes: Axes, margins: _Margins) -> None:
    width, height = fig.bbox.size
    axes.set_position(
        (
            margins.left / width,
            margins.bottom / height,
            max(1.0, width - margins.left - margins.right) / width,
            max(1.0, height - margins.top - margins.bottom) / height,
        )
    )


def _text_kwargs(style: _Style) -> dict[str, Any]:
    return {"fontfamily": list(_font_families()), "parse_math": False, "usetex": False}


def _draw_title(fig: Figure, axes: Axes, owned: bool, style: _Style, title: str | None) -> None:
    if not title:
        return
    text = _clean(title)
    if not owned:
        axes.set_title(
            text, loc="left", fontsize=style.font_pt + 4, fontweight="bold", **_text_kwargs(style)
        )
        return
    x = style.px(28) / fig.bbox.width
    y = 1 - style.px(14) / fig.bbox.height
    fig.text(
        x,
        y,
        text,
        ha="left",
        va="top",
        fontsize=15,
        fontweight="bold",
        color=_INK,
        gid="timeline-title",
        **_text_kwargs(style),
    )


def _draw_note(fig: Figure, axes: Axes, owned: bool, style: _Style, note: str) -> None:
    if not note:
        return
    kwargs = {
        "fontsize": style.font_pt - 0.5,
        "color": _MUTED,
        "fontstyle": "italic",
        "gid": "timeline-note",
        **_text_kwargs(style),
    }
    if owned:
        fig.text(
            style.px(28) / fig.bbox.width,
            style.px(8) / fig.bbox.height,
            note,
            ha="left",
            va="bottom",
            **kwargs,
        )
    else:
        axes.text(0.0, 1.0, note, transform=axes.transAxes, ha="left", va="bottom", **kwargs)


class _Timeline:
    """Draws marks, labels and axes for one non-empty set of dated events."""

    def __init__(
        self,
        fig: Figure,
        axes: Axes,
        owned: bool,
        style: _Style,
        marks: list[_Mark],
        events: Sequence[Event],
        published: date | None,
        title: str | None,
        undated: int,
    ) -> None:
        self.fig, self.axes, self.owned, self.style = fig, axes, owned, style
        self.marks = marks
        self.published = published
        self.title = title
        self.undated = undated
        self.names = _lane_names(events)
        self.metrics = _Metrics.of(style, len(self.names))
        self.renderer = _renderer_for(fig)
        self.margins = _margins(style, title, has_note=True, has_legend=owned)
        offset = _date_offset()
        published_x = published.toordinal() + 0.5 + offset if published is not None else None
        self.warp = _Warp.fit(_warp_points(marks, published_x))
        self.marks = [_warped(m, self.warp) for m in marks]
        self.published_x = self.warp(published_x) if published_x is not None else None
        self.last_day = self.warp(date(9999, 12, 31).toordinal() + _LAST_INSTANT + offset)
        low, high = _x_limits(self.marks, self.published_x, self.warp)
        self.to_px = _PixelMap(low, high, self._axes_width())
        self.texts: dict[int, tuple[Text, Text | None]] = {}
        self.sizes: dict[int, _LabelSize] = {}
        self.row = 0.0
        self.omitted = 0
        self.legend_columns = 1

    # -- layout --------------------------------------------------------------------

    def _axes_width(self) -> float:
        if self.owned:
            return self.fig.bbox.width - self.margins.left - self.margins.right
        return float(self.axes.get_position().width * self.fig.bbox.width)

    def _axes_height_budget(self) -> float:
        if self.owned:
            return MAX_HEIGHT_IN * self.fig.dpi - self.margins.top - self.margins.bottom
        return float(self.axes.get_position().height * self.fig.bbox.height)

    def _make_label_texts(self) -> dict[int, _LabelSize]:
        sizes: dict[int, _LabelSize] = {}
        gap = self.style.px(2)
        for mark in self.marks:
            gid = f"{LABEL_GID}{mark.index}"
            date_text = self._text(mark.date_text, self.style.date_pt, "bold", _POINT, gid)
            desc = (
                self._text(mark.description, self.style.font_pt, "normal", _INK, gid)
                if mark.description
                else None
            )
            self.texts[mark.index] = (date_text, desc)
            date_box = date_text.get_window_extent(self.renderer)
            desc_box = desc.get_window_extent(self.renderer) if desc is not None else None
            width = max(date_box.width, desc_box.width if desc_box else 0.0)
            height = date_box.height + (desc_box.height + gap if desc_box else 0.0)
            sizes[mark.index] = _LabelSize(width, height, date_box.height + gap)
        return sizes

    def _text(self, content: str, size: float, weight: str, color: str, gid: str) -> Text:
        return self.axes.text(
            0.0,
            0.0,
            content,
            fontsize=size,
            fontweight=weight,
            color=color,
            ha="left",
            va="top",
            gid=gid,
            zorder=5,
            clip_on=False,
            linespacing=1.15,
            **_text_kwargs(self.style),
        )

    def _lanes(self, sizes: dict[int, _LabelSize], row: float) -> list[_Lane]:
        lanes: list[_Lane] = []
        for number, name in enumerate(self.names):
            marks = [m for m in self.marks if m.lane == number]
            tracks = _assign_tracks(marks, self.to_px, self.style.px(4), cap=8)
            lanes.append(_Lane(number, name, marks, tracks, {}))
        fixed = self.metrics.header + sum(_lane_height(lane, self.metrics, row) for lane in lanes)
        cap = _level_cap(self._axes_height_budget(), fixed, row, len(self.names))
        for lane in lanes:
            anchors = [(m.index, self.to_px.x(m.anchor)) for m in lane.marks]
            lane.slots = _place_labels(anchors, sizes, self.to_px.span, cap, self.metrics)
        self.omitted = len(self.marks) - sum(len(lane.slots) for lane in lanes)
        return lanes

    # -- drawing -------------------------------------------------------------------

    def layout(self) -> list[_Lane]:
        """Measure the labels and give each a level; ``omitted`` counts those left out."""
        self.sizes = self._make_label_texts()
        self.to_px = _room_for_labels(
            self.to_px, self.marks, self.sizes, self.metrics.label_pad, self.last_day
        )
        self.row = max(s.height for s in self.sizes.values()) + self.metrics.row_gap
        return self._lanes(self.sizes, self.row)

    def discard(self) -> None:
        """Remove the label texts made for measuring (before trying a smaller style)."""
        for date_text, desc in self.texts.values():
            date_text.remove()
            if desc is not None:
                desc.remove()
        self.texts.clear()

    def render(self, lanes: list[_Lane]) -> None:
        sizes, row = self.sizes, self.row
        total = _stack_lanes(lanes, self.metrics, row)
        if self.owned:
            self._fit_legend()
        self._fit_figure(total)
        self._configure_axes(total)
        for lane in lanes:
            self._draw_lane(lane, sizes)
        self._draw_breaks(lanes)
        self._draw_published(total)
        _draw_title(self.fig, self.axes, self.owned, self.style, self.title)
        _draw_note(self.fig, self.axes, self.owned, self.style, self._note())
        if self.owned:
            self._draw_legend()

    def _fit_legend(self) -> None:
        """Choose the legend's columns so that it fits the figure's width, and make
        room under the axis for its rows."""
        count = len(_legend_handles({m.kind for m in self.marks}, self.metrics.bar))
        room = self.fig.bbox.width - self.style.px(48)
        for columns in sorted({count, -(-count // 2), -(-count // 3), 1}, reverse=True):
            self.legend_columns = columns
            legend = self._draw_legend()
            width = legend.get_window_extent(self.renderer).width
            legend.remove()
            if width <= room:
                break
        rows = -(-count // self.legend_columns)
        extra = (rows - 1) * self.style.px(17)
        self.margins = replace(self.margins, bottom=self.margins.bottom + extra)

    def _draw_legend(self) -> Legend:
        """A key to the kinds of marks drawn, under the date axis on the right."""
        handles = _legend_handles({m.kind for m in self.marks}, self.metrics.bar)
        px = self.style.px
        bottom = px(22) + px(2)
        return self.fig.legend(
            handles=handles,
            loc="lower right",
            frameon=False,
            ncols=self.legend_columns,
            bbox_to_anchor=(1 - px(24) / self.fig.bbox.width, bottom / self.fig.bbox.height),
            fontsize=self.style.date_pt,
            handlelength=2.0,
            columnspacing=1.4,
            labelcolor=_MUTED,
            borderaxespad=0.0,
        )

    def _note(self) -> str:
        parts = [_undated_note(self.undated)]
        if self.omitted:
            noun = "label" if self.omitted == 1 else "labels"
            parts.append(f"{self.omitted} {noun} left out for space")
        return " · ".join(p for p in parts if p)

    def _fit_figure(self, total: float) -> None:
        if not self.owned:
            return
        height = total + self.margins.top + self.margins.bottom
        height = max(height, self.style.px(260))
        self.fig.set_size_inches(self.fig.get_figwidth(), height / self.fig.dpi)
        _position_axes(self.fig, self.axes, self.margins)

    def _configure_axes(self, total: float) -> None:
        axes = self.axes
        if self.owned:
            height = float(self.axes.get_position().height * self.fig.bbox.height)
        else:
            height = self._axes_height_budget()
        spare = max(0.0, height - total) / 2
        bottom, top = -spare, total + spare
        axes.set_ylim(bottom, top)
        axes.set_xlim(self.to_px.low, self.to_px.high)
        _plain_axes(axes)
        _date_axis(axes, _axis_ticks(self.warp, self.to_px, self.style.px(72)))

    def _draw_lane(self, lane: _Lane, sizes: dict[int, _LabelSize]) -> None:
        self._draw_lane_frame(lane)
        self._draw_bands(lane)
        self._draw_bars(lane)
        self._draw_points(lane)
        self._draw_labels(lane, sizes)

    def _draw_lane_frame(self, lane: _Lane) -> None:
        low, high = self.to_px.low, self.to_px.high
        if len(self.names) > 1:
            if lane.number % 2 == 0:
                self.axes.fill_between(
                    [low, high], lane.bottom, lane.top, color=_LANE_SHADE, zorder=0, linewidth=0
                )
            name = _clean(lane.name) if lane.name is not None else "(no document)"
            count = len(lane.marks)
            self.axes.text(
                self.to_px.value(self.style.px(4)),
                lane.top - self.style.px(4),
                f"{_shorten(name, 70)}  ·  {count} event{'s' if count != 1 else ''}",
                ha="left",
                va="top",
                fontsize=self.style.font_pt,
                fontweight="bold",
                color=_MUTED,
                gid=f"timeline-lane-{lane.number}",
                zorder=5,
                **_text_kwargs(self.style),
            )
        self.axes.plot([low, high], [lane.axis_y, lane.axis_y], color=_INK, linewidth=1.2, zorder=2)

    def _band_limits(self, lane: _Lane) -> tuple[float, float]:
        m = self.metrics
        return (
            lane.axis_y - m.axis_half - lane.tracks_below * m.track,
            lane.axis_y + m.axis_half + lane.tracks_above * m.track,
        )

    def _draw_bands(self, lane: _Lane) -> None:
        from matplotlib.collections import LineCollection, PolyCollection

        y0, y1 = self._band_limits(lane)
        pad = self.style.px(3)
        boxes = [
            [(m.x0, y0 - pad), (m.x1, y0 - pad), (m.x1, y1 + pad), (m.x0, y1 + pad)]
            for m in lane.marks
            if m.kind == "band"
        ]
        if boxes:
            self.axes.add_collection(
                PolyCollection(boxes, facecolors=_BAND, edgecolors="none", alpha=0.28, zorder=1),
                autolim=False,
            )
            edges = [[box[0], box[3]] for box in boxes] + [[box[1], box[2]] for box in boxes]
            self.axes.add_collection(
                LineCollection(edges, colors=_BAND, linewidths=1.0, alpha=0.8, zorder=1.2),
                autolim=False,
            )

    def _mark_y(self, lane: _Lane, mark: _Mark) -> float:
        if mark.index in lane.tracks:
            return lane.axis_y + _track_offset(lane.tracks[mark.index], self.metrics)
        return lane.axis_y

    def _draw_bars(self, lane: _Lane) -> None:
        from matplotlib.collections import PolyCollection

        shapes: list[list[tuple[float, float]]] = []
        alphas: list[float] = []
        for mark in lane.marks:
            if mark.index in lane.tracks:
                for shape, alpha in self._bar_shapes(mark, self._mark_y(lane, mark)):
                    shapes.append(shape)
                    alphas.append(alpha)
        if shapes:
            collection = PolyCollection(shapes, facecolors=_BAR, edgecolors="none", zorder=3)
            collection.set_alpha(alphas)
            self.axes.add_collection(collection, autolim=False)

    def _bar_shapes(self, mark: _Mark, y: float) -> list[tuple[list[tuple[float, float]], float]]:
        half = self.metrics.bar / 2
        x0, x1 = _bar_span(mark, self.to_px)
        min_width = self.to_px.value(self.style.px(3)) - self.to_px.low
        x1 = max(x1, x0 + min_width)
        if mark.kind in ("open_start", "open_end"):
            return self._faded(mark, x0, x1, y, half)
        shapes = [(_rect(x0, x1, y, half), 0.9)]
        if mark.kind == "since":
            shapes.append((self._arrow_head(x1, y, +1), 0.9))
        return shapes

    def _faded(
        self, mark: _Mark, x0: float, x1: float, y: float, half: float
    ) -> list[tuple[list[tuple[float, float]], float]]:
        steps = 14
        width = (x1 - x0) / steps
        rising = mark.kind == "open_start"
        shapes: list[tuple[list[tuple[float, float]], float]] = []
        for step in range(steps):
            strength = (step + 1) / steps if rising else (steps - step) / steps
            a, b = x0 + step * width, x0 + (step + 1) * width
            shapes.append((_rect(a, b, y, half), 0.9 * strength**1.5))
        cap_x = x1 if rising else x0
        cap = self.to_px.value(self.style.px(2)) - self.to_px.low
        shapes.append((_rect(cap_x - cap, cap_x, y, half * 1.8), 0.95))
        if not rising:
            shapes.append((self._arrow_head(x1, y, +1), 0.35))
        return shapes

    def _arrow_head(self, tip: float, y: float, direction: int) -> list[tuple[float, float]]:
        length = self.to_px.value(self.style.px(8)) - self.to_px.low
        half = self.metrics.bar * 0.95
        base = tip - direction * length
        return [(base, y - half), (tip, y), (base, y + half)]

    def _draw_points(self, lane: _Lane) -> None:
        points = [m for m in lane.marks if m.kind in ("point", "band")]
        if not points:
            return
        for mark in points:
            wide = self.to_px.x(mark.x1) - self.to_px.x(mark.x0) > self.style.px(8)
            if mark.kind == "point" and wide:
                self.axes.plot(
                    [mark.x0, mark.x1],
                    [lane.axis_y] * 2,
                    color=_POINT,
                    linewidth=self.metrics.bar * 0.5,
                    alpha=0.35,
                    zorder=3,
                    solid_capstyle="butt",
                )
        size = (self.style.font_pt * 0.75) ** 2
        xs = [m.anchor for m in points if m.kind == "point"]
        if xs:
            self.axes.scatter(
                xs,
                [lane.axis_y] * len(xs),
                s=size,
                color=_POINT,
                edgecolors="white",
                linewidths=1.0,
                zorder=4,
            )
        band_xs = [m.anchor for m in points if m.kind == "band"]
        if band_xs:
            self.axes.scatter(
                band_xs,
                [lane.axis_y] * len(band_xs),
                s=size * 0.8,
                color=_BAND,
                edgecolors=_POINT,
                linewidths=0.8,
                zorder=4,
                marker="D",
            )

    def _draw_labels(self, lane: _Lane, sizes: dict[int, _LabelSize]) -> None:
        from matplotlib.collections import LineCollection, PolyCollection

        row = self.row
        stems: list[list[tuple[float, float]]] = []
        backgrounds: list[list[tuple[float, float]]] = []
        for mark in lane.marks:
            date_text, desc = self.texts[mark.index]
            slot = lane.slots.get(mark.index)
            if slot is None:
                date_text.remove()
                if desc is not None:
                    desc.remove()
                continue
            top, edge = self._label_top(lane, slot, sizes[mark.index], row)
            x = self.to_px.value(slot.left)
            date_text.set_position((x, top))
            if desc is not None:
                desc.set_position((x, top - sizes[mark.index].date_height))
            stems.append([(mark.anchor, self._mark_y(lane, mark)), (mark.anchor, edge)])
            backgrounds.append(self._label_background(slot, sizes[mark.index], top))
        if backgrounds:
            self.axes.add_collection(
                PolyCollection(
                    backgrounds,
                    facecolors=self._lane_color(lane),
                    edgecolors="none",
                    alpha=0.85,
                    zorder=4.5,
                ),
                autolim=False,
            )
        if stems:
            self.axes.add_collection(
                LineCollection(
                    stems, colors=_STEM, linewidths=0.9, zorder=2.5, gid=f"{STEM_GID}{lane.number}"
                ),
                autolim=False,
            )

    def _lane_color(self, lane: _Lane) -> str:
        shaded = len(self.names) > 1 and lane.number % 2 == 0
        return _LANE_SHADE if shaded else "white"

    def _label_background(
        self, slot: _Slot, size: _LabelSize, top: float
    ) -> list[tuple[float, float]]:
        pad = self.style.px(2)
        x0 = self.to_px.value(slot.left - pad)
        x1 = self.to_px.value(slot.left + size.width + pad)
        return [
            (x0, top - size.height - pad),
            (x1, top - size.height - pad),
            (x1, top + pad),
            (x0, top + pad),
        ]

    def _label_top(
        self, lane: _Lane, slot: _Slot, size: _LabelSize, row: float
    ) -> tuple[float, float]:
        """The label's top y and the y where its stem meets it."""
        m = self.metrics
        if slot.side == 1:
            base = lane.axis_y + m.axis_half + lane.tracks_above * m.track + m.stem
            bottom = base + slot.level * row
            return bottom + size.height, bottom
        base = lane.axis_y - m.axis_half - lane.tracks_below * m.track - m.stem
        top = base - slot.level * row
        return top, top

    def _draw_breaks(self, lanes: Sequence[_Lane]) -> None:
        """A "//" sign where the axis skips a long stretch: across each baseline (and
        the bars on it) and on the date axis."""
        from matplotlib.collections import LineCollection, PolyCollection

        xs = [x for x in self.warp.break_values() if self.to_px.low < x < self.to_px.high]
        if not xs:
            return
        px = self.style.px
        dx = self.to_px.value(px(3)) - self.to_px.low
        slant = self.to_px.value(px(3)) - self.to_px.low
        bottom = self.axes.get_ylim()[0]
        gaps: list[list[tuple[float, float]]] = []
        strokes: list[list[tuple[float, float]]] = []
        for x in xs:
            spans = [(bottom, px(6))]
            for lane in lanes:
                y0, y1 = self._band_limits(lane)
                spans.append((lane.axis_y, max(px(7), lane.axis_y - y0, y1 - lane.axis_y)))
            for y, half in spans:
                gaps.append(_rect(x - dx, x + dx, y, half))
                for side in (-1, 1):
                    a = x + side * dx
                    strokes.append([(a - slant, y - px(7)), (a + slant, y + px(7))])
        self.axes.add_collection(
            PolyCollection(
                gaps,
                facecolors="white",
                edgecolors="none",
                zorder=3.6,
                clip_on=False,
                gid="timeline-break",
            ),
            autolim=False,
        )
        self.axes.add_collection(
            LineCollection(
                strokes,
                colors=_INK,
                linewidths=1.1,
                zorder=3.7,
                clip_on=False,
                gid="timeline-break-sign",
            ),
            autolim=False,
        )

    def _draw_published(self, total: float) -> None:
        if self.published is None or self.published_x is None:
            return
        x = self.published_x
        if not self.to_px.low <= x <= self.to_px.high:
            return
        header_top = total - self.style.px(4)
        self.axes.plot(
            [x, x],
            [self.axes.get_ylim()[0], header_top],
            color=_PUBLISHED,
            linestyle=(0, (4, 3)),
            linewidth=1.1,
            zorder=1.5,
            gid="timeline-published",
        )
        px = self.to_px.x(x)
        right = px > self.to_px.span * 0.7
        offset = self.style.px(5) * (-1 if right else 1)
        self.axes.text(
            self.to_px.value(px + offset),
            header_top,
            f"published {_format_day(self.published)}",
            ha="right" if right else "left",
            va="top",
            fontsize=self.style.date_pt,
            color=_PUBLISHED,
            fontweight="bold",
            zorder=5,
            gid="timeline-published-label",
            **_text_kwargs(self.style),
        )


def _legend_handles(kinds: set[str], bar_px: float) -> list[Artist]:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    bar_pt = bar_px * 0.72
    entries: list[tuple[str, Artist]] = [
        (
            "point",
            Line2D(
                [],
                [],
                color=_POINT,
                marker="o",
                linestyle="none",
                markersize=6,
                label="day or month",
            ),
        ),
        ("band", Patch(facecolor=_BAND, edgecolor=_BAND, alpha=0.5, label="year or longer")),
        ("bar", Line2D([], [], color=_BAR, linewidth=bar_pt, label="period")),
        (
            "since",
            Line2D(
                [],
                [],
                color=_BAR,
                linewidth=bar_pt,
                marker=">",
                markevery=[1],
                markersize=6,
                label="ongoing at publication",
            ),
        ),
        ("open_start", Patch(facecolor=_BAR, alpha=0.35, label="start unknown (fades in)")),
        ("open_end", Patch(facecolor=_BAR, alpha=0.2, label="end unknown (fades out)")),
    ]
    return [handle for kind, handle in entries if kind in kinds]


def _rect(x0: float, x1: float, y: float, half: float) -> list[tuple[float, float]]:
    return [(x0, y - half), (x1, y - half), (x1, y + half), (x0, y + half)]


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _date_axis(axes: Axes, ticks: Sequence[_Tick]) -> None:
    """Fixed ticks at round dates of the (possibly broken) axis, years 1-9999."""
    from matplotlib.ticker import FixedFormatter, FixedLocator

    axes.xaxis.set_major_locator(FixedLocator([t.value for t in ticks]))
    axes.xaxis.set_major_formatter(FixedFormatter([t.label for t in ticks]))
    axes.tick_params(axis="x", labelsize=9, colors=_MUTED, length=4)
    axes.spines["bottom"].set_color("#c9d0d6")
    axes.grid(True, axis="x", color="#e6e9ec", linewidth=0.8, zorder=0)
    axes.set_axisbelow(True)
