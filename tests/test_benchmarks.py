"""The benchmark's own measuring tools (not timings: those are `make bench`'s report)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchmarks.ceiling import calibrate, spin

ROOT = Path(__file__).resolve().parent.parent


def test_spin_does_the_work_it_is_given() -> None:
    assert spin(10) == sum(range(10))


def test_ceiling_reports_both_runs_and_their_ratio() -> None:
    figures = calibrate(0.05)
    assert figures["serial_seconds"] > 0
    assert figures["parallel_seconds"] > 0
    assert figures["speedup"] == figures["serial_seconds"] / figures["parallel_seconds"]


def test_ceiling_command_prints_one_json_object() -> None:
    command = [sys.executable, "-m", "benchmarks.ceiling", "--seconds", "0.05"]
    out = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    assert set(json.loads(out.stdout)) == {"serial_seconds", "parallel_seconds", "speedup"}
