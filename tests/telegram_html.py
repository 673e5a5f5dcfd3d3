"""Telegram's HTML parse mode, checked as strictly as Telegram does (shared by the tests)."""

from __future__ import annotations

from html.parser import HTMLParser

ALLOWED_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "a",
    "code",
    "pre",
    "tg-spoiler",
    "span",
    "blockquote",
}
ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


class ApiError(Exception):
    """A refusal, as Telegram would answer it."""

    def __init__(self, description: str, code: int = 400) -> None:
        super().__init__(description)
        self.description = description
        self.code = code


class _TelegramHTML(HTMLParser):
    """Telegram's HTML: only its tags, properly nested and closed, only valid entities."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.plain: list[str] = []
        self.error: str | None = None

    def fail(self, message: str) -> None:
        if self.error is None:
            self.error = message

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag not in ALLOWED_TAGS:
            self.fail(f'Unsupported start tag "{tag}"')
        elif tag == "a" and not attributes.get("href"):
            self.fail("Can't find href of the link")
        elif tag == "span" and attributes.get("class") != "tg-spoiler":
            self.fail('Tag "span" must have class "tg-spoiler"')
        self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.fail(f'Unsupported start tag "{tag}"')

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.fail(f'Unmatched end tag "{tag}"')
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        for char in "<>&":
            if char in data:
                self.fail(f"Unescaped {char!r} in text")
        self.plain.append(data)

    def handle_entityref(self, name: str) -> None:
        if name not in ENTITIES:
            self.fail(f'Unsupported HTML entity "&{name};"')
        self.plain.append(ENTITIES.get(name, ""))

    def handle_charref(self, name: str) -> None:
        try:
            number = int(name[1:], 16) if name[:1] in "xX" else int(name)
            self.plain.append(chr(number))
        except (ValueError, OverflowError):
            self.fail(f"Bad character reference &#{name};")

    def handle_comment(self, data: str) -> None:
        self.fail("Comments are not supported")

    def handle_decl(self, decl: str) -> None:
        self.fail("Declarations are not supported")

    def handle_pi(self, data: str) -> None:
        self.fail("Processing instructions are not supported")

    def unknown_decl(self, data: str) -> None:
        self.fail("Declarations are not supported")


def parse_html(text: str) -> str:
    """The plain text of Telegram HTML, or ApiError "can't parse entities"."""
    parser = _TelegramHTML()
    parser.feed(text)
    parser.close()
    if parser.error is None and parser.stack:
        parser.fail(f'Can\'t find end tag corresponding to start tag "{parser.stack[-1]}"')
    if parser.rawdata:  # something HTMLParser could not consume (e.g. a dangling "<")
        parser.fail("Unexpected end of text")
    if parser.error:
        raise ApiError(f"Bad Request: can't parse entities: {parser.error}")
    return "".join(parser.plain)
