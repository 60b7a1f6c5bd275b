#!/usr/bin/env bash
# Linli benchmarks: builds Release, starts a dedicated durable PostgreSQL, generates a synthetic city into it, starts
# the web process and runs the scenarios (bench/Linli.Bench), each beside its baseline. See bench/README.md.
#   bench/run.sh            city scale (full run)
#   bench/run.sh --quick    district scale, shorter runs (< 10 minutes)
#   bench/run.sh --smoke    tiny scale, each scenario once (the smoke test in ./test.sh)
#   --no-build              use the existing Release build      --out DIR   results directory (default bench/results)
# Env: LINLI_PG_OPTIONS extra server options for the dedicated PostgreSQL, e.g. "-c shared_buffers=1GB".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mode=full build=1 out=bench/results
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick ;;
    --smoke) mode=smoke ;;
    --no-build) build="" ;;
    --out) out=${2:?--out DIR}; shift ;;
    *) echo "usage: bench/run.sh [--quick|--smoke] [--no-build] [--out DIR]" >&2; exit 2 ;;
  esac
  shift
done
case "$mode" in smoke) scale=tiny ;; quick) scale=district ;; *) scale=city ;; esac
mkdir -p "$out"; out=$(cd "$out" && pwd)
log="$out/logs"; rm -rf "$log" "$out/scenarios.txt"; mkdir -p "$log"
started=$(date +%s.%N)
say() { echo "[bench $(date -u +%H:%M:%S)] $*"; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if [ -n "$build" ]; then
  say "build (Release)"
  dotnet build bench/Linli.Bench -c Release -nologo -v q -clp:ErrorsOnly
fi
web_dll="$root/src/Linli.Web/bin/Release/net10.0/Linli.Web.dll"
bench_dll="$root/bench/Linli.Bench/bin/Release/net10.0/Linli.Bench.dll"
[ -f "$web_dll" ] && [ -f "$bench_dll" ] || { echo "no Release build: run without --no-build" >&2; exit 1; }

# A city does not fit everywhere: say so before an hour of generating, not when the disk fills.
if [ "$scale" = city ] && [ -z "${LINLI_BENCH_SKIP_DISK_CHECK:-}" ]; then
  need=100   # GiB: a district's database is 5.6 GB after its year of activity (12M matter events); a city has 16, plus WAL
  free=$(df -BG --output=avail /tmp | tail -n 1 | tr -dc 0-9)
  if [ "$free" -lt "$need" ]; then
    echo "city scale needs about $need GiB free under /tmp for its PostgreSQL; $free GiB are free." >&2
    echo "(LINLI_BENCH_SKIP_DISK_CHECK=1 tries anyway; bench/run.sh --quick runs the district scale.)" >&2
    exit 3
  fi
fi

# --- a dedicated PostgreSQL, durable (fsync, synchronous_commit, full-page writes on) ----------------------------
say "PostgreSQL (durable)"
# JIT off, as recommended for Linli's production server (README): compiling a dashboard's CASE-heavy statement costs more
# than running it. Both sides of every comparison run on this server.
export LINLI_PG_OPTIONS="-c jit=off ${LINLI_PG_OPTIONS:-}"
eval "$(scripts/test-postgres.sh start --durable)"
web_pid=""
cleanup() {
  [ -n "$web_pid" ] && kill "$web_pid" 2>/dev/null && wait "$web_pid" 2>/dev/null
  scripts/test-postgres.sh stop "$LINLI_PG_DIR"
}
trap cleanup EXIT
bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_host=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$LINLI_TEST_POSTGRES")
pg_port=$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$LINLI_TEST_POSTGRES")
db=linli_bench
"$bindir/createdb" -h "$pg_host" -p "$pg_port" -U linli "$db"

# The platform as production runs it: PostgreSQL, the `migrate` verb, no demo city, a configured field key.
export Database__Provider=Postgres ConnectionStrings__Linli="$LINLI_TEST_POSTGRES;Database=$db" \
  Privacy__Key="AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=" Demo__Enabled=false ASPNETCORE_ENVIRONMENT=Production
web() { (cd "$root/src/Linli.Web" && dotnet "$web_dll" "$@"); }
say "migrate"
web migrate >"$log/migrate.log" 2>&1 || { tail -n 30 "$log/migrate.log"; exit 1; }

say "generate --scale $scale --seed 1 --baseline"
gen_start=$(date +%s.%N)
# --baseline: the generator also times binary COPY of the same registry rows (the generator figure, scenario 0).
if ! web generate --scale "$scale" --seed 1 --baseline >"$log/generate.log" 2>&1; then
  tail -n 30 "$log/generate.log"; echo "generate failed" >&2; exit 1
fi
gen_seconds=$(python3 -c "print($(date +%s.%N) - $gen_start)")
say "generated in ${gen_seconds%.*} s"
# What a DBA does after a bulk load: planner statistics and the visibility map (index-only scans). Not in the generator's figure.
say "vacuum analyze"
"$bindir/vacuumdb" -h "$pg_host" -p "$pg_port" -U linli --analyze --quiet "$db"

# --- the web process, on a free loopback port ---------------------------------------------------------------
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
(cd "$root/src/Linli.Web" && ASPNETCORE_URLS="http://127.0.0.1:$port" exec dotnet "$web_dll") >"$log/web.log" 2>&1 &
web_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  kill -0 "$web_pid" 2>/dev/null || { tail -n 30 "$log/web.log"; echo "web process died" >&2; exit 1; }
  sleep 0.5
done
say "web process $web_pid on port $port"

elapsed=$(python3 -c "print($(date +%s.%N) - $started)")
limit=$([ "$mode" = smoke ] && echo 240 || echo 14400)
rc=0
timeout "$limit" dotnet "$bench_dll" scenarios --mode "$mode" --scale "$scale" --base-url "http://127.0.0.1:$port" \
  --pg "$LINLI_TEST_POSTGRES" --database "$db" --web-pid "$web_pid" --out "$out" \
  --gen-log "$log/generate.log" --gen-seconds "$gen_seconds" --seconds-before "$elapsed" || rc=$?

# A full or quick run into bench/results updates the table in bench/README.md (between the markers).
if [ "$mode" != smoke ] && [ "$out" = "$root/bench/results" ] && [ -f "$out/latest.md" ]; then
  python3 - "$root/bench/README.md" "$out/latest.md" <<'PY'
import sys, re
readme, table = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
text = open(readme, encoding="utf-8").read()
start, end = "<!-- bench:results:start -->", "<!-- bench:results:end -->"
text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: f"{start}\n{table}\n{end}", text, flags=re.S)
open(readme, "w", encoding="utf-8").write(text)
PY
  say "bench/README.md updated"
fi
say "results: $out/latest.json ($(python3 -c "print(round(($(date +%s.%N) - $started) / 60, 1))") min)"
exit "$rc"
