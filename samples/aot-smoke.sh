#!/usr/bin/env bash
# NativeAOT proof for the generated /me client (and the emulator, which is AOT-clean too):
#   1. publishes samples/DataGouv.Demo with PublishAot into a temp dir and fails on any IL2xxx/IL3xxx warning;
#   2. runs the native binary in-process (embedded emulator, every /me operation) and checks it succeeded;
#   3. runs it again as a pure client (--base-url) against a second copy serving on loopback (--serve-only 0);
#   4. prints binary size, publish time and the wall time of the first call.
# Needs nothing but the .NET SDK: without clang on PATH, ILCompiler links with gcc.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$repo/samples/DataGouv.Demo/DataGouv.Demo.csproj"
work="$(mktemp -d "${TMPDIR:-/tmp}/aot-smoke.XXXXXX")"
out="$work/publish"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

ms() { echo $(( $(date +%s%N) / 1000000 )); }
fail() { echo "aot-smoke: FAIL: $*" >&2; exit 1; }

echo "== publish (NativeAOT, linux-x64, Release)"
# Restore on its own: a global -p:PublishAot=true during restore reaches the netstandard2.0 generator project through
# the restore graph (NETSDK1207). The Demo sets PublishAot itself, so this restore already pulls ILCompiler.
t0=$(ms)
dotnet restore "$project" -r linux-x64 -nologo >"$work/restore.log" 2>&1 || { cat "$work/restore.log"; fail "restore"; }
# -p:PublishAot=true on the publish itself is harmless: the Demo's ProjectReferences drop it (UndefineProperties).
# ILC is incremental: with a warm obj/.../native it would be skipped and its warnings would not be printed again.
rm -rf "$repo/samples/DataGouv.Demo/obj/Release/net10.0/linux-x64/native"
publish_rc=0
dotnet publish "$project" --no-restore -c Release -r linux-x64 -p:PublishAot=true -o "$out" -nologo \
  >"$work/publish.log" 2>&1 || publish_rc=$?
t1=$(ms)
publish_ms=$((t1 - t0))

# Under TreatWarningsAsErrors ILC reports them as "error IL2026" etc. (and the publish fails); count both spellings.
il2=$(grep -cE '(warning|error) IL2[0-9]{3}' "$work/publish.log" || true)
il3=$(grep -cE '(warning|error) IL3[0-9]{3}' "$work/publish.log" || true)
echo "trim warnings (IL2xxx): $il2, AOT warnings (IL3xxx): $il3"
if [ "$il2" -ne 0 ] || [ "$il3" -ne 0 ]; then
  grep -E '(warning|error) IL[23][0-9]{3}' "$work/publish.log" | sort -u >&2
  fail "$((il2 + il3)) trim/AOT warning(s) in the publish output"
fi
[ "$publish_rc" -eq 0 ] || { cat "$work/publish.log"; fail "dotnet publish exited $publish_rc"; }

bin="$out/DataGouv.Demo"
[ -x "$bin" ] || fail "no native binary at $bin"
file "$bin" 2>/dev/null | grep -q ELF || head -c 4 "$bin" | grep -q ELF || fail "$bin is not an ELF executable"
size=$(stat -c %s "$bin")

echo "== run 1: native binary, embedded emulator, every /me operation"
t0=$(ms)
"$bin" >"$work/run1.log" 2>&1 || { cat "$work/run1.log"; fail "in-process run exited non-zero"; }
t1=$(ms)
cat "$work/run1.log"
grep -qE '^[0-9]+ calls: [0-9]+ ok, 0 failed, 0 skipped\.$' "$work/run1.log" || fail "in-process run did not report every call ok"
run1_ms=$((t1 - t0))
first1=$(awk '$1=="GetMe" && $2=="GET" {print $5; exit}' "$work/run1.log")

echo "== run 2: native binary as a client of a native --serve-only emulator on loopback"
"$bin" --serve-only 0 >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  grep -q '^READY ' "$work/serve.log" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log"; fail "the emulator exited early"; }
  sleep 0.1
done
read -r _ base_url api_key < <(grep '^READY ' "$work/serve.log") || fail "the emulator never printed READY"
t0=$(ms)
DATAGOUV_API_KEY="$api_key" "$bin" --base-url "$base_url" --allow-writes >"$work/run2.log" 2>&1 \
  || { cat "$work/run2.log"; fail "client run against $base_url exited non-zero"; }
t1=$(ms)
tail -n 3 "$work/run2.log"
run2_ms=$((t1 - t0))
first2=$(awk '$1=="GetMe" && $2=="GET" {print $5; exit}' "$work/run2.log")
# ClearApikey leaves a real account without a key, so in --base-url mode DeleteMe is skipped by design: expect 1 skip.
grep -qE '^[0-9]+ calls: [0-9]+ ok, 0 failed, 1 skipped\.$' "$work/run2.log" || fail "client run did not report the expected outcome"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""

echo
echo "AOT binary:          $bin"
echo "binary size:         $size bytes ($(awk -v s="$size" 'BEGIN{printf "%.1f MB", s/1048576}'))"
echo "publish time:        $((publish_ms / 1000)).$(printf %03d $((publish_ms % 1000))) s (restore + ILC + link)"
echo "IL2xxx/IL3xxx:       $il2/$il3"
echo "first call (GetMe):  ${first1} ms in-process, ${first2} ms over loopback to a separate process"
echo "whole run:           ${run1_ms} ms in-process (start emulator, every call, stop), ${run2_ms} ms as a client"
echo "AOT SMOKE OK"
