using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DataGouv.Generator.Tests.Infrastructure;

/// <summary>A spec to feed the generator: its path, text and the item metadata it carries.</summary>
public sealed record SpecFile(string Path, string Text, string? Namespace = null, string? ClientName = null, string? RequiredProperties = null, string? LenientParameters = null, string? OpenApi = null)
{
    /// <summary>Any other item metadata (IncludeTags, ExcludePaths...), by name.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}

/// <summary>What one generator run produced.</summary>
public sealed record GeneratorResult(
    GeneratorDriver Driver,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    IReadOnlyList<(string HintName, string Text)> Files)
{
    /// <summary>Errors and warnings of compiling the generated code (nullable on, as a consumer with TreatWarningsAsErrors sees them).</summary>
    public IReadOnlyList<Diagnostic> CompileProblems() => Output.GetDiagnostics()
        .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
        .ToList();
}

/// <summary>Runs the generator in-process over in-memory specs, with step tracking on.</summary>
public static class GeneratorHarness
{
    /// <summary>The AdditionalText instances of the last driver created on this thread (the driver replaces texts by instance).</summary>
    [ThreadStatic]
    private static List<AdditionalText>? t_lastTexts;

    public static IReadOnlyList<AdditionalText> LastTexts { get => t_lastTexts ?? []; private set => t_lastTexts = (List<AdditionalText>)value; }

    /// <summary>DataGouv.Client, the runtime that generated code calls (the package puts it in lib/).</summary>
    public static MetadataReference RuntimeReference { get; } = MetadataReference.CreateFromFile(typeof(DataGouv.Client.ApiException).Assembly.Location);

    public static CSharpCompilation NewCompilation(params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select(s => CSharpSyntaxTree.ParseText(s, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest))),
        Basic.Reference.Assemblies.Net100.References.All.Append(RuntimeReference),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            // The runtime targets net8.0: unify its framework references with net10.0's, as the SDK does (NoWarn CS1701;CS1702).
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    public static GeneratorDriver CreateDriver(IEnumerable<SpecFile> specs, IReadOnlyDictionary<string, string>? properties = null)
    {
        var global = new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer" };
        foreach (var p in properties ?? new Dictionary<string, string>()) global[p.Key] = p.Value;
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        var texts = new List<AdditionalText>();
        foreach (var spec in specs)
        {
            texts.Add(new InMemoryAdditionalText(spec.Path, spec.Text));
            var meta = new Dictionary<string, string>();
            if (spec.Namespace is not null) meta["build_metadata.AdditionalFiles.Namespace"] = spec.Namespace;
            if (spec.ClientName is not null) meta["build_metadata.AdditionalFiles.ClientName"] = spec.ClientName;
            if (spec.RequiredProperties is not null) meta["build_metadata.AdditionalFiles.RequiredProperties"] = spec.RequiredProperties;
            if (spec.LenientParameters is not null) meta["build_metadata.AdditionalFiles.LenientParameters"] = spec.LenientParameters;
            if (spec.OpenApi is not null) meta["build_metadata.AdditionalFiles.OpenApi"] = spec.OpenApi;
            foreach (var m in spec.Metadata ?? new Dictionary<string, string>()) meta["build_metadata.AdditionalFiles." + m.Key] = m.Value;
            perFile[spec.Path] = meta;
        }
        LastTexts = texts;
        return CSharpGeneratorDriver.Create(
            [new OpenApiClientGenerator().AsSourceGenerator()],
            additionalTexts: texts,
            parseOptions: CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest),
            optionsProvider: new TestOptionsProvider(global, perFile),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static GeneratorResult Run(params SpecFile[] specs) => Run(NewCompilation("namespace Consumer { public class Existing { } }"), CreateDriver(specs));

    public static GeneratorResult Run(Compilation compilation, GeneratorDriver driver)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult();
        output = WithNullableWarnings(output, result.GeneratedTrees);
        var files = result.Results.SelectMany(r => r.GeneratedSources)
            .Select(s => (s.HintName, s.SourceText.ToString()))
            .OrderBy(f => f.HintName, StringComparer.Ordinal)
            .ToList();
        return new GeneratorResult(driver, output, diagnostics, files);
    }

    /// <summary>
    /// The generated code as the tests hold it: with nullable warnings on. A consumer compiles it with annotations only
    /// (<see cref="Emitting.FileHeader.NullableContext"/>: no flow analysis, so no warning a user could not fix); here
    /// every nullable warning in it is a failure of the test that compiles it.
    /// </summary>
    public static Compilation WithNullableWarnings(Compilation output, ImmutableArray<SyntaxTree> generated)
    {
        foreach (var tree in generated)
        {
            var text = tree.GetText();
            var line = text.Lines.Take(10).FirstOrDefault(l => l.ToString() == Emitting.FileHeader.WarningsOff);
            if (line.Span.IsEmpty) continue;
            var strict = text.WithChanges(new Microsoft.CodeAnalysis.Text.TextChange(line.Span, Emitting.FileHeader.WarningsOn));
            output = output.ReplaceSyntaxTree(tree, tree.WithChangedText(strict));
        }
        return output;
    }

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DataGouv.Generator.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Repository root not found");
        }
    }

    /// <summary>The real-world and regression specs the repository owns (tests/specs; provenance in its SOURCES.md).</summary>
    public static string RepoSpecs => Path.Combine(RepoRoot, "tests", "specs");

    public static SpecFile MeSpec() =>
        new("/repo/spec/me.openapi.yaml", File.ReadAllText(Path.Combine(RepoRoot, "spec", "me.openapi.yaml")), "DataGouv.Me", "MeClient", LenientParameters: "X-Fields");

    public static SpecFile TestData(string name, string? ns = null) =>
        new("/repo/tests/" + name, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name)), ns ?? "Test." + name.Split('.')[0].Replace("-", ""), null);
}
