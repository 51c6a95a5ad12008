"""Linear work on the stress inputs, checked by counting the interpreter's steps.

`make stress` times 1 MB and 4 MB of each adversarial input (minutes, and timings are
no unit test). This guard runs with every test run: it counts the Python lines, calls
and returns `extract_timeline` executes (a deterministic measure) on a stress input of
8 KB and on that text repeated four times, and fails if the second count exceeds 4.4
times the first. The dense inputs ("May May …", "from 2012 to 2018 …") hold a thousand
expressions at this size, so a stage that visits every earlier expression or sentence
for each new one shows at once (a quadratic 16, not 4). What it cannot see: work inside
one built-in call (a regex that backtracks: `test_regex_safety`) and a quadratic term
that only matters at megabytes because the phrase that triggers it is rare in news
(one such, fixed in f53417b, showed only in `make stress`).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

from benchmarks.stress import INPUTS, PUBLISHED
from timeline import extract_timeline

BASE = 8 * 1024
LIMIT = 4.4  # 4, plus room for caches that warm differently; a quadratic stage gives 16

_Tracer = Callable[[FrameType, str, Any], Any]


def steps_taken(work: Callable[[], object]) -> int:
    """How many line, call and return events ``work()`` makes the interpreter report."""
    count = 0

    def trace(frame: FrameType, event: str, arg: Any) -> _Tracer:
        nonlocal count
        count += 1
        return trace

    # garbage left by earlier tests (the regex objects of dateparser's tests) would be
    # finalized inside the count, in Python, whenever the collector runs there
    gc.collect()
    sys.settrace(trace)
    try:
        work()
    finally:
        sys.settrace(None)
    return count


def extraction_steps(text: str) -> int:
    return steps_taken(lambda: extract_timeline(text, published=PUBLISHED))


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_four_times_the_text_takes_at_most_four_times_the_steps(name: str) -> None:
    text = INPUTS[name](BASE)
    extraction_steps(text[:1024])  # lexicons, patterns and caches load outside the count
    once, four_times = extraction_steps(text), extraction_steps(text * 4)
    assert four_times <= LIMIT * once, f"{name}: {once} steps once, {four_times} four times"


def test_the_measure_sees_a_quadratic_loop() -> None:
    def pairs(n: int) -> int:
        items = list(range(n))
        return sum(1 for i in items for j in items[:i] if j < i)

    assert steps_taken(lambda: pairs(400)) > LIMIT * steps_taken(lambda: pairs(100))
