"""PII detection: a token classifier plus constrained span decoding, over texts of any length.

Each text is tokenized once, without special tokens, and never truncated: it is cut into overlapping windows
(``pare.data.windows``) of the length the model was trained on (its tokenizer's ``model_max_length``, which
``pare finetune`` and ``pare distill`` record), with a halo of a quarter window (at most 64 tokens), so every
token is scored with that much context on each side where the text has it. Windows from all texts are sorted by
length and run in batches; each token's log-probabilities come from the one window whose core holds it; the
whole document is then decoded at once (constrained BIOES/BIO Viterbi by default), so a span crossing a window
boundary comes back as one span. Each paragraph after a blank line (unless its first line is short) is read a
second time on its own, so that the text before it (in a long text, often another document) does not hide a name
at its start; the two readings are combined (``pare.pii.paragraph_views``). Where the tokenizer's words end at
every space and punctuation mark (BERT-style WordPiece), spans are decoded whole-word: no span starts or ends
between two pieces of one word, so a redaction never leaves the last piece of a name behind. Token spans map to
character spans through the tokenizer's offsets, trimmed of surrounding whitespace.

No span crosses a paragraph break (a blank line): tokenizers drop line breaks, so the model cannot see where
a paragraph or a document ends, while labelled spans never contain a blank line. Nor does a span of a
single-line category (a name, a phone number, ...; ``pare.labels.SINGLE_LINE_CATEGORIES``) cross a single line
break (the line rule, ``line_rule``): only addresses and secrets run over several lines. The breaks come from
the text between tokens (``pare.pii.breaks``) and constrain the decoder on the whole
document, for every tokenizer and operating point.

Two backends run the classifier: a torch module (``from_dir`` of a plain or quantized directory), or
onnxruntime (``from_dir`` of a ``pare export --format onnx`` directory: ``pare.onnx.runtime``, with the
tokenizer read by the ``tokenizers`` library); windows, stitching and decoding are the same code for both, and
the ONNX path imports neither torch nor transformers.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import InitVar, dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from pare.data.align import token_spans_to_char_spans
from pare.data.windows import DEFAULT_HALO, Window, plan_windows, special_frame, stitch
from pare.decode import OperatingPoint, decode_spans
from pare.decode.calibration import calibration_stamp, load_operating_points, pick_operating_point
from pare.errors import PareError
from pare.labels import Taxonomy
from pare.loader import Dequantize, load
from pare.modeldir import (
    CALIBRATION_FILE,
    ONNX_FILE,
    ModelDir,
    check_model_dir,
    load_config,
    load_pretrained,
    load_tokenizer,
)
from pare.pii.breaks import text_breaks, visible_breaks
from pare.pii.paragraph_views import merge_views, plan_paragraph_views
from pare.pii.spans import DetectedSpan
from pare.pii.validate import DEFAULT_VALIDATED, validate_spans
from pare.progress import Track, no_track

if TYPE_CHECKING:
    import torch

DEFAULT_MAX_LENGTH = 512
METHODS = ("viterbi", "argmax")
# padded tokens decoded together at most: a group of long texts in one set of tables ran several times slower
# than the same texts a few at a time (BENCHMARKS.md, paragraphs read twice)
DECODE_TOKENS = 16_384


@dataclass
class DocumentScores:
    """One text's tokens: character ``offsets``, ``word_ids`` (the tokenizer's word of each token) and
    ``log_probs`` (a float32 numpy array, (n_tokens, n_labels), from either backend); ``breaks`` and
    ``lines`` follow from ``text`` and ``offsets``, found on first use unless ``known_breaks`` gives them
    (``text_breaks`` of these offsets, already found by the caller).
    """

    text: str
    input_ids: list[int]
    offsets: list[tuple[int, int]]
    log_probs: np.ndarray
    word_ids: list[int | None]
    known_breaks: InitVar[tuple[list[bool], list[bool]] | None] = None

    def __post_init__(self, known_breaks: tuple[list[bool], list[bool]] | None) -> None:
        if known_breaks is not None:
            self.__dict__["_breaks"] = known_breaks  # the cached property's value

    @property
    def breaks(self) -> list[bool]:
        """Per token: whether a paragraph break lies before it (``paragraph_breaks``)."""
        return self._breaks[0]

    @property
    def lines(self) -> list[bool]:
        """Per token: whether a single line break lies before it (``line_breaks``)."""
        return self._breaks[1]

    @cached_property
    def _breaks(self) -> tuple[list[bool], list[bool]]:
        return text_breaks(self.text, self.offsets)


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


def pad_windows(rows: Sequence[Sequence[int]], pad_id: int) -> tuple[np.ndarray, np.ndarray]:
    """``input_ids`` and ``attention_mask`` (int64, (rows, longest row)) of token rows padded at the end."""
    width = max(len(r) for r in rows)
    ids = np.full((len(rows), width), pad_id, dtype=np.int64)
    mask = np.zeros((len(rows), width), dtype=np.int64)
    for i, r in enumerate(rows):
        ids[i, : len(r)] = r
        mask[i, : len(r)] = 1
    return ids, mask


def decode_groups(
    lengths: Sequence[int], batch_size: int, max_tokens: int = DECODE_TOKENS
) -> list[list[int]]:
    """The documents (indices; those with tokens) to decode together: of similar length, since the decoder's
    loop runs over a group's longest one; at most ``batch_size`` of them and ``max_tokens`` padded tokens
    (or one document), since its tables hold (documents, longest, labels) floats each."""
    groups: list[list[int]] = []
    for d in sorted((d for d, n in enumerate(lengths) if n), key=lambda d: lengths[d]):
        group = groups[-1] if groups else []
        if group and len(group) < batch_size and (len(group) + 1) * lengths[d] <= max_tokens:
            group.append(d)
        else:
            groups.append([d])
    return groups


def _device(model, device) -> Any:
    """Where ``model`` runs: the ONNX backend's own device, else ``device`` as a torch device (default: that
    of the model's first parameter)."""
    if hasattr(model, "window_log_probs"):
        return getattr(model, "device", "cpu")
    import torch

    if device is None:
        params = list(model.parameters()) if hasattr(model, "parameters") else []
        device = params[0].device if params else "cpu"
    return torch.device(device)


def _check_vocab(path: Path, tokenizer, vocab_size) -> None:
    if isinstance(vocab_size, int) and len(tokenizer) > vocab_size:
        raise PareError(
            f"{path}: the tokenizer has {len(tokenizer)} tokens but the model only {vocab_size} embeddings"
        )


def _load_torch(found: ModelDir, device, dequantize: Dequantize) -> tuple[Any, Any, Taxonomy, Any]:
    """Model (on ``device``: default CUDA when available), tokenizer, taxonomy and device of a torch directory."""
    import torch
    from transformers import AutoModelForTokenClassification

    config = load_config(found.path)
    taxonomy = Taxonomy.from_config(config)
    tokenizer = load_tokenizer(found.path)
    _check_vocab(found.path, tokenizer, getattr(config, "vocab_size", None))
    if device is None:
        device = "cuda" if torch.cuda.is_available() else "cpu"
    if found.quantized:
        model = load(found.path, dequantize)
    else:
        model = load_pretrained(AutoModelForTokenClassification, found.path, config=config)
    model.to(device).eval()
    return model, tokenizer, taxonomy, device


def _load_onnx(found: ModelDir, device, threads: int | None) -> tuple[Any, Any, Taxonomy, Any]:
    """The same for an ONNX export: an onnxruntime session and the ``tokenizers`` tokenizer, no torch."""
    from pare.onnx.runtime import OnnxTokenClassifier
    from pare.onnx.tokenizer import RuntimeTokenizer

    tokenizer = RuntimeTokenizer.from_dir(found.path)
    model = OnnxTokenClassifier(found.path / ONNX_FILE, None if device is None else str(device), threads)
    _check_vocab(found.path, tokenizer, found.config.get("vocab_size"))
    return model, tokenizer, Taxonomy.from_config(model.config), model.device


class PiiDetector:
    """A token classifier with its fast tokenizer and taxonomy; finds PII spans in texts of any length.

    ``model`` is a torch module called as ``model(input_ids=..., attention_mask=...)`` that returns an object
    with ``logits`` shaped (batch, tokens, labels), or any object with a ``window_log_probs(input_ids,
    attention_mask)`` method taking and returning numpy arrays (the ONNX backend,
    ``pare.onnx.runtime.OnnxTokenClassifier``). Windows hold at most ``max_length`` tokens including the
    tokenizer's special tokens; ``halo`` tokens of context (default: a quarter of the window, at most 64) overlap
    on each side of a cut.
    ``whole_words``: decode spans that start and end at word boundaries only (``None``: when
    ``words_are_span_boundaries(tokenizer)``).
    ``validate``: labels whose spans ``pare.pii.validate`` checks after decoding (trimmed of trailing
    punctuation, dropped when impossible: an invalid IBAN, a postcode as a phone); ``()`` for none.
    ``line_rule``: no span of a single-line category continues across a line break (``False``: only
    paragraph breaks cut spans, as before the rule; for comparison).
    ``paragraph_views``: score each paragraph after a blank line whose first line is not short a second time
    on its own, and combine the two readings (``pare.pii.paragraph_views``; ``False``: one reading, for
    comparison and speed).
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
        line_rule: bool = True,
        paragraph_views: bool = True,
    ) -> None:
        if not getattr(tokenizer, "is_fast", False):
            raise PareError("the tokenizer is not a fast tokenizer; pare needs its character offsets")
        self.model = model
        self.tokenizer = tokenizer
        self.taxonomy = taxonomy
        self.validate = tuple(validate)
        self.whole_words = words_are_span_boundaries(tokenizer) if whole_words is None else whole_words
        self.line_rule = line_rule
        self.paragraph_views = paragraph_views
        self.model_dir = Path(model_dir) if model_dir is not None else None
        # the calibration file's stamp and points as last read (``_operating_points``)
        self._calibration: tuple[tuple[int, int, int] | None, dict[str, OperatingPoint]] = (None, {})
        self.device = _device(model, device)
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
        threads: int | None = None,
        line_rule: bool = True,
        paragraph_views: bool = True,
    ) -> PiiDetector:
        """Load a token classifier directory: a plain Hugging Face one, a pare-quantized one
        (``quant_config.json``), or an ONNX export (``model.onnx``), which runs on onnxruntime without torch.

        ``device=None`` picks CUDA when available. A quantized model loads with ``pare.load(dequantize=...)``:
        by default its Linear weights are expanded once (fast at every batch size) and its embeddings stay
        compressed; ``"none"`` keeps every weight compressed. ``threads``: CPU threads the model may use
        (onnxruntime's intra-op threads; for torch, this process's thread pool); ``None`` leaves the
        runtime's default. A missing or broken directory is a one-line ``PareError``.
        """
        found = check_model_dir(Path(model_dir), tokenizer=True, token_classifier=True)
        if found.onnx:
            model, tokenizer, taxonomy, device = _load_onnx(found, device, threads)
        else:
            if threads is not None:
                import torch

                torch.set_num_threads(threads)
            model, tokenizer, taxonomy, device = _load_torch(found, device, dequantize)
        return cls(
            model,
            tokenizer,
            taxonomy,
            device=device,
            max_length=max_length,
            halo=halo,
            model_dir=found.path,
            whole_words=whole_words,
            validate=validate,
            line_rule=line_rule,
            paragraph_views=paragraph_views,
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
        offsets = [[tuple(o) for o in row] for row in enc["offset_mapping"]]
        # the tokens the decoder sees, and the breaks before them: for the paragraph views and the decoder
        seen = [visible_breaks(text, row) for text, row in zip(texts, offsets, strict=True)]
        plans = [plan_windows(len(ids), self.window_size, self.halo) for ids in enc["input_ids"]]
        views = [
            plan_paragraph_views(texts[d], offsets[d], seen[d][0], seen[d][1][0], self.window_size)
            if self.paragraph_views
            else []
            for d in range(len(texts))
        ]
        # a document's windows are numbered first, its paragraph views after them
        windows = [plan + view for plan, view in zip(plans, views, strict=True)]
        jobs = [(d, k) for d, row in enumerate(windows) for k, w in enumerate(row) if w.end > w.start]
        # longest windows first: each batch pads little, and a too-large batch fails at once
        jobs.sort(key=lambda job: -(windows[job[0]][job[1]].end - windows[job[0]][job[1]].start))
        window_scores: dict[tuple[int, int], Any] = {}
        batches = [jobs[i : i + batch_size] for i in range(0, len(jobs), batch_size)]
        for batch in track(batches, "detecting", total=len(batches)):
            rows = [enc["input_ids"][d][windows[d][k].start : windows[d][k].end] for d, k in batch]
            window_scores.update(zip(batch, self.window_log_probs(rows), strict=True))
        out: list[DocumentScores] = []
        for d, text in enumerate(texts):
            plan: list[Window] = plans[d]
            if plan[-1].end == 0:
                scores = self._no_scores()
            else:
                scores = stitch([window_scores[(d, k)] for k in range(len(plan))], plan)
                alone = [window_scores[(d, len(plan) + k)] for k in range(len(views[d]))]
                scores = merge_views(scores, views[d], alone)
            if scores.shape[-1] != len(self.labels):
                raise PareError(
                    f"the model gives {scores.shape[-1]} labels but its config lists {len(self.labels)}"
                )
            (keep, breaks), row, ids, words = seen[d], offsets[d], list(enc["input_ids"][d]), enc.word_ids(d)
            if keep is not None:  # the model read them; the decoder never sees them
                row, ids, words = ([r[t] for t in keep] for r in (row, ids, words))
                scores = scores[keep]
            out.append(DocumentScores(text, ids, row, scores, words, known_breaks=breaks))
        return out

    def window_log_probs(self, rows: Sequence[Sequence[int]]) -> list[np.ndarray]:
        """Each window's (len(row), labels) float32 log-probabilities (numpy), from one forward pass over the
        windows (token ids without special tokens) framed by the special tokens and padded to one length."""
        ids, mask = pad_windows([self.prefix + list(r) + self.suffix for r in rows], self.pad_id)
        first = len(self.prefix)
        run = getattr(self.model, "window_log_probs", None)
        if run is not None:
            log_probs = run(ids, mask)
            return [log_probs[i, first : first + len(r)].copy() for i, r in enumerate(rows)]
        import torch

        with torch.inference_mode():
            inputs = {"input_ids": torch.from_numpy(ids), "attention_mask": torch.from_numpy(mask)}
            logits = self.model(**{k: v.to(self.device) for k, v in inputs.items()}).logits
            log_probs = torch.log_softmax(logits.float(), dim=-1).cpu().numpy()
        # numpy copies, not torch tensors: thousands of small tensors kept alive between forward passes
        # fragment torch's CPU heap, and a chunk of short documents then held 40 times its data in RSS
        return [log_probs[i, first : first + len(r)].copy() for i, r in enumerate(rows)]

    def _no_scores(self) -> np.ndarray:
        """The scores of a text without tokens."""
        return np.zeros((0, len(self.labels)), dtype=np.float32)

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
        return pick_operating_point(self._operating_points(self.model_dir), operating_point, self.model_dir)

    def _operating_points(self, model_dir: Path) -> dict[str, OperatingPoint] | None:
        """The model directory's calibration file, parsed (``None``: no file), read again only when it changed.

        Keyed by the file's mtime, size and inode rather than read once per detector: a long-lived detector
        (a server, the Presidio recognizer, a Ray worker) still sees a ``pare calibrate`` run in between, and
        a ``stat`` per ``decode`` call costs little next to parsing the JSON again.
        """
        stamp = calibration_stamp(model_dir)
        if stamp is None:
            return None
        if self._calibration[0] != stamp:
            self._calibration = (stamp, load_operating_points(model_dir / CALIBRATION_FILE))
        return self._calibration[1]

    def constraints(
        self, documents: Sequence[DocumentScores]
    ) -> tuple[list[list[int | None]] | None, list[list[bool]], list[list[bool]] | None]:
        """The constrained decoder's per-token inputs besides the scores, one row per document: word ids
        (``None`` unless ``whole_words``), paragraph breaks, and line breaks (``None`` without
        ``line_rule``)."""
        words = [doc.word_ids for doc in documents] if self.whole_words else None
        lines = [doc.lines for doc in documents] if self.line_rule else None
        return words, [doc.breaks for doc in documents], lines

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
        lengths = [len(doc.offsets) for doc in documents]
        for group in decode_groups(lengths, batch_size):
            width = max(lengths[d] for d in group)
            scores = np.zeros((len(group), width, len(self.labels)), dtype=np.float32)
            mask = np.zeros((len(group), width), dtype=bool)
            for i, d in enumerate(group):
                n = len(documents[d].offsets)
                scores[i, :n] = np.asarray(documents[d].log_probs)
                mask[i, :n] = True
            words, breaks, lines = self.constraints([documents[d] for d in group])
            spans = decode_spans(
                scores, self.taxonomy, mask, biases, method=method, word_ids=words, breaks=breaks, lines=lines
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

    def detect_stream(
        self,
        texts: Iterable[str],
        operating_point: OperatingPoint | Mapping[str, float] | str | None = None,
        method: Literal["viterbi", "argmax"] = "viterbi",
        batch_size: int = 16,
        chunk_chars: int | None = None,
    ) -> Iterator[list[DetectedSpan]]:
        """``detect`` for a stream of texts: each text's spans, in input order, scored and decoded a chunk of
        about ``chunk_chars`` characters at a time (``pare.pii.stream``), so memory stays bounded."""
        from pare.pii.stream import DEFAULT_CHUNK_CHARS, detect_stream

        chunk = DEFAULT_CHUNK_CHARS if chunk_chars is None else chunk_chars
        return detect_stream(self, texts, operating_point, method, batch_size, chunk)
