#!/usr/bin/env bash
# Makes a local PostgreSQL reachable for the store contract tests: installs it from Debian's
# packages when missing (root only), starts the cluster when stopped, and creates the `test`
# database. Prints what it did; never fails the caller (the tests skip with a reason instead).
set -u
url="${HASHWIRE_TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/test}"
reachable() { command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432; }
if ! reachable; then
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "ensure-postgres: installing postgresql from Debian packages"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >/dev/null 2>&1 || true
      apt-get install -y -qq postgresql >/dev/null 2>&1 || echo "ensure-postgres: install failed" >&2
    fi
  fi
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    ver=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
    [ -n "$ver" ] && pg_ctlcluster --skip-systemctl-redirect "$ver" main start >/dev/null 2>&1 || true
    for _ in $(seq 1 20); do reachable && break; sleep 0.5; done
  fi
fi
if reachable; then
  # trust auth on the local machine is the default of the machines CI runs on; make sure
  # the database exists and the role can log in over TCP.
  if ! psql "$url" -c "select 1" >/dev/null 2>&1; then
    su postgres -c "psql -q -c \"create database test\"" >/dev/null 2>&1 || true
    hba=$(su postgres -c "psql -tAc 'show hba_file'" 2>/dev/null)
    if [ -n "$hba" ] && ! psql "$url" -c "select 1" >/dev/null 2>&1 && [ -w "$hba" ]; then
      sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
      su postgres -c "psql -q -c 'select pg_reload_conf()'" >/dev/null 2>&1 || true
      sleep 1
    fi
  fi
  psql "$url" -c "select 1" >/dev/null 2>&1 && echo "ensure-postgres: PostgreSQL reachable at $url" \
    || echo "ensure-postgres: server running but $url refused; PostgreSQL tests will skip" >&2
else
  echo "ensure-postgres: no PostgreSQL reachable; PostgreSQL tests will skip" >&2
fi
exit 0
