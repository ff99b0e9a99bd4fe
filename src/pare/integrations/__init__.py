"""Bridges from pare to other privacy tools; each needs its own extra (``pip install 'pare[presidio]'``)."""
