"""TempEval-3 Task A scoring and the timeline-eval command."""

from __future__ import annotations

import json
import sys
import types
from dataclasses import replace
from pathlib import Path

import pytest

from timeline.evaluate import (
    ErrorItem,
    Scores,
    align,
    find_errors,
    format_errors,
    format_scores,
    main,
    score_documents,
)
from timeline.timeml import GoldTimex, TimeMLDocument, read_timeml

FIXTURES = Path(__file__).parents[1] / "fixtures" / "timeml"


def _docs() -> list[TimeMLDocument]:
    return [read_timeml(FIXTURES / "entities.tml"), read_timeml(FIXTURES / "nested.tml")]


def _gold(start: int, end: int, value: str = "2021", type_: str = "DATE") -> GoldTimex:
    return GoldTimex(tid="t", text="x" * (end - start), span=(start, end), type=type_, value=value)


def _all_figures(scores: Scores) -> list[float]:
    return [
        scores.strict.precision,
        scores.strict.recall,
        scores.strict.f1,
        scores.relaxed.precision,
        scores.relaxed.recall,
        scores.relaxed.f1,
        scores.type.accuracy,
        scores.type.f1,
        scores.value.accuracy,
        scores.value.precision,
        scores.value.recall,
        scores.value.f1,
    ]


def test_gold_against_itself_is_perfect() -> None:
    docs = _docs()
    scores = score_documents((d.timexes, d.timexes) for d in docs)
    assert _all_figures(scores) == [1.0] * 12
    assert scores.counts.gold == scores.counts.system == 8
    assert scores.document_count == 2
    assert {t.type: t.gold for t in scores.per_type} == {
        "DATE": 5,
        "TIME": 1,
        "DURATION": 1,
        "SET": 1,
    }
    assert [t.type for t in scores.per_type] == ["DATE", "TIME", "DURATION", "SET"]


def test_blank_values_give_value_f1_zero_and_keep_span_f1() -> None:
    docs = _docs()
    blank = [tuple(replace(t, value="") for t in d.timexes) for d in docs]
    scores = score_documents((d.timexes, b) for d, b in zip(docs, blank, strict=True))
    assert scores.value.f1 == 0.0
    assert scores.value.accuracy == 0.0
    assert scores.strict.f1 == 1.0
    assert scores.relaxed.f1 == 1.0
    assert scores.type.f1 == 1.0


def test_shifted_span_is_relaxed_but_not_strict() -> None:
    gold = [_gold(10, 20)]
    system = [_gold(12, 22)]
    scores = score_documents([(gold, system)])
    assert scores.relaxed.f1 == 1.0
    assert scores.strict.f1 == 0.0
    assert scores.value.f1 == 1.0  # attributes are scored over relaxed matches
    assert align(gold, system).pairs == ((0, 0, False),)


def test_touching_spans_do_not_overlap() -> None:
    scores = score_documents([([_gold(0, 5)], [_gold(5, 9)])])
    assert scores.relaxed.f1 == 0.0


def test_one_to_one_matching() -> None:
    gold = [_gold(0, 20)]
    system = [_gold(0, 8), _gold(10, 20)]
    scores = score_documents([(gold, system)])
    assert scores.counts.relaxed == 1
    assert scores.relaxed.precision == 0.5
    assert scores.relaxed.recall == 1.0
    assert scores.relaxed.f1 == pytest.approx(2 / 3)


def test_strict_match_wins_over_an_earlier_overlap() -> None:
    # "March 30" (gold 0) must not take the system "March 30, 2021" that is exactly gold 1.
    gold = [_gold(0, 8), _gold(0, 14)]
    system = [_gold(0, 14)]
    pairs = align(gold, system).pairs
    assert pairs == ((1, 0, True),)


def test_largest_overlap_is_preferred() -> None:
    gold = [_gold(0, 10)]
    system = [_gold(8, 12), _gold(1, 9)]
    assert align(gold, system).pairs == ((0, 1, False),)


def test_attribute_f1_is_accuracy_times_relaxed_f1() -> None:
    gold = [_gold(0, 5, "2020"), _gold(10, 15, "2021"), _gold(20, 25, "2022")]
    system = [_gold(0, 5, "2020"), _gold(11, 15, "XXXX"), _gold(40, 45, "2023")]
    scores = score_documents([(gold, system)])
    assert scores.relaxed.f1 == pytest.approx(2 / 3)
    assert scores.value.accuracy == pytest.approx(1 / 2)
    assert scores.value.precision == pytest.approx(1 / 3)
    assert scores.value.recall == pytest.approx(1 / 3)
    assert scores.value.f1 == pytest.approx(1 / 2 * 2 / 3)
    assert scores.strict.f1 == pytest.approx(1 / 3)


def test_counts_are_micro_averaged() -> None:
    perfect = ([_gold(0, 5)], [_gold(0, 5)])
    empty_system: tuple[list[GoldTimex], list[GoldTimex]] = ([_gold(0, 5), _gold(9, 12)], [])
    scores = score_documents([perfect, empty_system], doc_ids=["good", "bad"])
    assert scores.relaxed.recall == pytest.approx(1 / 3)
    assert scores.relaxed.precision == 1.0
    assert [d.doc_id for d in scores.worst(1)] == ["bad"]


def test_nothing_to_find_and_nothing_found_is_perfect_f1() -> None:
    scores = score_documents([([], [])])
    assert scores.relaxed.f1 == 1.0
    assert scores.value.f1 == 1.0


def test_per_type_figures() -> None:
    gold = [_gold(0, 5, "2020"), _gold(10, 15, "P1D", "DURATION")]
    system = [_gold(0, 5, "2019")]
    (date_scores, duration_scores) = score_documents([(gold, system)]).per_type
    assert (date_scores.type, date_scores.gold, date_scores.relaxed_recall) == ("DATE", 1, 1.0)
    assert date_scores.value_accuracy == 0.0
    assert (duration_scores.type, duration_scores.relaxed_recall) == ("DURATION", 0.0)


def test_error_listing() -> None:
    text = "Sales rose in March 2020 and fell on Friday, a week later than last year."
    at = text.index

    def item(s: str, value: str, type_: str = "DATE", shift: int = 0) -> GoldTimex:
        return GoldTimex("t", s, (at(s) + shift, at(s) + len(s)), type_, value)

    gold = [item("March 2020", "2020-03"), item("Friday", "2020-03-06"), item("last year", "2019")]
    system = [
        item("March 2020", "2020-03"),
        item("Friday", "2020-03-13", "TIME"),
        item("a week", "P1W", "DURATION"),
        GoldTimex("s", "year", (at("last year") + 5, at("last year") + 9), "DATE", "2019"),
    ]
    errors = find_errors(gold, system, text, doc_id="d1", width=10)
    kinds = [e.kind for e in errors]
    assert kinds == ["false_alarm", "wrong_span", "wrong_type", "wrong_value"]
    wrong_span = errors[1]
    assert (wrong_span.gold_text, wrong_span.system_text) == ("last year", "year")
    assert wrong_span.context == "ater than [last year]."
    assert errors[0].context == "n Friday, {a week} later tha"
    listing = format_errors(errors)
    assert "== wrong value (1)" in listing
    assert "2020-03-13" in listing

    miss = find_errors(gold, [], text)
    assert [e.kind for e in miss] == ["miss"] * 3
    assert all(isinstance(e, ErrorItem) for e in miss)


def test_format_scores_table() -> None:
    docs = _docs()
    scores = score_documents(
        ((d.timexes, d.timexes) for d in docs), doc_ids=[d.doc_id for d in docs]
    )
    table = format_scores(scores, worst=1)
    assert table.splitlines()[0] == "documents 2   gold 8   system 8"
    assert "relaxed span   100.00 100.00 100.00" in table
    assert "worst 1 documents by value F1" in table


@pytest.fixture
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stand in for `timeline.extract_timeline`: returns the gold of the fixtures."""
    gold = {d.text: d.timexes for d in _docs()}

    def extract_timeline(text: str, *, published: object = None) -> types.SimpleNamespace:
        return types.SimpleNamespace(expressions=list(gold[text][1:]))

    monkeypatch.setattr(
        sys.modules["timeline"], "extract_timeline", extract_timeline, raising=False
    )


@pytest.mark.usefixtures("fake_extractor")
def test_main_prints_table_errors_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "scores.json"
    files = [str(FIXTURES / "entities.tml"), str(FIXTURES / "nested.tml")]
    assert main([*files, "--errors", "--worst", "2", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("documents 2   gold 8   system 6")
    assert "== miss (2)" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["counts"]["gold"] == 8
    assert data["relaxed"]["recall"] == pytest.approx(6 / 8)
    assert len(data["errors"]) == 2
    assert {d["doc_id"] for d in data["per_document"]} == {"FIXTURE.entities", "FIXTURE.nested"}


@pytest.mark.usefixtures("fake_extractor")
def test_main_limit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(FIXTURES / "entities.tml"), str(FIXTURES / "nested.tml"), "--limit", "1"]) == 0
    assert capsys.readouterr().out.startswith("documents 1   gold 4   system 3")


def test_main_reports_a_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nope")]) == 2
    assert "neither a .tml file nor a folder" in capsys.readouterr().err


def test_main_without_default_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([]) == 2
    assert "default corpus" in capsys.readouterr().err


@pytest.mark.usefixtures("fake_extractor")
def test_main_reports_bad_gold(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(FIXTURES / "bad_xml.tml")]) == 1
    assert "not well-formed" in capsys.readouterr().err
