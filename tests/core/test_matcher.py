"""The phrase automaton: optional "any word" slots, gaps of light words, one edge per prefix."""

from __future__ import annotations

import pickle

import pytest

from bot.core.matcher import Entry, Matcher, Words, _Node
from bot.core.templates import parse


def _matcher(*templates: str, **policy: object) -> Matcher:
    entries = [Entry("act", f"a{i}", parse(t)) for i, t in enumerate(templates)]
    return Matcher(entries, **policy)  # type: ignore[arg-type]


def _spans(m: Matcher, text: str) -> set[tuple[str, int, int]]:
    return {(h.key, h.start, h.end) for h in m.find(Words(text.split()))}


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("el tio quiso besar", (1, 4)),
        ("el tio siempre quiso besar", (1, 5)),
        ("el tio de mi amiga quiso besar", None),  # three words: more than the two slots
        ("el tio de ella quiso besar", (1, 6)),
    ],
)
def test_optional_any_words(text: str, span: tuple[int, int] | None) -> None:
    m = _matcher("tio [*] [*] quiso besar")
    found = {(s, e) for _, s, e in _spans(m, text)}
    assert found == ({span} if span else set())


def test_light_gap_and_any_slot_find_each_span_once() -> None:
    m = _matcher("tio [*] [*] quiso besar", by_root=True, gaps="light", light=frozenset({"le"}))
    assert _spans(m, "tio le quiso besar") == {("a0", 0, 4)}


def _nodes(node: _Node, seen: dict[int, _Node]) -> dict[int, _Node]:
    if id(node) not in seen:
        seen[id(node)] = node
        for targets in (*node.exact.values(), *node.rooted.values()):
            for target in targets:
                _nodes(target, seen)
        for _, target in node.prefixes:
            _nodes(target, seen)
    return seen


def test_one_target_per_prefix() -> None:
    """ "[*] [*]" links two "any word" edges from the node before it; they are merged, so
    that a message walks one path, not one per way of skipping a slot."""
    m = _matcher("tio [*] [*] quiso besar", "tio [*] toco*", "tio [*] [*] [*] quiso irse")
    for node in _nodes(m._root, {}).values():
        prefixes = [p for p, _ in node.prefixes]
        assert len(prefixes) == len(set(prefixes))
    assert _spans(m, "tio ya toco") == {("a1", 0, 3)}
    assert _spans(m, "tio a y o quiso irse") == {("a2", 0, 6)}


def test_edges_into_a_node_share_one_list_and_survive_pickling() -> None:
    """A choice of words links one edge per word into the same node; the edges share one
    list (the harm automaton's 110 000 edges would otherwise hold as many lists), and a
    pickled matcher (the engine cache) finds the same phrases."""
    m = _matcher("(me|le|les|nos) (pega|golpea|patea) fuerte", by_root=True)
    lists = [ts for node in _nodes(m._root, {}).values() for ts in node.rooted.values()]
    assert len(lists) > len({id(ts) for ts in lists})
    for targets in lists:
        assert len(targets) == 1
    back = pickle.loads(pickle.dumps(m))
    for text in ("le pega fuerte", "nos patearon fuerte", "me golpeaba fuerte"):
        assert _spans(back, text) == _spans(m, text) == {("a0", 0, 3)}
    assert _spans(back, "le pega suave") == set()
