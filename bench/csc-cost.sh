#!/usr/bin/env bash
# What one cold csc costs on a spec's generated client, as a consumer's build pays it (issue 12, item 3).
#
# Emits SPEC with the generator bench (in-process, the generator as built from this checkout), then compiles the
# emitted files with the SDK's own csc, started cold as the package's ClientAssembly mode starts it
# (DOTNET_TieredPGO=0 and DOTNET_TC_CallCountingDelayMs=0, Debug, portable pdb, nullable, TreatWarningsAsErrors, the net10.0 reference pack and the
# runtime library DataGouv.Client as built here). Prints wall time, CPU time (user) and peak memory of the csc process.
# CPU time is the steadier number on a shared machine: compare shapes by it, and run each twice.
#
# Usage: bench/csc-cost.sh SPEC [RUNS]          emit, then compile RUNS times (default 1)
#        CSC_FOLDER=DIR bench/csc-cost.sh - [RUNS]   compile the .cs files of DIR instead (a shape edited by hand)
#        CSC_KEEP=DIR                            where the emitted files go (default: a temporary folder, removed)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
spec="${1:?usage: bench/csc-cost.sh SPEC [RUNS]}"
runs="${2:-1}"
sdk="$(dotnet --list-sdks | awk -v v="$(dotnet --version)" '$1 == v { gsub(/[\[\]]/, "", $2); print $2 "/" $1 }')"
csc="$sdk/Roslyn/bincore/csc"
refpack="$(ls -d "$(dirname "$(dirname "$sdk")")"/packs/Microsoft.NETCore.App.Ref/10.0.*/ref/net10.0 | sort -V | tail -1)"
bench="$repo/bench/DataGouv.Generator.Bench/bin/Release/net10.0"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ "$spec" = "-" ]; then
  folder="${CSC_FOLDER:?CSC_FOLDER=DIR when SPEC is -}"
else
  dotnet build -c Release "$repo/bench/DataGouv.Generator.Bench" -v q -nologo > "$work/build.log" || { cat "$work/build.log"; exit 1; }
  folder="${CSC_KEEP:-$work/gen}"
  rm -rf "$folder"
  dotnet "$bench/DataGouv.Generator.Bench.dll" --emit "$spec" "$folder" | head -1
fi

{
  echo "/noconfig /nostdlib+ /nullable:enable /debug+ /debug:portable /optimize- /target:library /deterministic+"
  echo "/langversion:14.0 /warnaserror+ /nowarn:1701,1702 /utf8output /out:$work/client.dll"
  for dll in "$refpack"/*.dll; do echo "/reference:$dll"; done
  echo "/reference:$bench/DataGouv.Client.dll"
  ls "$folder"/*.cs
} > "$work/client.rsp"

for run in $(seq 1 "$runs"); do
  load="$(cut -d' ' -f1 /proc/loadavg)"
  if DOTNET_TieredPGO=0 DOTNET_TC_CallCountingDelayMs=0 /usr/bin/time -f "%e %U %M" -o "$work/time" "$csc" @"$work/client.rsp" > "$work/csc.log" 2>&1; then
    read -r wall user rss < "$work/time"
    echo "run $run: $wall s wall, $user s CPU, $((rss / 1024)) MB peak (load average $load)"
  else
    grep -m 5 -E "error|warning" "$work/csc.log"
    exit 1
  fi
done
