"""``pare compress``: one command from data and teacher to a small, fast, evaluated model."""

from pare.compress.recipe import Recipe, Stage, default_recipe, load_recipe, parse_recipe
from pare.compress.run import StageRow, compress

__all__ = ["Recipe", "Stage", "StageRow", "compress", "default_recipe", "load_recipe", "parse_recipe"]
