#!/usr/bin/env bash
# Runs every Linli test: unit + integration (SQLite and a throwaway PostgreSQL), browser tests (Chromium),
# a smoke run of every benchmark scenario at tiny scale (bench/run.sh --smoke) and a smoke run of the platform
# started exactly as the README says. Ends with "Tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"

# --- what this machine must have -------------------------------------------------------------
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
command -v python3 >/dev/null || missing+=(python3)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || echo "WARNING: apt-get install failed for: ${missing[*]}"
    # The postgresql package starts a cluster of its own; the tests use their own server.
    service postgresql stop >/dev/null 2>&1 || true
  else
    echo "WARNING: missing ${missing[*]} and not root: the tests that need them will fail under CI=true."
  fi
fi
command -v dotnet >/dev/null || { echo "dotnet SDK not found"; echo "Tests: 0 passed, 1 failed"; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore >/dev/null
echo "== build"
if ! dotnet build Linli.slnx -c Release -nologo -v q -clp:ErrorsOnly; then
  echo "Tests: 0 passed, 1 failed"; exit 1
fi

# --- throwaway PostgreSQL ----------------------------------------------------------------------
pg_started=""
if pg_env=$(scripts/test-postgres.sh start 2>"$results/pg-start.log"); then
  eval "$pg_env"; pg_started=1
  echo "== PostgreSQL on ${LINLI_TEST_POSTGRES}"
else
  echo "WARNING: could not start PostgreSQL ($(tail -n 3 "$results/pg-start.log"))"
fi
cleanup() { [ -n "$pg_started" ] && scripts/test-postgres.sh stop "$LINLI_PG_DIR"; [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null; }
trap cleanup EXIT

passed=0; failed=0; skipped=0
count_trx() {
  local f=$1
  [ -f "$f" ] || { failed=$((failed + 1)); echo "   (no results from $f: counted as 1 failure)"; return; }
  local line; line=$(grep -o '<Counters [^>]*>' "$f" | head -n 1)
  local total executed p fl
  total=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$line")
  executed=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$line")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$line")
  fl=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$line")
  local er; er=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$line")
  passed=$((passed + ${p:-0})); failed=$((failed + ${fl:-0} + ${er:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
}

for proj in tests/*/*.csproj; do
  name=$(basename "$proj" .csproj)
  echo "== $name"
  dotnet test "$proj" -c Release --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    -- RunConfiguration.TestSessionTimeout=1800000 2>&1 | grep -vE '^\s*$' | grep -E 'Failed |Passed!|Failed!|Skipped |Error Message|Assert|Exception' | head -n 200
  count_trx "$results/$name.trx"
done

# --- benchmark smoke: every scenario once at tiny scale (targets are not judged here, only that each ran) ----
echo "== bench smoke: bench/run.sh --smoke --no-build"
bench_out="$results/bench-smoke"
timeout 300 bench/run.sh --smoke --no-build --out "$bench_out" >"$results/bench-smoke.log" 2>&1
bench_rc=$?
if [ -s "$bench_out/scenarios.txt" ]; then
  while read -r word rest; do
    case "$word" in
      PASS) passed=$((passed + 1)); echo "   $rest: ok" ;;
      FAIL) failed=$((failed + 1)); echo "   FAILED $rest" ;;
      SKIP) skipped=$((skipped + 1)); echo "   skipped $rest" ;;
    esac
  done <"$bench_out/scenarios.txt"
else
  failed=$((failed + 1)); echo "   bench smoke: FAILED (exit $bench_rc, no scenario ran)"; tail -n 20 "$results/bench-smoke.log"
fi

# --- the README's run command, on a fresh database ---------------------------------------------
echo "== smoke: dotnet run --project src/Linli.Web"
smoke_dir=$(mktemp -d /tmp/linli-smoke.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
ASPNETCORE_URLS="http://127.0.0.1:$port" ConnectionStrings__Linli="Data Source=$smoke_dir/linli.db" \
  dotnet run --project src/Linli.Web >"$results/smoke-app.log" 2>&1 &
app_pid=$!
ready=""
for _ in $(seq 1 180); do
  if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then ready=1; break; fi
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 1
done
if [ -n "$ready" ]; then passed=$((passed + 1)); echo "   /health/ready: ok"; else failed=$((failed + 1)); echo "   /health/ready: FAILED"; tail -n 20 "$results/smoke-app.log"; fi
code=$(curl -s -o "$results/smoke-token.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"userName":"demo.city","password":"Demo@12345"}' "http://127.0.0.1:$port/api/v1/auth/token")
if [ "$code" = 200 ] && grep -q accessToken "$results/smoke-token.json"; then passed=$((passed + 1)); echo "   demo login: ok"
else failed=$((failed + 1)); echo "   demo login: FAILED (HTTP $code)"; fi
grep -q "demo.city" "$results/smoke-app.log" && { passed=$((passed + 1)); echo "   demo logins printed: ok"; } \
  || { failed=$((failed + 1)); echo "   demo logins printed: FAILED"; }
kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null; app_pid=""
rm -rf "$smoke_dir"

summary="Tests: $passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
