#!/usr/bin/env bash
# Whole spec-to-C# time and peak RSS: Kiota 1.38.0, NSwag 14.7.1 and this generator (--emit: one process that reads the
# spec, runs OpenApiClientGenerator through CSharpGeneratorDriver and writes the files, as a CLI would).
# CPU = user+sys seconds: steadier than wall on a shared machine. Prints a markdown table. Usage: bench/peers.sh [RUNS]   (default 3; wall and RSS from /usr/bin/time)
# Tools: dotnet tool install --tool-path bench/.tools Microsoft.OpenApi.Kiota --version 1.38.0
#        dotnet tool install --tool-path bench/.tools NSwag.ConsoleCore --version 14.7.1
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
TOOLS=bench/.tools
OUT=bench/.peers-out
SPECS_DIR=tests/specs   # the specs the repository owns (provenance in tests/specs/SOURCES.md)
LARGEST="$(ls -S "$SPECS_DIR"/corpus/*.json "$SPECS_DIR"/corpus/*.yaml "$SPECS_DIR"/corpus/*.yml 2>/dev/null | head -1)"
# the 2021 data.gouv.fr swagger, kept once under its corpus name
SPECS=("spec/me.openapi.yaml" "$SPECS_DIR/corpus/datagouv-udata-api-1.0.json" "$LARGEST")
OURS=bench/DataGouv.Generator.Bench/bin/Release/net10.0/DataGouv.Generator.Bench.dll
export KIOTA_UPDATE__DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

[ -x "$TOOLS/kiota" ] || dotnet tool install --tool-path "$TOOLS" Microsoft.OpenApi.Kiota --version 1.38.0 >/dev/null
[ -x "$TOOLS/nswag" ] || dotnet tool install --tool-path "$TOOLS" NSwag.ConsoleCore --version 14.7.1 >/dev/null
[ -f "$OURS" ] || dotnet build -c Release bench/DataGouv.Generator.Bench -v q >/dev/null

# run LABEL OUTDIR CMD...: one timed run, prints "wall_s rss_mb status"
run() {
  local outdir="$1"; shift
  rm -rf "$outdir"; mkdir -p "$outdir"
  local status=ok
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/time.txt" "$@" >"$OUT/last.log" 2>&1 || status="exit $?"
  # /usr/bin/time may prepend "Command exited with non-zero status N": keep the last line
  local wall user sys rss
  read -r wall user sys rss < <(tail -1 "$OUT/time.txt")
  echo "$wall $(echo "$user + $sys" | bc) $((rss / 1024)) $status"
}

count() { # files and lines of C# under a directory
  local files lines
  files=$(find "$1" -name '*.cs' | wc -l)
  lines=$(find "$1" -name '*.cs' -print0 | xargs -0 cat 2>/dev/null | wc -l)
  echo "$files files, $lines lines"
}

mkdir -p "$OUT"
echo "| spec | tool | wall s (runs) | CPU s (runs) | peak RSS MB | output | status |"
echo "|---|---|---|---|---|---|---|"
for spec in "${SPECS[@]}"; do
  name="$(basename "$spec")"
  for tool in ours kiota nswag; do
    walls=(); cpus=(); rss=0; status=ok
    for _ in $(seq "$RUNS"); do
      case "$tool" in
        ours)  r=$(run "$OUT/$tool" dotnet "$OURS" --emit "$spec" "$OUT/$tool") ;;
        kiota) r=$(run "$OUT/$tool" "$TOOLS/kiota" generate -l CSharp -d "$spec" -o "$OUT/$tool" -c BenchClient -n Bench.Kiota --clean-output) ;;
        nswag) r=$(run "$OUT/$tool" "$TOOLS/nswag" openapi2csclient "/input:$spec" /classname:BenchClient /namespace:Bench.NSwag "/output:$OUT/$tool/BenchClient.cs" /JsonLibrary:SystemTextJson) ;;
      esac
      read -r w c m s <<<"$r"
      walls+=("$w"); cpus+=("$c"); [ "$m" -gt "$rss" ] && rss=$m
      [ "$s" = ok ] || status="$s (see $OUT/last.log)"
    done
    echo "| $name | $tool | $(IFS=/; echo "${walls[*]}") | $(IFS=/; echo "${cpus[*]}") | $rss | $(count "$OUT/$tool") | $status |"
  done
done
