"""TempEval-3 Task A scoring of temporal expressions, and the ``timeline-eval`` command.

The figures are those of the official TempEval-3 entity scorer (Naushad UzZaman's
``TE3-evaluation.py`` / ``evaluation-entities/evaluate_entities.py``, SemEval-2013
Task 1; read in the copy kept in CogComp/cogcomp-nlp,
``temporal-normalizer/tools/evaluation-entities/evaluate_entities.py``), micro-averaged
over all documents:

- Gold and system TIMEX3s are aligned one-to-one; a pair *matches relaxed* when the
  spans overlap by at least one character and *strict* when the spans are identical.
  (The official tool lets TimeML-Normalizer give overlapping entities the same id, then
  calls two same-id entities a relaxed match and a strict one when their texts are equal.)
- Precision = matches / system count, recall = matches / gold count, F1 their harmonic
  mean; for strict and relaxed separately.
- ``type`` and ``value`` are compared (exact string equality) over relaxed matches only:
  accuracy = correct / relaxed matches; attribute precision = correct / system count,
  recall = correct / gold count, and attribute F1 = accuracy × relaxed F1 (the official
  "Attribute F1"), which equals 2·correct / (gold + system).
- As in the official tool, a precision or recall with an empty denominator is 0, and
  F1 is 1 when there is neither gold nor system annotation.

The one-to-one alignment first pairs identical spans, then the remaining overlapping
pairs by largest overlap (ties: earlier gold, then earlier system), so that one gold
expression covered by two system expressions counts once.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal, Protocol

from .errors import TimeMLError

__all__ = [
    "PRF",
    "Alignment",
    "AttributeScore",
    "Counts",
    "DocumentScores",
    "ErrorItem",
    "ErrorKind",
    "Scorable",
    "Scores",
    "TypeScores",
    "align",
    "find_errors",
    "format_errors",
    "format_scores",
    "main",
    "score_documents",
]

#: Gold types reported on their own, in this order; others follow alphabetically.
TYPE_ORDER: tuple[str, ...] = ("DATE", "TIME", "DURATION", "SET")

#: The corpus `timeline-eval` reads when no path is given, relative to the working directory.
DEFAULT_CORPUS = Path("../shared/corpora/tbaq-cleaned")

ErrorKind = Literal["miss", "false_alarm", "wrong_span", "wrong_type", "wrong_value"]

#: Kinds in the order the error listing prints them.
ERROR_KINDS: tuple[ErrorKind, ...] = (
    "miss",
    "false_alarm",
    "wrong_span",
    "wrong_type",
    "wrong_value",
)


class Scorable(Protocol):
    """What the scorer needs of an expression: `GoldTimex` and `TimeExpression` both fit."""

    @property
    def span(self) -> tuple[int, int]: ...

    @property
    def type(self) -> str: ...

    @property
    def value(self) -> str: ...


# --------------------------------------------------------------------------- alignment


@dataclass(frozen=True, slots=True)
class Alignment:
    """A one-to-one alignment of gold and system expressions (indices into each list)."""

    #: (gold index, system index, strict) for each relaxed match, in gold text order
    pairs: tuple[tuple[int, int, bool], ...]
    unmatched_gold: tuple[int, ...]
    unmatched_system: tuple[int, ...]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def align(gold: Sequence[Scorable], system: Sequence[Scorable]) -> Alignment:
    """Pair gold and system expressions one-to-one: identical spans first, then overlaps."""
    pairs: dict[int, tuple[int, bool]] = {}  # gold index -> (system index, strict)
    used: set[int] = set()
    by_span: dict[tuple[int, int], list[int]] = {}
    for j, sys_item in enumerate(system):
        if sys_item.span[1] > sys_item.span[0]:
            by_span.setdefault(sys_item.span, []).append(j)
    for i, gold_item in enumerate(gold):
        same = by_span.get(gold_item.span)
        if same:
            j = same.pop(0)
            pairs[i] = (j, True)
            used.add(j)
    for _, i, j in sorted(_overlap_candidates(gold, system, pairs, used)):
        if i not in pairs and j not in used:
            pairs[i] = (j, False)
            used.add(j)
    ordered = sorted(pairs, key=lambda i: (gold[i].span, i))
    return Alignment(
        pairs=tuple((i, pairs[i][0], pairs[i][1]) for i in ordered),
        unmatched_gold=tuple(i for i in range(len(gold)) if i not in pairs),
        unmatched_system=tuple(j for j in range(len(system)) if j not in used),
    )


def _overlap_candidates(
    gold: Sequence[Scorable],
    system: Sequence[Scorable],
    paired: dict[int, tuple[int, bool]],
    used: set[int],
) -> Iterator[tuple[tuple[int, int, int], int, int]]:
    """(sort key, gold index, system index) for each overlapping, still unpaired couple."""
    free_system = sorted((system[j].span, j) for j in range(len(system)) if j not in used)
    for i, gold_item in enumerate(gold):
        if i in paired:
            continue
        g_start, g_end = gold_item.span
        for (s_start, s_end), j in free_system:
            if s_start >= g_end:
                break  # sorted by start: nothing further can overlap this gold span
            size = _overlap((g_start, g_end), (s_start, s_end))
            if size > 0:
                yield (-size, g_start, s_start), i, j


# --------------------------------------------------------------------------- figures


@dataclass(frozen=True, slots=True)
class Counts:
    """The raw counts every TE3 figure is computed from; they add across documents."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_correct: int = 0
    value_correct: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            gold=self.gold + other.gold,
            system=self.system + other.system,
            strict=self.strict + other.strict,
            relaxed=self.relaxed + other.relaxed,
            type_correct=self.type_correct + other.type_correct,
            value_correct=self.value_correct + other.value_correct,
        )


def _ratio(numerator: int, denominator: int) -> float:
    # The official scorer reports 0 for an empty denominator.
    return numerator / denominator if denominator else 0.0


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 of matches against gold and system counts."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, matches: int, gold: int, system: int) -> PRF:
        """TE3's P = matches/system, R = matches/gold, F1 = 1 when both are empty."""
        precision = _ratio(matches, system)
        recall = _ratio(matches, gold)
        if gold == 0 and system == 0:
            return cls(precision, recall, 1.0)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision, recall, f1)


@dataclass(frozen=True, slots=True)
class AttributeScore:
    """An attribute over relaxed matches: accuracy, and TE3's attribute P/R/F1."""

    accuracy: float
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, correct: int, counts: Counts) -> AttributeScore:
        """Accuracy = correct/relaxed; P/R/F1 = accuracy × relaxed P/R/F1."""
        accuracy = _ratio(correct, counts.relaxed)
        relaxed = PRF.of(counts.relaxed, counts.gold, counts.system)
        if counts.gold == 0 and counts.system == 0:
            return cls(accuracy, relaxed.precision, relaxed.recall, 1.0)
        return cls(
            accuracy, accuracy * relaxed.precision, accuracy * relaxed.recall, accuracy * relaxed.f1
        )


@dataclass(frozen=True, slots=True)
class TypeScores:
    """Figures for the gold expressions of one type (system type is not considered)."""

    type: str
    gold: int
    strict: int
    relaxed: int
    value_correct: int

    @property
    def strict_recall(self) -> float:
        """Share of this type's gold expressions found with the exact span."""
        return _ratio(self.strict, self.gold)

    @property
    def relaxed_recall(self) -> float:
        """Share of this type's gold expressions overlapped by a system expression."""
        return _ratio(self.relaxed, self.gold)

    @property
    def value_accuracy(self) -> float:
        """Correct values among this type's relaxed matches (TE3's accuracy)."""
        return _ratio(self.value_correct, self.relaxed)

    @property
    def value_recall(self) -> float:
        """Correct values among all of this type's gold expressions."""
        return _ratio(self.value_correct, self.gold)


@dataclass(frozen=True, slots=True)
class DocumentScores:
    """One document's counts, for finding the documents that score worst."""

    doc_id: str
    counts: Counts

    @property
    def strict(self) -> PRF:
        """Strict span P/R/F1 of this document."""
        return PRF.of(self.counts.strict, self.counts.gold, self.counts.system)

    @property
    def relaxed(self) -> PRF:
        """Relaxed span P/R/F1 of this document."""
        return PRF.of(self.counts.relaxed, self.counts.gold, self.counts.system)

    @property
    def value(self) -> AttributeScore:
        """Value attribute scores of this document."""
        return AttributeScore.of(self.counts.value_correct, self.counts)


@dataclass(frozen=True, slots=True)
class Scores:
    """TempEval-3 Task A figures over a set of documents (micro-averaged)."""

    counts: Counts
    strict: PRF
    relaxed: PRF
    type: AttributeScore
    value: AttributeScore
    #: by gold type: DATE, TIME, DURATION, SET first
    per_type: tuple[TypeScores, ...]
    documents: tuple[DocumentScores, ...] = field(default_factory=tuple)

    @property
    def document_count(self) -> int:
        """How many documents were scored."""
        return len(self.documents)

    def worst(self, n: int) -> tuple[DocumentScores, ...]:
        """The ``n`` documents with the lowest value F1 (ties: most gold first)."""
        ranked = sorted(self.documents, key=lambda d: (d.value.f1, -d.counts.gold, d.doc_id))
        return tuple(ranked[: max(n, 0)])

    def to_dict(self) -> dict[str, Any]:
        """Every figure as plain JSON-ready data."""
        return {
            "documents": self.document_count,
            "counts": asdict(self.counts),
            "strict": asdict(self.strict),
            "relaxed": asdict(self.relaxed),
            "type": asdict(self.type),
            "value": asdict(self.value),
            "per_type": [_type_dict(t) for t in self.per_type],
            "per_document": [_document_dict(d) for d in self.documents],
        }


def _type_dict(t: TypeScores) -> dict[str, Any]:
    return asdict(t) | {
        "strict_recall": t.strict_recall,
        "relaxed_recall": t.relaxed_recall,
        "value_accuracy": t.value_accuracy,
        "value_recall": t.value_recall,
    }


def _document_dict(d: DocumentScores) -> dict[str, Any]:
    return {
        "doc_id": d.doc_id,
        "counts": asdict(d.counts),
        "strict_f1": d.strict.f1,
        "relaxed_f1": d.relaxed.f1,
        "value_f1": d.value.f1,
    }


def _document_counts(
    gold: Sequence[Scorable], system: Sequence[Scorable], alignment: Alignment
) -> Counts:
    return Counts(
        gold=len(gold),
        system=len(system),
        strict=sum(1 for _, _, strict in alignment.pairs if strict),
        relaxed=len(alignment.pairs),
        type_correct=sum(1 for i, j, _ in alignment.pairs if gold[i].type == system[j].type),
        value_correct=sum(1 for i, j, _ in alignment.pairs if gold[i].value == system[j].value),
    )


def _type_tallies(
    gold: Sequence[Scorable], system: Sequence[Scorable], alignment: Alignment
) -> dict[str, list[int]]:
    """Per gold type: [gold, strict, relaxed, value correct]."""
    tallies: dict[str, list[int]] = {}
    for item in gold:
        tallies.setdefault(item.type, [0, 0, 0, 0])[0] += 1
    for i, j, strict in alignment.pairs:
        row = tallies[gold[i].type]
        row[1] += int(strict)
        row[2] += 1
        row[3] += int(gold[i].value == system[j].value)
    return tallies


def _type_key(name: str) -> tuple[int, str]:
    return (TYPE_ORDER.index(name) if name in TYPE_ORDER else len(TYPE_ORDER), name)


def score_documents(
    pairs: Iterable[tuple[Sequence[Scorable], Sequence[Scorable]]],
    *,
    doc_ids: Sequence[str] | None = None,
) -> Scores:
    """Score (gold, system) expression lists, one pair per document, the TempEval-3 way.

    ``doc_ids`` names the documents in the per-document figures (default ``doc1``...).
    """
    total = Counts()
    tallies: dict[str, list[int]] = {}
    documents: list[DocumentScores] = []
    for index, (gold, system) in enumerate(pairs):
        alignment = align(gold, system)
        counts = _document_counts(gold, system, alignment)
        total = total + counts
        for name, row in _type_tallies(gold, system, alignment).items():
            acc = tallies.setdefault(name, [0, 0, 0, 0])
            for k, number in enumerate(row):
                acc[k] += number
        doc_id = doc_ids[index] if doc_ids is not None else f"doc{index + 1}"
        documents.append(DocumentScores(doc_id, counts))
    per_type = tuple(TypeScores(name, *tallies[name]) for name in sorted(tallies, key=_type_key))
    return Scores(
        counts=total,
        strict=PRF.of(total.strict, total.gold, total.system),
        relaxed=PRF.of(total.relaxed, total.gold, total.system),
        type=AttributeScore.of(total.type_correct, total),
        value=AttributeScore.of(total.value_correct, total),
        per_type=per_type,
        documents=tuple(documents),
    )


# --------------------------------------------------------------------------- errors


@dataclass(frozen=True, slots=True)
class ErrorItem:
    """One disagreement between gold and system, with the text around it.

    ``context`` shows up to ``width`` characters either side, newlines as spaces, the
    gold span in ``[...]`` (or, for a false alarm, the system span in ``{...}``).
    """

    kind: ErrorKind
    doc_id: str
    context: str
    gold_text: str | None = None
    gold_span: tuple[int, int] | None = None
    gold_type: str | None = None
    gold_value: str | None = None
    system_text: str | None = None
    system_span: tuple[int, int] | None = None
    system_type: str | None = None
    system_value: str | None = None

    def describe(self) -> str:
        """A one-line summary: what was expected, what was produced, and where."""
        gold = (
            f"gold {self.gold_text!r} {self.gold_type} {self.gold_value}" if self.gold_span else ""
        )
        system = (
            f"system {self.system_text!r} {self.system_type} {self.system_value}"
            if self.system_span
            else ""
        )
        parts = [p for p in (gold, system) if p]
        return f"{self.doc_id}: {' | '.join(parts)}\n    …{self.context}…"


def _context(text: str, span: tuple[int, int], width: int, marks: tuple[str, str]) -> str:
    start, end = span
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    snippet = f"{left}{marks[0]}{text[start:end]}{marks[1]}{right}"
    return " ".join(snippet.split())


def find_errors(
    gold: Sequence[Scorable],
    system: Sequence[Scorable],
    text: str,
    *,
    doc_id: str = "",
    width: int = 60,
) -> list[ErrorItem]:
    """List the disagreements in one document, under the same alignment as the scores.

    Misses are gold expressions with no relaxed match; false alarms, system expressions
    with none; wrong spans, relaxed but not strict matches; wrong types and values,
    relaxed matches whose attribute differs.  One pair can be wrong in several ways.
    """
    alignment = align(gold, system)
    errors = [
        _gold_error("miss", gold[i], None, text, doc_id, width) for i in alignment.unmatched_gold
    ]
    for j in alignment.unmatched_system:
        item = system[j]
        errors.append(
            ErrorItem(
                kind="false_alarm",
                doc_id=doc_id,
                context=_context(text, item.span, width, ("{", "}")),
                **_side("system", item, text),
            )
        )
    for i, j, strict in alignment.pairs:
        g, s = gold[i], system[j]
        if not strict:
            errors.append(_gold_error("wrong_span", g, s, text, doc_id, width))
        if g.type != s.type:
            errors.append(_gold_error("wrong_type", g, s, text, doc_id, width))
        if g.value != s.value:
            errors.append(_gold_error("wrong_value", g, s, text, doc_id, width))
    errors.sort(key=lambda e: (ERROR_KINDS.index(e.kind), (e.gold_span or e.system_span or (0, 0))))
    return errors


def _side(prefix: str, item: Scorable, text: str) -> dict[str, Any]:
    start, end = item.span
    return {
        f"{prefix}_text": text[start:end],
        f"{prefix}_span": item.span,
        f"{prefix}_type": item.type,
        f"{prefix}_value": item.value,
    }


def _gold_error(
    kind: ErrorKind,
    gold: Scorable,
    system: Scorable | None,
    text: str,
    doc_id: str,
    width: int,
) -> ErrorItem:
    sides = _side("gold", gold, text)
    if system is not None:
        sides |= _side("system", system, text)
    context = _context(text, gold.span, width, ("[", "]"))
    return ErrorItem(kind=kind, doc_id=doc_id, context=context, **sides)


# --------------------------------------------------------------------------- command


class _UsageError(Exception):
    """A problem with the command line or the environment, reported without a traceback."""


class _HasExpressions(Protocol):
    @property
    def expressions(self) -> Sequence[Scorable]: ...


def _extractor() -> Callable[..., _HasExpressions]:
    """``timeline.extract_timeline``, imported only when the command runs."""
    # Imported by name at run time so this module (and its tests) load on their own.
    module = importlib.import_module("timeline")
    extract: Callable[..., _HasExpressions] | None = getattr(module, "extract_timeline", None)
    if extract is None:
        raise _UsageError("timeline.extract_timeline is not available in this installation")
    return extract


def _tml_files(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*.tml") if p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            raise _UsageError(f"{path} is neither a .tml file nor a folder")
    return files


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline-eval",
        description="Score timeline's temporal expressions against TimeML gold "
        "(TempEval-3 Task A: strict/relaxed span P/R/F1, type and value attribute F1).",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="DIR_OR_FILE",
        help=f".tml files or folders searched recursively (default: {DEFAULT_CORPUS})",
    )
    parser.add_argument("--errors", action="store_true", help="list every error, by kind")
    parser.add_argument(
        "--worst", type=int, default=10, metavar="N", help="show the N worst documents (10)"
    )
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write all figures as JSON")
    parser.add_argument("--limit", type=int, metavar="N", help="score only the first N files")
    return parser


def _default_paths() -> list[Path]:
    if DEFAULT_CORPUS.is_dir():
        return [DEFAULT_CORPUS]
    raise _UsageError(
        f"no path given and the default corpus {DEFAULT_CORPUS} does not "
        f"exist under {Path.cwd()}; pass TimeML files or folders"
    )


@dataclass(frozen=True, slots=True)
class _Run:
    scores: Scores
    errors: list[ErrorItem]


def _evaluate(files: Sequence[Path]) -> _Run:
    from .timeml import read_timeml

    extract = _extractor()
    pairs: list[tuple[Sequence[Scorable], Sequence[Scorable]]] = []
    ids: list[str] = []
    errors: list[ErrorItem] = []
    for path in files:
        doc = read_timeml(path)
        try:
            system = list(extract(doc.text, published=doc.dct).expressions)
        except Exception as exc:
            exc.add_note(f"timeline-eval: while extracting from {path}")
            raise
        doc_id = doc.doc_id or path.stem
        pairs.append((doc.timexes, system))
        ids.append(doc_id)
        errors.extend(find_errors(doc.timexes, system, doc.text, doc_id=doc_id))
    return _Run(score_documents(pairs, doc_ids=ids), errors)


def _pct(x: float) -> str:
    return f"{100 * x:6.2f}"


def format_scores(scores: Scores, *, worst: int = 10) -> str:
    """The summary table `timeline-eval` prints (figures in percent)."""
    c = scores.counts
    lines = [
        f"documents {scores.document_count}   gold {c.gold}   system {c.system}",
        f"{'':14} {'P':>6} {'R':>6} {'F1':>6}",
    ]
    for name, prf in (
        ("strict span", scores.strict),
        ("relaxed span", scores.relaxed),
        ("type", scores.type),
        ("value", scores.value),
    ):
        lines.append(f"{name:14} {_pct(prf.precision)} {_pct(prf.recall)} {_pct(prf.f1)}")
    lines.append(
        f"accuracy over {c.relaxed} relaxed matches: type {_pct(scores.type.accuracy).strip()}"
        f"  value {_pct(scores.value.accuracy).strip()}"
    )
    lines += ["", f"{'gold type':14} {'count':>6} {'rel R':>6} {'str R':>6} {'val acc':>7}"]
    for t in scores.per_type:
        lines.append(
            f"{t.type:14} {t.gold:6d} {_pct(t.relaxed_recall)} {_pct(t.strict_recall)}"
            f" {_pct(t.value_accuracy):>7}"
        )
    if worst > 0 and scores.documents:
        lines += [
            "",
            f"worst {worst} documents by value F1",
            f"{'value F1':>8} {'rel F1':>6} gold  sys  document",
        ]
        for d in scores.worst(worst):
            counts = f"{d.counts.gold:4d} {d.counts.system:4d}"
            lines.append(f"{_pct(d.value.f1):>8} {_pct(d.relaxed.f1)} {counts}  {d.doc_id}")
    return "\n".join(lines)


def format_errors(errors: Sequence[ErrorItem]) -> str:
    """The error listing, grouped by kind, each with its context."""
    lines: list[str] = []
    for kind in ERROR_KINDS:
        group = [e for e in errors if e.kind == kind]
        if not group:
            continue
        lines += ["", f"== {kind.replace('_', ' ')} ({len(group)})"]
        lines.extend(e.describe() for e in group)
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """``timeline-eval DIR_OR_FILE... [--errors] [--worst N] [--json OUT] [--limit N]``."""
    args = _parser().parse_args(argv)
    try:
        files = _tml_files(args.paths or _default_paths())
        if args.limit is not None:
            files = files[: max(args.limit, 0)]
        if not files:
            raise _UsageError("no .tml files found")
        run = _evaluate(files)
    except _UsageError as exc:
        print(f"timeline-eval: {exc}", file=sys.stderr)
        return 2
    except TimeMLError as exc:
        # A gold file that cannot be read: say which, without a traceback.
        print(f"timeline-eval: {exc}", file=sys.stderr)
        return 1
    print(format_scores(run.scores, worst=args.worst))
    if args.errors:
        print(format_errors(run.errors))
    if args.json is not None:
        payload = run.scores.to_dict() | {"errors": [_error_dict(e) for e in run.errors]}
        args.json.write_text(
            json.dumps(payload, indent=2, default=_json_default) + "\n", encoding="utf-8"
        )
    return 0


def _error_dict(error: ErrorItem) -> dict[str, Any]:
    return asdict(error)


def _json_default(obj: object) -> str:
    if isinstance(obj, date):
        return obj.isoformat()
    raise TypeError(f"cannot write {type(obj).__name__} as JSON")


if __name__ == "__main__":
    raise SystemExit(main())
