#!/usr/bin/env bash
# Search benchmark: generates 100 municipalities x 5 years x 15 departments x 10 goals (75,000 goals) as
# published reports in a SQLite file, builds the search index from them, then times a fixed mix of
# queries through the search service and the same queries as a LIKE scan, and writes
# bench/results/search.md. Not a test: it reports what it measures.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

dotnet build bench/Mokuhyo.Bench.Search -c Release -v quiet -nologo
dotnet bench/Mokuhyo.Bench.Search/bin/Release/net10.0/Mokuhyo.Bench.Search.dll "$repo_root/bench/results/search.md"
