"""Graph comparison that says exactly what differs (after rdflib's own test helper)."""

from rdflib import Graph
from rdflib.compare import graph_diff, to_isomorphic


def assert_isomorphic(expected: Graph, actual: Graph) -> None:
    iso_expected, iso_actual = to_isomorphic(expected), to_isomorphic(actual)
    if iso_expected == iso_actual:
        return
    _, only_expected, only_actual = graph_diff(iso_expected, iso_actual)
    lines = ["graphs differ"]
    lines += [
        f"  only in expected: {t}" for t in sorted(only_expected.triples((None, None, None)))[:40]
    ]
    lines += [
        f"  only in actual:   {t}" for t in sorted(only_actual.triples((None, None, None)))[:40]
    ]
    raise AssertionError("\n".join(lines))
