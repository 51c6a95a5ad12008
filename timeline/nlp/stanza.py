"""The optional stanza adapter: the `Analysis` interface answered from a dependency parse.

`StanzaAnalysis` wraps a parsed ``stanza.Document`` (the caller's, or one this module
parses with a cached English pipeline) and answers the questions later stages ask:

- sentences and tokens with document character offsets.  Documents read from CoNLL-U
  often carry no text and no offsets; the text is then recovered from the sentences'
  ``# text`` comments or rebuilt from the tokens and their ``SpaceAfter=No`` marks.
- ``governor_of(span)``: the predicate above the expression's head in the tree (the
  verb, or the nominal of an appositive or copular clause: "minister" in "Cienfuegos,
  Mexico's defense minister from 2012 to 2018").
- ``tense_at(span)``: that predicate's auxiliaries and UD features ("will enact" is
  future, "has returned" and "enacted" past); an infinitive or participle takes the
  tense of the clause it hangs from.
- ``entities``: DATE/TIME spans from stanza's NER.

Both answers fall back to the built-in heuristics when the tree says nothing.  stanza is
imported only inside functions, so ``import timeline`` never pays for torch, and nothing
is ever downloaded implicitly: `download_models` is the one function that does.
"""

from __future__ import annotations

import bisect
import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import InvalidInputError, MissingDependencyError, ModelNotAvailableError
from ..text import Analysis, Sentence, Token, analyze
from ..types import Tense

__all__ = [
    "LANGUAGE",
    "PROCESSORS",
    "StanzaAnalysis",
    "analysis_from_document",
    "download_models",
    "models_dir",
    "stanza_analysis",
]

log = logging.getLogger("timeline")

LANGUAGE = "en"
#: the processors the adapter needs; `download_models` fetches exactly these
PROCESSORS = "tokenize,mwt,pos,lemma,depparse,ner"
# The folders stanza lays these out in under <models dir>/en/ (mwt is folded into
# tokenize for some packages, so it is not required here).
_REQUIRED_FOLDERS = ("tokenize", "pos", "lemma", "depparse", "ner")
_ENTITY_LABELS = frozenset({"DATE", "TIME"})
# How far past the previous token a token may start when aligned against the text:
# bounded so that aligning a document stays linear in its length.
_MAX_GAP = 200

_INSTALL_HINT = "pip install 'timeline[stanza]'"


# ---------------------------------------------------------------- the analysis


class StanzaAnalysis(Analysis):
    """Sentences, tokens, tense and governors from a parsed ``stanza.Document``."""

    backend = "stanza"

    def __init__(self, doc: Any) -> None:
        text, sentences, tokens, entities = _convert(doc)
        super().__init__(text, sentences)
        self._tokens.update(enumerate(tokens))
        self.entities = entities
        self._children_cache: dict[int, list[list[int]]] = {}

    def _tokenize(self, sentence: Sentence) -> tuple[Token, ...]:
        # Every sentence is converted up front; this only runs for an unparsed index.
        return ()

    def governor_of(self, span: tuple[int, int]) -> Token | None:
        """The predicate above the span's head in the tree, else the built-in guess."""
        located = self._span_head(span)
        if located is not None:
            sentence, head = located
            tokens = self.tokens(sentence)
            # A date that is itself a copular predicate ("the vote was in December")
            # dates its subject; any other date, the predicate above it.
            governor = _subject_of_predicate(tokens, head, self._children(sentence))
            if governor is None:
                governor = _predicate_above(tokens, head)
            if governor is not None:
                return tokens[governor]
        return super().governor_of(span)

    def tense_at(self, span: tuple[int, int]) -> Tense:
        """The tense of the governing clause from auxiliaries and features, else cue words."""
        located = self._span_head(span)
        if located is not None:
            tense = self._tree_tense(*located)
            if tense is not None:
                return tense
        return super().tense_at(span)

    def _tree_tense(self, sentence: int, head: int) -> Tense | None:
        tokens = self.tokens(sentence)
        children = self._children(sentence)
        # A date that is itself a copular predicate ("the vote was in December").
        node: int | None = head if _has_child(tokens, children[head], ("cop",)) else None
        if node is None:
            node = _predicate_above(tokens, head)
        for _ in range(len(tokens)):
            if node is None:
                return None
            tense = _clause_tense(tokens, node, children[node])
            if tense is not None or _is_finite_clause(tokens, node, children[node]):
                return tense
            # An infinitive, participle or bare appositive has no tense of its own:
            # "a law requiring them to report" takes the tense of "enacted".
            node = _predicate_above(tokens, node)
        return None

    def _span_head(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """(sentence, token index) of the span's syntactic head, None if unparsed.

        An empty span stands for "the clause starting here": its first token is used.
        """
        sentence = self.sentence_index_at(span[0])
        tokens = self.tokens(sentence)
        starts = [t.start for t in tokens]
        low = bisect.bisect_right(starts, span[0]) - 1
        if low < 0 or tokens[low].end <= span[0]:
            low += 1
        high = max(low + 1, bisect.bisect_left(starts, span[1]))
        if low >= len(tokens) or tokens[low].head is None:
            return None
        inside = range(low, min(high, len(tokens)))
        for i in inside:
            head = tokens[i].head
            if head is not None and head not in inside:
                return sentence, i
        return None

    def _children(self, sentence: int) -> list[list[int]]:
        cached = self._children_cache.get(sentence)
        if cached is None:
            tokens = self.tokens(sentence)
            cached = [[] for _ in tokens]
            for i, token in enumerate(tokens):
                if token.head is not None and 0 <= token.head < len(tokens):
                    cached[token.head].append(i)
            self._children_cache[sentence] = cached
        return cached


def analysis_from_document(doc: Any) -> StanzaAnalysis:
    """The analysis of a ``stanza.Document`` the caller already parsed (or read from CoNLL-U)."""
    return StanzaAnalysis(doc)


# ------------------------------------------------------------ tree questions

# Relations by which a word hangs from its predicate as a function word, not a clause.
_FUNCTION_RELATIONS = ("aux", "aux:pass", "cop")
_NOMINALS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "PRON"})
_FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "wo"})


def _predicate_above(tokens: Sequence[Token], start: int) -> int | None:
    """The first predicate strictly above ``start``: a verb, or an appositive/copular nominal."""
    node = start
    for _ in range(len(tokens)):
        parent = tokens[node].head
        if parent is None or not 0 <= parent < len(tokens):
            return None
        node = parent
        if _is_predicate(tokens, node):
            return node
    return None  # a cycle: a malformed tree says nothing


def _is_predicate(tokens: Sequence[Token], i: int) -> bool:
    token = tokens[i]
    if token.upos == "VERB":
        return True
    if token.upos == "AUX":
        # "be"/"have" heading a clause of their own, not helping another verb
        return (token.deprel or "") not in _FUNCTION_RELATIONS
    if token.upos in _NOMINALS:
        return (token.deprel or "").startswith("appos") or _has_cop_child(tokens, i)
    return False


def _has_cop_child(tokens: Sequence[Token], i: int) -> bool:
    # Scans the sentence; only reached for nominals on the path up, so a handful per span.
    return any(t.head == i and t.deprel == "cop" for t in tokens)


def _has_child(
    tokens: Sequence[Token], children: Sequence[int], relations: tuple[str, ...]
) -> bool:
    return any(tokens[c].deprel in relations for c in children)


def _subject_of_predicate(
    tokens: Sequence[Token], head: int, children: Sequence[Sequence[int]]
) -> int | None:
    """For a date that is itself the predicate ("the vote is on Monday"): the subject."""
    if not _has_child(tokens, children[head], ("cop",)):
        return None
    for child in children[head]:
        if (tokens[child].deprel or "").startswith("nsubj") and tokens[child].upos in _NOMINALS:
            return child
    return None


def _clause_tense(tokens: Sequence[Token], node: int, children: Sequence[int]) -> Tense | None:
    """The tense of the clause headed by ``node``: auxiliaries first, then its own form."""
    auxiliaries = [tokens[c] for c in children if tokens[c].deprel in _FUNCTION_RELATIONS]
    if any(a.text.lower() in _FUTURE_AUXILIARIES for a in auxiliaries):
        return "future"
    if _is_going_to(tokens, node):
        return "future"
    participle = "VerbForm=Part" in (tokens[node].feats or "")
    perfect = any(_lemma(a) == "have" and _finite_tense(a) == "present" for a in auxiliaries)
    if participle and perfect:
        # "has enacted": the event lies before the reference time, which is what
        # the resolver needs ("has ... since January" is anchored by its signal).
        return "past"
    for auxiliary in auxiliaries:
        tense = _finite_tense(auxiliary)
        if tense is not None:
            return tense
    return _finite_tense(tokens[node])


def _is_finite_clause(tokens: Sequence[Token], node: int, children: Sequence[int]) -> bool:
    """A clause with an auxiliary or a finite verb has its own tense, even if unmarked ("could")."""
    if _has_child(tokens, children, _FUNCTION_RELATIONS):
        return True
    return "VerbForm=Fin" in (tokens[node].feats or "")


def _is_going_to(tokens: Sequence[Token], node: int) -> bool:
    """ "is going to enact": the infinitive hangs as xcomp from "going"."""
    head = tokens[node].head
    if head is None or not 0 <= head < len(tokens) or tokens[node].deprel != "xcomp":
        return False
    return tokens[head].text.lower() == "going" and "VerbForm=Inf" in (tokens[node].feats or "")


def _finite_tense(token: Token) -> Tense | None:
    feats = token.feats or ""
    if "VerbForm=Fin" not in feats:
        return None
    if "Tense=Past" in feats:
        return "past"
    if "Tense=Pres" in feats:
        return "present"
    return None


def _lemma(token: Token) -> str:
    return (token.lemma or token.text).lower()


# --------------------------------------------------- document → text and tokens

_Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class _Placed:
    """A stanza sentence whose tokens have been placed in the document text."""

    sentence: Any
    spans: list[_Span]


def _convert(
    doc: Any,
) -> tuple[str, list[Sentence], list[tuple[Token, ...]], tuple[tuple[int, int, str], ...]]:
    stanza_sentences = [s for s in doc.sentences if s.tokens]
    text, spans = _place_tokens(doc.text, stanza_sentences)
    sentences: list[Sentence] = []
    tokens: list[tuple[Token, ...]] = []
    offsets: dict[int, _Span] = {}
    for placed in (_Placed(s, p) for s, p in zip(stanza_sentences, spans, strict=True)):
        start, end = placed.spans[0][0], placed.spans[-1][1]
        sentences.append(Sentence(len(sentences), start, end, text[start:end]))
        tokens.append(_words_as_tokens(placed))
        pairs = zip(placed.sentence.tokens, placed.spans, strict=True)
        offsets.update((id(token), span) for token, span in pairs)
    return text, sentences, tokens, _entities(doc, stanza_sentences, offsets)


def _place_tokens(text: str | None, sentences: Sequence[Any]) -> tuple[str, list[list[_Span]]]:
    """The document text and each stanza token's (start, end) in it."""
    every = [t for s in sentences for t in s.tokens]
    has_offsets = all(t.start_char is not None and t.end_char is not None for t in every)
    if text is not None:
        if has_offsets:
            return text, [[(t.start_char, t.end_char) for t in s.tokens] for s in sentences]
        return text, _align_document(text, sentences)
    if has_offsets and every:
        return _text_from_offsets(sentences), [
            [(t.start_char, t.end_char) for t in s.tokens] for s in sentences
        ]
    return _rebuild_text(sentences)


def _align_document(text: str, sentences: Sequence[Any]) -> list[list[_Span]]:
    spans: list[list[_Span]] = []
    position = 0
    for number, sentence in enumerate(sentences, 1):
        placed = _align([t.text for t in sentence.tokens], text, position)
        if isinstance(placed, str):
            raise InvalidInputError(
                f"stanza.Document: token {placed!r} of sentence {number} is not in doc.text "
                f"near offset {position}; the document's text does not match its tokens"
            )
        spans.append(placed)
        position = placed[-1][1]
    return spans


def _align(forms: Sequence[str], text: str, position: int) -> list[_Span] | str:
    """Each form's span in ``text`` from ``position`` on, or the first form not found.

    Only white space may separate the tokens, so a word that happens to occur further on
    is not mistaken for the missing one.
    """
    spans: list[_Span] = []
    for form in forms:
        index = text.find(form, position, position + _MAX_GAP + len(form))
        if index < 0 or text[position:index].strip():
            return form
        spans.append((index, index + len(form)))
        position = index + len(form)
    return spans


def _text_from_offsets(sentences: Sequence[Any]) -> str:
    """Text for a document whose tokens carry offsets but which has no text: spaces fill gaps."""
    end = max(t.end_char for s in sentences for t in s.tokens)
    chars = [" "] * end
    for sentence in sentences:
        for token in sentence.tokens:
            for k, char in enumerate(token.text[: token.end_char - token.start_char]):
                chars[token.start_char + k] = char
    return "".join(chars)


def _rebuild_text(sentences: Sequence[Any]) -> tuple[str, list[list[_Span]]]:
    """Text from each sentence's ``# text`` comment, else from its tokens and SpaceAfter marks."""
    pieces: list[str] = []
    spans: list[list[_Span]] = []
    offset = 0
    for sentence in sentences:
        if pieces:
            pieces.append(" ")
            offset += 1
        forms = [t.text for t in sentence.tokens]
        own = sentence.text
        placed = _align(forms, own, 0) if own else None
        if own is None or not isinstance(placed, list) or own[placed[-1][1] :].strip():
            # no comment, or one the tokens do not spell out entirely: trust the tokens
            own, placed = _join_tokens(sentence.tokens)
        pieces.append(own)
        spans.append([(start + offset, end + offset) for start, end in placed])
        offset += len(own)
    return "".join(pieces), spans


def _join_tokens(tokens: Sequence[Any]) -> tuple[str, list[_Span]]:
    pieces: list[str] = []
    spans: list[_Span] = []
    offset = 0
    for i, token in enumerate(tokens):
        spans.append((offset, offset + len(token.text)))
        pieces.append(token.text)
        offset += len(token.text)
        if i + 1 < len(tokens):
            # stanza reads SpaceAfter=No / SpacesAfter into spaces_after
            gap = token.spaces_after if isinstance(token.spaces_after, str) else " "
            pieces.append(gap)
            offset += len(gap)
    return "".join(pieces), spans


def _words_as_tokens(placed: _Placed) -> tuple[Token, ...]:
    """One `Token` per syntactic word: heads and features live on words, not on tokens."""
    out: list[Token] = []
    for stanza_token, span in zip(placed.sentence.tokens, placed.spans, strict=True):
        words = list(stanza_token.words)
        for word, word_span in zip(words, _word_spans(stanza_token.text, words, span), strict=True):
            out.append(
                Token(
                    text=word.text,
                    start=word_span[0],
                    end=word_span[1],
                    lemma=word.lemma,
                    upos=word.upos,
                    feats=word.feats,
                    head=None if word.head is None else word.head - 1,
                    deprel=word.deprel,
                )
            )
    return tuple(out)


def _word_spans(form: str, words: Sequence[Any], span: _Span) -> list[_Span]:
    """Split a multi-word token's span among its words when they spell it out.

    "cannot" → "can" + "not" splits; an expansion that does not spell the token out
    ("won't" → "will" + "not") leaves every word with the whole token's span.
    """
    if len(words) <= 1:
        return [span] * len(words)
    pattern = r"\s*".join(f"({re.escape(w.text)})" for w in words)
    match = re.fullmatch(pattern, form)
    if match is None:
        return [span] * len(words)
    return [(span[0] + match.start(i), span[0] + match.end(i)) for i in range(1, len(words) + 1)]


# -------------------------------------------------------------------- entities


def _entities(
    doc: Any, sentences: Sequence[Any], offsets: dict[int, _Span]
) -> tuple[tuple[int, int, str], ...]:
    """DATE/TIME spans: from ``doc.ents``, else decoded from the tokens' NER tags.

    A document read from CoNLL-U keeps its tags on the tokens (``ner=S-DATE`` in MISC)
    but builds no entities, since stanza needs the text to do so.
    """
    found: list[tuple[int, int, str]] = []
    entities = list(getattr(doc, "ents", None) or ())
    if entities:
        for entity in entities:
            begin, end = offsets.get(id(entity.tokens[0])), offsets.get(id(entity.tokens[-1]))
            if entity.type in _ENTITY_LABELS and begin is not None and end is not None:
                found.append((begin[0], end[1], entity.type))
    else:
        for sentence in sentences:
            tokens = sentence.tokens
            for first, last, label in _decode_tags([t.ner for t in tokens]):
                if label in _ENTITY_LABELS:
                    start, stop = offsets[id(tokens[first])][0], offsets[id(tokens[last])][1]
                    found.append((start, stop, label))
    return tuple(sorted(found))


def _decode_tags(tags: Sequence[str | None]) -> list[tuple[int, int, str]]:
    """(first, last, label) token runs of BIOES (or BIO) tags."""
    runs: list[tuple[int, int, str]] = []
    current: tuple[int, str] | None = None
    for i, tag in enumerate(tags):
        prefix, _, label = (tag or "O").partition("-")
        if prefix == "O" or not label:
            current = None
            continue
        if prefix in ("B", "S") or current is None or current[1] != label:
            current = (i, label)
        if prefix in ("S", "E"):
            runs.append((current[0], i, label))
            current = None
        elif i + 1 == len(tags) or not (tags[i + 1] or "O").startswith(("I-", "E-")):
            runs.append((current[0], i, label))  # an unterminated BIO run ends here
            current = None
    return runs


# ------------------------------------------------------------ pipeline & models


def stanza_analysis(text: str, *, required: bool) -> Analysis:
    """Parse ``text`` with stanza; without stanza or its models, fail (required) or fall back.

    ``required=True`` (``backend="stanza"``) raises `MissingDependencyError` or
    `ModelNotAvailableError`; ``required=False`` (``backend="auto"``) returns the built-in
    analysis and logs why, once per reason.
    """
    try:
        pipeline = _pipeline()
    except (MissingDependencyError, ModelNotAvailableError) as exc:
        if required:
            raise
        _log_fallback(exc)
        return analyze(text)
    return StanzaAnalysis(pipeline(text))


def models_dir() -> Path:
    """Where stanza looks for models: $STANZA_RESOURCES_DIR, else stanza's default folder."""
    configured = os.environ.get("STANZA_RESOURCES_DIR")
    if configured:
        return Path(configured).expanduser()
    # stanza reads the variable once, at import; read it here at call time instead
    from stanza.resources.common import DEFAULT_MODEL_DIR

    return Path(DEFAULT_MODEL_DIR).expanduser()


def download_models(model_dir: str | os.PathLike[str] | None = None) -> Path:
    """Download stanza's English models (needs the network); return the folder holding them.

    This is the only function of the library that downloads anything.  ``model_dir``
    defaults to `models_dir()`, where `stanza_analysis` looks.
    """
    stanza = _import_stanza()
    directory = Path(model_dir).expanduser() if model_dir is not None else models_dir()
    stanza.download(LANGUAGE, model_dir=str(directory), processors=PROCESSORS)
    log.info("stanza English models (%s) are in %s", PROCESSORS, directory)
    return directory


def _pipeline() -> Any:
    _import_stanza()
    directory = models_dir()
    _check_models(directory)
    return _cached_pipeline(str(directory))


def _import_stanza() -> Any:
    try:
        import stanza
    except ImportError as exc:
        raise MissingDependencyError(
            f"the stanza backend needs the optional stanza package: {_INSTALL_HINT}"
        ) from exc
    return stanza


def _check_models(directory: Path) -> None:
    """Raise `ModelNotAvailableError` unless the English models look installed (no download)."""
    if not (directory / "resources.json").is_file():
        raise _models_missing(directory, "no resources.json")
    missing = [name for name in _REQUIRED_FOLDERS if not (directory / LANGUAGE / name).is_dir()]
    if missing:
        raise _models_missing(directory, f"no {LANGUAGE}/{', '.join(missing)} models")


def _models_missing(directory: Path, detail: str) -> ModelNotAvailableError:
    return ModelNotAvailableError(
        f"stanza's English models are not installed in {directory} ({detail}). "
        "timeline never downloads them on its own; with network access, run once "
        f"`python -m timeline download-models`, or in Python "
        f"`import stanza; stanza.download('en', model_dir={str(directory)!r})`. "
        "Set STANZA_RESOURCES_DIR to use another folder, or pass backend='builtin'."
    )


@lru_cache(maxsize=2)
def _cached_pipeline(directory: str) -> Any:
    """One pipeline per models folder: loading the models takes seconds, parsing does not."""
    import stanza

    try:
        return stanza.Pipeline(
            lang=LANGUAGE, dir=directory, processors=PROCESSORS, download_method=None
        )
    except OSError as exc:
        # FileNotFoundError and stanza's LanguageNotDownloadedError: a partial download
        raise _models_missing(Path(directory), str(exc)) from exc


_logged_fallbacks: set[str] = set()


def _log_fallback(reason: Exception) -> None:
    message = str(reason)
    if message in _logged_fallbacks:
        return
    _logged_fallbacks.add(message)
    # Missing models on a machine with stanza is likely an oversight; no stanza, a choice.
    level = logging.WARNING if isinstance(reason, ModelNotAvailableError) else logging.INFO
    log.log(level, "backend='auto': using the built-in analysis: %s", message)
