"""A static check against catastrophic backtracking (ReDoS) in the library's patterns.

Every pattern the library runs is parsed with ``re._parser`` (sre_parse) and walked.  A
pattern is flagged when an unbounded repeat (``*``, ``+``, ``{n,}``; MAX_REPEAT or
MIN_REPEAT with ``max == MAXREPEAT``) holds another unbounded repeat in its body: the
``(a+)+`` / ``(\\s*\\w+)*`` shape, where a failing match tries exponentially many ways
to share the input between the iterations.

One shape is let through because each iteration boundary is pinned: the body starts
(or ends) with a single mandatory character class that no inner repeat can match, as
in ``\\w+(?:[-'’]\\w+)*`` (every iteration begins with a hyphen or apostrophe, which
``\\w`` cannot eat).  Possessive repeats and atomic groups never backtrack and are
skipped.

Where the patterns come from:

- every compiled pattern of ``timeline.recognize.rules.rules()``;
- every module-level ``re.Pattern`` in ``timeline/*.py`` and ``timeline/recognize/*.py``,
  and the patterns returned by their argument-free cached functions;
- every string literal passed to ``re.compile/search/match/fullmatch/finditer/findall/
  sub/subn/split`` in those files (found with ``ast``).

Quadratic behaviour (a bounded scan restarted at each position) is not a nesting
problem; ``benchmarks/stress.py`` measures it on 1 MB and 4 MB inputs.
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _constants as C  # type: ignore[attr-defined]  # noqa: N812
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import pytest

import timeline

PACKAGE = Path(timeline.__file__).parent
SOURCES = sorted([*PACKAGE.glob("*.py"), *(PACKAGE / "recognize").glob("*.py")])
# modules that import an optional extra at import time
OPTIONAL = frozenset({"timeline.nlp.stanza"})

_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT)
_CHAR_NODES = (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY)
_RE_FUNCTIONS = frozenset(
    {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}
)
# every code point of the BMP and the first supplementary planes' samples: enough to
# tell two character classes apart
_PROBE = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF)
_PROBE += "\U0001F600\U00010400"


@dataclass(frozen=True)
class Source:
    where: str
    pattern: str
    flags: int


# ------------------------------------------------------------ collecting


def _module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _patterns_in(value: Any, depth: int = 0) -> Iterator[re.Pattern[str]]:
    if isinstance(value, re.Pattern):
        yield value
    elif depth < 2 and isinstance(value, tuple | list | frozenset | set):
        for item in value:
            yield from _patterns_in(item, depth + 1)
    elif depth < 2 and isinstance(value, dict):
        for item in value.values():
            yield from _patterns_in(item, depth + 1)
    elif depth < 2 and isinstance(getattr(value, "pattern", None), re.Pattern):
        yield value.pattern


def _compiled_sources() -> Iterator[Source]:
    from timeline.recognize.rules import rules

    for rule in rules():
        yield Source(f"rules()[{rule.name}]", rule.pattern.pattern, rule.pattern.flags)
    for path in SOURCES:
        name = _module_name(path)
        if name in OPTIONAL:
            continue
        module = importlib.import_module(name)
        for attribute, value in vars(module).items():
            if isinstance(value, functools._lru_cache_wrapper) and _takes_no_arguments(value):
                if getattr(value, "__module__", None) != name:
                    continue
                value = value()
            for pattern in _patterns_in(value):
                if isinstance(pattern.pattern, str):
                    yield Source(f"{name}.{attribute}", pattern.pattern, pattern.flags)


def _takes_no_arguments(function: Any) -> bool:
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return False
    return all(p.default is not inspect.Parameter.empty for p in parameters)


def _literal_sources() -> Iterator[Source]:
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            func = node.func
            if not (isinstance(func.value, ast.Name) and func.value.id == "re"):
                continue
            if func.attr not in _RE_FUNCTIONS or not node.args:
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
                yield Source(where, first.value, 0)


def all_sources() -> list[Source]:
    seen: set[tuple[str, int]] = set()
    sources: list[Source] = []
    for source in [*_compiled_sources(), *_literal_sources()]:
        key = (source.pattern, source.flags)
        if key not in seen:
            seen.add(key)
            sources.append(source)
    return sources


# --------------------------------------------------------------- checking


def _is_unbounded(op: Any, av: Any) -> bool:
    return op in _REPEATS and av[1] == C.MAXREPEAT


def _children(op: Any, av: Any) -> Iterator[Any]:
    """The sub-patterns of one node (as SubPattern or lists of (op, av) pairs)."""
    if op in _REPEATS or op is C.POSSESSIVE_REPEAT:
        yield av[2]
    elif op is C.SUBPATTERN:
        yield av[3]
    elif op is C.BRANCH:
        yield from av[1]
    elif op in (C.ASSERT, C.ASSERT_NOT):
        yield av[1]
    elif op is C.GROUPREF_EXISTS:
        yield av[1]
        if av[2] is not None:
            yield av[2]
    elif op is C.ATOMIC_GROUP:
        yield av


def _inner_unbounded(items: Any) -> Iterator[tuple[Any, Any]]:
    """Every unbounded backtracking repeat inside ``items`` (not through atomic parts)."""
    for op, av in items:
        if op in (C.POSSESSIVE_REPEAT, C.ATOMIC_GROUP):
            continue
        if _is_unbounded(op, av):
            yield op, av
        for child in _children(op, av):
            yield from _inner_unbounded(child)


def _char_matcher(node: tuple[Any, Any], state: Any, flags: int) -> re.Pattern[str]:
    """A compiled pattern matching exactly the one character that ``node`` matches."""
    compiled: re.Pattern[str] = sre_compile.compile(sre_parse.SubPattern(state, [node]), flags)
    return compiled


def _chars(node: tuple[Any, Any], state: Any, flags: int) -> frozenset[str]:
    matcher = _char_matcher(node, state, flags)
    # not findall: the state may count the pattern's groups, and findall would return
    # their (empty) contents instead of the characters matched
    return frozenset(m.group() for m in matcher.finditer(_PROBE))


def _single_char_body(av: Any) -> tuple[Any, Any] | None:
    body = list(av[2])
    if len(body) == 1 and body[0][0] in _CHAR_NODES:
        return body[0]  # type: ignore[no-any-return]
    return None


def _pinned(
    items: list[tuple[Any, Any]], inner: list[tuple[Any, Any]], state: Any, flags: int
) -> bool:
    """True when the outer body starts or ends with a mandatory class no inner repeat eats."""
    inner_sets: list[frozenset[str]] = []
    for _op, av in inner:
        single = _single_char_body(av)
        if single is None:
            return False
        inner_sets.append(_chars(single, state, flags))
    eaten = frozenset().union(*inner_sets)
    for edge in (items[:1], items[-1:]):
        if edge and edge[0][0] in _CHAR_NODES and not (_chars(edge[0], state, flags) & eaten):
            return True
    return False


def nested_unbounded(pattern: str, flags: int = 0) -> list[str]:
    """Descriptions of the nested unbounded repeats of ``pattern`` (empty when safe)."""
    parsed = sre_parse.parse(pattern, flags)
    state = parsed.state
    problems: list[str] = []

    def walk(items: Any) -> None:
        for op, av in items:
            if op in (C.POSSESSIVE_REPEAT, C.ATOMIC_GROUP):
                continue
            if _is_unbounded(op, av):
                body = list(av[2])
                inner = list(_inner_unbounded(body))
                if inner and not _pinned(_flatten(body), inner, state, flags):
                    problems.append(f"{op} {{{av[0]},}} holding {len(inner)} unbounded repeat(s)")
            for child in _children(op, av):
                walk(child)

    walk(parsed)
    return problems


def _flatten(body: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """A body that is one non-capturing/capturing group stands for the group's items."""
    while len(body) == 1 and body[0][0] is C.SUBPATTERN:
        body = list(body[0][1][3])
    return body


# ------------------------------------------------------------------ tests


@pytest.mark.parametrize(
    "pattern",
    [r"(a+)+", r"(\s*\w+)*", r"(?:a|aa)*b(?:x+)*", r"(\d+)*$", r"((ab)*c*)+", r"(?:\w+\s?)+$",
     r"(?:[a-z]+-?)*x", r"(.*,)*", r"(?:\w+(?:\.\w+)*)+"],
)
def test_the_check_flags_nested_unbounded_repeats(pattern: str) -> None:
    assert nested_unbounded(pattern), pattern


@pytest.mark.parametrize(
    "pattern",
    [r"a+b+", r"\w+(?:[-'’]\w+)*", r"(?:\s{1,3}\w+){0,4}", r"(?:ab)+", r"(?:,\d{3})*",
     r"(?:[A-Za-z]\.){2,}", r"(?>a+)+", r"(?:a++)+", r"\b[A-Z]\w*(?:\.\w+)*", r"(?:\w+,)*"],
)
def test_the_check_lets_safe_patterns_through(pattern: str) -> None:
    assert not nested_unbounded(pattern), pattern


def test_patterns_were_collected() -> None:
    sources = all_sources()
    wheres = {s.where.split("[")[0] for s in sources}
    assert "rules()" in wheres
    assert len([s for s in sources if s.where.startswith("rules()")]) >= 20
    assert any(s.where.startswith("timeline.text.") for s in sources)


def test_no_pattern_has_nested_unbounded_repeats() -> None:
    flagged = {
        f"{s.where}: {s.pattern[:120]!r}": problems
        for s in all_sources()
        if (problems := nested_unbounded(s.pattern, s.flags))
    }
    assert not flagged, "\n".join(f"{k}\n    {v}" for k, v in flagged.items())
