"""One measured run of the pipeline on a replicated corpus, in a process of its own.

``python -m benchmarks.volume --corpus DIR --multiple 16 [--jobs 2] [--quick]`` prints
one JSON object: documents, characters, seconds, events, and the resident set size
(RSS) before and at its peak.  :mod:`benchmarks.run` starts one such process per
measurement.  On Linux the high-water mark is reset after the corpus is read
(``/proc/self/clear_refs``) and read back as ``VmHWM``, so the peak is the measured
pass's own; elsewhere it is ``ru_maxrss``, which never goes down.

``--jobs 0`` (the default) is the default pipeline, ``extract_timeline(doc.text,
published=doc.dct)`` document after document, keeping only the event count (so the
memory figure is the pipeline's own, not the results').  ``--jobs N`` is
``extract_timelines(docs, n_jobs=N, merge=False)``, which keeps every event.
"""

from __future__ import annotations

import argparse
import importlib.machinery
import json
import resource
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import timeline.api
from timeline import extract_timeline, extract_timelines
from timeline.timeml import TimeMLDocument, read_timeml

__all__ = ["QUICK_DOCUMENTS", "is_compiled", "load_corpus", "main", "measure"]

#: Documents of the base corpus with ``--quick`` (the first ones, sorted by path).
QUICK_DOCUMENTS = 32
SEED = (
    Path(__file__).resolve().parent.parent / "fixtures" / "reuters-2021-03-30-us-mexico-cartels.txt"
)


def load_corpus(directory: str | Path, *, quick: bool = False) -> list[TimeMLDocument]:
    """The TimeML documents under ``directory``, in path order (the first 32 if quick)."""
    paths = sorted(Path(directory).rglob("*.tml"))
    if not paths:
        raise SystemExit(f"{directory}: no .tml files found")
    if quick:
        paths = paths[:QUICK_DOCUMENTS]
    return [read_timeml(path) for path in paths]


def is_compiled() -> bool:
    """True when the pipeline imported is a compiled build (setup.py, mypyc)."""
    return str(timeline.api.__file__).endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def _reset_peak() -> bool:
    """Start a new RSS high-water mark (Linux: VmHWM), so that the peak of the measured
    pass is its own and not that of reading the corpus before it."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
            handle.write("5")
    except OSError:
        return False
    return True


def _status_kib(field: str) -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _rss_kib() -> int:
    """The current resident set size (VmRSS), else the high-water mark."""
    current = _status_kib("VmRSS")
    return current if current is not None else _peak_rss_kib()


def _peak_rss_kib() -> int:
    """The high-water mark since the last reset (VmHWM), else since the start."""
    peak = _status_kib("VmHWM")
    # ru_maxrss is in KiB on Linux (bytes on macOS; the benchmark reports Linux figures).
    return peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure(documents: Sequence[TimeMLDocument], *, jobs: int) -> dict[str, float | int]:
    """Time one pass over ``documents``; RSS is read before and after it."""
    # Warm-up outside the measure: lazily loaded resources and compiled patterns are a
    # once-per-process cost, reported separately as the time to first result.
    extract_timeline(SEED.read_text(encoding="utf-8"), published="2021-03-30")
    _reset_peak()
    baseline = _rss_kib()
    started, cpu_started = time.perf_counter(), time.process_time()
    if jobs == 0:
        events = 0
        for doc in documents:
            events += len(extract_timeline(doc.text, published=doc.dct).events)
    else:
        pairs = [(doc.doc_id, doc.text, doc.dct) for doc in documents]
        events = len(extract_timelines(pairs, n_jobs=jobs, merge=False, progress=False).events)
    seconds = time.perf_counter() - started
    # CPU time of this process (not of pool workers): robust to other load on the machine.
    cpu_seconds = time.process_time() - cpu_started
    return {
        "documents": len(documents),
        "characters": sum(len(doc.text) for doc in documents),
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "events": events,
        "rss_baseline_kib": baseline,
        "rss_peak_kib": _peak_rss_kib(),
        "compiled": is_compiled(),
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--multiple", type=int, default=1, help="replicate the documents N times")
    parser.add_argument("--jobs", type=int, default=0, help="0: the default pipeline loop")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    # The replicas are the same str objects: the input costs no memory per replica, so
    # the RSS growth measured is the processing's.
    documents = load_corpus(args.corpus, quick=args.quick) * args.multiple
    json.dump(measure(documents, jobs=args.jobs), sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
