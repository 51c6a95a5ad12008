"""Spans a named-entity tagger found and no rule read are normalized by dateparser."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline import extract_timeline
from timeline.api import resolve_expressions
from timeline.recognize import recognize
from timeline.text import analyze

CONLLU = Path(__file__).resolve().parents[1] / "fixtures" / "conllu"


def _with_entity(text: str, surface: str, label: str = "DATE") -> list[tuple[str, str, str]]:
    analysis = analyze(text)
    start = text.index(surface)
    analysis.entities = [(start, start + len(surface), label)]
    found = resolve_expressions(analysis, published=date(2021, 4, 2), domain="news")
    return [(e.text, e.value, e.rule) for e in found]


def test_an_entity_no_rule_reads_is_normalized_by_dateparser() -> None:
    found = _with_entity("They signed it on 30/Mar/2021 in Vienna.", "30/Mar/2021")
    assert found == [("30/Mar/2021", "2021-03-30", "ner")]


def test_a_rule_match_wins_over_an_overlapping_entity() -> None:
    found = _with_entity("They signed it on March 30, 2021 in Vienna.", "March 30, 2021 in")
    assert found == [("March 30, 2021", "2021-03-30", "month_day")]


def test_an_entity_that_is_not_a_date_adds_nothing() -> None:
    assert recognize("The Vienna accord.", extra_spans=[(4, 10, "DATE"), (0, 3, "GPE")]) == []
    assert _with_entity("The Vienna accord.", "Vienna") == []


def test_without_a_publication_date_a_relative_entity_stays_unresolved() -> None:
    analysis = analyze("They met a fortnight back.")
    analysis.entities = [(9, 25, "DATE")]
    found = resolve_expressions(analysis, published=None, domain="news")
    assert [e.value for e in found if e.rule == "ner"] in ([], ["XXXX-XX-XX"])


def test_a_stanza_document_with_an_ner_date() -> None:
    conll = pytest.importorskip("stanza.utils.conll")
    doc = conll.CoNLL.conll2doc(input_file=str(CONLLU / "ner_only_date.conllu"))
    tl = extract_timeline(doc, published="2021-04-02")
    assert [(e.text, e.value, e.rule) for e in tl.expressions] == [
        ("30/Mar/2021", "2021-03-30", "ner")
    ]
    (event,) = tl.events
    assert (event.trigger, event.start, event.relation) == ("signed", date(2021, 3, 30), "on")
