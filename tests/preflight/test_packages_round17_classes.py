"""Round seventeen of the whole packages (tests/preflight/packages/README.md, "Round seventeen"): each class fixed,
with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its
result)."""

from __future__ import annotations

from preflight_kit import findings

UNLOCKED = "preflight.migration_unlocked"
ENDPOINT = "preflight.external_endpoint"

_REVISION = (
    '"""Extend the notification table"""\n'  # 1
    "revision = 'b2'\n"  # 2
    "down_revision = 'a1'\n"  # 3
    "from alembic import op\n"  # 4
    "import sqlalchemy as sa\n"  # 5
    "\n"  # 6
    "\n"  # 7
    "def upgrade() -> None:\n"  # 8
    "    with op.batch_alter_table('notifications') as batch_op:\n"  # 9
    "        batch_op.add_column(sa.Column('message', sa.Text()))\n"  # 10
)
_NOTE = (
    "---\n"
    "features:\n"
    "  - |\n"
    "    The engine can keep its workflow progress in a database::\n"
    "\n"
    "        [taskflow]\n"
    "        connection = mysql+pymysql://root:admin@127.0.0.1/masakari?charset=utf8\n"
)


def test_a_release_note_does_not_decide_the_products_database() -> None:
    # reno's ``releasenotes/notes/*.yaml`` shows one deployment's setting to readers: the revision stays PostgreSQL's
    found = findings(
        {"product/db/migrations/versions/b2_extend.py": _REVISION, "releasenotes/notes/progress-1a2b.yaml": _NOTE}
    )
    assert (UNLOCKED, 10) in found


def test_a_configuration_file_naming_mysql_alone_still_decides_it() -> None:
    # near miss: the same setting in the product's own configuration file makes the revision MySQL's (unchecked)
    found = findings({"product/db/migrations/versions/b2_extend.py": _REVISION, "etc/product/taskflow.yaml": _NOTE})
    assert (UNLOCKED, 10) not in found


_HOSTS_FILE = "# host:uid:passwd:adminpasswd\nlocalhost:21::\n"


def test_an_unassigned_ipv6_address_is_no_host() -> None:
    # HylaFAX's ``hosts.hfaxd``: ``21::`` reads as an address in IANA's reserved 0000::/8, which no host has
    assert (ENDPOINT, 2) not in findings({"etc/faxserver/hosts.conf": _HOSTS_FILE})


def test_a_global_ipv6_address_is_still_a_host() -> None:
    # near miss: an address in the global unicast block stays one the setting contacts
    found = findings({"etc/faxserver/relay.conf": "relay_host = 2a00:1450:4001:80b::200e\n"})
    assert (ENDPOINT, 1) in found


def test_a_redirect_target_is_where_the_browser_goes() -> None:
    # squidGuard's ``redirect``: the page a refused client is sent to; the filter contacts nothing
    conf = "acl {\n\tdefault {\n\t\tpass none\n\t\tredirect http://blocked.vendor-filter.net/cgi-bin/blocked.cgi\n"
    assert (ENDPOINT, 4) not in findings({"etc/urlfilter/filter.conf": conf + "\t}\n}\n"})


def test_a_setting_the_filter_fetches_is_still_an_endpoint() -> None:
    # near miss: a neighbouring setting naming a host the product downloads from
    conf = "acl {\n\tdefault {\n\t\tpass none\n\t\tblacklist_url http://lists.vendor-filter.net/bl.tar.gz\n"
    assert (ENDPOINT, 4) in findings({"etc/urlfilter/filter.conf": conf + "\t}\n}\n"})
