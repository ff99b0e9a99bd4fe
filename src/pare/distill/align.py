"""Teacher targets for a student whose tokenizer differs from the teacher's (for example a trimmed vocabulary).

Token classification: both tokenizers encode each document separately; a student token takes the teacher's
outputs at the teacher token covering the student token's first character. Teacher tokens are read from the
teacher's window whose core holds them (``pare.data.windows``), the same windows ``encode_documents`` made
for the teacher.

Causal LM: the student's vocabulary must be a subset of the teacher's (``vocabulary_map``). The teacher reads
the student's own token sequence, spelled in its ids, and its next-token logits are gathered onto the
student's vocabulary, so both predict over the same tokens at the same positions.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import numpy as np

from pare.data.jsonl import Document
from pare.data.windows import DEFAULT_HALO, plan_windows, special_frame
from pare.errors import PareError


def _encode(docs: Sequence[Document], tokenizer) -> list[list[tuple[int, int]]]:
    enc = tokenizer(
        [d.text for d in docs], add_special_tokens=False, return_offsets_mapping=True, verbose=False
    )
    return [list(map(tuple, offsets)) for offsets in enc["offset_mapping"]]


def aligned_teacher_rows(
    docs: Sequence[Document],
    teacher_tokenizer,
    student_tokenizer,
    teacher_offsets: np.ndarray,
    max_length: int,
    halo: int = DEFAULT_HALO,
) -> list[list[int]]:
    """For each student example (window, in ``encode_documents`` order): the teacher cache row of each of
    its tokens, or -1 (special tokens, characters no teacher token covers).

    ``teacher_offsets[i]`` is the first cache row of teacher example ``i`` (``cache.token_offsets``).
    """
    t_prefix, t_suffix = special_frame(teacher_tokenizer)
    s_prefix, s_suffix = special_frame(student_tokenizer)
    t_size = max_length - len(t_prefix) - len(t_suffix)
    s_size = max_length - len(s_prefix) - len(s_suffix)
    t_offsets_all, s_offsets_all = _encode(docs, teacher_tokenizer), _encode(docs, student_tokenizer)
    example = 0  # running index of teacher examples
    out: list[list[int]] = []
    for t_offsets, s_offsets in zip(t_offsets_all, s_offsets_all, strict=True):
        # cache row of every teacher token of this document, from the window whose core holds it
        t_rows = np.full(len(t_offsets), -1, dtype=np.int64)
        for w in plan_windows(len(t_offsets), t_size, halo):
            if w.end == w.start:
                continue
            first = int(teacher_offsets[example]) + len(t_prefix) - w.start
            t_rows[w.core_start : w.core_end] = first + np.arange(w.core_start, w.core_end)
            example += 1
        starts = [a for a, _ in t_offsets]
        doc_rows = []
        for a, b in s_offsets:
            k = bisect.bisect_right(starts, a) - 1
            covered = a < b and k >= 0 and a < t_offsets[k][1]
            doc_rows.append(int(t_rows[k]) if covered else -1)
        for w in plan_windows(len(s_offsets), s_size, halo):
            if w.end == w.start:
                continue
            out.append([-1] * len(s_prefix) + doc_rows[w.start : w.end] + [-1] * len(s_suffix))
    return out


def vocabulary_map(student_tokenizer, teacher_tokenizer, num_classes: int) -> np.ndarray:
    """The teacher's id of each of the ``num_classes`` student ids (-1 for rows past the student's tokenizer).

    Raises ``PareError`` when a student token is not in the teacher's vocabulary.
    """
    teacher_vocab = teacher_tokenizer.get_vocab()
    out = np.full(num_classes, -1, dtype=np.int64)
    missing = []
    for token, i in student_tokenizer.get_vocab().items():
        if token not in teacher_vocab:
            missing.append(token)
        elif i < num_classes:
            out[i] = teacher_vocab[token]
    if missing:
        raise PareError(
            f"{len(missing)} student tokens (for example {missing[0]!r}) are not in the teacher's vocabulary; "
            "a causal LM student's vocabulary must be a subset of the teacher's (for example trimmed from it)"
        )
    return out
