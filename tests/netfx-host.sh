#!/usr/bin/env bash
# Does the package's analyzers/dotnet/cs folder hold everything a .NET Framework compiler host (Visual Studio's csc)
# needs to load and run the generator? Packs the generator, builds tests/netfx-host (net472, Roslyn 4.14) and runs it
# under Mono over three specs (Swagger 2.0, OpenAPI 3.0, 3.1). Then removes System.Text.Json.dll from a copy of the
# folder and expects the host to fail: proof that it loads the bundled copy rather than finding one elsewhere.
# Needs Mono (Debian: apt-get install mono-runtime mono-devel); not run by .ci/run, whose machine has no Mono.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v mono >/dev/null || { echo "netfx-host: Mono is not installed (apt-get install mono-runtime mono-devel)"; exit 3; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

FEED="$work/feed" bash "$repo/eng/pack-local.sh" >/dev/null
(cd "$work" && mkdir pkg && cd pkg && unzip -q "$work"/feed/DataGouv.Generator.*.nupkg)
analyzers="$work/pkg/analyzers/dotnet/cs"
dotnet build "$repo/tests/netfx-host/NetFxHost.csproj" -c Release -nologo -v q -o "$work/host" >/dev/null
host="$work/host/NetFxHost.exe"

for spec in spec/me.openapi.yaml tests/specs/corpus/oai-petstore-swagger2-1.0.0.json \
            tests/specs/corpus/redocly-museum-api-1.2.1.yaml; do
  # The generator picks *.openapi.{yaml,json} by name; give each spec such a name.
  name="$(basename "$spec")"; ext="${name##*.}"; [ "$ext" = yml ] && ext=yaml
  cp "$repo/$spec" "$work/${name%.*}.openapi.$ext"
  echo "== $spec"
  mono "$host" "$analyzers" "$work/${name%.*}.openapi.$ext"
done

echo "== without System.Text.Json.dll (must fail)"
mkdir "$work/broken" && cp "$analyzers"/*.dll "$work/broken/" && rm "$work/broken/System.Text.Json.dll"
if mono "$host" "$work/broken" "$repo/spec/me.openapi.yaml" >"$work/broken.log" 2>&1; then
  echo "netfx-host: the host ran without System.Text.Json.dll, so this check proves nothing"; exit 1
fi
grep -m1 -o "System.Text.Json[^']*" "$work/broken.log" || true
echo "netfx-host: all ok"
