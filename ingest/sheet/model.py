"""What a coding-sheet column is: its name, the spellings people use for it, what it means,
and how its cells map onto RDF. Pure data; `spec.py` holds the table."""

from dataclasses import dataclass, field
from enum import Enum

from rdflib import URIRef


class Kind(Enum):
    ID = "id"  # the statement's IRI; minted when empty
    TEXT = "text"  # one literal
    TEXTS = "texts"  # several literals separated by ';'
    LANG_TEXTS = "lang-texts"  # several literals, each 'words@lang' (plain = the column's lang)
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"
    REF = "ref"  # one existing or new thing, by IRI, kb:id, label, alias or 'Authors Year'
    REFS = "refs"  # several references separated by ';'
    ENUM = "enum"  # one notation of a controlled vocabulary, e.g. SUPPORTS
    TAGGED_REFS = "tagged-refs"  # references each prefixed 'TAG:' choosing the predicate
    EXCERPT = "excerpt"  # a part of the row's own excerpt (quote, locator, …)
    SOURCES = "sources"  # ids of rows of the excerpts sheet


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    doc: str
    predicate: URIRef | None = None
    required: bool = False
    aliases: tuple[str, ...] = ()  # other headers accepted for this column
    targets: tuple[URIRef, ...] = ()  # classes a reference may point to
    lang: str | None = None  # language tag of TEXT/TEXTS literals
    vocabulary: dict[str, URIRef] = field(default_factory=dict)  # ENUM notations
    tags: dict[str, URIRef] = field(default_factory=dict)  # TAGGED_REFS tag -> predicate
    default_tag: str | None = None  # column whose value is the tag of untagged references
    example: str = ""


@dataclass(frozen=True)
class Sheet:
    name: str
    doc: str
    classes: tuple[URIRef, ...]  # rdf:type of each row's statement (first = minted default)
    columns: tuple[Column, ...]
    id_prefix: str  # minted IRIs: kb:<document>/<id_prefix>-<hash>
    interpretive: tuple[str, ...] = ()  # a row with any of these cells is the project's reading
    class_column: str | None = None  # a column choosing the class (e.g. perspective / family)
    kinds: dict[str, URIRef] = field(default_factory=dict)  # class_column value -> class

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def required(self) -> list[Column]:
        return [c for c in self.columns if c.required]
