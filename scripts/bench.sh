#!/usr/bin/env bash
# `bash scripts/bench.sh BENCH.ts` (npm run bench:roadshow, bench:votes): starts Postgres and Redis if
# needed (durable settings unless they already run otherwise; the benchmark prints which), runs the
# benchmark on a fresh database, then drops the database and the queue keys it wrote.
set -euo pipefail
bench=${1:?usage: bash scripts/bench.sh apps/api/bench/NAME.bench.ts}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$PATH"
bash scripts/services.sh up >/dev/null 2>&1
eval "$(bash scripts/services.sh env)"
name="gongyi_bench_$(date +%s)$$"
base_url=${DATABASE_URL%/*}
prefix="bench-$(date +%s)$$"
cleanup() {
  psql "$base_url/postgres" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null 2>&1 || true
  redis-cli -u "$REDIS_URL" --scan --pattern "$prefix:*" 2>/dev/null | xargs -r -n 500 redis-cli -u "$REDIS_URL" del >/dev/null 2>&1 || true
}
psql "$base_url/postgres" -qc "CREATE DATABASE $name" >/dev/null
trap cleanup EXIT
# The API processes log at the default level, as in production; their output goes nowhere.
export DATABASE_URL="$base_url/$name" QUEUE_PREFIX="$prefix"
unset LOG_LEVEL
SESSION_KEYS="bench:$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
CREDENTIAL_KEYS="bench:$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export SESSION_KEYS CREDENTIAL_KEYS
node -r @swc-node/register libs/persistence/src/migrate.ts up >/dev/null
node -r @swc-node/register "$bench"
