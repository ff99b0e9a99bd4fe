"""Knowledge distillation (Hinton et al. 2015) into students of fewer blocks, for any ``transformers`` model.

``truncate`` cuts a student from a teacher (the teacher's class, kept blocks, same embeddings and head);
``distill`` trains it on the teacher's temperature-softened outputs, gold labels when there are any and
hidden states, with teacher outputs cached on disk.
"""

from pare.distill.cache import TeacherTargets, teacher_targets
from pare.distill.core import DistillConfig, DistillResult, distill, hidden_map, load_model, model_task
from pare.distill.data import DistillData, read_distill_data
from pare.distill.losses import ce_loss, hidden_loss, kd_loss
from pare.distill.student import find_block_stack, parse_layers, select_layers, student_config, truncate

__all__ = [
    "DistillConfig",
    "DistillData",
    "DistillResult",
    "TeacherTargets",
    "ce_loss",
    "distill",
    "find_block_stack",
    "hidden_loss",
    "hidden_map",
    "kd_loss",
    "load_model",
    "model_task",
    "parse_layers",
    "read_distill_data",
    "select_layers",
    "student_config",
    "teacher_targets",
    "truncate",
]
