"""What a name may contain: visible text on one line.

The rule for every name a person types and another reads back (suppliers; products' name, brand, category, unit,
tags and aliases; merchants and their organisation and address; 以购代捐 organisations; usernames; delivery-address
recipients; development nicknames). Such a name is refused, never silently cleaned, when it holds

* a control character (Unicode Cc: U+0000–U+001F incl. TAB/LF/CR, DEL, U+0080–U+009F),
* a format character (Cf: zero-width U+200B–U+200F, bidi embeddings and overrides U+202A–U+202E, isolates
  U+2066–U+2069, word joiner U+2060, U+FEFF, soft hyphen U+00AD …),
* a line or paragraph separator (U+2028, U+2029) or a lone surrogate.

Refused rather than stripped: what is stored is exactly what was typed, two names never differ by an invisible
character (a second 「某某合作社」 with a zero-width space inside), and the person sees which character, where.
Spaces (also U+3000 and U+00A0), private-use characters (rare hanzi in some fonts) and emoji variation selectors
stay allowed. Names may start with = + - @: they are harmless here and neutralised where they would not be
(models/exports/spreadsheet_safety.py).
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping

from models.errors import Invalid

CODE = "invalid_name_characters"
_REFUSED = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def forbidden_character(text: str) -> tuple[int, str] | None:
    """(position, character) of the first character a name may not hold, or None."""
    if text.isprintable():  # C speed; false for every refused character (and for spaces other than U+0020)
        return None
    for i, ch in enumerate(text):
        if unicodedata.category(ch) in _REFUSED:
            return i, ch
    return None


def name_problem(text: str) -> str | None:
    """Why `text` may not be a name (a sentence for people), or None when it may."""
    found = forbidden_character(text)
    if found is None:
        return None
    i, ch = found
    return f"不能含控制字符或不可见字符（第 {i + 1} 个字符 U+{ord(ch):04X}）"


def check_name(field: str, text: str) -> None:
    """Raise `invalid_name_characters` (422) naming the field and the character, for the services' own doors."""
    found = forbidden_character(text)
    if found is not None:
        raise Invalid(CODE, f"{field} {name_problem(text)}", field=field, position=found[0] + 1,
                      character=f"U+{ord(found[1]):04X}")


def name_problems(values: Mapping[str, str], columns: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(column, reason) for each of `columns` of a row whose text may not be a name."""
    for column in columns:
        problem = name_problem(values.get(column) or "")
        if problem:
            yield column, problem
