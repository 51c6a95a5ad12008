"""Dask integration: a lazy Dask DataFrame of events from a Dask DataFrame of documents.

``timeline.extract_timelines(ddf)`` lands here when ``ddf`` is a Dask DataFrame.  Each
partition is turned into the events of its documents with ``map_partitions`` and an
explicit ``meta`` (:func:`event_frame_meta`), so nothing is computed before the caller
asks for it, and the work runs wherever the caller's Dask scheduler runs it (threads,
processes, or a ``distributed`` cluster).

Each row is one event of one document; ``order`` is the event's rank in its own
document's timeline.  Documents are not merged with each other: a merge needs every
partition at once, which is what the eager path (a pandas DataFrame) does.

This module never imports dask itself: it only calls methods of the collection it is
given.  (Inside the package, ``import dask`` is absolute and still means the dask
package, so the module name shadows nothing.)
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from .corpus import _check_columns, _frame_documents, _Options, _run_document
from .timeline import COLUMNS, Timeline

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["event_frame_meta", "lazy_events"]

log = logging.getLogger("timeline")

# Columns of the event frame that are integers and dates; every other column is text.
_INT_COLUMNS = ("order", "sentence_index", "char_start", "char_end")
_DATE_COLUMNS = ("start", "end")


def lazy_events(
    frame: Any,
    options: _Options,
    text_column: str,
    published_column: str | None,
    id_column: str | None,
) -> Any:
    """``frame.map_partitions`` that turns each partition's documents into event rows."""
    _check_columns(frame, text_column, published_column)
    return frame.map_partitions(
        _partition_events,
        text_column=text_column,
        published_column=published_column,
        id_column=id_column,
        options=options,
        meta=event_frame_meta(),
        # The rows are events, not the input's rows: the input's divisions do not apply.
        clear_divisions=True,
    )


def event_frame_meta() -> pd.DataFrame:
    """An empty frame with the columns and dtypes of the lazy event frame."""
    import pandas as pd

    return pd.DataFrame({column: pd.Series(dtype=_dtype(column)) for column in COLUMNS})


def _dtype(column: str) -> str:
    if column in _INT_COLUMNS:
        return "int64"
    if column in _DATE_COLUMNS:
        return "datetime64[s]"
    # object rather than pandas' str dtype: the same in every partition, whatever the
    # mix of text and None (an all-None column would otherwise infer differently).
    return "object"


def _partition_events(
    partition: pd.DataFrame,
    *,
    text_column: str,
    published_column: str | None,
    id_column: str | None,
    options: _Options,
) -> pd.DataFrame:
    """The events of one partition's documents, one row each, ``order`` per document."""
    import pandas as pd

    frames = []
    for document in _frame_documents(partition, text_column, published_column, id_column):
        outcome = _run_document(document, options)
        if outcome.error is not None:
            # No report comes back from a lazy graph: the worker's log is where it shows.
            log.warning("timeline: document %r skipped: %s", outcome.doc_id, outcome.error)
        elif outcome.events:
            document_timeline = Timeline("", None, expressions=[], events=list(outcome.events))
            frames.append(document_timeline.to_dataframe())
    meta = event_frame_meta()
    if not frames:
        return meta
    # Only non-empty frames are concatenated: pandas warns about empty ones.
    events = pd.concat(frames, ignore_index=True)
    return events.astype({column: meta[column].dtype for column in COLUMNS})
