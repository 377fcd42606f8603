#!/usr/bin/env bash
# Time to first call of samples/DataGouv.Demo under the JIT (framework-dependent Release build, `dotnet <dll>`), the
# counterpart of the NativeAOT numbers printed by samples/aot-smoke.sh. Same two runs as that script:
#   1. in-process: embedded emulator, every /me operation; "first call" = the GetMe row's own Stopwatch time;
#   2. client only: --base-url against a separate --serve-only process on loopback (warmed by one curl request first,
#      so the number is the client's cost, not the server's first-request JIT).
# Also prints the wall time of the whole process. Usage: bench/first-call.sh [RUNS]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
project=samples/DataGouv.Demo/DataGouv.Demo.csproj
dll=samples/DataGouv.Demo/bin/Release/net10.0/DataGouv.Demo.dll
work="$(mktemp -d "${TMPDIR:-/tmp}/first-call.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
ms() { echo $(( $(date +%s%N) / 1000000 )); }

dotnet build "$project" -c Release -nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }

# A fresh --serve-only server per run: the client run (--allow-writes) clears the API key, as in samples/aot-smoke.sh.
start_server() {
  dotnet "$dll" --serve-only 0 >"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 200); do grep -q '^READY ' "$work/serve.log" && break; sleep 0.1; done
  read -r _ base_url api_key < <(grep '^READY ' "$work/serve.log")
  curl -s -o /dev/null -H "X-API-KEY: $api_key" "${base_url%/}/me/"
}
stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }

echo "| run | in-process: first call (GetMe) | in-process: whole process | client: first call (GetMe) | client: whole process |"
echo "|---|---|---|---|---|"
for i in $(seq "$RUNS"); do
  t0=$(ms); dotnet "$dll" >"$work/run1.log" 2>&1; t1=$(ms)
  first1=$(awk '$1=="GetMe" && $2=="GET" {print $5; exit}' "$work/run1.log")
  start_server
  t2=$(ms); DATAGOUV_API_KEY="$api_key" dotnet "$dll" --base-url "$base_url" --allow-writes >"$work/run2.log" 2>&1; t3=$(ms)
  first2=$(awk '$1=="GetMe" && $2=="GET" {print $5; exit}' "$work/run2.log")
  stop_server
  echo "| $i | ${first1} ms | $((t1 - t0)) ms | ${first2} ms | $((t3 - t2)) ms |"
done
