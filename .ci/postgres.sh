#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests, from the Debian binaries (apt-get install postgresql).
#
#   source .ci/postgres.sh    # starts it, exports SHIPGATE_TEST_POSTGRES_URL, stops it when the shell exits
#   bash .ci/postgres.sh      # starts it, prints the export line, and leaves it running (stop: the printed
#                             # pg_ctl command)
#
# The cluster lives in a temporary directory, listens on 127.0.0.1 on a free port (and a socket in that
# directory), trusts local connections, and runs without fsync: its data is disposable. PostgreSQL refuses
# to run as root, so as root it runs as the `postgres` user.

_sg_pg_start() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        echo "postgres.sh: no /usr/lib/postgresql/*/bin/initdb; apt-get install -y postgresql" >&2
        return 1
    fi
    SHIPGATE_PG_DIR=$(mktemp -d /tmp/shipgate-pg.XXXXXX)
    local as=()
    if [ "$(id -u)" = 0 ]; then
        chown postgres: "$SHIPGATE_PG_DIR"
        as=(runuser -u postgres --)
    fi
    local port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "${as[@]}" "$bin/initdb" -D "$SHIPGATE_PG_DIR/data" -U shipgate -A trust -E UTF8 --no-sync >/dev/null
    "${as[@]}" "$bin/pg_ctl" -D "$SHIPGATE_PG_DIR/data" -l "$SHIPGATE_PG_DIR/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $port -k $SHIPGATE_PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null
    "${as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U shipgate shipgate_test
    SHIPGATE_PG_STOP="${as[*]} $bin/pg_ctl -D $SHIPGATE_PG_DIR/data -m fast -w stop"
    export SHIPGATE_TEST_POSTGRES_URL="postgresql://shipgate@127.0.0.1:$port/shipgate_test"
    export SHIPGATE_PG_DIR SHIPGATE_PG_STOP
}

_sg_pg_stop() {
    if [ -n "${SHIPGATE_PG_STOP:-}" ]; then
        $SHIPGATE_PG_STOP >/dev/null 2>&1 || true
        rm -rf "$SHIPGATE_PG_DIR"
        unset SHIPGATE_PG_STOP
    fi
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
    _sg_pg_start
    trap _sg_pg_stop EXIT
else
    set -euo pipefail
    _sg_pg_start
    echo "export SHIPGATE_TEST_POSTGRES_URL=$SHIPGATE_TEST_POSTGRES_URL"
    echo "# stop: $SHIPGATE_PG_STOP && rm -rf $SHIPGATE_PG_DIR"
fi
