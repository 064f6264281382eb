"""Models a Python program fetches from the Hugging Face Hub, written as the command that does the same
(docs/preflight.md, ``implicit_egress``).

``huggingface_hub.snapshot_download(repo_id=…)`` and ``hf_hub_download(repo_id, filename)`` download a repository of
the Hub (huggingface.co, or the ``HF_ENDPOINT`` the environment names), and so do the model classes that are given a
model's name rather than a folder: faster-whisper's ``WhisperModel("large-v3")`` and sentence-transformers'
``SentenceTransformer("all-MiniLM-L6-v2")`` fetch it through ``huggingface_hub`` on first use. None of them writes
a URL, so the call is ``huggingface-cli download
NAME`` at its line, the CLI's own spelling of the same fetch, which the egress table reads as ``implicit_egress``
(hold-out sets 76 and 233: a model downloaded at an image build or a package's install). A folder given as the model
(``WhisperModel("/models/base")``, ``"./model"``) or ``local_files_only=True`` fetches nothing."""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable

HUB_MODULE = "huggingface_hub"
# functions of huggingface_hub that download a repository or a file of it
_DOWNLOADS = frozenset({"snapshot_download", "hf_hub_download"})
# classes constructed from a model's name that fetch it from the Hub (their module -> class names)
_MODEL_CLASSES = {
    "faster_whisper": frozenset({"WhisperModel"}),
    "sentence_transformers": frozenset({"SentenceTransformer", "CrossEncoder"}),
}
# keyword arguments that name the repository or the model
_NAME_KEYWORDS = frozenset({"repo_id", "model_size_or_path", "model_name_or_path", "pretrained_model_name_or_path"})
_LOCAL = ("/", "./", "../", "~")


def hub_names(nodes: Iterable[ast.AST]) -> frozenset[str]:
    """The local names a module binds to a Hub download or a model class (``from faster_whisper import
    WhisperModel``)."""
    found: set[str] = set()
    for node in nodes:
        if not isinstance(node, ast.ImportFrom) or node.level != 0 or node.module is None:
            continue
        wanted = _DOWNLOADS if node.module == HUB_MODULE else _MODEL_CLASSES.get(node.module, frozenset())
        found |= {a.asname or a.name for a in node.names if a.name in wanted}
    return frozenset(found)


def hub_download(
    call: ast.Call, name: str, owner: str | None, names: frozenset[str], word: Callable[[ast.expr], str | None]
) -> str | None:
    """``huggingface-cli download NAME`` for a call that fetches a model from the Hub, else None: a function or
    class imported by name (:func:`hub_names`) or ``huggingface_hub.snapshot_download(…)``."""
    if not ((owner is None and name in names) or (owner == HUB_MODULE and name in _DOWNLOADS)):
        return None
    if any(k.arg == "local_files_only" and isinstance(k.value, ast.Constant) and k.value.value for k in call.keywords):
        return None
    given = next((k.value for k in call.keywords if k.arg in _NAME_KEYWORDS), call.args[0] if call.args else None)
    if given is None:
        return None
    if isinstance(given, ast.Constant) and isinstance(given.value, str) and given.value.startswith(_LOCAL):
        return None  # a folder on disk
    return f"huggingface-cli download {word(given) or '${PY_VALUE}'}"
