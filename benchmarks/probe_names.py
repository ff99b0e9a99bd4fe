"""A hand probe, not a benchmark: 17 short sentences (most of them German, French or Spanish) with 18 names,
written for the noisy-text comparison in BENCHMARKS.md. Prints, per model, how many names come back exactly
and how many other person spans it makes.

    python benchmarks/probe_names.py runs/compress_v5/final runs/compress_v6/final
"""

from __future__ import annotations

import sys

from pare.pii import PiiDetector

TEXTS = [
    "Bitte rufen Sie Frau Anna Berg unter 030 1234567 an.",
    "Rufen Sie bitte Herrn Jonas Weber an.",
    "Bitte rufen Sie Frau Berg an.",
    "Können Sie bitte Herrn Thomas Müller morgen zurückrufen?",
    "Ich habe gestern mit Frau Sabine Keller gesprochen.",
    "Sehr geehrte Frau Schneider, vielen Dank für Ihre Nachricht.",
    "Bitte senden Sie die Unterlagen an Peter Braun.",
    "Mein Name ist Lukas Hoffmann und ich wohne in Köln.",
    "Rufen Sie mich unter 0171 2345678 an, Ihr Markus Weber.",
    "Hallo Jana, kannst du Stefan Lang die Datei schicken?",
    "Merci d'envoyer le dossier à Monsieur Pierre Lefèvre.",
    "J'ai parlé avec Sophie Martin hier soir.",
    "Por favor, contacte con Javier Ruiz mañana.",
    "Veuillez appeler Madame Claire Dubois au 01 23 45 67 89.",
    "Llame a la señora Ana García, por favor.",
    "Please call Mrs Anna Berg at 030 1234567.",
    "Could you forward this to Jonas Weber?",
]
GOLD = [
    ["Anna Berg"],
    ["Jonas Weber"],
    ["Berg"],
    ["Thomas Müller"],
    ["Sabine Keller"],
    ["Schneider"],
    ["Peter Braun"],
    ["Lukas Hoffmann"],
    ["Markus Weber"],
    ["Jana", "Stefan Lang"],
    ["Pierre Lefèvre"],
    ["Sophie Martin"],
    ["Javier Ruiz"],
    ["Claire Dubois"],
    ["Ana García"],
    ["Anna Berg"],
    ["Jonas Weber"],
]


def main(models: list[str]) -> None:
    for model in models:
        out = PiiDetector.from_dir(model).detect(TEXTS)
        found = [
            (s.text, gold)
            for spans, gold in zip(out, GOLD, strict=True)
            for s in spans
            if s.label == "private_person"
        ]
        exact = sum(text in gold for text, gold in found)
        print(f"{model}: {exact}/{sum(map(len, GOLD))} names exact, {len(found) - exact} other person spans")


if __name__ == "__main__":
    main(sys.argv[1:])
