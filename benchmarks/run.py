"""Speed and memory of the pipeline on a TimeML corpus, against dateparser.

``python -m benchmarks.run --corpus DIR --json build/bench.json [--build DIR] [--quick]
[--check]``

``--build build/compiled`` (what ``make bench`` passes) measures the compiled build of
``make compiled`` instead of the source tree, and the source tree (pure Python) at 1x
beside it, in alternation with the other 1x runs.

Measures, on the texts of the corpus (TempEval-3's TimeBank + AQUAINT by default):

* throughput (characters and documents per second) of the default pipeline,
  ``extract_timeline(doc.text, published=doc.dct)`` per document, at 1x, 4x and 16x
  the corpus (the document list replicated), each in a fresh process;
* peak memory as the growth of the resident set size (RSS high-water mark, reset
  after the corpus is read: ``VmHWM`` on Linux, else ``ru_maxrss``) during each run,
  and its growth per input character between 1x and 16x (tracemalloc is not used: it
  slows Python down several times, which would falsify the throughput measured in the
  same run);
* ``dateparser.search.search_dates`` on the same 1x texts, as a throughput ratio;
* ``extract_timelines(n_jobs=2)`` on the 16x corpus against the serial 16x run (the
  target), and against ``extract_timelines(n_jobs=1)``, the same call in one process;
* the machine's own ceiling for two processes (:mod:`benchmarks.ceiling`: two units of
  pure-Python work in two processes against one after the other), measured between
  those runs, since no pool can gain more than the two vCPUs give at that moment;
* cost linearity, time(16x) / time(1x);
* ``import timeline`` in a fresh interpreter (best of 5, minus a bare interpreter's
  start) and the time to first result (import + first ``extract_timeline`` on the seed
  article, same subtraction, best of 3).

The 1x runs of the pipeline and of dateparser alternate ``--repeat`` times (default 3),
and so do the serial, ``n_jobs=1``, ``n_jobs=2`` and ceiling runs at 16x; each keeps
its best run for the throughput and ratio figures (the ceiling its highest), the
linearity ratio compares medians, and every run's time is in the JSON.  It prints a
table and PASS/FAIL per target and writes the figures as JSON.  It is a report: it
exits 0 whatever the figures unless ``--check`` is given.  ``--quick`` uses the first
32 documents as the 1x corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from .volume import SEED, load_corpus

__all__ = ["Target", "main"]

DEFAULT_CORPUS = (
    Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "tbaq-cleaned"
)
MULTIPLES = (1, 4, 16)
PARALLEL_JOBS = 2
ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Target:
    """One figure and the bound it should meet."""

    name: str
    value: float
    bound: float
    #: "min": value must be >= bound; "max": value must be <= bound (or < for "lt")
    kind: str
    unit: str

    @property
    def passed(self) -> bool:
        if self.kind == "min":
            return self.value >= self.bound
        if self.kind == "lt":
            return self.value < self.bound
        return self.value <= self.bound


def _where(package: Path | None) -> dict[str, Any]:
    """The working directory and environment of a measuring process: the source tree,
    or the installed ``package`` directory first on the path (a compiled build, whose
    ``timeline`` must win over the source tree's; the benchmarks still come from it)."""
    if package is None:
        return {"cwd": ROOT}
    path = os.pathsep.join([str(package), str(ROOT)])
    return {"cwd": package, "env": {**os.environ, "PYTHONPATH": path}}


def _volume(
    corpus: str, multiple: int, *, jobs: int, quick: bool, package: Path | None = None
) -> dict[str, Any]:
    """Run benchmarks.volume in a fresh process so that its RSS peak is its own."""
    command = [sys.executable, "-m", "benchmarks.volume", "--corpus", corpus]
    command += ["--multiple", str(multiple), "--jobs", str(jobs)]
    if quick:
        command.append("--quick")
    out = subprocess.run(command, capture_output=True, text=True, check=True, **_where(package))
    result: dict[str, Any] = json.loads(out.stdout)
    result["multiple"] = multiple
    result["jobs"] = jobs
    result["chars_per_second"] = result["characters"] / result["seconds"]
    result["docs_per_second"] = result["documents"] / result["seconds"]
    # Only meaningful for the serial runs: the pool workers' CPU time is not counted.
    result["chars_per_cpu_second"] = result["characters"] / max(result["cpu_seconds"], 1e-9)
    result["rss_growth_bytes"] = 1024 * (result["rss_peak_kib"] - result["rss_baseline_kib"])
    return result


def _ceiling() -> dict[str, float]:
    command = [sys.executable, "-m", "benchmarks.ceiling"]
    out = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(out.stdout)
    return result


def _dateparser(corpus: str, *, quick: bool) -> dict[str, Any]:
    from dateparser.search import search_dates

    documents = load_corpus(corpus, quick=quick)
    # Warm-up: dateparser loads its language data on first use.
    search_dates("It happened on 3 March 2020.", languages=["en"])
    started = time.perf_counter()
    found = 0
    for doc in documents:
        base = (
            datetime(doc.dct.year, doc.dct.month, doc.dct.day) if doc.dct else datetime(2000, 1, 1)
        )
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
        found += len(search_dates(doc.text, languages=["en"], settings=settings) or [])
    seconds = time.perf_counter() - started
    characters = sum(len(doc.text) for doc in documents)
    return {
        "documents": len(documents),
        "characters": characters,
        "seconds": seconds,
        "dates_found": found,
        "chars_per_second": characters / seconds,
    }


def _best_wall_time(code: str, repeat: int, package: Path | None) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        command = [sys.executable, "-c", code]
        subprocess.run(command, check=True, capture_output=True, **_where(package))
        best = min(best, time.perf_counter() - started)
    return best


def _startup_times(package: Path | None) -> dict[str, float]:
    bare = _best_wall_time("pass", 5, package)
    imported = _best_wall_time("import timeline", 5, package)
    first = (
        "import timeline, pathlib\n"
        f"text = pathlib.Path({str(SEED)!r}).read_text(encoding='utf-8')\n"
        "timeline.extract_timeline(text, published='2021-03-30')\n"
    )
    first_result = _best_wall_time(first, 3, package)
    return {
        "interpreter_seconds": bare,
        "import_seconds": imported - bare,
        "first_result_seconds": first_result - bare,
    }


def _targets(report: dict[str, Any]) -> list[Target]:
    runs = {run["multiple"]: run for run in report["pipeline"]}
    one, last = runs[MULTIPLES[0]], runs[MULTIPLES[-1]]
    grown_chars = last["characters"] - one["characters"]
    # medians against medians: the best of each could come from different moments
    median_one = statistics.median(report["pipeline_1x_runs"])
    median_last = statistics.median(report["pipeline_16x_runs"])
    report["linearity"] = {
        "time_ratio": median_last / median_one,
        # The same ratio in CPU time (best 1x): less sensitive to other processes.
        "cpu_time_ratio": last["cpu_seconds"] / one["cpu_seconds"],
        "volume_ratio": last["characters"] / one["characters"],
        "memory_growth_bytes_per_char": (last["rss_growth_bytes"] - one["rss_growth_bytes"])
        / grown_chars,
    }
    parallel = report["parallel"]
    parallel["speedup"] = parallel["chars_per_second"] / last["chars_per_second"]
    parallel["speedup_over_one_job"] = (
        parallel["chars_per_second"] / report["one_job"]["chars_per_second"]
    )
    report["dateparser"]["ratio"] = (
        one["chars_per_second"] / report["dateparser"]["chars_per_second"]
    )
    return [
        Target("throughput 1x", one["chars_per_second"], 1_000_000, "min", "chars/s"),
        Target("vs dateparser", report["dateparser"]["ratio"], 10, "min", "x"),
        Target(f"n_jobs={PARALLEL_JOBS} vs serial (16x)", parallel["speedup"], 1.7, "min", "x"),
        Target("time(16x)/time(1x)", report["linearity"]["time_ratio"], 18, "max", ""),
        Target("CPU time(16x)/CPU time(1x)", report["linearity"]["cpu_time_ratio"], 18, "max", ""),
        Target(
            "memory growth 1x→16x",
            report["linearity"]["memory_growth_bytes_per_char"],
            10,
            "max",
            "B/char",
        ),
        Target("import timeline", report["startup"]["import_seconds"], 0.3, "lt", "s"),
    ]


def _print_table(report: dict[str, Any], targets: list[Target]) -> None:
    load = ", ".join(f"{x:.1f}" for x in report["load_average_at_start"])
    print(f"corpus: {report['corpus']}  ({report['cpus']} CPUs, Python {report['python']})")
    kind = "compiled with mypyc" if report["compiled"] else "pure Python"
    print(f"package measured: {report['package']} ({kind})")
    print(f"load average at start: {load} (other processes slow the wall-clock figures)")
    header = (
        f"{'run':<34}{'docs':>7}{'chars':>11}{'seconds':>9}{'chars/s':>11}{'docs/s':>8}"
        f"{'RSS+ MiB':>10}{'chars/CPU-s':>13}"
    )
    print(header)
    print("-" * len(header))
    rows = [(f"pipeline {r['multiple']}x", r) for r in report["pipeline"]]
    rows.append(("extract_timelines n_jobs=1 16x", report["one_job"]))
    rows.append((f"extract_timelines n_jobs={PARALLEL_JOBS} 16x", report["parallel"]))
    if "source_tree_1x" in report:
        rows.insert(1, ("pipeline 1x, source tree", report["source_tree_1x"]))
    for label, run in rows:
        print(
            f"{label:<34}{run['documents']:>7}{run['characters']:>11}{run['seconds']:>9.2f}"
            f"{run['chars_per_second']:>11,.0f}{run['docs_per_second']:>8.1f}"
            f"{run['rss_growth_bytes'] / 2**20:>10.1f}"
            + (f"{run['chars_per_cpu_second']:>13,.0f}" if run["jobs"] == 0 else f"{'-':>13}")
        )
    dp = report["dateparser"]
    print(
        f"{'dateparser search_dates 1x':<34}{dp['documents']:>7}{dp['characters']:>11}"
        f"{dp['seconds']:>9.2f}{dp['chars_per_second']:>11,.0f}"
    )
    if "source_tree_1x" in report:
        source = report["source_tree_1x"]["chars_per_second"]
        kind = "compiled" if report["source_tree_1x"]["compiled"] else "pure Python"
        measured = report["pipeline"][0]["chars_per_second"]
        print(
            f"source tree ({kind}) at 1x: {source / dp['chars_per_second']:.2f}x dateparser, "
            f"{source / measured:.2f}x the package measured"
        )
    startup = report["startup"]
    print(
        f"import timeline: {startup['import_seconds']:.3f} s; first result (import + seed "
        f"article): {startup['first_result_seconds']:.3f} s"
    )
    ceiling = report["ceiling"]
    runs = ", ".join(f"{x:.2f}" for x in report["ceiling_runs"])
    print(
        f"n_jobs={PARALLEL_JOBS} vs n_jobs=1 (same call): "
        f"{report['parallel']['speedup_over_one_job']:.2f}x; this machine's ceiling for 2 "
        f"processes of pure Python: {ceiling['speedup']:.2f}x (runs: {runs})"
    )
    print()
    for target in targets:
        relation = {"min": "≥", "max": "≤", "lt": "<"}[target.kind]
        verdict = "PASS" if target.passed else "FAIL"
        print(
            f"{verdict}  {target.name:<32}{target.value:>14,.3f} {target.unit:<8}"
            f"(target {relation} {target.bound:,g})"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Speed and memory benchmark against dateparser")
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="folder of .tml files")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--quick", action="store_true", help="the first 32 documents as 1x")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target fails")
    parser.add_argument(
        "--repeat", type=int, default=3, help="1x runs of each tool, the best kept (default 3)"
    )
    parser.add_argument(
        "--build",
        type=Path,
        help="measure the package installed in this folder (make compiled: build/compiled) "
        "instead of the source tree, which is then measured at 1x too, for reference",
    )
    args = parser.parse_args(argv)
    corpus = str(Path(args.corpus).resolve())
    package = args.build.resolve() if args.build else None

    report: dict[str, Any] = {"corpus": corpus, "quick": args.quick, "cpus": os.cpu_count()}
    report["python"] = platform.python_version()
    # Other processes on the machine slow the wall-clock figures (and the parallel run
    # most): the load is recorded with them, and the serial runs record CPU time too.
    report["load_average_at_start"] = os.getloadavg()
    report["memory_measure"] = (
        "RSS high-water growth in a fresh process per run (VmHWM reset after reading the "
        "corpus on Linux, else ru_maxrss)"
    )
    # The runs compared alternate, so that both meet the same moments of a machine
    # whose speed drifts (a shared virtual machine varies by half from one minute to
    # the next); each reports its best run, as timeit does.
    ones, parsers, sources = [], [], []
    for _ in range(args.repeat):
        ones.append(_volume(corpus, MULTIPLES[0], jobs=0, quick=args.quick, package=package))
        parsers.append(_dateparser(corpus, quick=args.quick))
        if package is not None:
            sources.append(_volume(corpus, MULTIPLES[0], jobs=0, quick=args.quick))
    best_one = min(ones, key=lambda run: run["seconds"])
    report["package"] = str(package) if package else "source tree"
    report["compiled"] = best_one["compiled"]
    report["pipeline_1x_runs"] = [run["seconds"] for run in ones]
    report["dateparser_runs"] = [run["seconds"] for run in parsers]
    if sources:
        report["source_tree_1x"] = min(sources, key=lambda run: run["seconds"])
        report["source_tree_1x_runs"] = [run["seconds"] for run in sources]
    # the same for the largest volume, serial against n_jobs=2
    serials, one_jobs, parallels, ceilings = [], [], [], []
    for _ in range(args.repeat):
        last = MULTIPLES[-1]
        serials.append(_volume(corpus, last, jobs=0, quick=args.quick, package=package))
        one_jobs.append(_volume(corpus, last, jobs=1, quick=args.quick, package=package))
        parallels.append(
            _volume(corpus, last, jobs=PARALLEL_JOBS, quick=args.quick, package=package)
        )
        ceilings.append(_ceiling())
    report["pipeline_16x_runs"] = [run["seconds"] for run in serials]
    report["one_job_runs"] = [run["seconds"] for run in one_jobs]
    report["parallel_runs"] = [run["seconds"] for run in parallels]
    report["ceiling_runs"] = [run["speedup"] for run in ceilings]
    middle = [
        _volume(corpus, m, jobs=0, quick=args.quick, package=package) for m in MULTIPLES[1:-1]
    ]
    report["pipeline"] = [best_one, *middle, min(serials, key=lambda run: run["seconds"])]
    report["one_job"] = min(one_jobs, key=lambda run: run["seconds"])
    report["parallel"] = min(parallels, key=lambda run: run["seconds"])
    report["ceiling"] = max(ceilings, key=lambda run: run["speedup"])
    report["dateparser"] = min(parsers, key=lambda run: run["seconds"])
    report["startup"] = _startup_times(package)
    report["load_average_at_end"] = os.getloadavg()
    targets = _targets(report)
    report["targets"] = [{**asdict(t), "passed": t.passed} for t in targets]

    _print_table(report, targets)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 1 if args.check and not all(t.passed for t in targets) else 0


if __name__ == "__main__":
    sys.exit(main())
