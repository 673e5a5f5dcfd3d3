"""Phrase templates, as in Home Assistant's intents: ``(a|b)`` alternatives, ``[a]`` optional
words, ``<rule>`` a named expansion rule. ``(me|le|les) (pega|golpea)`` is six phrases; a group
written against a word extends it: ``quiere[n]`` is "quiere" and "quieren".

A template is parsed into a ``Pattern`` (a sequence of words and choices), which the matcher
reads as it is, without listing every phrase; ``expand`` lists them, for checks.
hassil, which reads this syntax, costs 0.18 s to import; the knowledge needs only this.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

MAX_EXPANSIONS = 5000  # per template, when listed: a typo in a rule must not explode

_TOKEN = re.compile(r"\s*([()\[\]|]|<[^<>]+>|[^\s()\[\]|<>]+)")
# marks of regular expressions, which a template does not read: "(ya )?" is written "[ya]"
_NOT_TEMPLATE = re.compile(r"[?+{}\\^$]")


class TemplateError(ValueError):
    """A template that cannot be read; the message says why, in Spanish."""


@dataclass(frozen=True, slots=True)
class Choice:
    """One of several sequences (an empty one when the choice is optional)."""

    options: tuple[Pattern, ...]


Item = str | Choice
Pattern = tuple[Item, ...]


def parse(template: str, rules: Mapping[str, str] | None = None) -> Pattern:
    """The template as a pattern; words glued to a choice ("quiere[n]") become a choice."""
    tokens = _tokens(template)
    parser = _Parser(tokens, rules or {}, ())
    pattern = parser.sequence()
    if parser.pos != len(tokens):
        raise TemplateError(f"sobra {tokens[parser.pos]!r} en {template!r}")
    return pattern


def expand(template: str, rules: Mapping[str, str] | None = None) -> list[str]:
    """Every phrase a template stands for, in order, without repeats."""
    phrases = [" ".join(words) for words in _listed(parse(template, rules))]
    return list(dict.fromkeys(p for p in phrases if p))


def _listed(pattern: Pattern) -> list[tuple[str, ...]]:
    result: list[tuple[str, ...]] = [()]
    for item in pattern:
        if isinstance(item, str):
            tails: list[tuple[str, ...]] = [(item,)]
        else:
            tails = [words for option in item.options for words in _listed(option)]
        result = [a + b for a in result for b in tails]
        if len(result) > MAX_EXPANSIONS:
            raise TemplateError(f"más de {MAX_EXPANSIONS} frases en una plantilla")
    return result


def _tokens(template: str) -> list[str]:
    """The template's tokens; ``+`` marks a choice glued to the word before it."""
    tokens: list[str] = []
    pos = 0
    text = template.strip()
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            raise TemplateError(f"carácter no válido en {template!r}")
        token = match.group(1)
        if _NOT_TEMPLATE.search(token):
            raise TemplateError(
                f"{token!r} no es de una plantilla (lo opcional va entre [ ]) en {template!r}"
            )
        glued = match.start(1) == pos > 0 and token in ("(", "[") and text[pos - 1] not in "([|"
        if glued:
            tokens.append("+")
        tokens.append(token)
        pos = match.end()
    return tokens


class _Parser:
    """Recursive descent over the tokens."""

    def __init__(self, tokens: list[str], rules: Mapping[str, str], active: tuple[str, ...]):
        self.tokens, self.rules, self.active, self.pos = tokens, rules, active, 0

    def sequence(self) -> Pattern:
        items: list[Item] = []
        while self.pos < len(self.tokens) and self.tokens[self.pos] not in ("|", ")", "]"):
            glued = self.tokens[self.pos] == "+"
            self.pos += glued
            item = self.item()
            if glued and items and isinstance(items[-1], str) and isinstance(item, Choice):
                items[-1] = _glue(items[-1], item)
            elif isinstance(item, Choice) and len(item.options) == 1:
                items.extend(item.options[0])  # a rule or group with one reading
            else:
                items.append(item)
        return tuple(items)

    def item(self) -> Item:
        token = self.tokens[self.pos]
        self.pos += 1
        if token in ("(", "["):
            close = ")" if token == "(" else "]"
            options = self.alternatives(close)
            return Choice((*options, ()) if token == "[" else options)
        if token.startswith("<"):
            return self.rule(token[1:-1].strip())
        return token

    def alternatives(self, close: str) -> tuple[Pattern, ...]:
        options = [self.sequence()]
        while self.pos < len(self.tokens) and self.tokens[self.pos] == "|":
            self.pos += 1
            options.append(self.sequence())
        if self.pos >= len(self.tokens) or self.tokens[self.pos] != close:
            raise TemplateError(f"falta cerrar con {close!r}")
        self.pos += 1
        return tuple(options)

    def rule(self, name: str) -> Choice:
        if name not in self.rules:
            raise TemplateError(f"regla desconocida: <{name}>")
        if name in self.active:
            raise TemplateError(f"la regla <{name}> se usa a sí misma")
        inner = _Parser(_tokens(self.rules[name]), self.rules, (*self.active, name))
        pattern = inner.sequence()
        if inner.pos != len(inner.tokens):
            raise TemplateError(f"sobra {inner.tokens[inner.pos]!r} en la regla <{name}>")
        return Choice((pattern,))


def _glue(word: str, choice: Choice) -> Choice:
    """ "quiere" + "[n]": a choice of "quiere" and "quieren" (the choice's first words)."""
    options: list[Pattern] = []
    for option in choice.options:
        if not option:
            options.append((word,))
        elif isinstance(option[0], str):
            options.append((word + option[0], *option[1:]))
        else:
            raise TemplateError(f"no se puede pegar {word!r} a un grupo dentro de otro")
    return Choice(tuple(options))
