"""The Indonesian tokenizer: spaCy's stock Indonesian rules, without the stock slowdowns.

`make_nlp()` returns the same `Language` as `spacy.blank("id")` (same lang, vocab, rules,
exceptions, prefixes/suffixes/infixes, so the SAME tokens, whitespace and offsets), except
that its tokenizer is `FastTokenizer`, registered as "arsip.IndonesianTokenizer.v1".
The stock tokenizer is slow here for these reasons, each fixed without changing a token:

1. spaCy issue #13950: inside one text, once a chunk hits a special case (an Indonesian
   tokenizer exception such as an abbreviation), the per-text `has_special` flag is never
   reset, so no later chunk of that text is cached. Almost every report has an exception
   early on, so the cache hardly fills. Fix: before tokenizing a text, each whitespace chunk
   not seen before is tokenized on its own (where the flag starts at 0), which caches it;
   the real pass then hits the cache. A chunk's tokens never depend on its neighbours (the
   cross-chunk special-case pass still runs on the whole text), so the output is unchanged.
2. The prefix regex is `^a|^b|...` with one unanchored branch (the `<a ...>` HTML prefix), so
   `re.search` tries every position of every chunk. Fix: `_PrefixSearch` matches the
   anchored branches at position 0 only and searches the unanchored ones only when the
   anchored ones fail, which is exactly what the stock `search` returns; and neither is
   tried on a word whose characters cannot begin a match (most words begin with a letter).
3. The cache holds only 10,000 chunks. Fix: `CACHE_SIZE`.
4. New words (every text has some) are slow to split: the stock suffix regex `a$|b$|...`
   is searched from every position of the word, and the infix regex is run over every word
   although most words hold none of the characters an infix can start with. Fix:
   `_SuffixSearch` tries only the branches that can end in the word's last character,
   and `_InfixFinditer` skips words without any infix's first character; both read those
   bounds from the stock patterns themselves (`re._parser`), so they return what stock does.
5. spaCy tries the URL pattern on every new piece of text; every URL match holds a "."
   (of a host name or an IP address), so `_UrlMatch` answers at once for a piece without
   one, the gate read from the stock pattern itself (`_needs`).
6. Loading: building the ~15,600 hyphenated exceptions ("anak-anak", "Anak-Anak", ...) takes
   about 1 s of the 2 s load budget, and few ever occur. Fix: each is added the first time
   a text could use it (`FastTokenizer._load_for`, which says why that is exact).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from re import _constants as sre  # the parsed form of a pattern: stable since Python 3.11
from re import _parser as sre_parse

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from .lexattrs import fast_getters

# Distinct whitespace chunks kept in the tokenizer cache (stock: 10,000). Bounds memory in a
# long-running service: the cache and the `seen` set cost ~260 bytes per chunk (measured),
# so at most ~26 MB, on top of the vocabulary, which grows the same as with stock spaCy.
CACHE_SIZE = 100_000
TOKENIZER_NAME = "arsip.IndonesianTokenizer.v1"


def _top_level_branches(pattern: str) -> list[str]:
    """Split a regex on its top-level `|` (outside groups, classes and escapes)."""
    parts: list[str] = []
    depth = 0
    in_class = False
    start = 0
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":  # "[]...]": a leading "]" is a literal
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


class _PrefixSearch:
    """Same results as `compile_prefix_regex(prefixes).search`, without scanning the string.

    The stock pattern is `"|".join("^" + piece)`; a piece with its own top-level `|` leaves
    the branches after the first unanchored, so stock `search` may match them anywhere.
    At position 0 all branches are tried in stock order (the anchored regex); past 0 only
    the unanchored ones can match, so they are searched, in stock order, only then.
    """

    def __init__(self, prefixes: Iterable[str]) -> None:
        pieces = [p for p in prefixes if p.strip()]
        self.stock = compile_prefix_regex(pieces)  # kept for serialisation (to_bytes)
        anchored = re.compile("^(?:" + "|".join(pieces) + ")")
        self._match = anchored.match
        loose = [b for p in pieces for b in _top_level_branches(p)[1:]]
        self._loose = re.compile("|".join(loose)).search if loose else None
        # The characters a match can begin with (None: not known). A word whose first
        # character is none of them (most words begin with a letter) has no prefix, and
        # a word holding none of the loose branches' first characters has no loose match.
        exact = not anchored.flags & re.IGNORECASE
        self._first = _edge_chars(sre_parse.parse(anchored.pattern)) if exact else None
        self._loose_first = (
            _edge_chars(sre_parse.parse("|".join(loose))) if loose and exact else None
        )

    @property
    def __self__(self) -> re.Pattern[str]:
        # spaCy's Tokenizer.to_bytes stores `prefix_search.__self__.pattern`.
        return self.stock

    def __call__(self, string: str) -> re.Match[str] | None:
        first = self._first
        m = None if first is not None and string and string[0] not in first else self._match(string)
        if m is None and self._loose is not None:
            if self._loose_first is not None and self._loose_first.isdisjoint(string):
                return None
            return self._loose(string)
        return m


def _charset(items) -> frozenset[str] | None:
    """The characters a parsed `[...]` class matches; None if negated or a category."""
    out: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            out.add(chr(av))
        elif op is sre.RANGE:
            out.update(map(chr, range(av[0], av[1] + 1)))
        else:  # NEGATE, CATEGORY (\w, \d ...): too broad to list
            return None
    return frozenset(out)


def _edge_chars(items, last: bool = False) -> frozenset[str] | None:
    """Every character a match of the parsed sequence `items` can consume first (or last),
    or None when that is not known (a match may be empty, or begin with any character)."""
    for op, av in reversed(list(items)) if last else items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero-width: the first consumed character comes after
        if op is sre.LITERAL:
            return frozenset(chr(av))
        if op is sre.IN:
            return _charset(av)
        if op is sre.BRANCH:
            sets = [_edge_chars(b, last) for b in av[1]]
            return None if None in sets else frozenset().union(*sets)
        if op is sre.SUBPATTERN:
            sub = av[3]
            return _edge_chars(sub, last) if sub.getwidth()[0] > 0 else None
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            lo, _, sub = av
            return _edge_chars(sub, last) if lo > 0 else None
        return None
    return None


class _InfixFinditer:
    """Same results as `compile_infix_regex(infixes).finditer`, at once for a word that holds
    none of the characters an infix match can begin with (most words)."""

    def __init__(self, infixes: Iterable[str]) -> None:
        self.stock = compile_infix_regex(infixes)
        self._finditer = self.stock.finditer
        self._first: frozenset[str] | None = None
        if not self.stock.flags & re.IGNORECASE:
            self._first = _edge_chars(sre_parse.parse(self.stock.pattern, self.stock.flags))

    @property
    def __self__(self) -> re.Pattern[str]:
        return self.stock  # for Tokenizer.to_bytes, as in _PrefixSearch

    def __call__(self, string: str) -> Iterator[re.Match[str]]:
        if self._first is not None and self._first.isdisjoint(string):
            return iter(())
        return self._finditer(string)


def _consumed_chars(items) -> frozenset[str] | None:
    """Every character a match of the parsed sequence `items` can consume (None: unknown)."""
    out: set[str] = set()
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero-width
        if op is sre.LITERAL:
            part: frozenset[str] | None = frozenset(chr(av))
        elif op is sre.IN:
            part = _charset(av)
        elif op is sre.BRANCH:
            parts = [_consumed_chars(b) for b in av[1]]
            part = None if None in parts else frozenset().union(*parts)
        elif op is sre.SUBPATTERN:
            part = _consumed_chars(av[3])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            part = _consumed_chars(av[2])
        else:
            return None
        if part is None:
            return None
        out |= part
    return frozenset(out)


_UNBOUNDED = 1 << 16  # a branch this wide (sre reports huge widths for `+`, `*`) has no bound


class _SuffixSearch:
    """Same results as `compile_suffix_regex(suffixes).search`, without trying every branch
    at every start.

    Every stock branch ends in `$`, so a match ends at the end of the string and consumes
    its last character: only the branches that can end in that character are tried (read
    from the stock pattern with `re._parser`; a branch whose last character is not known is
    always tried). All matches end at the same place, so the leftmost start, which `search`
    returns, is the longest suffix, whichever branch gives it. No match starts before
    len - W, W the widest bounded branch tried, nor before the trailing run of the
    characters an unbounded branch can consume (`\\.\\.+$`: dots), so the search starts
    there (a look-behind still sees the characters before): a long run of punctuation,
    whose suffixes are split off one at a time, is no longer searched whole each time.
    """

    def __init__(self, suffixes: Iterable[str]) -> None:
        self.stock = compile_suffix_regex(suffixes)
        self._flags = self.stock.flags
        self._branches = _top_level_branches(self.stock.pattern)
        self._by_char: dict[str, tuple[int, ...]] = {}  # last character -> branches to try
        self._width: list[int] = []  # per branch: its widest match (or more, if unbounded)
        self._chars: list[frozenset[str] | None] = []  # per branch: what it can consume
        self._needs: list[frozenset[str] | None] = []  # per branch: see `_needs`
        always: list[int] = []
        exact = not self._flags & re.IGNORECASE
        for n, branch in enumerate(self._branches):
            parsed = sre_parse.parse(branch, self._flags)
            self._width.append(parsed.getwidth()[1])
            self._chars.append(_consumed_chars(parsed) if exact else None)
            self._needs.append(_needs(parsed) if exact else None)
            last = _edge_chars(parsed, last=True) if exact else None
            if last is None or not len(parsed) or parsed[-1] != (sre.AT, sre.AT_END):
                always.append(n)  # unknown, or not anchored at the end: try it everywhere
                continue
            for c in last:
                self._by_char[c] = (*self._by_char.get(c, ()), n)
        self._always = tuple(always)
        self._compiled: dict[tuple[int, ...], Callable | None] = {}  # branches -> search
        # last character -> (search, widest bounded branch, characters of the unbounded ones
        # as one string for str.rstrip, or None if one of those may consume anything)
        # and the characters of which a match of one of those branches holds at least one)
        self._for_char: dict[str, tuple[Callable | None, int, str | None, frozenset | None]] = {}

    def _search_for(self, last: str) -> tuple[Callable | None, int, str | None, frozenset | None]:
        found = self._for_char.get(last)
        if found is None:
            branches = tuple(sorted(self._always + self._by_char.get(last, ())))
            search = self._compiled.get(branches, False)
            if search is False:
                pattern = "|".join(self._branches[n] for n in branches)
                search = re.compile(pattern, self._flags).search if branches else None
                self._compiled[branches] = search
            bounded = [n for n in branches if self._width[n] < _UNBOUNDED]
            width = max((self._width[n] for n in bounded), default=0)
            runs: set[str] | None = set()
            for n in set(branches).difference(bounded):
                chars = self._chars[n]
                runs = None if runs is None or chars is None else runs | chars
            run = None if runs is None else "".join(sorted(runs))
            # A string holding none of the characters some branch needs can't match: for a
            # word of letters, the units need a digit before them, `-nya` a hyphen.
            needs: set[str] | None = set()
            for n in branches:
                part = self._needs[n]
                needs = None if needs is None or part is None else needs | part
            gate = None if needs is None else frozenset(needs)
            found = self._for_char[last] = (search, width, run, gate)
        return found

    @property
    def __self__(self) -> re.Pattern[str]:
        return self.stock

    def __call__(self, string: str) -> re.Match[str] | None:
        if not string or "\n" in string:  # `$` also matches before a final "\n"
            return self.stock.search(string)
        search, width, run, gate = self._search_for(string[-1])
        if search is None or (gate is not None and gate.isdisjoint(string)):
            return None
        if run is None:
            return search(string)
        start = len(string) - width
        if run:
            start = min(start, len(string.rstrip(run)))
        return search(string, max(start, 0))


def _needs(items) -> frozenset[str] | None:
    """Characters of which every match of the parsed sequence `items` holds at least one
    (the smallest such set found), or None when none is known. A look-around's text lies
    inside the searched string too, so `(?<=[0-9])km` needs a digit."""
    best: frozenset[str] | None = None
    for op, av in items:
        part: frozenset[str] | None = None
        if op is sre.LITERAL:
            part = frozenset(chr(av))
        elif op is sre.IN:
            part = _charset(av)
        elif op is sre.BRANCH:
            parts = [_needs(b) for b in av[1]]
            part = None if None in parts else frozenset().union(*parts)
        elif op is sre.SUBPATTERN:
            part = _needs(av[3])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] > 0:
            part = _needs(av[2])
        elif op is sre.ASSERT:
            part = _needs(av[1])
        if part is not None and (best is None or len(part) < len(best)):
            best = part
    return best


class _UrlMatch:
    """Same results as the stock `url_match`, at once for a string without any of the
    characters of which every match holds one (read from the stock pattern: the "." of a
    host name or an IP address), which is nearly every word. spaCy tries it on every new
    piece of a text."""

    def __init__(self, match: Callable[[str], re.Match[str] | None]) -> None:
        self.stock: re.Pattern[str] = match.__self__  # type: ignore[attr-defined]
        self._match = match
        exact = not self.stock.flags & re.IGNORECASE
        self._needs = _needs(sre_parse.parse(self.stock.pattern)) if exact else None

    @property
    def __self__(self) -> re.Pattern[str]:
        return self.stock  # for Tokenizer.to_bytes, as in _PrefixSearch

    def __call__(self, string: str) -> re.Match[str] | None:
        if self._needs is not None and self._needs.isdisjoint(string):
            return None
        return self._match(string)


class FastTokenizer(Tokenizer):
    """spaCy's Tokenizer with the stock slowdowns worked around (see the module doc).

    Also defers loading the ~15,600 hyphenated Indonesian exceptions ("anak-anak") until a
    text could use them: building them all takes ~1 s, most never occur. See `_load_for`.
    """

    def __init__(self, vocab, rules=None, *args, **kwargs) -> None:
        self._seen: set[str] = set()  # chunks already tokenized alone (cached unless special)
        self._adding = False  # True while a deferred rule is being added
        self._alnum_rules: set[str] = set()  # letters/digits-only rules (see __call__)
        kwargs.setdefault("max_cache_size", CACHE_SIZE)
        super().__init__(vocab, self._defer(rules), *args, **kwargs)

    def _defer(self, rules: dict | None) -> dict:
        """Keep whitespace-free hyphenated rules aside; return the ones to load now."""
        self._pending: dict[str, list] = {}
        self._by_left: dict[str, list[str]] = {}  # text before the first "-" -> rules
        eager = {}
        for key, substrings in (rules or {}).items():
            if "-" in key and not any(c.isspace() for c in key):
                self._pending[key] = substrings
                self._by_left.setdefault(key[: key.index("-")], []).append(key)
            else:
                eager[key] = substrings
        self._max_left = max(map(len, self._by_left), default=0)
        return eager

    @property
    def rules(self) -> dict:
        return {**Tokenizer.rules.__get__(self), **self._pending}

    @rules.setter
    def rules(self, rules: dict) -> None:
        Tokenizer.rules.__set__(self, self._defer(rules))

    def add_special_case(self, string: str, substrings) -> None:
        if not self._adding and self._pending.pop(string, None) is not None:
            self._by_left[string[: string.index("-")]].remove(string)
        if string.isalnum():
            self._alnum_rules.add(string)
        super().add_special_case(string, substrings)

    def _flush_cache(self) -> None:
        # spaCy flushes its cache whenever rules or affix patterns change; chunks must then
        # be cached again. Adding a deferred rule needs no flush: see `_load_for`.
        if not self._adding:
            super()._flush_cache()
            self._seen.clear()

    def _load_for(self, string: str) -> None:
        """Add every deferred rule that could change the tokens of `string`.

        A rule acts on a text only if its string occurs in it: as (part of) a whitespace
        chunk, or as the text of a special-case matcher span, whose tokens may be separated
        by single spaces but by no other whitespace (the rule has none). Both cases are
        substrings of `string` with its spaces removed, which is what is searched here, so
        every rule that could act is loaded first. For the same reason no cached chunk can
        contain a rule added later, so adding one needs no cache flush.
        """
        if not self._pending or "-" not in string:
            return
        s = string.replace(" ", "")
        by_left, pending, max_left = self._by_left, self._pending, self._max_left
        h = s.find("-")
        while h != -1:
            for i in range(max(0, h - max_left), h + 1):
                for key in by_left.get(s[i:h], ()):
                    if s.startswith(key, i) and key in pending:
                        self._add_deferred(key)
            h = s.find("-", h + 1)

    def _add_deferred(self, key: str) -> None:
        if self.vocab.in_memory_zone:
            # Its lexemes would be freed with the zone while the rule still points at them.
            raise RuntimeError("call tokenizer.load_deferred() before using memory zones")
        self._adding = True
        try:
            super().add_special_case(key, self._pending.pop(key))
        finally:
            self._adding = False

    def load_deferred(self) -> None:
        """Add all deferred rules now (as stock spaCy does at load), e.g. before memory zones."""
        for key in list(self._pending):
            self._add_deferred(key)

    def __call__(self, string: str) -> Doc:
        self._load_for(string)
        if self.vocab.in_memory_zone:  # spaCy caches nothing inside a memory zone
            return super().__call__(string)
        seen = self._seen
        chunks = string.split()
        if not seen.issuperset(chunks) and len(seen) < self.max_cache_size:
            new = set(chunks).difference(seen)
            seen.update(new)
            # A chunk hits a special case only if a rule occurs in it. Letters/digits-only
            # chunks free of the few letters/digits-only rules can't, so they are cached in
            # one call; any other chunk alone, so that has_special starts at 0 for it.
            rules = self._alnum_rules
            plain = [c for c in new if c.isalnum() and not any(r in c for r in rules)]
            tokenize = super().__call__
            tokenize(" ".join(plain))
            for chunk in new.difference(plain):
                tokenize(chunk)
        return super().__call__(string)


@spacy.registry.tokenizers(TOKENIZER_NAME)
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """Like spaCy's "spacy.Tokenizer.v1", from the language's own defaults."""

    def factory(nlp: Language) -> Tokenizer:
        d = nlp.Defaults
        return FastTokenizer(
            nlp.vocab,
            rules=d.tokenizer_exceptions,
            prefix_search=_PrefixSearch(d.prefixes) if d.prefixes else None,
            suffix_search=_SuffixSearch(d.suffixes) if d.suffixes else None,
            infix_finditer=_InfixFinditer(d.infixes) if d.infixes else None,
            token_match=d.token_match,
            url_match=_UrlMatch(d.url_match) if d.url_match else None,
        )

    return factory


def make_nlp() -> Language:
    """`spacy.blank("id")` with the fast tokenizer: same language, same tokens."""
    nlp = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
    # A new word's attributes computed in one go (same values): see nlp/lexattrs.py.
    nlp.vocab.lex_attr_getters = fast_getters(nlp.vocab.lex_attr_getters)
    return nlp
