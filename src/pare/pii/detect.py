"""PII detection: a token classifier plus constrained span decoding, over texts of any length.

Each text is tokenized once, without special tokens, and never truncated: it is cut into overlapping windows
(``pare.data.windows``) of the length the model was trained on (its tokenizer's ``model_max_length``, which
``pare finetune`` and ``pare distill`` record), with a halo of a quarter window (at most 64 tokens), so every
token is scored with that much context on each side where the text has it. Windows from all texts are sorted by length and run in
batches; each token's log-probabilities come from the one window whose core holds it; the whole document
is then decoded at once (constrained BIOES/BIO Viterbi by default), so a span crossing a window boundary
comes back as one span. Where the tokenizer's words end at every space and punctuation mark (BERT-style
WordPiece), spans are decoded whole-word: no span starts or ends between two pieces of one word, so a
redaction never leaves the last piece of a name behind. Token spans map to character spans through the tokenizer's offsets, trimmed of
surrounding whitespace.

No span crosses a paragraph break (a blank line): tokenizers drop line breaks, so the model cannot see where
a paragraph or a document ends, while labelled spans never contain a blank line. The breaks come from the
text between tokens (``paragraph_breaks``) and constrain the decoder on the whole document, for every
tokenizer and operating point.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import torch

from pare.data.align import token_spans_to_char_spans
from pare.data.windows import DEFAULT_HALO, Window, plan_windows, special_frame, stitch
from pare.decode import OperatingPoint, decode_spans, resolve_operating_point
from pare.errors import PareError
from pare.labels import Taxonomy
from pare.loader import Dequantize, load
from pare.modeldir import check_model_dir, load_config, load_pretrained, load_tokenizer
from pare.pii.spans import DetectedSpan
from pare.pii.validate import DEFAULT_VALIDATED, validate_spans
from pare.progress import Track, no_track

DEFAULT_MAX_LENGTH = 512
METHODS = ("viterbi", "argmax")


@dataclass
class DocumentScores:
    """One text's tokens: character ``offsets``, ``word_ids`` (the tokenizer's word of each token) and
    ``log_probs`` (float32, (n_tokens, n_labels), on CPU); ``breaks`` follows from ``text`` and ``offsets``.
    """

    text: str
    input_ids: list[int]
    offsets: list[tuple[int, int]]
    log_probs: torch.Tensor
    word_ids: list[int | None]

    @property
    def breaks(self) -> list[bool]:
        """Per token: whether a paragraph break lies before it (``paragraph_breaks``)."""
        return paragraph_breaks(self.text, self.offsets)


# the line boundaries of ``str.splitlines``; a CRLF pair is one boundary
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_BLANK_LINE = re.compile(f"[{_LINE_BREAKS}]\\s*[{_LINE_BREAKS}]")


def paragraph_breaks(text: str, offsets: Sequence[tuple[int, int]]) -> list[bool]:
    """Per token: whether a blank line (two line breaks with only whitespace between) lies between the
    previous token's last non-space character and this token's first one.

    The whitespace at a token's edges counts as well as the gap between tokens: byte-level BPE tokens hold
    spaces and line breaks (a token of just ``"\\n\\n"`` gets a break before and after it).
    """
    out = [False] * len(offsets)
    for t in range(1, len(offsets)):
        (s0, e0), (s1, e1) = offsets[t - 1], offsets[t]
        after = s0 + len(text[s0:e0].rstrip())
        before = e1 - len(text[s1:e1].lstrip())
        out[t] = _BLANK_LINE.search(text[after:before].replace("\r\n", "\n")) is not None
    return out


# every space and punctuation mark ends a word: a PII span (which starts and ends at such marks) never
# starts or ends inside one of these words
_WORD_PROBE = "a:b-c@d.e f/g"
_WORD_PROBE_WORDS = ["a", ":", "b", "-", "c", "@", "d", ".", "e", "f", "/", "g"]


def words_are_span_boundaries(tokenizer) -> bool:
    """True when the tokenizer's words (pre-tokens) end at every space and punctuation mark (BERT-style).

    Byte-level BPE (``:John`` is one word) and SentencePiece (``▁john@x.com`` is one word) give False:
    there a span may start or end inside a word, and decoding must allow it.
    """
    backend = getattr(tokenizer, "backend_tokenizer", None)
    pre = getattr(backend, "pre_tokenizer", None)
    if pre is None:
        return False
    return [word for word, _ in pre.pre_tokenize_str(_WORD_PROBE)] == _WORD_PROBE_WORDS


class PiiDetector:
    """A token classifier with its fast tokenizer and taxonomy; finds PII spans in texts of any length.

    ``model`` is called as ``model(input_ids=..., attention_mask=...)`` and must return an object with
    ``logits`` shaped (batch, tokens, labels). Windows hold at most ``max_length`` tokens including the
    tokenizer's special tokens; ``halo`` tokens of context (default: a quarter of the window, at most 64) overlap
    on each side of a cut.
    ``whole_words``: decode spans that start and end at word boundaries only (``None``: when
    ``words_are_span_boundaries(tokenizer)``).
    ``validate``: labels whose spans ``pare.pii.validate`` checks after decoding (trimmed of trailing
    punctuation, dropped when impossible: an invalid IBAN, a postcode as a phone); ``()`` for none.
    """

    def __init__(
        self,
        model,
        tokenizer,
        taxonomy: Taxonomy,
        *,
        device: str | torch.device | None = None,
        max_length: int | None = None,
        halo: int | None = None,
        model_dir: str | Path | None = None,
        whole_words: bool | None = None,
        validate: Collection[str] = DEFAULT_VALIDATED,
    ) -> None:
        if not getattr(tokenizer, "is_fast", False):
            raise PareError("the tokenizer is not a fast tokenizer; pare needs its character offsets")
        self.model = model
        self.tokenizer = tokenizer
        self.taxonomy = taxonomy
        self.validate = tuple(validate)
        self.whole_words = words_are_span_boundaries(tokenizer) if whole_words is None else whole_words
        self.model_dir = Path(model_dir) if model_dir is not None else None
        if device is None:
            params = list(model.parameters()) if hasattr(model, "parameters") else []
            device = params[0].device if params else "cpu"
        self.device = torch.device(device)
        self.prefix, self.suffix = special_frame(tokenizer)
        limits = [max_length or DEFAULT_MAX_LENGTH]
        if 0 < getattr(tokenizer, "model_max_length", 0) < 1_000_000:
            limits.append(int(tokenizer.model_max_length))
        positions = getattr(getattr(model, "config", None), "max_position_embeddings", None)
        if isinstance(positions, int) and positions > 0:
            limits.append(positions)
        self.max_length = min(limits)
        self.window_size = self.max_length - len(self.prefix) - len(self.suffix)
        if self.window_size < 1:
            raise PareError(
                f"max_length {self.max_length} leaves no room for tokens next to the special tokens"
            )
        self.halo = min(DEFAULT_HALO, self.window_size // 4) if halo is None else halo
        pad = tokenizer.pad_token_id
        self.pad_id = int(pad) if pad is not None else 0

    @classmethod
    def from_dir(
        cls,
        model_dir: str | Path,
        device: str | torch.device | None = None,
        *,
        max_length: int | None = None,
        halo: int | None = None,
        whole_words: bool | None = None,
        dequantize: Dequantize = "linear",
        validate: Collection[str] = DEFAULT_VALIDATED,
    ) -> PiiDetector:
        """Load a token classifier directory: a plain Hugging Face one, or a pare-quantized one (``quant_config.json``).

        ``device=None`` picks CUDA when available. A quantized model loads with ``pare.load(dequantize=...)``:
        by default its Linear weights are expanded once (fast at every batch size) and its embeddings stay
        compressed; ``"none"`` keeps every weight compressed. A missing or broken directory is a one-line
        ``PareError``.
        """
        from transformers import AutoModelForTokenClassification

        model_dir = Path(model_dir)
        found = check_model_dir(model_dir, tokenizer=True, token_classifier=True)
        config = load_config(model_dir)
        taxonomy = Taxonomy.from_config(config)
        tokenizer = load_tokenizer(model_dir)
        vocab_size = getattr(config, "vocab_size", None)
        if isinstance(vocab_size, int) and len(tokenizer) > vocab_size:
            raise PareError(
                f"{model_dir}: the tokenizer has {len(tokenizer)} tokens but the model only {vocab_size} embeddings"
            )
        if device is None:
            device = "cuda" if torch.cuda.is_available() else "cpu"
        if found.quantized:
            model = load(model_dir, dequantize)
        else:
            model = load_pretrained(AutoModelForTokenClassification, model_dir, config=config)
        model.to(device).eval()
        return cls(
            model,
            tokenizer,
            taxonomy,
            device=device,
            max_length=max_length,
            halo=halo,
            model_dir=model_dir,
            whole_words=whole_words,
            validate=validate,
        )

    @property
    def labels(self) -> list[str]:
        return self.taxonomy.labels

    def token_scores(
        self, texts: Sequence[str], batch_size: int = 16, track: Track = no_track
    ) -> list[DocumentScores]:
        """Per-token label log-probabilities of each text, stitched from overlapping windows."""
        if isinstance(texts, str):
            raise TypeError("texts must be a sequence of strings, not one string")
        if batch_size < 1:
            raise PareError(f"batch size must be at least 1, got {batch_size}")
        texts = list(texts)
        if not texts:
            return []
        enc = self.tokenizer(texts, add_special_tokens=False, return_offsets_mapping=True, verbose=False)
        plans = [plan_windows(len(ids), self.window_size, self.halo) for ids in enc["input_ids"]]
        jobs = [(d, k) for d, plan in enumerate(plans) for k, w in enumerate(plan) if w.end > w.start]
        # longest windows first: each batch pads little, and a too-large batch fails at once
        jobs.sort(key=lambda job: -(plans[job[0]][job[1]].end - plans[job[0]][job[1]].start))
        window_scores: dict[tuple[int, int], torch.Tensor] = {}
        batches = [jobs[i : i + batch_size] for i in range(0, len(jobs), batch_size)]
        with torch.inference_mode():
            for batch in track(batches, "detecting", total=len(batches)):
                windows = [plans[d][k] for d, k in batch]
                rows = [
                    self.prefix + enc["input_ids"][d][w.start : w.end] + self.suffix
                    for (d, _), w in zip(batch, windows, strict=True)
                ]
                width = max(len(r) for r in rows)
                ids = torch.full((len(rows), width), self.pad_id, dtype=torch.long)
                mask = torch.zeros((len(rows), width), dtype=torch.long)
                for i, r in enumerate(rows):
                    ids[i, : len(r)] = torch.tensor(r, dtype=torch.long)
                    mask[i, : len(r)] = 1
                logits = self.model(input_ids=ids.to(self.device), attention_mask=mask.to(self.device)).logits
                log_probs = torch.log_softmax(logits.float(), dim=-1).cpu()
                first = len(self.prefix)
                for i, (job, w) in enumerate(zip(batch, windows, strict=True)):
                    window_scores[job] = log_probs[i, first : first + w.end - w.start].clone()
        n_labels = len(self.labels)
        out: list[DocumentScores] = []
        for d, text in enumerate(texts):
            plan: list[Window] = plans[d]
            if plan[-1].end == 0:
                scores = torch.zeros((0, n_labels), dtype=torch.float32)
            else:
                scores = stitch([window_scores[(d, k)] for k in range(len(plan))], plan)
            if scores.shape[-1] != n_labels:
                raise PareError(f"the model gives {scores.shape[-1]} labels but its config lists {n_labels}")
            offsets = [tuple(o) for o in enc["offset_mapping"][d]]
            out.append(DocumentScores(text, list(enc["input_ids"][d]), offsets, scores, enc.word_ids(d)))
        return out

    def resolve(
        self, operating_point: OperatingPoint | Mapping[str, float] | str | None
    ) -> OperatingPoint | Mapping[str, float]:
        """An operating point by value, or by name from the model directory's ``viterbi_calibration.json``.

        ``None`` is the file's ``default`` point when the model directory has one, else zero biases.
        """
        if operating_point is not None and not isinstance(operating_point, str):
            return operating_point
        if self.model_dir is None:
            if operating_point is None:
                return OperatingPoint()
            raise PareError(
                f"operating point {operating_point!r}: this detector has no model directory to read it from"
            )
        return resolve_operating_point(self.model_dir, operating_point)

    def decode(
        self,
        documents: Sequence[DocumentScores],
        operating_point: OperatingPoint | Mapping[str, float] | str | None = None,
        method: Literal["viterbi", "argmax"] = "viterbi",
        batch_size: int = 16,
    ) -> list[list[DetectedSpan]]:
        """Character spans of each document from its token scores (whole documents, never per window)."""
        biases = self.resolve(operating_point)
        out: list[list[DetectedSpan]] = [[] for _ in documents]
        # documents of similar length decode together: the Viterbi loop runs over the longest one
        order = sorted(
            (d for d, doc in enumerate(documents) if len(doc.offsets)),
            key=lambda d: len(documents[d].offsets),
        )
        for lo in range(0, len(order), batch_size):
            group = order[lo : lo + batch_size]
            width = max(len(documents[d].offsets) for d in group)
            scores = torch.zeros((len(group), width, len(self.labels)), dtype=torch.float32)
            mask = torch.zeros((len(group), width), dtype=torch.bool)
            for i, d in enumerate(group):
                n = len(documents[d].offsets)
                scores[i, :n] = documents[d].log_probs
                mask[i, :n] = True
            words = [documents[d].word_ids for d in group] if self.whole_words else None
            breaks = [documents[d].breaks for d in group]
            spans = decode_spans(
                scores, self.taxonomy, mask, biases, method=method, word_ids=words, breaks=breaks
            )
            for d, token_spans in zip(group, spans, strict=True):
                doc = documents[d]
                out[d] = [
                    DetectedSpan(span.label, span.start, span.end, doc.text[span.start : span.end], score)
                    for span, score in token_spans_to_char_spans(doc.text, doc.offsets, token_spans)
                ]
                if self.validate:
                    out[d] = validate_spans(doc.text, out[d], self.validate)
        return out

    def detect(
        self,
        texts: Sequence[str],
        operating_point: OperatingPoint | Mapping[str, float] | str | None = None,
        method: Literal["viterbi", "argmax"] = "viterbi",
        batch_size: int = 16,
        track: Track = no_track,
    ) -> list[list[DetectedSpan]]:
        """PII spans of each text (character offsets, sorted by start; an empty text has none).

        ``operating_point``: transition biases, by value or by name from the model directory
        (``None``: the model's ``default`` point if it has one, else plain constrained Viterbi).
        """
        if method not in METHODS:
            raise PareError(f"unknown decoding method {method!r}; expected one of {', '.join(METHODS)}")
        biases = self.resolve(operating_point)  # a bad operating point fails before the model runs
        return self.decode(self.token_scores(texts, batch_size, track), biases, method, batch_size)
