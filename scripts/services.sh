#!/usr/bin/env bash
# Real PostgreSQL and Redis for development, tests and the demo, as plain processes bound to 127.0.0.1
# (no Docker engine is needed), with their data in the clone's git-ignored .data/ folder; as root,
# Postgres keeps its data under /var/lib/gongyi-chuangtou instead (see PG_HOME below).
#   scripts/services.sh up [--fast]   install when missing (as root), start, reuse what already runs
#   scripts/services.sh down          stop the servers of this data folder
#   scripts/services.sh status        say what runs and where its data lives
#   scripts/services.sh env           print DATABASE_URL and REDIS_URL as shell exports
# Two database roles: gongyi owns the tables and runs the migrations (DATABASE_URL); the API and the
# worker log in as gongyi_app, which owns nothing and is bound by row-level security (the application
# derives its URL from DATABASE_URL, so one variable serves the migrations and the processes).
#   scripts/services.sh purge         stop them and delete their data
# --fast turns off Postgres fsync and Redis persistence: for throwaway test data only.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=$(realpath -m "${GONGYI_DATA_DIR:-$ROOT/.data}")
PG_PORT=${GONGYI_PG_PORT:-55432}
REDIS_PORT=${GONGYI_REDIS_PORT:-56379}
# Postgres refuses to run as root, so root runs it as the postgres system user, which cannot enter a
# private home such as /root (mode 700). Root therefore keeps the cluster where that user can reach it,
# one folder per data folder (named by a hash of its path), unless the data folder already holds one.
PG_HOME_ROOT=/var/lib/gongyi-chuangtou
if [ "$(id -u)" = 0 ] && [ ! -f "$DATA/postgres/PG_VERSION" ]; then
  PG_HOME=$PG_HOME_ROOT/$(printf '%s' "$DATA" | sha256sum | cut -c1-12)
else
  PG_HOME=$DATA
fi
PG_DIR=$PG_HOME/postgres
PG_RUN=$PG_HOME/run
REDIS_DIR=$DATA/redis
DB_USER=gongyi
APP_USER=gongyi_app
DB_NAME=gongyi
DATABASE_URL="postgres://$DB_USER@127.0.0.1:$PG_PORT/$DB_NAME"
REDIS_URL="redis://127.0.0.1:$REDIS_PORT"

log() { printf '%s\n' "$*" >&2; }
die() { log "services: $*"; exit 1; }

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && printf '%s' "$dir"
}

apt_install() {
  [ "$(id -u)" = 0 ] || die "$* not installed; as root: apt-get install -y $*"
  log "installing $* (apt-get)"
  # Package scripts must not start system-wide servers on the default ports: we run our own.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  fi
  rm -f /usr/sbin/policy-rc.d
}

# From / because the postgres user may not be allowed into the folder this script was started from.
as_pg() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

pg_running() {
  [ -n "$(pg_bin)" ] && [ -f "$PG_DIR/PG_VERSION" ] && as_pg "$(pg_bin)/pg_ctl" status -D "$PG_DIR" >/dev/null 2>&1
}

redis_pid() {
  local pid
  [ -f "$REDIS_DIR/redis.pid" ] || return 1
  pid=$(cat "$REDIS_DIR/redis.pid")
  kill -0 "$pid" 2>/dev/null && grep -q redis "/proc/$pid/comm" 2>/dev/null && printf '%s' "$pid"
}

postgres_up() {
  local fast=$1 bin opts attempt
  [ -n "$(pg_bin)" ] || apt_install postgresql
  bin=$(pg_bin)
  mkdir -p "$DATA" "$PG_HOME" "$PG_RUN"
  if [ "$PG_HOME" != "$DATA" ]; then
    chmod 755 "$PG_HOME_ROOT" "$PG_HOME"
    # Says which clone a folder under /var/lib/gongyi-chuangtou belongs to, once the clone is gone.
    printf '%s\n' "$DATA" > "$PG_HOME/data-folder"
  fi
  if [ ! -f "$PG_DIR/PG_VERSION" ]; then
    mkdir -p "$PG_DIR"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_DIR" "$PG_RUN"
    as_pg "$bin/initdb" -D "$PG_DIR" -U "$DB_USER" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >> "$PG_DIR/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_RUN'
max_connections = 200
CONF
  fi
  if pg_running; then
    app_role
    log "postgres already running (pid $(head -n 1 "$PG_DIR/postmaster.pid"))"
    return 0
  fi
  # The port given now wins over the one written at initdb, so GONGYI_PG_PORT can change later.
  opts="-p $PG_PORT"
  [ "$fast" = 1 ] && opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  # Right after a kill the old pid can still look alive and Postgres refuses the stale lock: retry.
  for attempt in 1 2 3 4 5; do
    if as_pg "$bin/pg_ctl" start -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 60 -o "$opts" >/dev/null; then
      break
    fi
    [ "$attempt" = 5 ] && { tail -n 20 "$PG_DIR/server.log" >&2; die "postgres did not start"; }
    sleep 1
  done
  if ! "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -d postgres -Atqc \
    "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1; then
    "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" "$DB_NAME"
  fi
  app_role
  log "postgres started (pid $(head -n 1 "$PG_DIR/postmaster.pid"))"
}

# Roles belong to the cluster, not to one database: every database created here (tests make one each)
# finds the application role already there, and the migrations grant it its rights per database.
app_role() {
  "$(pg_bin)/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -d postgres -qc \
    "DO \$\$ BEGIN
       IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$APP_USER') THEN
         CREATE ROLE $APP_USER LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
       END IF;
     END \$\$" >/dev/null
}

redis_up() {
  local fast=$1 persistence
  command -v redis-server >/dev/null || apt_install redis-server
  mkdir -p "$REDIS_DIR"
  if redis_pid >/dev/null; then
    log "redis already running (pid $(redis_pid))"
    return 0
  fi
  persistence=(--appendonly yes --appendfsync everysec)
  [ "$fast" = 1 ] && persistence=(--appendonly no --save '')
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --protected-mode yes --daemonize yes \
    --dir "$REDIS_DIR" --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" \
    --maxmemory-policy noeviction "${persistence[@]}"
  for _ in $(seq 1 50); do
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && break
    sleep 0.1
  done
  redis_pid >/dev/null || die "redis did not start; see $REDIS_DIR/redis.log"
  log "redis started (pid $(redis_pid))"
}

print_env() {
  printf 'export DATABASE_URL=%s\nexport REDIS_URL=%s\n' "$DATABASE_URL" "$REDIS_URL"
}

status() {
  local up=0
  if pg_running; then
    printf 'postgres  up    pid %s  %s\n' "$(head -n 1 "$PG_DIR/postmaster.pid")" "$DATABASE_URL"
  else
    printf 'postgres  down\n'; up=1
  fi
  if redis_pid >/dev/null; then
    printf 'redis     up    pid %s  %s\n' "$(redis_pid)" "$REDIS_URL"
  else
    printf 'redis     down\n'; up=1
  fi
  printf 'data      %s  %s\n' "$PG_DIR" "$REDIS_DIR"
  return $up
}

down() {
  local pid
  if pg_running; then
    as_pg "$(pg_bin)/pg_ctl" stop -D "$PG_DIR" -m fast -w >/dev/null
    log "postgres stopped"
  fi
  if pid=$(redis_pid); then
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    log "redis stopped"
  fi
}

purge() {
  down
  if pg_running || redis_pid >/dev/null; then die "still running; nothing deleted"; fi
  rm -rf "$PG_DIR" "$PG_RUN" "$REDIS_DIR"
  if [ "$PG_HOME" != "$DATA" ]; then
    rm -rf "$PG_HOME"
    rmdir "$PG_HOME_ROOT" 2>/dev/null || true
  fi
  log "deleted $PG_DIR and $REDIS_DIR"
}

case "${1:-status}" in
  up)
    fast=0
    [ "${2:-}" = "--fast" ] && fast=1
    postgres_up "$fast"
    redis_up "$fast"
    status
    ;;
  down) down ;;
  status) status ;;
  env) print_env ;;
  purge) purge ;;
  *) die "usage: scripts/services.sh up [--fast] | down | status | env | purge" ;;
esac
