"""Address blocks put back together from the text around a model's spans (through ``validate_spans`` in
``test_validate.py``; here the pieces alone, before validation)."""

from __future__ import annotations

from pare.pii.address_blocks import complete_address, join_address_pieces, split_name_line
from pare.pii.spans import DetectedSpan


def span_of(text: str, part: str, label: str) -> DetectedSpan:
    start = text.index(part)
    return DetectedSpan(label, start, start + len(part), part, 0.8)


def test_a_street_name_cut_at_its_start_grows_back_and_a_numbered_start_does_not():
    text = "Ship to: Jl. Gatot Subroto No. 12"
    assert complete_address(text, span_of(text, "Subroto No. 12", "private_address")).text == (
        "Jl. Gatot Subroto No. 12"
    )
    numbered = span_of(text, "12", "private_address")
    assert complete_address(text, numbered) is numbered


def test_pieces_of_a_block_join_and_other_spans_pass_through():
    text = "Ana\nRua Augusta 160\n3699-811 FARO\n\nCall 0171 2345678"
    spans = [
        span_of(text, "Ana", "private_person"),
        span_of(text, "Rua Augusta 160", "private_address"),
        span_of(text, "3699-811", "private_phone"),
        span_of(text, "FARO", "private_address"),
        span_of(text, "0171 2345678", "private_phone"),
    ]
    out = join_address_pieces(text, spans)
    assert [(s.label, s.text) for s in out] == [
        ("private_person", "Ana"),
        ("private_address", "Rua Augusta 160\n3699-811 FARO"),
        ("private_phone", "0171 2345678"),
    ]
    assert out[1].score == 0.8


def test_a_name_line_is_split_off_unvalidated_and_particles_count_as_name_words():
    text = "Ludwig van Beethoven\nBonngasse 20\n53111 Bonn"
    block = span_of(text, text, "private_address")
    assert split_name_line(text, block, particles=()) == [block]  # "van" is no capitalized word
    name, address = split_name_line(text, block, particles=("van",))
    assert (name.label, name.text) == ("private_person", "Ludwig van Beethoven")
    assert (address.label, address.text) == ("private_address", "Bonngasse 20\n53111 Bonn")
