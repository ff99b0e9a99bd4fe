"""ONNX: export a token classifier (``pare.onnx.export``, needs torch and the ``onnx`` extra) and run it on
onnxruntime with the ``tokenizers`` tokenizer (``pare.onnx.runtime``, ``pare.onnx.tokenizer``), without torch
or transformers. This package imports nothing itself, so the runtime stays free of the exporter's imports."""
