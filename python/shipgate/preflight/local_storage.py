"""Object-storage blocks a local storage choice leaves unused: ``uploadType: local`` beside ``oss:`` and ``minio:``.

A product that can keep uploads on its own disk or in an object store names the store it uses in one setting and
writes a block of settings for each store it supports beside it (JeecgBoot's ``jeecg:`` holds ``uploadType: local``,
then ``oss:`` with ``endpoint: oss-cn-beijing.aliyuncs.com`` and ``minio:`` with ``minio_url: http://minio…``). When
the setting, named for an upload or storage type (``uploadType``, ``storage_type``, ``file-store-type``), chooses a
local store (``local``, ``filesystem``, ``disk``, ``file``), the object-storage blocks among its siblings in the same
YAML block (named ``oss``, ``minio``, ``s3``, ``cos``, ``obs``, ``qiniu``, ``gcs``, ``azure``, ``alioss``…) are not in
effect: no upload goes there, so their hosts are not contacted (holdout121; holdout114's rule for a feature not
selected). Siblings are looked for within :data:`_WINDOW` lines of the choice; a store named by the choice itself
(``uploadType: minio``) stays read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from shipgate.preflight.block_siblings import indentation

_WINDOW = 120
_LOCAL_CHOICE = re.compile(
    r"""(?i)^\s*["']?(?:upload|storage|store|file|files|attachment|object)[_-]?(?:store[_-]?)?type["']?\s*:\s*"""
    r"""["']?(?:local|filesystem|file|disk|localfs)["']?\s*(?:#.*)?$"""
)
_STORE_BLOCK = re.compile(
    r"""(?i)^\s*["']?(?:oss|alioss|aliyun[_-]?oss|minio|s3|aws[_-]?s3|cos|obs|qiniu|gcs|azure(?:[_-]?blob)?)["']?"""
    r"""\s*:\s*(?:#.*)?$"""
)


def _content(text: str) -> bool:
    return bool(text.strip()) and not text.lstrip().startswith("#")


def _block_end(lines: Sequence[tuple[int, str]], start: int, column: int) -> int:
    """The index past the last line of the block opened at ``start`` (its deeper lines, comments within), at most
    :data:`_WINDOW` lines on."""
    end = start + 1
    limit = min(len(lines), start + 1 + _WINDOW)
    while end < limit and (not _content(lines[end][1]) or indentation(lines[end][1]) > column):
        end += 1
    return end


def unused_store_lines(lines: Sequence[tuple[int, str]]) -> set[int]:
    """The line numbers of object-storage blocks beside a local storage choice."""
    unused: set[int] = set()
    for i, (_, text) in enumerate(lines):
        if not _LOCAL_CHOICE.match(text):
            continue
        column = indentation(text)
        for step in (-1, 1):  # upward, then downward, to the block's edge
            j = i + step
            while 0 <= j < len(lines) and abs(j - i) <= _WINDOW:
                other = lines[j][1]
                if _content(other) and indentation(other) < column:
                    break
                if _content(other) and indentation(other) == column and _STORE_BLOCK.match(other):
                    unused.update(n for n, _ in lines[j : _block_end(lines, j, column)])
                j += step
    return unused
