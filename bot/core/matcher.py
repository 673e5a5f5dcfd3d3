"""Find lexicon phrases in a list of words.

Each phrase is a pattern (``templates.Pattern``): words and choices between sequences of
words. The patterns are compiled into one automaton whose edges are words matched as written
(with their plural), by their root (every inflection: ``by_root``; ``=x`` keeps one word as
written) or as a prefix (``x*``);
a choice shares the node after it, so "(me|le|les) (pega|golpea)" costs five edges, not six
phrases. Small gaps may be allowed between the words of a phrase."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from bot.core.templates import Choice, Pattern
from bot.core.text import stem

MAX_GAP = 2  # words allowed between the words of a phrase, where gaps are allowed
MIN_STEM = 3  # shorter roots ("me", "la", "da") are matched as written
MAX_WORDS_CACHED = 20000  # words whose first step is kept, per matcher
MAX_NODE_STEPS = 256  # words whose step is kept per node (at most ~40 MB in all, ~3 MB seen)

Gaps = Literal["none", "light", "any"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry: its meaning (kind, key) and its pattern of words."""

    kind: str
    key: str
    pattern: Pattern


class Hit(NamedTuple):
    """A phrase found at ``words[start:end]`` (a named tuple: a message makes dozens, and
    they are made, hashed and compared in C)."""

    kind: str
    key: str
    start: int
    end: int
    fuzzy: bool = False


NUMBER = "#"  # a phrase's word that stands for any number: "hace # anos"
ANY = "*"  # a phrase's word that stands for any one word: "el frío de * mata" (a prefix of "")


def forms(word: str) -> tuple[str, ...]:
    """The word and its singular forms: "demunas" also reads as "demuna"; a number also
    reads as ``#``. A singular of two letters is none ("eres" is not the plural of ER)."""
    if word.isdigit():
        return (word, NUMBER)
    if len(word) > 4 and word.endswith("es"):
        return (word, word[:-1], word[:-2])
    if len(word) > 3 and word.endswith("s"):
        return (word, word[:-1])
    return (word,)


@dataclass(slots=True)
class _Node:
    exact: dict[str, list[_Node]] = field(default_factory=dict)
    rooted: dict[str, list[_Node]] = field(default_factory=dict)
    prefixes: list[tuple[str, _Node]] = field(default_factory=list)
    ends: list[tuple[str, str]] = field(default_factory=list)
    # where each word read after this node leads: kept while the bot runs, never pickled;
    # made when a message first walks the node (most nodes are never walked)
    steps: dict[str, tuple[_Node, ...]] | None = None

    def link(self, token: str, target: _Node, by_root: bool) -> None:
        if token.endswith("*"):
            self.prefixes.append((token[:-1], target))
            return
        if token.startswith("="):  # "=toco": only as written, not every form of its root
            token, by_root = token[1:], False
        root = stem(token) if by_root else ""
        table, key = (self.rooted, root) if len(root) >= MIN_STEM else (self.exact, token)
        table.setdefault(key, []).append(target)

    # pickled as a plain tuple, an empty table as None: the engine cache holds some 28 000
    # nodes, most of whose tables are empty; read back, they share one empty table each (a
    # node read from the cache is never linked again), some 80 000 objects fewer in memory
    def __getstate__(self) -> tuple[object, ...]:
        return (self.exact or None, self.rooted or None, self.prefixes or None, self.ends or None)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        exact, rooted, prefixes, ends = state
        self.exact = _NO_EDGES if exact is None else exact
        self.rooted = _NO_EDGES if rooted is None else rooted
        self.prefixes = _NO_PREFIXES if prefixes is None else prefixes
        self.ends = _NO_ENDS if ends is None else ends
        self.steps = None


# the empty tables that nodes read from the cache share (never changed)
_NO_EDGES: dict[str, list[_Node]] = {}
_NO_PREFIXES: list[tuple[str, _Node]] = []
_NO_ENDS: list[tuple[str, str]] = []


# the node after given nodes by given words, while a matcher is built: entries that begin
# alike share it
_Shared = dict[tuple[tuple[int, ...], tuple[str, ...]], _Node]


class Matcher:
    """All entries of one matching policy: ``by_root`` compares words by their root;
    ``gaps`` allows up to ``MAX_GAP`` words between a phrase's words ("light": only the
    given light words and numbers, so that "la capacitación sobre maltrato" is not "la
    maltrata")."""

    # ``entries`` may be left out only by ``pickle``: compiled, the class is unpickled by
    # calling it without arguments, then ``__setstate__``
    def __init__(
        self,
        entries: Iterable[Entry] = (),
        *,
        by_root: bool = False,
        gaps: Gaps = "none",
        light: frozenset[str] = frozenset(),
    ) -> None:
        self._root = _Node()
        self._by_root, self._gaps, self._light = by_root, gaps, light
        self.words: set[str] = set()  # every word written in the entries (``x*`` included)
        shared: _Shared = {}
        for entry in entries:
            for end in self._build([self._root], entry.pattern, shared):
                if end is not self._root and (entry.kind, entry.key) not in end.ends:
                    end.ends.append((entry.kind, entry.key))
        _Determinizer().fix(self._root)
        # the root's prefixes by prefix, so that a word looks up its own beginnings only
        self._root_prefixes: dict[str, list[_Node]] = defaultdict(list)
        for prefix, node in self._root.prefixes:
            self._root_prefixes[prefix].append(node)
        self._prefix_sizes = sorted({len(p) for p in self._root_prefixes})
        self._starts: dict[str, tuple[_Node, ...]] = {}

    # the cache of first steps holds words of messages: never kept on disk. The state is
    # listed, not taken from ``__dict__``: compiled (``make native``) the class has none
    _STATE = ("_root", "_by_root", "_gaps", "_light", "words", "_root_prefixes", "_prefix_sizes")

    def __getstate__(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._STATE)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        for name, value in zip(self._STATE, state, strict=True):
            setattr(self, name, value)
        self._starts = {}

    def _build(self, starts: list[_Node], pattern: Pattern, shared: _Shared) -> list[_Node]:
        """Link the pattern after ``starts``; the nodes where it ends. Entries that begin
        alike share their first nodes, as in a trie: "<obj> pegar" and "<obj> golpear" both
        go through one node after "me", "le", "les"..."""
        for item in pattern:
            if isinstance(item, Choice) and not all(len(o) == 1 for o in item.options):
                ends: list[_Node] = []
                for option in item.options:
                    ends.extend(self._build(starts, option, shared) if option else starts)
                starts = list({id(n): n for n in ends}.values())
                continue
            tokens = (item,) if isinstance(item, str) else tuple(str(o[0]) for o in item.options)
            self.words.update(tokens)
            key = (tuple(id(n) for n in starts), tokens)
            target = shared.get(key)
            if target is None:
                target = shared[key] = _Node()
                for node in starts:
                    for token in tokens:
                        node.link(token, target, self._by_root)
            starts = [target]
        return starts

    def find(self, words: Words) -> list[Hit]:
        """Every phrase found, with every start; overlaps are left to the caller."""
        return _Search(self, words).hits()

    def starts(self, word: str) -> tuple[_Node, ...]:
        """The nodes a phrase beginning with ``word`` leads to (kept per word)."""
        found = self._starts.get(word)
        if found is None:
            if len(self._starts) > MAX_WORDS_CACHED:
                self._starts.clear()
            found = self._starts[word] = tuple(self._first_step(word))
        return found

    def _first_step(self, word: str) -> list[_Node]:
        """From the root: by each form as written, by the root, by the prefixes it begins
        with."""
        root, prefixes = stem(word), self._root_prefixes
        nodes = [n for form in forms(word) for n in self._root.exact.get(form, ())]
        if len(root) >= MIN_STEM:
            nodes += self._root.rooted.get(root, ())
        for size in self._prefix_sizes:
            if size > len(word):
                break
            nodes += prefixes.get(word[:size], ())
        return nodes


class Words:
    """A message's words, with their singular forms and roots, computed once for every
    matcher."""

    def __init__(self, words: Sequence[str]) -> None:
        self.words = words
        keys = list(map(_keys, words))
        self.forms = [f for f, _ in keys]
        self.roots = [r for _, r in keys]


@lru_cache(maxsize=16384)
def _keys(word: str) -> tuple[tuple[str, ...], str]:
    """A word's forms and root."""
    return forms(word), stem(word)


class _Determinizer:
    """Where one word leads to several nodes, one node that holds what they all hold: a
    message then walks one path per word, not one per entry that begins with it."""

    def __init__(self) -> None:
        self.merged: dict[frozenset[int], _Node] = {}
        self.done: set[int] = set()
        # each node's one-target list, shared by every edge into it (never changed after):
        # the harm automaton has some 110 000 edges into 26 000 nodes, ~6 MB of lists fewer
        self.alone: dict[int, list[_Node]] = {}

    def fix(self, node: _Node) -> None:
        if id(node) in self.done:
            return
        self.done.add(id(node))
        for table in (node.exact, node.rooted):
            for token, targets in table.items():
                target = self.merge(targets)
                table[token] = self.alone.setdefault(id(target), [target])
                self.fix(target)
        # one target per prefix: "[*] [*]" links two "any word" edges from one node
        by_prefix: dict[str, list[_Node]] = {}
        for prefix, target in node.prefixes:
            by_prefix.setdefault(prefix, []).append(target)
        node.prefixes = [(prefix, self.merge(targets)) for prefix, targets in by_prefix.items()]
        for _, target in node.prefixes:
            self.fix(target)

    def merge(self, nodes: list[_Node]) -> _Node:
        unique = list({id(n): n for n in nodes}.values())
        if len(unique) == 1:
            return unique[0]
        key = frozenset(id(n) for n in unique)
        if key not in self.merged:
            merged = self.merged[key] = _Node()
            for n in unique:
                for token, targets in n.exact.items():
                    merged.exact.setdefault(token, []).extend(targets)
                for token, targets in n.rooted.items():
                    merged.rooted.setdefault(token, []).extend(targets)
                merged.prefixes.extend(n.prefixes)
                merged.ends.extend(e for e in n.ends if e not in merged.ends)
        return self.merged[key]


class _Search:
    """One search of a matcher's automaton over a message's words."""

    def __init__(self, matcher: Matcher, message: Words) -> None:
        self.m, self.words = matcher, message.words
        self.forms, self.roots = message.forms, message.roots
        self.found: dict[tuple[str, str, int, int], None] = {}
        self.window = 1 + (MAX_GAP if matcher._gaps != "none" else 0)  # words a step may read
        self.light = matcher._light if matcher._gaps == "light" else None

    def hits(self) -> list[Hit]:
        known, starts = self.m._starts, self.m.starts
        for i, word in enumerate(self.words):
            nodes = known.get(word)
            for node in starts(word) if nodes is None else nodes:
                self.walk(node, i, i + 1)
        return [Hit(*found) for found in self.found]

    def walk(self, node: _Node, start: int, pos: int) -> None:
        """Record the phrases ending at ``node``, then follow every edge that a word at
        ``pos`` (or after an allowed gap) takes: as written, by its root, by a prefix."""
        for kind, key in node.ends:
            self.found[kind, key, start, pos] = None
        if not (node.exact or node.rooted or node.prefixes):
            return
        steps = node.steps
        if steps is None:
            steps = node.steps = {}
        light, words = self.light, self.words
        for j in range(pos, min(pos + self.window, len(words))):
            word = words[j]
            children = steps.get(word)
            if children is None:
                if len(steps) > MAX_NODE_STEPS:
                    steps.clear()
                children = steps[word] = self._next(node, j)
            for child in children:
                self.walk(child, start, j + 1)
            if light is not None and word not in light and not word.isdigit():
                return

    def _next(self, node: _Node, j: int) -> tuple[_Node, ...]:
        """The nodes the word at ``j`` leads to from ``node``: as written, by its root, by a
        prefix."""
        nodes = [c for form in self.forms[j] for c in node.exact.get(form, ())]
        if node.rooted and len(self.roots[j]) >= MIN_STEM:
            nodes += node.rooted.get(self.roots[j], ())
        nodes += (c for prefix, c in node.prefixes if self.words[j].startswith(prefix))
        return tuple(nodes)
