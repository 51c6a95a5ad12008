"""Regex fragments and lookups built once from the language data files."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_lexicon

__all__ = ["Lexicon", "alternation", "lexicon"]


def alternation(words: list[str] | set[str] | tuple[str, ...], *, capitalized: bool = False) -> str:
    """A non-capturing regex alternation of ``words``: a prefix tree that matches as the
    words listed longest first would.

    With ``capitalized`` only Capitalized and UPPER-CASE spellings match (month and
    weekday names are proper nouns in edited text; "may" and "march" are verbs).
    Otherwise the words match in any case.
    """
    if capitalized:
        forms = [form for word in words for form in (word[:1].upper() + word[1:], word.upper())]
        return "(?:" + _trie(forms, space=re.escape(" ")) + ")"
    # a multi-word entry matches across one run of white space of bounded length; the
    # tree of the lower-case forms, since "(?i:" makes "May" and "may" one word
    return "(?i:" + _trie([w.lower() for w in words], space=r"\s{1,3}") + ")"


# a node of the prefix tree: each token (an escaped character, or ``space``) to the node
# after it; the empty token marks the end of a word
_Tree = dict[str, "_Tree"]


def _trie(words: Iterable[str], *, space: str) -> str:
    """The words as a prefix tree: "a(?:pril|ugust)|d(?:ec(?:ember)?)".

    The regex engine tries a flat alternation's words one by one at every place it
    scans (a quick look at each word's first letter, a hundred words a hundred looks);
    a tree reads each letter once.  A word that is a prefix of another is an optional
    tail (greedy), so the longer is tried first, as in a list sorted longest first: the
    same matches, the same groups.
    """
    tree: _Tree = {}
    for word in set(words):
        node = tree
        for char in word:
            node = node.setdefault(space if char == " " else re.escape(char), {})
        node[""] = {}  # a word ends here
    return _branches(tree)


def _branches(node: _Tree) -> str:
    parts = [token + _branches(child) for token, child in sorted(node.items()) if token]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    if "" in node:
        return "(?:" + body + ")?"
    return body


_DECIMAL = re.compile(r"\d+(?:\.\d+)?")
_MIXED_FRACTION = re.compile(r"(\d+)\s*(?:and\s*)?(\d)/(\d)")  # "2 1/2", "2 and 1/2"
_NUMBER_WORD_SEPARATOR = re.compile(r"[\s-]+")


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    #: parts of day news puts before the day they are part of ("overnight Wednesday")
    parts_of_day_before_day: tuple[str, ...]
    #: days news names by their date ("9/11" → "2001-09-11") and the nouns that make the
    #: name one ("the 9/11 attacks")
    named_days: dict[str, str]
    named_day_nouns: tuple[str, ...]
    units: dict[str, str]
    unit_plurals: dict[str, str]
    set_adverbs: dict[str, list[str | None]]
    relative_past: tuple[str, ...]
    relative_future: tuple[str, ...]
    relative_this: tuple[str, ...]
    day_words: dict[str, int]
    present_ref: tuple[str, ...]
    past_ref: tuple[str, ...]
    future_ref: tuple[str, ...]
    point_modifiers: dict[str, str]
    quantity_modifiers: dict[str, str]
    signals: tuple[str, ...]
    #: words after "the days"/"the weeks" that place them by an event ("before the vote")
    event_relative: frozenset[str]
    cardinals: dict[str, float]
    #: "million", "billion": multipliers of the number before them
    scales: dict[str, float]
    tens: dict[str, int]
    vague: dict[str, str]
    ordinals: dict[str, int]
    decade_words: dict[str, int]
    negative_phrases: tuple[str, ...]
    may_followers: frozenset[str]
    march_verb_followers: frozenset[str]
    march_name_links: frozenset[str]
    not_after_number: frozenset[str]
    not_before_year: frozenset[str]
    labels_before_of_a_number: frozenset[str]
    #: "his wife, June,": a month name set off by commas after these is the person's name
    nouns_before_a_named_person: frozenset[str]
    before_minutes_of_a_meeting: frozenset[str]
    after_minutes_of_a_meeting: frozenset[str]
    #: words only a report of a game uses ("scored", "halftime"): its halves are the game's
    match_period_cues: frozenset[str]
    fixed_holidays: dict[str, list[int]]
    nth_weekday_holidays: dict[str, list[int]]
    easter_holidays: dict[str, int]
    #: days counted from the Orthodox (Julian-computus) Easter
    orthodox_easter_holidays: dict[str, int]
    #: written after a clock time ("3 p.m. ET", "14:00 local time"): part of its span
    time_zones: tuple[str, ...]
    # The words around a candidate that confirm it, reject it or join it (context.json,
    # where each class says what it is for).  Where a rule also accepts no word at all
    # it says so itself: no class holds "".
    year_prepositions: frozenset[str]
    date_prepositions: frozenset[str]
    #: the date prepositions and the words context.json adds to them
    month_introducers: frozenset[str]
    bare_month_abbreviations: frozenset[str]
    temporal_neighbours: frozenset[str]
    day_of_month_signals: frozenset[str]
    day_of_month_followers: frozenset[str]
    period_back_relations: frozenset[str]
    someday_cues: frozenset[str]
    last_verb_cues: frozenset[str]
    inside_modifiers: frozenset[str]
    adverb_followers: frozenset[str]
    current_noun_followers: frozenset[str]
    quarterly_followers: frozenset[str]
    spoken_year_followers: frozenset[str]
    common_words: frozenset[str]
    #: in the data's order, which `anchor_classes` adds them in
    period_edges: tuple[str, ...]
    anchored_relations: tuple[str, ...]
    words_after_a_part_of_day_not_told: frozenset[str]
    range_openers: frozenset[str]
    verbs_going_on_to_an_end: frozenset[str]

    def unit_of(self, word: str) -> str | None:
        """The singular unit for "years", "year", "Year" …, else None."""
        w = word.lower()
        if w in self.units:
            return w
        return self.unit_plurals.get(w)

    def month_of(self, word: str) -> int:
        return self.months[word.lower().rstrip(".")]

    def weekday_of(self, word: str) -> int:
        return self.weekdays[word.lower().rstrip(".")]

    def number_of(self, words: str) -> float | None:
        """The value of a number written in digits or words ("two", "twenty-five", "3")."""
        text = " ".join(words.lower().split()).replace(",", "")
        if not text:
            return None
        head, _, last = text.rpartition(" ")
        if head and last in self.scales:
            # "66 million", "13.8 billion", "a million"
            base = 1.0 if head in ("a", "one") else self.number_of(head)
            return None if base is None else base * self.scales[last]
        if _DECIMAL.fullmatch(text):
            return float(text)
        fraction = _MIXED_FRACTION.fullmatch(text)
        if fraction:
            return int(fraction.group(1)) + int(fraction.group(2)) / int(fraction.group(3))
        return self._number_words(text)

    def _number_words(self, text: str) -> float | None:
        total = 0.0
        current = 0.0
        for part in _NUMBER_WORD_SEPARATOR.split(text):
            if part in ("and", "of"):
                continue
            value = self.cardinals.get(part)
            if value is None:
                return None
            if value == 100:
                current = max(current, 1) * 100
            elif value == 1000:
                total += max(current, 1) * 1000
                current = 0.0
            else:
                current += value
        return total + current


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    cal = load_lexicon("calendar")
    num = load_lexicon("numbers")
    neg = load_lexicon("negatives")
    hol = load_lexicon("holidays")
    ctx = {key: entry["words"] for key, entry in load_lexicon("context").items()}
    date_prepositions = frozenset(ctx["date_prepositions"])
    return Lexicon(
        months=cal["months"],
        weekdays=cal["weekdays"],
        seasons=cal["seasons"],
        parts_of_day=cal["parts_of_day"],
        parts_of_day_before_day=tuple(cal["parts_of_day_before_day"]),
        named_days=cal["named_days"],
        named_day_nouns=tuple(cal["named_day_nouns"]),
        units=cal["units"],
        unit_plurals=cal["unit_plurals"],
        set_adverbs=cal["set_adverbs"],
        relative_past=tuple(cal["relative_past"]),
        relative_future=tuple(cal["relative_future"]),
        relative_this=tuple(cal["relative_this"]),
        day_words=cal["day_words"],
        present_ref=tuple(cal["present_ref"]),
        past_ref=tuple(cal["past_ref"]),
        future_ref=tuple(cal["future_ref"]),
        point_modifiers=cal["point_modifiers"],
        quantity_modifiers=cal["quantity_modifiers"],
        signals=tuple(cal["signals"]),
        event_relative=frozenset(cal["event_relative"]),
        cardinals=num["cardinals"],
        scales=num["scales"],
        tens=num["tens"],
        vague=num["vague"],
        ordinals=num["ordinals"],
        decade_words=num["decade_words"],
        negative_phrases=tuple(neg["phrases"]),
        may_followers=frozenset(neg["may_followers"]),
        march_verb_followers=frozenset(neg["march_verb_followers"]),
        march_name_links=frozenset(neg["march_name_links"]),
        not_after_number=frozenset(neg["not_after_number"]),
        not_before_year=frozenset(neg["not_before_year"]),
        labels_before_of_a_number=frozenset(neg["labels_before_of_a_number"]),
        nouns_before_a_named_person=frozenset(neg["nouns_before_a_named_person"]),
        before_minutes_of_a_meeting=frozenset(neg["before_minutes_of_a_meeting"]),
        after_minutes_of_a_meeting=frozenset(neg["after_minutes_of_a_meeting"]),
        match_period_cues=frozenset(neg["match_period_cues"]),
        fixed_holidays=hol["fixed"],
        nth_weekday_holidays=hol["nth_weekday"],
        easter_holidays=hol["easter"],
        orthodox_easter_holidays=hol["orthodox_easter"],
        time_zones=tuple(cal["time_zones"]),
        year_prepositions=frozenset(ctx["year_prepositions"]),
        date_prepositions=date_prepositions,
        month_introducers=date_prepositions | frozenset(ctx["month_introducers"]),
        bare_month_abbreviations=frozenset(ctx["bare_month_abbreviations"]),
        temporal_neighbours=frozenset(ctx["temporal_neighbours"]),
        day_of_month_signals=frozenset(ctx["day_of_month_signals"]),
        day_of_month_followers=frozenset(ctx["day_of_month_followers"]),
        period_back_relations=frozenset(ctx["period_back_relations"]),
        someday_cues=frozenset(ctx["someday_cues"]),
        last_verb_cues=frozenset(ctx["last_verb_cues"]),
        inside_modifiers=frozenset(ctx["inside_modifiers"]),
        adverb_followers=frozenset(ctx["adverb_followers"]),
        current_noun_followers=frozenset(ctx["current_noun_followers"]),
        quarterly_followers=frozenset(ctx["quarterly_followers"]),
        spoken_year_followers=frozenset(ctx["spoken_year_followers"]),
        common_words=frozenset(ctx["common_words"]),
        period_edges=tuple(ctx["period_edges"]),
        anchored_relations=tuple(ctx["anchored_relations"]),
        words_after_a_part_of_day_not_told=frozenset(ctx["words_after_a_part_of_day_not_told"]),
        range_openers=frozenset(ctx["range_openers"]),
        verbs_going_on_to_an_end=frozenset(ctx["verbs_going_on_to_an_end"]),
    )
