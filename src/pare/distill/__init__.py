"""Knowledge distillation (Hinton et al. 2015) into students of fewer blocks, for any ``transformers`` model.

``truncate`` cuts a student from a teacher (the teacher's class, kept blocks, same embeddings and head);
``distill`` trains it on the teacher's temperature-softened outputs, gold labels when there are any and
hidden states, with teacher outputs cached on disk (``teacher_targets``). The losses, block selection and data
reading are in their modules (``losses``, ``student``, ``data``).
"""

from pare.distill.cache import TeacherTargets, teacher_targets
from pare.distill.core import DistillConfig, DistillResult, distill
from pare.distill.student import truncate

__all__ = ["DistillConfig", "DistillResult", "TeacherTargets", "distill", "teacher_targets", "truncate"]
