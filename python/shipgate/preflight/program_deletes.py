"""A program's delete written as the shell's ``rm``, for the program readers (``python_script``, ``js_file_acts``,
``ruby_file_acts``; docs/preflight.md, "Program source"): ``shutil.rmtree(P)``, ``fs.rmSync(P, { recursive: true })``,
``FileUtils.rm_rf(P)`` are ``rm -rf -- P``, so the shell's delete checks (``destructive_delete`` of a data path,
``rm_rf_variable``) judge them as they judge a script's ``rm``.

A path that is one program value (``rmtree(install_dir)``) is written guarded (``"${install_dir:?}"``): the
languages raise on an empty or missing path (or delete nothing), it never becomes ``rm -rf /`` or the working
directory as an unset shell variable does."""

from __future__ import annotations

import re

_WHOLE_VALUE = re.compile(r'"\$\{(\w+)\}"|\$\{(\w+)\}')


def removal(path: str, *, recursive: bool = True) -> str:
    """``rm -rf -- PATH`` (``rm -f`` for one file) of ``path``, a shell word the reader spelt."""
    whole = _WHOLE_VALUE.fullmatch(path)
    word = f'"${{{whole.group(1) or whole.group(2)}:?}}"' if whole else path
    return f"rm -{'rf' if recursive else 'f'} -- {word}"
