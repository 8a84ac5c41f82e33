"""Text that can be stored and sent: what a lone surrogate poisons, and how to mend it."""

from __future__ import annotations

import codecs

REPLACEMENT = "\ufffd"


def _mend(text: str) -> str:
    # In a Python str, the only code points UTF-8 cannot encode are lone surrogates.
    return "".join(REPLACEMENT if 0xD800 <= ord(char) <= 0xDFFF else char for char in text)


def is_encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def mend(value):
    """`value` (any JSON value) with each unencodable code point of its strings and keys
    replaced by U+FFFD; everything else kept as it is."""
    if isinstance(value, str):
        return value if is_encodable(value) else _mend(value)
    if isinstance(value, list):
        return [mend(item) for item in value]
    if isinstance(value, dict):
        return {mend(key): mend(item) for key, item in value.items()}
    return value


def is_text_encoding(name: str) -> bool:
    """Whether `name` is a codec Python knows that turns bytes into text (`base64`, `rot13`
    and `zlib` are codecs too, but not text encodings)."""
    try:
        return codecs.lookup(name)._is_text_encoding
    except LookupError:
        return False
