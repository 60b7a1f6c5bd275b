#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on a free loopback port and prints its connection string (server part).
# Usage: eval "$(scripts/test-postgres.sh start)"  → exports LINLI_TEST_POSTGRES and LINLI_PG_DIR
#        eval "$(scripts/test-postgres.sh start --durable)"  → fsync, synchronous_commit and full-page writes ON
#          (the benchmarks: fair numbers); LINLI_PG_OPTIONS adds server options, e.g. "-c shared_buffers=512MB"
#        scripts/test-postgres.sh stop "$LINLI_PG_DIR"
set -euo pipefail
cmd=${1:-start}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bindir" ] || { echo "echo 'PostgreSQL binaries not found' >&2; false"; exit 1; }

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "$cmd" = stop ]; then
  dir=${2:?data dir}
  as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
fi

# Tests trade durability for speed; the benchmarks keep the server's defaults.
fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[ "${2:-}" = --durable ] && fast=""

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
dir=$(mktemp -d /tmp/linli-pg.XXXXXX)
chmod 755 "$dir"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
as_pg "$bindir/initdb" -D "$dir/data" -U linli --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 $fast -c max_connections=200 ${LINLI_PG_OPTIONS:-}" start >/dev/null
echo "export LINLI_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=linli;Include Error Detail=true'"
echo "export LINLI_PG_DIR='$dir'"
