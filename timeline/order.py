"""The order of the timeline and its tie rules.

Events are sorted by:

1. their start; an open start ("until October 2020") counts as the start of the
   expression that dates it, so the event sits where its date does;
2. then their end, an open end last (so of two events starting together, the shorter,
   contained one comes first, and equal intervals keep going);
3. then their position in the text (equal intervals keep the order the text tells).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .types import Event

__all__ = ["order_events", "sort_key"]

_OPEN_END = date.max


def sort_key(event: Event) -> tuple[date, date, int]:
    start = event.start
    if start is None and event.expression is not None:
        start = event.expression.start
    if start is None:
        start = event.end or date.min
    return start, event.end or _OPEN_END, event.trigger_span[0]


def order_events(events: Iterable[Event]) -> list[Event]:
    """Events with at least one known bound, in timeline order."""
    return sorted((e for e in events if e.start is not None or e.end is not None), key=sort_key)
