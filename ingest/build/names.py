"""Finding things by name: an index from normalized names (labels, aliases, keys, cited
forms) to IRIs and their classes. Pure."""

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import URIRef

# typographic dashes and quotes, written as escapes: en dash, em dash, hyphen, quotes
_DASHES = str.maketrans(
    {
        "\u2013": "-",
        "\u2014": "-",
        "\u2010": "-",
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
    }
)
_SPACE = re.compile(r"\s+")


def normalize_name(text: str) -> str:
    """Case, accents, dashes, quotes, spaces and trailing punctuation do not tell names apart."""
    folded = unicodedata.normalize("NFKD", text.translate(_DASHES))
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return _SPACE.sub(" ", plain).strip(" .,;:").casefold()


@dataclass
class NameIndex:
    """Names -> IRIs, and each IRI's classes (Neo4j label names, e.g. 'Perspective')."""

    by_name: dict[str, set[URIRef]] = field(default_factory=lambda: defaultdict(set))
    classes: dict[URIRef, set[str]] = field(default_factory=lambda: defaultdict(set))
    names: dict[URIRef, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, iri: URIRef, classes: set[str], names: list[str]) -> None:
        self.classes[iri] |= classes
        for name in names:
            if name and name not in self.names[iri]:
                self.names[iri].append(name)
                self.by_name[normalize_name(name)].add(iri)

    def find(self, name: str, wanted: set[str]) -> list[URIRef]:
        """IRIs of the wanted classes known by this name."""
        hits = self.by_name.get(normalize_name(name), set())
        return sorted(i for i in hits if not wanted or self.classes[i] & wanted)

    def label(self, iri: URIRef) -> str:
        return self.names[iri][0] if self.names.get(iri) else str(iri)

    def similar(self, name: str, wanted: set[str], limit: int = 3) -> list[URIRef]:
        """Names sharing a word with `name`, for 'did you mean' in an error."""
        words = set(normalize_name(name).split())
        scored = [
            (len(words & set(normalize_name(n).split())), str(iri), iri)
            for iri, names in self.names.items()
            if not wanted or self.classes[iri] & wanted
            for n in names[:1]
        ]
        return [iri for score, _, iri in sorted(scored, reverse=True)[:limit] if score]
