"""Classes the two-hundred-and-sixty-eighth hold-out set showed (tests/preflight/holdout268: other platforms'
packaging hooks and service definitions), each as its minimal construct next to near-misses that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

from shipgate.preflight.craft_parts import build_part_lines, is_craft_recipe

ENDPOINT = "preflight.external_endpoint"
WRITABLE = "preflight.world_writable"

# -- A: a snapcraft recipe's ``parts:`` block is fetched and built on the build host -------------------------------

_PARTS = (
    "parts:\n"
    "  mongodb:\n"
    "    plugin: dump\n"
    "    source:\n"
    "      - on amd64: https://fastdl.vendor-db.io/linux/db-x86_64-5.0.3.tgz\n"
    "      - on arm64: https://fastdl.vendor-db.io/linux/db-aarch64-5.0.3.tgz\n"
    "  caddy:\n"
    "    plugin: dump\n"
    "    source: https://github.com/caddyserver/caddy/releases/download/v2.4.3/caddy_2.4.3_linux_amd64.tar.gz\n"
)
_APPS = "apps:\n  server:\n    command: bin/server\n    daemon: simple\n    environment:\n"


def test_a_part_sources_are_no_contacts() -> None:
    recipe = "name: chat-server\nbase: core20\n\n" + _PARTS
    assert codes_at({"snap/snapcraft.yaml": recipe}, ENDPOINT) == []
    assert codes_at({"build-aux/snap/snapcraft.yaml": recipe}, ENDPOINT) == []
    assert codes_at({"rockcraft.yaml": recipe}, ENDPOINT) == []


def test_a_the_apps_settings_after_the_parts_stay_read() -> None:
    # the daemon's own environment names the API it calls on the target: read, also after the parts block ends
    recipe = "name: chat-server\n" + _PARTS + _APPS + "      PUSH_GATEWAY: https://push.vendor-gateway.io/api\n"
    assert codes_at({"snap/snapcraft.yaml": recipe}, ENDPOINT) == [16]


def test_a_other_yaml_with_parts_stays_read() -> None:
    # not a craft recipe by its name: a key called parts is no build section
    assert codes_at({"config/parts.yaml": _PARTS}, ENDPOINT) != []
    assert not is_craft_recipe("deploy/snap.yaml") and is_craft_recipe("snap/snapcraft.yaml")


def test_a_the_block_ends_at_the_next_top_level_key() -> None:
    lines = list(enumerate(["name: x", "parts:", "  a:", "    source: ./a", "# note", "apps:", "  b: {}"], 1))
    assert build_part_lines("snap/snapcraft.yaml", lines) == {2, 3, 4, 5}  # a comment does not end it
    assert build_part_lines("values.yaml", lines) == set()


# -- B: the mode a FIFO or device node is made with ------------------------------------------------------------


def test_b_a_fifo_made_writable_by_others() -> None:
    assert in_script(WRITABLE, 'mkfifo -m 0622 "$PREFIX/queue/lock/trigger.new"') == [3]
    assert in_script(WRITABLE, "mkfifo --mode=666 /srv/app/ctl") == [3]
    assert in_script(WRITABLE, "mknod -m 666 /srv/app/null c 1 3") == [3]


def test_b_private_or_default_modes_are_quiet() -> None:
    assert in_script(WRITABLE, 'mkfifo -m 0620 "$PREFIX/queue/lock/trigger"') == []
    assert in_script(WRITABLE, "mkfifo /srv/app/ctl") == []
    assert in_script(WRITABLE, "mknod -m 0600 /srv/app/null c 1 3") == []
