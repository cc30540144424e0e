#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `start DIR` prints its URL, `stop DIR` ends it.
#
# The server runs as an unprivileged user (initdb refuses root) in DIR, on a free local port,
# with trust authentication on 127.0.0.1 only and durability off (fsync): it lives as long
# as one test run. PostgreSQL comes from the Debian packages, installed here when missing.
set -euo pipefail

bindir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -z "$found" ]] && command -v apt-get >/dev/null && [[ $(id -u) == 0 ]]; then
    echo "pgcluster: installing PostgreSQL from the Debian packages" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 \
      || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; }
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  fi
  [[ -n "$found" ]] || { echo "pgcluster: PostgreSQL is not installed" >&2; exit 1; }
  echo "$found"
}

# Run a command as the cluster's owner: ourselves, or `postgres`/`nobody` when we are root.
as_owner() {
  if [[ $(id -u) != 0 ]]; then "$@"; return; fi
  local user=postgres
  id "$user" >/dev/null 2>&1 || user=nobody
  if command -v runuser >/dev/null; then runuser -u "$user" -- "$@"
  else su -s /bin/sh "$user" -c "$(printf '%q ' "$@")"; fi
}

owner() {
  if [[ $(id -u) != 0 ]]; then id -un; elif id postgres >/dev/null 2>&1; then echo postgres
  else echo nobody; fi
}

cmd=${1:-}; dir=${2:-}
[[ -n "$cmd" && -n "$dir" ]] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
case "$cmd" in
  start)
    bin=$(bindir)
    mkdir -p "$dir"
    chown "$(owner)" "$dir"
    chmod 700 "$dir"
    # The owner must be able to reach DIR through its parents (mktemp makes them private).
    parent=$(dirname "$dir"); [[ $(id -u) == 0 ]] && chmod o+x "$parent" 2>/dev/null || true
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U dotsdesk -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    echo "postgresql://dotsdesk@127.0.0.1:$port/postgres"
    ;;
  stop)
    [[ -d "$dir/data" ]] || exit 0
    bin=$(bindir)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
