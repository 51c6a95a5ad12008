"""The command line: ``timeline FILE... --published DATE [--csv OUT] [--png OUT]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .api import extract_timeline
from .errors import TimelineError

__all__ = ["main"]

_DESCRIPTION = """\
Find the dates in news or narrative text and print the events they date, in time order.

Relative dates ("in December", "last year") are resolved against --published, the
article's publication date. Without it they stay unresolved (XXXX-12), unless the text
itself names the year (narratives: "In 1939 ... In September ...").
"""

_EPILOG = """\
examples:
  timeline article.txt --published 2021-03-30
  timeline article.txt --published 2021-03-30 --csv out/article.csv --png out/article.png
  cat article.txt | timeline - --published 2021-03-30

exit codes: 0 success, 1 a file could not be read or processed, 2 bad arguments
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="text file(s) to read; '-' reads standard input")
    parser.add_argument("--published", metavar="DATE", help="publication date, YYYY-MM-DD")
    parser.add_argument("--csv", metavar="OUT", help="write the events as a spreadsheet-safe CSV file")
    parser.add_argument("--png", metavar="OUT", help="write the timeline picture (PNG; .svg/.pdf also work)")
    parser.add_argument("--title", help="title for the picture")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        text = "\n\n".join(_read(path) for path in args.files)
        timeline = extract_timeline(text, published=args.published, title=args.title)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"timeline: cannot read input: {exc}", file=sys.stderr)
        return 1
    except (TimelineError, ValueError, TypeError) as exc:
        print(f"timeline: {exc}", file=sys.stderr)
        return 2
    _print_events(timeline)
    if args.csv:
        timeline.to_csv(args.csv)
        print(f"wrote {args.csv}", file=sys.stderr)
    if args.png:
        timeline.plot(args.png)
        print(f"wrote {args.png}", file=sys.stderr)
    return 0


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def _print_events(timeline: object) -> None:
    from .timeline import Timeline

    assert isinstance(timeline, Timeline)
    if not timeline.events:
        print("no dated events found")
        return
    for row in timeline.rows():
        start = row["start"].isoformat() if row["start"] else "…"
        end = row["end"].isoformat() if row["end"] else "…"
        print(f"{row['order']:>3}  {start} – {end}  {row['relation']:<8} {row['expression'] or '':<16} {row['event']}")
