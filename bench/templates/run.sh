#!/usr/bin/env bash
# Template benchmark: the public report page of the seed department under the default format against
# the same department under a non-default one (five steps, two interim checks, figures, goal fields),
# on one Kestrel server, in alternating rounds. Writes bench/results/templates.md; exits non-zero when the
# non-default page falls more than 10 % behind.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

dotnet build src/Mokuhyo.Web -c Release -v quiet -nologo
dotnet build bench/Mokuhyo.Bench.Templates -c Release -v quiet -nologo
dotnet bench/Mokuhyo.Bench.Templates/bin/Release/net10.0/Mokuhyo.Bench.Templates.dll \
  "$repo_root/src/Mokuhyo.Web/bin/Release/net10.0/Mokuhyo.Web.dll" "$repo_root/src/Mokuhyo.Web" \
  "$repo_root/bench/results/templates.md"
