"""The one exception type that means "the user gave us something wrong"."""


class PareError(Exception):
    """A user-facing error. The CLI prints ``str(err)`` as one line on stderr and exits with 2.

    Messages name the file, line or field at fault, for example ``data.jsonl:12: span 3 ends past the text``.
    """
