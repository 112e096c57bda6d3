"""Author lists as printed, and (family, given) pairs, become comparable names."""

import pytest

from ingest.matching.names import from_parts, parse_author_list, person


@pytest.mark.parametrize(
    ("printed", "names", "et_al"),
    [
        ("Abdul Rashid, M.Z. & Tan, S.L.", [("Abdul Rashid", "M.Z."), ("Tan", "S.L.")], False),
        ("Acs et al.", [("Acs", "")], True),
        ("Buckley and Casson", [("Buckley", ""), ("Casson", "")], False),
        (
            "Czinkota, M.R., Johanson & Ronkainen, I.A.",
            [("Czinkota", "M.R."), ("Johanson", ""), ("Ronkainen", "I.A.")],
            False,
        ),
        (
            "Zafarullah, M., Mujahid, Ali & Young, Stephen",
            [("Zafarullah", "M."), ("Mujahid", "Ali"), ("Young", "Stephen")],
            False,
        ),
        (
            "Zizah Che Senik, Rosmah Mat Isa, Ridzuan Md Sham, Abu H Ayob",
            [
                ("Zizah Che Senik", ""),
                ("Rosmah Mat Isa", ""),
                ("Ridzuan Md Sham", ""),
                ("Abu H Ayob", ""),
            ],
            False,
        ),
        (
            "Naidu, Cavusgil, Murthy & Sharkar",
            [("Naidu", ""), ("Cavusgil", ""), ("Murthy", ""), ("Sharkar", "")],
            False,
        ),
        ("McDougall, Shane, & Oviatt", [("McDougall", ""), ("Shane", ""), ("Oviatt", "")], False),
        ("McKinsey & Co.", [("McKinsey & Co.", "")], False),
        (
            "Department of Trade and Industry (DTI)",
            [("Department of Trade and Industry (DTI)", "")],
            False,
        ),
        (
            "Ministry of International Trade and Industry, MITI",
            [("Ministry of International Trade and Industry (MITI)", "")],
            False,
        ),
        ("O’Farrell et al.", [("O’Farrell", "")], True),
    ],
)
def test_printed_author_lists_are_parsed(
    printed: str, names: list[tuple[str, str]], et_al: bool
) -> None:
    parsed = parse_author_list(printed)
    assert [(n.family, n.given) for n in parsed.names] == names
    assert parsed.et_al is et_al


def test_keys_fold_diacritics_apostrophes_hyphens_and_particles() -> None:
    assert person("Sørensen").key == person("Sorensen").key == "sorensen"
    assert person("O’Farrell").key == person("O'Farrell").key == "ofarrell"
    assert person("Bagchi-Sen").key == "bagchisen"
    assert person("Van Dijken").key == person("van Dijken").key == person("Dijken").key
    assert person("Le Galès").key == "gales"
    assert person("Kiliçaslan").key == "kilicaslan"


def test_initials_come_from_initials_or_full_given_names() -> None:
    assert person("Vahlne", "J.E.").initials == person("Vahlne", "Jan-Erik").initials == "je"
    assert person("Thai", "M.T.T.").initials == "mtt"


def test_corporate_authors_answer_to_their_acronyms() -> None:
    (dti,) = parse_author_list("Department of Trade and Industry (DTI)").names
    assert dti.corporate
    assert "dti" in dti.aliases
    (oecd,) = parse_author_list(
        "Organization for Economic Co-Operation and Development (OECD)"
    ).names
    assert "oecd" in oecd.aliases
    (nsdc,) = parse_author_list("National SME Development Council, NSDC").names
    assert "nsdc" in nsdc.aliases


def test_bibliography_name_pairs_keep_et_al() -> None:
    authors = from_parts([("Westhead", "P."), ("Wright", "M.")], et_al=True)
    assert [n.key for n in authors.names] == ["westhead", "wright"]
    assert authors.et_al
