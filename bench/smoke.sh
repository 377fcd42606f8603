#!/usr/bin/env bash
# CI smoke for the benchmarks: they must keep compiling and every benchmark method must run once.
# Real measurements are not taken here (see docs/benchmarks.md for the commands).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release bench/DataGouv.Bench -warnaserror -v q -nologo
dotnet build -c Release bench/DataGouv.Generator.Bench -warnaserror -v q -nologo
dotnet run -c Release --no-build --project bench/DataGouv.Bench -- --smoke
dotnet run -c Release --no-build --project bench/DataGouv.Generator.Bench -- --smoke
echo "BENCH SMOKE OK"
