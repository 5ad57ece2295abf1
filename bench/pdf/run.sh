#!/usr/bin/env bash
# PDF benchmark: PDFsharp (Mokuhyo.Documents) against headless Chromium printing the report page.
#
#   bench/pdf/run.sh            (ITERATIONS=20 WARMUP=10 COLD_RUNS=5 DEPARTMENTS=20 CHROMIUM=/usr/bin/chromium)
#
# Builds and starts the web app on 127.0.0.1 (a free port, a fresh SQLite file: the demo data is
# loaded on start), then in the same run measures
#   (a) PDFsharp in one process after warm-up: the seed department's report, and a compendium of
#       DEPARTMENTS copies of it under other names (cover, contents, each from a new page);
#       and PDFsharp as a whole process writing the department once (start-up included);
#   (b) Chromium started per PDF, as `chromium --headless --print-to-pdf` is used: the report page,
#       and one page holding DEPARTMENTS copies of the report's content;
# and writes bench/results/pdf.md. The app is stopped at the end, whatever happens.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"

iterations="${ITERATIONS:-20}"
warmup="${WARMUP:-10}"
cold_runs="${COLD_RUNS:-5}"
departments="${DEPARTMENTS:-20}"
chromium="${CHROMIUM:-/usr/bin/chromium}"
results="bench/results/pdf.md"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

log() { echo "bench/pdf: $*" >&2; }

work="$(mktemp -d /tmp/mokuhyo-bench-pdf.XXXXXX)"
app_pid=""
cleanup() {
    if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
        # The app runs in its own process group (setsid): stop dotnet run and the app it started.
        kill -TERM -- "-$app_pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$app_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL -- "-$app_pid" 2>/dev/null || true
        log "web app stopped"
    fi
    rm -rf -- "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

[[ -x "$chromium" ]] || { log "Chromium not found at $chromium (apt-get install chromium)"; exit 1; }
command -v curl >/dev/null || { log "curl is required"; exit 1; }

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=""
for _ in $(seq 1 50); do
    candidate=$(( 20000 + RANDOM % 40000 ))
    if port_free "$candidate"; then port=$candidate; break; fi
done
[[ -n "$port" ]] || { log "no free port found"; exit 1; }
base="http://127.0.0.1:$port"
page_url="$base/iruma/2022/shimin-seikatsu"
api_url="$base/api/v1/municipalities/iruma/years/2022/departments/shimin-seikatsu/report"

log "building (Release)"
dotnet build -c Release src/Mokuhyo.Web/Mokuhyo.Web.csproj -v quiet -nologo >"$work/build-web.log" 2>&1 \
    || { cat "$work/build-web.log" >&2; exit 1; }
dotnet build -c Release bench/Mokuhyo.Bench.Pdf/Mokuhyo.Bench.Pdf.csproj -v quiet -nologo >"$work/build-bench.log" 2>&1 \
    || { cat "$work/build-bench.log" >&2; exit 1; }
bench_dll="bench/Mokuhyo.Bench.Pdf/bin/Release/net10.0/Mokuhyo.Bench.Pdf.dll"

log "starting the web app on $base"
# In a session of its own, so that stopping its process group stops dotnet run and the app it starts;
# the session leader writes its own pid, which is the group's id whether or not setsid had to fork.
ConnectionStrings__Default="Data Source=$work/bench.db" ASPNETCORE_ENVIRONMENT=Production \
    setsid bash -c 'echo $$ >"$1"; exec dotnet run --no-build --no-launch-profile -c Release --project src/Mokuhyo.Web --urls "$2"' \
    app "$work/app.pid" "$base" >"$work/app.log" 2>&1 &
for _ in $(seq 1 50); do
    [[ -s "$work/app.pid" ]] && break
    sleep 0.1
done
app_pid="$(cat "$work/app.pid")"
for _ in $(seq 1 240); do
    if curl -sf -o /dev/null "$page_url"; then break; fi
    kill -0 "$app_pid" 2>/dev/null || { log "the web app exited"; cat "$work/app.log" >&2; exit 1; }
    sleep 0.5
done
curl -sf -o /dev/null "$page_url" || { log "the web app did not answer in 120 s"; cat "$work/app.log" >&2; exit 1; }

now_ns() { date +%s%N; }
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"

# Mean and median of a file of numbers, one a line.
stats() { sort -n "$1" | awk '{ v[NR] = $1; s += $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f %.1f %.1f %.1f\n", s / NR, m, v[1], v[NR] }'; }
max_of() { sort -n "$1" | tail -n 1; }

# (a) PDFsharp, in process.
log "PDFsharp: $iterations iterations after $warmup warm-up, department and $departments-department compendium"
dotnet "$bench_dll" --report-url "$api_url" --iterations "$iterations" --warmup "$warmup" \
    --departments "$departments" --out "$work" >"$work/pdfsharp.txt"
val() { awk -v k="$1" '$1 == k { printf "%.1f\n", $2 }' "$work/pdfsharp.txt"; }
raw() { awk -v k="$1" '$1 == k { print $2 }' "$work/pdfsharp.txt"; }

# (a') PDFsharp as a whole process (runtime start, fonts, HTTP fetch of the JSON, one PDF).
has_time=0; [[ -x /usr/bin/time ]] && has_time=1
log "PDFsharp: $cold_runs whole-process runs"
: >"$work/cold.ms"; : >"$work/cold.rss"
for _ in $(seq 1 "$cold_runs"); do
    t0=$(now_ns)
    if [[ $has_time -eq 1 ]]; then
        /usr/bin/time -f "%M" -o "$work/time.out" dotnet "$bench_dll" --report-url "$api_url" --once --out "$work" >/dev/null
        cat "$work/time.out" >>"$work/cold.rss"
    else
        dotnet "$bench_dll" --report-url "$api_url" --once --out "$work" >/dev/null
    fi
    echo $(( ($(now_ns) - t0) / 1000000 )) >>"$work/cold.ms"
done

# (b) Chromium: one process per PDF, as the command line is used.
chromium_pdf() { # url output
    local profile
    profile="$(mktemp -d "$work/profile.XXXXXX")"
    local cmd=("$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update
        --disable-sync --no-first-run --user-data-dir="$profile" --print-to-pdf="$2" "$1")
    if [[ $has_time -eq 1 ]]; then
        /usr/bin/time -f "%M" -o "$work/time.out" "${cmd[@]}" >/dev/null 2>>"$work/chromium.log"
    else
        "${cmd[@]}" >/dev/null 2>>"$work/chromium.log"
    fi
    rm -rf -- "$profile"
}

# The compendium equivalent: the report page with its content repeated once per department.
curl -sf "$page_url" -o "$work/page.html"
html="$(cat "$work/page.html")"
head_part="${html%%<main id=\"main\"*}"
rest="${html#*<main id=\"main\" tabindex=\"-1\">}"
inner="${rest%%</main>*}"
tail_part="${rest#*</main>}"
{
    printf '%s' "${head_part/<head>/<head><base href=\"$base/\">}"
    printf '<main id="main">'
    for _ in $(seq 1 "$departments"); do printf '%s' "$inner"; done
    printf '</main>%s' "$tail_part"
} >"$work/compendium.html"

chromium_series() { # name url runs
    local name=$1 url=$2 runs=$3
    : >"$work/$name.ms"; : >"$work/$name.rss"
    chromium_pdf "$url" "$work/$name-warmup.pdf"   # not counted: fills the disk cache
    for _ in $(seq 1 "$runs"); do
        local t0
        t0=$(now_ns)
        chromium_pdf "$url" "$work/$name.pdf"
        echo $(( ($(now_ns) - t0) / 1000000 )) >>"$work/$name.ms"
        [[ $has_time -eq 1 ]] && cat "$work/time.out" >>"$work/$name.rss"
    done
}

log "Chromium: 5 runs of a one-line page (its start-up floor)"
chromium_series chromium-floor "data:text/html,<p>Mokuhyo</p>" 5
log "Chromium: $iterations runs of the report page"
chromium_series chromium-department "$page_url" "$iterations"
log "Chromium: $iterations runs of the $departments-department page"
chromium_series chromium-compendium "file://$work/compendium.html" "$iterations"

pages_of() { command -v pdfinfo >/dev/null && pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }' || echo "?"; }
size_kib() { echo $(( $(stat -c %s "$1") / 1024 )); }

read -r d_mean d_median d_min d_max <<<"$(printf '%s\n' "$(val department_mean_ms)" "$(val department_median_ms)" "$(val department_min_ms)" "$(val department_max_ms)" | paste -sd' ')"
read -r c_mean c_median c_min c_max <<<"$(printf '%s\n' "$(val compendium_mean_ms)" "$(val compendium_median_ms)" "$(val compendium_min_ms)" "$(val compendium_max_ms)" | paste -sd' ')"
read -r cold_mean cold_median cold_min cold_max <<<"$(stats "$work/cold.ms")"
read -r hd_mean hd_median hd_min hd_max <<<"$(stats "$work/chromium-department.ms")"
read -r hc_mean hc_median hc_min hc_max <<<"$(stats "$work/chromium-compendium.ms")"
read -r hf_mean hf_median hf_min hf_max <<<"$(stats "$work/chromium-floor.ms")"
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
mib() { [[ -n "$1" && "$1" != "-1" ]] && awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }' || echo "n/a"; }
rss_max() { [[ -s "$1" ]] && mib "$(max_of "$1")" || echo "n/a"; }

cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)"
mem="$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || echo unknown)"
pdfsharp_version="$(sed -n 's/.*PackageVersion Include="PDFsharp" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)"

mkdir -p "$(dirname "$results")"
cat >"$results" <<EOF
# PDF benchmark: PDFsharp and headless Chromium

Written by \`bench/pdf/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'). Every number below was measured in
that run; run the script again to replace them.

## Machine

| | |
|---|---|
| CPU | $cpu, \`nproc\` = $(nproc) |
| memory | $mem |
| OS | $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME" || uname -sr) |
| .NET SDK | $(dotnet --version) |
| PDFsharp | $pdfsharp_version |
| Chromium | $("$chromium" --version 2>/dev/null | tail -n 1) |
| load average (1, 5, 15 min) | $load_start at the start of the measurements, $load_end at the end |

## What was compared

- **Report**: the seed department (入間市 市民生活部, 令和4年度) as published by the web app started for
  this run. PDFsharp renders the report view model fetched once from the JSON API
  (\`/api/v1/.../report\`); Chromium prints the public report page (\`/iruma/2022/shimin-seikatsu\`),
  which renders the same view model.
- **Compendium**: PDFsharp writes a compendium of $departments copies of the report under other
  department names (cover, table of contents, each department from a new page). Chromium prints one
  local HTML page holding the report page's content $departments times (the site's CSS, no cover or
  contents): the same amount of report content in one document, not the same document.
- **PDFsharp in process**: $iterations writes to memory after $warmup warm-up writes, in one process, timed
  with \`Stopwatch\`; peak RSS is the process's VmHWM after all iterations (runtime, fonts and all).
- **PDFsharp whole process**: \`dotnet Mokuhyo.Bench.Pdf.dll --once\` from start to exit, $cold_runs runs:
  runtime start-up, font loading, fetching the JSON and one department PDF.
- **Chromium**: one \`chromium --headless --print-to-pdf\` process per PDF (with a fresh profile each
  time), $iterations timed runs after one untimed run; wall-clock time from start to exit. Its peak RSS is
  GNU time's maximum resident set size, which is that of the largest single process of Chromium's
  process tree, not their sum.

## Results

| document | tool | runs | mean ms | median ms | min–max ms | peak RSS | pages | size |
|---|---|---:|---:|---:|---:|---:|---:|---:|
| department | PDFsharp, in process | $iterations | $d_mean | $d_median | $d_min–$d_max | $(mib "$(raw rss_after_department_kib)") MiB | $(pages_of "$work/pdfsharp-department.pdf") | $(size_kib "$work/pdfsharp-department.pdf") KiB |
| department | PDFsharp, whole process | $cold_runs | $cold_mean | $cold_median | $cold_min–$cold_max | $(rss_max "$work/cold.rss") MiB | $(pages_of "$work/pdfsharp-once.pdf") | $(size_kib "$work/pdfsharp-once.pdf") KiB |
| department | Chromium | $iterations | $hd_mean | $hd_median | $hd_min–$hd_max | $(rss_max "$work/chromium-department.rss") MiB | $(pages_of "$work/chromium-department.pdf") | $(size_kib "$work/chromium-department.pdf") KiB |
| $departments departments | PDFsharp, in process | $iterations | $c_mean | $c_median | $c_min–$c_max | $(mib "$(raw rss_after_compendium_kib)") MiB | $(pages_of "$work/pdfsharp-compendium.pdf") | $(size_kib "$work/pdfsharp-compendium.pdf") KiB |
| $departments departments | Chromium | $iterations | $hc_mean | $hc_median | $hc_min–$hc_max | $(rss_max "$work/chromium-compendium.rss") MiB | $(pages_of "$work/chromium-compendium.pdf") | $(size_kib "$work/chromium-compendium.pdf") KiB |
| one-line page | Chromium (start-up floor) | 5 | $hf_mean | $hf_median | $hf_min–$hf_max | $(rss_max "$work/chromium-floor.rss") MiB | $(pages_of "$work/chromium-floor.pdf") | $(size_kib "$work/chromium-floor.pdf") KiB |

## Speed-up (Chromium time ÷ PDFsharp time, by mean)

| document | PDFsharp in process | PDFsharp whole process |
|---|---:|---:|
| department | **$(ratio "$hd_mean" "$d_mean")×** | $(ratio "$hd_mean" "$cold_mean")× |
| $departments departments | **$(ratio "$hc_mean" "$c_mean")×** | — |

The issue's target is PDFsharp at least 10× faster than Chromium. In the application the writer runs
inside the long-lived web process, so the in-process figures are the ones that apply to serving a PDF;
the whole-process figure shows what start-up costs when a PDF is made by a separate command. The
one-line page shows how much of Chromium's time is its own start-up rather than the report.
A load average above \`nproc\` means other work shared the machine during the run, which slows
both tools and widens the min–max spread.
EOF

log "results written to $results"
cat "$results"
