#!/usr/bin/env bash
# Load benchmark: one web node (Release) on a fresh SQLite database with the demo data, readers and
# editors together for SECONDS (default 120), then server errors, p50/p99 latency per kind of request
# and the server's peak resident memory in bench/results/load.md. Fails if a server error occurred or
# the peak resident set reached 300 MB.
#   bench/load/run.sh [seconds] [readers] [editors]
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

seconds="${1:-120}"
readers="${2:-8}"
editors="${3:-4}"

dotnet build src/Mokuhyo.Web -c Release -v quiet -nologo
dotnet build bench/Mokuhyo.Bench.Load -c Release -v quiet -nologo

work=$(mktemp -d /tmp/mokuhyo-load.XXXXXX)
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf -- "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
connection="Data Source=$work/mokuhyo.db"
web_dir="$repo_root/src/Mokuhyo.Web/bin/Release/net10.0"

(cd "$web_dir" && exec env ASPNETCORE_ENVIRONMENT=Staging Database__Provider=Sqlite ConnectionStrings__Default="$connection" \
    Database__MigrateOnStart=true Database__SeedDemoData=true Logging__LogLevel__Default=Warning \
    dotnet Mokuhyo.Web.dll --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1) &
server_pid=$!

for _ in $(seq 1 180); do
    if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then
        break
    fi
    sleep 1
done
curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null || { cat "$work/server.log" >&2; echo "the server did not get ready" >&2; exit 1; }

# The dotnet host is the server process itself (exec above), so its /proc entry is the one to sample.
rc=0
dotnet bench/Mokuhyo.Bench.Load/bin/Release/net10.0/Mokuhyo.Bench.Load.dll "http://127.0.0.1:$port" "$server_pid" "$connection" \
    "$seconds" "$readers" "$editors" "$repo_root/bench/results/load.md" || rc=$?
if grep -q " fail: \|Unhandled exception" "$work/server.log"; then
    echo "server log:" >&2
    grep -A5 " fail: \|Unhandled exception" "$work/server.log" | head -50 >&2
fi
exit "$rc"
