"""Adversarial inputs of 1 MB and 4 MB: is `extract_timeline` linear in its input?

``python -m benchmarks.stress [--quick] [--only NAME ...] [--profile NAME]``
(``make stress``; not in CI).

Each input is built at 1 MB and 4 MB (``--quick``: 256 KB and 1 MB; a "MB" is 2**20
characters) and timed with ``time.perf_counter`` around
``extract_timeline(text, published="2021-03-30")`` (best of ``--runs``, default 3, the
two sizes alternating so that both meet the same drifts of a shared machine).
The table reports, per input:

- ``s/MB``: seconds per MB at the small size;
- ``4x/1x``: time at the large size over time at the small size, which must stay at
  most 4.6 (linear, with room for noise and cache effects); a quadratic stage gives 16;
- ``vs news``: s/MB over plain news text's s/MB (TimeBank + AQUAINT from
  ``../shared/corpora/tbaq-cleaned`` read with `timeline.timeml.read_timeml`, else the
  seed fixture, repeated), which must stay at most 3: no input is pathologically slower
  than what the library is made for;
- ``cpu ratio``: the same ratio in CPU time (``time.process_time``), for reference on
  a busy machine; ``--clock cpu`` judges on CPU time instead; a ratio whose large run
  takes under `MIN_JUDGED_SECONDS` is shown but not judged (timer noise);
- PASS/FAIL.  A run that raises or exceeds ``--timeout`` seconds FAILs.  The exit
  status is non-zero when any input FAILs.

The inputs: long digit runs; "1 1 1 …"; repeated month and number words ("May May
May", "March 3 March 3", "twenty twenty"); a flood of "?" (dateparser #869's input);
white-space and punctuation floods; one line of plain words with no punctuation;
"from 2012 to 2018 " repeated; "1990-1991-1992-…"; zero-width and right-to-left
characters; NUL bytes; lone surrogates (``chr(0xD800)``); and plain news text.

How catastrophic backtracking is ruled out
------------------------------------------
Timing finds super-linear stages on the inputs tried; a static check covers the
patterns themselves.  ``tests/test_regex_safety.py`` parses every pattern the library
runs (each compiled rule of ``timeline.recognize.rules.rules()``, every module-level
``re.Pattern`` in ``timeline/*.py`` and ``timeline/recognize/*.py``, and every string
literal passed to a ``re`` function there) with ``re._parser`` (sre_parse) and walks
the tree: a MAX_REPEAT/MIN_REPEAT with ``max == MAXREPEAT`` whose body holds another
unbounded repeat (``(a+)+``, ``(\\s*\\w+)*``) is flagged, unless each iteration starts
or ends with a mandatory character class the inner repeats cannot match
(``\\w+(?:[-'’]\\w+)*``).  The test asserts that no pattern is flagged.  The exponential
shape is thereby excluded by construction, and the polynomial one (a scan restarted at
every position of a long run) is what the 4x/1x ratio below measures.

``--profile NAME`` runs cProfile on that input at the small size and prints the top
functions, to find the stage to blame when a ratio fails.
"""

from __future__ import annotations

import argparse
import cProfile
import glob
import itertools
import os
import pstats
import random
import signal
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

import timeline
from timeline import extract_timeline

from .volume import is_compiled

MB = 1 << 20
MAX_RATIO = 4.6
MAX_VS_NEWS = 3.0
#: Below this many seconds at the large size a ratio is timer and allocator noise
#: (a 4 MB run of digits takes a tenth of a second): shown, not judged.
MIN_JUDGED_SECONDS = 0.5
PUBLISHED = "2021-03-30"
ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "tbaq-cleaned"
SEED = ROOT / "fixtures" / "reuters-2021-03-30-us-mexico-cartels.txt"


def _cycle(unit: str, size: int) -> str:
    """``unit`` repeated (and cut) to exactly ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def _joined(parts: Iterator[str], size: int) -> str:
    pieces: list[str] = []
    length = 0
    for part in parts:
        pieces.append(part)
        length += len(part)
        if length >= size:
            break
    return "".join(pieces)[:size]


def digits(size: int) -> str:
    return _cycle("31415926535897932384626433832795028841971693993751", size)


def ones(size: int) -> str:
    return _cycle("1 ", size)


def may(size: int) -> str:
    return _cycle("May ", size)


def march_3(size: int) -> str:
    return _cycle("March 3 ", size)


def twenty(size: int) -> str:
    return _cycle("twenty ", size)


def questions(size: int) -> str:
    # dateparser #869: 100,000 "?" took minutes; here it is the whole input
    return "?" * size


def whitespace(size: int) -> str:
    return _cycle("  \t \n \r\n\u00a0\u2003 ", size)


def punctuation(size: int) -> str:
    return _cycle(".,;:!?-–—()[]'\"/\\…*&%$#@", size)


_WORDS = [
    "the", "officials", "said", "government", "police", "cartel", "border", "law", "minister",
    "year", "month", "day", "week", "report", "market", "price", "security", "president",
    "congress", "plan", "agency", "court", "trade", "city", "state", "people", "water",
    "energy", "health", "school", "company", "bank", "vote", "party", "budget", "may", "march",
]


def plain_words(size: int) -> str:
    # one line, no punctuation at all: a single "sentence" of a million characters
    rng = random.Random(869)
    return _joined((rng.choice(_WORDS) + " " for _ in itertools.count()), size)


def year_ranges(size: int) -> str:
    return _cycle("from 2012 to 2018 ", size)


def hyphenated_years(size: int) -> str:
    return _joined((f"{1000 + (990 + i) % 1100}-" for i in itertools.count()), size)


def invisible(size: int) -> str:
    # zero-width spaces/joiners, RTL/LTR marks and overrides inside temporal phrases
    return _cycle(
        "in\u200bDecember \u200f2020\u200e \u202elast year\u202c \u2066since\u2069 "
        "\ufeffMarch\u200d 3 \u061c1999 ",
        size,
    )


def nul_bytes(size: int) -> str:
    return _cycle("\x00\x00\x00in December\x00 2020\x00last\x00year\x00\x00", size)


def surrogates(size: int) -> str:
    lone = chr(0xD800)
    return _cycle(f"in December{lone} last year {chr(0xDFFF)}{lone}{lone} 2020{lone}", size)


def news_text() -> str:
    """Plain news: TimeBank + AQUAINT texts, else the seed article."""
    if CORPUS.is_dir():
        from timeline.timeml import read_timeml

        paths = sorted(glob.glob(str(CORPUS / "**" / "*.tml"), recursive=True))
        texts = [read_timeml(p).text for p in paths]
        if texts:
            return "\n\n".join(texts)
    return SEED.read_text(encoding="utf-8")


_NEWS: list[str] = []


def news(size: int) -> str:
    if not _NEWS:
        _NEWS.append(news_text())
    return _cycle(_NEWS[0] + "\n\n", size)


INPUTS: dict[str, Callable[[int], str]] = {
    "news": news,
    "digits": digits,
    "1 1 1": ones,
    "May May": may,
    "March 3": march_3,
    "twenty": twenty,
    "????": questions,
    "whitespace": whitespace,
    "punctuation": punctuation,
    "plain words": plain_words,
    "from…to": year_ranges,
    "1990-1991-": hyphenated_years,
    "zero-width/RTL": invisible,
    "NUL": nul_bytes,
    "surrogates": surrogates,
}


class _TimeoutError(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _TimeoutError


def timed(text: str, runs: int, timeout: float) -> tuple[float, float]:
    """Best wall and CPU times of ``runs`` calls; raises `_TimeoutError` past ``timeout`` s."""
    best_wall = best_cpu = float("inf")
    for _ in range(runs):
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            start, start_cpu = time.perf_counter(), time.process_time()
            extract_timeline(text, published=PUBLISHED)
            best_wall = min(best_wall, time.perf_counter() - start)
            best_cpu = min(best_cpu, time.process_time() - start_cpu)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    return best_wall, best_cpu


def _best(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    return min(a[0], b[0]), min(a[1], b[1])


@dataclass
class Row:
    name: str
    #: seconds at the small and large sizes, on the clock the verdict uses
    small: float | None = None
    large: float | None = None
    #: the other clock's ratio, shown for reference (CPU time when judging on wall time)
    other_ratio: float | None = None
    error: str = ""

    def per_mb(self, small_size: int) -> float | None:
        return None if self.small is None else self.small / (small_size / MB)

    @property
    def ratio(self) -> float | None:
        if self.small is None or self.large is None:
            return None
        return self.large / max(self.small, 1e-9)


def measure(
    name: str, small_size: int, large_size: int, runs: int, timeout: float, clock: str
) -> Row:
    build = INPUTS[name]
    row = Row(name)
    try:
        small_text, large_text = build(small_size), build(large_size)
        small = large = (float("inf"), float("inf"))
        # the sizes alternate, so that both meet the same drifts of a shared machine
        for _ in range(runs):
            small = _best(small, timed(small_text, 1, timeout))
            large = _best(large, timed(large_text, 1, timeout * large_size / small_size))
        judged, other = (0, 1) if clock == "wall" else (1, 0)
        row.small, row.large = small[judged], large[judged]
        row.other_ratio = large[other] / max(small[other], 1e-9)
    except _TimeoutError:
        row.error = "timeout"
    except Exception as exc:  # reported as a FAIL, with what was raised
        row.error = f"{type(exc).__name__}: {exc}"[:80]
    return row


def _fmt(value: float | None, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def report(rows: list[Row], small_size: int, large_size: int, clock: str = "wall") -> bool:
    """Print the table; True when every row passes."""
    news_per_mb = rows[0].per_mb(small_size) if rows and rows[0].name == "news" else None
    small_label, large_label = _size_label(small_size), _size_label(large_size)
    header = (
        f"{'input':<16} {'s/MB @' + small_label:>12} {large_label + '/' + small_label:>10} "
        f"{'vs news':>8} {('cpu' if clock == 'wall' else 'wall') + ' ratio':>10}  result"
    )
    print(header)
    print("-" * len(header))
    all_pass = True
    for row in rows:
        per_mb = row.per_mb(small_size)
        ratio = row.ratio
        versus = None if per_mb is None or not news_per_mb else per_mb / news_per_mb
        failures: list[str] = []
        if row.error:
            failures.append(row.error)
        if ratio is not None and ratio > MAX_RATIO and (row.large or 0) >= MIN_JUDGED_SECONDS:
            failures.append(f"ratio > {MAX_RATIO}")
        if versus is not None and versus > MAX_VS_NEWS:
            failures.append(f"> {MAX_VS_NEWS:g}x news")
        passed = not failures
        all_pass &= passed
        result = "PASS" if passed else "FAIL (" + "; ".join(failures) + ")"
        print(
            f"{row.name:<16} {_fmt(per_mb, '12.3f')} {_fmt(ratio, '10.2f')} "
            f"{_fmt(versus, '8.2f')} {_fmt(row.other_ratio, '10.2f')}  {result}"
        )
    return all_pass


def _size_label(size: int) -> str:
    return f"{size // MB}MB" if size >= MB else f"{size // 1024}KB"


def warm_up() -> None:
    """Compile the rules and load the language data before anything is timed: a
    once-per-process cost that would otherwise land on the first input (news)."""
    extract_timeline(news(16 * 1024), published=PUBLISHED)


def profile(name: str, size: int, top: int = 20) -> None:
    text = INPUTS[name](size)
    warm_up()
    profiler = cProfile.Profile()
    profiler.enable()
    extract_timeline(text, published=PUBLISHED)
    profiler.disable()
    print(f"cProfile of {name!r} at {_size_label(size)}, top {top} by cumulative time:")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="256 KB and 1 MB instead of 1 and 4 MB"
    )
    parser.add_argument("--runs", type=int, default=3, help="best of this many runs (default 3)")
    parser.add_argument(
        "--timeout", type=float, default=float(os.environ.get("STRESS_TIMEOUT", 300)),
        help="seconds allowed for the small size (scaled for the large one)",
    )
    parser.add_argument(
        "--only", nargs="+", choices=sorted(INPUTS), help="these inputs (news is always run)"
    )
    parser.add_argument("--profile", choices=sorted(INPUTS), help="cProfile one input and exit")
    parser.add_argument(
        "--clock", choices=("wall", "cpu"), default="wall",
        help="judge on time.perf_counter (default) or time.process_time, which other "
        "processes on a busy machine do not skew",
    )
    args = parser.parse_args(argv)
    small_size, large_size = (256 * 1024, MB) if args.quick else (MB, 4 * MB)
    if args.profile:
        profile(args.profile, small_size)
        return 0
    names = ["news", *[n for n in INPUTS if n != "news" and (not args.only or n in args.only)]]
    warm_up()
    rows: list[Row] = []
    for name in names:
        row = measure(name, small_size, large_size, args.runs, args.timeout, args.clock)
        rows.append(row)
        print(f"  {name}: {_fmt(row.small, '.2f')} s, {_fmt(row.large, '.2f')} s {row.error}",
              file=sys.stderr, flush=True)
    print(f"clock: {args.clock}; sizes {_size_label(small_size)} and {_size_label(large_size)}")
    print(f"package: {timeline.__file__} ({'compiled' if is_compiled() else 'pure Python'})")
    return 0 if report(rows, small_size, large_size, args.clock) else 1


if __name__ == "__main__":
    sys.exit(main())
