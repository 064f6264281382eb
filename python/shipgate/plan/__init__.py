"""The upgrade plan: what this upgrade really changes against what runs, the window it needs, how to roll
it back, and what to clean up after (docs/plan.md).

- ``index`` / ``indexer`` — the compact package index kept in the store for every verified package;
- ``diff`` — the upgrade diff of two indexes (``shipgate diff``);
- ``paths`` — declared upgrade paths (manifest ``upgrades_from``) against the running version;
- ``before`` / ``window`` / ``rollback`` / ``after`` / ``status`` — the plan's sections, made by ``build``;
- ``render_text`` / ``render_html`` — text, Markdown runbook and self-contained HTML;
- ``step`` — the plan as a step of verification.

It reads preflight's findings and parsed facts and the store's index, and nothing above them.
"""
