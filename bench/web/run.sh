#!/usr/bin/env bash
# Web benchmark: the department report page under load, against the same bytes served as a static file.
#
#   bench/web/run.sh            (DURATION=20s CONNECTIONS=16 THREADS=2 WARMUP=5s)
#
# Builds the web app in Release and starts it on 127.0.0.1 (a free port, a fresh SQLite file: the demo
# data is loaded and published on start), saves the report page's bytes as a static file of the app
# (wwwroot/bench-report.html; static files are registered at build time, so the app is built and started
# again with it), then runs wrk against the page and the static file with the same threads, connections
# and duration in the same run, and writes throughput, the ratio and p50/p99 latency to bench/results/web.md.
# The app is stopped and the static copy removed at the end, whatever happens.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"

duration="${DURATION:-20s}"
connections="${CONNECTIONS:-16}"
threads="${THREADS:-2}"
warmup="${WARMUP:-5s}"
results="bench/results/web.md"
static_file="src/Mokuhyo.Web/wwwroot/bench-report.html"
page_path="/iruma/2022/shimin-seikatsu"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

log() { echo "bench/web: $*" >&2; }

if ! command -v wrk >/dev/null 2>&1; then
    log "installing wrk with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get -q update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get -q install -y wrk >/dev/null
fi

work="$(mktemp -d /tmp/mokuhyo-bench-web.XXXXXX)"
app_pid=""
stop_app() {
    if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
        kill -TERM -- "-$app_pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$app_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL -- "-$app_pid" 2>/dev/null || true
    fi
    app_pid=""
}
cleanup() {
    stop_app
    rm -f -- "$static_file"
    rm -rf -- "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
base="http://127.0.0.1:$port"

build() {
    dotnet build -c Release src/Mokuhyo.Web/Mokuhyo.Web.csproj -v quiet -nologo >"$work/build.log" 2>&1 \
        || { cat "$work/build.log" >&2; exit 1; }
}

start_app() {
    rm -f "$work/app.pid"
    ConnectionStrings__Default="Data Source=$work/bench.db" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
        Database__MigrateOnStart=true Database__SeedDemoData=true \
        setsid bash -c 'echo $$ >"$1"; exec dotnet run --no-build --no-launch-profile -c Release --project src/Mokuhyo.Web --urls "$2"' \
        app "$work/app.pid" "$base" >"$work/app.log" 2>&1 &
    for _ in $(seq 1 50); do
        [[ -s "$work/app.pid" ]] && break
        sleep 0.1
    done
    app_pid="$(cat "$work/app.pid")"
    for _ in $(seq 1 240); do
        if curl -sf -o /dev/null "$base$page_path"; then return 0; fi
        kill -0 "$app_pid" 2>/dev/null || { log "the web app exited"; cat "$work/app.log" >&2; exit 1; }
        sleep 0.5
    done
    log "the web app did not answer in 120 s"; cat "$work/app.log" >&2; exit 1
}

log "building (Release) and taking the report page's bytes"
rm -f -- "$static_file"
build
start_app
curl -sf -o "$work/report.html" "$base$page_path"
stop_app

log "building again with the page as a static file"
cp "$work/report.html" "$static_file"
build
start_app
curl -sf -o "$work/static.html" "$base/bench-report.html"
cmp -s "$work/report.html" "$work/static.html" || { log "the static file differs from the page"; exit 1; }
cmp -s "$work/report.html" <(curl -sf "$base$page_path") || { log "the page changed between runs"; exit 1; }
bytes="$(stat -c %s "$work/report.html")"

load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
run_wrk() { # name url
    wrk -t"$threads" -c"$connections" -d"$warmup" "$2" >/dev/null
    wrk -t"$threads" -c"$connections" -d"$duration" --latency "$2" >"$work/$1.txt"
}
log "wrk: $threads threads, $connections connections, $duration each (after $warmup warm-up)"
run_wrk page "$base$page_path"
run_wrk static "$base/bench-report.html"
run_wrk page2 "$base$page_path"
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"

rps() { awk '/^Requests\/sec:/ { print $2 }' "$work/$1.txt"; }
pct() { awk -v p="$2" '$1 == p { print $2 }' "$work/$1.txt"; }
errors() { awk '/Non-2xx|Socket errors/ { print }' "$work/$1.txt" | tr '\n' ' '; }
page_rps="$(rps page)"; page2_rps="$(rps page2)"; static_rps="$(rps static)"
# The page is measured before and after the static file; the lower of the two is reported.
low_rps="$(awk -v a="$page_rps" -v b="$page2_rps" 'BEGIN { print (a < b) ? a : b }')"
low_run="$(awk -v a="$page_rps" -v b="$page2_rps" 'BEGIN { print (a < b) ? "page" : "page2" }')"
ratio="$(awk -v p="$low_rps" -v s="$static_rps" 'BEGIN { printf "%.1f", 100 * p / s }')"
verdict="$(awk -v r="$ratio" 'BEGIN { print (r >= 50) ? "meets" : "does NOT meet" }')"

mkdir -p "$(dirname "$results")"
cat >"$results" <<MD
# Web: the department report page under load

\`bench/web/run.sh\` on $(date -u +%Y-%m-%d) ($(nproc) CPU cores, shared with other work; load average $load_start at the start, $load_end at the end).
The app in Release on 127.0.0.1 (Kestrel, SQLite, the demo data), \`wrk -t$threads -c$connections -d$duration --latency\` after a $warmup warm-up,
each target in the same run. The static file holds the report page's exact bytes ($bytes bytes), served by the same app
(\`MapStaticAssets\`). The page was measured before and after the static file; the lower throughput is compared.

| target | requests/s | p50 latency | p99 latency | errors |
|---|---:|---:|---:|---|
| report page \`$page_path\` (first) | $page_rps | $(pct page 50%) | $(pct page 99%) | $(errors page) |
| same bytes as a static file | $static_rps | $(pct static 50%) | $(pct static 99%) | $(errors static) |
| report page (second) | $page2_rps | $(pct page2 50%) | $(pct page2 99%) | $(errors page2) |

Report page throughput: **$ratio %** of the static file's ($low_rps / $static_rps requests/s), which $verdict the 50 % goal.
p99 latency of the report page: **$(pct "$low_run" 99%)**.

The page is served from the output cache (\`PublishedPageCache\`), keyed on the database's publication stamp, which every
request reads with one COUNT query: a new publication is visible on the next request, on every web node.
MD
cat "$results"
