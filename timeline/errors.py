"""The exceptions `timeline` raises on purpose.

::

    TimelineError                 (base; catch this to catch them all)
    ├── InvalidInputError         (also a TypeError: text of the wrong type)
    ├── InvalidDateError          (also a ValueError: an impossible or unparseable date)
    ├── InvalidOptionError        (also a ValueError: an option value the library does not know)
    ├── MissingDependencyError    (also an ImportError: an optional extra is not installed)
    ├── ModelNotAvailableError    (stanza is installed but its English models are not)
    └── TimeMLError               (also a ValueError: a TimeML file that cannot be read)

Each message names the argument and the value that was wrong, and what to do about it.
"""

from __future__ import annotations

__all__ = [
    "InvalidDateError",
    "InvalidInputError",
    "InvalidOptionError",
    "MissingDependencyError",
    "ModelNotAvailableError",
    "TimeMLError",
    "TimelineError",
]


class TimelineError(Exception):
    """Base class of every error the library raises deliberately."""


class InvalidInputError(TimelineError, TypeError):
    """An argument has a type the library cannot use (bytes, None, a number as text...)."""


class InvalidDateError(TimelineError, ValueError):
    """A date argument is impossible ("2021-02-30"), unparseable, or outside years 1-9999."""


class InvalidOptionError(TimelineError, ValueError):
    """A keyword option has a value the library does not know (``domain="sports"``)."""


class MissingDependencyError(TimelineError, ImportError):
    """An optional dependency is needed for the feature asked for but not installed."""


class ModelNotAvailableError(TimelineError):
    """stanza is installed, but its English models are not on this machine."""


class TimeMLError(TimelineError, ValueError):
    """A TimeML document is malformed (bad XML, offsets that do not match its text)."""
