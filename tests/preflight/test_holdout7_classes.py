"""Classes of mistakes the seventh hold-out set found (tests/preflight/holdout7: non-shell package files, third
round), each as its minimal construct next to a near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import findings, package, run

# -- A: a URL in an XML comment is text, not a setting ----------------------------------------------------------


def test_a_url_in_an_xml_comment_is_not_contacted() -> None:
    xml = (
        '<?xml version="1.0"?>\n<!--\n  Licensed under the Apache License\n'
        "  http://www.apache.org/licenses/LICENSE-2.0\n-->\n<config><a/><!-- see https://docs.vendor.io --></config>\n"
    )
    assert findings({"conf/app.xml": xml}) == []


def test_a_a_url_setting_beside_an_xml_comment_is_still_contacted() -> None:
    xml = '<?xml version="1.0"?>\n<!-- the upstream -->\n<server url="https://api.vendor.io/v1"/>\n'
    assert findings({"conf/app.xml": xml}) == [("preflight.external_endpoint", 3)]


# -- B: a list of hosts to trust or to reach without a proxy names no host to contact --------------------------


def test_b_trusted_hosts_and_no_proxy_are_not_contacted() -> None:
    conf = "[global]\ntrusted-host = pypi.vendor.io\n"
    assert findings({"pip.conf": conf}) == [("preflight.tls_verification_disabled", 2)]
    assert findings({"app.env": "NO_PROXY=api.vendor.io\n"}) == []


def test_b_the_index_url_beside_them_is_contacted() -> None:
    conf = "[global]\nindex-url = https://pypi.vendor.io/simple\n"
    assert findings({"pip.conf": conf}) == [("preflight.external_endpoint", 2)]


# -- C: a package repository's baseurl is where the package manager downloads from -----------------------------


def test_c_a_repo_files_baseurl_is_contacted() -> None:
    repo = "[vendor]\nname=Vendor\nbaseurl=https://pkgs.vendor.io/el/$releasever/$basearch\ngpgcheck=1\n"
    assert findings({"etc/yum.repos.d/vendor.conf": repo}) == [("preflight.external_endpoint", 3)]
    assert findings({"vendor.repo": "[vendor]\nmirrorlist=https://mirrors.vendor.io/list\n"}) == [
        ("preflight.external_endpoint", 2)
    ]


def test_c_a_web_apps_base_url_stays_its_own_name() -> None:
    assert findings({"config.toml": 'baseurl = "https://www.vendor.io/"\n'}) == []


# -- D: ${SECRET:-literal} in configuration a tool interpolates -------------------------------------------------


def test_d_a_compose_password_with_a_literal_fallback_is_a_default_credential() -> None:
    compose = (
        "services:\n  grafana:\n    environment:\n"
        "      - GF_SECURITY_ADMIN_PASSWORD=${ADMIN_PASSWORD:-admin}\n"
        "      - DB_PASS=${DB_PASSWORD-changeme}\n"
    )
    assert findings({"docker-compose.yml": compose}) == [
        ("preflight.default_credential", 4),
        ("preflight.default_credential", 5),
    ]


def test_d_users_references_and_required_values_are_not() -> None:
    compose = (
        "services:\n  grafana:\n    environment:\n"
        "      - GF_SECURITY_ADMIN_USER=${ADMIN_USER:-admin}\n"
        "      - GF_SECURITY_ADMIN_PASSWORD=${ADMIN_PASSWORD}\n"
        "      - DB_PASSWORD=${DB_PASSWORD:?set DB_PASSWORD}\n"
        "      # - OLD_PASSWORD=${OLD_PASSWORD:-admin}\n"
    )
    assert findings({"docker-compose.yml": compose}) == []


# -- E: the SQL an ORM migration written in JavaScript/TypeScript runs ------------------------------------------

TYPEORM = """import {MigrationInterface, QueryRunner} from "typeorm";

export class AddRank1631104895519 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "variant" ADD "rank" integer DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "price" ADD CONSTRAINT "FK_1" FOREIGN KEY ("variant_id") `
            + `REFERENCES "variant"("id")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "variant" DROP COLUMN "rank"`);
    }
}
"""


def test_e_statements_given_to_query_in_up_are_checked_at_their_lines() -> None:
    assert findings({"src/migrations/1631104895519-AddRank.ts": TYPEORM}) == [
        ("preflight.migration_rewrites_table", 6),
        ("preflight.migration_unlocked", 5),
        ("preflight.migration_unlocked", 6),
    ]
    knex = "exports.up = function (knex) {\n  return knex.raw('CREATE INDEX price_idx ON price (amount)');\n};\n"
    assert findings({"db/migrations/20240101_price_idx.js": knex}) == [("preflight.index_not_concurrent", 2)]


def test_e_down_run_time_sql_and_code_outside_migrations_are_not_read() -> None:
    down_only = TYPEORM.replace('ALTER TABLE "variant" ADD', "SELECT 1; --").replace('ALTER TABLE "price"', "--")
    assert findings({"src/migrations/1-AddRank.ts": down_only}) == []
    built = "exports.up = (knex) => knex.raw(`ALTER TABLE ${table} ADD c int`);\n"
    assert findings({"migrations/2_built.js": built}) == []
    assert findings({"src/services/AddRank.ts": TYPEORM}) == []


# -- F: a Liquibase XML changelog's changes --------------------------------------------------------------------

CHANGELOG = """<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
    <changeSet author="vendor" id="2.1-1">
        <preConditions onFail="MARK_RAN"><not><columnExists tableName="EVENT" columnName="DETAILS"/></not>
        </preConditions>
        <addColumn tableName="EVENT">
            <column name="DETAILS" type="NCLOB"/>
        </addColumn>
        <createIndex tableName="EVENT" indexName="IDX_EVENT_TIME">
            <column name="TIME"/>
        </createIndex>
        <addForeignKeyConstraint baseTableName="EVENT" baseColumnNames="REALM_ID" constraintName="FK_REALM"
                                 referencedTableName="REALM" referencedColumnNames="ID"/>
        <rollback><dropColumn tableName="EVENT" columnName="DETAILS"/></rollback>
    </changeSet>
</databaseChangeLog>
"""


def test_f_changes_on_existing_tables_are_checked_at_their_lines() -> None:
    assert findings({"META-INF/changelog-2.1.xml": CHANGELOG}) == [
        ("preflight.index_not_concurrent", 9),
        ("preflight.migration_rewrites_table", 12),
        ("preflight.migration_unlocked", 6),
        ("preflight.migration_unlocked", 12),
    ]


def test_f_new_tables_rollbacks_other_databases_and_not_valid_keys_stay_quiet() -> None:
    created = CHANGELOG.replace(
        '<changeSet author="vendor" id="2.1-1">',
        '<changeSet author="v" id="1">\n'
        '        <createTable tableName="EVENT"><column name="ID" type="INT"/></createTable>',
    )
    assert findings({"META-INF/changelog-2.1.xml": created}) == []  # every change acts on the new table
    oracle = CHANGELOG.replace('id="2.1-1"', 'id="2.1-1" dbms="oracle"')
    assert findings({"META-INF/changelog-2.1.xml": oracle}) == []
    not_valid = CHANGELOG.replace('referencedColumnNames="ID"', 'referencedColumnNames="ID" validate="false"')
    assert ("preflight.migration_rewrites_table", 12) not in findings({"META-INF/changelog-2.1.xml": not_valid})
    entities = '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY a "aaaa">]>\n<databaseChangeLog>&a;</databaseChangeLog>\n'
    assert findings({"META-INF/changelog-bomb.xml": entities}) == []
    assert [f.code for f in run(package({"META-INF/changelog-bomb.xml": entities}))] == ["preflight.file_skipped"]


YAML_CHANGELOG = """databaseChangeLog:
  - changeSet:
      id: 7
      author: vendor
      changes:
        - addColumn:
            tableName: person
            columns:
              - column:
                  name: nickname
                  type: varchar(255)
        - sql:
            sql: CREATE INDEX person_nick ON person (nickname)
      rollback:
        - dropColumn:
            tableName: person
            columnName: nickname
"""


def test_f_a_yaml_changelog_is_read_like_the_xml_one() -> None:
    assert findings({"db/changelog/007.yaml": YAML_CHANGELOG}) == [
        ("preflight.index_not_concurrent", 13),
        ("preflight.migration_unlocked", 6),
    ]


def test_f_aliases_in_a_yaml_changelog_cannot_make_the_walk_grow() -> None:
    levels = "".join(
        f"{c}: &{c} {{" + ", ".join(f"k{n}: *{p}" for n in range(9)) + "}\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    text = "databaseChangeLog:\n  - changeSet: {id: 1}\na: &a {column: {name: x}}\n" + levels
    found = run(package({"db/changelog/bomb.yaml": text}))
    assert [f.code for f in found] == ["preflight.file_skipped"]  # 9**8 mappings through aliases: not walked


# -- G: TLS switched off in tool configuration (found while labelling, not by a scored mistake) -----------------


def test_g_tls_off_in_apt_curl_yarn_and_node_configuration() -> None:
    assert findings({"etc/apt/apt.conf.d/99vendor": 'Acquire::https::Verify-Peer "false";\n'}) == [
        ("preflight.tls_verification_disabled", 1)
    ]
    assert findings({"home/.curlrc": "silent\ninsecure\n"}) == [("preflight.tls_verification_disabled", 2)]
    assert findings({".yarnrc.yml": "enableStrictSsl: false\n"}) == [("preflight.tls_verification_disabled", 1)]
    assert findings({"app.env": "NODE_TLS_REJECT_UNAUTHORIZED=0\n"}) == [("preflight.tls_verification_disabled", 1)]


def test_g_verification_left_on_or_the_word_elsewhere_is_quiet() -> None:
    assert findings({"etc/apt/apt.conf.d/99vendor": 'Acquire::https::Verify-Peer "true";\n'}) == []
    assert findings({"notes.txt": "insecure\n"}) == []
    assert findings({"app.env": "NODE_TLS_REJECT_UNAUTHORIZED=1\n"}) == []


# -- Bounds: YAML nested deeper than PyYAML's recursive composer can follow -------------------------------------


def test_deeply_nested_yaml_is_not_a_traceback() -> None:
    deep = "".join(" " * (i + 1) + f"k{i}:\n" for i in range(600))
    assert findings({"docker-compose.yml": "services:\n" + deep}) == []
    found = run(package({"db/changelog.yaml": "databaseChangeLog:\n" + deep}))
    assert [f.code for f in found] == ["preflight.file_skipped"]
