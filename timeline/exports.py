"""Exports of a `Timeline` beyond the DataFrame and CSV: JSON, TimeML and TimelineJS.

* :func:`to_json` writes every column of every event (ISO dates), the publication date
  and the expressions, for programs that would rather not parse CSV.
* :func:`to_timeml` writes TimeML 1.2.1 through :func:`timeline.timeml.write_timeml`, so
  :func:`timeline.timeml.read_timeml` reads back the same text and every expression.
* :func:`to_timelinejs` builds the JSON that Knight Lab's TimelineJS3 loads
  (``new TL.Timeline(id, data)``): a ``title`` slide and one slide per event.

TimelineJS mapping, for a reader who has to trust it:

* A date keeps only the parts its granularity knows: a year-precise bound is
  ``{"year": 2019}``, a month-precise one adds ``month``, anything finer adds ``day``.
  The end of a "since …" interval is the publication date and so is day-precise.
* An interval becomes ``start_date`` + ``end_date``; ``end_date`` is left out when it
  says nothing more than ``start_date`` at that precision ("in December": one month).
* An interval open at the start ("until October 2020", "before 2019") has no start to
  show, and TimelineJS requires one: the slide is placed at its known end, and its
  ``display_date`` ("until October 2020") tells the reader the start is open.  An
  event placed through another event ("shortly after the arrest") reads
  "October 2020 or later" (or "... or earlier").
* ``group`` is the event's ``doc_id``, else its sources joined with "; ", else absent,
  so events of one article share a row.
* TimelineJS renders ``headline`` and ``text`` as HTML: both are escaped, because event
  text comes from arbitrary documents.
"""

from __future__ import annotations

import html
import json
import os
from dataclasses import asdict
from datetime import date
from typing import IO, TYPE_CHECKING, Any

from .timeline import deliver
from .types import Event, Granularity, TimeExpression

if TYPE_CHECKING:
    from .timeline import Timeline

__all__ = ["to_json", "to_timelinejs", "to_timeml"]

#: JSON layout version: bump it when a key changes meaning or disappears.
JSON_FORMAT_VERSION = 1

# How much of a date each granularity knows, for TimelineJS date objects.
_YEAR_ONLY: frozenset[Granularity] = frozenset({"millennium", "century", "decade", "year"})
_YEAR_MONTH: frozenset[Granularity] = frozenset({"half", "quarter", "season", "month"})
# English names whatever the locale: calendar.month_name follows LC_TIME.
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


# --------------------------------------------------------------------------- JSON


def to_json(
    timeline: Timeline, path_or_buffer: str | os.PathLike[str] | IO[str] | None = None
) -> str | None:
    """The timeline as JSON: its events with every column, its expressions, its dates.

    Dates are ISO strings (``"2020-12-01"``), missing values ``null``.  The top-level
    keys are ``format_version``, ``published``, ``title``, ``domain``, ``columns`` (the
    event keys, in :data:`timeline.timeline.COLUMNS` order), ``events`` and
    ``expressions`` (in text order, with their spans and resolution notes).  Returns the
    text when no target is given, else writes it (UTF-8) and returns None.
    """
    from .timeline import COLUMNS

    document = {
        "format_version": JSON_FORMAT_VERSION,
        "published": _iso(timeline.published),
        "title": timeline.title,
        "domain": timeline.domain,
        "columns": list(COLUMNS),
        "events": [{c: _iso(row[c]) for c in COLUMNS} for row in timeline.rows()],
        "expressions": [_expression_dict(expr) for expr in timeline.expressions],
    }
    # ensure_ascii=False keeps "Mexico’s" readable; the file is written as UTF-8.
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return deliver(text, path_or_buffer)


def _expression_dict(expr: TimeExpression) -> dict[str, Any]:
    fields = asdict(expr)
    fields["span"] = list(expr.span)
    return {key: _iso(value) for key, value in fields.items()}


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


# --------------------------------------------------------------------------- TimeML


def to_timeml(timeline: Timeline, *, doc_id: str = "") -> str:
    """TimeML 1.2.1: TIMEX3 inline, EVENTs, and TLINKs for the order found; DCT marked.

    Raises:
        TimeMLError: the text holds a character XML 1.0 cannot represent.
    """
    from .timeml import write_timeml

    return write_timeml(
        timeline.expressions,
        timeline.text,
        dct=timeline.published,
        doc_id=doc_id,
        events=timeline.events,
    )


# ----------------------------------------------------------------------- TimelineJS


def to_timelinejs(timeline: Timeline, *, headline: str | None = None) -> dict[str, Any]:
    """Knight Lab TimelineJS JSON, as a dict ready for ``json.dump``.

    ``headline`` titles the title slide (default: the timeline's title, else
    "Timeline").  See the module docstring for how dates, open intervals and groups map.
    """
    title_text = headline if headline is not None else (timeline.title or "Timeline")
    subtitle = f"Published {timeline.published.isoformat()}" if timeline.published else ""
    return {
        "title": {"text": {"headline": html.escape(title_text), "text": subtitle}},
        "events": [_slide(ev) for ev in timeline.events if ev.start or ev.end],
    }


def _slide(ev: Event) -> dict[str, Any]:
    start_grain = ev.granularity
    end_grain = _end_granularity(ev)
    start, end = ev.start, ev.end
    slide: dict[str, Any] = {}
    if start is None:
        # TimelineJS needs a start: an open-start event sits at its known end.
        assert end is not None
        slide["start_date"] = _date_object(end, end_grain)
    else:
        slide["start_date"] = _date_object(start, start_grain)
        if end is not None:
            end_object = _date_object(end, end_grain)
            if end_object != slide["start_date"]:
                slide["end_date"] = end_object
    slide["text"] = {"headline": html.escape(ev.description or ev.trigger), "text": _body(ev)}
    group = ev.doc_id or ("; ".join(ev.sources) if ev.sources else None)
    if group:
        slide["group"] = group
    slide["display_date"] = _display_date(ev, start_grain, end_grain)
    return slide


def _end_granularity(ev: Event) -> Granularity:
    """How precise the event's end is: it may come from another expression or the DCT."""
    if ev.expression is None or not ev.expression.is_resolved:
        return ev.granularity  # placed through another event: its precision throughout
    if ev.relation == "since":
        return "day"  # the publication date closes it
    if ev.relation in ("before", "after"):
        return "day"  # shifted by a day from the expression's bound
    if ev.end_expression is not None:
        return ev.end_expression.granularity
    return ev.granularity


def _date_object(day: date, granularity: Granularity) -> dict[str, int]:
    if granularity in _YEAR_ONLY:
        return {"year": day.year}
    if granularity in _YEAR_MONTH:
        return {"year": day.year, "month": day.month}
    return {"year": day.year, "month": day.month, "day": day.day}


def _format(day: date, granularity: Granularity) -> str:
    if granularity in _YEAR_ONLY:
        return str(day.year)
    if granularity in _YEAR_MONTH:
        return f"{_MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _format_expression(expr: TimeExpression | None, fallback: date, grain: Granularity) -> str:
    """The date an open-sided event is related to, as written in its own precision."""
    if expr is None or expr.start is None:
        return _format(fallback, grain)
    if expr.granularity in ("quarter", "half", "season", "week", "weekend"):
        return expr.value  # "2020-Q3": no calendar word says it better
    return _format(expr.start, expr.granularity)


def _display_date(ev: Event, start_grain: Granularity, end_grain: Granularity) -> str:
    start, end = ev.start, ev.end
    if start is not None and end is not None:
        first, last = _format(start, start_grain), _format(end, end_grain)
        return first if first == last else f"{first} – {last}"
    known = start if start is not None else end
    assert known is not None
    grain = start_grain if start is not None else end_grain
    if ev.expression is None:
        # Placed through another event ("shortly after the arrest"): its relation is to
        # that event, so say which side of the known date it lies on.
        return f"{_format(known, grain)} or {'later' if start is not None else 'earlier'}"
    return f"{ev.relation} {_format_expression(ev.expression, known, grain)}"


def _body(ev: Event) -> str:
    parts = [html.escape(ev.sentence)]
    if ev.expression is not None:
        parts.append(
            f"<small>Dated by “{html.escape(ev.expression.text)}” "
            f"({html.escape(ev.expression.value)}), {html.escape(ev.anchor)}.</small>"
        )
    else:
        parts.append(f"<small>Placed {html.escape(ev.relation)} {html.escape(ev.anchor)}.</small>")
    if ev.sources:
        parts.append(f"<small>Sources: {html.escape('; '.join(ev.sources))}</small>")
    return "<p>" + "</p><p>".join(parts) + "</p>"
