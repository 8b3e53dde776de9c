#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and benchmarks: initdb in a temporary folder as an
# unprivileged user, listening only on 127.0.0.1 at a free port, with a test role and database.
#
#   eval "$(scripts/pg_cluster.sh start)"   starts one; prints the export lines below
#   scripts/pg_cluster.sh stop DIR          stops it and removes DIR (safe to call twice)
#   scripts/pg_cluster.sh pause DIR         stops the server (pg_ctl stop -m fast), keeps the data
#   scripts/pg_cluster.sh resume DIR        starts it again on the same port
#
# Exports: CC_TEST_PG (postgresql://cc_test@127.0.0.1:PORT/cc_test, no password in it),
# PGPASSFILE (the password, for every role the tests make), CC_TEST_PG_PASSWORD (the same, for
# tests that create roles), CC_TEST_PG_DIR (the folder, for stop/pause/resume).
set -euo pipefail

pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    if [ -x "$d/initdb" ]; then echo "$d"; return; fi
  done
  echo "pg_cluster: PostgreSQL is not installed (scripts/deps.sh installs it)" >&2
  exit 1
}

# The cluster must not run as root: postgres refuses to, and a test cluster should not need it.
as_owner() {
  local owner="$1"; shift
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}

cluster_owner() {
  if [ "$(id -u)" -ne 0 ]; then id -un; return; fi
  if ! id -u cc-pgtest >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin cc-pgtest >/dev/null
  fi
  echo cc-pgtest
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  local bin owner dir port password
  bin="$(pg_bin)"
  owner="$(cluster_owner)"
  dir="$(mktemp -d "${TMPDIR:-/tmp}/cc-pg.XXXXXX")"
  # A cluster that failed to start is removed again; the caller gets nothing to clean up.
  trap 'if [ -n "${dir:-}" ] && [ ! -f "$dir/port" ]; then pg_ctl_in "$dir" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir"; fi' EXIT
  chmod 755 "$dir"
  mkdir -p "$dir/data" "$dir/sock" "$dir/client" "$dir/log"
  chmod 700 "$dir/data" "$dir/client"
  chown "$owner" "$dir/data" "$dir/sock" "$dir/log"
  password="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
  echo "$password" >"$dir/sock/pw"
  chown "$owner" "$dir/sock/pw"
  chmod 600 "$dir/sock/pw"
  as_owner "$owner" "$bin/initdb" -D "$dir/data" -U cc_admin --pwfile="$dir/sock/pw" \
    --auth-local=peer --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$dir/sock/pw"
  # Peer authentication maps the cluster's OS user to the superuser for administration over the socket.
  echo "local all cc_admin peer map=owner" >"$dir/data/pg_hba.conf.new"
  grep -v '^local' "$dir/data/pg_hba.conf" >>"$dir/data/pg_hba.conf.new"
  mv "$dir/data/pg_hba.conf.new" "$dir/data/pg_hba.conf"
  echo "owner $owner cc_admin" >>"$dir/data/pg_ident.conf"
  chown "$owner" "$dir/data/pg_hba.conf"
  echo "$owner" >"$dir/owner"
  port=""
  for _ in 1 2 3 4 5; do
    port="$(free_port)"
    cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir/sock'
max_connections = 200
fsync = off
logging_collector = off
EOF
    if as_owner "$owner" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log/server.log" -w -t 60 start >/dev/null 2>&1; then
      break
    fi
    port=""  # someone took the port meanwhile: try another
  done
  if [ -z "$port" ]; then
    echo "pg_cluster: the server did not start; see $dir/log/server.log" >&2
    tail -5 "$dir/log/server.log" >&2 || true
    exit 1
  fi
  echo "$port" >"$dir/port.tmp"
  as_owner "$owner" "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir/sock" -p "$port" -U cc_admin -d postgres >/dev/null <<EOF
CREATE ROLE cc_test LOGIN CREATEROLE CREATEDB PASSWORD '$password';
CREATE DATABASE cc_test OWNER cc_test;
EOF
  # One password for every role on this cluster, so roles the tests create need no other file.
  echo "127.0.0.1:$port:*:*:$password" >"$dir/client/pgpass"
  chmod 600 "$dir/client/pgpass"
  mv "$dir/port.tmp" "$dir/port"
  echo "export CC_TEST_PG_DIR='$dir'"
  echo "export CC_TEST_PG='postgresql://cc_test@127.0.0.1:$port/cc_test'"
  echo "export PGPASSFILE='$dir/client/pgpass'"
  echo "export CC_TEST_PG_PASSWORD='$password'"
}

pg_ctl_in() {
  local dir="$1"; shift
  as_owner "$(cat "$dir/owner")" "$(pg_bin)/pg_ctl" -D "$dir/data" "$@"
}

case "${1:-}" in
  start) start ;;
  stop)
    dir="${2:?usage: pg_cluster.sh stop DIR}"
    if [ -f "$dir/owner" ] && [ -f "$dir/data/postmaster.pid" ]; then
      pg_ctl_in "$dir" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    case "$dir" in */cc-pg.*) rm -rf "$dir" ;; esac
    ;;
  pause)
    dir="${2:?usage: pg_cluster.sh pause DIR}"
    if pg_ctl_in "$dir" status >/dev/null 2>&1; then pg_ctl_in "$dir" -m fast -w stop >/dev/null; fi
    ;;
  resume)
    dir="${2:?usage: pg_cluster.sh resume DIR}"
    if ! pg_ctl_in "$dir" status >/dev/null 2>&1; then
      pg_ctl_in "$dir" -l "$dir/log/server.log" -w -t 60 start >/dev/null
    fi
    ;;
  *) echo "usage: pg_cluster.sh start | stop DIR | pause DIR | resume DIR" >&2; exit 2 ;;
esac
