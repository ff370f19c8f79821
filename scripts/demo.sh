#!/usr/bin/env bash
# The README's first command (`npm run demo`): the platform's main job, a whole competition, from a
# fresh clone on real PostgreSQL and Redis. Installs what is missing, starts the services, applies
# the migrations, builds and starts the API and the worker, then plays "2026年 党建项目创投大赛"
# through the public API (scripts/demo/run-competition.ts): applications, screening, a roadshow
# with seven judges, ranking and allocation, the public notice, the agreements, and a fast-forwarded
# project year of the grants ledger (tranches on two signatures, reports, monthly checks with an
# organization's exit, a termination).
#   --serve   leave everything running for a person to explore (Ctrl-C stops it)
# Without --serve it stops what it started and exits 0.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$PATH"
serve=0
[ "${1:-}" = "--serve" ] && serve=1

RUN=$ROOT/.data/demo
mkdir -p "$RUN"
started=()
services_started=0

stop_all() {
  local pid
  for pid in "${started[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${started[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  if [ "$services_started" = 1 ]; then bash scripts/services.sh down >/dev/null 2>&1 || true; fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

step() { printf '\n== %s\n' "$*"; }

step "依赖 / dependencies"
bash scripts/ensure-deps.sh

step "PostgreSQL + Redis"
bash scripts/services.sh status >/dev/null 2>&1 || services_started=1
bash scripts/services.sh up
eval "$(bash scripts/services.sh env)"
export API_PORT=${API_PORT:-3000} QUEUE_PREFIX=${QUEUE_PREFIX:-gongyi}
# Keys of this machine's own, made once and kept out of git with the rest of .data/: one for
# sessions, one for the digests of API keys and judge codes.
secret() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
keep() { [ -s "$1" ] || (umask 077 && printf '%s' "$2" > "$1"); }
keep "$ROOT/.data/session-keys" "demo:$(secret)"
# A machine that ran the demo when one secret did everything keeps the codes and keys made then,
# as the README's upgrade note says: that secret stays listed as the credential key `legacy`.
legacy=""
[ -s "$ROOT/.data/auth-secret" ] && legacy=",legacy:$(cat "$ROOT/.data/auth-secret")"
keep "$ROOT/.data/credential-keys" "demo:$(secret)$legacy"
keep "$ROOT/.data/metrics-token" "$(secret)"
SESSION_KEYS=$(cat "$ROOT/.data/session-keys")
CREDENTIAL_KEYS=$(cat "$ROOT/.data/credential-keys")
METRICS_TOKEN=$(cat "$ROOT/.data/metrics-token")
export SESSION_KEYS CREDENTIAL_KEYS METRICS_TOKEN

step "数据库迁移 / migrations"
node -r @swc-node/register libs/persistence/src/migrate.ts up

step "构建 / build"
nest build api >/dev/null
nest build worker >/dev/null

step "启动 / start"
# The demo's residents read their SMS codes where the development provider writes them: the API's
# log, at level `log`. A quieter level asked for (the test run asks for warn) would hide them.
api_log_level=${LOG_LEVEL:-log}
case $api_log_level in fatal | error | warn) api_log_level=log ;; esac
SMS_PROVIDER=log LOG_LEVEL=$api_log_level node dist/apps/api/apps/api/src/main.js > "$RUN/api.log" 2>&1 &
started+=($!)
node dist/apps/worker/apps/worker/src/main.js > "$RUN/worker.log" 2>&1 &
started+=($!)
base="http://127.0.0.1:$API_PORT"
health=""
for _ in $(seq 1 100); do
  health=$(curl -s "$base/health" || true)
  case "$health" in *'"status":"ok"'*'"worker":{"status":"up"'*) break ;; esac
  sleep 0.2
done
case "$health" in
  *'"status":"ok"'*'"worker":{"status":"up"'*) ;;
  *) echo "API or worker did not come up; logs in $RUN" >&2; tail -n 20 "$RUN/api.log" "$RUN/worker.log" >&2; exit 1 ;;
esac
echo "health: $health"

step "大赛 / the competition"
node -r @swc-node/register scripts/demo/run-competition.ts "$base" "$RUN"

step "审计链 / audit chain"
node -r @swc-node/register apps/api/src/cli/audit.ts verify "$RUN/audit-log.csv"

step "地址 / addresses"
echo "API 文档 / docs: $base/api/docs"
echo "健康 / health:   $base/health"
echo "指标 / metrics:  curl -H \"Authorization: Bearer \$(cat $ROOT/.data/metrics-token)\" $base/metrics"
echo "日志 / logs:     $RUN"

if [ "$serve" = 1 ]; then
  echo
  echo "运行中，按 Ctrl-C 停止 / running, press Ctrl-C to stop"
  wait
fi
