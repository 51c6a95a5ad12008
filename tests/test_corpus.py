"""Batch and multi-article timelines: `timeline.extract_timelines`."""

from __future__ import annotations

import subprocess
import sys
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from timeline import (
    InvalidInputError,
    MissingDependencyError,
    corpus,
    extract_timeline,
    extract_timelines,
)
from timeline.corpus import CorpusTimeline

SEED = Path(__file__).parent.parent / "fixtures" / "reuters-2021-03-30-us-mexico-cartels.txt"

# Two articles reporting the same event (Mexico's December law), a third reporting a
# different one with the same verb and date (Canada's), and one about something else.
MEXICO_A = "In December, Mexico enacted a security law. Officials said cooperation stalled."
MEXICO_B = "In December, Mexico enacted a law that limits foreign agents, lawyers said."
CANADA = "In December, Canada enacted a new privacy law."
ARREST = "Prosecutors arrested Cienfuegos in October 2020. Markets fell in January."


@pytest.fixture(scope="module")
def seed() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def small_corpus(seed: str) -> list[tuple[str, str, str]]:
    short = [MEXICO_A, MEXICO_B, CANADA, ARREST]
    docs = [(f"short-{i}", text, "2021-03-30") for i, text in enumerate(short)]
    return [("seed", seed, "2021-03-30"), *docs, ("seed-again", seed, "2021-02-01")]


def _keys(result: CorpusTimeline) -> list[tuple[Any, ...]]:
    return [(e.doc_id, e.sources, e.start, e.end, e.description) for e in result.events]


def test_events_carry_their_document_id_and_keep_timeline_order(seed: str) -> None:
    result = extract_timelines([("reuters", seed, "2021-03-30")])
    single = extract_timeline(seed, published="2021-03-30")
    assert isinstance(result, CorpusTimeline)
    assert result.documents == 1
    assert result.failures == ()
    assert [e.description for e in result.events] == [e.description for e in single.events]
    assert {e.doc_id for e in result.events} == {"reuters"}
    assert all(e.sources == ("reuters",) for e in result.events)


@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_parallel_run_is_identical_to_serial(
    small_corpus: list[tuple[str, str, str]], start_method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing

    if start_method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {start_method!r} start method on this platform")
    context = multiprocessing.get_context(start_method)
    monkeypatch.setattr(corpus, "_worker_context", lambda backend: context)
    docs = small_corpus * 2  # 12 documents in 6 chunks of 2: several tasks per worker
    serial = extract_timelines(docs, chunksize=2, merge=False)
    parallel = extract_timelines(docs, n_jobs=2, chunksize=2, merge=False)
    assert parallel.events == serial.events
    assert parallel.documents == serial.documents == 12
    # Merging runs in the parent on these identical, identically ordered events.


def test_workers_are_forked_only_where_that_is_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import threading

    monkeypatch.setattr(sys, "platform", "linux")
    # a warm fork for the built-in pipeline of a process that runs no other thread (an
    # earlier test's pool or cluster may leave one behind for a moment: not this check's)
    with monkeypatch.context() as alone:
        alone.setattr(threading, "active_count", lambda: 1)
        assert corpus._worker_context("builtin").get_start_method() == "fork"
    # stanza's native thread pools and another platform's fork: a fresh interpreter
    assert corpus._worker_context("stanza").get_start_method() == "spawn"
    assert corpus._worker_context("auto").get_start_method() == "spawn"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert corpus._worker_context("builtin").get_start_method() == "spawn"
    monkeypatch.setattr(sys, "platform", "linux")
    # another thread (a progress bar's monitor, a Dask client) may hold a lock at the fork
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert corpus._worker_context("builtin").get_start_method() == "spawn"
    finally:
        release.set()
        other.join()


def test_many_small_chunks_come_back_in_input_order(
    small_corpus: list[tuple[str, str, str]],
) -> None:
    # one document per chunk, far more chunks than the workers hold at once
    docs = [(f"{doc_id}-{i}", text, dct) for i in range(5) for doc_id, text, dct in small_corpus]
    serial = extract_timelines(docs, chunksize=1, merge=False)
    parallel = extract_timelines(docs, n_jobs=2, chunksize=1, merge=False)
    assert parallel.events == serial.events
    assert parallel.documents == len(docs)


def _count_chunks_run_here(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the chunks the calling process runs itself, as they run."""
    ran_here: list[int] = []
    run_here = corpus._run_here

    def counted(future: Any, chunk: Any, options: Any) -> Any:
        ran_here.append(len(chunk))
        return run_here(future, chunk, options)

    monkeypatch.setattr(corpus, "_run_here", counted)
    return ran_here


def _expanded(small_corpus: list[tuple[str, str, str]], times: int) -> list[tuple[str, Any, Any]]:
    return [
        (f"{doc_id}-{i}", text, dct) for i in range(times) for doc_id, text, dct in small_corpus
    ]


def test_chunks_sent_to_the_workers_give_the_serial_result(
    small_corpus: list[tuple[str, str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # a queue deep enough for every chunk, none taken back at the end: workers run all
    ran_here = _count_chunks_run_here(monkeypatch)
    monkeypatch.setattr(corpus, "_WINDOW_PER_JOB", 1000)
    monkeypatch.setattr(corpus, "_take_back_queued", lambda *args: None)
    docs = _expanded(small_corpus, 3)
    serial = extract_timelines(docs, chunksize=1, merge=False)
    parallel = extract_timelines(docs, n_jobs=2, chunksize=1, merge=False)
    assert ran_here == []
    assert parallel.events == serial.events


def test_chunks_the_parent_runs_itself_keep_their_place(
    small_corpus: list[tuple[str, str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # no room in the workers' queue: the calling process runs every chunk, a failing
    # document among them
    ran_here = _count_chunks_run_here(monkeypatch)
    monkeypatch.setattr(corpus, "_WINDOW_PER_JOB", 0)
    docs = _expanded(small_corpus, 2)
    docs.insert(3, ("broken", b"x", None))
    serial = extract_timelines(docs, chunksize=1, merge=False)
    here = extract_timelines(iter(docs), n_jobs=2, chunksize=1, merge=False)
    assert len(ran_here) == len(docs)
    assert here.events == serial.events
    assert here.failures == serial.failures != ()


def test_chunks_no_worker_started_are_run_here_at_the_end(
    small_corpus: list[tuple[str, str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # every chunk is queued at once; the input then ends long before the new worker
    # process is up, so the last chunks are taken back, and still come out in order
    ran_here = _count_chunks_run_here(monkeypatch)
    monkeypatch.setattr(corpus, "_WINDOW_PER_JOB", 1000)
    docs = _expanded(small_corpus, 2)
    serial = extract_timelines(docs, chunksize=1, merge=False)
    parallel = extract_timelines(docs, n_jobs=2, chunksize=1, merge=False)
    assert ran_here != []
    assert parallel.events == serial.events


def test_a_chunk_runs_with_the_garbage_collector_paused_once(seed: str) -> None:
    import gc

    # restarted after each document, the collector walked that document's results every
    # time; paused once for the chunk, it runs at most once for it, after it
    collections: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    documents = [(f"d{i}", seed, "2021-03-30") for i in range(12)]
    gc.collect()
    gc.callbacks.append(count)
    try:
        extract_timelines(documents, chunksize=12, merge=False, progress=False)
    finally:
        gc.callbacks.remove(count)
    assert gc.isenabled()
    assert len(collections) <= 2, collections


def test_with_errors_raise_the_first_failing_document_in_input_order_is_named() -> None:
    # a later broken document may fail first in another worker: its error must wait
    docs = [("good", ARREST, None), ("first-broken", b"x", None)]
    docs += [(f"more-{i}", ARREST, None) for i in range(6)] + [("second-broken", b"y", None)]
    with pytest.raises(InvalidInputError) as caught:
        extract_timelines(docs, n_jobs=2, chunksize=1, errors="raise")
    assert any("'first-broken'" in note for note in getattr(caught.value, "__notes__", []))


def test_dataframe_input_uses_named_columns_and_index_ids(seed: str) -> None:
    frame = pd.DataFrame(
        {"body": [seed, ARREST], "date": [pd.Timestamp("2021-03-30"), float("nan")]},
        index=[10, 11],
    )
    result = extract_timelines(frame, text_column="body", published_column="date", merge=False)
    assert {e.doc_id for e in result.events} == {"10", "11"}
    # A missing date (NaN) means "no publication date", not an error.
    assert result.failures == ()
    by_id = extract_timelines(
        frame.assign(id=["a", "b"]), text_column="body", published_column="date"
    )
    assert {e.doc_id for e in by_id.events} == {"a", "b"}
    frame_out = result.to_dataframe()
    assert list(frame_out["doc_id"].unique()) != []
    assert frame_out["order"].tolist() == list(range(1, len(frame_out) + 1))


def test_dataframe_with_a_missing_column_is_refused(seed: str) -> None:
    with pytest.raises(ValueError, match="'published' is not in the DataFrame"):
        extract_timelines(pd.DataFrame({"text": [seed]}))


def test_tuple_and_text_inputs(seed: str) -> None:
    pairs = extract_timelines([(seed, "2021-03-30"), (ARREST, "2021-03-30")], merge=False)
    assert {e.doc_id for e in pairs.events} == {"0", "1"}
    triples = extract_timelines(iter([("x", seed, "2021-03-30")]))  # a generator is fine
    assert {e.doc_id for e in triples.events} == {"x"}
    texts = extract_timelines([ARREST], domain="narrative")
    assert [e.doc_id for e in texts.events] == ["0", "0"]


def test_a_failing_document_is_reported_by_id_and_the_others_processed(seed: str) -> None:
    docs = [
        ("good", seed, "2021-03-30"),
        ("broken", b"bytes, not text", None),
        ("ok", ARREST, None),
    ]
    result = extract_timelines(docs)
    assert result.documents == 3
    assert [doc_id for doc_id, _ in result.failures] == ["broken"]
    assert "InvalidInputError" in result.failures[0][1]
    assert {e.doc_id for e in result.events} == {"good", "ok"}


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_errors_raise_stops_at_the_failing_document(seed: str, n_jobs: int) -> None:
    docs = [("good", seed, "2021-03-30"), ("broken", b"x", None), ("later", seed, None)]
    with pytest.raises(InvalidInputError, match="decode it first") as caught:
        extract_timelines(docs * 2, n_jobs=n_jobs, chunksize=1, errors="raise")
    assert any("'broken'" in note for note in getattr(caught.value, "__notes__", []))


def test_the_same_event_from_two_articles_becomes_one_row() -> None:
    docs = [
        ("a", MEXICO_A, "2021-03-30"),
        ("b", MEXICO_B, "2021-02-15"),
        ("c", CANADA, "2021-03-30"),
    ]
    separate = extract_timelines(docs, merge=False)
    enacted = [e for e in separate.events if e.lemma == "enact"]
    # The precondition: each article gives the enactment with the same dates and lemma.
    assert [e.doc_id for e in enacted] == ["a", "b", "c"]
    assert len({(e.start, e.end) for e in enacted}) == 1

    merged = extract_timelines(docs)
    mexico = [e for e in merged.events if e.lemma == "enact" and "Mexico" in e.description]
    assert len(mexico) == 1
    assert mexico[0].sources == ("a", "b")
    assert mexico[0].doc_id == "a"
    # Same verb and date, but no participant in common: Canada's law stays apart.
    canada = [e for e in merged.events if e.lemma == "enact" and "Canada" in e.description]
    assert [e.sources for e in canada] == [("c",)]
    assert merged.to_dataframe()["sources"].tolist().count("a; b") == 1


def test_one_article_is_never_merged_with_itself(seed: str) -> None:
    result = extract_timelines([("x", seed, "2021-03-30")])
    assert len(result.events) == len(extract_timeline(seed, published="2021-03-30").events)


def test_about_keeps_events_whose_sentence_mentions_the_entity(
    small_corpus: list[tuple[str, str, str]],
) -> None:
    everything = extract_timelines(small_corpus, merge=False)
    about = extract_timelines(small_corpus, about="cienfuegos", merge=False)
    assert about.events
    assert all("cienfuegos" in e.sentence.lower() for e in about.events)
    expected = [e for e in everything.events if "cienfuegos" in e.sentence.lower()]
    assert about.events == expected
    # Whole words: "Mex" is not a mention of "Mexico".
    assert extract_timelines(small_corpus, about="Mex").events == []


def test_progress_bar_goes_to_stderr(seed: str, capsys: pytest.CaptureFixture[str]) -> None:
    extract_timelines([seed, ARREST], progress=True)
    assert "2/2" in capsys.readouterr().err


def test_a_progress_bar_leaves_the_workers_forked(
    small_corpus: list[tuple[str, str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    if sys.platform != "linux":
        pytest.skip("workers are forked on Linux only")
    # threads an earlier test's pool or cluster left behind for a moment are not this
    # run's: count only the ones started from here on
    leftovers = set(threading.enumerate())
    monkeypatch.setattr(
        threading, "active_count", lambda: len(set(threading.enumerate()) - leftovers) + 1
    )
    chosen: list[str] = []
    choose = corpus._worker_context

    def recorded(backend: str) -> BaseContext:
        context = choose(backend)
        chosen.append(context.get_start_method())
        return context

    monkeypatch.setattr(corpus, "_worker_context", recorded)
    docs = small_corpus * 2
    with_bar = extract_timelines(docs, n_jobs=2, chunksize=2, merge=False, progress=True)
    assert chosen == ["fork"]
    assert with_bar.events == extract_timelines(docs, chunksize=2, merge=False).events


def test_progress_without_tqdm_names_the_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)
    with pytest.raises(MissingDependencyError, match="pip install tqdm"):
        extract_timelines([ARREST], progress=True)


@pytest.mark.parametrize(
    ("docs", "options", "error", "match"),
    [
        ("one text", {}, InvalidInputError, "pass a list of texts"),
        (42, {}, InvalidInputError, "got int"),
        ([42], {}, InvalidInputError, r"docs\[0\]"),
        ([ARREST], {"n_jobs": 0}, ValueError, "n_jobs=0"),
        ([ARREST], {"chunksize": 0}, ValueError, "chunksize=0"),
        ([ARREST], {"errors": "ignore"}, ValueError, "errors='ignore'"),
        ([ARREST], {"about": " "}, ValueError, "about=' '"),
        ([ARREST], {"domain": "sports"}, ValueError, "domain='sports'"),
    ],
    ids=[
        "single-str",
        "not-iterable",
        "bad-item",
        "n_jobs",
        "chunksize",
        "errors",
        "about",
        "domain",
    ],
)
def test_bad_arguments_are_refused(
    docs: Any, options: dict[str, Any], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        extract_timelines(docs, **options)


def test_import_timeline_stays_light() -> None:
    code = "import sys, timeline; print(sorted({'pandas', 'dask', 'tqdm'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
