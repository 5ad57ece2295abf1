#!/usr/bin/env bash
# Excel import benchmark: generates a 2,000-goal workbook (20 departments x 100 goals), imports it into
# a fresh SQLite database, and writes the measured goals per second and peak memory to
# bench/results/excel-import.md. Not a test: it reports what it measures and fails only if an import fails.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

dotnet build bench/Mokuhyo.Bench.Import -c Release -v quiet -nologo
dotnet bench/Mokuhyo.Bench.Import/bin/Release/net10.0/Mokuhyo.Bench.Import.dll "$repo_root/bench/results/excel-import.md"
