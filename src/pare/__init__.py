"""pare: make transformer models small and fast, and filter PII with them."""

__version__ = "0.1.0"


def __getattr__(name: str):
    """Lazy exports (``import pare`` stays free of torch): ``pare.load``, ``pare.export_dequantized``."""
    if name in ("load", "export_dequantized"):
        from pare import loader

        return getattr(loader, name)
    raise AttributeError(f"module 'pare' has no attribute {name!r}")
