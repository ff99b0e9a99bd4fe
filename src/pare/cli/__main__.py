"""``python -m pare.cli`` (as in ``accelerate launch -m pare.cli distill ...``) runs the ``pare`` command."""

from pare.cli import main

main()
