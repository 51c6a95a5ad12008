"""`extract_timelines` on a Dask DataFrame, computed on a real two-process cluster."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from timeline import extract_timelines
from timeline.timeline import COLUMNS

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

# No warning filter: the cluster below starts and closes without one under -W error
# (checked with dask/distributed 2026.8); a new warning should fail the test and be looked at.
pytestmark = pytest.mark.dask

SEED = Path(__file__).parent.parent / "fixtures" / "reuters-2021-03-30-us-mexico-cartels.txt"
SHORT = [
    "In December, Mexico enacted a security law. Officials said cooperation stalled.",
    "Prosecutors arrested Cienfuegos in October 2020. Markets fell in January.",
    "Nothing dated happens here.",
    b"bytes are not text",  # fails: logged on the worker and skipped in the lazy path
]


@pytest.fixture(scope="module")
def documents() -> pd.DataFrame:
    seed = SEED.read_text(encoding="utf-8")
    texts: list[Any] = [seed, *SHORT, seed]
    published = ["2021-03-30", "2021-03-30", None, "2021-01-01", None, "2020-11-02"]
    return pd.DataFrame(
        {"id": [f"doc-{i}" for i in range(len(texts))], "text": texts, "published": published}
    )


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            host="127.0.0.1",
            # the scheduler serves HTTP even without a dashboard, on 8787 unless told
            # otherwise: a free port keeps a second run (or a Jupyter cluster) from
            # failing it
            dashboard_address="127.0.0.1:0",
        ) as cluster,
        distributed.Client(cluster) as dask_client,
    ):
        yield dask_client


def _comparable(frame: pd.DataFrame) -> list[tuple[Any, ...]]:
    """Rows as plain tuples, by document then timeline order, with one missing value."""
    frame = frame.astype(object).where(frame.notna(), None)
    rows = frame.sort_values(["doc_id", "order"], kind="stable")
    return [tuple(row) for row in rows.drop(columns="order").itertuples(index=False)]


def test_a_dask_frame_gives_a_lazy_frame_of_events(documents: pd.DataFrame) -> None:
    lazy = extract_timelines(dd.from_pandas(documents, npartitions=3))
    assert isinstance(lazy, dd.DataFrame)
    assert list(lazy.columns) == list(COLUMNS)
    assert lazy.dtypes["start"] == "datetime64[s]"
    assert lazy.dtypes["order"] == "int64"


def test_cluster_result_matches_the_pandas_result_row_for_row(
    documents: pd.DataFrame, client: Any
) -> None:
    lazy = extract_timelines(dd.from_pandas(documents, npartitions=3), about=None)
    computed = client.compute(lazy).result()
    eager = extract_timelines(documents, merge=False)
    expected = eager.to_dataframe()

    assert list(computed.columns) == list(expected.columns)
    assert len(computed) == len(expected) > 0
    assert _comparable(computed) == _comparable(expected)
    # ``order`` is the rank in each document's own timeline in the lazy frame.
    for _, events in computed.groupby("doc_id"):
        assert sorted(events["order"]) == list(range(1, len(events) + 1))
    # The failing document is skipped, as the eager path reports it.
    assert [doc_id for doc_id, _ in eager.failures] == ["doc-4"]
    assert "doc-4" not in set(computed["doc_id"])


def test_about_is_applied_on_the_workers(documents: pd.DataFrame, client: Any) -> None:
    lazy = extract_timelines(dd.from_pandas(documents, npartitions=2), about="Cienfuegos")
    computed = client.compute(lazy).result()
    assert len(computed) > 0
    assert computed["sentence"].str.contains("Cienfuegos", case=False).all()
