"""Where a quote stands in its source text, and the words around each place."""

from smekg.quotes import QuoteContext, SourceText

TEXT = SourceText.of(
    "Firms learn abroad. Firms learn abroad, then again:\nfirms learn abroad.\n"
    "Export-\nled growth is cited; networks of net-\nworks help."
)


def test_every_place_is_found_overlapping_ones_included() -> None:
    assert SourceText.of("aaaa").occurrences("aa") == 3
    assert TEXT.occurrences("Firms learn abroad") == 2
    assert TEXT.occurrences("learn abroad") == 3


def test_a_quote_across_a_line_break_hyphen_matches_either_way() -> None:
    assert TEXT.occurrences("Export-led growth") == 1
    assert TEXT.occurrences("Exportled growth") == 1
    assert TEXT.occurrences("networks of net-works") == 1
    assert TEXT.occurrences("networks of networks") == 1
    assert TEXT.occurrences("Export- led growth") == 0


def test_an_absent_or_empty_quote_stands_nowhere() -> None:
    assert TEXT.occurrences("learns abroad") == 0
    assert TEXT.occurrences("  ") == 0
    assert TEXT.contexts("  ") == []
    assert TEXT.context("learns abroad") is None


def test_contexts_are_the_words_around_each_place_in_order() -> None:
    contexts = TEXT.contexts("Firms learn abroad")
    assert contexts == [TEXT.context("Firms learn abroad", n) for n in (1, 2)]
    assert contexts[0] == QuoteContext(
        "",
        ". Firms learn abroad, then again: firms learn abroad. "
        "Export-led growth is cited; networks of net-works "
        "help.",
    )
    assert contexts[1].prefix == "Firms learn abroad. "
    assert TEXT.context("Firms learn abroad", 3) is None
