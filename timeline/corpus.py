"""Timelines of many documents: batch extraction, parallel runs, cross-article merging.

:func:`extract_timelines` runs :func:`timeline.extract_timeline` on every document of a
corpus and returns one :class:`CorpusTimeline` whose events carry the id of the document
they came from (``Event.doc_id``) and the ids of every document that reported them
(``Event.sources``).

The work is cut into chunks of ``chunksize`` documents.  The serial run and the process
pool run the same chunk function on the same chunks and the parent consumes the results
in submission order, so ``n_jobs`` never changes the result, only the time it takes.
At most ``4 * n_jobs`` chunks are in flight, so memory stays flat however long the
(possibly lazy) input is, apart from the events kept for the result.

A Dask DataFrame is handled lazily: the result is a Dask DataFrame of events, one row
per event and document, built partition by partition (see :func:`extract_timelines`).

Nothing heavy is imported here at module import time: pandas, tqdm and dask are only
imported when a DataFrame, a progress bar or a Dask collection is actually involved.
"""

from __future__ import annotations

import os
import re
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from dataclasses import dataclass, field, fields, replace
from itertools import islice, repeat
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Protocol, get_args, overload

from .api import Backend, Domain, collector_paused, extract_timeline
from .errors import InvalidInputError, MissingDependencyError
from .order import order_events
from .text import grammar_words
from .timeline import Timeline
from .types import Event

if TYPE_CHECKING:
    from concurrent.futures import Future
    from multiprocessing.context import BaseContext

    import pandas as pd

__all__ = ["CorpusTimeline", "ErrorPolicy", "extract_timelines"]

ErrorPolicy = Literal["report", "raise"]

#: Documents per task sent to a worker process: large enough that pickling and task
#: overhead are small next to the extraction, small enough to balance the load.
DEFAULT_CHUNKSIZE = 32
# Chunks queued per worker: enough that a worker never waits while the parent runs a
# chunk of its own, without holding the whole corpus in the pool's queue.
_WINDOW_PER_JOB = 4
# Finished chunks held back per process, waiting for an older one to come back.
_HELD_PER_JOB = 8
# Seconds between the thread switches of a parallel run (see `_parallel`).
_SWITCH_INTERVAL = 0.001

_ERROR_POLICIES = ("report", "raise")

# A capitalized word or an abbreviation such as "U.S."; the possessive "’s" is left out.
_CAPITALIZED = re.compile(r"\b[A-Z]\w*(?:\.\w+)*")


@dataclass(frozen=True)
class CorpusTimeline(Timeline):
    """The timeline of a corpus: a :class:`Timeline` plus what happened to each document.

    ``text`` is ``""``, ``published`` is ``None``, ``expressions`` and ``undated`` are
    empty: the events come from many texts, each event names its own with ``doc_id``
    (an article's undated events are for ``extract_timeline`` on that article).
    ``failures`` lists ``(doc_id, "ErrorType: message")`` for every document that could
    not be processed; ``documents`` is the number of documents read (failed ones
    included).
    """

    failures: tuple[tuple[str, str], ...] = ()
    documents: int = 0


class _LazyFrame(Protocol):
    """What is used of a Dask DataFrame (typed structurally: dask ships no stubs)."""

    def map_partitions(self, func: Any, *args: Any, **kwargs: Any) -> Any: ...


# The two records that cross between processes are named tuples: pickle handles a
# tuple in C, where a slotted dataclass walks its fields in Python on both sides.
class _Document(NamedTuple):
    doc_id: str
    text: Any
    published: Any


@dataclass(frozen=True, slots=True)
class _Options:
    """The per-document settings, sent once with every chunk to the workers."""

    domain: Domain
    backend: Backend
    about: str | None
    errors: ErrorPolicy


class _Outcome(NamedTuple):
    """One document's events (already filtered by ``about``), or why it failed."""

    doc_id: str
    events: tuple[Event, ...] = ()
    error: str | None = None


@overload
def extract_timelines(
    docs: _LazyFrame,
    *,
    n_jobs: int = ...,
    chunksize: int = ...,
    progress: bool | None = ...,
    about: str | None = ...,
    merge: bool = ...,
    errors: ErrorPolicy = ...,
    domain: Domain = ...,
    backend: Backend = ...,
    text_column: str = ...,
    published_column: str | None = ...,
    id_column: str | None = ...,
) -> Any: ...


@overload
def extract_timelines(
    docs: pd.DataFrame | Iterable[Any],
    *,
    n_jobs: int = ...,
    chunksize: int = ...,
    progress: bool | None = ...,
    about: str | None = ...,
    merge: bool = ...,
    errors: ErrorPolicy = ...,
    domain: Domain = ...,
    backend: Backend = ...,
    text_column: str = ...,
    published_column: str | None = ...,
    id_column: str | None = ...,
) -> CorpusTimeline: ...


def extract_timelines(
    docs: Any,
    *,
    n_jobs: int = 1,
    chunksize: int = DEFAULT_CHUNKSIZE,
    progress: bool | None = None,
    about: str | None = None,
    merge: bool = True,
    errors: ErrorPolicy = "report",
    domain: Domain = "auto",
    backend: Backend = "builtin",
    text_column: str = "text",
    published_column: str | None = "published",
    id_column: str | None = "id",
) -> Any:
    """One timeline of many documents.

    ``docs`` is one of:

    * a pandas DataFrame with a ``text_column`` and a ``published_column`` (``None``:
      no dates); ids come from ``id_column`` when the frame has it, else from the index
      (as ``str``);
    * an iterable of ``(text, published)`` or ``(id, text, published)`` tuples, or of
      texts (``str``); ids are then the positions ``"0"``, ``"1"``, ... unless given;
    * a Dask DataFrame shaped like the pandas one: the result is then a *lazy* Dask
      DataFrame of events with the columns of :meth:`Timeline.to_dataframe`, one row per
      event of each document (``order`` is the event's rank in its own document's
      timeline).  Nothing is merged across documents in that case (``merge`` is
      ignored; merge a computed frame's rows yourself if needed), ``n_jobs`` and
      ``progress`` are ignored (Dask schedules), and a failing document is logged on
      the worker under the ``timeline`` logger and skipped (``errors="raise"`` fails
      the computation instead).

    Options:

    * ``n_jobs``: processes working at once, this one included (``-1``: one per
      CPU); ``n_jobs - 1`` workers are started.  The result is identical to the
      serial run's.  On Linux the workers are forked from this process when it runs
      no other thread and ``backend="builtin"``; otherwise (and on macOS and Windows)
      they are started with ``spawn``, so a script that uses ``n_jobs > 1`` should
      guard its entry point with ``if __name__ == "__main__":``.
    * ``chunksize``: documents per task sent to a worker.
    * ``progress``: a tqdm progress bar of documents; ``None`` shows it when stderr is
      a terminal.
    * ``about``: keep only the events whose sentence mentions this word or name
      (case-insensitive, whole words).
    * ``merge``: the same event reported by several documents (same start and end,
      same trigger lemma, at least one shared capitalized name in the description or
      sentence) becomes one event whose ``sources`` lists the documents, ``doc_id``
      being the first.
    * ``errors``: ``"report"`` records a failing document in
      :attr:`CorpusTimeline.failures` and goes on; ``"raise"`` re-raises its error
      (with a note naming the document).
    * ``domain``, ``backend``: passed to :func:`timeline.extract_timeline`.
    """
    options = _options(domain=domain, backend=backend, about=about, errors=errors)
    jobs = _jobs(n_jobs)
    if chunksize < 1:
        raise ValueError(f"chunksize={chunksize!r}: expected a positive number of documents")
    if _is_dask_frame(docs):
        from .dask import lazy_events

        return lazy_events(docs, options, text_column, published_column, id_column)
    documents, total = _documents(docs, text_column, published_column, id_column)
    outcomes = _outcomes(documents, options, jobs=jobs, chunksize=chunksize, total=total)
    return _assemble(_with_progress(outcomes, total, progress), merge=merge, domain=domain)


# --- options ---------------------------------------------------------------------------


def _options(*, domain: Domain, backend: Backend, about: str | None, errors: str) -> _Options:
    if errors not in _ERROR_POLICIES:
        raise ValueError(f"errors={errors!r}: expected 'report' or 'raise'")
    if about is not None and (not isinstance(about, str) or not about.strip()):
        raise ValueError(f"about={about!r}: expected a non-empty word or name, or None")
    # Checked once here rather than failing every document of the batch the same way.
    if domain not in get_args(Domain):
        raise ValueError(f"domain={domain!r}: expected one of {', '.join(get_args(Domain))}")
    if backend not in get_args(Backend):
        raise ValueError(f"backend={backend!r}: expected one of {', '.join(get_args(Backend))}")
    return _Options(domain=domain, backend=backend, about=about, errors=errors)  # type: ignore[arg-type]


def _jobs(n_jobs: int) -> int:
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, int) or n_jobs == 0 or n_jobs < -1:
        raise ValueError(f"n_jobs={n_jobs!r}: expected a positive number of processes, or -1")
    return (os.cpu_count() or 1) if n_jobs == -1 else n_jobs


# --- input -----------------------------------------------------------------------------


def _documents(
    docs: Any, text_column: str, published_column: str | None, id_column: str | None
) -> tuple[Iterator[_Document], int | None]:
    """The documents as a lazy stream, and their number when it is known up front."""
    if isinstance(docs, str | bytes | bytearray):
        raise InvalidInputError(
            f"docs: got one {type(docs).__name__}; pass a list of texts, of (text, published) "
            "tuples, or a DataFrame (extract_timeline handles a single text)"
        )
    if _is_pandas_frame(docs):
        return _frame_documents(docs, text_column, published_column, id_column), len(docs)
    if not isinstance(docs, Iterable):
        raise InvalidInputError(
            "docs: expected a DataFrame or an iterable of texts or tuples, "
            f"got {type(docs).__name__}"
        )
    total = len(docs) if isinstance(docs, Sized) else None
    return (_item_document(i, item) for i, item in enumerate(docs)), total


def _frame_documents(
    frame: pd.DataFrame, text_column: str, published_column: str | None, id_column: str | None
) -> Iterator[_Document]:
    _check_columns(frame, text_column, published_column)
    return _frame_rows(frame, text_column, published_column, id_column)


def _check_columns(frame: Any, text_column: str, published_column: str | None) -> None:
    """Refuse a frame without the named columns now, not at the first document."""
    for name in (text_column, published_column):
        if name is not None and name not in frame.columns:
            raise ValueError(
                f"column {name!r} is not in the DataFrame (columns: {list(frame.columns)}); "
                "name the right one with text_column=/published_column="
            )


def _frame_rows(
    frame: pd.DataFrame, text_column: str, published_column: str | None, id_column: str | None
) -> Iterator[_Document]:
    ids = frame[id_column] if id_column is not None and id_column in frame.columns else frame.index
    published = frame[published_column] if published_column is not None else repeat(None)
    for doc_id, text, day in zip(ids, frame[text_column], published, strict=False):
        yield _Document(str(doc_id), text, _missing_to_none(day))


def _item_document(position: int, item: Any) -> _Document:
    # A bare text (bytes included: extract_timeline rejects it, so it is reported by id).
    if isinstance(item, str | bytes | bytearray):
        return _Document(str(position), item, None)
    if isinstance(item, tuple | list) and len(item) == 2:
        return _Document(str(position), item[0], _missing_to_none(item[1]))
    if isinstance(item, tuple | list) and len(item) == 3:
        return _Document(str(item[0]), item[1], _missing_to_none(item[2]))
    raise InvalidInputError(
        f"docs[{position}]: expected a text, (text, published) or (id, text, published), "
        f"got {type(item).__name__} ({item!r:.60})"
    )


def _missing_to_none(value: Any) -> Any:
    """NaN, NaT and pd.NA in a date column mean "no publication date"."""
    if isinstance(value, float) and value != value:
        return None
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    return value


def _is_pandas_frame(value: Any) -> bool:
    # Checked by class name and module (subclasses too), so a plain list never imports
    # pandas; pandas 3 reports the module as "pandas", older ones "pandas.core.frame".
    return any(
        cls.__name__ == "DataFrame" and cls.__module__.split(".")[0] == "pandas"
        for cls in type(value).__mro__
    )


def _is_dask_frame(value: Any) -> bool:
    return type(value).__module__.split(".")[0] in ("dask", "dask_expr") and hasattr(
        value, "map_partitions"
    )


# --- running ---------------------------------------------------------------------------


def _run_chunk(chunk: list[_Document], options: _Options) -> list[_Outcome]:
    """Process a chunk of documents: the task of a worker process, and of the serial run.

    A top-level function with picklable arguments, so it works with either start method.
    """
    # One pause of the garbage collector for the chunk (each document's run leaves it as
    # it finds it): restarted after every document, it walked that document's results
    # each time, 4% of a compiled build's time and more than two processes can spare.
    with collector_paused():
        return [_run_document(document, options) for document in chunk]


def _run_document(document: _Document, options: _Options) -> _Outcome:
    try:
        result = extract_timeline(
            document.text,
            published=document.published,
            domain=options.domain,
            backend=options.backend,
        )
    except Exception as exc:  # a batch goes on whatever one document does
        if options.errors == "raise":
            exc.add_note(f"while extracting the timeline of document {document.doc_id!r}")
            raise
        return _Outcome(document.doc_id, error=f"{type(exc).__name__}: {exc}")
    mentions = _mention_filter(options.about)
    return _Outcome(
        document.doc_id,
        # ``result.undated`` is not read: it is computed on access and costs about as much
        # as the extraction itself, for events that have no place in a timeline.
        events=tuple(_tagged(e, document.doc_id) for e in result.events if mentions(e)),
    )


def _tagged(event: Event, doc_id: str) -> Event:
    # the constructor with the values in field order costs half of dataclasses.replace,
    # which walks the fields for each of a corpus's events
    return _new_event(*_UNTAGGED_VALUES(event), doc_id=doc_id, sources=(doc_id,))


# Every field but the two set by keyword, in order; they come last, so the positions
# hold (mypy cannot see that, hence the untyped constructor).
_new_event: Callable[..., Event] = Event
_UNTAGGED_VALUES = attrgetter(
    *(f.name for f in fields(Event) if f.name not in ("doc_id", "sources"))
)


def _mention_filter(about: str | None) -> Callable[[Event], bool]:
    if about is None:
        return lambda event: True
    # Whole words only: "Mexico" must not match "Mexican"; re caches the compiled pattern.
    pattern = re.compile(rf"(?<!\w){re.escape(about.strip())}(?!\w)", re.IGNORECASE)
    return lambda event: pattern.search(event.sentence) is not None


def _chunks(documents: Iterator[_Document], size: int) -> Iterator[list[_Document]]:
    while chunk := list(islice(documents, size)):
        yield chunk


def _outcomes(
    documents: Iterator[_Document],
    options: _Options,
    *,
    jobs: int,
    chunksize: int,
    total: int | None,
) -> Iterator[list[_Outcome]]:
    chunks = _chunks(documents, chunksize)
    # One chunk's worth of work is not worth starting processes for; same result anyway.
    if jobs == 1 or (total is not None and total <= chunksize):
        return (_run_chunk(chunk, options) for chunk in chunks)
    return _parallel(chunks, options, jobs)


def _parallel(
    chunks: Iterator[list[_Document]], options: _Options, jobs: int
) -> Iterator[list[_Outcome]]:
    """Chunk results in submission order, from ``jobs`` processes: ``jobs - 1`` workers
    and this one.

    The workers are kept supplied with a bounded queue of chunks; whatever they cannot
    take right now (all of it while they start) this process runs itself.  A worker
    more and an idle parent would put three busy processes on two cores, since the
    parent still unpickles every result; this way the parent's own share shrinks by
    exactly what collecting costs it.
    """
    from concurrent.futures import Future, ProcessPoolExecutor

    workers = jobs - 1
    context = _worker_context(options.backend)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    # in submission order, whoever runs them: a chunk run here sits in a done future,
    # so that its error (errors="raise") waits for the chunks sent before it
    pending: deque[Future[list[_Outcome]]] = deque()
    chunks_sent: dict[Future[list[_Outcome]], list[_Document]] = {}
    # The pool's threads here (one feeds the workers, one collects from them) need the
    # interpreter lock for a moment at a time, while this thread holds it for whole
    # chunks; by default they wait up to 5 ms for each turn, and a worker waits with
    # them for its next chunk.
    switch_interval = sys.getswitchinterval()
    sys.setswitchinterval(min(switch_interval, _SWITCH_INTERVAL))
    try:
        for chunk in chunks:
            if sum(not future.done() for future in pending) < workers * _WINDOW_PER_JOB:
                future = pool.submit(_run_chunk, chunk, options)
                chunks_sent[future] = chunk
                pending.append(future)
            else:
                pending.append(_run_here(Future(), chunk, options))
            while pending and (pending[0].done() or len(pending) > _HELD_PER_JOB * jobs):
                chunks_sent.pop(pending[0], None)
                yield pending.popleft().result()
        _take_back_queued(pending, chunks_sent, options)
        while pending:
            yield pending.popleft().result()
    finally:
        # On an error (errors="raise") or an abandoned generator, drop the queued chunks.
        pool.shutdown(wait=True, cancel_futures=True)
        sys.setswitchinterval(switch_interval)


def _take_back_queued(
    pending: deque[Future[list[_Outcome]]],
    chunks_sent: dict[Future[list[_Outcome]], list[_Document]],
    options: _Options,
) -> None:
    """At the end of the input, run here the chunks no worker has started yet (the last
    first, the ones a worker would reach last), rather than wait idle for them."""
    from concurrent.futures import Future

    for position in reversed(range(len(pending))):
        future = pending[position]
        chunk = chunks_sent.pop(future, None)
        if chunk is not None and future.cancel():
            pending[position] = _run_here(Future(), chunk, options)


def _run_here(
    future: Future[list[_Outcome]], chunk: list[_Document], options: _Options
) -> Future[list[_Outcome]]:
    """Run a chunk in this process into a future (see `_parallel`)."""
    try:
        future.set_result(_run_chunk(chunk, options))
    except Exception as exc:
        future.set_exception(exc)
    return future


def _worker_context(backend: str) -> BaseContext:
    """How the workers start: forked from this process where that is safe, else spawned.

    A forked worker starts warm, with this process's imports, compiled patterns and word
    lists; a spawned one starts a new interpreter that imports the package and compiles
    them again, 0.2 s of a worker's time (3% of a 2-process run over 16x tbaq-cleaned).
    Forking is safe on Linux when no other thread runs here (a lock that tqdm's monitor
    or a Dask client held at the fork would stay locked in the child) and the child runs
    the built-in pipeline only (stanza's torch keeps native thread pools that a fork
    leaves broken).  Everywhere else, and on macOS, where forking is unsafe: 'spawn'.
    """
    import multiprocessing
    import threading

    if sys.platform == "linux" and backend == "builtin" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _with_progress(
    outcomes: Iterator[list[_Outcome]], total: int | None, progress: bool | None
) -> Iterator[list[_Outcome]]:
    if progress is None:
        progress = sys.stderr is not None and sys.stderr.isatty()
    if not progress:
        yield from outcomes
        return
    try:
        from tqdm import tqdm
    except ImportError as exc:
        raise MissingDependencyError(
            "progress=True needs tqdm: pip install tqdm (or pass progress=False)"
        ) from exc
    # without the bar's monitor thread, which would make forking the workers unsafe (see
    # `_worker_context`): it only lowers the ``miniters`` of a bar that has not been
    # redrawn for ten seconds, and this one counts whole chunks
    unmonitored = type("Bar", (tqdm,), {"monitor_interval": 0})
    with unmonitored(total=total, unit="doc", desc="timelines") as bar:
        for chunk in outcomes:
            bar.update(len(chunk))
            yield chunk


# --- output ----------------------------------------------------------------------------


def _assemble(chunks: Iterator[list[_Outcome]], *, merge: bool, domain: str) -> CorpusTimeline:
    events: list[Event] = []
    failures: list[tuple[str, str]] = []
    documents = 0
    for chunk in chunks:
        for outcome in chunk:
            documents += 1
            events.extend(outcome.events)
            if outcome.error is not None:
                failures.append((outcome.doc_id, outcome.error))
    # A stable sort of events listed document by document: ties keep the input order.
    ordered = order_events(events)
    return CorpusTimeline(
        text="",
        published=None,
        expressions=[],
        events=_merge_events(ordered) if merge else ordered,
        domain=domain,
        failures=tuple(failures),
        documents=documents,
    )


@dataclass(slots=True)
class _Group:
    """An event being merged (mutable while the corpus is scanned, private)."""

    first: Event
    sources: list[str]
    participants: set[str] = field(default_factory=set)


def _merge_events(events: list[Event]) -> list[Event]:
    """Merge the same event reported by several documents, keeping the given order.

    Two events are the same when they have the same start and end, the same trigger
    lemma, come from different documents and share at least one participant (a
    capitalized name in the description or the sentence).  Events of one document are
    never merged together: the article's own timeline decides those.
    """
    groups: list[_Group] = []
    by_key: dict[tuple[Any, ...], list[_Group]] = {}
    for event in events:
        doc_id = event.doc_id or ""
        key = (event.start, event.end, event.lemma or event.trigger.casefold())
        names = _participants(event)
        candidates = by_key.setdefault(key, [])
        group = next(
            (g for g in candidates if doc_id not in g.sources and g.participants & names), None
        )
        if group is None:
            group = _Group(event, [], set())
            candidates.append(group)
            groups.append(group)
        group.sources.extend(s for s in (event.sources or (doc_id,)) if s not in group.sources)
        group.participants |= names
    return [replace(g.first, sources=tuple(g.sources)) for g in groups]


def _participants(event: Event) -> set[str]:
    words = _CAPITALIZED.findall(f"{event.description} {event.sentence}")
    return {w.casefold() for w in words} - grammar_words().not_participants
