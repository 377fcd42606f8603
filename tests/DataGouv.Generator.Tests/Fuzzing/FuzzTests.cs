using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using DataGouv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace DataGouv.Generator.Tests.Fuzzing;

/// <summary>
/// Seeded mutation fuzzing over the small and medium specs: whatever the spec, no exception escapes the generator
/// (no CS8784/CS8785, no caught DG0012), and the output either compiles or comes with an Error-severity DG diagnostic.
/// CI runs a fixed-seed slice; <c>DATAGOUV_FUZZ_CASES</c> / <c>DATAGOUV_FUZZ_SEED</c> make a longer run, and
/// <c>DATAGOUV_FUZZ_ONLY=17</c> replays one case of the run. A failing case's spec is written under bin/ (the path is printed).
/// </summary>
public class FuzzTests
{
    private const int DefaultCases = 300;
    private const int DefaultSeed = 20250611;
    /// <summary>
    /// Seeds above this size are left out by default: a case costs roughly its generated code's compile time, and
    /// the small specs cover the same constructs. DATAGOUV_FUZZ_MAX_SEED_KB=300 adds the medium corpus specs.
    /// </summary>
    private const int DefaultMaxSeedKb = 40;

    private readonly ITestOutputHelper _output;

    public FuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Fuzz_mutated_specs_never_crash_and_compile_or_report_an_error()
    {
        var cases = EnvInt("DATAGOUV_FUZZ_CASES") ?? DefaultCases;
        var seed = EnvInt("DATAGOUV_FUZZ_SEED") ?? DefaultSeed;
        var only = EnvInt("DATAGOUV_FUZZ_ONLY");
        var seeds = Seeds((EnvInt("DATAGOUV_FUZZ_MAX_SEED_KB") ?? DefaultMaxSeedKb) * 1024L);
        var failures = new ConcurrentBag<string>();
        var verbose = Environment.GetEnvironmentVariable("DATAGOUV_FUZZ_VERBOSE") == "1";
        var log = new ConcurrentBag<string>();
        var refused = 0;
        var compiled = 0;
        var watch = Stopwatch.StartNew();
        var indexes = only is { } one ? new[] { one } : Enumerable.Range(0, cases).ToArray();

        Parallel.ForEach(indexes, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index =>
        {
            var started = Stopwatch.GetTimestamp();
            var fuzz = MakeCase(seeds, seed, index);
            var failure = Check(fuzz, out var wasRefused, out var summary, out var files);
            if (verbose) log.Add($"{index,5} {Stopwatch.GetElapsedTime(started).TotalMilliseconds,7:F0} ms {fuzz.Seed} [{string.Join("; ", fuzz.Mutations)}] → {summary}");
            if (failure is null)
            {
                if (wasRefused) Interlocked.Increment(ref refused); else Interlocked.Increment(ref compiled);
                return;
            }
            failures.Add(Save(fuzz, seed, failure, files));
        });

        _output.WriteLine($"fuzz seed {seed}: {seeds.Count} seed specs,  {indexes.Length} cases in {watch.Elapsed.TotalSeconds:F1}s on {Environment.ProcessorCount} cores; " +
                          $"{compiled} compiled, {refused} refused with an error diagnostic, {failures.Count} failed");
        foreach (var line in log.OrderBy(l => l, StringComparer.Ordinal)) _output.WriteLine(line);
        foreach (var f in failures.OrderBy(f => f, StringComparer.Ordinal)) _output.WriteLine(f);
        Assert.True(failures.IsEmpty, failures.Count + " fuzz case(s) failed:\n" + string.Join("\n\n", failures.OrderBy(f => f, StringComparer.Ordinal).Take(10)));
    }

    internal static FuzzCase MakeCase(IReadOnlyList<(string Name, string Text, bool Yaml)> seeds, int seed, int index)
    {
        // One Random per case, from the run seed and the index only: a case is the same whatever runs beside it.
        var random = new Random(unchecked(seed * 7919 + index * 104729));
        var (name, text, yaml) = seeds[random.Next(seeds.Count)];
        return new SpecMutator(random.Next()).Mutate(index, name, text, yaml);
    }

    /// <summary>Null when the case passes, else what went wrong.</summary>
    internal static string? Check(FuzzCase fuzz, out bool refused, out string summary, out IReadOnlyList<(string HintName, string Text)> files)
    {
        files = [];
        refused = false;
        summary = "harness threw";
        GeneratorResult result;
        try
        {
            // concurrentBuild off: the cases already run in parallel, and a compilation that waits on thread-pool
            // work from inside a parallel loop starves the pool (on 2 cores most of the time went to waiting).
            var compilation = GeneratorHarness.NewCompilation("namespace Consumer { public class Existing { } }");
            compilation = compilation.WithOptions(compilation.Options.WithConcurrentBuild(false));
            var driver = GeneratorHarness.CreateDriver([new SpecFile("/fuzz/case" + fuzz.Index + ".openapi" + fuzz.Extension, fuzz.Text, "Fuzz.Api", "ApiClient")]);
            result = GeneratorHarness.Run(compilation, driver);
            files = result.Files;
        }
        catch (Exception ex)
        {
            return "the harness threw " + ex.GetType().Name + ": " + ex.Message;
        }
        summary = string.Join(",", result.GeneratorDiagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + "×" + g.Count()));
        var crashes = result.GeneratorDiagnostics.Where(d => d.Id is "CS8785" or "CS8784" or "DG0012").ToList();
        if (crashes.Count > 0) return "generator exception: " + string.Join("\n", crashes.Take(3).Select(d => d.ToString()));
        if (result.GeneratorDiagnostics.Any(d => d.Id.StartsWith("DG", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error))
        {
            refused = true;
            summary += " (" + Truncate(result.GeneratorDiagnostics.First(d => d.Severity == DiagnosticSeverity.Error).GetMessage(), 200) + ")";
            return null;
        }
        var errors = result.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        summary += $" files={result.Files.Count} errors={errors.Count}";
        if (errors.Count == 0) return null;
        return $"{errors.Count} compile error(s) and no error diagnostic:\n" + string.Join("\n", errors.Take(5).Select(d => Truncate(d.ToString(), 400)));
    }

    internal static IReadOnlyList<(string Name, string Text, bool Yaml)> Seeds(long maxSeedBytes)
    {
        var files = new List<string> { Path.Combine(GeneratorHarness.RepoRoot, "spec", "me.openapi.yaml") };
        files.AddRange(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData")));
        files.AddRange(Directory.GetFiles(GeneratorHarness.RepoSpecs, "*.*", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).Length <= maxSeedBytes));
        return files
            .Where(f => f.EndsWith(".json") || f.EndsWith(".yaml") || f.EndsWith(".yml"))
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f), !f.EndsWith(".json")))
            .ToList();
    }

    private static string Save(FuzzCase fuzz, int seed, string failure, IReadOnlyList<(string HintName, string Text)> files)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "fuzz-failures");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, $"seed{seed}-case{fuzz.Index}.openapi{fuzz.Extension}");
        // UTF-8 cannot hold a lone surrogate; DATAGOUV_FUZZ_SEED + DATAGOUV_FUZZ_ONLY replay the case exactly.
        File.WriteAllText(file, fuzz.Text, new UTF8Encoding(false));
        var report = $"case {fuzz.Index} (seed spec {fuzz.Seed}; {string.Join("; ", fuzz.Mutations)})\n  replay: DATAGOUV_FUZZ_SEED={seed} DATAGOUV_FUZZ_ONLY={fuzz.Index}\n  spec: {file}\n  {failure}";
        File.WriteAllText(Path.ChangeExtension(file, ".txt"), report);
        var generated = Path.ChangeExtension(file, ".generated");
        if (Directory.Exists(generated)) Directory.Delete(generated, recursive: true);
        Directory.CreateDirectory(generated);
        foreach (var (hint, text) in files) File.WriteAllText(Path.Combine(generated, hint), text);
        return report;
    }

    private static int? EnvInt(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : null;

    private static string Truncate(string s, int max) => s.Length <= max ? s : s.Substring(0, max) + "…";
}
