#!/usr/bin/env bash
# Packs DataGouv.Generator (generator under analyzers/, runtime DataGouv.Client under lib/) into a local folder feed,
# and prints the nuget.config that uses it. The package is not on a public feed yet: this is how to get it today.
#   bash eng/pack-local.sh                 -> artifacts/feed/DataGouv.Generator.0.1.0.nupkg
#   VERSION=0.1.1 bash eng/pack-local.sh   -> a new version (NuGet caches a version once per machine: bump it to see changes)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${VERSION:-0.1.0}"
feed="${FEED:-$repo/artifacts/feed}"
dotnet pack "$repo/src/DataGouv.Generator/DataGouv.Generator.csproj" -c Release -p:Version="$version" -o "$feed" -nologo -v:q
echo
echo "packed $feed/DataGouv.Generator.$version.nupkg"
echo "add this nuget.config next to your solution (the public sources stay):"
cat <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="datagouv-local" value="$feed" />
  </packageSources>
</configuration>
XML
echo "and in your project: <PackageReference Include=\"DataGouv.Generator\" Version=\"$version\" />"
