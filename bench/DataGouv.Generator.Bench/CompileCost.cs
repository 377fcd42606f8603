using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DataGouv.Generator.Bench;

/// <summary>
/// Where the compiler's time goes on what the generator emits (issue 12, item 3): the consumer's build cost is
/// compiling the generated C#, not generating it. Generates SPEC in-process, then compiles the output as a consumer
/// project would (nullable enabled, the package's runtime library referenced) and times declaration binding, method
/// body binding (with nullable analysis) and emit; then lists the files whose bodies cost the most, by kind.
/// </summary>
internal static class CompileCost
{
    public static int Run(string specPath, int top)
    {
        var name = Path.GetFileName(specPath);
        if (!OpenApiClientGenerator.IsSpec(name))
            name = Path.GetFileNameWithoutExtension(name) + ".openapi" + (Path.GetExtension(name) is ".json" ? ".json" : ".yaml");
        var text = new Specs.InMemoryText("/bench/" + name, File.ReadAllText(specPath));
        var consumer = Specs.NewCompilation(Specs.ConsumerSource)
            .AddReferences(MetadataReference.CreateFromFile(typeof(DataGouv.Client.ApiException).Assembly.Location));
        var driver = Specs.CreateDriver(text).RunGenerators(consumer);
        Specs.Check(driver);
        var generated = driver.GetRunResult().GeneratedTrees;
        Console.WriteLine($"{generated.Length} files, {generated.Sum(t => (long)t.Length) / 1e6:F1} M chars");

        foreach (var nullable in new[] { NullableContextOptions.Enable, NullableContextOptions.Annotations })
        {
            for (var round = 0; round < 2; round++)
            {
                var compilation = consumer.WithOptions(consumer.Options.WithNullableContextOptions(nullable)).AddSyntaxTrees(generated);
                var clock = Stopwatch.StartNew();
                var declarations = compilation.GetDeclarationDiagnostics();
                var declared = clock.Elapsed.TotalSeconds;
                var perFile = new List<(string File, double Seconds)>();
                foreach (var tree in compilation.SyntaxTrees)
                {
                    var start = clock.Elapsed.TotalSeconds;
                    compilation.GetSemanticModel(tree).GetMethodBodyDiagnostics();
                    perFile.Add((Path.GetFileName(tree.FilePath), clock.Elapsed.TotalSeconds - start));
                }
                var bound = clock.Elapsed.TotalSeconds;
                using var peStream = new MemoryStream();
                var emit = compilation.Emit(peStream);
                var emitted = clock.Elapsed.TotalSeconds;
                var errors = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
                Console.WriteLine($"nullable {nullable}, round {round}: declarations {declared:F1} s, bodies {bound - declared:F1} s, " +
                                  $"emit (binds again) {emitted - bound:F1} s, total {emitted:F1} s; {errors.Count} warnings/errors{(errors.Count > 0 ? ": " + errors[0] : "")}");
                if (round == 1 && nullable == NullableContextOptions.Enable)
                {
                    foreach (var group in perFile.GroupBy(f => Kind(f.File)).OrderByDescending(g => g.Sum(f => f.Seconds)))
                        Console.WriteLine($"  {group.Key,-12} {group.Count(),5} files {group.Sum(f => f.Seconds),7:F2} s");
                    foreach (var (file, seconds) in perFile.OrderByDescending(f => f.Seconds).Take(top))
                        Console.WriteLine($"  {seconds * 1000,8:F0} ms  {file}");
                }
            }
        }
        return 0;
    }

    /// <summary>Compiles the .cs files of a folder (a generated client written out by --emit, edited by hand to try a
    /// change of shape before the generator makes it): emit time, twice, the second with the compiler's code jitted.</summary>
    public static int RunFolder(string folder, int rounds, bool serial)
    {
        var trees = Directory.GetFiles(folder, "*.cs").Order(StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(Microsoft.CodeAnalysis.Text.SourceText.From(File.ReadAllText(f), System.Text.Encoding.UTF8), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), f)).ToList();
        var compilation = Specs.NewCompilation(Specs.ConsumerSource).AddSyntaxTrees(trees)
            .AddReferences(MetadataReference.CreateFromFile(typeof(DataGouv.Client.ApiException).Assembly.Location));
        if (serial) compilation = compilation.WithOptions(compilation.Options.WithConcurrentBuild(false));
        Console.WriteLine($"{trees.Count} files, {trees.Sum(t => (long)t.Length) / 1e6:F1} M chars{(serial ? ", on one thread" : "")}");
        var warm = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            var fresh = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees);
            using var peStream = new MemoryStream();
            using var pdbStream = new MemoryStream();
            var emit = fresh.Emit(peStream, pdbStream, options: new Microsoft.CodeAnalysis.Emit.EmitOptions(debugInformationFormat: Microsoft.CodeAnalysis.Emit.DebugInformationFormat.PortablePdb));
            var problems = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS1701").ToList();
            Console.WriteLine($"round {round}: emit with diagnostics {clock.Elapsed.TotalSeconds:F1} s, {peStream.Length / 1e6:F1} MB IL+metadata; " +
                              $"{problems.Count} warnings/errors{(problems.Count > 0 ? ": " + problems[0] : "")}");
            if (round > 0) warm.Add(clock.Elapsed.TotalSeconds);
        }
        if (warm.Count > 1)
        {
            warm.Sort();
            Console.WriteLine($"warm rounds: min {warm[0]:F2} s, median {warm[warm.Count / 2]:F2} s");
        }
        return 0;
    }

    // By the hint name's last part: {Namespace}.{ClientName}.Client.g.cs, .Json.g.cs, .UnionShapes.g.cs, .Models.*.g.cs.
    private static string Kind(string file) =>
        file.EndsWith(".Client.g.cs", StringComparison.Ordinal) ? "client" :
        file.EndsWith(".Json.g.cs", StringComparison.Ordinal) ? "json" :
        file.Contains(".Models.", StringComparison.Ordinal) ? "models" : "other";
}
