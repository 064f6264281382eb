"""YAML composed once per text, by libyaml only where its recursive composer cannot overflow the C stack."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from shipgate.yaml_nodes import LIBYAML_MAX_DEPTH, compose_documents, compose_single, loader_for, nesting_bound

ROOT = Path(__file__).resolve().parents[1]
DEEP = 200_000  # far past the depth at which libyaml's composer overflowed the stack and killed the process


def _depth(node: yaml.Node) -> int:
    children: list[yaml.Node] = []
    if isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    elif isinstance(node, yaml.MappingNode):
        children = [n for pair in node.value for n in pair]
    return 1 + max(map(_depth, children), default=0)


def _real_yaml_files() -> list[Path]:
    folder = ROOT / "tests" / "preflight"
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())


def test_the_bound_is_above_the_true_depth_of_every_real_yaml_file_held() -> None:
    files = _real_yaml_files()
    assert len(files) >= 20
    for path in files:
        text = path.read_text(errors="replace")
        try:
            documents = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
        except yaml.YAMLError:
            continue
        depth = max((_depth(d) for d in documents if d is not None), default=0)
        assert depth <= nesting_bound(text), path


@pytest.mark.parametrize(
    "text",
    [
        "a:\n" + "".join(" " * (i + 1) + "a:\n" for i in range(40)),
        "a:\n- b:\n  - c:\n    - d:\n      - e\n",
        "- - - - - - - x\n",
        "? - a\n  - b\n: c\n",
        "a: " + "[" * 30 + "]" * 30,
        "a: {b: [c, {d: [e]}]}\n",
    ],
)
def test_the_bound_holds_for_each_way_yaml_nests(text: str) -> None:
    documents = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    assert max(_depth(d) for d in documents if d is not None) <= nesting_bound(text)


def test_deep_text_goes_to_the_python_composer_and_is_refused() -> None:
    deep = "a: " + "[" * DEEP + "]" * DEEP
    assert loader_for(deep) is yaml.SafeLoader
    assert compose_documents(deep) is None
    shallow = "a: [b, c]\n"
    assert loader_for(shallow) is getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    assert nesting_bound("a:\n" + " " * LIBYAML_MAX_DEPTH + "b\n") > LIBYAML_MAX_DEPTH


def test_single_documents_and_what_is_not_yaml() -> None:
    assert isinstance(compose_single("a: 1\n"), yaml.MappingNode)
    assert compose_single("a: 1\n---\nb: 2\n") is None
    assert compose_single("") is None
    assert compose_documents("a: [\n") is None
    assert compose_documents("a: \udcff\n") is None  # a lone surrogate: an undecodable byte of the file


_PREFLIGHT_ON_DEEP_YAML = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, "tests/preflight")
    from preflight_kit import INVENTORY, package
    from shipgate.preflight import run_preflight
    from shipgate.plan.config_files import parse_config
    deep = "[" * {deep} + "]" * {deep}
    files = {{
        "tasks/main.yml": "- shell: echo hi\\n- x: " + deep + "\\n",
        "docker-compose.yml": "services:\\n  app:\\n    command: " + deep + "\\n",
        "k8s/deploy.yaml": "kind: Pod\\nspec:\\n  hostNetwork: true\\n  x: " + deep + "\\n",
        "db/changelog.yaml": "databaseChangeLog:\\n  - x: " + deep + "\\n",
        "env/app.yaml": "env:\\n  - name: A\\n    value: " + deep + "\\n",
        "salt/dten/init.sls": "install:\\n  cmd.run:\\n    - name: echo hi\\n    - x: " + deep + "\\n",
        "charts/dten/templates/job.yaml": "apiVersion: batch/v1\\nkind: Job\\nspec:\\n  args: " + deep + "\\n",
        "k8s/job.yaml": "apiVersion: batch/v1\\nkind: Job\\nspec:\\n  containers:\\n  - args: " + deep + "\\n",
    }}
    findings = run_preflight(package(files), inventory=INVENTORY)
    config = parse_config("etc/app/config.yaml", ("a: " + deep + "\\n").encode())
    print(len(findings), config is None or config.error)
    """
)


def test_preflight_and_the_plan_survive_yaml_nested_past_the_c_stack() -> None:
    # Risk: the process died with SIGSEGV (no finding, no error) on a YAML file nested 200,000 deep.
    script = _PREFLIGHT_ON_DEEP_YAML.format(deep=DEEP)
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
