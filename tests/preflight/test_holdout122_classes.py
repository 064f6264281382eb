"""Classes of mistakes the 122nd hold-out set found (tests/preflight/holdout122: database migrations and the scripts
that apply them), each as its minimal construct next to a near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import findings

UNLOCKED = "preflight.migration_unlocked"
REWRITES = "preflight.migration_rewrites_table"
NOT_CONCURRENT = "preflight.index_not_concurrent"
UNCHECKED = "preflight.migration_unchecked"

RAILS = "db/migrate/20120911182916_add_labels.rb"
PHINX = "db/migrations/20230606155735_add_deleted.php"


def rails(body: str) -> str:
    return f"class AddLabels < ActiveRecord::Migration\n  def self.up\n{body}  end\nend\n"


# -- A: a Rails change_table(:t) do block, its t.change, and change_column's null: option --------------------------


def test_a_parenthesised_change_table_block_is_read() -> None:
    body = "    change_table(:repos) do\n      |t| t.column :label, :string\n    end\n"
    assert findings({RAILS: rails(body)}) == [(UNLOCKED, 4)]


def test_a_null_false_on_a_column_the_migration_added_nullable_sets_not_null() -> None:
    body = "    change_table(:repos) do |t|\n      t.column :label, :string\n"
    body += "      t.change(:label, :string, :null => false)\n    end\n"
    assert findings({RAILS: rails(body)}) == [(REWRITES, 5), (UNLOCKED, 4), (UNLOCKED, 5)]
    body = "    add_column :repos, :label, :string\n    change_column :repos, :label, :string, null: false\n"
    assert findings({RAILS: rails(body)}) == [(REWRITES, 4), (UNLOCKED, 3), (UNLOCKED, 4)]


def test_a_near_miss_null_false_restating_a_column_the_file_did_not_add_takes_a_lock_only() -> None:
    body = "    change_table(:repos) do |t|\n      t.change :label, :string, :null => false\n    end\n"
    assert findings({RAILS: rails(body)}) == [(UNLOCKED, 4)]
    body = "    add_column :repos, :label, :string, null: false, default: ''\n"
    body += "    change_column :repos, :label, :string, null: false\n"
    body += "    add_column :repos, :note, :string\n    change_column :repos, :note, :text, null: true\n"
    assert findings({RAILS: rails(body)}) == [(UNLOCKED, 3), (UNLOCKED, 4), (UNLOCKED, 5), (UNLOCKED, 6)]


def test_a_near_miss_a_parenthesised_call_before_an_other_block_is_not_a_table() -> None:
    body = "    add_index(:repos, :label)\n    Repo.all.each do |t|\n      t.save\n    end\n"
    assert findings({RAILS: rails(body)}) == [(NOT_CONCURRENT, 3)]


# -- B: a Phinx migration written with the table builder alone -----------------------------------------------------


def phinx(change: str, *, down: str = "") -> str:
    head = "<?php\nuse Phinx\\Migration\\AbstractMigration;\n\nfinal class AddDeleted extends AbstractMigration {\n"
    return head + "\tpublic function change(): void {\n" + change + "\t}\n" + down + "}\n"


def test_b_a_builder_that_changes_an_existing_table_is_unchecked() -> None:
    change = "\t\t$table = $this->table('entities');\n\t\t$table->addColumn('deleted', 'boolean', [\n"
    change += "\t\t\t'default' => false,\n\t\t]);\n\t\t$table->update();\n"
    assert findings({PHINX: phinx(change)}) == [(UNCHECKED, 7)]
    drop = "\t\t$this->table('legacy')->drop()->save();\n"
    assert findings({PHINX: phinx(drop)}) == [(UNCHECKED, 6)]


def test_b_near_miss_a_new_table_a_down_step_and_words_in_strings_stay_quiet() -> None:
    create = "\t\t$this->table('tags')->addColumn('name', 'string')->addIndex(['name'])->create();\n"
    down = "\tpublic function down(): void {\n\t\t$this->table('entities')->removeColumn('deleted')->update();\n\t}\n"
    assert findings({PHINX: phinx(create, down=down)}) == []
    words = "\t\t$this->table('notes')->addColumn('kind', 'string', ['comment' => '->update() later'])->create();\n"
    assert findings({PHINX: phinx(words)}) == []
