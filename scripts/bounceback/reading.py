"""How long a topic takes to read: the words a reader sees on its page, templates included.

The content guide's budget is three minutes at 200 words a minute. Pure and tolerant of
any shape (it runs before the schema's verdict is known)."""
from __future__ import annotations

WORDS_PER_MINUTE = 200
MAX_MINUTES = 3
MAX_WORDS = WORDS_PER_MINUTE * MAX_MINUTES


def _texts(data: dict):
    yield data.get("title"), data.get("summary"), data.get("why")
    for field, keys in (("steps", ("title", "detail")), ("checklist", ("text",)), ("reflection", ("text",)),
                        ("templates", ("title", "body"))):
        for entry in data.get(field) or () if isinstance(data.get(field), list) else ():
            if isinstance(entry, dict):
                yield tuple(entry.get(key) for key in keys)


def count_words(text: str) -> int:
    """Words of one text: what whitespace separates (a link's target stays glued to its last
    word, so it is not counted apart). Splitting is C-fast; this runs on every text value."""
    return len(text.split())


def topic_words(data: dict) -> int:
    """Words of a topic's title, summary, why, steps, checklist, reflection and templates."""
    return sum(count_words(text) for group in _texts(data) for text in group if isinstance(text, str))
