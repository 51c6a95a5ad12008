"""The command line: ``timeline FILE... --published DATE [--csv OUT] [--png OUT] ...``.

``main(argv)`` returns the exit code instead of exiting, so it can be called from tests
and scripts; ``python -m timeline`` and the ``timeline`` console script exit with it.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from .errors import InvalidDateError, MissingDependencyError, TimelineError
from .published import coerce_published
from .timeline import Timeline

__all__ = ["EXIT_FAILURE", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

#: Exit codes, also listed in ``--help``.
EXIT_OK = 0
EXIT_FAILURE = 1  # an input could not be read or processed, an output not written
EXIT_USAGE = 2  # the command line itself is wrong (argparse uses 2 too)

FORMATS = ("csv", "json", "timeml", "timelinejs")
_SUFFIX_FORMATS = {
    ".csv": "csv",
    ".json": "json",
    ".tml": "timeml",
    ".xml": "timeml",
    ".timeml": "timeml",
}
_DATED_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")

_DESCRIPTION = """\
Find the dates in news or narrative text and list the events they date, in time order.

Relative dates ("in December", "last year") are resolved against --published, the
article's publication date. Without it they stay unresolved (XXXX-12), unless the text
itself names the year (narratives: "In 1939 ... In September ...").

Inputs: each FILE is one document. '-' reads standard input; a directory means every
*.txt file in it; a .csv file holds one article per row (see --text-column). A file
whose name starts with a date (2021-03-30-cartels.txt) is dated by its name; --published
dates the others.
"""

_EPILOG = """\
examples:
  timeline article.txt --published 2021-03-30
  timeline article.txt --published 2021-03-30 --csv out/article.csv --png out/article.png
  cat article.txt | timeline - --published 2021-03-30 --format json
  timeline article.txt --published 2021-03-30 --format timelinejs --output story.json
  timeline articles/ --published 2021-03-30 --csv out/all.csv
  timeline articles.csv --text-column body --published-column date --id-column url
  python -m timeline download-models      (English models for --backend stanza)

exit codes:
  0  success
  1  an input could not be read or processed, or an output could not be written
  2  the command line is wrong (unknown option, impossible --published date, ...)
"""


class _CliError(Exception):
    """A message for the user and the exit code that goes with it."""

    def __init__(self, message: str, code: int = EXIT_FAILURE) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class _Document:
    doc_id: str
    text: str
    published: date | None


# --------------------------------------------------------------------------- parser


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error raises instead of exiting, so `main` returns 2."""

    def error(self, message: str) -> NoReturn:
        raise _CliError(
            f"{message}\n(run 'timeline --help' for the options and examples)", EXIT_USAGE
        )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``timeline`` (exposed for documentation tools)."""
    parser = _Parser(
        prog="timeline",
        usage="%(prog)s FILE... [--published DATE] [options]\n       %(prog)s download-models",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="text file, directory of .txt files, CSV of articles, or '-'",
    )
    parser.add_argument("--published", metavar="DATE", help="publication date, YYYY-MM-DD")
    parser.add_argument("--title", help="title of the picture and the TimelineJS title slide")
    outputs = parser.add_argument_group("outputs (without any, a table is printed)")
    outputs.add_argument(
        "--csv", metavar="OUT", help="write the events as a spreadsheet-safe CSV file"
    )
    outputs.add_argument("--png", metavar="OUT", help="write the timeline picture as PNG")
    outputs.add_argument("--svg", metavar="OUT", help="write the timeline picture as SVG")
    outputs.add_argument(
        "--format",
        choices=FORMATS,
        help="write the events in this format to --output (default: standard output)",
    )
    outputs.add_argument(
        "--output",
        metavar="OUT",
        help="file for --format; without --format its suffix (.csv .json .tml) picks one",
    )
    outputs.add_argument(
        "-q", "--quiet", action="store_true", help="no table, no 'wrote ...' notes, no progress bar"
    )
    articles = parser.add_argument_group("CSV of articles")
    articles.add_argument(
        "--text-column", default="text", metavar="NAME", help="column with the text (default: text)"
    )
    articles.add_argument(
        "--published-column",
        metavar="NAME",
        help="column with each article's date (default: 'published' if present)",
    )
    articles.add_argument(
        "--id-column", metavar="NAME", help="column naming each article (default: 'id' if present)"
    )
    processing = parser.add_argument_group("processing")
    processing.add_argument(
        "--backend",
        choices=("builtin", "stanza", "auto"),
        default="builtin",
        help="sentence/tense analysis: builtin (default), stanza (needs download-models), auto",
    )
    parser.add_argument("--version", action="version", version=f"timeline {_version()}")
    processing.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="processes for several documents (default 1)",
    )
    return parser


def _version() -> str:
    from . import __version__

    return __version__


# --------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list[:1] == ["download-models"]:
            return _download_models(args_list[1:])
        return _run(args_list)
    except _CliError as failure:
        print(f"timeline: {failure}", file=sys.stderr)
        return failure.code
    except BrokenPipeError:
        # The reader (`| head`) went away: stop quietly, as Python's docs advise.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILURE


def _run(argv: list[str]) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as done:  # --help and --version end here, with code 0
        return done.code if isinstance(done.code, int) else EXIT_OK
    published = _published_option(args.published)
    output_format = _output_format(args.format, args.output)
    if args.jobs < 1:
        raise _CliError(f"--jobs {args.jobs}: give 1 or more processes", EXIT_USAGE)
    documents = _collect(args, published)
    if output_format == "timeml" and len(documents) > 1:
        raise _CliError(
            f"TimeML holds one document and {len(documents)} were given; "
            "run timeline once per file for TimeML",
            EXIT_USAGE,
        )
    timeline = _extract(documents, args)
    _write_outputs(timeline, args, output_format)
    # Outputs hold what worked; the code tells a script that some documents did not.
    return _report_failures(timeline)


def _published_option(value: str | None) -> date | None:
    try:
        return coerce_published(value, argument="--published")
    except InvalidDateError as exc:
        raise _CliError(str(exc), EXIT_USAGE) from None


def _output_format(chosen: str | None, output: str | None) -> str | None:
    if chosen is not None or output is None or output == "-":
        return chosen
    inferred = _SUFFIX_FORMATS.get(Path(output).suffix.lower())
    if inferred is None:
        raise _CliError(
            f"--output {output}: cannot tell the format from the suffix; add --format "
            f"({', '.join(FORMATS)})",
            EXIT_USAGE,
        )
    return inferred


# --------------------------------------------------------------------------- inputs


def _collect(args: argparse.Namespace, published: date | None) -> list[_Document]:
    documents: list[_Document] = []
    stdin_used = False
    for name in args.files:
        if name == "-":
            if stdin_used:
                raise _CliError("'-' (standard input) can be given only once", EXIT_USAGE)
            stdin_used = True
            documents.append(_Document("stdin", sys.stdin.read(), published))
            continue
        path = Path(name)
        if path.is_dir():
            documents.extend(_directory(path, published))
        elif path.suffix.lower() == ".csv":
            documents.extend(_articles_csv(path, args, published))
        else:
            documents.append(_text_file(path, published))
    return documents


def _directory(folder: Path, published: date | None) -> list[_Document]:
    files = sorted(p for p in folder.glob("*.txt") if p.is_file())
    if not files:
        raise _CliError(
            f"{folder}: no .txt files in this directory; give the files or a CSV of articles"
        )
    return [_text_file(p, published) for p in files]


def _text_file(path: Path, published: date | None) -> _Document:
    return _Document(path.name, _read_text(path), _date_from_name(path) or published)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise _CliError(
            f"{path}: no such file; check the path, or give '-' to read standard input"
        ) from None
    except UnicodeDecodeError as exc:
        raise _CliError(
            f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); convert it first, "
            f"e.g. iconv -f latin1 -t utf-8 {path} > fixed.txt"
        ) from None
    except OSError as exc:
        raise _CliError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _date_from_name(path: Path) -> date | None:
    """The date a file name starts with ("2021-03-30-cartels.txt"), if it is a real date."""
    match = _DATED_NAME.match(path.name)
    if match is None:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None


def _articles_csv(path: Path, args: argparse.Namespace, published: date | None) -> list[_Document]:
    # News articles are longer than the csv module's default 128 KiB field limit.
    csv.field_size_limit(2**31 - 1)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = list(reader.fieldnames or [])
            text_col, date_col, id_col = _article_columns(path, columns, args)
            return [
                _article(path, row, number, (text_col, date_col, id_col), published)
                for number, row in enumerate(reader, start=2)  # row 1 is the header
            ]
    except FileNotFoundError:
        raise _CliError(f"{path}: no such file; check the path") from None
    except UnicodeDecodeError as exc:
        raise _CliError(f"{path}: not UTF-8 text ({exc.reason}); save the CSV as UTF-8") from None
    except csv.Error as exc:
        raise _CliError(f"{path}: not a readable CSV file ({exc})") from None


def _article_columns(
    path: Path, columns: list[str], args: argparse.Namespace
) -> tuple[str, str | None, str | None]:
    def check(option: str, name: str) -> str:
        if name not in columns:
            raise _CliError(
                f"{path}: no column {name!r} for {option}; the columns are "
                f"{', '.join(map(repr, columns)) or '(none: empty file)'}"
            )
        return name

    text_col = check("--text-column", args.text_column)
    date_col = args.published_column or ("published" if "published" in columns else None)
    id_col = args.id_column or ("id" if "id" in columns else None)
    return (
        text_col,
        check("--published-column", date_col) if date_col else None,
        check("--id-column", id_col) if id_col else None,
    )


def _article(
    path: Path,
    row: dict[str, str | None],
    number: int,
    columns: tuple[str, str | None, str | None],
    published: date | None,
) -> _Document:
    text_col, date_col, id_col = columns
    raw_date = (row.get(date_col) or "").strip() if date_col else ""
    try:
        day = (
            coerce_published(raw_date, argument=f"row {number}, column {date_col!r}")
            if raw_date
            else None
        )
    except InvalidDateError as exc:
        raise _CliError(f"{path}: {exc}") from None
    doc_id = (row.get(id_col) or "").strip() if id_col else ""
    return _Document(doc_id or f"{path.name}:{number}", row.get(text_col) or "", day or published)


# --------------------------------------------------------------------------- extraction


def _extract(documents: list[_Document], args: argparse.Namespace) -> Timeline:
    from .api import extract_timeline

    try:
        if len(documents) == 1:
            doc = documents[0]
            return extract_timeline(
                doc.text, published=doc.published, title=args.title, backend=args.backend
            )
        return _extract_many(documents, args)
    except TimelineError as exc:
        raise _CliError(str(exc)) from None


def _extract_many(documents: list[_Document], args: argparse.Namespace) -> Timeline:
    extract_timelines = _corpus_function()
    timeline = extract_timelines(
        [(d.doc_id, d.text, d.published) for d in documents],
        n_jobs=args.jobs,
        progress=False if args.quiet else None,  # None: a bar when stderr is a terminal
        backend=args.backend,
    )
    if not isinstance(timeline, Timeline):
        raise _CliError(f"extract_timelines returned {type(timeline).__name__}, not a Timeline")
    return timeline if args.title is None else _retitled(timeline, args.title)


def _report_failures(timeline: Timeline) -> int:
    """Name each document the corpus run could not process; 1 if there was any."""
    failures: tuple[tuple[str, str], ...] = getattr(timeline, "failures", ())
    for doc_id, reason in failures:
        print(f"timeline: {doc_id}: skipped ({reason})", file=sys.stderr)
    return EXIT_FAILURE if failures else EXIT_OK


def _corpus_function() -> Callable[..., Any]:
    # Imported by name: several documents need the corpus module, one document does not.
    try:
        module = importlib.import_module("timeline.corpus")
        function: Callable[..., Any] = module.extract_timelines
    except (ImportError, AttributeError):
        raise _CliError(
            "several documents need timeline.corpus.extract_timelines, which this "
            "installation lacks; upgrade timeline, or run one file at a time"
        ) from None
    return function


def _retitled(timeline: Timeline, title: str) -> Timeline:
    from dataclasses import replace

    return replace(timeline, title=title)


# --------------------------------------------------------------------------- outputs


def _write_outputs(timeline: Timeline, args: argparse.Namespace, output_format: str | None) -> None:
    to_stdout = output_format is not None and args.output in (None, "-")
    if not to_stdout and not args.quiet:  # stdout is the table's unless a format takes it
        _print_table(timeline)
    if output_format is not None:
        _write(args.output if not to_stdout else None, _render(timeline, output_format), args.quiet)
    if args.csv:
        _write_file(args.csv, lambda p: timeline.to_csv(p), args.quiet)
    for suffix, target in ((".png", args.png), (".svg", args.svg)):
        if target:
            # matplotlib picks the format from the suffix: supply it when it is missing.
            path = Path(target) if Path(target).suffix else Path(target + suffix)
            _write_picture(timeline, path, args.quiet)


def _render(timeline: Timeline, output_format: str) -> str:
    if output_format == "csv":
        return timeline.to_csv() or ""
    if output_format == "json":
        return timeline.to_json() or ""
    if output_format == "timelinejs":
        return json.dumps(timeline.to_timelinejs(), ensure_ascii=False, indent=2) + "\n"
    try:
        return timeline.to_timeml()
    except TimelineError as exc:
        raise _CliError(f"cannot write TimeML: {exc}") from None


def _write(path: str | None, text: str, quiet: bool) -> None:
    if path is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return

    def save(target: Path) -> None:
        target.write_text(text, encoding="utf-8", newline="")

    _write_file(path, save, quiet)


def _write_picture(timeline: Timeline, path: Path, quiet: bool) -> None:
    def draw(target: Path) -> None:
        import matplotlib.pyplot as plt

        figure = timeline.plot(target)
        plt.close(figure)  # many documents in one process: free each figure

    _write_file(str(path), draw, quiet)


def _write_file(path: str, writer: Callable[[Path], object], quiet: bool) -> None:
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        writer(target)
    except TimelineError as exc:  # e.g. matplotlib missing: the message says what to install
        raise _CliError(str(exc)) from None
    except OSError as exc:
        raise _CliError(
            f"{path}: cannot write ({exc.strerror or exc}); check the folder and its permissions"
        ) from None
    if not quiet:
        print(f"wrote {path}", file=sys.stderr)


def _print_table(timeline: Timeline) -> None:
    rows = timeline.rows()
    if not rows:
        print("no dated events found")
        return
    several = len({row["doc_id"] for row in rows}) > 1
    for row in rows:
        start = row["start"].isoformat() if row["start"] else "…"
        end = row["end"].isoformat() if row["end"] else "…"
        source = f"{row['doc_id'] or '':<20.20} " if several else ""
        print(
            f"{row['order']:>3}  {source}{start} – {end}  {row['relation']:<8} "
            f"{row['expression'] or '':<16} {row['event']}"
        )


# --------------------------------------------------------------------------- download-models


def _download_models(argv: list[str]) -> int:
    if argv and argv[0] in ("-h", "--help"):
        print(
            "usage: timeline download-models\n\n"
            "Download stanza's English models, which --backend stanza needs (once per machine).\n"
            "Needs the stanza extra: pip install 'timeline[stanza]'."
        )
        return EXIT_OK
    if argv:
        raise _CliError(f"download-models takes no arguments, got {' '.join(argv)}", EXIT_USAGE)
    try:
        module = importlib.import_module("timeline.nlp.stanza")
        download: Callable[[], object] = module.download_models
    except MissingDependencyError as exc:  # its message names the extra to install
        raise _CliError(str(exc)) from None
    except (ImportError, AttributeError):
        raise _CliError(
            "this installation of timeline has no stanza support (timeline.nlp.stanza); "
            "upgrade timeline and install the extra: pip install 'timeline[stanza]'"
        ) from None
    try:
        download()
    except (TimelineError, OSError) as exc:
        raise _CliError(
            f"could not download the stanza models: {exc}; check the network and retry"
        ) from None
    print("stanza English models are ready", file=sys.stderr)
    return EXIT_OK
