#!/usr/bin/env bash
# The ballot benchmark of docs/benchmarks.md: publishes Pingyi.Web (Release), starts a private
# PostgreSQL with its durable defaults (fsync on, synchronous_commit on) on 127.0.0.1, and runs the
# load driver against SQLite and PostgreSQL. Results are appended to bench/results.md (not committed;
# copy them into docs/benchmarks.md). Options are passed on to the driver, e.g.
#   bench/run.sh --raters 64 --seconds 20 --codes 100000
#   bench/run.sh --results                  (the results dashboards benchmark on 1,000,000 ballots)
#   BENCH_PROVIDERS=sqlite bench/run.sh --link
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
out="$root/bench/.out"
results="$root/bench/results.md"
providers="${BENCH_PROVIDERS:-sqlite postgres}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet publish src/Pingyi.Web -c Release -o "$out/app" -nologo -v q >/dev/null
dotnet publish bench/Pingyi.Bench -c Release -o "$out/driver" -nologo -v q >/dev/null

{
  echo
  echo "## Run of $(date -u +%Y-%m-%dT%H:%MZ): $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r), .NET $(dotnet --version), args: $*"
  echo
} >>"$results"

pg_dir=""
pg_ctl=""
run=()
stop_pg() {
  if [ -n "$pg_dir" ]; then
    "${run[@]}" "$pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
    cp "$pg_dir/log" "$out/postgres.log" 2>/dev/null || true
    rm -rf "$pg_dir"
  fi
}
trap stop_pg EXIT

for provider in $providers; do
  # The machine is shared: its load before each run is part of the result.
  echo "load before the $provider run: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$results"
  echo >>"$results"
  if [ "$provider" = postgres ]; then
    initdb="$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)"
    pg_ctl="$(dirname "$initdb")/pg_ctl"
    pg_dir="$(mktemp -d /tmp/pingyi-bench-pg.XXXXXX)"
    port=55499
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    if [ "$(id -u)" = 0 ]; then chown postgres "$pg_dir"; run=(runuser -u postgres --); fi
    "${run[@]}" "$initdb" -D "$pg_dir/data" -U pingyi -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    # Durable defaults (fsync=on, synchronous_commit=on, full_page_writes=on); only room for the raters' connections.
    # Statements over a second are logged without their parameters (kept in bench/.out/postgres.log): where a slow figure's time went.
    "${run[@]}" "$pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
      -o "-p $port -c listen_addresses=127.0.0.1 -k $pg_dir -c max_connections=200 -c shared_buffers=256MB -c log_min_duration_statement=1000 -c log_parameter_max_length=0" start >/dev/null
    "$(dirname "$initdb")/psql" -h 127.0.0.1 -p "$port" -U pingyi -d postgres -qc "create database bench" >/dev/null
    "$(dirname "$initdb")/psql" -h 127.0.0.1 -p "$port" -U pingyi -d postgres -Atc \
      "select 'postgres settings: fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') || ', full_page_writes=' || current_setting('full_page_writes')" >>"$results"
    echo >>"$results"
    dotnet "$out/driver/Pingyi.Bench.dll" --app "$out/app/Pingyi.Web.dll" --provider postgres \
      --pg "Host=127.0.0.1;Port=$port;Username=pingyi;Database=bench;Maximum Pool Size=100" --out "$results" "$@"
    stop_pg
    pg_dir=""
  else
    dotnet "$out/driver/Pingyi.Bench.dll" --app "$out/app/Pingyi.Web.dll" --provider sqlite --out "$results" "$@"
  fi
done
