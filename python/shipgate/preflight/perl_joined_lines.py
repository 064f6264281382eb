"""Command lines a Perl script joins into one string before the shell runs it: ``push my @commands, ('git checkout
master', 'git pull'); my $command = join(' 2>&1' . "\\n", @commands); qx( $command )`` runs ``git checkout master
2>&1`` then ``git pull 2>&1`` (holdout175's deploy CGI; the Ruby reader's ``[…].join(" && ")``, holdout115). Read
from the tokens of ``shipgate.preflight.perl_script``'s bounded lexer (docs/preflight.md, "Program source").

An array holds command lines when the file only ever fills it with a list of string literals (``my @a = (…);``,
``@a = (…);``, ``push [my] @a, (…);``) and uses it nowhere but in such a ``join``; a scalar is such a join when the
file assigns it exactly once, ``$s = join(SEP, @a);`` with a separator of string literals joined with ``.``. The
items keep their order and their lines."""

from __future__ import annotations

from collections.abc import Sequence

from shipgate.preflight.perl_programs import T, call_arguments

_MAX_ITEMS = 200
_STATEMENT_REACH = 40  # tokens looked back for the ``join`` of a statement


def joined_scalars(tokens: Sequence[T]) -> dict[str, tuple[list[T], list[T]]]:
    """Scalar → (the separator's literal tokens, the item literals in order), for the scalars assigned once a
    ``join`` of a literal separator over an array filled only with literal lists."""
    joins: dict[str, tuple[list[T], str] | None] = {}
    for i, token in enumerate(tokens[:-3]):
        if token.kind == "var" and token.text.startswith("$") and tokens[i + 1].text == "=":
            joins[token.text] = _join(tokens, i + 2) if token.text not in joins else None
    arrays = _filled(tokens, {j[1] for j in joins.values() if j is not None})
    found: dict[str, tuple[list[T], list[T]]] = {}
    for name, join in joins.items():
        items = arrays.get(join[1]) if join is not None else None
        if join is not None and items:
            found[name] = (join[0], items)
    return found


def _join(tokens: Sequence[T], at: int) -> tuple[list[T], str] | None:
    """(separator tokens, array name) of ``join(SEP, @a);`` or ``join SEP, @a;`` starting at ``at``."""
    if tokens[at].kind != "word" or tokens[at].text != "join":
        return None
    if at + 1 < len(tokens) and tokens[at + 1].text == "(":
        args = call_arguments(tokens, at + 1)
        end = at + 2 + sum(len(a) for a in args) + len(args)  # the closing ``)``, then ``;``
        after = tokens[end].text if end < len(tokens) else ""
    else:
        args, end = _bare_arguments(tokens, at + 1)
        after = ";" if end < len(tokens) and tokens[end].text == ";" else ""
    if after != ";" or len(args) != 2 or len(args[1]) != 1 or not args[1][0].text.startswith("@"):
        return None
    separator = args[0]
    literal = all(t.kind == "str" for t in separator[::2]) and all(t.text == "." for t in separator[1::2])
    return (separator[::2], args[1][0].text) if separator and literal and len(separator) % 2 else None


def _bare_arguments(tokens: Sequence[T], at: int) -> tuple[list[list[T]], int]:
    groups: list[list[T]] = [[]]
    end = at
    while end < len(tokens) and end - at < _STATEMENT_REACH and tokens[end].text != ";":
        if tokens[end].text == ",":
            groups.append([])
        else:
            groups[-1].append(tokens[end])
        end += 1
    return groups, end


def _filled(tokens: Sequence[T], names: set[str]) -> dict[str, list[T]]:
    """Array → the literals it is filled with, in order, for the arrays of ``names`` whose every mention is a fill
    with a literal list or a ``join`` over it (one pass over the tokens)."""
    items: dict[str, list[T] | None] = {}
    for i, token in enumerate(tokens):
        if token.kind != "var" or token.text not in names or items.get(token.text, []) is None:
            continue
        if _in_join(tokens, i):
            continue  # ``join(SEP, @a)``, ``join SEP, @a``: the join itself
        before = [t.text for t in tokens[max(0, i - 2) : i]]
        start = _list_start(tokens, i, before)
        literals = _literal_list(tokens, start) if start is not None else None
        so_far = items.setdefault(token.text, [])
        if so_far is None or literals is None or len(so_far) + len(literals) > _MAX_ITEMS:
            items[token.text] = None
        else:
            so_far += literals
    return {name: found for name, found in items.items() if found}


def _in_join(tokens: Sequence[T], i: int) -> bool:
    """Whether the array at ``i`` is the last argument of a ``join`` of its statement (``;`` follows the array or
    the join's closing parenthesis)."""
    after = [t.text for t in tokens[i + 1 : i + 3]]
    if after[:1] != [";"] and after != [")", ";"]:
        return False
    for k in range(i - 1, max(-1, i - _STATEMENT_REACH), -1):
        if tokens[k].text in (";", "{", "}"):
            return False
        if tokens[k].kind == "word" and tokens[k].text == "join":
            return True
    return False


def _list_start(tokens: Sequence[T], i: int, before: list[str]) -> int | None:
    """Where the literal list of a fill of the array at ``i`` starts: ``@a = (``, ``my @a = (``, ``push [my] @a,
    (``; else None."""
    following = tokens[i + 1].text if i + 1 < len(tokens) else ""
    if following == "=" and (not before or before[-1] in (";", "{", "}", "my")):
        return i + 2
    pushing = before[-1:] == ["push"] or before == ["push", "my"]
    return i + 2 if pushing and following == "," else None


def _literal_list(tokens: Sequence[T], at: int) -> list[T] | None:
    """The literals of ``( 'a', 'b', … );`` from ``at``, else None."""
    args = call_arguments(tokens, at, limit=4 * _MAX_ITEMS)
    end = at + 1 + sum(len(a) for a in args) + len(args)
    if not args or end >= len(tokens) or tokens[end].text != ";":
        return None
    args = args[:-1] if not args[-1] else args  # a trailing comma
    if not all(len(a) == 1 and a[0].kind == "str" for a in args):
        return None
    return [a[0] for a in args]
