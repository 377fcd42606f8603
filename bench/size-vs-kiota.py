#!/usr/bin/env python3
"""Generated C# per spec, ours against Kiota 1.38.0 (issue 12, item 3): lines, characters, per schema, ratio.

Kiota installs as a local tool under bench/.tools and generates offline; its output is kept in bench/.kiota-out
(it does not change with our code). Ours comes from DataGouv.Generator.Bench --emit (the generator through
CSharpGeneratorDriver, as the compiler runs it). Lines and characters count every .cs file, comments and blank lines
included, for both. "per schema" divides by the spec's named schemas (components/schemas, or definitions in 2.0).

Usage: bench/size-vs-kiota.py SPEC [SPEC...]     prints a markdown table
"""
import json, os, shutil, subprocess, sys

import yaml

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLS = os.path.join(REPO, "bench", ".tools")
KIOTA = os.path.join(TOOLS, "kiota")
OURS = os.path.join(REPO, "bench", "DataGouv.Generator.Bench", "bin", "Release", "net10.0", "DataGouv.Generator.Bench.dll")


def measure(folder):
    lines = chars = files = 0
    for root, _, names in os.walk(folder):
        for n in names:
            if n.endswith(".cs"):
                with open(os.path.join(root, n), encoding="utf-8") as f:
                    text = f.read()
                files += 1
                chars += len(text)
                lines += text.count("\n")
    return files, lines, chars


def schema_count(spec):
    with open(spec, encoding="utf-8") as f:
        doc = json.load(f) if spec.endswith(".json") else yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    schemas = (doc.get("components") or {}).get("schemas") or doc.get("definitions") or {}
    return max(len(schemas), 1)


def main(specs):
    env = dict(os.environ, KIOTA_UPDATE__DISABLED="true", DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1")
    if not os.path.exists(KIOTA):
        subprocess.run(["dotnet", "tool", "install", "--tool-path", TOOLS, "Microsoft.OpenApi.Kiota", "--version", "1.38.0"],
                       check=True, capture_output=True, env=env)
    subprocess.run(["dotnet", "build", "-c", "Release", os.path.join(REPO, "bench", "DataGouv.Generator.Bench"), "-v", "q", "-nologo"],
                   check=True, capture_output=True, env=env)
    print("| spec | schemas | ours: lines (chars) | Kiota: lines (chars) | ours ÷ Kiota, lines | ours per schema: lines |")
    print("|---|---:|---:|---:|---:|---:|")
    for spec in specs:
        name = os.path.basename(spec)
        kiota_out = os.path.join(REPO, "bench", ".kiota-out", name)
        if not os.path.isdir(kiota_out):
            r = subprocess.run([KIOTA, "generate", "-l", "CSharp", "-d", spec, "-o", kiota_out, "-c", "ApiClient",
                                "-n", "Bench.Kiota", "--clean-output"], capture_output=True, text=True, env=env)
            if r.returncode != 0:
                shutil.rmtree(kiota_out, ignore_errors=True)
                print(f"| {name} | | | Kiota failed: {r.stdout.strip().splitlines()[-1:] } | | |")
                continue
        ours_out = os.path.join(REPO, "bench", ".size-out", name)
        shutil.rmtree(ours_out, ignore_errors=True)
        subprocess.run(["dotnet", OURS, "--emit", spec, ours_out], check=True, capture_output=True, env=env)
        _, ol, oc = measure(ours_out)
        _, kl, kc = measure(kiota_out)
        n = schema_count(spec)
        print(f"| {name} | {n:,} | {ol:,} ({oc / 1e6:.1f} M) | {kl:,} ({kc / 1e6:.1f} M) | {ol / kl:.2f} | {ol / n:,.0f} |", flush=True)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
