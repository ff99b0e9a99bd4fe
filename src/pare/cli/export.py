"""``pare export``: a plain Hugging Face directory or an ONNX one."""

from __future__ import annotations

from typing import Literal

import typer

from pare.cli.common import OutputDirOption, OverwriteOption, quiet_transformers
from pare.errors import PareError
from pare.onnx.config import OnnxExportConfig

# option defaults come from the library's config dataclasses, so the CLI and the library cannot disagree
ONNX_EXPORT = OnnxExportConfig()


def export_command(
    model: str = typer.Argument(..., help="Model directory (quantized or not)."),
    output: OutputDirOption = ...,
    fmt: Literal["hf", "onnx"] = typer.Option(
        "hf",
        "--format",
        help="hf: a plain Hugging Face directory; onnx: model.onnx with tokenizer, config and calibration, "
        "for onnxruntime without torch (checked against torch before it is written).",
    ),
    int8: bool = typer.Option(
        False, "--int8", help="ONNX: quantize the MatMul weights to int8 (onnxruntime dynamic quantization)."
    ),
    int8_embeddings: bool = typer.Option(
        False,
        "--int8-embeddings",
        help="ONNX: also store the embedding tables in int8 (implies --int8; about a quarter of the file).",
    ),
    opset: int = typer.Option(ONNX_EXPORT.opset, "--opset", help="ONNX: the opset (17 or later)."),
    overwrite: OverwriteOption = False,
) -> None:
    """Write a plain Hugging Face directory (dequantizing quantized weights), or an ONNX one."""
    if fmt == "hf":
        from pare.loader import export_dequantized

        if int8 or int8_embeddings:
            raise PareError("--int8 and --int8-embeddings apply to --format onnx")
        export_dequantized(model, output, overwrite=overwrite)
        print(f"wrote {output}")
        return
    from pare.onnx.export import export_onnx

    quiet_transformers()
    config = OnnxExportConfig(opset=opset, int8=int8, int8_embeddings=int8_embeddings)
    result = export_onnx(model, output, config, overwrite=overwrite)
    check = f"max logit difference {result.max_logit_diff:.2g}"
    if result.int8_max_prob_diff is not None:
        check += (
            f"; int8: probability difference {result.int8_p99_prob_diff:.3f} at the 99th percentile "
            f"({result.int8_max_prob_diff:.3f} at most), "
            f"same top label on {result.int8_agreement:.1%} of tokens"
        )
    size = f"{result.file_bytes / 2**20:.1f} MiB"
    kind = ", int8 with embeddings" if int8_embeddings else ", int8" if int8 else ""
    print(f"wrote {output} (model.onnx {size}, opset {opset}{kind}; vs torch: {check})")
