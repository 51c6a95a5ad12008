"""Sentences, tokens and tense cues: the built-in analysis that needs no download.

The analysis is the stage between raw text and the recognizer.  `BuiltinAnalysis`
splits sentences with a linear regex scan, tokenizes a sentence only when a later stage
asks for it, and answers two questions the later stages need:

- `tense_at(span)`: the tense of the clause that governs a span, from tense cue words
  (auxiliaries, modals, a list of irregular past forms and the regular ``-ed`` ending).
- `governor_of(span)`: the verb most likely to govern the span, by distance within the
  clause (the stanza adapter answers the same questions from a dependency parse).

and, for the resolver, whether a past verb governs a span through an infinitive or a
modal (`past_verb_before`), which puts the span after that verb's time.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, repeat
from operator import itemgetter
from typing import Literal, NamedTuple, TypeVar

from .resources import load_lexicon
from .types import Tense

_Class = TypeVar("_Class")

try:
    from mypy_extensions import mypyc_attr
except ImportError:  # only a compiled build (setup.py) reads the mark

    def mypyc_attr(*attrs: str, **kwattrs: object) -> Callable[[_Class], _Class]:
        return lambda cls: cls


__all__ = [
    "SPECIAL_FOLDS",
    "Analysis",
    "BuiltinAnalysis",
    "Grammar",
    "LeadIn",
    "PastKind",
    "Sentence",
    "Token",
    "analyze",
    "closes_abbreviation",
    "delayed_from",
    "delayed_until",
    "forecast_for",
    "grammar_words",
    "is_aside",
    "is_attribution",
    "is_base_form",
    "is_content_verb",
    "is_ending_verb",
    "is_hometown",
    "is_intransitive",
    "is_lasting_verb",
    "is_past_form",
    "is_past_verb",
    "lowered_in_place",
    "opens_with_a_share_of_whom",
    "past_kind",
    "pluperfect_governs",
    "possessive_at",
    "reported_after",
    "reported_for",
    "start_word_before",
    "superlative_before",
    "superlative_since_before",
    "token_index",
    "verb_lemma",
    "will_governs",
    "word_past_an_adverb",
]


class Token(NamedTuple):
    """A token with character offsets into the whole document.

    A named tuple rather than a dataclass: a long text makes hundreds of thousands of
    them, and a tuple is built several times faster.
    """

    text: str
    start: int
    end: int
    lemma: str | None = None
    upos: str | None = None
    feats: str | None = None
    #: index of the head token within the sentence, -1 for the root, None when unparsed
    head: int | None = None
    deprel: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its index, its character span in the document, and its text."""

    index: int
    start: int
    end: int
    text: str


_WINDOW = 16
_WINDOWS_KEPT = 64
_FRONTED_WINDOW = 40


# a compiled build (setup.py) would refuse a subclass written in Python: stanza's is one
@mypyc_attr(allow_interpreted_subclasses=True)
class Analysis:
    """The interface every analysis offers to the later stages.

    Subclasses fill ``sentences`` and may override the tokenization, tense and governor
    answers; the default implementations are the built-in heuristics.
    """

    text: str
    sentences: Sequence[Sentence]
    #: extra candidate spans (start, end, label) from a named-entity tagger
    entities: Sequence[tuple[int, int, str]]
    backend: str = "builtin"

    def __init__(self, text: str, sentences: Sequence[Sentence]) -> None:
        self.text = text
        self.sentences = sentences
        self.entities = ()
        self._starts = [s.start for s in sentences]
        self._tokens: dict[int, tuple[Token, ...]] = {}
        self._token_starts: dict[int, list[int]] = {}
        self._windows: dict[tuple[tuple[int, int], int], Sequence[Token]] = {}

    def sentence_index_at(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (the last one starting at or before it)."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def sentence_at(self, offset: int) -> Sentence:
        return self.sentences[self.sentence_index_at(offset)]

    def tokens(self, sentence_index: int) -> tuple[Token, ...]:
        """The tokens of one sentence, computed on first use and kept."""
        cached = self._tokens.get(sentence_index)
        if cached is None:
            cached = self._tokenize(self.sentences[sentence_index])
            self._tokens[sentence_index] = cached
        return cached

    def _tokenize(self, sentence: Sentence) -> tuple[Token, ...]:
        return tokenize(sentence.text, sentence.start)

    def window(self, span: tuple[int, int], radius: int = _WINDOW) -> Sequence[Token]:
        """The tokens of ``span``'s sentence within ``radius`` tokens of it.

        Cue and governor searches look only this far, so a sentence of a million words
        (a text with no punctuation) costs no more per expression than a short one.
        """
        # an expression's tense, its governor and its event each ask for its window; the
        # recent ones are kept (all of them would grow with the text)
        key = (span, radius)
        window = self._windows.get(key)
        if window is None:
            if len(self._windows) >= _WINDOWS_KEPT:
                self._windows.clear()
            window = self._windows[key] = self._window(span, radius)
        return window

    def _window(self, span: tuple[int, int], radius: int) -> Sequence[Token]:
        index = self.sentence_index_at(span[0])
        tokens = self.tokens(index)
        starts = self._token_starts.get(index)
        if starts is None:
            starts = [t.start for t in tokens]
            self._token_starts[index] = starts
        low = bisect.bisect_left(starts, span[0])
        high = bisect.bisect_left(starts, span[1])
        return tokens[max(0, low - radius) : high + radius]

    def tense_at(self, span: tuple[int, int]) -> Tense:
        """Tense of the clause governing ``span`` (cue words nearest to it win)."""
        fronted = self._opens_sentence(span)
        tense = tense_from_cues(self.window(span), span, fronted=fronted)
        if tense == "unknown" and fronted:
            # "In January, a week after the anniversary of the ruling, a bombing killed a
            # guard": a fronted date waits for the main verb past a long aside
            tense = tense_from_cues(
                self.window(span, radius=_FRONTED_WINDOW), span, fronted=fronted
            )
        return tense

    def past_verb_before(self, span: tuple[int, int]) -> Token | None:
        """The past verb that governs ``span`` through an infinitive or a modal
        ("decided on Monday to raise taxes in January"), which puts it after that
        verb's time; None when there is none."""
        return _past_verb_before(self.window(span), span, fronted=self._opens_sentence(span))

    def _opens_sentence(self, span: tuple[int, int]) -> bool:
        """Only a word or two (a preposition: "In", "Early in") before ``span`` in its
        sentence."""
        sentence = self.sentence_at(span[0])
        before = span[0] - sentence.start
        # bounded: a sentence may be a whole text that has no punctuation
        return before <= 24 and len(sentence.text[:before].split()) <= 2

    def governor_of(self, span: tuple[int, int]) -> Token | None:
        """The verb token that most likely governs ``span``, or None."""
        return nearest_verb(self.window(span), span)

    def lemma_of(self, token: Token) -> str:
        """The lemma of a token: the parser's, else the built-in verb lexicon's guess."""
        if token.lemma:
            return token.lemma
        return verb_lemma(token.text.lower()) or token.text.lower()


class BuiltinAnalysis(Analysis):
    """Regex sentences and tokens, lexicon-driven tense and governor heuristics."""

    backend = "builtin"

    def __init__(self, text: str) -> None:
        super().__init__(text, split_sentences(text))


def analyze(text: str) -> Analysis:
    """The default, download-free analysis of ``text``."""
    return BuiltinAnalysis(text)


# ---------------------------------------------------------------- sentences

# A candidate boundary: terminal punctuation (with closing quotes/brackets) then space,
# or a blank line / a line break.  Both alternatives are bounded, so the scan is linear.
# Possessive and anchored at the run's start: a run of 100,000 "?" is read once, not
# re-scanned from each of its characters.
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=\n)|(?<![.!?].)[.!?]*+[\"'”’)\]]{0,3}+(?=\s))")
# (It starts with a character class, so the regex engine skips to the next mark or line
# break in C; the look-behind past that first mark then asks that it start its run.)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with offsets; abbreviations do not end a sentence."""
    abbreviations = _abbreviations()
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        dot = match.start()
        if text[dot] == "." and _is_abbreviation(text, dot, end, abbreviations):
            continue
        _append_sentence(sentences, text, start, end)
        start = end
    _append_sentence(sentences, text, start, len(text))
    if not sentences:
        sentences.append(Sentence(0, 0, len(text), text))
    return sentences


def _append_sentence(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    # Strip surrounding white space so spans point at the sentence itself.
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        start += len(piece) - len(piece.lstrip())
        sentences.append(Sentence(len(sentences), start, start + len(stripped), stripped))


def _is_abbreviation(text: str, dot: int, end: int, abbreviations: frozenset[str]) -> bool:
    word = _word_before(text, dot)
    if not word:
        return False
    token = word.lstrip("(\"'“‘").lower()
    if token in ("a.m", "p.m"):
        # "at 8 p.m. Friday", "3 a.m. EST" go on; "at 8 p.m. Results are due" ends
        return _next_starts_lower_or_digit(text, end) or _next_is_time_word(text, end)
    if token + "." in abbreviations:
        # "U.S. officials" continues; "in the U.S. The next" cannot be told apart
        # without a parser, so a following lower-case word or digit is required.
        if _next_starts_lower_or_digit(text, end):
            return True
        # a short one ends no sentence, unless it is a word ("fell ill. The winner")
        return len(token) <= 4 and _written_as_abbreviation(word, token + ".")
    # Single letters ("J. Smith") and dotted initialisms ("a.m.", "U.N.")
    if len(token) == 1 and token.isalpha():
        return True
    return bool(_INITIALISM.fullmatch(token)) and _next_starts_lower_or_digit(text, end)


_INITIALISM = re.compile(r"(?:[a-z]\.){1,4}[a-z]")


def _word_before(text: str, index: int) -> str:
    """The run of non-space characters (at most 40) that ends at ``index``, or "".

    A line break right before ``index`` is stepped over, as a regex ``$`` would."""
    segment = text[max(0, index - 40) : index]
    if segment.endswith("\n"):
        segment = segment[:-1]
    if not segment or segment[-1].isspace():
        return ""
    return segment.rsplit(None, 1)[-1]


def _next_starts_lower_or_digit(text: str, end: int) -> bool:
    i = end
    limit = min(len(text), end + 20)
    while i < limit and text[i].isspace():
        i += 1
    return i < limit and (text[i].islower() or text[i].isdigit())


def _next_is_time_word(text: str, end: int) -> bool:
    """The words after ``end`` name a day, a month or a time zone ("p.m. Friday",
    "p.m. Central time", "a.m. Tokyo time")."""
    found = _NEXT_WORDS.match(text, end, end + 40)
    if found is None:
        return False
    return found.group(1).lower().rstrip(".") in _time_words() or (
        (found.group(2) or "").lower() == "time"
    )


_NEXT_WORDS = re.compile(r"\s*([A-Za-z.]+)(?:[ \t]{1,3}([A-Za-z]+))?")


@lru_cache(maxsize=1)
def _time_words() -> frozenset[str]:
    calendar = load_lexicon("calendar")
    # a zone of several words ("Central European Time") by its first; not "the" of "the
    # day after tomorrow": "at 9 a.m. The deadline is Friday" is two sentences
    firsts = (
        word.lower().split()[0]
        for key in ("months", "weekdays", "day_words", "time_zones")
        for word in calendar[key]
    )
    return frozenset(first for first in firsts if first != "the")


def closes_abbreviation(tokens: Sequence[Token], i: int) -> bool:
    """Whether the "." token at ``i`` closes an abbreviation written right before it
    ("the Jan. 6 committee", "Gov. Hochul"): part of a phrase, not the end of one."""
    if i == 0 or tokens[i].text != "." or tokens[i - 1].end != tokens[i].start:
        return False
    word = tokens[i - 1].text
    if len(word) == 1 and word.isupper():
        return True  # an initial ("George W. Bush"), which ends no sentence either
    abbreviation = word.lower() + "."
    return abbreviation in _abbreviations() and _written_as_abbreviation(word, abbreviation)


def _written_as_abbreviation(word: str, abbreviation: str) -> bool:
    """``word`` before its period is written as ``abbreviation`` is: "fell ill." is a
    word, since "Ill." abbreviates a name and is capitalized; "approx." is one of those
    written in lower case."""
    return not word.islower() or abbreviation in grammar_words().abbreviations_in_lower_case


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lexicon("abbreviations"))


@lru_cache(maxsize=1)
def superlative_before() -> re.Pattern[str]:
    """A superlative and at most three words before a signal ("the weakest since",
    "its worst performance since"), searched in the text before the signal."""
    words = "|".join(map(re.escape, sorted(grammar_words().superlatives)))
    # "at least three times since": a count, no superlative
    return re.compile(
        rf"(?<![\w-])(?<![Aa]t\s)(?i:{words})(?:\s{{1,3}}[^\s,;:()]+){{0,3}}\s{{1,3}}$"
    )


def superlative_since_before(text: str, start: int) -> bool:
    """ "water reached its highest point since 1998": "since" after a superlative right
    before ``start``, which makes the date the last time a figure stood there."""
    window = text[max(0, start - _SUPERLATIVE_REACH) : start]
    since = window.lower().rfind("since")
    return (
        since >= 0
        and window[since + 5 :].isspace()
        and superlative_before().search(window, 0, since) is not None
    )


# a superlative, three words and "since": "its highest closing level since "
_SUPERLATIVE_REACH = 64


def possessive_at(text: str, end: int) -> bool:
    """True when "'s" follows ``end``: "Wednesday's ruling" names a day by what happened."""
    return text[end : end + 2] in ("'s", "’s")


# -------------------------------------------------------------- lower case


def lowered_in_place(text: str) -> str | None:
    """``text.lower()`` when it keeps every offset and every letter a case-insensitive
    regex would fold onto an ASCII letter, else None.

    A pattern written in lower case over this text is the case-insensitive pattern over
    the original, only faster: each alternative starts with a plain character the regex
    engine can reject at once.  "İ" lower-cases to two characters (offsets move); "ſ"
    and dotless "ı" stay themselves though ``(?i)`` reads them as "s" and "i".
    """
    lowered = text.lower()
    if len(lowered) != len(text) or any(fold in lowered for fold in SPECIAL_FOLDS):
        return None
    return lowered


SPECIAL_FOLDS = ("ſ", "ı")


# ------------------------------------------------------------------ tokens

# Dotted initialisms ("U.S.", "a.m.") and numbers with inner marks ("3:15", "1,000",
# "2.5") stay one token, so their periods, colons and commas end no clause.
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[:.,]\d+)+|\w+(?:[-'’]\w+)*|[^\w\s]")


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Word and punctuation tokens of ``text``; offsets are shifted by ``offset``."""
    # Every loop here runs in C: the split alternates white space and tokens, their
    # running lengths are the offsets, and tuple.__new__ builds each Token (the named
    # tuple's own __new__ is a Python function that would cost as much as the rest).
    parts = _TOKEN_SPLIT.split(text)
    bounds = list(accumulate(map(len, parts), initial=offset))
    unparsed = repeat(None)  # lemma, upos, feats, head and deprel
    # bounds has one entry more than there are tokens: zip stops at the shortest
    fields = zip(parts[1::2], bounds[1::2], bounds[2::2], *(unparsed,) * 5, strict=False)
    return tuple(map(tuple.__new__, repeat(Token), fields))


# The tokens of `_TOKEN` (tests check it), possessive: nothing follows a token inside
# the pattern, so no quantifier ever gives back, and the engine need not keep the
# positions it would back off to (15% faster).
_TOKEN_SPLIT = re.compile(
    r"([A-Za-z]\.(?:[A-Za-z]\.)++|\d++(?:[:.,]\d++)++|\w++(?:[-'’]\w++)*+|[^\w\s])"
)


# ---------------------------------------------------------- grammar words


class LeadIn(NamedTuple):
    """The words before "of" and a date that are the date's ("for much of 2020")."""

    prepositions: tuple[str, ...]
    articles: tuple[str, ...]
    adjectives: tuple[str, ...]
    parts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Grammar:
    """The function words of ``grammar.json``, each class a field of the same name.

    Two classes that look alike ("be_forms_shared", "be_forms_in_verb_group") differ on
    purpose: each is the set its rules were tuned with (see each key's "about")."""

    # what the description of an event reads (events.py)
    clause_openers: frozenset[str]
    subject_starts: frozenset[str]
    not_nouns_after_dates: frozenset[str]
    adverbs_before_dates: frozenset[str]
    adverbs_after_fronted_dates: frozenset[str]
    verb_group_inside: frozenset[str]
    superlatives: frozenset[str]
    level_nouns: frozenset[str]
    comparison_prepositions: frozenset[str]
    saying_date_words: frozenset[str]
    relatives_after_comma: frozenset[str]
    conjunct_links: frozenset[str]
    adverbs_opening_a_conjunct: frozenset[str]
    object_openers: frozenset[str]
    modals: frozenset[str]
    be_forms_shared: frozenset[str]
    have_forms_shared: frozenset[str]
    #: what a second verb after "and" can share of the first's verb group
    sharable_auxiliaries: frozenset[str]
    appositive_determiners: frozenset[str]
    aside_prepositions: frozenset[str]
    auxiliary_openers: frozenset[str]
    finite_auxiliaries: frozenset[str]
    prepositions_before_nouns: frozenset[str]
    conjunctions: frozenset[str]
    not_heads_of: frozenset[str]
    shares_of_a_group: frozenset[str]
    negations: frozenset[str]
    do_forms: frozenset[str]
    noun_phrase_determiners: frozenset[str]
    stop_before_noun: frozenset[str]
    state_abbreviations: frozenset[str]
    dangling_words: frozenset[str]
    lead_in: LeadIn
    # what tells tense and verbs apart from nouns (this module)
    soft_breaks: frozenset[str]
    relative_pronouns: frozenset[str]
    cardinals_before_nouns: frozenset[str]
    subordinators: frozenset[str]
    be_forms_before_intent: frozenset[str]
    future_modals: frozenset[str]
    finite_cues: frozenset[str]
    linking_forms: frozenset[str]
    subject_pronouns: frozenset[str]
    base_form_cues: frozenset[str]
    ing_clause_cues: frozenset[str]
    premodifiers: frozenset[str]
    adjectives_before_nouns: frozenset[str]
    openers_of_noun_phrases: frozenset[str]
    function_words: frozenset[str]
    be_forms_in_verb_group: frozenset[str]
    have_forms_in_verb_group: frozenset[str]
    clitics: frozenset[str]
    linking_verbs: frozenset[str]
    # signals of a kind (each a subset of calendar.json's "signals")
    signals_relating_to_a_thing: frozenset[str]
    signals_on_or_after: frozenset[str]
    signals_excluding: frozenset[str]
    signals_ahead_of: frozenset[str]
    signals_of_deadlines: frozenset[str]
    signals_ahead: frozenset[str]
    # function words of single stages
    articles: frozenset[str]
    lemmas_not_doing_their_object: frozenset[str]
    comparison_words: frozenset[str]
    openers_of_a_part: frozenset[str]
    possessive_owners: frozenset[str]
    parallel_prepositions: frozenset[str]
    verb_particles: frozenset[str]
    possibility_modals: frozenset[str]
    hedges_before_anchors: frozenset[str]
    anchor_determiners: frozenset[str]
    stopwords_of_events: frozenset[str]
    not_participants: frozenset[str]
    adverbs_of_habit: frozenset[str]
    words_of_recurring_days: frozenset[str]
    adverbs_inside_a_verb_group: frozenset[str]
    prepositions_of_an_occasion: frozenset[str]
    prepositions_ending_a_subject: frozenset[str]
    fixture_prepositions: frozenset[str]
    after_an_opponent: frozenset[str]
    signals_ending_a_delay: frozenset[str]
    start_words_before_dates: frozenset[str]
    pronouns_before_a_plural_verb: frozenset[str]
    plural_pronouns_opening_a_clause: frozenset[str]
    places_after_a_plural: frozenset[str]
    abbreviations_in_lower_case: frozenset[str]
    count_openers: frozenset[str]
    verbs_going_back: frozenset[str]
    subordinating_signals: frozenset[str]
    anaphors_of_a_date: frozenset[str]
    signals_before_anaphors: frozenset[str]
    owners_of_a_dated_thing: frozenset[str]
    prepositions_fronting_a_scene: frozenset[str]
    prepositions_opening_a_description: frozenset[str]
    contact_clause_subjects: frozenset[str]
    coordinators_of_clauses: frozenset[str]
    ordinals_opening_noun_phrases: frozenset[str]
    verbs_of_telling: frozenset[str]
    predicates_of_the_clause_before: frozenset[str]


# functools.cache, not lru_cache: hot functions call this once per call, and the
# unbounded cache skips the recency bookkeeping
@cache
def grammar_words() -> Grammar:
    """The function-word classes of ``resources/en/grammar.json``, read at first use."""
    data = load_lexicon("grammar")

    def words(key: str) -> frozenset[str]:
        return frozenset(data[key]["words"])

    lead_in = data["lead_in"]
    return Grammar(
        clause_openers=words("clause_openers"),
        subject_starts=words("subject_starts"),
        not_nouns_after_dates=words("not_nouns_after_dates"),
        adverbs_before_dates=words("adverbs_before_dates"),
        adverbs_after_fronted_dates=words("adverbs_after_fronted_dates"),
        verb_group_inside=words("verb_group_inside"),
        superlatives=words("superlatives"),
        level_nouns=words("level_nouns"),
        comparison_prepositions=words("comparison_prepositions"),
        saying_date_words=words("saying_date_words"),
        relatives_after_comma=words("relatives_after_comma"),
        conjunct_links=words("conjunct_links"),
        adverbs_opening_a_conjunct=words("adverbs_opening_a_conjunct"),
        object_openers=words("object_openers"),
        modals=words("modals"),
        be_forms_shared=words("be_forms_shared"),
        have_forms_shared=words("have_forms_shared"),
        sharable_auxiliaries=(
            words("modals") | words("be_forms_shared") | words("have_forms_shared")
        ),
        appositive_determiners=words("appositive_determiners"),
        aside_prepositions=words("aside_prepositions"),
        auxiliary_openers=words("auxiliary_openers"),
        finite_auxiliaries=words("finite_auxiliaries"),
        prepositions_before_nouns=words("prepositions_before_nouns"),
        conjunctions=words("conjunctions"),
        not_heads_of=words("not_heads_of"),
        shares_of_a_group=words("shares_of_a_group"),
        negations=words("negations"),
        do_forms=words("do_forms"),
        noun_phrase_determiners=words("noun_phrase_determiners"),
        stop_before_noun=words("stop_before_noun"),
        state_abbreviations=words("state_abbreviations"),
        dangling_words=words("dangling_words"),
        lead_in=LeadIn(
            tuple(lead_in["prepositions"]),
            tuple(lead_in["articles"]),
            tuple(lead_in["adjectives"]),
            tuple(lead_in["parts"]),
        ),
        soft_breaks=words("soft_breaks"),
        relative_pronouns=words("relative_pronouns"),
        cardinals_before_nouns=words("cardinals_before_nouns"),
        subordinators=words("subordinators"),
        be_forms_before_intent=words("be_forms_before_intent"),
        future_modals=words("future_modals"),
        finite_cues=words("finite_cues"),
        linking_forms=words("linking_forms"),
        subject_pronouns=words("subject_pronouns"),
        base_form_cues=words("base_form_cues"),
        ing_clause_cues=words("ing_clause_cues"),
        premodifiers=words("premodifiers"),
        adjectives_before_nouns=words("adjectives_before_nouns"),
        openers_of_noun_phrases=words("openers_of_noun_phrases"),
        function_words=words("function_words"),
        be_forms_in_verb_group=words("be_forms_in_verb_group"),
        have_forms_in_verb_group=words("have_forms_in_verb_group"),
        clitics=words("clitics"),
        linking_verbs=words("linking_verbs"),
        signals_relating_to_a_thing=words("signals_relating_to_a_thing"),
        signals_on_or_after=words("signals_on_or_after"),
        signals_excluding=words("signals_excluding"),
        signals_ahead_of=words("signals_ahead_of"),
        signals_of_deadlines=words("signals_of_deadlines"),
        signals_ahead=words("signals_ahead"),
        articles=words("articles"),
        lemmas_not_doing_their_object=words("lemmas_not_doing_their_object"),
        comparison_words=words("comparison_words"),
        openers_of_a_part=words("openers_of_a_part"),
        possessive_owners=words("possessive_owners"),
        parallel_prepositions=words("parallel_prepositions"),
        verb_particles=words("verb_particles"),
        possibility_modals=words("possibility_modals"),
        hedges_before_anchors=words("hedges_before_anchors"),
        anchor_determiners=words("anchor_determiners"),
        stopwords_of_events=words("stopwords_of_events"),
        not_participants=words("not_participants"),
        adverbs_of_habit=words("adverbs_of_habit"),
        words_of_recurring_days=words("words_of_recurring_days"),
        adverbs_inside_a_verb_group=words("adverbs_inside_a_verb_group"),
        prepositions_of_an_occasion=words("prepositions_of_an_occasion"),
        prepositions_ending_a_subject=words("prepositions_ending_a_subject"),
        fixture_prepositions=words("fixture_prepositions"),
        after_an_opponent=words("after_an_opponent"),
        signals_ending_a_delay=words("signals_ending_a_delay"),
        start_words_before_dates=words("start_words_before_dates"),
        pronouns_before_a_plural_verb=words("pronouns_before_a_plural_verb"),
        plural_pronouns_opening_a_clause=words("plural_pronouns_opening_a_clause"),
        places_after_a_plural=words("places_after_a_plural"),
        abbreviations_in_lower_case=words("abbreviations_in_lower_case"),
        count_openers=words("count_openers"),
        verbs_going_back=words("verbs_going_back"),
        subordinating_signals=words("subordinating_signals"),
        anaphors_of_a_date=words("anaphors_of_a_date"),
        signals_before_anaphors=words("signals_before_anaphors"),
        owners_of_a_dated_thing=words("owners_of_a_dated_thing"),
        prepositions_fronting_a_scene=words("prepositions_fronting_a_scene"),
        prepositions_opening_a_description=words("prepositions_opening_a_description"),
        contact_clause_subjects=words("contact_clause_subjects"),
        coordinators_of_clauses=words("coordinators_of_clauses"),
        ordinals_opening_noun_phrases=words("ordinals_opening_noun_phrases"),
        verbs_of_telling=words("verbs_of_telling"),
        predicates_of_the_clause_before=words("predicates_of_the_clause_before"),
    )


# ------------------------------------------------------------------- tense

# Tokens that end a clause for the purpose of tense: a cue beyond one of these counts less.
_CLAUSE_BREAKS = frozenset({";", ":", "“", "”", '"', "(", ")", "–", "—"})


def tense_from_cues(
    tokens: Sequence[Token], span: tuple[int, int], *, fronted: bool = False
) -> Tense:
    """The tense of the cue word nearest to ``span`` (clause breaks weigh as distance);
    ``fronted``: the expression opens its sentence ("On Wednesday, X said …"), so a
    reporting verb past the comma is its own."""
    found = _nearest_cue(tokens, span, fronted)
    # a past verb that governs the date through an infinitive or a modal gives no tense
    return found if isinstance(found, str) else "unknown"


def _past_verb_before(
    tokens: Sequence[Token], span: tuple[int, int], *, fronted: bool = False
) -> Token | None:
    """The past verb nearest to ``span`` when it governs it through an infinitive or a
    modal ("decided on Monday to raise taxes in January", "said a deal could come in
    June"): what the date tells is still to come at that verb's time."""
    found = _nearest_cue(tokens, span, fronted)
    return found if isinstance(found, Token) else None


def _nearest_cue(
    tokens: Sequence[Token], span: tuple[int, int], fronted: bool
) -> Tense | Token | None:
    """The tense of the cue nearest to ``span``, or the past verb that governs it through
    an infinitive or a modal, which gives it no tense of its own."""
    center = token_index(tokens, span[0])
    lexicon = _tense_lexicon()
    # the comma closing a fronted subordinate clause around the center, looked up once,
    # at the first cue after the center
    closing: list[int | None] = []

    def cue_at(i: int) -> Tense | Token | None:
        tense = _tense_of_token(tokens, i, lexicon)
        if tense is None:
            return None
        if i > center:
            if not fronted and _reports_after_comma(tokens, center, i):
                return None
            if _reported_past_that(tokens, center, i, lexicon):
                return None
            if not closing:
                closing.append(_comma_closing_a_fronted_clause(tokens, center, lexicon))
            comma = closing[0]
            if comma is not None and comma < i:
                return None
            if _past_a_relative_aside(tokens, center, i):
                return None
            if tense == "future" and _plan_made_then(tokens, i):
                return "past"
        elif (
            tense == "past"
            and tokens[i].text.lower() not in lexicon.intent
            and (
                (
                    _infinitive_between(tokens, i, center)
                    and not _result_infinitive(tokens, i, lexicon)
                )
                or _modal_between(tokens, i, center)
            )
        ):
            # "has decided to admit them in early March", "placed orders in the
            # morning to start the trading for November": the infinitive's event, still
            # to come then, is not placed by the past verb that governs it
            return tokens[i]
        return tense

    return _nearest_in_clause(tokens, center, cue_at)


_T = TypeVar("_T")


def _nearest_in_clause(
    tokens: Sequence[Token], center: int, value_at: Callable[[int], _T | None]
) -> _T | None:
    """The value of the token nearest to ``center`` that has one (``value_at`` is not None).

    Nearness is the distance in tokens, plus 6 per clause break and 3 per clause word
    between, plus ½ after the center (a verb before the expression usually governs it
    in English); a tie goes to the earlier token.  The search runs outward from the
    center and stops when no farther token could be nearer, so the usual cost is a few
    tokens, not the window.
    """
    best: tuple[float, int, _T] | None = None
    count = len(tokens)
    for offset in range(max(center, count - center) + 1):
        if best is not None and offset > best[0]:
            break
        for i in (center - offset, center + offset) if offset else (center,):
            if not 0 <= i < count:
                continue
            value = value_at(i)
            if value is None:
                continue
            distance = (
                offset + 6.0 * _breaks_between(tokens, i, center) + (0.5 if i > center else 0.0)
            )
            if best is None or (distance, i) < (best[0], best[1]):
                best = (distance, i, value)
    return best[2] if best is not None else None


def _infinitive_between(tokens: Sequence[Token], position: int, center: int) -> bool:
    """A "to" + verb between the cue at ``position`` and the expression at ``center``."""
    return any(
        tokens[i].text.lower() == "to" and _looks_like_base_verb(tokens[i + 1].text)
        for i in range(position + 1, min(center, len(tokens) - 1))
    )


def _modal_between(tokens: Sequence[Token], position: int, center: int) -> bool:
    """ "said a deal could come as early as Monday": a modal between the past cue at
    ``position`` and the expression at ``center`` has the clause the date is in."""
    modals = grammar_words().possibility_modals
    # case kept: "extended the deadline to May 17" has a month, not a modal
    return any(tokens[i].text in modals for i in range(position + 1, center))


def _result_infinitive(tokens: Sequence[Token], position: int, lexicon: _TenseLexicon) -> bool:
    """ "rallied to beat Villa on Saturday", "came from behind to win", "went on to
    take the title": an infinitive right after the past verb at ``position`` (or after
    its particle) tells what came of it, at the same time, unless the verb looks ahead
    ("decided to", "agreed to")."""
    if tokens[position].text.lower() in lexicon.irrealis_verbs:
        return False
    words = [t.text.lower() for t in tokens[position + 1 : position + 4]]
    if words[:1] == ["from"] and words[1:2] and words[1] in lexicon.result_particles:
        words = words[2:]  # "came from behind to win"
    elif words[:1] and words[0] in lexicon.result_particles:
        words = words[1:]  # "came back to win"
    return words[:1] == ["to"]


def _looks_like_base_verb(word: str) -> bool:
    """After "to": a lower-case word that is not a determiner ("to the", "to its") nor a
    plural noun ("reopened to visitors") unless the verb lexicon knows it as a verb."""
    lexicon = _tense_lexicon()
    if not (word.isalpha() and word.islower()) or word in lexicon.determiners:
        return False
    return not word.endswith("s") or word in _verb_forms().lemmas


def _past_a_relative_aside(tokens: Sequence[Token], center: int, position: int) -> bool:
    """ "The plan, which passed by a wide margin in May, takes effect Thursday": the main
    verb at ``position`` is past the comma that closes the relative clause the date at
    ``center`` stands in, and does not place it."""
    comma = next((k for k in range(center + 1, position) if tokens[k].text == ","), None)
    opening = _relative_aside_opening(tokens, comma) if comma is not None else None
    return opening is not None and opening < center


def _reported_past_that(
    tokens: Sequence[Token], center: int, position: int, lexicon: _TenseLexicon
) -> bool:
    """ "The company said in a statement on Wednesday that it will cut jobs": a cue past
    the "that" of what a reporting verb before the expression reports is the reported
    clause's, not the expression's."""
    if not any(tokens[k].text.lower() == "that" for k in range(center + 1, position)):
        return False
    return any(
        tokens[k].text.lower() in lexicon.reporting
        for k in range(max(0, center - _REPORT_REACH), center)
    )


# how many tokens before an expression its reporting verb may stand ("said in a
# statement on")
_REPORT_REACH = 8


def _reports_after_comma(tokens: Sequence[Token], center: int, position: int) -> bool:
    """ "… in early March, an official said": a reporting verb after a comma tells when
    it was said, not when the reported event happens."""
    if tokens[position].text.lower() not in _tense_lexicon().reporting:
        return False
    return any(t.text == "," for t in tokens[center:position])


def _comma_closing_a_fronted_clause(
    tokens: Sequence[Token], center: int, lexicon: _TenseLexicon
) -> int | None:
    """ "If no deal is reached by the end of the strike on Friday, the union has warned
    …": when the expression at ``center`` is inside a clause that a subordinator opens at
    the sentence's start and that has a tense of its own, the comma that closes it (a cue
    past it is the main clause's), else None."""
    comma = next((k for k in range(center, len(tokens)) if tokens[k].text == ","), None)
    if comma is None:
        return None
    opener = next(
        (k for k in range(center - 1, -1, -1) if k == 0 or tokens[k - 1].text in _SENTENCE_MARKS),
        None,
    )
    if (
        opener is not None
        and tokens[opener].text.lower() in grammar_words().subordinators
        and not any(t.text == "," for t in tokens[opener:center])
        and any(_tense_of_token(tokens, k, lexicon) for k in range(opener + 1, center))
    ):
        return comma
    return None


_SENTENCE_MARKS = frozenset({".", "!", "?", '"', "“", "”"})


def _plan_made_then(tokens: Sequence[Token], position: int) -> bool:
    """ "On Friday, the government planned to pay …": a plan verb in the past after the
    expression tells when the plan was made, not when it is to happen."""
    if tokens[position].text.lower() not in _tense_lexicon().plan_verbs_past:
        return False
    before = tokens[position - 1].text.lower() if position > 0 else ""
    grammar = grammar_words()
    return (
        before not in grammar.be_forms_in_verb_group
        and before not in grammar.have_forms_in_verb_group
    )


def token_index(tokens: Sequence[Token], offset: int) -> int:
    """The index of the first of ``tokens`` (in text order) that starts at or after
    ``offset``."""
    return bisect.bisect_left(tokens, offset, key=_START)


_START = itemgetter(1)  # Token.start, read in C


# a semicolon joins two sentences: a verb past it governs a date only when its own
# clause has none ("On Monday the strike began; a day before, talks had failed")
_SEMICOLON_BREAKS = 3


def _breaks_between(tokens: Sequence[Token], a: int, b: int, *, hard_only: bool = False) -> float:
    """The clause breaks between tokens ``a`` and ``b``: each hard one counts 1 (a
    semicolon 3), each soft one ½, unless ``hard_only``; a title's quotes count nothing."""
    low, high = (a, b) if a < b else (b, a)
    hard = soft = 0
    soft_breaks = grammar_words().soft_breaks
    k = low
    while k + 1 < high:
        k += 1
        word = tokens[k].text
        if word in _QUOTES:
            close = _title_close(tokens, k, high)
            if close is not None:
                k = close  # a title: "will release her album "Fearless" on April 9"
                continue
        if word == ";":
            hard += _SEMICOLON_BREAKS
        elif word in _CLAUSE_BREAKS:
            hard += 1
        # a comma weighs as a soft break: "The festival, held every August since 1947,
        # drew crowds": the verb of the aside governs its date, not the one past the comma
        elif word == "," or word.lower() in soft_breaks:
            soft += 1
    return hard if hard_only else hard + soft / 2


def _tense_of_token(tokens: Sequence[Token], i: int, lexicon: _TenseLexicon) -> Tense | None:
    token = tokens[i]
    if token.feats:
        # A parsed token: its UD features decide.
        return _tense_from_feats(token)
    word = token.text.lower()
    kind = _cue_kind(word)
    if kind is None or _in_manner_aside(tokens, i):
        return None
    if kind == "future":
        if word in lexicon.future_nouns and _plain_noun(tokens, i, lexicon):
            return None
        if _perfect_infinitive_after(tokens, i, lexicon):
            return "past"  # "is expected to have fallen 8%": a guess at what is done
        if word in lexicon.intent and _after_a_preposition(tokens, i):
            return None  # "will close for planned repairs": an adjective
        return _intent_tense(word, tokens, i, lexicon)
    if kind == "present":
        previous = tokens[i - 1].text.lower() if i > 0 else ""
        if _is_base_form_cue(previous) and previous not in grammar_words().subject_pronouns:
            # "will remain", "could say": the modal before it tells the time ("they see",
            # "we remain": a subject before it, the present)
            return None
        # "is to resume", "are expected to rise": an arrangement or a forecast
        if _is_to_infinitive(tokens, i) or _be_before_intent(word, tokens, i, lexicon):
            return "future"
        return "present"
    if kind == "past":
        return "future" if _be_before_intent(word, tokens, i, lexicon) else "past"
    if kind == "going":
        return "future" if i + 1 < len(tokens) and tokens[i + 1].text.lower() == "to" else None
    if kind == "possibility":
        return _possibility_tense(tokens, i, lexicon)
    if kind == "perfect":
        # "has fallen", "have ground to a halt": the event lies before the reference time
        if not _followed_by_participle(tokens, i, lexicon):
            return "present"
        if i > 0 and tokens[i - 1].text.lower() in grammar_words().future_modals:
            # "will have passed by Friday": done by a time ahead ("would have raised
            # wages": what did not happen, back then)
            return "future"
        return "past"
    if kind == "scheduled":
        # "the law takes effect Jan. 1", "schools reopen in September": news tells what
        # is scheduled in the present tense; the date lies ahead
        return "future" if _present_of_schedule(word, tokens, i) else None
    if kind == "regular" and not _looks_regular_past(word, tokens, i, lexicon):
        return None
    if kind == "irregular" and (
        _after_noun_marker(tokens, i, lexicon) or _after_a_preposition(tokens, i)
    ):
        # "expect the first cut in September", "a big hit": a noun, no past; "with
        # broken windows": an adjective
        return None
    # "will be held", "has been arrested", "would not be fully restored": the auxiliary
    # before it carries the tense; "will remain closed", "stayed shut": an adjective
    # after a linking verb
    previous = _word_before_adverbs(tokens, i)
    grammar = grammar_words()
    if (
        previous in grammar.be_forms_in_verb_group
        or previous in grammar.have_forms_in_verb_group
        or previous in grammar.linking_verbs
    ):
        return None
    return None if _after_base_form_marker(tokens, i, lexicon) else "past"


def _word_before_adverbs(tokens: Sequence[Token], i: int) -> str:
    """The word before token ``i`` past up to two adverbs of a verb group ("be fully
    restored", "has not yet been"), lower case; "" at the start."""
    adverbs = grammar_words().adverbs_inside_a_verb_group
    j = i - 1
    while j >= 0 and i - j <= 2:
        word = tokens[j].text.lower()
        if not (word in adverbs or (word.endswith("ly") and len(word) > 4)):
            return word
        j -= 1
    return tokens[j].text.lower() if j >= 0 else ""


def _plain_noun(tokens: Sequence[Token], i: int, lexicon: _TenseLexicon) -> bool:
    """ "announced the plan Aug. 21", "its hopes": a determiner makes the word a noun,
    which looks forward only with what is planned after it ("its plans to open a store
    in June", "the plan for a vote in May")."""
    if i == 0 or tokens[i - 1].text.lower() not in lexicon.determiners:
        return False
    return i + 1 >= len(tokens) or tokens[i + 1].text.lower() not in ("to", "for")


def _in_manner_aside(tokens: Sequence[Token], i: int) -> bool:
    """ "began as previously planned Saturday night", "will open as scheduled", "fell,
    as expected, on Monday": a participle after "as" compares the event with a plan or
    a forecast; the verb it qualifies tells the time and is the event."""
    if i == 0:
        return False
    j = i - 1
    word = tokens[j].text
    if word != "as" and word != "As":
        if not (word.endswith("ly") and j >= 1 and tokens[j - 1].text.lower() == "as"):
            return False  # nearly every token: no more lookups
        j -= 1  # "as originally scheduled"
    # "such as", "as well as", "so much as": "as" links a list or a comparison
    return j == 0 or tokens[j - 1].text.lower() not in ("such", "well", "much", "soon")


def _after_noun_marker(tokens: Sequence[Token], i: int, lexicon: _TenseLexicon) -> bool:
    """A determiner or an ordinal-like modifier ("a", "the first") right before a form
    that is also a noun ("cut", "hit", "spread"); "the storm hit" keeps its verb."""
    if i == 0:
        return False
    previous = tokens[i - 1].text.lower()
    grammar = grammar_words()
    if previous in grammar.relative_pronouns and i >= 2 and tokens[i - 2].text == ",":
        return False  # "The trial, which began in April": a relative clause's verb
    return (
        previous in lexicon.determiners
        or previous in grammar.cardinals_before_nouns  # "signaled one cut", "two hits"
        or _premodifier_before(tokens, i)
        or _ends_noun_compound(tokens, i)
    )


def _premodifier_before(tokens: Sequence[Token], i: int) -> bool:
    """ "the last planned missions", "its first crewed mission": a modifier inside a
    noun phrase right before the form at ``i``; after a noun it is an adverb of the
    verb ("the bank last raised rates", "the two leaders last met")."""
    grammar = grammar_words()
    if i == 0 or tokens[i - 1].text.lower() not in grammar.premodifiers:
        return False
    before = tokens[i - 2].text.lower() if i >= 2 else ""
    return (
        not before.isalpha()
        or before in _tense_lexicon().determiners
        or before in grammar.function_words
    )


def _ends_noun_compound(tokens: Sequence[Token], i: int) -> bool:
    """ "expect a rate cut in September", "delivered a surprise rate cut": an indefinite
    article, one or two lower-case nouns, then the form, with no object after it, inside
    a clause ("A storm hit the coast", "after a storm hit" keep their verb)."""
    following = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
    grammar = grammar_words()
    if following.isalnum() and following not in grammar.function_words:
        return False  # an object: "a company cut 500 jobs"
    if (
        i >= 3
        and tokens[i - 1].text.isalpha()
        and tokens[i - 1].text.islower()
        and tokens[i - 2].text.lower() in grammar.ordinals_opening_noun_phrases
        and tokens[i - 3].text.lower() in _tense_lexicon().determiners
        and following not in _tense_lexicon().determiners
        and verb_lemma(tokens[i].text.lower()) == tokens[i].text.lower()
    ):
        # "see the first rate cut in June": an ordinal opens a noun phrase whose head is
        # a form that is also a noun ("the first storm hit the coast" has an object, "the
        # first alarm rang" a past only a verb has)
        return True
    for article in (i - 2, i - 3):
        if article < 1 or tokens[article].text.lower() not in ("a", "an"):
            continue
        nouns = tokens[article + 1 : i]
        opener = tokens[article - 1].text
        return (
            all(t.text.isalpha() and t.text.islower() for t in nouns)
            and opener.isalpha()
            and opener.islower()
            and opener not in grammar.soft_breaks
            and opener not in grammar.subordinators
        )
    return False


def _present_of_schedule(word: str, tokens: Sequence[Token], i: int) -> bool:
    """A present form of a verb of `_VerbForms.scheduling` used as the clause's verb:
    the -s form after its subject ("the festival returns", "it opens"), or the base
    form right after a plural subject ("the new tariffs take effect", "Schools
    reopen")."""
    forms = _verb_forms()
    lemma = forms.lemmas[word]
    if word != lemma:
        # "began", "taken": past forms and participles say nothing of a schedule
        return word == _third_person(lemma) and _verbal_in_context(word, tokens, i, forms)
    return _after_plural_subject(tokens, i)


def _after_plural_subject(tokens: Sequence[Token], i: int) -> bool:
    """Right after a word that looks like a plural noun ("tariffs", "Schools"), a plural
    pronoun ("they host"), or "who" or "which" that stands for one ("Chelsea, who play
    Arsenal on Sunday"); or after a team's name ("City host Southampton")."""
    if i == 0:
        return False
    subject = tokens[i - 1].text
    low = subject.lower()
    if low in grammar_words().pronouns_before_a_plural_verb:
        return True
    if low == ",":
        return _after_a_relative_aside(tokens, i - 1)
    if low == "and":
        return _plural_pronoun_opens_the_sentence(tokens, i - 1)
    return (
        _looks_plural(subject)
        or _after_a_team_name(tokens, i)
        or _after_a_place_of_a_plural(tokens, i)
    )


def _plural_pronoun_opens_the_sentence(tokens: Sequence[Token], link: int) -> bool:
    """ "They played their last home game two weeks ago and travel to Brighton on
    Sunday": "They" (or "We") opens the clause the "and" at ``link`` goes on from."""
    pronouns = grammar_words().plural_pronouns_opening_a_clause
    for j in range(link - 1, max(-1, link - _ASIDE_REACH - 1), -1):
        word = tokens[j].text
        if word in _SENTENCE_ENDS:
            return False
        if word.istitle() and word.lower() in pronouns:
            return True
    return False


def _looks_plural(word: str) -> bool:
    """ "tariffs", "Schools", "Pre-orders": a word that looks like a plural noun."""
    return (
        word.replace("-", "").isalpha()
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and word.lower() not in grammar_words().function_words
    )


def _after_a_place_of_a_plural(tokens: Sequence[Token], i: int) -> bool:
    """ "Voters in Georgia head to the polls", "Residents of Texas face": a plural noun,
    a preposition and a name before the base form at ``i``."""
    if i < 3 or not tokens[i - 1].text[:1].isupper():
        return False
    return tokens[i - 2].text.lower() in grammar_words().places_after_a_plural and _looks_plural(
        tokens[i - 3].text
    )


def _after_a_relative_aside(tokens: Sequence[Token], comma: int) -> bool:
    """ "The workers, who have been on strike since May, return on Monday", "City, who
    have won 21 games in a row, host Southampton": the comma at ``comma`` closes a
    relative clause set after the subject (its noun may lie before the window)."""
    return _relative_aside_opening(tokens, comma) is not None


def _relative_aside_opening(tokens: Sequence[Token], comma: int) -> int | None:
    """The comma that opens the who/which clause the comma at ``comma`` closes, or None."""
    j = _aside_opening(tokens, comma)
    if j is None or j + 1 >= comma:
        return None
    return j if tokens[j + 1].text.lower() in grammar_words().relatives_after_comma else None


def _after_a_team_name(tokens: Sequence[Token], i: int) -> bool:
    """ "City host Southampton on Wednesday", "Liverpool face Real Madrid at home": British
    news gives a team's name a plural verb.  A base form right after a name that names
    its opponent or its destination next, then a date's preposition or the end of the
    clause; not a noun's modifier ("World Cup host Qatar opened")."""
    grammar = grammar_words()
    name = tokens[i - 1].text
    if not (name.isalpha() and name[:1].isupper() and name.lower() not in grammar.function_words):
        return False
    j = i + 1
    if j < len(tokens) and tokens[j].text.lower() in grammar.fixture_prepositions:
        j += 1  # "travel to Fulham", "play at Anfield"
    if j >= len(tokens) or not tokens[j].text[:1].isupper():
        return False
    while j < len(tokens) and tokens[j].text[:1].isupper():
        j += 1
    after = tokens[j].text.lower() if j < len(tokens) else ""
    return after in grammar.after_an_opponent or not after.isalpha()


def _after_base_form_marker(tokens: Sequence[Token], i: int, lexicon: _TenseLexicon) -> bool:
    """ "will hit", "could not cut", "to set": a past-looking form after a modal, "to" or
    "do" is the verb's base form (hit, cut, set are both), its tense the modal's."""
    for j in range(i - 1, max(-1, i - 4), -1):
        word = tokens[j].text.lower()
        if word in lexicon.base_form_before:
            return True
        if word not in lexicon.adverbs_in_verb_group:
            return False
    return False


@lru_cache(maxsize=65536)
def _cue_kind(word: str) -> str | None:
    """What a word alone says about tense; the context-dependent kinds are decided by
    `_tense_of_token`.  Cached: most words of a text say nothing, and say it often."""
    lexicon = _tense_lexicon()
    if word in lexicon.future:
        return "future"
    clitic = _clitic_of(word)
    if clitic is not None:
        return _cue_kind(clitic)  # "we'll", "they've": the clitic is the cue
    if word == "going":
        return "going"
    if word in lexicon.possibility_modals:
        return "possibility"
    if word in lexicon.present_perfect:
        return "perfect"
    if word in lexicon.present:
        return "present"
    if word in lexicon.past:
        return "past"
    if word in lexicon.irregular_past:
        return "irregular"
    if _is_regular_past_form(word, lexicon):
        return "regular"
    forms = _verb_forms()
    if forms.lemmas.get(word) in forms.scheduling and not word.endswith("ing"):
        return "scheduled"
    return None


def _possibility_tense(tokens: Sequence[Token], i: int, lexicon: _TenseLexicon) -> Tense | None:
    """ "He could make his debut on Saturday", "may be released Friday": what may
    happen lies ahead; "could not be reached for comment Monday", "may have left on
    Friday" tell what was (not) so, and a capitalized "May" is a month as often."""
    if not tokens[i].text.islower() or i + 1 >= len(tokens):
        return None
    after = tokens[i + 1].text.lower()
    if not after.isalpha() or after in lexicon.before_a_past_possibility:
        return None
    subject = (t.text.lower() for t in tokens[max(0, i - _SUBJECT_REACH) : i])
    if any(word in lexicon.negative_subjects for word in subject):
        return None  # "Neither he nor his parents could be located Wednesday"
    return "future"


_SUBJECT_REACH = 8


def _tense_from_feats(token: Token) -> Tense | None:
    feats = token.feats or ""
    if "Tense=Past" in feats and "VerbForm=Fin" in feats:
        return "past"
    if "Tense=Pres" in feats and "VerbForm=Fin" in feats:
        return "present"
    if token.upos == "AUX" and token.text.lower() in {"will", "'ll", "shall", "wo"}:
        return "future"
    return None


def _intent_tense(
    word: str, tokens: Sequence[Token], i: int, lexicon: _TenseLexicon
) -> Tense | None:
    """A word of intent ("scheduled", "due", "set") looks forward, except where it is a
    plain past verb or a plan the text reports as overtaken."""
    if word not in lexicon.intent:
        return "future"
    before = [t.text.lower() for t in tokens[max(0, i - 2) : i]]
    if before == ["had", "been"]:
        return "past"  # "had been scheduled to expire Friday": that Friday has gone by
    if (
        before[-1:]
        and _is_past_be_form(before[-1], lexicon)
        and i + 1 < len(tokens)
        and tokens[i + 1].text.lower() in ("for", "in")
    ):
        # "was scheduled for March", "was planned in March": a plan of the past, whose
        # date may since have come or not: the nearest ("was expected to make landfall
        # Saturday" looks ahead with its infinitive)
        return "unknown"
    if word in lexicon.intent_needs_to:
        following = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
        if following in ("to", "for") or (
            before and before[-1] in grammar_words().be_forms_in_verb_group
        ):
            return "future"  # "set to expire", "is set for Friday"
        # "set Friday as the deadline", "a record set on Aug. 6": an act already done;
        # "to set", "would set": a base form, whose tense the word before it gives
        return None if _after_base_form_marker(tokens, i, lexicon) else "past"
    return "future"


def _is_past_be_form(word: str, lexicon: _TenseLexicon) -> bool:
    return word in lexicon.past and word in grammar_words().be_forms_before_intent


def _perfect_infinitive_after(tokens: Sequence[Token], i: int, lexicon: _TenseLexicon) -> bool:
    """ "expected to have fallen", "due to have finished": "to have" and a participle
    right after the word at ``i``."""
    following = [t.text.lower() for t in tokens[i + 1 : i + 4]]
    return (
        following[:2] == ["to", "have"]
        and len(following) == 3
        and (following[2] in lexicon.participles or following[2].endswith("ed"))
    )


def _is_to_infinitive(tokens: Sequence[Token], i: int) -> bool:
    """ "is to resume trading Tuesday": be + to-infinitive states an arrangement."""
    if tokens[i].text.lower() not in ("is", "are") or i + 2 >= len(tokens):
        return False
    return tokens[i + 1].text.lower() == "to" and tokens[i + 2].text.isalpha()


def _be_before_intent(word: str, tokens: Sequence[Token], i: int, lexicon: _TenseLexicon) -> bool:
    """ "were planning to drive … on Monday", "are expected to rise": a be-form with a word
    of intent looks forward, like the intent itself."""
    if word not in grammar_words().be_forms_before_intent or i + 1 >= len(tokens):
        return False
    return tokens[i + 1].text.lower() in lexicon.intent_after_be and not (
        _perfect_infinitive_after(tokens, i + 1, lexicon)
    )


def _followed_by_participle(tokens: Sequence[Token], i: int, lexicon: _TenseLexicon) -> bool:
    for token in tokens[i + 1 : i + 4]:
        word = token.text.lower()
        if word in lexicon.participles or word.endswith("ed") or word in lexicon.irregular_past:
            return True
    return False


def _is_regular_past_form(word: str, lexicon: _TenseLexicon) -> bool:
    """An -ed word of five letters or more, or a shorter one the verb list knows ("died",
    "sued", "owed"; not "red", "bed"), and not one of the -ed adjectives of `not_past`
    ("alleged", "used")."""
    if not word.endswith("ed") or word in lexicon.not_past:
        return False
    return len(word) >= 5 or _verb_forms().lemmas.get(word, word) != word


def _looks_regular_past(word: str, tokens: Sequence[Token], i: int, lexicon: _TenseLexicon) -> bool:
    if not _is_regular_past_form(word, lexicon):
        return False
    # "the United States", "a proposed law": an -ed word after a determiner is an adjective.
    previous = tokens[i - 1].text.lower() if i > 0 else ""
    if previous == "which":
        # "the talks, which stalled in January", "which passed by a wide margin": no
        # noun follows "which" in news, nor a participle without its "was"
        return True
    if previous in lexicon.determiners or _after_a_preposition(tokens, i):
        return False  # "for planned repairs", "with reduced staff": an adjective
    if _after_a_base_form(tokens, i, lexicon):
        return False
    if i + 1 < len(tokens) and tokens[i + 1].text.lower() == "by":
        return False  # "markets untouched by the crisis": a participle, not a past verb
    return not tokens[i].text[0].isupper() or i == 0


def _after_a_preposition(tokens: Sequence[Token], i: int) -> bool:
    """Right after a preposition that a noun phrase follows: no verb stands there."""
    return i > 0 and tokens[i - 1].text.lower() in grammar_words().prepositions_before_nouns


def _after_a_base_form(tokens: Sequence[Token], i: int, lexicon: _TenseLexicon) -> bool:
    """ "plans to release treated water", "will serve grilled fish": right after the base
    form of a verb (after "to" or a modal) no past verb follows; a past form there is an
    adjective of its object ("will be delayed", "to have finished": not after an
    auxiliary, whose participle it is)."""
    if i < 2 or tokens[i - 2].text not in lexicon.base_form_before:
        return False  # (lower case: "in May and released in June" has no modal)
    verb = tokens[i - 1].text
    forms = _verb_forms()
    return forms.lemmas.get(verb) == verb and verb not in forms.auxiliaries


@dataclass(frozen=True, slots=True)
class _TenseLexicon:
    future: frozenset[str]
    present: frozenset[str]
    present_perfect: frozenset[str]
    past: frozenset[str]
    irregular_past: frozenset[str]
    participles: frozenset[str]
    not_past: frozenset[str]
    determiners: frozenset[str]
    #: future cues that a preceding "had been" turns into an overtaken plan
    intent: frozenset[str]
    #: past verbs whose infinitive tells what was still to come ("decided to")
    irrealis_verbs: frozenset[str]
    #: particles between a past verb and an infinitive of result ("came back to win")
    result_particles: frozenset[str]
    #: intent words that look forward only as "set to"/"set for"/"is set"
    intent_needs_to: frozenset[str]
    #: words after "was"/"were" that make the pair look forward ("were planning")
    intent_after_be: frozenset[str]
    #: future cues that are also nouns: "announced the plan Aug. 21" has no future
    future_nouns: frozenset[str]
    #: past forms of plan verbs: after an expression, the time the plan was made
    plan_verbs_past: frozenset[str]
    #: verbs of saying: after a comma that follows the expression, they date the saying
    reporting: frozenset[str]
    #: verbs that attribute a clause to its source ("said", "showed"): after a comma that
    #: follows a date, the event is the verb before the date
    attribution: frozenset[str]
    #: modals, "to", "do": the verb after them is a base form ("will hit"), not a past
    base_form_before: frozenset[str]
    #: adverbs that may stand between such a word and its verb ("will not hit")
    adverbs_in_verb_group: frozenset[str]
    #: nouns of reported figures: "sales for May" covers a month that has passed
    reported_period_nouns: frozenset[str]
    #: nouns of a forecast: "its forecast for the second quarter" looks ahead
    forecast_nouns: frozenset[str]
    #: modals of what may happen ("could make his debut on Saturday"): ahead, unless
    #: one of `before_a_past_possibility` follows ("could not be reached Monday")
    possibility_modals: frozenset[str]
    before_a_past_possibility: frozenset[str]
    #: words of a negated subject ("neither", "nobody"): "could" after them is not ahead
    negative_subjects: frozenset[str]
    #: verbs of delay: "postponed until Tuesday" looks ahead
    delay_verbs: re.Pattern[str]


@lru_cache(maxsize=1)
def _tense_lexicon() -> _TenseLexicon:
    data = load_lexicon("tense")
    verbs = _verb_forms()
    return _TenseLexicon(
        future=frozenset(data["future"]),
        present=frozenset(data["present"]),
        present_perfect=frozenset(data["present_perfect"]),
        past=frozenset(data["past"]),
        irregular_past=frozenset(verbs.past),
        participles=frozenset(verbs.participles),
        not_past=frozenset(data["not_past"]),
        determiners=frozenset(data["determiners"]),
        intent=frozenset(data["intent"]),
        irrealis_verbs=frozenset(data["irrealis_verbs"]),
        result_particles=frozenset(data["result_particles"]),
        intent_needs_to=frozenset(data["intent_needs_to"]),
        intent_after_be=frozenset(data["intent_after_be"]),
        future_nouns=frozenset(data["future_nouns"]),
        plan_verbs_past=frozenset(data["plan_verbs_past"]),
        reporting=frozenset(data["reporting"]),
        attribution=frozenset(data["attribution"]),
        base_form_before=frozenset(data["base_form_before"]),
        adverbs_in_verb_group=frozenset(data["adverbs_in_verb_group"]),
        reported_period_nouns=frozenset(data["reported_period_nouns"]),
        forecast_nouns=frozenset(data["forecast_nouns"]),
        possibility_modals=frozenset(data["possibility_modals"]),
        before_a_past_possibility=frozenset(data["before_a_past_possibility"]),
        negative_subjects=frozenset(data["negative_subjects"]),
        delay_verbs=re.compile(r"\b(?:" + "|".join(map(re.escape, data["delay_verbs"])) + r")\b"),
    )


def is_attribution(word: str) -> bool:
    """True when ``word`` (lower case) reports speech or findings ("said", "showed")."""
    return word in _tense_lexicon().attribution


def reported_for(text: str, start: int) -> bool:
    """A noun of reported figures right before the "for" that ends at ``start``
    ("sales for", "the jobs report for")."""
    return _noun_before_for(text, start) in _tense_lexicon().reported_period_nouns


def reported_after(text: str, end: int) -> bool:
    """A noun of reported figures among the two words right after ``end`` ("its
    November jobs report", "the May retail sales figures")."""
    found = _TWO_WORDS_AFTER.match(text, end, end + 40)
    if found is None:
        return False
    nouns = _tense_lexicon().reported_period_nouns
    return any(word is not None and word.lower() in nouns for word in found.groups())


# the two words right after a span, with nothing but white space before each
_TWO_WORDS_AFTER = re.compile(r"[ \t]{1,3}([A-Za-z]+)(?:[ \t]{1,3}([A-Za-z]+))?")


def forecast_for(text: str, start: int) -> bool:
    """A noun of a forecast right before the "for" that ends at ``start`` ("raised its
    forecast for", "the outlook for")."""
    return _noun_before_for(text, start) in _tense_lexicon().forecast_nouns


def _noun_before_for(text: str, start: int) -> str:
    """The word before the "for" that ends at ``start``, lower case; "" if none."""
    words = _LOWER_WORDS.findall(text[max(0, start - 40) : start].lower())
    return words[-2] if len(words) >= 2 and words[-1] == "for" else ""


def delayed_until(text: str, start: int) -> bool:
    """A verb of delay among the four words before the "until", "till" or "to" that
    ends at ``start`` ("postponed until", "extended its deadline to", "pushed back
    to")."""
    words = _words_before(text, start)
    if words[-2:] == ["at", "least"]:
        words = words[:-2]  # "postponed until at least Tuesday"
    if not words or words[-1] not in grammar_words().signals_ending_a_delay:
        return False
    before = words[:-1]
    if "from" in before[-3:]:
        # "extended the filing deadline from April 15 to May 17": the verb is the one
        # before the date moved from
        before = before[: len(before) - 1 - before[::-1].index("from")]
    return _delay_verb_in(before)


def delayed_from(text: str, start: int) -> bool:
    """A verb of delay among the four words before the "from" that ends at ``start``
    ("postponed from May 5 to May 12", "moved the summit from June"): the date a delay
    moves a thing from, which no more dates it than the new one ends a stretch."""
    words = _words_before(text, start)
    if words and words[-1] == "from":
        return _delay_verb_in(words[:-1])
    # "moved from its usual May-June slot": the date inside the noun the delay moves from
    for gap in (1, 2):
        if len(words) > gap and words[-1 - gap] == "from":
            return words[-gap] in _tense_lexicon().determiners and _delay_verb_in(words[: -1 - gap])
    return False


def _words_before(text: str, start: int) -> list[str]:
    return _WORDS_WITH_APOSTROPHES.findall(text[max(0, start - 60) : start].lower())


def _delay_verb_in(words: list[str]) -> bool:
    return _tense_lexicon().delay_verbs.search(" ".join(words[-4:])) is not None


_LOWER_WORDS = re.compile(r"[a-z]+")
_WORDS_WITH_APOSTROPHES = re.compile(r"[a-z']+")


def start_word_before(text: str, start: int) -> int | None:
    """Where the word that says a thing starts on the date at ``start`` begins
    ("starting Monday", "effective on Jan. 1", "beginning at midnight"), or None."""
    found = _start_word_before().search(text, max(0, start - 24), start)
    if found is None:
        return None
    before = _LAST_WORD.search(text, max(0, found.start() - 12), found.start())
    if before is not None and before[1].lower() in grammar_words().be_forms_in_verb_group:
        return None  # "the race is starting at noon": the clause's own verb
    return found.start()


_LAST_WORD = re.compile(r"([\w'’]+)\s*$")


@cache
def _start_word_before() -> re.Pattern[str]:
    words = "|".join(sorted(grammar_words().start_words_before_dates))
    return re.compile(rf"(?<![\w-])(?i:{words})(?:\s{{1,3}}(?i:at|on|in|from))?\s{{1,3}}$")


def will_governs(text: str, start: int) -> bool:
    """ "Apple will unveil its phones on March 26": "will" (or "shall", "'ll") and the
    verb it governs among the eight words before ``start``, in the same clause.

    A finite verb or a clause word between them ("will say whether it was sold on …")
    means the expression belongs to another verb."""
    words = _clause_words_before(text, start)
    grammar = grammar_words()
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word in grammar.future_modals or word.endswith("'ll"):
            return i + 1 < len(words)  # a verb after it: "will unveil", "will not be"
        if word in grammar.soft_breaks or word in grammar.finite_cues or word in _verb_forms().past:
            return False
    return False


def _clause_words_before(text: str, start: int) -> list[str]:
    """The last eight words before ``start`` in its clause (within 80 characters, after
    the last clause mark), lower-cased, a curly apostrophe read as a straight one."""
    clause = _CLAUSE_PUNCTUATION.split(text[max(0, start - 80) : start])[-1]
    return _WORDS_WITH_APOSTROPHES.findall(clause.lower().replace("’", "'"))[-8:]


_CLAUSE_PUNCTUATION = re.compile(r"[,;:()\[\]\"“”—–]")


def pluperfect_governs(text: str, start: int, end: int) -> bool:
    """ "The army had left the city by Friday", "By Friday evening, 300 people had been
    ordered to leave": a past perfect ("had" and its participle) tells what was done by
    the expression's date, so that date has passed.

    The verb group is looked for among the eight words before ``start`` in the same
    clause, and, for an expression that opens its sentence, among the first six words
    of the clause after its comma."""
    if _ends_in_pluperfect(_clause_words_before(text, start)):
        return True
    if not _FRONTED_OPENING.search(text, max(0, start - 16), start):
        return False
    after = _MAIN_CLAUSE_AFTER.match(text, end, end + 120)
    if after is None:
        return False
    words = _WORDS_WITH_APOSTROPHES.findall(after["clause"].lower().replace("’", "'"))[:6]
    return any(
        word == "had" and _ends_in_pluperfect(words[: i + 3]) for i, word in enumerate(words)
    )


def _ends_in_pluperfect(words: list[str]) -> bool:
    """The last verb of ``words`` is the participle of a "had" ("had left", "had not yet
    been told"); another finite verb or a clause word first means another verb group."""
    lexicon = _tense_lexicon()
    grammar = grammar_words()
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word in grammar.soft_breaks or word in grammar.finite_cues:
            return False
        if word in lexicon.participles or _is_regular_past_form(word, lexicon):
            before = i - 1
            while before >= 0 and (
                words[before] in lexicon.adverbs_in_verb_group or words[before] in ("been", "yet")
            ):
                before -= 1
            return before >= 0 and words[before] == "had"
    return False


# a sentence's start and at most its first word before an expression ("By Friday", "By
# noon on Monday"; searched from 16 characters before it, where "^" does not match),
# and the clause after the expression's comma
_FRONTED_OPENING = re.compile(r"(?:^|[.!?\n][\"”’')]?\s+)(?:[A-Z][a-z]*\s+)?$")
_MAIN_CLAUSE_AFTER = re.compile(r",?\s{1,3}(?P<clause>[^,;:.!?()\[\]\"“”—–]*)")


# ------------------------------------------------------------------- verbs


@dataclass(frozen=True, slots=True)
class _VerbForms:
    #: every inflected form → lemma
    lemmas: dict[str, str]
    past: frozenset[str]
    participles: frozenset[str]
    auxiliaries: frozenset[str]
    #: verbs whose present tense news uses for what is scheduled ("the law takes effect")
    scheduling: frozenset[str]
    #: verbs whose counted duration is their length ("lasted two weeks before …")
    lasting: frozenset[str]
    #: verbs that end a state ("the ban … was lifted on Monday")
    ending: frozenset[str]
    #: verbs news mostly uses without an object ("fled", "resigned"): after "and", their
    #: -ed form is the verb's past, not a passive sharing the first verb's "was"
    intransitive: frozenset[str]


@lru_cache(maxsize=1)
def _verb_forms() -> _VerbForms:
    data = load_lexicon("verbs")
    lemmas: dict[str, str] = {}
    past: set[str] = set()
    participles: set[str] = set()
    # "admit" → "admitted", "begin" → "beginning": stress, which decides, is not in the
    # spelling of a long verb, so the data lists them
    doubling = frozenset(data["doubling"])
    for lemma, forms in data["irregular"].items():
        past_form, participle = forms[0], forms[1]
        for form in (lemma, *past_form.split("/"), *participle.split("/")):
            lemmas.setdefault(form, lemma)
        past.update(past_form.split("/"))
        participles.update(participle.split("/"))
        lemmas.setdefault(_third_person(lemma), lemma)
        lemmas.setdefault(_gerund(lemma, lemma in doubling), lemma)
    for lemma in data["regular"]:
        doubles = lemma in doubling
        for form in (
            lemma,
            _third_person(lemma),
            _regular_past(lemma, doubles),
            _gerund(lemma, doubles),
        ):
            lemmas.setdefault(form, lemma)
    # "reconnect", "rescheduled", "relaunching": a verb done again is a verb; from
    # lemmas of five letters or more, since a shorter stem makes nouns ("retail")
    for form, lemma in list(lemmas.items()):
        if len(lemma) >= 5 and not lemma.startswith("re"):
            lemmas.setdefault("re" + form, "re" + lemma)
    return _VerbForms(
        lemmas,
        frozenset(past),
        frozenset(participles),
        frozenset(data["auxiliaries"]),
        frozenset(data["scheduling"]),
        frozenset(data["lasting"]),
        frozenset(data["ending"]),
        frozenset(data["intransitive"]),
    )


def is_ending_verb(lemma: str) -> bool:
    """A verb that ends a state: "the ban was lifted", "the curfew ends"."""
    return lemma in _verb_forms().ending


def is_lasting_verb(lemma: str) -> bool:
    """A verb whose duration is its own length: "the talks lasted two weeks"."""
    return lemma in _verb_forms().lasting


def _third_person(lemma: str) -> str:
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def _regular_past(lemma: str, doubles: bool = False) -> str:
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    if doubles or _doubles_final_consonant(lemma):
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def _gerund(lemma: str, doubles: bool = False) -> str:
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        return lemma[:-1] + "ing"
    if doubles or _doubles_final_consonant(lemma):
        return lemma + lemma[-1] + "ing"
    return lemma + "ing"


def _doubles_final_consonant(lemma: str) -> bool:
    # stop → stopped, but not open → opened: a short word of one syllable (a four-letter
    # word that starts with a vowel has two, "o-pen"); longer ones are data ("doubling")
    return (
        len(lemma) <= 4
        and len(lemma) >= 3
        and lemma[-1] not in "aeiouwxy"
        and lemma[-2] in "aeiou"
        and lemma[-3] not in "aeiou"
        and not (len(lemma) == 4 and lemma[0] in "aeiou")
    )


@lru_cache(maxsize=65536)
def verb_lemma(word: str) -> str | None:
    """The lemma of a verb form known to the lexicon ("enacted" → "enact"), else None."""
    forms = _verb_forms()
    lemma = forms.lemmas.get(word)
    if lemma is not None:
        return lemma
    # Regular forms of verbs missing from the list: strip the ending ("travelling":
    # British spelling doubles the l the list's "traveling" has one of)
    for suffix, replacement in (("ied", "y"), ("ed", ""), ("ed", "e"), ("lling", "l")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            candidate = word[: -len(suffix)] + replacement
            if candidate in forms.lemmas:
                return forms.lemmas[candidate]
    return _guess_past_lemma(word)


def _guess_past_lemma(word: str) -> str | None:
    """A lemma for an -ed word the lexicon lacks ("rehearsed", "docked", "cancelled").

    The verb list cannot hold every verb; a lower-case word of six letters or more that
    ends in -ed and is not a known adjective is a past form often enough to count.
    """
    if (
        len(word) < 6
        or not word.endswith("ed")
        or not word.isalpha()
        or word in _tense_lexicon().not_past
    ):
        return None
    stem = word[:-2]
    if stem.endswith("i"):
        return stem[:-1] + "y"
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        return stem[:-1]  # "stopped" → "stop"
    if stem.endswith(("ll",)):
        return stem[:-1]  # "cancelled" → "cancel"
    if stem.endswith(
        ("s", "c", "v", "z", "g", "u", "at", "ur", "id", "ud", "ag", "iz", "ar")
    ) and not stem.endswith("ss"):
        return stem + "e"  # "rehearsed" → "rehearse", "placed" → "place"
    return stem


def nearest_verb(tokens: Sequence[Token], span: tuple[int, int]) -> Token | None:
    """The content verb nearest to ``span`` in its clause (auxiliaries and modals skipped)."""
    forms = _verb_forms()

    def verb_at(i: int) -> Token | None:
        token = tokens[i]
        if span[0] <= token.start < span[1] or not _is_content_verb(tokens, i, forms):
            return None
        return token

    def verb_before(i: int) -> Token | None:
        return verb_at(i) if tokens[i].end <= span[0] else None

    center = token_index(tokens, span[0])
    verb = _nearest_in_clause(tokens, center, verb_at)
    if verb is not None and _fronted_before_a_subordinate_clause(tokens, span, verb):
        verb = _main_verb_after_the_clause(tokens, verb, forms) or verb
    if verb is not None and _led_by_a_subordinator(tokens, span, verb):
        # "381,000 over the last three months after averaging 242,000": the verb of the
        # clause the signal opens is not the date's, which has a verb before or none
        verb = _nearest_in_clause(tokens, center, verb_before)
    elif verb is not None and _subject_after_a_subordinator(tokens, span, verb):
        # "ran the firm from 2001 until he retired", "was chief executive from 2001
        # until …": the clause before the signal has the date, when it has a verb ("On
        # Monday, after he resigned," has none)
        verb = (
            _nearest_in_clause(tokens, center, verb_before)
            or _linking_verb_in_clause(tokens, span, center, forms)
            or verb
        )
    if verb is None:
        return _present_verb_before(tokens, center, forms) or _linking_verb_in_clause(
            tokens, span, center, forms
        )
    if _breaks_between(tokens, token_index(tokens, verb.start), center):
        # "Unemployment was 6.2% in February, the agency said": the clause's own "was",
        # not the verb past the comma
        linking = _linking_verb_in_clause(tokens, span, center, forms)
        if linking is not None:
            return linking
    after_phrase = _verb_right_after(tokens, span, verb, forms)
    if not (
        after_phrase
        or _purpose_after(tokens, span, verb)
        or _after_a_comma(tokens, span, verb)
        or _opens_next_conjunct(tokens, span, verb)
    ):
        return verb
    # "went to the polls on Nov. 5 to choose a president", "fell in April, data showed",
    # "won the prize in 1903, shared with Becquerel", "won the prize in 1911 and died
    # in 1934": an infinitive of purpose, a verb set off by a comma (a report, a
    # participle) or the verb of the next conjunct after the date says what the event
    # was for, who told it, what went with it or what came next; the verb before the
    # date is the event
    before = _nearest_in_clause(tokens, center, verb_before)
    if before is None or _breaks_between(
        tokens, token_index(tokens, before.start), center, hard_only=True
    ):
        return verb
    if (
        after_phrase
        and _tokens_between(tokens, before.end, span[0]) > 1
        and not _opens_relative_clause(tokens, before, forms)
    ):
        # "officials said sales in March rose": the date is the subject's, whose verb
        # follows; only a verb right before the date ("enacted in December") or that of
        # a relative clause ("the storm that hit Florida in 2018 killed") takes it
        return verb
    return before


def _led_by_a_subordinator(tokens: Sequence[Token], span: tuple[int, int], verb: Token) -> bool:
    """``verb`` follows ``span`` right after a subordinating signal ("… in May after
    falling", "… on Monday before heading home")."""
    if verb.start < span[1]:
        return False
    i = token_index(tokens, verb.start)
    return i > 0 and tokens[i - 1].text.lower() in grammar_words().subordinating_signals


def _subject_after_a_subordinator(
    tokens: Sequence[Token], span: tuple[int, int], verb: Token
) -> bool:
    """``verb`` follows ``span`` in a clause a subordinating signal opens with a short
    subject ("from 2001 until he retired", "on Monday before the company moved")."""
    if verb.start < span[1]:
        return False
    i = token_index(tokens, verb.start)
    signals = grammar_words().subordinating_signals
    for j in range(i - 1, max(-1, i - 1 - _SUBJECT_AFTER_SIGNAL), -1):
        word = tokens[j]
        if word.start < span[1] or not word.text.isalpha():
            return False
        if word.text.lower() in signals:
            return j < i - 1
    return False


# the words of a subject between a subordinating signal and its verb, counted with
# the signal: "until he", "before the company"
_SUBJECT_AFTER_SIGNAL = 3


def _main_verb_after_the_clause(
    tokens: Sequence[Token], verb: Token, forms: _VerbForms
) -> Token | None:
    """The verb of the main clause after the comma that closes the subordinate clause of
    ``verb``: "On Monday, after he resigned, the party split" is the split's Monday;
    None when no such clause follows."""
    i = token_index(tokens, verb.start)
    soft_breaks = grammar_words().soft_breaks
    comma = next(
        (
            j
            for j in range(i + 1, min(len(tokens), i + 1 + _REACH_PAST_ASIDE))
            if tokens[j].text == ","
        ),
        None,
    )
    if comma is None or any(
        _bounds_a_clause(tokens[j].text.lower(), soft_breaks) for j in range(i + 1, comma)
    ):
        return None
    for j in range(comma + 1, min(len(tokens), comma + 1 + _REACH_PAST_ASIDE)):
        if _bounds_a_clause(tokens[j].text.lower(), soft_breaks):
            return None
        if _is_content_verb(tokens, j, forms):
            return tokens[j]
    return None


def _fronted_before_a_subordinate_clause(
    tokens: Sequence[Token], span: tuple[int, int], verb: Token
) -> bool:
    """A comma and a subordinating signal follow ``span``, and ``verb`` after them:
    "On Monday, after he resigned, …", "In 2019, before the vote was held, …"."""
    end = token_index(tokens, span[1])
    return (
        end + 1 < len(tokens)
        and tokens[end].text == ","
        and tokens[end + 1].text.lower() in grammar_words().subordinating_signals
        and tokens[end + 1].end <= verb.start
    )


# how many tokens the end of an aside and the main clause's verb may lie past
_REACH_PAST_ASIDE = 6


def _linking_verb_in_clause(
    tokens: Sequence[Token], span: tuple[int, int], center: int, forms: _VerbForms
) -> Token | None:
    """A form of "be" or "have" that is the verb of the clause holding ``span`` (token
    ``center``), no auxiliary of another verb: "Unemployment was 6.2% in February", "In
    2019 the city had 2 million residents", "He was in Paris on Monday".  The nearest
    within `_LINKING_REACH` tokens with no clause break, comma or other verb between;
    None when the clause has none."""
    end = center
    while end < len(tokens) and tokens[end].start < span[1]:
        end += 1
    grammar = grammar_words()
    if (
        end + 1 < len(tokens)
        and tokens[end].text.lower() in grammar.adverbs_after_fronted_dates
        and tokens[end + 1].text == ","
    ):
        end += 1  # "In 2019 also, rates were lower"
    if end < len(tokens) and tokens[end].text == "," and _opens_clause_at(tokens, center):
        end += 1  # "In February, unemployment was 6.2%": the date opens the clause
    before = range(center - 1, max(-1, center - 1 - _LINKING_REACH), -1)
    after = range(end, min(len(tokens), end + _LINKING_REACH))
    found: list[tuple[int, int]] = []
    for side in (before, after):
        for i in side:
            word = tokens[i].text.lower()
            if _bounds_a_clause(word, grammar.soft_breaks):
                break
            if word in grammar.linking_forms and not _verb_follows(tokens, i + 1, forms):
                found.append((abs(i - center), i))
                break
            if _is_content_verb(tokens, i, forms):
                break  # the clause has a verb of its own ("said he had"): not this one
    return tokens[min(found)[1]] if found else None


_LINKING_REACH = 8


def _opens_clause_at(tokens: Sequence[Token], center: int) -> bool:
    """The expression at token ``center`` opens its sentence (or the second sentence a
    semicolon joins to it), after one word at most (its preposition: "In February, …",
    "On Monday, …")."""
    first = center - 1 if center >= 1 and tokens[center - 1].text.isalpha() else center
    return first == 0 or tokens[first - 1].text in _SENTENCE_ENDS


_SENTENCE_ENDS = frozenset({".", "!", "?", '"', "“", "”", ";"})


def _verb_follows(tokens: Sequence[Token], i: int, forms: _VerbForms) -> bool:
    """A verb (or "to", or another auxiliary) follows from token ``i``, past adverbs of a
    verb group: the "be" or "have" before it is that verb's auxiliary ("was killed",
    "had been", "is expected to", "were not arrested")."""
    adverbs = _tense_lexicon().adverbs_in_verb_group  # "was not", "had already"
    while i < len(tokens) and tokens[i].text.lower() in adverbs:
        i += 1
    if i >= len(tokens):
        return False
    word = tokens[i].text.lower()
    grammar = grammar_words()
    if (
        word in grammar.be_forms_in_verb_group
        or word in grammar.have_forms_in_verb_group
        or word == "to"
    ):
        return True
    if word.endswith("ing") and word.isalpha():
        return True  # "was building", "is going"
    return _is_past_or_participle(word, forms) or _is_content_verb(tokens, i, forms)


def _verb_right_after(
    tokens: Sequence[Token], span: tuple[int, int], verb: Token, forms: _VerbForms
) -> bool:
    """ "The law enacted in December took effect", "a bridge built in 1932 collapsed",
    "the vote set for Monday was delayed": ``verb`` (after at most two auxiliaries)
    follows the date at once; it is the main verb of a subject the date was part of."""
    if verb.start < span[1]:
        return False
    first = token_index(tokens, span[1])
    between = [t.text.lower() for t in tokens[first : first + 3] if t.start < verb.start]
    return len(between) < 3 and all(word in forms.auxiliaries for word in between)


def _tokens_between(tokens: Sequence[Token], start: int, end: int) -> int:
    return token_index(tokens, end) - token_index(tokens, start)


def _opens_relative_clause(tokens: Sequence[Token], verb: Token, forms: _VerbForms) -> bool:
    """ "that hit", "which was enacted": a relative pronoun, then at most two
    auxiliaries, then ``verb``."""
    index = token_index(tokens, verb.start)
    pronouns = grammar_words().relative_pronouns
    for i in range(index - 1, max(-1, index - 4), -1):
        word = tokens[i].text.lower()
        if word in pronouns:
            return True
        if word not in forms.auxiliaries:
            return False
    return False


def _purpose_after(tokens: Sequence[Token], span: tuple[int, int], verb: Token) -> bool:
    """``verb`` is the infinitive of a "to" that directly follows ``span``."""
    index = token_index(tokens, span[1])
    return (
        index + 1 < len(tokens)
        and tokens[index].text.lower() == "to"
        and tokens[index + 1].start == verb.start
    )


def _opens_next_conjunct(tokens: Sequence[Token], span: tuple[int, int], verb: Token) -> bool:
    """``verb`` follows ``span`` with only "and", "but" or "then" between them, or the
    noun the date names before them ("raised rates at its March meeting and signaled
    more hikes": the meeting's verb is "raised")."""
    if verb.start < span[1]:
        return False
    first = token_index(tokens, span[1])
    last = token_index(tokens, verb.start)
    if last - first > _NOUN_WORDS_BEFORE_LINK + 2:
        return False
    links = grammar_words().conjunct_links
    forms = _verb_forms()
    noun = first
    while (
        noun < last
        and noun - first < _NOUN_WORDS_BEFORE_LINK
        and tokens[noun].text.isalpha()
        and tokens[noun].text.lower() not in links
        and tokens[noun].text.lower() not in forms.auxiliaries
        and not _is_content_verb(tokens, noun, forms)
    ):
        noun += 1
    between = [t.text.lower() for t in tokens[noun:last]]
    return 0 < len(between) < 3 and set(between) <= links and between[0] != "then"


# the words of the noun a date names ("its March board meeting") before a conjunct
_NOUN_WORDS_BEFORE_LINK = 2


def _after_a_comma(tokens: Sequence[Token], span: tuple[int, int], verb: Token) -> bool:
    """``verb`` comes after a comma that follows ``span``."""
    if verb.start < span[1]:
        return False
    first = token_index(tokens, span[1])
    last = token_index(tokens, verb.start)
    return any(t.text == "," for t in tokens[first:last])


_QUOTES = frozenset({'"', "“", "”"})
# a title in quotes holds at most this many tokens ("Horseman, Pass By")
_TITLE_TOKENS = 6


def _title_close(tokens: Sequence[Token], k: int, high: int) -> int | None:
    """The closing quote mark of the title the mark at ``k`` opens, before ``high``: a
    capitalized word after it and the closing mark at most `_TITLE_TOKENS` later
    ("her album "Fearless" on", "his novel, "Horseman, Pass By", in"); None for a
    quotation."""
    if k + 1 >= high or not tokens[k + 1].text[:1].isupper():
        return None
    return next(
        (j for j in range(k + 2, min(high, k + 2 + _TITLE_TOKENS)) if tokens[j].text in _QUOTES),
        None,
    )


def is_past_form(word: str) -> bool:
    """True when ``word`` (lower case) is a past form of a verb the lexicon knows."""
    return word in _verb_forms().past


#: which of the two past forms a word can be: only the past ("went", "sank"), only the
#: past participle ("gone", "sunk"), or either ("sold", "fled", "released")
PastKind = Literal["past", "participle", "either"]


def past_kind(word: str) -> PastKind | None:
    """Which past form ``word`` (lower case) is (see `PastKind`), None for none."""
    forms = _verb_forms()
    participle = word in forms.participles
    if word in forms.past:
        return "either" if participle else "past"
    if participle:
        return "participle"
    lemma = verb_lemma(word)
    return "either" if word.endswith("ed") and lemma is not None and lemma != word else None


def is_base_form(word: str) -> bool:
    """True when ``word`` (lower case) is the base form of a verb the lexicon knows
    ("close", "return"), not an auxiliary."""
    forms = _verb_forms()
    return forms.lemmas.get(word) == word and word not in forms.auxiliaries


def is_intransitive(word: str) -> bool:
    """True when news mostly uses the verb of ``word`` (lower case) without an object."""
    return verb_lemma(word) in _verb_forms().intransitive


def _present_verb_before(tokens: Sequence[Token], center: int, forms: _VerbForms) -> Token | None:
    """When no verb was found: a present-tense verb right after its subject, earlier in
    the clause than the expression at token ``center`` ("the G7 summit opens in Italy on
    Thursday", "the Olympics open in Paris"), which the strict test leaves out because
    such a form may be a noun."""
    soft_breaks = grammar_words().soft_breaks
    for i in range(center - 1, max(0, center - 12), -1):
        if _bounds_a_clause(tokens[i].text, soft_breaks):
            return None  # another clause: its verb does not govern the expression
        if _is_present_after_subject(tokens, i, forms):
            return tokens[i]
    return None


def _bounds_a_clause(word: str, soft_breaks: frozenset[str]) -> bool:
    """``word`` stands between two clauses: punctuation or a word that opens a clause."""
    return word in _CLAUSE_BREAKS or word in (",", ".", "!", "?") or word in soft_breaks


def _is_present_after_subject(tokens: Sequence[Token], i: int, forms: _VerbForms) -> bool:
    word, previous = tokens[i].text, tokens[i - 1].text
    lemma = forms.lemmas.get(word)
    if lemma is None or word in forms.auxiliaries or not word.isalpha() or not word.islower():
        return False
    if not (previous.isalnum() and previous.lower() not in _tense_lexicon().determiners):
        return False
    following = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
    if _opens_verb_group(following):
        return False  # "tax rates were lower": the subject of the verb after it
    if word == lemma + "s" or word == lemma + "es":
        # "the summit opens": after a noun, not after a number ("5 opens")
        return not previous.isdigit() and previous.lower() not in grammar_words().function_words
    # "the Olympics open": a base form after a plural name
    return word == lemma and previous[:1].isupper() and previous.endswith("s")


def is_content_verb(tokens: Sequence[Token], i: int) -> bool:
    """True when ``tokens[i]`` is a verb that names an event (not an auxiliary or a noun)."""
    return _is_content_verb(tokens, i, _verb_forms())


def _demonstrative_subject_verb(tokens: Sequence[Token], i: int, forms: _VerbForms) -> bool:
    """ "if this slips into early 2026", "that comes as": a demonstrative pronoun is the
    subject of the -s form after it when no noun follows that form ("this rise" and
    "that cuts jobs" are a noun and a verb with its object)."""
    word = tokens[i].text.lower()
    if not word.endswith("s") or word == forms.lemmas.get(word, word):
        return False
    following = tokens[i + 1].text.lower() if i + 1 < len(tokens) else "."
    return following in grammar_words().function_words or not following.isalnum()


def _is_content_verb(tokens: Sequence[Token], i: int, forms: _VerbForms) -> bool:
    token = tokens[i]
    if token.upos is not None:
        return token.upos == "VERB"
    word = token.text.lower()
    if word in forms.auxiliaries:
        return False
    if word not in forms.lemmas and verb_lemma(word) is None:
        # (most words: no auxiliary or "to" before them, and no call; the modals are
        # auxiliaries of the verb list)
        previous_word = tokens[i - 1].text if i else ""
        return (
            previous_word in forms.auxiliaries or previous_word == "to"
        ) and _unknown_verb_after_a_modal(tokens, i)
    if token.text[0].isupper() and i > 0:
        return False  # "Mark Morgan", "March": capitalized mid-sentence words are names
    if _in_manner_aside(tokens, i):
        return False
    previous = tokens[i - 1].text.lower() if i > 0 else ""
    lexicon = _tense_lexicon()
    # "the arrest", "a law": after a determiner an ambiguous word is a noun
    if previous in lexicon.determiners:
        if previous in ("that", "which") and _relative_clause_verb(tokens, i, forms):
            return True
        return previous in ("this", "that") and _demonstrative_subject_verb(tokens, i, forms)
    if _after_an_adjective_of_a_noun_phrase(tokens, i):
        return False  # "its annual forecast", "its full-year forecast"
    if (
        # (the word two back first, inline, as `_after_a_base_form` begins: this runs for
        # every candidate verb, and the call costs 0.5% of a pass)
        i > 1
        and tokens[i - 2].text in lexicon.base_form_before
        and _after_a_base_form(tokens, i, lexicon)
        and _is_past_or_participle(token.text, forms)
    ):
        return False  # "to release treated water": the verb is "release"
    return _verbal_in_context(word, tokens, i, forms)


def _unknown_verb_after_a_modal(tokens: Sequence[Token], i: int) -> bool:
    """ "will quarantine", "must isolate", "have to livestream": a lower-case word the verb
    list lacks is a verb's base form right after a modal or after "have to", where
    nothing else stands in edited news ("to" alone takes nouns: "went to school")."""
    previous = tokens[i - 1].text
    word = tokens[i].text
    if not (word.isalpha() and word.islower()):
        return False
    if previous in grammar_words().modals:
        # (not an adverb of the verb group: "will likely", "could well", "may even")
        return word not in _tense_lexicon().adverbs_in_verb_group and not word.endswith("ly")
    return (
        previous == "to"
        and i > 1
        and tokens[i - 2].text.lower() in grammar_words().have_forms_in_verb_group
    )


def _after_an_adjective_of_a_noun_phrase(tokens: Sequence[Token], i: int) -> bool:
    """ "its annual forecast", "its full-year forecast", "the 2021 cut": an article or a
    possessive, an adjective, then the word at ``i``, which is the phrase's noun."""
    if i < 2:
        return False
    grammar = grammar_words()
    if tokens[i - 2].text.lower() not in grammar.openers_of_noun_phrases:
        return False
    modifier = tokens[i - 1].text
    return (
        "-" in modifier
        or any(c.isdigit() for c in modifier)
        or modifier.lower() in grammar.adjectives_before_nouns
    )


def _relative_clause_verb(tokens: Sequence[Token], i: int, forms: _VerbForms) -> bool:
    """ "a truce that began at 7 a.m.", "the quake, which killed 12 people": after a
    relative pronoun a past form is the clause's verb (see `_past_verb_at`); after
    "which", which no noun follows as a determiner in news, even before a noun ("which
    lost money in 2020")."""
    if _past_verb_at(tokens, i, forms):
        return True
    if tokens[i - 1].text.lower() == "which" and _is_past_or_participle(tokens[i].text, forms):
        return True
    word = tokens[i].text.lower()
    lemma = forms.lemmas.get(word)
    if lemma is not None and word != lemma and word == _third_person(lemma):
        # "the law, which takes effect Jan. 1"; not "that claims were false": a noun
        # whose verb follows it
        following = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
        return not _opens_verb_group(following)
    return False


def is_past_verb(tokens: Sequence[Token], i: int) -> bool:
    """True when ``tokens[i]`` is a past form used as its clause's verb (see
    `_past_verb_at`), where a verb is expected."""
    return _past_verb_at(tokens, i, _verb_forms())


def _is_past_or_participle(word: str, forms: _VerbForms) -> bool:
    low = word.lower()
    return (
        low in forms.past
        or low in forms.participles
        or (low.endswith("ed") and verb_lemma(low) is not None)
    )


def _past_verb_at(tokens: Sequence[Token], i: int, forms: _VerbForms) -> bool:
    """A past form only a verb can be ("began"), or another past form ("hit", "acquired")
    that no common noun follows ("that damaged car": "damaged" describes it; "revised
    figures")."""
    word = tokens[i].text.lower()
    if word in forms.past and word not in forms.participles:
        return True
    if not (word.endswith("ed") or word in forms.past) or i + 1 >= len(tokens):
        return False
    following = tokens[i + 1].text
    after = following.lower()
    return (
        following[:1].isupper()  # a name: "the storm that hit Florida"
        or after in grammar_words().function_words
        or after in _tense_lexicon().determiners
        or after[:1].isdigit()
        or not after[:1].isalnum()
    )


def _opens_verb_group(word: str) -> bool:
    """A form of "be" or "have" or a modal: the word before it is a subject, not a verb."""
    grammar = grammar_words()
    return (
        word in grammar.be_forms_in_verb_group
        or word in grammar.have_forms_in_verb_group
        or _is_base_form_cue(word)
    )


def _is_base_form_cue(word: str) -> bool:
    """A word after which a base form is a verb: "to", a modal, a pronoun …, or a word
    the built-in tokenizer keeps whole with its clitic ("we'll", "won't")."""
    return word in grammar_words().base_form_cues or _clitic_of(word) in ("'ll", "n't")


def _clitic_of(word: str) -> str | None:
    """The clitic ending a contracted word ("we'll" → "'ll", "won't" → "n't"), which the
    built-in tokenizer keeps in one token (a parser splits it off)."""
    if len(word) < 4 or not ("'" in word or "’" in word):
        return None
    ending = word[-3:].replace("’", "'")
    return ending if ending in grammar_words().clitics else None


def _closes_an_aside(tokens: Sequence[Token], comma: int) -> bool:
    """The comma at ``comma`` ends an aside set after a noun ("The law, signed in 2018,",
    "Smith, 62,"): the comma before it, within a few words, opens what `is_aside` reads
    as one."""
    j = _aside_opening(tokens, comma)
    if j is None:
        return False
    aside = tokens[j + 1 : comma]
    return j > 0 and bool(aside) and is_aside(aside)


def _aside_opening(tokens: Sequence[Token], comma: int) -> int | None:
    """The comma, within `_ASIDE_REACH` tokens before the one at ``comma``, that opens
    the aside ``comma`` may close, or None."""
    return next(
        (
            j
            for j in range(comma - 1, max(-1, comma - _ASIDE_REACH - 1), -1)
            if tokens[j].text == ","
        ),
        None,
    )


_ASIDE_REACH = 12


def is_aside(tokens: Sequence[Token]) -> bool:
    """What news sets between commas after a subject: a relative clause ("who took
    office in 2019"), an age ("62") or a participle phrase ("released Thursday");
    not the second half of a list or a figure ("or 10 cents a share")."""
    first = word_past_an_adverb(tokens)
    return (
        first.lower() in ("who", "which", "whose")
        or opens_with_a_share_of_whom(tokens)
        or all(t.text.isdigit() for t in tokens)
        or _an_age(tokens)
        or (first.islower() and (first.endswith("ed") or is_past_form(first)))
        # "The last shutdown, in December 2018, lasted 35 days": a date set apart
        or (first in grammar_words().aside_prepositions and len(tokens) <= 6)
        or is_hometown(tokens)
    )


def is_hometown(tokens: Sequence[Token]) -> bool:
    """ "of Dayton", "of St. Albans, Vt.": where the person named before lives."""
    return (
        1 < len(tokens) <= _HOMETOWN_TOKENS
        and tokens[0].text == "of"
        and tokens[1].text[:1].isupper()
        and tokens[1].text.isalpha()
    )


_HOMETOWN_TOKENS = 7


def word_past_an_adverb(tokens: Sequence[Token]) -> str:
    """The first token's text, or the second's when the first is an adverb a participle
    may follow ("originally set for Tuesday", "first held in 1877")."""
    first = tokens[0].text
    if len(tokens) > 1 and (
        first.endswith("ly") or first.lower() in _tense_lexicon().adverbs_in_verb_group
    ):
        return tokens[1].text
    return first


def _an_age(tokens: Sequence[Token]) -> bool:
    """ "52 years old", set off after a name as "62" is."""
    return (
        len(tokens) == 3
        and tokens[0].text.isdigit()
        and [t.text.lower() for t in tokens[1:]] == ["years", "old"]
    )


def opens_with_a_share_of_whom(tokens: Sequence[Token]) -> bool:
    """ "many of whom", "most of which", "two of whom": a relative clause about a share
    of the noun before it."""
    return (
        len(tokens) >= 3
        and tokens[1].text.lower() == "of"
        and tokens[2].text.lower() in ("whom", "which")
        and (
            tokens[0].text.lower() in grammar_words().shares_of_a_group or tokens[0].text.isdigit()
        )
    )


def _listed_form(word: str, forms: _VerbForms) -> bool:
    """A form the verb list holds, in its spelling or with the British double l
    ("signalled", "travelled" for the list's "signaled", "traveled")."""
    if word in forms.lemmas:
        return True
    return word.endswith("lled") and word[:-4] + "led" in forms.lemmas


def _subject_count(tokens: Sequence[Token], i: int) -> bool:
    """The number word at ``i`` opens its clause, so it is the subject ("One died at the
    scene", "…, and two fled"), not a count of the noun after it ("signaled one cut")."""
    if i == 0:
        return True
    before = tokens[i - 1].text.lower()
    return before in _MARKS_BEFORE_A_CLAUSE or before in grammar_words().coordinators_of_clauses


# the marks that may stand right before a clause's first word (or a coordinator may)
_MARKS_BEFORE_A_CLAUSE = frozenset({".", "!", "?", ";", ":", ",", '"', "“"})


def _verbal_in_context(word: str, tokens: Sequence[Token], i: int, forms: _VerbForms) -> bool:
    """Whether an ambiguous form ("report", "charges", "including") is used as a verb here.

    Past forms ("enacted", "ground") are verbs; a base form needs a cue before it ("to",
    a modal, a pronoun); an -s form needs a subject right before it; an -ing form needs
    a form of "be" (the progressive), else it is a noun or a modifier.
    """
    previous = tokens[i - 1].text.lower() if i > 0 else ""
    lemma = verb_lemma(word) or word
    grammar = grammar_words()
    if word in forms.past or word in forms.participles or (word.endswith("ed") and word != lemma):
        # "its first crewed mission", "the last planned missions": a participle used as
        # an adjective inside a noun phrase
        if _premodifier_before(tokens, i) or (
            previous in grammar.cardinals_before_nouns and not _subject_count(tokens, i - 1)
        ):
            return False  # "signaled one cut": a number before it makes it a noun
        # a form the lexicon only guessed ("strained") after a function word is an adjective
        return _listed_form(word, forms) or previous not in grammar.function_words
    if word.endswith("ing") and word != lemma:
        # the progressive ("are struggling") or a clause after a signal ("after flying")
        return (
            previous in grammar.be_forms_in_verb_group
            or previous in grammar.ing_clause_cues
            or (i >= 2 and tokens[i - 2].text.lower() in grammar.be_forms_in_verb_group)
            or _with_a_noun_before(tokens, i)
        )
    if word == lemma:
        # "will take", "to take"; "the new rules take effect": what is scheduled; "will
        # travel to Paris in May and return in June": the second of two base forms
        return (
            _is_base_form_cue(previous)
            or (lemma in forms.scheduling and _after_plural_subject(tokens, i))
            or (previous in ("and", "but", "or") and _base_form_verb_before(tokens, i - 1, forms))
        )
    # an -s form: "he says", "Mexico holds", "who leads", "the festival returns"
    if previous in grammar.subject_pronouns or (i > 0 and tokens[i - 1].text[:1].isupper()):
        return True
    if previous == "," and _closes_an_aside(tokens, i - 1):
        return True  # "The museum, closed since March, reopens next month"
    if not _reads_as_verb(tokens, i, forms):
        return False
    # "reported a loss but expects a profit", "closed in 2019 and reopens next spring":
    # the second verb of a shared subject
    return previous in ("and", "but") or _after_singular_subject(tokens, i, forms)


def _with_a_noun_before(tokens: Sequence[Token], i: int) -> bool:
    """ ", with testimony beginning Monday", ", with the vote ending at 8 p.m.": set off by
    a comma, "with", a noun and an -ing form make a clause of their own, whose verb the
    -ing form is ("celebrated … with rallies calling for his return": a noun's modifier)."""
    if not tokens[i - 1].text.isalpha():
        return False
    with_at = i - 2
    if with_at >= 1 and tokens[with_at].text.lower() in _tense_lexicon().determiners:
        with_at -= 1  # "with the vote ending"
    return (
        with_at >= 1 and tokens[with_at].text.lower() == "with" and tokens[with_at - 1].text == ","
    )


def _base_form_verb_before(tokens: Sequence[Token], link: int, forms: _VerbForms) -> bool:
    """A base form after a modal or "to", or a verb of scheduling after a plural subject,
    stands in the clause before the "and" at ``link`` ("will travel to Paris in May
    and", "is expected to open in May and", "The stores open in May and"), so
    a base form after the "and" is that verb's second conjunct, not a noun."""
    for j in range(link - 1, max(0, link - _CONJUNCT_REACH), -1):
        word = tokens[j].text
        if word in _CLAUSE_BREAKS or word in (",", ".", "!", "?"):
            return False
        if (
            word.islower()
            and is_base_form(word)
            and (
                _is_base_form_cue(tokens[j - 1].text.lower())
                # "Polls open at 7 a.m. and close at 8 p.m.": what is scheduled, told plural
                or (word in forms.scheduling and _after_plural_subject(tokens, j))
            )
        ):
            return True
    return False


# how many words back from "and" the first of two base forms may stand
_CONJUNCT_REACH = 10


def _reads_as_verb(tokens: Sequence[Token], i: int, forms: _VerbForms) -> bool:
    """An -s form whose subject is a noun is its verb when news uses the verb for what
    is scheduled ("goes on sale", "returns to") or when an object follows it ("foresees
    the need"); otherwise it is as likely a plural noun ("the latest figures for")."""
    if i + 1 >= len(tokens):
        return False
    after = tokens[i + 1].text.lower()
    lemma = forms.lemmas.get(tokens[i].text.lower(), "")
    return lemma in forms.scheduling or after in _tense_lexicon().determiners or after[:1].isdigit()


def _after_singular_subject(tokens: Sequence[Token], i: int, forms: _VerbForms) -> bool:
    """ "The festival returns", "the new model goes": an -s form right after a singular
    noun that a determiner opens (not "the low levels": "low" would be the subject)."""
    if i < 2:
        return False
    noun = tokens[i - 1].text
    if not (noun.isalpha() and noun.islower()) or noun.endswith("s"):
        return False
    determiners = _tense_lexicon().determiners
    opener = next(
        (j for j in range(i - 2, max(-1, i - 4), -1) if tokens[j].text.lower() in determiners),
        None,
    )
    if opener is None and i == 2 and tokens[0].text.istitle() and tokens[0].text.isalpha():
        return True  # "Early voting begins Oct. 21": a subject that opens the sentence
    return opener is not None and all(t.text.isalpha() for t in tokens[opener + 1 : i])
