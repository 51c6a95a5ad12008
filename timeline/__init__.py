"""timeline: dated, ordered event timelines from news and narrative text.

>>> from timeline import extract_timeline
>>> tl = extract_timeline("Mexico enacted a law in December.", published="2021-03-30")
>>> [(e.text, e.value) for e in tl.expressions]
[('December', '2020-12')]
"""

from __future__ import annotations

from .api import extract_timeline
from .corpus import extract_timelines
from .errors import (
    InvalidDateError,
    InvalidInputError,
    InvalidOptionError,
    MissingDependencyError,
    ModelNotAvailableError,
    TimelineError,
    TimeMLError,
)
from .timeline import Timeline
from .types import Event, TimeExpression

__version__ = "0.1.0"

__all__ = [
    "Event",
    "InvalidDateError",
    "InvalidInputError",
    "InvalidOptionError",
    "MissingDependencyError",
    "ModelNotAvailableError",
    "TimeExpression",
    "TimeMLError",
    "Timeline",
    "TimelineError",
    "__version__",
    "extract_timeline",
    "extract_timelines",
]
