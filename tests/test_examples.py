"""Examples are the spec: the corpus in ``tests/corpus`` run as parametrized tests.

``examples.json`` holds one expected TIMEX3 value per entry and many short sentences
that must produce it, resolved against one fixed publication date (Duckling's
``Corpus.hs``, ctparse's ``corpus.py``).  ``negatives.json`` holds sentences that must
yield no expression at all.  Test ids read ``<entry id>[<sentence>]``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from timeline import TimeExpression, extract_timeline

CORPUS = Path(__file__).parent / "corpus"


@dataclass(frozen=True)
class Case:
    """One sentence of an example entry and what its expression must resolve to."""

    entry: str
    text: str
    expr: str
    published: str
    value: str
    type: str
    mod: str | None
    start: date | None
    end: date | None
    quant: str | None
    freq: str | None = None


@dataclass(frozen=True)
class Negative:
    id: str
    text: str
    published: str


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS / name).read_text(encoding="utf-8"))
    return data


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value is not None else None


def _cases() -> list[Case]:
    corpus = _load("examples.json")
    cases: list[Case] = []
    for entry in corpus["entries"]:
        for phrase in entry["phrases"]:
            cases.append(
                Case(
                    entry=entry["id"],
                    text=phrase["text"],
                    expr=phrase["expr"],
                    published=entry.get("published", corpus["published"]),
                    value=entry["value"],
                    type=entry["type"],
                    mod=entry.get("mod"),
                    start=_day(entry.get("start")),
                    end=_day(entry.get("end")),
                    quant=phrase.get("quant", entry.get("quant")),
                    freq=phrase.get("freq"),
                )
            )
    return cases


def _negatives() -> list[Negative]:
    corpus = _load("negatives.json")
    return [
        Negative(id=p["id"], text=p["text"], published=corpus["published"])
        for p in corpus["phrases"]
    ]


CASES = _cases()
NEGATIVES = _negatives()


def _describe(expressions: list[TimeExpression]) -> str:
    found = [
        f"{e.text!r} {e.type} {e.value} mod={e.mod} {e.start}..{e.end} ({e.rule}, {e.tense})"
        for e in expressions
    ]
    return "; ".join(found) or "nothing"


def test_corpus_is_large_and_well_formed() -> None:
    assert len(CASES) >= 200
    assert len(NEGATIVES) >= 50
    entries = _load("examples.json")["entries"]
    ids = [entry["id"] for entry in entries]
    assert len(ids) == len(set(ids)), "entry ids must be unique"
    assert len({n.id for n in NEGATIVES}) == len(NEGATIVES), "negative ids must be unique"
    for case in CASES:
        assert case.expr in case.text, f"{case.entry}: {case.expr!r} not in {case.text!r}"
        assert case.type in ("DATE", "TIME", "DURATION", "SET"), case.entry
        assert (case.start is None) == (case.end is None), case.entry


@pytest.mark.parametrize("case", CASES, ids=[f"{c.entry}[{c.text}]" for c in CASES])
def test_example(case: Case) -> None:
    timeline = extract_timeline(case.text, published=case.published)
    found = [e for e in timeline.expressions if e.text == case.expr]
    assert found, f"expected {case.expr!r}; found {_describe(timeline.expressions)}"
    expression = found[0]
    assert case.text[expression.span[0] : expression.span[1]] == case.expr
    got = (expression.value, expression.type, expression.mod)
    assert got == (case.value, case.type, case.mod), f"value, type, mod of {case.expr!r}"
    if case.start is not None:
        assert (expression.start, expression.end) == (case.start, case.end)
    if case.quant is not None:
        assert expression.quant == case.quant
    if case.freq is not None:
        assert expression.freq == case.freq


@pytest.mark.parametrize("negative", NEGATIVES, ids=[f"{n.id}[{n.text}]" for n in NEGATIVES])
def test_negative(negative: Negative) -> None:
    timeline = extract_timeline(negative.text, published=negative.published)
    assert timeline.expressions == [], f"expected nothing; found {_describe(timeline.expressions)}"
