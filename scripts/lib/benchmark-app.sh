# Shared by scripts/benchmark and scripts/benchmark-agreements (sourced, not run): a temporary folder for the
# database, a free port on 127.0.0.1, the app started in Production mode with the benchmark endpoints, and a trap
# that stops it and removes the folder however the script ends.
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work=$(mktemp -d /tmp/samverkan-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
app_pid=""
cleanup() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
# Turn Ctrl-C and kill into a normal exit, so the EXIT trap stops the app and removes the database.
trap "exit 130" INT TERM

export Database__Provider=Sqlite ConnectionStrings__Samverkan="Data Source=$work/samverkan.db" Logging__LogLevel__Default=Warning

# Starts the Release build of the app on $port (an SQLite database migrates and seeds itself on its first start)
# and waits up to a minute for /readyz (database reachable, migrations applied).
start_app() {
  echo "benchmark: starting the app on http://127.0.0.1:$port (database in $work) …" >&2
  # The per-key API quota (600 a minute) would answer the closed loop with 429s: lifted here, the limiter still runs.
  ASPNETCORE_ENVIRONMENT=Production Samverkan__BenchmarkEndpoints=true RateLimits__Api__PermitLimit=100000000 \
    dotnet "$root/src/Samverkan.Web/bin/Release/net10.0/Samverkan.Web.dll" \
      --contentRoot "$root/src/Samverkan.Web" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null && return 0
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; echo "benchmark: the app exited" >&2; exit 1; }
    sleep 0.25
  done
  curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" || { cat "$work/app.log" >&2; echo "benchmark: the app did not become healthy" >&2; exit 1; }
}

# Runs the harness against the app with the given options; prints what the app logged (warnings and errors only).
run_harness() {
  local rc=0
  dotnet "$root/tools/Samverkan.Benchmarks/bin/Release/net10.0/Samverkan.Benchmarks.dll" \
    --url "http://127.0.0.1:$port" --server-pid "$app_pid" "$@" || rc=$?
  if [[ -s "$work/app.log" ]]; then
    echo "benchmark: the app logged (warnings and errors only):" >&2
    tail -n 20 "$work/app.log" >&2
  fi
  return $rc
}
