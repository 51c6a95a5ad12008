"""The `Timeline` result: expressions, ordered events, and their exports."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import IO, TYPE_CHECKING, Any

from .types import Event, TimeExpression

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["COLUMNS", "FORMULA_PREFIXES", "Timeline", "deliver", "neutralize_cell"]

#: The DataFrame's columns, in order; documented in README.md and docs/output.md.
COLUMNS: tuple[str, ...] = (
    "order",
    "start",
    "end",
    "granularity",
    "expression",
    "value",
    "end_expression",
    "end_value",
    "type",
    "mod",
    "relation",
    "event",
    "trigger",
    "tense",
    "sentence",
    "sentence_index",
    "char_start",
    "char_end",
    "anchor",
    "doc_id",
    "sources",
)

#: A spreadsheet runs a cell that starts with one of these as a formula (OWASP).
FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def neutralize_cell(value: str) -> str:
    """Make a text cell inert in a spreadsheet by prefixing a single quote.

    Spreadsheets show the quote-prefixed text as text and never evaluate it.  Cells that
    are not formulas come back unchanged.
    """
    if value and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


@dataclass(frozen=True)
class Timeline:
    """What `extract_timeline` returns: expressions in text order, events in time order."""

    text: str
    published: date | None
    expressions: list[TimeExpression]
    events: list[Event]
    #: events the text mentions with no temporal information: kept out of the order
    #: (a lazy sequence: found on first use)
    undated: Sequence[Event] = field(default_factory=list)
    domain: str = "news"
    title: str | None = None

    def __len__(self) -> int:
        return len(self.events)

    def rows(self) -> list[dict[str, Any]]:
        """One plain dict per event, in timeline order, with every column."""
        return [_event_row(i, ev) for i, ev in enumerate(self.events, start=1)]

    def to_dataframe(self) -> pd.DataFrame:
        """One row per event in timeline order; ``start``/``end`` are ``datetime64[s]``.

        Second resolution holds every date of years 1-9999, so no date is lost to
        pandas' nanosecond range; a missing bound is ``NaT``.
        """
        import numpy as np
        import pandas as pd

        rows = self.rows()
        frame = pd.DataFrame(rows, columns=list(COLUMNS))
        for column in ("start", "end"):
            values = [
                np.datetime64(row[column], "s")
                if row[column] is not None
                else np.datetime64("NaT", "s")
                for row in rows
            ]
            frame[column] = pd.Series(
                np.array(values, dtype="datetime64[s]"), dtype="datetime64[s]"
            )
        frame["order"] = frame["order"].astype("int64")
        return frame

    def to_csv(
        self,
        path_or_buffer: str | os.PathLike[str] | IO[str] | None = None,
        *,
        neutralize_formulas: bool = True,
    ) -> str | None:
        """Write the frame as CSV (UTF-8, ISO dates); return the text when no target is given.

        With ``neutralize_formulas`` (the default) every text cell that a spreadsheet
        would run as a formula is prefixed with ``'``; see :func:`neutralize_cell`.
        """
        buffer = io.StringIO()
        # RFC 4180 line ends: the writer then quotes any cell holding a CR or an LF, so a
        # CR inside event text cannot end the row and smuggle a payload into a new one
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for row in self.rows():
            writer.writerow([_csv_cell(row[c], neutralize_formulas) for c in COLUMNS])
        return deliver(buffer.getvalue(), path_or_buffer)

    def plot(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        ax: Axes | None = None,
        title: str | None = None,
        width_px: int = 1600,
        dpi: int = 100,
    ) -> Figure:
        """Draw the timeline with matplotlib; with ``path``, also write it (PNG, SVG or PDF)."""
        from .plot import plot_events

        return plot_events(
            self.events,
            published=self.published,
            title=title if title is not None else self.title,
            path=path,
            ax=ax,
            width_px=width_px,
            dpi=dpi,
        )

    def to_json(self, path_or_buffer: str | os.PathLike[str] | IO[str] | None = None) -> str | None:
        """The events with every column as JSON (ISO dates); returns the text without a target."""
        from .exports import to_json

        return to_json(self, path_or_buffer)

    def to_timeml(self, *, doc_id: str = "") -> str:
        """TimeML with TIMEX3, EVENT and TLINKs for the order found; DCT marked."""
        from .exports import to_timeml

        return to_timeml(self, doc_id=doc_id)

    def to_timelinejs(self, *, headline: str | None = None) -> dict[str, Any]:
        """Knight Lab TimelineJS JSON (a dict ready for ``json.dump``)."""
        from .exports import to_timelinejs

        return to_timelinejs(self, headline=headline)


def deliver(text: str, target: str | os.PathLike[str] | IO[str] | None) -> str | None:
    """Write ``text`` to a path (UTF-8, line ends untouched) or a text buffer; with no
    target, return it."""
    if target is None:
        return text
    if isinstance(target, str | os.PathLike):
        with open(target, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    else:
        target.write(text)
    return None


def _csv_cell(value: object, neutralize: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if neutralize and not isinstance(value, int):
        return neutralize_cell(text)
    return text


def _event_row(order: int, ev: Event) -> dict[str, Any]:
    expr = ev.expression
    end_expr = ev.end_expression
    return {
        "order": order,
        "start": ev.start,
        "end": ev.end,
        "granularity": ev.granularity,
        "expression": expr.text if expr else None,
        "value": expr.value if expr else None,
        "end_expression": end_expr.text if end_expr else None,
        "end_value": end_expr.value if end_expr else None,
        "type": expr.type if expr else None,
        "mod": expr.mod if expr else None,
        "relation": ev.relation,
        "event": ev.description,
        "trigger": ev.trigger,
        "tense": ev.tense,
        "sentence": ev.sentence,
        "sentence_index": ev.sentence_index,
        "char_start": ev.span[0],
        "char_end": ev.span[1],
        "anchor": ev.anchor,
        "doc_id": ev.doc_id,
        "sources": "; ".join(ev.sources) if ev.sources else None,
    }
