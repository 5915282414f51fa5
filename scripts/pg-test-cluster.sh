#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for tests (CI and developer machines).
#
#   scripts/pg-test-cluster.sh start   # prints the Npgsql connection string on stdout
#   scripts/pg-test-cluster.sh stop    # stops the cluster and removes its directory
#   scripts/pg-test-cluster.sh status
#
# Needs Debian's `postgresql` package (binaries in /usr/lib/postgresql/*/bin and the
# `postgres` system user) and must run as root. The port defaults to 5433 and can be
# changed with ANXIN_PG_PORT. Everything but the connection string goes to stderr.
# Tests run with fsync off (nothing here must survive a power cut); benchmarks of durable
# writes set ANXIN_PG_FSYNC=on, PostgreSQL's own default.
set -euo pipefail

PORT="${ANXIN_PG_PORT:-5433}"
FSYNC="${ANXIN_PG_FSYNC:-off}"
if [[ "$FSYNC" != on && "$FSYNC" != off ]]; then
  echo "pg-test-cluster: ANXIN_PG_FSYNC must be on or off" >&2
  exit 2
fi
SOCKET_DIR=/tmp
# Records the cluster directory so that `stop` can find it (one file per port).
if [[ "$PORT" == 5433 ]]; then
  PATH_FILE=/tmp/anxin-pg-cluster.path
else
  PATH_FILE="/tmp/anxin-pg-cluster-${PORT}.path"
fi
CONN="Host=127.0.0.1;Port=${PORT};Username=anxin;Password=anxin;Database=anxin"

log() { echo "pg-test-cluster: $*" >&2; }

find_bin() {
  local best="" dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
    [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && best="$dir"
  done
  if [[ -z "$best" ]]; then
    log "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)"
    exit 1
  fi
  echo "$best"
}

# Run a command as the postgres user, from a directory it can read.
as_pg() {
  (cd / && runuser -u postgres -- "$@")
}

psql_super() {
  as_pg "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCKET_DIR" -p "$PORT" -U postgres -d postgres "$@"
}

anxin_ready() {
  PGPASSWORD=anxin "$BIN/psql" -X -q -t -A \
    "host=127.0.0.1 port=${PORT} user=anxin dbname=anxin connect_timeout=5" \
    -c 'select 1' >/dev/null 2>&1
}

recorded_dir() {
  [[ -f "$PATH_FILE" ]] && cat "$PATH_FILE" || true
}

cmd_start() {
  BIN="$(find_bin)"
  if [[ $EUID -ne 0 ]]; then
    log "must run as root (it runs initdb and pg_ctl as user postgres)"
    exit 1
  fi
  if ! id postgres >/dev/null 2>&1; then
    log "system user 'postgres' is missing (apt-get install postgresql)"
    exit 1
  fi

  # Idempotent: something already answers on the port.
  if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" 2>/dev/null; then
    if anxin_ready; then
      log "already running on port ${PORT}"
      echo "$CONN"
      return 0
    fi
    log "a server answers on port ${PORT} but role/database 'anxin' is not usable there"
    exit 1
  fi

  # A recorded cluster that is no longer running: clean it up first.
  local old
  old="$(recorded_dir)"
  if [[ -n "$old" ]]; then
    if [[ -d "$old/data" ]] && as_pg "$BIN/pg_ctl" -D "$old/data" status >/dev/null 2>&1; then
      log "cluster $old is running but does not answer on port ${PORT}; stop it first ($0 stop)"
      exit 1
    fi
    log "removing stale cluster directory $old"
    rm -rf -- "$old"
    rm -f -- "$PATH_FILE"
  fi

  local dir
  dir="$(mktemp -d /tmp/anxin-pg.XXXXXX)"
  chown postgres:postgres "$dir"
  chmod 700 "$dir"
  echo "$dir" >"$PATH_FILE"

  log "initdb in $dir/data (PostgreSQL $(basename "$(dirname "$BIN")"))"
  if ! as_pg "$BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
      --no-sync >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    exit 1
  fi

  log "starting on 127.0.0.1:${PORT} (fsync ${FSYNC})"
  if ! as_pg "$BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" \
      -o "-p ${PORT} -k ${SOCKET_DIR} -c listen_addresses=127.0.0.1 -c fsync=${FSYNC} -c max_connections=300" \
      -w -t 60 start >&2; then
    cat "$dir/postgres.log" >&2 || true
    exit 1
  fi

  psql_super <<'SQL'
CREATE ROLE anxin WITH LOGIN CREATEDB SUPERUSER PASSWORD 'anxin';
CREATE DATABASE anxin OWNER anxin ENCODING 'UTF8' TEMPLATE template0;
SQL

  if ! anxin_ready; then
    log "cluster started but cannot connect as anxin"
    exit 1
  fi
  echo "$CONN"
}

cmd_stop() {
  local dir
  dir="$(recorded_dir)"
  if [[ -z "$dir" ]]; then
    log "no cluster recorded in $PATH_FILE; nothing to stop"
    return 0
  fi
  BIN="$(find_bin)"
  if [[ -d "$dir/data" ]]; then
    as_pg "$BIN/pg_ctl" -D "$dir/data" stop -m fast -w -t 60 >&2 \
      || as_pg "$BIN/pg_ctl" -D "$dir/data" stop -m immediate -w >&2 \
      || true
  fi
  rm -rf -- "$dir"
  rm -f -- "$PATH_FILE"
  log "stopped and removed $dir"
}

cmd_status() {
  local dir
  dir="$(recorded_dir)"
  BIN="$(find_bin)"
  if [[ -n "$dir" && -d "$dir/data" ]] && as_pg "$BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    log "running from $dir on port ${PORT}"
    echo "$CONN"
  else
    log "not running"
    return 3
  fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
