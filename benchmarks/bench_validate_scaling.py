"""How the span validators' time grows with a document's size: one long text made of ``n`` repeats of a
short unit, with the spans a model would give it, validated once (``pare.pii.validate_spans``, default rules).

    python benchmarks/bench_validate_scaling.py --sizes 1000,4000,16000

Linear growth keeps seconds per unit flat as ``n`` grows; a rule that rescans the text before each span
(a quadratic one) makes it grow with ``n``. Units: a card number, an e-mail, a phone and a name on one line
(no line breaks: the worst case for rules that look back along a line), and an address block with an e-mail
cut inside it (the spans that grow and the overlaps they leave).
"""

from __future__ import annotations

import argparse
import time

from pare.pii import validate_spans
from pare.pii.spans import DetectedSpan


def one_line(n: int) -> tuple[str, list[DetectedSpan]]:
    unit = "4111 1111 1111 1111 ana@x.org 0612 334 908 Ana x "
    text, spans = unit * n, []
    for i in range(n):
        b = i * len(unit)
        spans.append(DetectedSpan("private_phone", b + 30, b + 42, text[b + 30 : b + 42], 0.9))
        spans.append(DetectedSpan("private_person", b + 43, b + 46, text[b + 43 : b + 46], 0.9))
    return text, spans


def blocks(n: int) -> tuple[str, list[DetectedSpan]]:
    unit = "12 Main St, Springfield, buzzer\nana.b@x.org\n"
    text, spans = unit * n, []
    for i in range(n):
        b = i * len(unit)
        spans.append(DetectedSpan("private_address", b, b + 31, text[b : b + 31], 0.9))
        spans.append(DetectedSpan("private_email", b + 34, b + 43, text[b + 34 : b + 43], 0.9))
    return text, spans


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,4000,16000")
    args = ap.parse_args()
    print("| text | units | characters | spans | seconds | µs per unit |")
    print("|---|---|---|---|---|---|")
    for name, make in (("one line", one_line), ("address blocks", blocks)):
        for n in map(int, args.sizes.split(",")):
            text, spans = make(n)
            start = time.perf_counter()
            validate_spans(text, spans)
            seconds = time.perf_counter() - start
            print(f"| {name} | {n} | {len(text)} | {len(spans)} | {seconds:.3f} | {1e6 * seconds / n:.1f} |")


if __name__ == "__main__":
    main()
