"""atheris fuzzing of `timeline.extract_timeline` (``make fuzz``; not in CI).

Each input is split by ``atheris.FuzzedDataProvider`` into:

- a selector byte choosing the kind of ``published`` (None, an ISO string built from
  consumed ints that may be impossible or out of range, a ``date``, a naive or aware
  ``datetime``, an arbitrary string, or a number);
- the text, as Unicode (which may hold lone surrogates, NUL and control characters),
  sometimes prefixed with a temporal phrase so the recognizer's deeper rules are reached.

The contract checked:

- the only exceptions allowed are the documented ones, raised on purpose with a
  message: `TimelineError` subclasses, and ``TypeError``/``ValueError`` whose message
  names the argument (``published``/``text``).  Anything else is a crash;
- every expression's span satisfies ``text[start:end] == expr.text``;
- every event has ``start <= end`` when both are set;
- ``to_dataframe()`` and ``to_csv()`` do not raise.

Crashes found are kept as regression data in ``tests/regressions/`` (see the README there).

Run: ``python benchmarks/fuzz.py -max_total_time=1200 [corpus_dir]``.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta, timezone
from typing import Any

import atheris

with atheris.instrument_imports():
    import timeline
    from timeline.errors import TimelineError

_PHRASES = (
    "in December",
    "last year",
    "from 2012 to 2018",
    "at 3 p.m.",
    "in 44 BC",
    "since January 2020",
    "the 15th century",
    "every Monday",
    "for three years",
    "next week",
    "on March 3",
    "in the 1990s",
    "two days ago",
    "by 2300",
)


def published_from(fdp: Any) -> Any:
    """A ``published`` argument of one of the kinds users pass, from the fuzz data."""
    kind = fdp.ConsumeIntInRange(0, 7)
    if kind == 0:
        return None
    if kind == 1:
        year = fdp.ConsumeIntInRange(-1, 10001)
        month = fdp.ConsumeIntInRange(0, 13)
        day = fdp.ConsumeIntInRange(0, 32)
        return f"{year:04d}-{month:02d}-{day:02d}"
    if kind == 2:
        return date.fromordinal(fdp.ConsumeIntInRange(1, date.max.toordinal()))
    if kind in (3, 4):
        moment = datetime.fromordinal(fdp.ConsumeIntInRange(1, date.max.toordinal()))
        moment += timedelta(seconds=fdp.ConsumeIntInRange(0, 86399))
        if kind == 4:
            moment = moment.replace(
                tzinfo=timezone(timedelta(minutes=fdp.ConsumeIntInRange(-1439, 1439)))
            )
        return moment
    if kind == 5:
        return fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 40))
    if kind == 6:
        return fdp.ConsumeInt(8)
    return fdp.ConsumeRegularFloat()


def _documented(exc: BaseException) -> bool:
    if isinstance(exc, TimelineError):
        return bool(str(exc))
    if type(exc) in (TypeError, ValueError):
        message = str(exc)
        return any(word in message for word in ("published", "text", "domain", "backend"))
    return False


def check(text: str, published: Any) -> None:
    """Run the pipeline once and assert the contract; raise on a crash."""
    try:
        tl = timeline.extract_timeline(text, published=published)
    except Exception as exc:
        if _documented(exc):
            return
        raise
    for expr in tl.expressions:
        start, end = expr.span
        if text[start:end] != expr.text:
            raise AssertionError(f"span {expr.span} holds {text[start:end]!r}, not {expr.text!r}")
    for event in tl.events:
        if event.start is not None and event.end is not None and event.start > event.end:
            raise AssertionError(
                f"event {event.description!r}: start {event.start} > end {event.end}"
            )
    tl.to_dataframe()
    tl.to_csv()


def decode(data: bytes) -> tuple[str, Any]:
    """The ``(text, published)`` pair that the harness builds from ``data``."""
    fdp = atheris.FuzzedDataProvider(data)
    published = published_from(fdp)
    prefix = _PHRASES[fdp.ConsumeIntInRange(0, len(_PHRASES) - 1)] if fdp.ConsumeBool() else ""
    rest = fdp.ConsumeUnicode(fdp.remaining_bytes())
    return (prefix + " " + rest if prefix else rest), published


def test_one_input(data: bytes) -> None:
    check(*decode(data))


def as_regression(data: bytes) -> dict[str, Any]:
    """A crash input as the JSON record that ``tests/regressions`` replays."""
    text, published = decode(data)
    if isinstance(published, datetime):
        kind, value = "datetime", published.isoformat()
    elif isinstance(published, date):
        kind, value = "date", published.isoformat()
    elif published is None or isinstance(published, str | int | float):
        kind, value = type(published).__name__, published  # type: ignore[assignment]
    else:  # pragma: no cover - published_from builds only the kinds above
        raise TypeError(type(published).__name__)
    return {"text": text, "published": {"kind": kind, "value": value}}


def main() -> None:
    if len(sys.argv) >= 3 and sys.argv[1] == "--decode":
        # python benchmarks/fuzz.py --decode crash-... : print the regression record
        import json

        for path in sys.argv[2:]:
            with open(path, "rb") as handle:
                print(json.dumps(as_regression(handle.read()), ensure_ascii=True))
        return
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
