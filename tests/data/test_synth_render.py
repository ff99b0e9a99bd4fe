from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pare.data.synth import KIND_LABELS, Template, render, templates, transfer_templates

TEMPLATES = templates() + transfer_templates()


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_rendering_any_template_with_any_values_gives_spans_over_those_values(data):
    template = data.draw(st.sampled_from(TEMPLATES))
    values = {name: data.draw(st.text(max_size=10), label=name) for name in template.placeholders}
    text, spans = render(template, values)

    # where each labelled value lands, computed from the template parts alone
    pieces, cores, pos = [], [], 0
    for part in template.parts:
        piece = part if isinstance(part, str) else values[part[0]]
        if isinstance(part, tuple) and KIND_LABELS[part[1]] and piece.strip():
            start = pos + piece.index(piece.strip())
            cores.append((KIND_LABELS[part[1]], start, start + len(piece.strip()), piece.strip()))
        pieces.append(piece)
        pos += len(piece)
    assert text == "".join(pieces)

    # spans are made of whole values: each value lies in exactly one span of its label, and each span starts
    # at its first value and ends at its last, with only spaces between merged values
    for span in spans:
        inside = [c for c in cores if span.start <= c[1] and c[2] <= span.end]
        assert inside and all(c[0] == span.label for c in inside)
        assert (span.start, span.end) == (inside[0][1], inside[-1][2])
        if len(inside) == 1:
            assert text[span.start : span.end] == inside[0][3]
        for a, b in pairwise(inside):
            assert set(text[a[2] : b[1]]) <= {" "}
    for _label, start, end, _ in cores:
        assert sum(s.start <= start and end <= s.end for s in spans) == 1
    assert all(a.end <= b.start for a, b in pairwise(spans))


@settings(max_examples=200, deadline=None)
@given(literal=st.text(max_size=40))
def test_escaped_braces_render_literally(literal):
    text = literal.replace("{", "{{").replace("}", "}}")
    assert render(Template(id="en-note-001", style="note", text=text), {}) == (literal, [])


@given(name=st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12))
def test_unknown_placeholders_are_rejected(name):
    if name.rstrip("_") in KIND_LABELS or name.split("_")[0] in KIND_LABELS:
        return
    with pytest.raises(ValueError):
        Template(id="en-note-001", style="note", text="x {" + name + "} y")


@pytest.mark.parametrize(
    ("tid", "style", "text"),
    [
        ("en-note-001", "note", "a { b"),
        ("en-note-001", "note", "a } b"),
        ("en-note-001", "note", "{nosuchkind}"),
        ("en-note-1a", "note", "fine"),
        ("en-note-001", "mail", "fine"),
    ],
)
def test_malformed_templates_are_rejected(tid, style, text):
    with pytest.raises(ValueError):
        Template(id=tid, style=style, text=text)


def test_same_placeholder_twice_gets_the_same_value_and_two_spans():
    template = Template(id="en-note-001", style="note", text="{person} wrote; {person} signed. {order_id}")
    text, spans = render(template, {"person": "Ann Lee", "order_id": "ORD-1"})
    assert text == "Ann Lee wrote; Ann Lee signed. ORD-1"
    assert [(s.start, s.end, s.label) for s in spans] == [
        (0, 7, "private_person"),
        (15, 22, "private_person"),
    ]


def test_first_and_last_name_apart_by_a_space_are_one_span():
    template = Template(id="en-note-001", style="note", text="Dear {title} {first_name} {last_name},")
    text, spans = render(template, {"title": "Dr.", "first_name": "Ann", "last_name": "Lee"})
    assert [text[s.start : s.end] for s in spans] == ["Ann Lee"]
