"""ActiveRecord's own API for what Rails' database tasks do, written as the task (holdout187's jruby_sinatra install
script, a Sinatra app with no Rakefile task for it):

- ``ActiveRecord::Migrator.migrate 'db/migrate'`` (also ``.up``), ``ActiveRecord::Tasks::DatabaseTasks.migrate`` and
  ``ActiveRecord::MigrationContext.new(…).migrate`` apply the app's migrations: ``rake db:migrate``
  (``hidden_migration``);
- ``ActiveRecord::Base.connection.drop_database NAME`` and ``ActiveRecord::Tasks::DatabaseTasks.drop``/
  ``drop_current``/``drop_all`` drop the database: ``rake db:drop`` (``destructive_delete`` unless a dump comes
  first).

Only receivers spelled from ``ActiveRecord::`` count: another library's ``client.drop_database`` (Mongo) or a class
of the file's own ``migrate`` is not this."""

from __future__ import annotations

import tree_sitter

from shipgate.preflight.syntax_nodes import node_text as _text

Node = tree_sitter.Node

_MIGRATORS = frozenset({"ActiveRecord::Migrator", "ActiveRecord::Tasks::DatabaseTasks"})
_MIGRATES = frozenset({"migrate", "up"})
_TASK_DROPS = frozenset({"drop", "drop_current", "drop_all"})


def active_record_task(call: Node) -> str | None:
    """The Rails task (``rake db:migrate``, ``rake db:drop``) an ActiveRecord call does, else None."""
    method = _text(call.child_by_field_name("method") or call)
    receiver = call.child_by_field_name("receiver")
    if receiver is None:
        return None
    owner = _text(receiver)
    if method in _MIGRATES and (owner in _MIGRATORS or _new_migration_context(receiver)):
        return "rake db:migrate"
    if method in _TASK_DROPS and owner == "ActiveRecord::Tasks::DatabaseTasks":
        return "rake db:drop"
    if method == "drop_database" and owner.startswith("ActiveRecord::") and owner.endswith(".connection"):
        return "rake db:drop"
    return None


def _new_migration_context(receiver: Node) -> bool:
    """``ActiveRecord::MigrationContext.new(…)``."""
    if receiver.type != "call" or _text(receiver.child_by_field_name("method") or receiver) != "new":
        return False
    inner = receiver.child_by_field_name("receiver")
    return inner is not None and _text(inner) == "ActiveRecord::MigrationContext"
