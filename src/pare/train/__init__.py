"""Training: one Accelerate loop (``loop``), document features (``features``), teacher fine-tuning (``finetune``)."""

from pare.train.finetune import FinetuneConfig, FinetuneResult, finetune

__all__ = ["FinetuneConfig", "FinetuneResult", "finetune"]
