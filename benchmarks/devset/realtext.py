"""Real human-written English sentences found on this machine, to build development documents around.

Sources: CPython's ``pydoc_data.topics`` (the language reference as plain text, part of the interpreter)
and a fixed list of man pages (Debian's manpages, git-man, bash, coreutils ...), read with
``shared/assets/offline_text.py``. Only a fixed list is read so that the sentence pool does not change when
someone installs another package; a page that is missing is skipped and shows up as a ``--check`` failure.

The filters keep plain prose: one sentence, 6 to 40 words, no code, no markup, no URL or e-mail, and no
capitalized word that is not an ordinary English word (man pages name their authors: a real name left in a
sentence would be unlabelled PII in an evaluation set).
"""

from __future__ import annotations

import collections
import gzip
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "assets"
MAN_ROOT = Path("/usr/share/man")
MAN_PAGES: tuple[str, ...] = (
    "man1/bash.1", "man1/ls.1", "man1/grep.1", "man1/tar.1", "man1/ssh.1", "man1/git.1", "man1/find.1",
    "man1/less.1", "man1/sort.1", "man1/gzip.1", "man1/make.1", "man1/curl.1", "man1/man.1", "man1/vim.1",
    "man5/passwd.5", "man5/ssh_config.5", "man7/signal.7", "man7/hier.7", "man7/glob.7", "man7/regex.7",
    "man7/environ.7", "man7/locale.7", "man7/time.7", "man7/man-pages.7", "man7/gitworkflows.7",
    "man7/giteveryday.7", "man7/credentials.7", "man7/capabilities.7", "man7/pipe.7", "man7/unix.7",
    "man7/tcp.7", "man7/socket.7", "man7/charsets.7", "man7/unicode.7", "man7/boot.7", "man7/pthreads.7",
    "man7/inotify.7", "man7/cgroups.7", "man7/namespaces.7", "man7/standards.7", "man7/path_resolution.7",
    "man7/symlink.7", "man7/keyrings.7", "man7/random.7", "man7/uri.7", "man8/apt-get.8",
)  # fmt: skip

# Sentences that talk about people, credits or contact details: likely to hold a real name or address.
_PEOPLE_WORDS = re.compile(
    r"\b(written|author|authors|copyright|maintain\w*|thank\w*|contribut\w*|report|reported|bugs?|"
    r"mail|e-mail|email|send|sent|patch|patches|credit\w*|courtesy|inc|ltd|university|foundation)\b",
    re.IGNORECASE,
)
_BAD_CHARS = re.compile(r"[*`|\\<>{}\[\]=_~#$%^&@/]|::|--|\.\.\.|https?:|www\.|\d{3,}")
_SPLIT = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])")
# a finite verb or modal: what most full declarative sentences have and option blurbs lack
_FINITE = re.compile(r"\b(is|are|was|were|be|can|cannot|will|would|may|might|must|should|does|do|has|have)\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# ordinary words that are also capitalized nouns in this prose; never person names
_ALLOWED_CAPS = frozenset(
    {"Python", "Unix", "Linux", "Unicode", "English", "Boolean", "Git", "Bash", "POSIX"}
)


@dataclass(frozen=True)
class Sentence:
    text: str
    source: str  # "pydoc:<topic>" or "man:<page>"


def offline_text() -> ModuleType:
    """The shared reader of offline text, imported from its path (it is not part of this repository)."""
    spec = importlib.util.spec_from_file_location("offline_text", SHARED / "offline_text.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(SHARED / "offline_text.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def raw_paragraphs() -> list[tuple[str, str]]:
    """``(source, paragraph)`` pairs from pydoc topics (sorted by topic) and the listed man pages."""
    import pydoc_data.topics as topics

    out: list[tuple[str, str]] = []
    for name in sorted(topics.topics):
        # pydoc paragraphs are separated by blank lines; indented blocks are code or grammar
        for para in topics.topics[name].split("\n\n"):
            # indented lines are code, grammar or a definition list ("Tuples\n   The items of ...")
            if not para.startswith((" ", "*", "-")) and "\n " not in para:
                out.append((f"pydoc:{name}", para))
    reader = offline_text()
    for page in MAN_PAGES:
        path = MAN_ROOT / f"{page}.gz"
        if path.is_file():
            with gzip.open(path) as fh:
                text = reader.troff_to_text(fh.read().decode("utf-8", "replace"))
            out.extend((f"man:{page}", para) for para in text.split("\n"))
    return out


def vocabulary(paragraphs: list[tuple[str, str]]) -> collections.Counter[str]:
    """How often each all-lowercase word appears: a capitalized word is ordinary if its lowercase is common."""
    counts: collections.Counter[str] = collections.Counter()
    for _, para in paragraphs:
        counts.update(w for w in para.split() if w.isalpha() and w.islower())
    return counts


def is_plain_prose(sentence: str, vocab: collections.Counter[str]) -> bool:
    """Whether a sentence is clean English prose with no proper name we cannot vouch for."""
    words = sentence.split()
    if not 6 <= len(words) <= 40 or not sentence.endswith(".") or not sentence[0].isupper():
        return False
    if _BAD_CHARS.search(sentence) or _PEOPLE_WORDS.search(sentence):
        return False
    if sentence.count("(") != sentence.count(")") or sentence.count('"') % 2:
        return False
    if sum(w.isalpha() and w.islower() for w in words) < 0.6 * len(words):
        return False  # option lists, tables, identifiers
    if not _FINITE.search(sentence):
        return False  # fragments and imperative option descriptions ("Display a list of ... and exit.")
    for k, word in enumerate(_WORD.findall(sentence)):
        capitalized = (
            word[0].isupper() and word not in _ALLOWED_CAPS and not (word.isupper() and len(word) > 1)
        )
        if capitalized and vocab[word.lower()] < (3 if k == 0 else 10):
            return False
    return True


def load_sentences() -> list[Sentence]:
    """Every usable sentence, in a fixed order (the same on every run with the same files)."""
    paragraphs = raw_paragraphs()
    vocab = vocabulary(paragraphs)
    seen: set[str] = set()
    out: list[Sentence] = []
    for source, para in paragraphs:
        flat = " ".join(para.split())
        for sentence in _SPLIT.split(flat):
            if sentence not in seen and is_plain_prose(sentence, vocab):
                seen.add(sentence)
                out.append(Sentence(sentence, source))
    return out
