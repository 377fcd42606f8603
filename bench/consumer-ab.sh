#!/usr/bin/env bash
# A consumer's clean build, package A against package B, runs alternated (issue 12): on a shared machine one run of
# each says little, so the two versions take turns. For each checkout: packs it, makes a console app (net10.0,
# nullable, TreatWarningsAsErrors) holding SPEC, restores once; then per run and per side, with the compiler server
# shut down: the spec's first build (obj and bin removed, an empty client assembly cache: a first build on a machine),
# then obj and bin removed again and a clean build served by the cache.
#
# Usage: bench/consumer-ab.sh BEFORE_CHECKOUT AFTER_CHECKOUT SPEC [RUNS]
#        (a checkout: e.g. `git worktree add /tmp/before <commit>`; RUNS defaults to 3)
set -euo pipefail
before="$(cd "${1:?usage: bench/consumer-ab.sh BEFORE AFTER SPEC [RUNS]}" && pwd)"
after="$(cd "${2:?usage}" && pwd)"
spec="$(cd "$(dirname "${3:?usage}")" && pwd)/$(basename "$3")"
runs="${4:-3}"
w="$(mktemp -d)"
trap 'rm -rf "$w"' EXIT
mkdir -p "$w/feed"
export NUGET_PACKAGES="$w/packages" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
stamp="$(date +%Y%m%d%H%M%S)"
for side in before after; do
  src="$before"; [ "$side" = after ] && src="$after"
  VERSION="0.1.0-$side$stamp" FEED="$w/feed" bash "$src/eng/pack-local.sh" > /dev/null
  mkdir -p "$w/$side"
  cat > "$w/$side/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <DataGouvClientAssemblyCache>$w/cache-$side/</DataGouvClientAssemblyCache>
  </PropertyGroup>
  <ItemGroup><PackageReference Include="DataGouv.Generator" Version="0.1.0-$side$stamp" /></ItemGroup>
</Project>
XML
  echo "<configuration><packageSources><clear /><add key=\"local\" value=\"$w/feed\" /><add key=\"nuget\" value=\"https://api.nuget.org/v3/index.json\" /></packageSources></configuration>" > "$w/$side/nuget.config"
  ext="${spec##*.}"; [ "$ext" = yml ] && ext=yaml
  cp "$spec" "$w/$side/spec.openapi.$ext"
  echo 'System.Console.WriteLine("x");' > "$w/$side/Program.cs"
  (cd "$w/$side" && dotnet restore -v q > /dev/null)
done

timed() { local s e; s=$(date +%s%N); dotnet build --no-restore -nologo -v q -clp:NoSummary > "$w/build.log" 2>&1 || { tail -20 "$w/build.log"; exit 1; }; e=$(date +%s%N); echo "scale=1; ($e - $s) / 1000000000" | bc; }
echo "machine: $(nproc) cores; spec $(basename "$spec"); $runs runs, alternated"
for i in $(seq 1 "$runs"); do
  for side in before after; do
    cd "$w/$side"
    rm -rf obj/Debug bin "$w/cache-$side"
    dotnet build-server shutdown > /dev/null 2>&1 || true
    load="$(cut -d' ' -f1 /proc/loadavg)"
    first="$(timed)"
    rm -rf obj/Debug bin
    cached="$(timed)"
    echo "run $i $side: first build $first s, clean from the cache $cached s (load average $load)"
  done
done
