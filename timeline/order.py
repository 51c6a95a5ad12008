"""The order of the timeline and its tie rules.

Events are sorted by:

1. their start; an open start ("until October 2020") counts as the start of the
   expression that dates it, so the event sits where its date does;
2. then their end, an open end last (so of two events starting together, the shorter,
   contained one comes first, and equal intervals keep going);
3. then their position in the text (equal intervals keep the order the text tells).

An event placed by a signal has only one bound ("weighed the risks before a jury
indicted him in 2019" ends by 2019-12-31); sorting by that bound alone could put it
after the very event it preceded, so it is then moved to stand right before (or right
after) its anchor.
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
    ordered = sorted((e for e in events if e.start is not None or e.end is not None), key=sort_key)
    return _before_their_anchors(ordered)


def _before_their_anchors(ordered: list[Event]) -> list[Event]:
    """Move each "before" event that sorted after its anchor to just before it (linear)."""
    position = {(e.doc_id, e.trigger_span): i for i, e in enumerate(ordered)}
    waiting: dict[int, list[Event]] = {}
    moved: set[int] = set()
    for i, event in enumerate(ordered):
        if event.relation != "before" or event.anchor_span is None:
            continue
        anchor = position.get((event.doc_id, event.anchor_span))
        if anchor is not None and anchor < i:
            waiting.setdefault(anchor, []).append(event)
            moved.add(i)
    if not moved:
        return ordered
    result: list[Event] = []
    for i, event in enumerate(ordered):
        result.extend(waiting.get(i, ()))
        if i not in moved:
            result.append(event)
    return result
