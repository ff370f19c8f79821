#!/usr/bin/env bash
# The README's test command (`npm test`): gates, then every test tier on real Postgres and Redis.
#   1. starts Postgres and Redis (scripts/services.sh, non-durable settings when it starts them),
#   2. creates a fresh database for this run and applies the migrations,
#   3. runs the gates (typecheck, lint with zero warnings, format) and jest (unit, integration, e2e),
#   4. drops the database, stops the services it started, and ends with `N passed, N failed`.
# Arguments are passed to jest (for example a path filter).
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# The project pins Node 24 as a package; put it and the tools first even when run outside npm.
export PATH="$ROOT/node_modules/.bin:$PATH"
RESULTS=$ROOT/.data/test-results
mkdir -p "$RESULTS"

# pdftotext and qpdf read the generated agreements back; Chromium and CJK fonts run the page tests.
bash scripts/ensure-deps.sh poppler-utils qpdf chromium fonts-noto-cjk || { echo "0 passed, 1 failed"; exit 1; }

started_services=0
if ! bash scripts/services.sh status >/dev/null 2>&1; then
  started_services=1
fi
bash scripts/services.sh up --fast >/dev/null || { echo "services did not start"; echo "0 passed, 1 failed"; exit 1; }
eval "$(bash scripts/services.sh env)"

run_id="t$(date +%s)$$"
base_url=${DATABASE_URL%/*}
export DATABASE_URL="$base_url/gongyi_$run_id"
export QUEUE_PREFIX="test-$run_id"
export NODE_ENV=test LOG_LEVEL=warn
# NestJS 12 is ESM-only; classic Jest loads it through Node's VM modules.
export NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning ${NODE_OPTIONS:-}"
export TEST_RESULTS_DIR=$RESULTS
# Fresh keys for every run: nothing a test signs or stores outlives it.
SESSION_KEYS="test:$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
CREDENTIAL_KEYS="test:$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export SESSION_KEYS CREDENTIAL_KEYS
psql "$base_url/postgres" -qc "CREATE DATABASE gongyi_$run_id" >/dev/null

cleanup() {
  psql "$base_url/postgres" -qc "DROP DATABASE IF EXISTS gongyi_$run_id WITH (FORCE)" >/dev/null 2>&1
  redis-cli -u "$REDIS_URL" --scan --pattern "test-$run_id:*" 2>/dev/null | xargs -r -n 500 redis-cli -u "$REDIS_URL" del >/dev/null 2>&1
  if [ "$started_services" = 1 ]; then bash scripts/services.sh down >/dev/null 2>&1; fi
  return 0
}
trap cleanup EXIT

gates_passed=0
gates_failed=0
gate() {
  local name=$1
  shift
  echo "== $name"
  if "$@"; then gates_passed=$((gates_passed + 1)); else gates_failed=$((gates_failed + 1)); echo "!! $name failed"; fi
}

gate "migrate" node -r @swc-node/register libs/persistence/src/migrate.ts up
gate "typecheck" tsc -p tsconfig.json --noEmit
gate "lint" eslint . --max-warnings 0
gate "format" prettier --check . --log-level warn

# The README's first command, end to end: the results table, the grants ledger, the second
# competition's component table, the verified audit log export, the agreements folder, and a PDF that
# holds a funded project's name.
demo_check() {
  local log=$RESULTS/demo.log folder pdf text
  API_PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})') \
    DATABASE_URL="$base_url/gongyi" QUEUE_PREFIX="demo-$run_id" LOG_LEVEL=warn bash scripts/demo.sh > "$log" 2>&1 ||
    { tail -n 30 "$log"; return 1; }
  grep -q '名次' "$log" && grep -q '原因 / reason' "$log" || { echo "no results table in $log"; return 1; }
  grep -q '资助台账 / the grants ledger' "$log" && grep -q '^GYCT-' "$log" || { echo "no grants ledger in $log"; return 1; }
  grep -q '评分构成表 / the component table' "$log" || { echo "no component table in $log"; return 1; }
  grep -q '^OK 审计链完整 / audit chain intact' "$log" || { echo "the audit log export did not verify in $log"; return 1; }
  folder=$(sed -n 's/^agreements: //p' "$log")
  pdf=$(ls "$folder"/*.pdf 2>/dev/null | head -n 1)
  [ -n "$pdf" ] || { echo "no agreement PDF in '$folder'"; return 1; }
  # Read the whole text first: grep -q closing the pipe early would fail the pipeline under pipefail.
  text=$(pdftotext -layout "$pdf" -)
  [[ "$text" == *"发挥先锋作用"* ]] || { echo "$pdf does not name 五顶岗's project"; return 1; }
  echo "demo: $(grep -c '\.pdf$' <(ls "$folder")) agreements in $folder"
}
gate "demo" demo_check

echo "== jest"
rm -f "$RESULTS/jest.json"
# No --forceExit: every test closes what it opens (apps, workers it spawns, queues, browsers), so the
# run ends by itself; a handle left open shows as a run that does not end (find it with --detectOpenHandles).
jest --json --outputFile="$RESULTS/jest.json" "$@"
jest_status=$?

# Gates count as checks beside the jest tests; a suite that failed to load counts as a failure.
summary=$(node -e '
  let r = { numPassedTests: 0, numFailedTests: 0, numRuntimeErrorTestSuites: 1 };
  try { r = require(process.argv[1]); } catch {}
  const passed = r.numPassedTests + Number(process.argv[2]);
  const failed = r.numFailedTests + Number(process.argv[3]) + (r.numRuntimeErrorTestSuites || 0);
  console.log(`${passed} passed, ${failed} failed`);
' "$RESULTS/jest.json" "$gates_passed" "$gates_failed")
trap - EXIT
cleanup
echo "$summary"
[ "$jest_status" = 0 ] && [ "$gates_failed" = 0 ] && [[ "$summary" == *" 0 failed" ]]
