"""Synthetic multilingual PII documents for the 8 openai/privacy-filter categories.

``synthesize(n, seed)`` fills hand-written templates (30 per language, each written natively in
English, German, French, Spanish, Italian, Portuguese and Dutch) with values from the matching Faker locale
and returns ``Document``\\ s with exact character spans.

Labelling policy, kept consistent so a model can learn it:

- ``private_person``: a person's name (full, first, last, ``Last, First``, initial + last). Titles and
  salutations (``Dr.``, ``Frau``, ``Mme``) are outside the span. Company names are not persons.
- ``private_address``: a street with house number, or a full postal address; a city alone is not labelled.
- ``private_date``: a date tied to a person: birth dates, appointments and visits, hospital admission and
  discharge, hiring, a mandate they signed, a payment or return they made. Dates of system or public events
  (releases, builds, key creation, shop deadlines) and log timestamps are never labelled; clock times are
  never part of a date span.
- ``account_number``: IBANs, bank account numbers, payment card numbers. Order, invoice, ticket, tracking
  and product numbers are not.
- ``private_url``: URLs that point at a person or a private resource (profiles, personal pages, share and
  reset links with tokens). Documentation, company home pages, public repositories are not.
- ``secret``: passwords, API keys, tokens, JWTs, connection strings (the whole string), private keys.
  Git hashes, SHA-256 checksums, UUIDs and version strings are not.
- ``private_email``, ``private_phone``: a person's e-mail address and phone number.

Same-category values separated only by spaces form one span (``{first_name} {last_name}``). Some templates
contain no PII at all (negative documents), and most PII templates also carry look-alikes: order, ticket,
invoice and tracking numbers, product codes, versions, git hashes, checksums, UUIDs, public URLs and IPs,
hosts, amounts, release dates and timestamps.

``held_out_template_ids`` holds out whole templates per language (by a hash of the id and ``split_seed``),
so ``synthesize(..., split="test")`` measures generalization to unseen templates. A further 30 templates
per language, the transfer templates (``split="transfer"``), are on neither side of that split: unlabelled
text for distillation, where the teacher shows a student how it reads sentence frames it was not trained on.

The world family (``pare.data.synth.world``; ``split="world"``, ``"world-train"``, ``"world-test"``) is a
separate, English source of text as people write it: questions, one-line answers, chat, narrative, quoted
speech, forms, letters and address blocks, with names of many nationalities in any casing, addresses of 44
countries, phone numbers of 53 regions, and documents with no PII at all. It does not change the template
family's output; its module docstring states the labelling conventions it makes precise.
"""

from pare.data.synth.generate import (
    LOCALES,
    held_out_template_ids,
    synthesize,
    templates,
    transfer_templates,
)
from pare.data.synth.template import KIND_LABELS, Template, render
from pare.data.synth.world import WORLD_SPLITS, held_out_frame_ids, synthesize_world, world_frames

__all__ = [
    "KIND_LABELS",
    "LOCALES",
    "WORLD_SPLITS",
    "Template",
    "held_out_frame_ids",
    "held_out_template_ids",
    "render",
    "synthesize",
    "synthesize_world",
    "templates",
    "transfer_templates",
    "world_frames",
]
