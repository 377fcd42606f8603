#!/usr/bin/env python3
"""A real consumer's `dotnet build` with a spec in the app's own project, as a user has it (issue 12, item 3).

Packs the generator into a throw-away feed, creates a console app (net10.0, nullable, TreatWarningsAsErrors) that
references the package and holds SPEC, then times four builds: clean (restore done first), no change, a one-line edit
of Program.cs, and a one-line edit of the spec. Peak memory is the largest resident set of any compiler process
(csc or the VBCSCompiler server) sampled every 100 ms during each build; the compiler server is shut down before the
clean build, so that build starts cold, as a first build on a fresh machine does.

Usage: bench/consumer-build.py SPEC [SPEC...]      prints one markdown row per spec
       bench/consumer-build.py none                    the same app without a spec (the edit loop's floor)
       CONSUMER_EDITS=3 bench/consumer-build.py ...    three C# edits, the median reported
       CONSUMER_KEEP=true bench/consumer-build.py ...   keeps the apps, the feed and the package cache (to profile a build)
       CONSUMER_CLIENT_ASSEMBLY=true|false bench/consumer-build.py ...   the spec's item gets ClientAssembly="true" (its
       client is compiled once into an assembly of its own) or "false" (in the app); unset: the package decides by size
       CONSUMER_SERVER=true bench/consumer-build.py ...   with the compiler server (the SDK's default; this sandbox turns
       it off with UseSharedCompilation=false in the environment); it is shut down before the clean build
       The client assembly cache (ClientAssembly) is a folder of the run's own: the clean build is a spec's first build on
       the machine; "clean, cache" is a second clean build (obj and bin removed, restored again) served by the cache.
       CONSUMER_TWAE=false bench/consumer-build.py ...   without TreatWarningsAsErrors (to measure a version of the
       package whose warnings about a spec's own faults still failed such a build)
       CONSUMER_AB=CHECKOUT bench/consumer-build.py SPEC   the package of another checkout (e.g. `git worktree add
       /tmp/before <commit>`) against this one's, runs alternated (CONSUMER_RUNS, 3 by default): on a shared machine
       one run of each says little. Per run and side: the spec's first build (obj and bin removed, the compiler server
       shut down, an empty client assembly cache), then a clean build served by the cache.
"""
import os, re, shutil, subprocess, sys, tempfile, threading, time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def compiler_rss_mb():
    """Largest RSS (MB) among running compiler processes (csc, or the VBCSCompiler server)."""
    best = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read()
            # The SDK starts csc as an apphost (sdk/*/Roslyn/bincore/csc) and the server as bincore/VBCSCompiler.
            if b"Roslyn/bincore/" not in cmd and b"VBCSCompiler" not in cmd and b"csc.dll" not in cmd:
                continue
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        best = max(best, int(line.split()[1]) // 1024)
        except OSError:
            pass
    return best


def timed_build(app):
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], compiler_rss_mb())
            done.wait(0.1)

    sampler = threading.Thread(target=sample)
    sampler.start()
    start = time.monotonic()
    server = ["-p:UseSharedCompilation=true"] if os.environ.get("CONSUMER_SERVER") == "true" else []
    result = subprocess.run(["dotnet", "build", "--no-restore", "-nologo", "-v", "q", "-clp:NoSummary"] + server, cwd=app,
                            capture_output=True, text=True)
    elapsed = time.monotonic() - start
    done.set()
    sampler.join()
    if result.returncode != 0:
        sys.exit(f"build failed in {app}:\n{result.stdout[-4000:]}\n{result.stderr[-2000:]}")
    return elapsed, peak[0]


def generated_chars(app):
    gen = os.path.join(app, "obj", "gen")
    total = files = 0
    for root, _, names in os.walk(gen):
        for n in names:
            if n.endswith(".cs"):
                files += 1
                with open(os.path.join(root, n), encoding="utf-8") as f:
                    total += len(f.read())
    return files, total


def setup(work):
    """The environment of a run: a private package folder and client assembly cache, under work."""
    env = dict(os.environ, NUGET_PACKAGES=os.path.join(work, "packages"), DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1",
               DataGouvClientAssemblyCache=os.path.join(work, "client-cache") + "/")
    os.environ.update(env)
    return env


def pack(checkout, feed, version, env):
    subprocess.run(["bash", os.path.join(checkout, "eng", "pack-local.sh")], env=dict(env, VERSION=version, FEED=feed),
                   check=True, capture_output=True)


def make_app(app, feed, version, spec, cache=None):
    """A console app referencing the package, holding spec (or none), restored. Returns the spec's and Program.cs's paths."""
    base, ext = os.path.splitext(os.path.basename(spec))
    ext = ".yaml" if ext == ".yml" else ext
    os.makedirs(app)
    with open(os.path.join(app, "nuget.config"), "w") as f:
        f.write(f'<configuration><packageSources><clear /><add key="local" value="{feed}" />'
                f'<add key="nuget" value="https://api.nuget.org/v3/index.json" /></packageSources></configuration>')
    own_cache = f"<DataGouvClientAssemblyCache>{cache}</DataGouvClientAssemblyCache>" if cache else ""
    with open(os.path.join(app, "App.csproj"), "w") as f:
        f.write(f"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable>
    <TreatWarningsAsErrors>{os.environ.get("CONSUMER_TWAE", "true")}</TreatWarningsAsErrors><EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
    <CompilerGeneratedFilesOutputPath>obj/gen</CompilerGeneratedFilesOutputPath>{own_cache}
  </PropertyGroup>
  <ItemGroup><PackageReference Include="DataGouv.Generator" Version="{version}" /></ItemGroup>
  <ItemGroup><AdditionalFiles Update="{base}.openapi{ext}" ClientAssembly="{os.environ.get("CONSUMER_CLIENT_ASSEMBLY", "")}" /></ItemGroup>
</Project>""")
    spec_path = os.path.join(app, base + ".openapi" + ext)
    if spec != "none":  # "none": the same app without a spec, the baseline of the edit loop
        shutil.copyfile(spec, spec_path)
    program = os.path.join(app, "Program.cs")
    with open(program, "w") as f:
        f.write('System.Console.WriteLine("edit 0");\n')
    subprocess.run(["dotnet", "restore", "-nologo", "-v", "q"], cwd=app, check=True, capture_output=True)
    return spec_path, program


def clean(app, *more):
    for folder in [os.path.join(app, "obj", "Debug"), os.path.join(app, "bin"), *more]:
        shutil.rmtree(folder, ignore_errors=True)


def main(specs):
    work = tempfile.mkdtemp(prefix="consumer-build-")
    version = "0.1.0-bench" + time.strftime("%Y%m%d%H%M%S")
    feed = os.path.join(work, "feed")
    env = setup(work)
    pack(REPO, feed, version, env)
    print(f"machine: {os.cpu_count()} cores; load average at start {os.getloadavg()[0]:.1f}; "
          f"TreatWarningsAsErrors={os.environ.get('CONSUMER_TWAE', 'true')}; "
          f"ClientAssembly={os.environ.get('CONSUMER_CLIENT_ASSEMBLY', '(default: by spec size)')}; "
          f"compiler server={os.environ.get('CONSUMER_SERVER', 'false')}")
    print("| spec | generated | clean build | peak compiler RSS | no change | C# edit | spec edit | clean, cache |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for spec in specs:
        name = os.path.basename(spec)
        base, ext = os.path.splitext(name)
        app = os.path.join(work, re.sub(r"[^A-Za-z0-9]", "", base.title()) or "App")
        spec_path, program = make_app(app, feed, version, spec)
        subprocess.run(["dotnet", "build-server", "shutdown"], capture_output=True)
        clean_time, clean_peak = timed_build(app)
        files, chars = generated_chars(app)
        nochange, _ = timed_build(app)
        edits = []
        for i in range(int(os.environ.get("CONSUMER_EDITS", "1"))):
            with open(program, "w") as f:
                f.write(f'System.Console.WriteLine("edit {i + 1}");\n')
            edits.append(timed_build(app)[0])
        csharp = sorted(edits)[len(edits) // 2]
        specedit_text = "–"
        if spec != "none":
            with open(spec_path, "a", encoding="utf-8") as f:
                # A trailing comment (YAML) or whitespace (JSON): the spec's text changes, so the generator reruns.
                f.write("\n# edited\n" if spec_path.endswith(".yaml") else "\n")
            specedit_text = f"{timed_build(app)[0]:.1f} s"
        # A second clean build: the client assembly cache has the spec's assembly (the spec edit stored it).
        for folder in ("obj", "bin"):
            shutil.rmtree(os.path.join(app, folder), ignore_errors=True)
        subprocess.run(["dotnet", "restore", "-nologo", "-v", "q"], cwd=app, check=True, capture_output=True)
        cached, _ = timed_build(app)
        edit_text = f"{csharp:.1f} s" + (f" (median of {len(edits)}: {', '.join(f'{e:.1f}' for e in edits)})" if len(edits) > 1 else "")
        print(f"| {name} | {files} files, {chars / 1e6:.1f} M chars | {clean_time:.1f} s | {clean_peak:,} MB | {nochange:.1f} s "
              f"| {edit_text} | {specedit_text} | {cached:.1f} s |", flush=True)
    print(f"load average at end {os.getloadavg()[0]:.1f}")
    finish(work, env)


def main_ab(before, spec):
    """The first and cached clean builds of two checkouts' packages, alternated."""
    work = tempfile.mkdtemp(prefix="consumer-ab-")
    stamp = time.strftime("%Y%m%d%H%M%S")
    feed = os.path.join(work, "feed")
    env = setup(work)
    apps = {}
    for side, checkout in (("before", os.path.abspath(before)), ("after", REPO)):
        version = f"0.1.0-{side}{stamp}"
        pack(checkout, feed, version, env)
        cache = os.path.join(work, "cache-" + side) + "/"
        apps[side] = (os.path.join(work, side), cache)
        make_app(apps[side][0], feed, version, spec, cache)
    runs = int(os.environ.get("CONSUMER_RUNS", "3"))
    print(f"machine: {os.cpu_count()} cores; {os.path.basename(spec)}; {runs} runs alternated; "
          f"compiler server={os.environ.get('CONSUMER_SERVER', 'false')}")
    for run in range(1, runs + 1):
        for side, (app, cache) in apps.items():
            clean(app, cache)
            subprocess.run(["dotnet", "build-server", "shutdown"], capture_output=True)
            load = os.getloadavg()[0]
            first, _ = timed_build(app)
            clean(app)
            cached, _ = timed_build(app)
            print(f"run {run} {side}: first build {first:.1f} s, clean from the cache {cached:.1f} s (load average {load:.1f})", flush=True)
    finish(work, env)


def finish(work, env):
    if os.environ.get("CONSUMER_KEEP") == "true":
        print(f"kept: {work} (NUGET_PACKAGES={env['NUGET_PACKAGES']})")
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    if os.environ.get("CONSUMER_AB"):
        main_ab(os.environ["CONSUMER_AB"], sys.argv[1])
    else:
        main(sys.argv[1:])
