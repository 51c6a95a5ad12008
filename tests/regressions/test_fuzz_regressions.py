"""Replays every crash input that fuzzing (``benchmarks/fuzz.py``) found.

Each ``*.json`` file next to this module holds one input as the harness built it::

    {"text": "...", "published": {"kind": "str|date|datetime|int|float|NoneType", "value": ...},
     "found": "what went wrong when it was found"}

(``python benchmarks/fuzz.py --decode crash-<sha1>`` prints the first two keys from a
libFuzzer crash file.)  The text may hold lone surrogates and NUL: JSON keeps them as
``\\ud800`` escapes.  Each input must now keep the contract the harness checks: only
documented errors, spans that select their text, ``start <= end``, and exports that work.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from timeline import extract_timeline
from timeline.errors import TimelineError

HERE = Path(__file__).parent
CASES = sorted(HERE.glob("*.json"))


def _published(record: dict[str, Any]) -> Any:
    kind, value = record["kind"], record["value"]
    if kind == "date":
        return date.fromisoformat(value)
    if kind == "datetime":
        return datetime.fromisoformat(value)
    return value


def replay(text: str, published: Any) -> None:
    try:
        tl = extract_timeline(text, published=published)
    except TimelineError as exc:
        message = str(exc)
        assert message, "a documented error must say what was wrong"
        return
    for expr in tl.expressions:
        start, end = expr.span
        assert text[start:end] == expr.text, (expr.span, expr.text)
    for event in tl.events:
        if event.start is not None and event.end is not None:
            assert event.start <= event.end, event
    tl.to_dataframe()
    tl.to_csv()


@pytest.mark.skipif(not CASES, reason="fuzzing has found no crash yet")
@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_fuzz_crash_stays_fixed(path: Path) -> None:
    record = json.loads(path.read_text(encoding="utf-8"))
    replay(record["text"], _published(record["published"]))


def test_replay_accepts_a_known_good_input() -> None:
    replay("in December" + chr(0xD800), {"kind": "str", "value": "2021-03-30"}["value"])
