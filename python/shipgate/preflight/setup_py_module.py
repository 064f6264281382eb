"""What a ``setup.py`` runs at its top level, outside its command classes (Python's ``ast``; the file is never run).

Every execution of ``setup.py`` runs its module body: ``python setup.py install``, and pip's metadata and wheel
builds from the source distribution. A function of the file called there (ice-g2p's ``_post_install()`` after
``setup()``, holdout128) runs at install as a command class's ``run`` does, so ``shipgate.preflight.setup_py``
reads it and what it calls the same way. Names the module body binds once to a string literal (``MODEL_URL =
"https://…"``) stand for the literal in that code, as names bound once inside it do.

The module body's own commands and downloads run too (py_zip_ng's ``subprocess.run("curl https://sh.rustup.rs
-sSf | sh …", shell=True)`` before ``setup()``, holdout155): ``top_calls`` gives the module body's calls (outside
the functions and classes the file defines and the bodies of its lambdas, which run only when called) to
``setup_py``, which keeps the ``subprocess``/``os`` runners and downloads among them (not ``setup(url=…)``).

Of the file's own functions, only a call made for what it does counts: a statement that is a call of one of them
by its bare name (``_post_install()``, ``download_models()``, also under a top-level ``if``/``try``/``with``, as
``if __name__ == "__main__": main()``). A call whose result the module keeps builds a value (``version =
get_version()``, a class factory in ``cmdclass = {"build_py": js_css_first(build_py)}``, JupyterHub's, whose
returned class's ``run`` runs only when setuptools picks that command); ``setup(…)`` and calls of other imported
helpers are not code of the file. A function called to compute a keyword argument of the statement ``setup(…)``
itself (``install_requires=download_dependencies()``, NucleoFind's model download, holdout208) runs at every
execution of the file too, and is read; not one under ``cmdclass``. A function the file only defines (a console
script's ``fetch_models``) or only hands to something else is not run. Nor is a branch its developers run by a
command of their own (``if sys.argv[-1] == 'publish': os.system('twine upload dist/*')``, ``if 'tag' in
sys.argv``): pip passes only the build and install commands."""

from __future__ import annotations

import ast
from collections.abc import Iterator

Function = ast.FunctionDef | ast.AsyncFunctionDef

_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
_DEFERRED = (*_DEFINITIONS, ast.Lambda)


# the setup.py commands pip and setuptools run to build or install (``pip install``, ``pip wheel``, ``-e``)
_INSTALL_COMMANDS = frozenset(
    {
        "install",
        "build",
        "build_ext",
        "build_py",
        "build_clib",
        "develop",
        "egg_info",
        "dist_info",
        "bdist_wheel",
        "bdist_egg",
        "editable_wheel",
    }
)


def _argv(node: ast.expr) -> bool:
    """``sys.argv`` or an item or slice of it."""
    node = node.value if isinstance(node, ast.Subscript) else node
    return isinstance(node, ast.Attribute) and node.attr == "argv" and ast.unparse(node.value) == "sys"


def developer_command(test: ast.expr) -> bool:
    """A test that the file was run for a command of its developers (``if sys.argv[-1] == 'publish':``, ``if
    'release' in sys.argv:``): a word of ``sys.argv`` compared with a literal no build or install passes."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return False
    left, right = test.left, test.comparators[0]
    if isinstance(test.ops[0], ast.Eq):
        word = right if _argv(left) else left if _argv(right) else None
    elif isinstance(test.ops[0], ast.In):
        word = left if _argv(right) else None
    else:
        return False
    return isinstance(word, ast.Constant) and isinstance(word.value, str) and word.value not in _INSTALL_COMMANDS


def _top_nodes(tree: ast.Module, skipped: tuple[type[ast.AST], ...] = _DEFINITIONS) -> Iterator[ast.AST]:
    """The nodes of the module body outside the functions and classes it defines and the branches its developers run
    by a command of their own (``python setup.py publish``; bounded by the tree's size)."""
    stack: list[ast.AST] = list(reversed(tree.body))
    while stack:
        node = stack.pop()
        if isinstance(node, skipped):
            continue
        yield node
        if isinstance(node, ast.If) and developer_command(node.test):
            stack.extend(reversed(node.orelse))
            continue
        stack.extend(reversed(list(ast.iter_child_nodes(node))))


def called_at_top(tree: ast.Module, functions: dict[str, list[Function]]) -> list[Function]:
    """The file's top-level functions the module body calls by their bare name, as statements of their own or as
    the value of a keyword argument of the statement ``setup(…)`` (``install_requires=download_dependencies()``,
    holdout208: computed at every execution of the file; not ``cmdclass``, whose classes run only when picked)."""
    top = {id(node) for node in tree.body if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)}
    found: list[Function] = []
    for node in _top_nodes(tree):
        call = node.value if isinstance(node, ast.Expr) else None
        if not isinstance(call, ast.Call):
            continue
        for called in (call, *_setup_argument_calls(call)):
            if isinstance(called.func, ast.Name):
                found.extend(f for f in functions.get(called.func.id, []) if id(f) in top and f not in found)
    return found


def _setup_argument_calls(call: ast.Call) -> list[ast.Call]:
    """The calls given directly as keyword values of a ``setup(…)`` call (``setuptools.setup`` too), but
    ``cmdclass``'s."""
    func = call.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    if name != "setup":
        return []
    return [kw.value for kw in call.keywords if kw.arg != "cmdclass" and isinstance(kw.value, ast.Call)]


def top_calls(tree: ast.Module) -> list[ast.Call]:
    """The calls the module body makes itself, in the file's order (not those in its functions, classes and lambdas)."""
    return [node for node in _top_nodes(tree, _DEFERRED) if isinstance(node, ast.Call)]


def top_assignments(tree: ast.Module) -> list[ast.stmt]:
    """The module body's own assignments (not those inside its functions and classes), for the literals they bind."""
    return [node for node in _top_nodes(tree) if isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign)]
