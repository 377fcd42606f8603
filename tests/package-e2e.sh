#!/usr/bin/env bash
# Package end-to-end check for DataGouv.Generator, as a user would consume it:
#   pack with a fresh version into a temp feed -> check the nupkg layout and nuspec -> a brand-new console project
#   OUTSIDE the repo (private packages folder, nuget.org kept) references the package and a *.openapi.yaml ->
#   build + run it against the /me emulator (samples/DataGouv.Demo --serve-only) -> add an operation to the spec ->
#   rebuild without clean -> the new MyExtraAsync method exists and is called. A second spec is referenced the way other
#   OpenAPI tools do it (<OpenApiReference Namespace=... ClassName=...>) and must honour both. Then a class library and
#   an app that both generate a client: the app catches the library client's 401 as the one DataGouv.Client.ApiException
#   (the runtime flows from the package through the library). Also the real data.gouv.fr swagger under the name
#   swagger.json (TreatWarningsAsErrors on), and the subtree-$ref spec that once took csc down as an AdditionalFiles
#   item marked OpenApi="true": the build must finish and the user's code must compile against it. Last, a spec marked
#   ClientAssembly="true": its client is an assembly of its own, skipped by a C# edit, rebuilt by a spec edit.
#   Prints "E2E OK".
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
start=$(date +%s)
work="$(mktemp -d "${TMPDIR:-/tmp}/datagouv-e2e.XXXXXX")"
case "$work" in "$repo"/*) echo "temp dir $work is inside the repo" >&2; exit 1 ;; esac
version="0.1.0-e2e.$(date +%s).$$"
feed="$work/feed"
packages="$work/packages"   # private restore folder: no stale DataGouv.Generator copy can hide a problem
app="$work/consumer"
server_pid=""
demo_build_pid=""

cleanup() {
  local rc=$?
  if [ -n "$demo_build_pid" ] && kill -0 "$demo_build_pid" 2>/dev/null; then
    kill "$demo_build_pid" 2>/dev/null || true
    wait "$demo_build_pid" 2>/dev/null || true
  fi
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  # KEEP_E2E=1 keeps the temp dir after a failure, KEEP_E2E=always after any run.
  if [ -n "${KEEP_E2E:-}" ] && { [ "$rc" -ne 0 ] || [ "$KEEP_E2E" = always ]; }; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
fail() { echo "package-e2e: FAIL: $*" >&2; exit 1; }
step() { echo; echo "== $* ($(( $(date +%s) - start )) s)"; }

# --- 0. the emulator host builds in the background while the package is made --------------------------------------
demo_project="$repo/samples/DataGouv.Demo/DataGouv.Demo.csproj"
dotnet build "$demo_project" -nologo -v:q >"$work/demo-build.log" 2>&1 &
demo_build_pid=$!

# --- 1. pack -------------------------------------------------------------------------------------------------------
# From a snapshot of the sources in the temp dir: the repo's obj/ is left alone (a -p:Version pack would rewrite its
# project.assets.json) and a concurrent build or edit in the repo cannot race with it.
step "pack DataGouv.Generator $version"
mkdir -p "$work/src"
tar -C "$repo" --exclude=bin --exclude=obj -cf - global.json Directory.Build.props Directory.Packages.props .editorconfig \
  src/DataGouv.Generator src/DataGouv.Client | tar -C "$work/src" -xf -
dotnet pack "$work/src/src/DataGouv.Generator/DataGouv.Generator.csproj" -c Release -p:Version="$version" -o "$feed" -nologo \
  >"$work/pack.log" 2>&1 || { cat "$work/pack.log"; fail "dotnet pack"; }
nupkg="$feed/DataGouv.Generator.$version.nupkg"
[ -f "$nupkg" ] || fail "no $nupkg"

step "nupkg contents"
unzip -l "$nupkg" | tee "$work/contents.txt"
entries="$(unzip -Z1 "$nupkg")"
# The generator, the OpenAPI reader (Microsoft.OpenApi 3.x + YamlReader + SharpYaml), Scriban, and the rest of their
# netstandard2.0 closure, which a .NET Framework compiler host (Visual Studio) does not have.
for dll in DataGouv.Generator.dll Scriban.Signed.dll Microsoft.OpenApi.dll Microsoft.OpenApi.YamlReader.dll SharpYaml.dll \
           System.Text.Json.dll System.Text.Encodings.Web.dll Microsoft.Bcl.AsyncInterfaces.dll System.IO.Pipelines.dll \
           System.Memory.dll System.Buffers.dll System.Numerics.Vectors.dll System.Runtime.CompilerServices.Unsafe.dll \
           System.Threading.Tasks.Extensions.dll; do
  grep -qx "analyzers/dotnet/cs/$dll" <<<"$entries" || fail "analyzers/dotnet/cs/$dll missing from the package"
done
if grep -q 'analyzers/dotnet/cs/Microsoft.OpenApi.Readers.dll' <<<"$entries"; then fail "the package still ships Microsoft.OpenApi.Readers (1.6)"; fi

for f in build/DataGouv.Generator.props build/DataGouv.Generator.targets \
         buildTransitive/DataGouv.Generator.props buildTransitive/DataGouv.Generator.targets; do
  grep -qx "$f" <<<"$entries" || fail "$f missing from the package"
done
# The runtime library is the package's only lib/ content; the generator itself never becomes a runtime reference.
for f in lib/net8.0/DataGouv.Client.dll lib/net8.0/DataGouv.Client.xml; do
  grep -qx "$f" <<<"$entries" || fail "$f missing from the package"
done
if grep -E '^lib/' <<<"$entries" | grep -qv '^lib/net8.0/DataGouv.Client\.'; then fail "lib/ holds more than the runtime library"; fi
nuspec="$(unzip -p "$nupkg" DataGouv.Generator.nuspec)"
# Not a development dependency: that would make PackageReference default to PrivateAssets=all, and the runtime would
# not flow to the consumers of a library that generates a client.
if grep -q '<developmentDependency>true</developmentDependency>' <<<"$nuspec"; then fail "nuspec: developmentDependency is true"; fi
if grep -q '<dependency ' <<<"$nuspec"; then
  grep '<dependency ' <<<"$nuspec" >&2
  fail "nuspec declares dependencies (the generator's DLLs must ship inside the package instead)"
fi
for meta in '<license type="expression">' '<repository ' '<projectUrl>' '<readme>'; do
  grep -q "$meta" <<<"$nuspec" || fail "nuspec: no $meta"
done
echo "nuspec: not a development dependency, no dependencies, licence/repository/project URL/readme set"

# --- 2. consumer project outside the repo --------------------------------------------------------------------------
step "consumer project in $app"
mkdir -p "$app"
cat >"$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <!-- no <clear/>: the sources from the user/machine config (nuget.org or its mirror) stay -->
  <packageSources>
    <add key="datagouv-e2e" value="$feed" />
  </packageSources>
</configuration>
XML
cat >"$app/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <WarningsAsErrors>\$(WarningsAsErrors);CS9057;CS8784;CS8785</WarningsAsErrors>
    <JsonSerializerIsReflectionEnabledByDefault>false</JsonSerializerIsReflectionEnabledByDefault>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
    <RestorePackagesPath>$packages</RestorePackagesPath>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="DataGouv.Generator" Version="$version" />
    <!-- the package's props auto-include *.openapi.yaml as AdditionalFiles; this only sets its options -->
    <AdditionalFiles Update="me.openapi.yaml" Namespace="Pkg.Me" ClientName="MeClient" />
    <!-- the package's targets map OpenApiReference (Namespace, ClassName) onto the generator's Namespace/ClientName -->
    <OpenApiReference Include="ref.openapi.yaml" Namespace="Pkg.Ref" ClassName="RefApiClient" />
    <!-- any file name: an OpenApiReference marks its file as a spec (OpenApi="true") -->
    <OpenApiReference Include="swagger.json" Namespace="Pkg.Swagger" ClassName="UdataClient" />
    <!-- operation filters: ';' lists reach the generator whole (the targets rewrite them for the .editorconfig) -->
    <OpenApiReference Include="filtered.json" Namespace="Pkg.Filtered" ClassName="FilteredClient" IncludeTags="me;datasets" ExcludeOperations="delete_me;unfeature_dataset" />
    <!-- the 17-line spec whose subtree \$ref once killed csc with a stack overflow -->
    <AdditionalFiles Include="subtree.yaml" OpenApi="true" Namespace="Pkg.Subtree" ClientName="SubtreeClient" />
    <!-- an upstream spec with a broken \$ref and a cyclic alias: warned about, never a failed TreatWarningsAsErrors build -->
    <AdditionalFiles Include="upstream.yaml" OpenApi="true" Namespace="Pkg.Upstream" ClientName="UpstreamClient" />
  </ItemGroup>
</Project>
XML
cp "$repo/spec/me.openapi.yaml" "$app/me.openapi.yaml"
cp "$repo/spec/me.openapi.yaml" "$app/ref.openapi.yaml"
# the real data.gouv.fr swagger (TreatWarningsAsErrors is on: its renames must not be warnings)
cp "$repo/tests/specs/corpus/datagouv-udata-api-1.0.json" "$app/swagger.json"
cp "$repo/tests/specs/corpus/datagouv-udata-api-1.0.json" "$app/filtered.json"
cp "$repo/tests/specs/regressions/subtree-ref.openapi.yaml" "$app/subtree.yaml"
cp "$repo/tests/DataGouv.Generator.Tests/TestData/bad-refs.openapi.yaml" "$app/upstream.yaml"
cat >"$app/Program.cs" <<'CS'
using Pkg.Me;

if (args.Length < 2) { Console.Error.WriteLine("usage: Consumer <base-url> <api-key>"); return 2; }
using var http = new HttpClient();
var client = new MeClient(http, new MeClientOptions { BaseAddress = new Uri(args[0]), ApiKey = args[1] });
var me = await client.GetMeAsync();
Console.WriteLine("first name: " + me.FirstName);
// From <OpenApiReference Include="ref.openapi.yaml" Namespace="Pkg.Ref" ClassName="RefApiClient" />.
var viaReference = new Pkg.Ref.RefApiClient(http, new Pkg.Ref.RefApiClientOptions { BaseAddress = new Uri(args[0]), ApiKey = args[1] });
Console.WriteLine("via OpenApiReference: " + (await viaReference.GetMeAsync()).FirstName);
// The user's own code compiles against the clients of the subtree-ref spec and the real data.gouv.fr swagger.
var node = new Pkg.Subtree.Node { Child = new Pkg.Subtree.NodeChild { Name = "leaf" } };
Console.WriteLine("subtree: " + node.Child!.Name);
Console.WriteLine("udata client: " + typeof(Pkg.Swagger.UdataClient).Name);
return 0;
CS

# --- 3. emulator ---------------------------------------------------------------------------------------------------
step "start the /me emulator (samples/DataGouv.Demo --serve-only 0)"
demo_build_rc=0; wait "$demo_build_pid" || demo_build_rc=$?; demo_build_pid=""
[ "$demo_build_rc" -eq 0 ] || { cat "$work/demo-build.log"; fail "building samples/DataGouv.Demo"; }
demo="$repo/samples/DataGouv.Demo/bin/Debug/net10.0/DataGouv.Demo"
"$demo" --serve-only 0 >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 150); do
  grep -q '^READY ' "$work/serve.log" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log"; fail "the emulator exited early"; }
  sleep 0.1
done
read -r _ base_url api_key < <(grep '^READY ' "$work/serve.log") || fail "the emulator never printed READY"
echo "emulator at $base_url"

# --- 4. first build + run ------------------------------------------------------------------------------------------
# NUGET_PACKAGES too, so that nothing (e.g. an implicit restore of a tool) falls back to the shared ~/.nuget/packages.
# The client assembly cache (ClientAssembly) lives in the temp dir, never in the user's own cache folder.
export_build() { NUGET_PACKAGES="$packages" DataGouvClientAssemblyCache="$work/client-cache/" dotnet "$@"; }
step "build the consumer (restore into $packages)"
# timeout: a spec that sends the generator into endless recursion must show up as a failure here, not as a hang.
NUGET_PACKAGES="$packages" timeout 600 dotnet build "$app/Consumer.csproj" -nologo >"$work/build1.log" 2>&1 || { tail -50 "$work/build1.log"; fail "first consumer build (exit $?)"; }
if grep -q 'Stack overflow' "$work/build1.log"; then fail "csc overflowed its stack"; fi
[ -d "$packages/datagouv.generator/$version" ] || fail "the package was not restored into the private folder"
gen_dir="$app/obj/Debug/net10.0/generated/DataGouv.Generator"
grep -rq 'namespace Pkg.Me' "$gen_dir" || fail "no generated code in namespace Pkg.Me (Namespace metadata not honoured?) under $gen_dir"
grep -rq 'class MeClient' "$gen_dir" || fail "no generated MeClient"
if grep -rq 'MyExtraAsync' "$gen_dir"; then fail "MyExtraAsync exists before the spec was changed"; fi
grep -rq 'namespace Pkg.Ref' "$gen_dir" || fail "OpenApiReference: Namespace=\"Pkg.Ref\" not honoured"
grep -rq 'class RefApiClient ' "$gen_dir" || fail "OpenApiReference: ClassName=\"RefApiClient\" not honoured"
if grep -rq 'class RefClient ' "$gen_dir"; then fail "ref.openapi.yaml was also generated under its default name (auto-include not deduplicated)"; fi
grep -rq 'class UdataClient ' "$gen_dir" || fail "OpenApiReference to swagger.json (a name the glob does not match) was not picked up"
filtered="$(find "$gen_dir" -name 'Pkg.Filtered.FilteredClient.Client.g.cs' | head -1)"
[ -n "$filtered" ] || fail "OpenApiReference filtered.json was not picked up"
grep -q ' GetMeAsync(' "$filtered" || fail "IncludeTags=\"me;datasets\": the 'me' operations are missing"
grep -q ' DeleteDatasetAsync(' "$filtered" || fail "IncludeTags=\"me;datasets\": the 'datasets' operations are missing (the list was cut at ';'?)"
if grep -q ' DeleteOrganizationAsync(\| DeleteMeAsync(\| UnfeatureDatasetAsync(' "$filtered"; then fail "operation filters: an operation that should be left out was generated"; fi
# The spec's own faults stay visible as warnings, and TreatWarningsAsErrors did not turn them into errors.
grep -q 'upstream.yaml.*warning DG0004' "$work/build1.log" || fail "DG0004 (unresolved \$ref in upstream.yaml) is not reported as a warning"
grep -q 'upstream.yaml.*warning DG0014' "$work/build1.log" || fail "DG0014 (cyclic alias in upstream.yaml) is not reported as a warning"
grep -rq 'namespace Pkg.Upstream' "$gen_dir" || fail "upstream.yaml was not generated"
grep -rq 'namespace Pkg.Subtree' "$gen_dir" || fail "AdditionalFiles subtree.yaml with OpenApi=\"true\" was not picked up"
grep -rqE 'class NodeChild( |$)' "$gen_dir" || fail "the subtree \$ref did not resolve to its subtree (no NodeChild type)"
# No Microsoft.Extensions.Http reference here: the DI registration must not be generated (and nothing else breaks).
if grep -rq 'ServiceCollectionExtensions' "$gen_dir"; then fail "DI code generated without a Microsoft.Extensions.Http reference"; fi

step "run the consumer against the emulator"
out1="$(export_build run --project "$app/Consumer.csproj" --no-build -- "$base_url" "$api_key")" || fail "consumer run: $out1"
echo "$out1"
grep -q '^first name: Camille$' <<<"$out1" || fail "unexpected output from the consumer"
grep -q '^via OpenApiReference: Camille$' <<<"$out1" || fail "the OpenApiReference client did not reach the emulator"

# --- 5. spec edit, rebuild without clean ---------------------------------------------------------------------------
step "add GET /me/extra/ (operationId my_extra) to the spec and rebuild without clean"
awk '{ print } $0 == "paths:" {
  print "  /me/extra/:"
  print "    get:"
  print "      tags: [me]"
  print "      operationId: my_extra"
  print "      summary: An operation added by tests/package-e2e.sh"
  print "      responses:"
  print "        '\''200'\'':"
  print "          description: Success"
  print "          content:"
  print "            application/json:"
  print "              schema:"
  print "                $ref: '\''#/components/schemas/MyMetrics'\''"
}' "$repo/spec/me.openapi.yaml" >"$app/me.openapi.yaml"
grep -q 'operationId: my_extra' "$app/me.openapi.yaml" || fail "could not edit the spec copy"
cat >"$app/Program.cs" <<'CS'
using DataGouv.Client;
using Pkg.Me;

if (args.Length < 2) { Console.Error.WriteLine("usage: Consumer <base-url> <api-key>"); return 2; }
using var http = new HttpClient();
var client = new MeClient(http, new MeClientOptions { BaseAddress = new Uri(args[0]), ApiKey = args[1] });
var me = await client.GetMeAsync();
Console.WriteLine("first name: " + me.FirstName);
try
{
    // Compiles only if the generator picked up the edited spec. The emulator does not serve /me/extra/, so 404 is the
    // expected answer: it proves the new method sent GET .../me/extra/.
    var extra = await client.MyExtraAsync();
    Console.WriteLine("extra: " + extra.Id);
}
catch (ApiException ex)
{
    Console.WriteLine($"MyExtraAsync: {(int)ex.StatusCode}");
}
return 0;
CS
export_build build "$app/Consumer.csproj" -nologo >"$work/build2.log" 2>&1 || { cat "$work/build2.log"; fail "rebuild after the spec edit"; }
grep -rq 'MyExtraAsync' "$gen_dir" || fail "MyExtraAsync was not generated after the spec edit"
out2="$(export_build run --project "$app/Consumer.csproj" --no-build -- "$base_url" "$api_key")" || fail "consumer run 2: $out2"
echo "$out2"
grep -q '^MyExtraAsync: 404$' <<<"$out2" || fail "MyExtraAsync did not reach the emulator's /me/extra/ (expected a 404)"

# A project as a user has it: net10.0, nullable, implicit usings, TreatWarningsAsErrors, packages restored into
# $packages. write_project FILE OUTPUT_TYPE EXTRA_PROPERTIES ITEMS
write_project() {
cat >"$1" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>$2</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <RestorePackagesPath>$packages</RestorePackagesPath>$3
  </PropertyGroup>
  <ItemGroup>
$4
  </ItemGroup>
</Project>
XML
}

# --- 6. a class library and an app that both generate a client ----------------------------------------------------
step "class library + app: both generate, the app catches the library client's ApiException"
lib="$work/pair/Lib"; pairapp="$work/pair/App"
mkdir -p "$lib" "$pairapp"
cp "$app/nuget.config" "$work/pair/nuget.config"
write_project "$lib/Lib.csproj" Library '' "$(cat <<ITEMS
    <PackageReference Include="DataGouv.Generator" Version="$version" />
    <AdditionalFiles Update="lib.openapi.yaml" Namespace="Pkg.Lib" ClientName="LibMeClient" />
ITEMS
)"
cp "$repo/spec/me.openapi.yaml" "$lib/lib.openapi.yaml"
cat >"$lib/Profiles.cs" <<'CS'
namespace Pkg.Lib;

/// <summary>What the library exposes: it calls its own generated client and lets ApiException through.</summary>
public static class Profiles
{
    public static async Task<string> FirstNameAsync(HttpClient http, string baseUrl, string apiKey)
    {
        var client = new LibMeClient(http, new LibMeClientOptions { BaseAddress = new Uri(baseUrl), ApiKey = apiKey });
        return (await client.GetMeAsync()).FirstName;
    }
}
CS
write_project "$pairapp/App.csproj" Exe '' "$(cat <<ITEMS
    <PackageReference Include="DataGouv.Generator" Version="$version" />
    <ProjectReference Include="../Lib/Lib.csproj" />
    <AdditionalFiles Update="app.openapi.yaml" Namespace="Pkg.App" ClientName="AppMeClient" />
ITEMS
)"
cp "$repo/spec/me.openapi.yaml" "$pairapp/app.openapi.yaml"
cat >"$pairapp/Program.cs" <<'CS'
using DataGouv.Client;
using Pkg.App;
using Pkg.Lib;

using var http = new HttpClient();
var own = new AppMeClient(http, new AppMeClientOptions { BaseAddress = new Uri(args[0]), ApiKey = args[1] });
Console.WriteLine("app client: " + (await own.GetMeAsync()).FirstName);
Console.WriteLine("library client: " + await Profiles.FirstNameAsync(http, args[0], args[1]));
try
{
    await Profiles.FirstNameAsync(http, args[0], "not-the-key");
    Console.WriteLine("library client: no error");
}
catch (ApiException ex) // one type for every generated client, the library's included
{
    Console.WriteLine($"caught the library's ApiException: {(int)ex.StatusCode}");
}
return 0;
CS
export_build build "$pairapp/App.csproj" -nologo >"$work/build-pair.log" 2>&1 || { cat "$work/build-pair.log"; fail "building the library + app pair"; }
out3="$(export_build run --project "$pairapp/App.csproj" --no-build -- "$base_url" "$api_key")" || fail "pair run: $out3"
echo "$out3"
grep -q '^app client: Camille$' <<<"$out3" || fail "the app's own client did not reach the emulator"
grep -q '^library client: Camille$' <<<"$out3" || fail "the library's client did not reach the emulator"
grep -q '^caught the library.s ApiException: 401$' <<<"$out3" || fail "the app did not catch the library client's 401 as DataGouv.Client.ApiException"

# --- 7. ClientAssembly="true": the client compiled once into its own assembly ------------------------------------
step "ClientAssembly=\"true\": the client builds into its own assembly, which a C# edit does not recompile"
sep="$work/separate"
mkdir -p "$sep"
cp "$app/nuget.config" "$sep/nuget.config"
write_project "$sep/Separate.csproj" Exe '' "$(cat <<ITEMS
    <PackageReference Include="DataGouv.Generator" Version="$version" />
    <AdditionalFiles Update="me.openapi.yaml" Namespace="Pkg.Separate" ClientName="SeparateClient" ClientAssembly="true" />
    <!-- the spec's own faults: still warnings from the client's compilation, still not errors -->
    <AdditionalFiles Include="upstream.yaml" OpenApi="true" Namespace="Pkg.SeparateUpstream" ClientName="UpstreamClient" ClientAssembly="true" />
ITEMS
)"
cp "$repo/spec/me.openapi.yaml" "$sep/me.openapi.yaml"
cp "$repo/tests/DataGouv.Generator.Tests/TestData/bad-refs.openapi.yaml" "$sep/upstream.yaml"
write_separate_program() {
cat >"$sep/Program.cs" <<CS
using Pkg.Separate;

using var http = new HttpClient();
var client = new SeparateClient(http, new SeparateClientOptions { BaseAddress = new Uri(args[0]), ApiKey = args[1] });
Console.WriteLine("$1: " + (await client.GetMeAsync()).FirstName);
Console.WriteLine("client assembly: " + typeof(SeparateClient).Assembly.GetName().Name);
Console.WriteLine("upstream assembly: " + typeof(Pkg.SeparateUpstream.UpstreamClient).Assembly.GetName().Name);
$2
return 0;
CS
}
write_separate_program "edit 0" ""
export_build build "$sep/Separate.csproj" -nologo -v n >"$work/build-sep1.log" 2>&1 || { tail -60 "$work/build-sep1.log"; fail "first build with ClientAssembly=\"true\""; }
grep -q 'upstream.yaml.*warning DG0004' "$work/build-sep1.log" || fail "ClientAssembly: DG0004 of upstream.yaml is not reported as a warning"
out4="$(export_build run --project "$sep/Separate.csproj" --no-build -- "$base_url" "$api_key")" || fail "separate run: $out4"
echo "$out4"
grep -q '^edit 0: Camille$' <<<"$out4" || fail "ClientAssembly: the client did not reach the emulator"
grep -q '^client assembly: Separate.me$' <<<"$out4" || fail "ClientAssembly: SeparateClient is not in the assembly Separate.me"
grep -q '^upstream assembly: Separate.upstream$' <<<"$out4" || fail "ClientAssembly: UpstreamClient is not in the assembly Separate.upstream"
# An app without GenerateDocumentationFile gets no XML docs for its client (nothing reads them; csc would read every
# doc comment as XML for them): the library below, which writes its own, gets them.
[ ! -e "$sep/obj/Debug/net10.0/DataGouv/Separate.me/Separate.me.xml" ] || fail "ClientAssembly: an app without GenerateDocumentationFile got its client's XML docs"
if grep -q -- '/doc:[^ ]*Separate.me.xml' "$work/build-sep1.log"; then fail "ClientAssembly: the client was compiled with /doc in an app without GenerateDocumentationFile"; fi
# A one-line edit of the app's own C#: the client's compilation is skipped (its assembly keeps its time stamp).
client_dll="$sep/obj/Debug/net10.0/DataGouv/Separate.me/Separate.me.dll"
[ -f "$client_dll" ] || fail "ClientAssembly: no $client_dll"
stamp1="$(date -r "$client_dll" +%s%N)"
write_separate_program "edit 1" ""
export_build build "$sep/Separate.csproj" -nologo -v n >"$work/build-sep2.log" 2>&1 || { tail -60 "$work/build-sep2.log"; fail "rebuild after a C# edit"; }
[ "$(date -r "$client_dll" +%s%N)" = "$stamp1" ] || fail "ClientAssembly: a C# edit recompiled the client"
grep -q 'Skipping target "_DataGouvCompileClientAssembly" because all output files are up-to-date' "$work/build-sep2.log" || fail "ClientAssembly: the client's compilation was not skipped"
out5="$(export_build run --project "$sep/Separate.csproj" --no-build -- "$base_url" "$api_key")" || fail "separate run 2: $out5"
grep -q '^edit 1: Camille$' <<<"$out5" || fail "ClientAssembly: the app's edit did not make it into the build"
# A spec edit: the client is compiled again, and the app sees the new operation.
cp "$app/me.openapi.yaml" "$sep/me.openapi.yaml"
write_separate_program "edit 2" 'try { await client.MyExtraAsync(); } catch (DataGouv.Client.ApiException ex) { Console.WriteLine($"MyExtraAsync: {(int)ex.StatusCode}"); }'
export_build build "$sep/Separate.csproj" -nologo -v n >"$work/build-sep3.log" 2>&1 || { tail -60 "$work/build-sep3.log"; fail "rebuild after a spec edit"; }
[ "$(date -r "$client_dll" +%s%N)" != "$stamp1" ] || fail "ClientAssembly: a spec edit did not recompile the client"
out6="$(export_build run --project "$sep/Separate.csproj" --no-build -- "$base_url" "$api_key")" || fail "separate run 3: $out6"
echo "$out6"
grep -q '^MyExtraAsync: 404$' <<<"$out6" || fail "ClientAssembly: the operation added to the spec did not reach the emulator"

# The client assembly cache: a clean build (obj and bin removed) finds the assembly the spec edit compiled, the same
# bytes, and runs with it; so does a copy of the project in another folder (another clone); with the cache turned
# off, the clean build compiles the client again.
sep_dll_before="$(sha256sum "$client_dll" | cut -d' ' -f1)"
ls "$work"/client-cache/*/files/Separate.me.dll >/dev/null 2>&1 || fail "client cache: no Separate.me.dll stored in $work/client-cache"
# Two other entries, last used 30 and 3 days ago: the build that takes the assembly from the cache removes the first
# (DataGouvClientAssemblyCacheDays, 14 by default) and keeps the second.
mkdir -p "$work/client-cache/stale-entry/files" "$work/client-cache/recent-entry/files"
touch -d '30 days ago' "$work/client-cache/stale-entry/complete"
touch -d '3 days ago' "$work/client-cache/recent-entry/complete"
rm -rf "$sep/obj" "$sep/bin"
export_build build "$sep/Separate.csproj" -nologo -v n >"$work/build-sep4.log" 2>&1 || { tail -60 "$work/build-sep4.log"; fail "clean build with the client cache"; }
[ ! -e "$work/client-cache/stale-entry" ] || fail "client cache: an entry unused for 30 days was not removed"
[ -e "$work/client-cache/recent-entry/complete" ] || fail "client cache: an entry used 3 days ago was removed"
grep -q 'Separate.me.dll comes from the client assembly cache' "$work/build-sep4.log" || fail "client cache: the clean build did not take Separate.me.dll from the cache"
if grep -q -- '-out:[^ ]*Separate.me.dll\|/out:[^ ]*Separate.me.dll' "$work/build-sep4.log"; then fail "client cache: the clean build compiled Separate.me again"; fi
[ "$(sha256sum "$client_dll" | cut -d' ' -f1)" = "$sep_dll_before" ] || fail "client cache: the cached Separate.me.dll differs from the one compiled"
out8="$(export_build run --project "$sep/Separate.csproj" --no-build -- "$base_url" "$api_key")" || fail "run after a clean build from the cache: $out8"
grep -q '^MyExtraAsync: 404$' <<<"$out8" || fail "client cache: the app built from the cache did not call the spec's new operation"
sepclone="$work/separate-clone"
mkdir -p "$sepclone"
cp "$sep/nuget.config" "$sep/Separate.csproj" "$sep/Program.cs" "$sep/me.openapi.yaml" "$sep/upstream.yaml" "$sepclone/"
export_build build "$sepclone/Separate.csproj" -nologo -v n >"$work/build-sep5.log" 2>&1 || { tail -60 "$work/build-sep5.log"; fail "build of a copy of the project with the client cache"; }
grep -q 'Separate.me.dll comes from the client assembly cache' "$work/build-sep5.log" || fail "client cache: a copy of the project in another folder compiled Separate.me again"
out9="$(export_build run --project "$sepclone/Separate.csproj" --no-build -- "$base_url" "$api_key")" || fail "run of the copy: $out9"
grep -q '^edit 2: Camille$' <<<"$out9" || fail "client cache: the copy's client did not reach the emulator"
rm -rf "$sep/obj" "$sep/bin"
export_build build "$sep/Separate.csproj" -nologo -v n -p:DataGouvClientAssemblyCache=false >"$work/build-sep6.log" 2>&1 || { tail -60 "$work/build-sep6.log"; fail "clean build with the client cache off"; }
if grep -q 'comes from the client assembly cache' "$work/build-sep6.log"; then fail "client cache: DataGouvClientAssemblyCache=false still used the cache"; fi
[ -f "$client_dll" ] || fail "client cache: with the cache off, no $client_dll"
# The cache folder gone (cleaned by hand) while the client is up to date: the build skips the compilation, and the
# cache's pruning, run after it, once read the missing folder and failed the build (MSB4184).
rm -rf "$work/client-cache"
export_build build "$sep/Separate.csproj" -nologo -v n >"$work/build-sep7.log" 2>&1 || { tail -30 "$work/build-sep7.log"; fail "client cache: an up-to-date build with the cache folder removed"; }
grep -q 'Skipping target "_DataGouvCompileClientAssembly" because all output files are up-to-date' "$work/build-sep7.log" || fail "client cache: the client was compiled again in an up-to-date build"
# The project starts writing docs: the client, up to date but without its docs file, is compiled again with it
# (the docs file was not an output, and the build failed copying a file that did not exist).
export_build build "$sep/Separate.csproj" -nologo -v n -p:GenerateDocumentationFile=true >"$work/build-sep8.log" 2>&1 || { tail -30 "$work/build-sep8.log"; fail "ClientAssembly: a build that turns GenerateDocumentationFile on"; }
[ -f "$sep/bin/Debug/net10.0/Separate.me.xml" ] || fail "ClientAssembly: with GenerateDocumentationFile, the client's XML docs are not next to the app"

# A class library holding a ClientAssembly spec: an app that references the library compiles against the client's
# types (they come with the library's build) and runs with the client assembly copied next to it.
sepapp="$work/separate-pair/App"; seplib="$work/separate-pair/Lib"
mkdir -p "$sepapp" "$seplib"
cp "$app/nuget.config" "$work/separate-pair/nuget.config"
write_project "$seplib/Lib.csproj" Library "
    <DataGouvClientAssemblyThreshold>20000</DataGouvClientAssemblyThreshold>
    <GenerateDocumentationFile>true</GenerateDocumentationFile>" "$(cat <<ITEMS
    <PackageReference Include="DataGouv.Generator" Version="$version" />
    <!-- no ClientAssembly here: a spec over DataGouvClientAssemblyThreshold characters gets its own assembly by itself -->
    <AdditionalFiles Update="me.openapi.yaml" Namespace="Pkg.SeparateLib" ClientName="LibClient" />
ITEMS
)"
cp "$repo/spec/me.openapi.yaml" "$seplib/me.openapi.yaml"
cat >"$seplib/Factory.cs" <<'CS'
namespace Pkg.SeparateLib;

/// <summary>Makes the library's client.</summary>
public static class Factory
{
    /// <summary>A client of the API at <paramref name="baseUrl"/>.</summary>
    /// <param name="http">The HTTP client.</param>
    /// <param name="baseUrl">The API root.</param>
    /// <param name="apiKey">The API key.</param>
    public static LibClient Create(System.Net.Http.HttpClient http, string baseUrl, string apiKey) =>
        new(http, new LibClientOptions { BaseAddress = new System.Uri(baseUrl), ApiKey = apiKey });
}
CS
write_project "$sepapp/App.csproj" Exe '' "$(cat <<ITEMS
    <ProjectReference Include="../Lib/Lib.csproj" />
ITEMS
)"
cat >"$sepapp/Program.cs" <<'CS'
using var http = new HttpClient();
var me = await Pkg.SeparateLib.Factory.Create(http, args[0], args[1]).GetMeAsync(); // a generated type, used by the app
Console.WriteLine("through the library: " + me.FirstName + " from " + me.GetType().Assembly.GetName().Name);
return 0;
CS
export_build build "$sepapp/App.csproj" -nologo >"$work/build-sep-pair.log" 2>&1 || { tail -60 "$work/build-sep-pair.log"; fail "ClientAssembly in a library: building the app"; }
out7="$(export_build run --project "$sepapp/App.csproj" --no-build -- "$base_url" "$api_key")" || fail "ClientAssembly in a library: run: $out7"
echo "$out7"
grep -q '^through the library: Camille from Lib.me$' <<<"$out7" || fail "ClientAssembly in a library: the app did not use the client assembly Lib.me"
# Packing the library carries the client assembly next to it.
export_build pack "$seplib/Lib.csproj" -nologo -p:Version=1.0.0-e2e -o "$work/separate-pair/feed" >"$work/pack-sep-lib.log" 2>&1 || { tail -40 "$work/pack-sep-lib.log"; fail "ClientAssembly in a library: dotnet pack"; }
unzip -l "$work/separate-pair/feed/Lib.1.0.0-e2e.nupkg" | grep -q 'lib/net10.0/Lib.me.dll' || fail "ClientAssembly in a library: the client assembly is not in the library's package"
# The library writes its own XML docs (GenerateDocumentationFile), so its client's come with them.
unzip -l "$work/separate-pair/feed/Lib.1.0.0-e2e.nupkg" | grep -q 'lib/net10.0/Lib.me.xml' || fail "ClientAssembly in a library with GenerateDocumentationFile: the client's XML docs are not in the package"
grep -q 'GetMeAsync' "$seplib/obj/Debug/net10.0/DataGouv/Lib.me/Lib.me.xml" || fail "ClientAssembly in a library: the client's XML docs do not document its operations"

echo
echo "elapsed: $(( $(date +%s) - start )) s"
echo "E2E OK"
