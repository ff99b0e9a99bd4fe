"""Span decoding for token classifiers: constrained BIOES/BIO Viterbi with operating-point biases,
forward-backward marginals and span confidences, argmax for comparison.

Inputs: ``scores`` (batch, tokens, labels) per-token log-probabilities (torch tensor or numpy array) and an
optional (batch, tokens) ``mask`` whose real tokens are a prefix of each row (padding only at the end; a
mask with holes is a ``PareError``). Optional per-token constraints of the constrained decoders: ``word_ids``
(no span starts or ends inside a word), ``breaks`` (no span continues across a paragraph break) and ``lines``
(no span of a single-line category, ``pare.labels.SINGLE_LINE_CATEGORIES``, continues across a line break).
Outputs have one entry per real token. See ``pare.decode.marginals`` for the exact definition of a span's
score and ``pare.decode.transitions`` for the constraints and biases.

Everything here is numpy: importing it imports neither torch nor transformers (the onnxruntime backend
has neither); torch tensors are recognised by their methods and converted once.
"""

from pare.decode.calibration import (
    CALIBRATION_FILE,
    load_operating_points,
    resolve_operating_point,
    save_operating_points,
)
from pare.decode.marginals import score_spans, token_marginals
from pare.decode.spans import decode_spans
from pare.decode.transitions import OperatingPoint, Transitions, build_transitions
from pare.decode.viterbi import argmax_decode, viterbi_decode

__all__ = [
    "CALIBRATION_FILE",
    "OperatingPoint",
    "Transitions",
    "argmax_decode",
    "build_transitions",
    "decode_spans",
    "load_operating_points",
    "resolve_operating_point",
    "save_operating_points",
    "score_spans",
    "token_marginals",
    "viterbi_decode",
]
