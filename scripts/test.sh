#!/usr/bin/env bash
# The single test command of the repository: scripts/test.sh [extra dotnet test arguments]
#
# - Installs with apt-get what the tests need and the machine lacks (PostgreSQL,
#   poppler-utils, chromium), starts a throwaway PostgreSQL server on 127.0.0.1 and exports MOKUHYO_TEST_POSTGRES
#   for the tests. If MOKUHYO_TEST_POSTGRES is already set, that server is used
#   and nothing is started.
# - Runs `dotnet test` on the whole solution with TRX reports in a fresh
#   TestResults/<timestamp> directory; extra arguments are passed through.
# - Prints, as the very last line, "N passed, N failed" (", N skipped" when
#   some were skipped), summed over the TRX files of this run.
# - Exits non-zero if a test failed, if dotnet test failed (build error,
#   crashed test host...), or if no test ran.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"
export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"

log() { echo "test.sh: $*" >&2; }
now_ms() { date +%s%3N; }

# ---------------------------------------------------------------- PostgreSQL
pg_tmp=""
pg_bin=""
pg_started=0

# Runs a command as the postgres user (initdb refuses to run as root), from the
# server's own directory so that an unreadable working directory does not matter.
as_postgres() {
    if [[ $EUID -eq 0 ]]; then
        (cd "$pg_tmp" && runuser -u postgres -- "$@")
    else
        (cd "$pg_tmp" && "$@")
    fi
}

stop_postgres() {
    if [[ $pg_started -eq 1 ]]; then
        pg_started=0
        local t0
        t0=$(now_ms)
        if ! as_postgres "$pg_bin/pg_ctl" -D "$pg_tmp/db" -m fast -w stop >/dev/null 2>&1; then
            log "pg_ctl stop failed; server log follows"
            cat "$pg_tmp/log" >&2 || true
        fi
        log "PostgreSQL stopped in $(( $(now_ms) - t0 )) ms"
    fi
    if [[ -n "$pg_tmp" ]]; then
        rm -rf -- "$pg_tmp" || true
        pg_tmp=""
    fi
}
trap stop_postgres EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

find_pg_bin() {
    local initdb
    initdb=$(ls -1d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
    [[ -n "$initdb" ]] && dirname "$initdb"
}

port_in_use() {
    local port=$1
    if command -v ss >/dev/null 2>&1; then
        [[ -n "$(ss -Hltn "( sport = :$port )" 2>/dev/null)" ]] && return 0
    fi
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# Installs, with one apt-get update, whatever the tests need that this machine lacks:
# the PostgreSQL server, poppler's pdftotext/pdfinfo/pdffonts (PDF tests read documents with them)
# and Chromium (the browser tests drive /usr/bin/chromium; Playwright cannot download a browser here).
ensure_packages() {
    local missing=()
    [[ -z "$(find_pg_bin || true)" && -z "${MOKUHYO_TEST_POSTGRES:-}" ]] && missing+=(postgresql postgresql-contrib)
    command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
    command -v npm >/dev/null 2>&1 || missing+=(npm)
    [[ ${#missing[@]} -eq 0 ]] && return 0
    if [[ $EUID -ne 0 ]]; then
        log "missing packages (${missing[*]}) and not root to install them"
        exit 1
    fi
    log "installing ${missing[*]} with apt-get"
    local apt_log
    apt_log=$(mktemp)
    if ! { DEBIAN_FRONTEND=noninteractive apt-get -q update &&
           DEBIAN_FRONTEND=noninteractive apt-get -q install -y "${missing[@]}"; } >"$apt_log" 2>&1; then
        cat "$apt_log" >&2
        rm -f "$apt_log"
        log "apt-get failed to install ${missing[*]}"
        exit 1
    fi
    rm -f "$apt_log"
}

start_postgres() {
    pg_bin=$(find_pg_bin || true)
    if [[ -z "$pg_bin" ]]; then
        log "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb)"
        exit 1
    fi

    local t0
    t0=$(now_ms)
    pg_tmp=$(mktemp -d /tmp/mokuhyo-pg.XXXXXX)
    if [[ $EUID -eq 0 ]]; then
        chown postgres: "$pg_tmp"
    fi
    chmod 700 "$pg_tmp"

    if ! as_postgres "$pg_bin/initdb" -D "$pg_tmp/db" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
            >"$pg_tmp/initdb.log" 2>&1; then
        cat "$pg_tmp/initdb.log" >&2
        log "initdb failed"
        exit 1
    fi

    local port=55432 attempts=0
    while :; do
        if (( port > 55631 )); then
            log "no free port found in 55432-55631"
            exit 1
        fi
        if port_in_use "$port"; then
            port=$((port + 1))
            continue
        fi
        if as_postgres "$pg_bin/pg_ctl" -D "$pg_tmp/db" \
                -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_tmp" \
                -w -t 60 -l "$pg_tmp/log" start >/dev/null 2>&1; then
            break
        fi
        # Lost a race for the port, or something else went wrong: show why, retry a few times.
        attempts=$((attempts + 1))
        cat "$pg_tmp/log" >&2 || true
        if (( attempts >= 5 )); then
            log "PostgreSQL failed to start"
            exit 1
        fi
        log "PostgreSQL failed to start on port $port; trying the next one"
        port=$((port + 1))
    done
    pg_started=1

    export MOKUHYO_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($pg_tmp), ready in $(( $(now_ms) - t0 )) ms"
}

ensure_packages

# axe-core and the Nu HTML checker for the browser tests' audit, from the committed lock file;
# reinstalled only when node_modules is missing or older than the lock file.
ensure_web_audit() {
    local dir="$repo_root/tests/Mokuhyo.Browser.Tests/web-audit"
    if [[ ! -f "$dir/node_modules/.package-lock.json" || "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]]; then
        log "npm ci in tests/Mokuhyo.Browser.Tests/web-audit"
        (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
    fi
}
ensure_web_audit

if [[ -n "${MOKUHYO_TEST_POSTGRES:-}" ]]; then
    log "using MOKUHYO_TEST_POSTGRES from the environment; not starting PostgreSQL"
else
    start_postgres
fi

# ---------------------------------------------------------------- dotnet test
stamp=$(date +%Y%m%d-%H%M%S)
results_dir="$repo_root/TestResults/$stamp"
n=1
while [[ -e "$results_dir" ]]; do
    results_dir="$repo_root/TestResults/$stamp-$n"
    n=$((n + 1))
done
mkdir -p "$results_dir"

dotnet_rc=0
dotnet test --solution Mokuhyo.slnx --report-trx --results-directory "$results_dir" "$@" || dotnet_rc=$?

stop_postgres

# ---------------------------------------------------------------- summary
# Sum <Counters> of every TRX file of this run. skipped = total - executed;
# failed covers every executed test that did not pass (error, timeout, ...).
trx_count=$(find "$results_dir" -type f -name '*.trx' | wc -l)
read -r passed failed skipped < <(
    find "$results_dir" -type f -name '*.trx' -print0 |
        xargs -0 -r cat |
        awk 'BEGIN { RS = ">"; p = 0; f = 0; s = 0 }
             function attr(name,   re) {
                 re = "[ \t\r\n]" name "=\"[0-9]+\""
                 if (match($0, re)) {
                     v = substr($0, RSTART, RLENGTH)
                     sub(/^[^"]*"/, "", v); sub(/"$/, "", v)
                     return v + 0
                 }
                 return 0
             }
             /<Counters[ \t\r\n]/ {
                 total = attr("total"); executed = attr("executed")
                 passed = attr("passed"); failed = attr("failed")
                 if (executed - passed > failed) failed = executed - passed
                 p += passed; f += failed
                 if (total > executed) s += total - executed
             }
             END { print p, f, s }'
)

rc=0
if (( dotnet_rc != 0 )); then
    log "dotnet test exited with code $dotnet_rc"
    rc=$dotnet_rc
fi
if (( failed > 0 && rc == 0 )); then
    rc=1
fi
if (( passed + failed == 0 )); then
    log "no test ran ($trx_count TRX file(s) in $results_dir)"
    if (( rc == 0 )); then rc=1; fi
fi

if (( skipped > 0 )); then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
exit "$rc"
