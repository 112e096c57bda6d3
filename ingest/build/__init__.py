"""From coding-sheet rows to the contribution's RDF graph: cells parsed, references resolved
against the contribution and the published graph, quotes checked, IRIs minted."""
