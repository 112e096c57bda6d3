"""Parsing one cell: lists separated by ';' (a literal ';' is written '\\;'), language tags
('words@de'), integers, decimals. Pure; errors are ValueErrors with a message for people."""

import re
from decimal import Decimal, InvalidOperation

from rdflib import Literal
from rdflib.namespace import XSD

INT64 = 2**63 - 1
_LANG = re.compile(r"^(?P<text>.*?)@(?P<lang>[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)$", re.DOTALL)
_SPLIT = re.compile(r"(?<!\\);")


def split_list(cell: str) -> list[str]:
    """'a; b\\; c' -> ['a', 'b; c'] (empty parts dropped)."""
    parts = (p.replace("\\;", ";").strip() for p in _SPLIT.split(cell))
    return [p for p in parts if p]


def join_list(values: list[str]) -> str:
    return "; ".join(v.replace(";", "\\;") for v in values)


def text_literal(cell: str, default_lang: str | None) -> Literal:
    """A literal from 'words' (the column's language, or none) or 'words@lang'."""
    match = _LANG.match(cell)
    if match and match.group("text").strip():
        return Literal(match.group("text").strip(), lang=match.group("lang"))
    return Literal(cell, lang=default_lang) if default_lang else Literal(cell)


def text_cell(value: Literal, default_lang: str | None) -> str:
    """Inverse of `text_literal`: the language is written only when it is not the default."""
    text = str(value)
    if value.language != default_lang and value.language:
        return f"{text}@{value.language}"
    if value.language is None and default_lang is not None:
        raise ValueError(f"{text!r} has no language tag where the column expects @{default_lang}")
    return text


def integer_literal(cell: str) -> Literal:
    try:
        value = int(cell)
    except ValueError as exc:
        raise ValueError(f"{cell!r} is not a whole number") from exc
    if abs(value) > INT64:
        raise ValueError(f"{cell} is too large (the graph stores 64-bit integers)")
    return Literal(cell.strip().lstrip("+"), datatype=XSD.integer)


def decimal_literal(cell: str) -> Literal:
    text = cell.strip()
    try:
        Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(f"{cell!r} is not a number (write 0.75 for 75%)") from exc
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
        raise ValueError(f"{cell!r} is not a plain decimal number (write 0.75 for 75%)")
    return Literal(text, datatype=XSD.decimal)
