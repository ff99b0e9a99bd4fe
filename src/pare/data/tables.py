"""The files ``pare redact`` reads and writes, row by row: ``.txt`` (one document), ``.jsonl`` (one record a line,
``field`` names the text, dotted names reach nested objects), ``.csv``/``.tsv`` (a header row; ``columns`` name
the texts) and ``.parquet`` (string ``columns``), and directories of such files.

A reader yields ``Row`` objects in file order and never holds more than one row (one Parquet batch); a bad
record (invalid UTF-8 or JSON, a missing field or column, a non-string value) comes back as a ``Row`` whose
``error`` is one line naming the file, the line or row and the field, so the caller decides to stop, skip or
keep it. A writer takes rows with their new texts and writes the same kind of file: the other fields and
columns keep their values (CSV cells, even undecodable bytes, are written back as read; JSON values
re-serialized).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from pare.data.jsonl import _json_type, load_json_line
from pare.errors import PareError
from pare.io import read_utf8

KINDS: dict[str, str] = {
    ".txt": "txt",
    ".jsonl": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".parquet": "parquet",
}
TABLE_KINDS = frozenset({"csv", "tsv", "parquet"})
PARQUET_BATCH = 1024  # rows a Parquet reader decodes at a time
Format = Literal["text", "json"]


def file_kind(path: str | Path) -> str | None:
    """The kind of file ``path`` names by its suffix (``KINDS``), or ``None``."""
    return KINDS.get(Path(path).suffix.lower())


@dataclass(frozen=True)
class Selection:
    """Which texts of a record to redact: JSONL ``field`` (dotted: nested), table ``columns``."""

    field: str = "text"
    columns: tuple[str, ...] = ("text",)


@dataclass
class Row:
    """One record: ``texts`` of ``fields`` (``None``: a null cell, nothing to redact), ``raw`` for the writer.

    ``index`` counts the file's records from 0 (blank JSONL lines and the CSV header are not records);
    ``where`` is ``FILE:LINE`` or ``FILE: row N``; ``done`` the fraction of the file read so far.
    """

    index: int
    where: str
    fields: tuple[str, ...]
    texts: list[str | None]
    raw: object
    done: float
    error: str | None = None
    error_field: str | None = None

    @property
    def chars(self) -> int:
        return sum(len(t) for t in self.texts if t is not None)


class _Lines:
    """Binary lines of a file with their line numbers and the fraction of bytes read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.size = max(path.stat().st_size, 1)
            self.fh = path.open("rb")
        except FileNotFoundError:
            raise PareError(f"{path}: no such file") from None
        except OSError as err:
            raise PareError(f"{path}: cannot read ({err.strerror})") from None
        self.lineno = 0
        self.read = 0

    def __iter__(self) -> Iterator[bytes]:
        with self.fh:
            for raw in self.fh:
                self.lineno += 1
                self.read += len(raw)
                yield raw

    @property
    def done(self) -> float:
        return self.read / self.size


# --- readers ---


def _dotted(record: dict, field: str) -> tuple[object, str | None]:
    """``record``'s value at the dotted ``field`` and ``None``, or ``None`` and why it has none."""
    value: object = record
    for part in field.split("."):
        if not isinstance(value, dict) or part not in value:
            return None, "it is missing"
        value = value[part]
    if not isinstance(value, str):
        return None, f"it is {_json_type(value)}"
    return value, None


def _set_dotted(record: dict, field: str, value: str) -> None:
    *parents, last = field.split(".")
    for part in parents:
        record = record[part]
    record[last] = value


class JsonlReader:
    """The records of a JSONL file (blank lines skipped); ``raw`` is (record or ``None``, the line's bytes)."""

    def __init__(self, path: Path, selection: Selection) -> None:
        self.path, self.field = path, selection.field
        self.lines = _Lines(path)

    def rows(self) -> Iterator[Row]:
        index = 0
        for raw in self.lines:
            where = f"{self.path}:{self.lines.lineno}"
            row = Row(index, where, (self.field,), [], (None, raw), self.lines.done)
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                line, row.error = "?", f"{where}: not valid UTF-8"
            if not line.strip():
                continue
            index += 1
            if row.error is None:
                row.error = self._parse(row, line, where)
            row.error_field = self.field if row.error is not None else None
            yield row

    def _parse(self, row: Row, line: str, where: str) -> str | None:
        """Fill ``row`` from ``line``; the error, if any."""
        try:
            record = load_json_line(line, where)
        except PareError as err:
            return str(err)
        why = f"got {_json_type(record)}" if not isinstance(record, dict) else None
        text, why = _dotted(record, self.field) if why is None else (None, why)
        if why is not None:
            return f"{where}: expected a JSON object with a string field '{self.field}' ({why})"
        row.texts, row.raw = [text], (record, row.raw[1])  # type: ignore[index]
        return None


class TextReader:
    """A whole UTF-8 file as one row, one document."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def rows(self) -> Iterator[Row]:
        yield Row(0, str(self.path), ("text",), [read_utf8(self.path)], None, 1.0)


class CsvReader:
    """A CSV or TSV file with a header row; cells decode with ``surrogateescape`` so undecodable bytes of the
    columns that are not redacted are written back unchanged, while a redacted one is a bad record."""

    def __init__(self, path: Path, kind: str, selection: Selection) -> None:
        self.path, self.columns = path, selection.columns
        self.lines = _Lines(path)
        self.terminator = "\n"
        self.delimiter = "\t" if kind == "tsv" else ","
        self.reader = csv.reader(self._decoded(), delimiter=self.delimiter)
        self.header = next(self.reader, None)
        if self.header is None:
            raise PareError(f"{path}: empty file, expected a header row")
        missing = [c for c in self.columns if c not in self.header]
        if missing:
            raise PareError(f"{path}: no column '{missing[0]}' (its columns: {', '.join(self.header)})")
        self.positions = [self.header.index(c) for c in self.columns]

    def _decoded(self) -> Iterator[str]:
        for raw in self.lines:
            if self.lines.lineno == 1 and raw.endswith(b"\r\n"):
                self.terminator = "\r\n"  # written back as the input has it
            yield raw.decode("utf-8", "surrogateescape")

    def rows(self) -> Iterator[Row]:
        index = 0
        first = self.reader.line_num + 1
        for cells in self.reader:
            where = f"{self.path}:{first}"
            first = self.reader.line_num + 1
            if not cells:
                continue
            row = Row(index, where, self.columns, [], cells, self.lines.done)
            index += 1
            for column, pos in zip(self.columns, self.positions, strict=True):
                if pos >= len(cells):
                    row.error = f"{where}: row {row.index} has no column '{column}'"
                elif not _decodes(cells[pos]):
                    row.error = f"{where}: column '{column}' is not valid UTF-8"
                if row.error is not None:
                    row.error_field = column
                    break
            else:
                row.texts = [cells[pos] for pos in self.positions]
            yield row


def _decodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class ParquetReader:
    """A Parquet file read a batch of ``PARQUET_BATCH`` rows at a time; the selected columns must hold strings
    (a null cell stays null)."""

    def __init__(self, path: Path, selection: Selection) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.path, self.columns = path, selection.columns
        try:
            self.file = pq.ParquetFile(path)
        except FileNotFoundError:
            raise PareError(f"{path}: no such file") from None
        except (OSError, pa.ArrowException) as err:
            raise PareError(f"{path}: not a readable Parquet file ({type(err).__name__})") from None
        self.schema = self.file.schema_arrow
        for column in self.columns:
            if column not in self.schema.names:
                names = ", ".join(self.schema.names)
                raise PareError(f"{path}: no column '{column}' (its columns: {names})")
            kind = self.schema.field(column).type
            if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
                raise PareError(f"{path}: column '{column}' holds {kind}, not text")

    def rows(self) -> Iterator[Row]:
        total = max(self.file.metadata.num_rows, 1)
        index = 0
        for batch in self.file.iter_batches(batch_size=PARQUET_BATCH):
            columns = [batch.column(c).to_pylist() for c in self.columns]
            for i in range(batch.num_rows):
                texts = [values[i] for values in columns]
                where = f"{self.path}: row {index}"
                yield Row(index, where, self.columns, texts, (batch, i), (index + 1) / total)
                index += 1


Reader = JsonlReader | TextReader | CsvReader | ParquetReader


def open_reader(path: str | Path, kind: str, selection: Selection) -> Reader:
    """A reader of one file of ``kind`` (module docstring); ``.rows()`` yields its rows."""
    path = Path(path)
    if kind == "jsonl":
        return JsonlReader(path, selection)
    if kind in ("csv", "tsv"):
        return CsvReader(path, kind, selection)
    if kind == "parquet":
        return ParquetReader(path, selection)
    return TextReader(path)


# --- writers ---

Written = tuple[Row, Sequence[str | None] | None, dict | None]
"""A row to write: its new texts (``None``: write the row as read), and its JSON records (``--format json``)."""


class JsonlWriter:
    """JSONL out: the record with its field replaced (its other fields as they were), or the JSON record."""

    def __init__(self, fh: BinaryIO, field: str, fmt: Format) -> None:
        self.fh, self.field, self.fmt = fh, field, fmt

    def write(self, rows: Sequence[Written]) -> None:
        out = []
        for row, texts, record in rows:
            if texts is None:
                raw = row.raw[1]  # type: ignore[index]
                out.append(raw if raw.endswith(b"\n") else raw + b"\n")
                continue
            if self.fmt == "json":
                value = record
            else:
                value = row.raw[0]  # type: ignore[index]
                _set_dotted(value, self.field, texts[0])  # type: ignore[arg-type]
            out.append((json.dumps(value, ensure_ascii=False) + "\n").encode("utf-8"))
        self.fh.write(b"".join(out))

    def close(self) -> None:
        self.fh.flush()


class TextWriter:
    """A ``.txt`` file out: the redacted text, or its JSON record on one line."""

    def __init__(self, fh: BinaryIO, fmt: Format) -> None:
        self.fh, self.fmt = fh, fmt

    def write(self, rows: Sequence[Written]) -> None:
        for row, texts, record in rows:
            text = row.texts[0] if texts is None else texts[0]
            body = json.dumps(record, ensure_ascii=False) + "\n" if self.fmt == "json" and texts else text
            self.fh.write((body or "").encode("utf-8"))

    def close(self) -> None:
        self.fh.flush()


class CsvWriter:
    """CSV or TSV out, the header first, with the reader's delimiter and line ending."""

    def __init__(self, fh: BinaryIO, reader: CsvReader) -> None:
        self.stream = io.TextIOWrapper(fh, encoding="utf-8", errors="surrogateescape", newline="")
        self.writer = csv.writer(self.stream, delimiter=reader.delimiter, lineterminator=reader.terminator)
        self.positions = reader.positions
        self.writer.writerow(reader.header)

    def write(self, rows: Sequence[Written]) -> None:
        for row, texts, _ in rows:
            cells = list(row.raw)  # type: ignore[call-overload]
            for pos, text in zip(self.positions, texts or (), strict=False):
                cells[pos] = text
            self.writer.writerow(cells)

    def close(self) -> None:
        self.stream.flush()
        self.stream.detach()


class ParquetWriter:
    """Parquet out with the input's schema, one row group per call of ``write``."""

    def __init__(self, fh: BinaryIO, reader: ParquetReader) -> None:
        import pyarrow.parquet as pq

        self.schema = reader.schema
        self.columns = reader.columns
        self.writer = pq.ParquetWriter(fh, self.schema)

    def write(self, rows: Sequence[Written]) -> None:
        import pyarrow as pa

        if not rows:
            return
        parts = [row.raw[0].slice(row.raw[1], 1) for row, _, _ in rows]  # type: ignore[index]
        table = pa.Table.from_batches(parts, schema=self.schema)
        for k, column in enumerate(self.columns):
            values = [row.texts[k] if texts is None else texts[k] for row, texts, _ in rows]
            pos = self.schema.get_field_index(column)
            table = table.set_column(
                pos, self.schema.field(pos), pa.array(values, self.schema.field(pos).type)
            )
        self.writer.write_table(table)

    def close(self) -> None:
        self.writer.close()


TableWriter = JsonlWriter | TextWriter | CsvWriter | ParquetWriter


def open_writer(fh: BinaryIO, reader: Reader, fmt: Format) -> TableWriter:
    """The writer of a file of the kind ``reader`` reads."""
    if isinstance(reader, JsonlReader):
        return JsonlWriter(fh, reader.field, fmt)
    if isinstance(reader, CsvReader):
        return CsvWriter(fh, reader)
    if isinstance(reader, ParquetReader):
        return ParquetWriter(fh, reader)
    return TextWriter(fh, fmt)


def list_files(root: Path) -> tuple[list[Path], list[Path]]:
    """The files under ``root`` that pare redacts (sorted, relative to ``root``), and the others (skipped)."""
    found, others = [], []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(root).parts):
            (found if file_kind(path) is not None else others).append(path.relative_to(root))
    return found, others
