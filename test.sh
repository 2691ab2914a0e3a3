#!/usr/bin/env bash
# Runs every test suite of Pingyi and ends with one line: "N passed, N failed".
# Installs what the suites need when it is missing (PostgreSQL, Chromium, CJK fonts, LibreOffice
# Writer and poppler for the report tests) with
# apt-get when run as root, and starts a private PostgreSQL server on 127.0.0.1 for the run.
set -uo pipefail
cd "$(dirname "$0")"
root_dir="$(pwd)"
artifacts="$root_dir/.test-artifacts"
rm -rf "$artifacts"
mkdir -p "$artifacts"

log() { printf '[test.sh] %s\n' "$*" >&2; }

# --- prerequisites -----------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    log "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null 2>&1
    apt-get install -y -qq "${missing[@]}" >"$artifacts/apt.log" 2>&1 || log "apt-get install failed; see $artifacts/apt.log"
  else
    log "missing ${missing[*]} and not root: the suites that need them will fail"
  fi
fi

# --- a private PostgreSQL server on 127.0.0.1 ----------------------------------------------
pg_dir=""
pg_ctl_bin=""
stop_postgres() {
  if [ -n "$pg_dir" ] && [ -n "$pg_ctl_bin" ]; then
    if [ "$(id -u)" = "0" ]; then
      runuser -u postgres -- "$pg_ctl_bin" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1
    else
      "$pg_ctl_bin" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1
    fi
    rm -rf "$pg_dir"
  fi
}
trap stop_postgres EXIT

start_postgres() {
  local initdb_bin port
  initdb_bin="$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1)"
  [ -n "$initdb_bin" ] || { log "PostgreSQL is not installed"; return 1; }
  pg_ctl_bin="$(dirname "$initdb_bin")/pg_ctl"
  pg_dir="$(mktemp -d /tmp/pingyi-pg.XXXXXX)"
  port=55432
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  local run=()
  if [ "$(id -u)" = "0" ]; then
    chown postgres "$pg_dir"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$initdb_bin" -D "$pg_dir/data" -U pingyi -A trust -E UTF8 --locale=C.UTF-8 >"$artifacts/initdb.log" 2>&1 \
    || { log "initdb failed; see $artifacts/initdb.log"; return 1; }
  "${run[@]}" "$pg_ctl_bin" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $pg_dir -c fsync=off -c max_connections=200" start >/dev/null 2>&1 \
    || { log "PostgreSQL did not start"; cp "$pg_dir/server.log" "$artifacts/" 2>/dev/null; return 1; }
  export PINGYI_TEST_PG="Host=127.0.0.1;Port=$port;Username=pingyi;Database=postgres;Pooling=true"
  log "PostgreSQL listening on 127.0.0.1:$port"
}
start_postgres || log "PostgreSQL unavailable: the PostgreSQL tests will fail"

# --- build once, then run each suite ---------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Every test host would otherwise watch its content and config files through inotify, and the
# per-user limit on inotify instances (often 128) runs out when many hosts live at once.
export DOTNET_USE_POLLING_FILE_WATCHER=true DOTNET_hostBuilder__reloadConfigOnChange=false
if ! dotnet build Pingyi.slnx -c Debug -nologo -v q >"$artifacts/build.log" 2>&1; then
  grep -E "error|Error" "$artifacts/build.log" | sort -u | head -40 >&2
  log "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0
failed=0
for project in tests/Pingyi.Domain.Tests tests/Pingyi.Web.Tests tests/Pingyi.BrowserTests; do
  [ -d "$project" ] || continue
  name="$(basename "$project")"
  log "running $name"
  dotnet test "$project" --no-build -c Debug --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$artifacts" --blame-hang-timeout 10m >"$artifacts/$name.log" 2>&1
  trx="$artifacts/$name.trx"
  if [ -f "$trx" ]; then
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
    p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    total="$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")"
    executed="$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    p="${p:-0}"; f="${f:-0}"
    # Tests that did not run (aborted host, missing prerequisite) count as failed, never as skipped.
    not_run=$(( ${total:-0} - ${executed:-0} ))
    [ "$not_run" -gt 0 ] && f=$((f + not_run))
    if [ "$p" = "0" ] && [ "$f" = "0" ]; then f=1; fi
  else
    p=0; f=1
  fi
  if [ "$f" != "0" ]; then
    grep -E "^\s+Failed |Error Message|Assert\.|Exception" "$artifacts/$name.log" | head -60 >&2
  fi
  log "$name: $p passed, $f failed"
  passed=$((passed + p))
  failed=$((failed + f))
done

echo "$passed passed, $failed failed"
[ "$failed" = "0" ]
