"""How much faster two processes are than one on this machine, for pure-Python work.

``python -m benchmarks.ceiling [--seconds 1.0]`` prints one JSON object: the time of
two equal units of CPU-bound Python (a loop of integer additions, no I/O, no shared
data) run one after the other in this process, the time of the same two units run at
once in two processes started with 'spawn' (as the pool of ``extract_timelines``
starts them, start-up included), and their ratio.

That ratio is the most any process pool can gain here: a virtual machine's two vCPUs
may share a physical core, or lose time to other guests ("steal"), and then two
processes run less than twice as fast whatever the program does.  :mod:`benchmarks.run`
measures it in the same run as ``extract_timelines(n_jobs=2)``, so the speed-up of the
pool can be read against what the machine gave at that moment.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from collections.abc import Sequence

__all__ = ["calibrate", "main", "spin"]


def spin(iterations: int) -> int:
    """CPU-bound pure Python: the interpreter loop, as the pipeline's own work is."""
    total = 0
    for i in range(iterations):
        total += i
    return total


def _iterations_for(seconds: float) -> int:
    """Iterations of `spin` that take about ``seconds`` here."""
    probe = 1_000_000
    started = time.perf_counter()
    spin(probe)
    elapsed = max(time.perf_counter() - started, 1e-6)
    return max(probe, int(probe * seconds / elapsed))


def calibrate(seconds: float) -> dict[str, float]:
    iterations = _iterations_for(seconds)
    started = time.perf_counter()
    spin(iterations)
    spin(iterations)
    serial = time.perf_counter() - started

    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=spin, args=(iterations,)) for _ in range(2)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    parallel = time.perf_counter() - started
    return {"serial_seconds": serial, "parallel_seconds": parallel, "speedup": serial / parallel}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seconds", type=float, default=1.0, help="length of one unit of work")
    args = parser.parse_args(argv)
    json.dump(calibrate(args.seconds), sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
