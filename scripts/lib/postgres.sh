# A throwaway PostgreSQL cluster in a folder of its own, on a free port on 127.0.0.1 (sourced, not run): the same
# way ./test starts one. start_postgres DIR [-c setting=value …] sets $pg_port (DIR must exist, and as root is handed
# to the postgres user, so make it with mktemp -d rather than inside another private folder); stop_postgres DIR stops it.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)

# initdb and the server refuse to run as root: as root, run them as the postgres user.
as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

start_postgres() {
  local dir=$1
  shift
  [[ -n "$pg_bin" ]] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; return 1; }
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  [[ $(id -u) -ne 0 ]] || chown postgres "$dir"
  as_postgres "'$pg_bin/initdb' -D '$dir/data' -U samverkan --auth=trust -E UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; echo "initdb failed" >&2; return 1; }
  as_postgres "'$pg_bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-p $pg_port -k '$dir' -c listen_addresses=127.0.0.1 $*\" start" >/dev/null ||
    { cat "$dir/server.log" >&2; echo "PostgreSQL did not start" >&2; return 1; }
}

stop_postgres() {
  [[ -d "$1/data" ]] || return 0
  as_postgres "'$pg_bin/pg_ctl' -D '$1/data' -m fast stop" >/dev/null 2>&1 || true
}
