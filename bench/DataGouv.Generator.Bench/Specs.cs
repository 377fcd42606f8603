using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DataGouv.Generator.Bench;

/// <summary>The three specs of issue 7 and the in-memory plumbing to feed them to the generator.</summary>
public static partial class Specs
{
    /// <summary>Benchmark parameter values.</summary>
    public const string Me = "me", Kotlin2021 = "kotlin-2021", CorpusLargest = "corpus-largest",
        Corpus2nd = "corpus-2nd", Corpus3rd = "corpus-3rd";

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Repository root not found");
        }
    }

    /// <summary>The specs the repository owns (tests/specs, provenance in its SOURCES.md): a fresh clone has them.</summary>
    public static string RepoSpecs => Path.Combine(RepoRoot, "tests", "specs");

    /// <summary>The file on disk and the name the generator sees (it only picks *.openapi.yaml|yml|json).</summary>
    public static (string DiskPath, string VirtualPath) Locate(string spec) => spec switch
    {
        Me => (Path.Combine(RepoRoot, "spec", "me.openapi.yaml"), "/bench/me.openapi.yaml"),
        // The 2021 data.gouv.fr swagger: tests/specs keeps it once, under its corpus name (same bytes).
        Kotlin2021 => (Path.Combine(RepoSpecs, "corpus", "datagouv-udata-api-1.0.json"),
            "/bench/datagouv-swagger-kotlin-datagouvfr-client-2021-08.openapi.json"),
        CorpusLargest => CorpusFileBySize(0),
        Corpus2nd => CorpusFileBySize(1),
        Corpus3rd => CorpusFileBySize(2),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec, null),
    };

    /// <summary>The corpus spec of that size rank (0 = largest: Stripe, then Box, then Discord).</summary>
    private static (string, string) CorpusFileBySize(int rank)
    {
        var file = new DirectoryInfo(Path.Combine(RepoSpecs, "corpus")).GetFiles()
            .Where(f => f.Extension is ".json" or ".yaml" or ".yml")
            .OrderByDescending(f => f.Length).ThenBy(f => f.Name, StringComparer.Ordinal).ElementAt(rank);
        var ext = file.Extension == ".yml" ? ".yaml" : file.Extension;
        return (file.FullName, "/bench/" + Path.GetFileNameWithoutExtension(file.Name) + ".openapi" + ext);
    }

    public static string Load(string spec) => File.ReadAllText(Locate(spec).DiskPath);

    /// <summary>A change the parser sees but that means nothing: a YAML comment, or trailing whitespace in JSON (no comments there).</summary>
    public static string TriviaEdit(string text, string virtualPath) =>
        virtualPath.EndsWith(".json", StringComparison.Ordinal) ? text + "\n  \n" : text + "\n# bench: comment-only edit\n";

    /// <summary>Renames the first operation (operationId + "Bench"): one method of the client changes.</summary>
    public static string OneOperationEdit(string text)
    {
        var match = OperationId().Match(text);
        if (!match.Success) throw new InvalidOperationException("No operationId to edit");
        var end = match.Groups["id"].Index + match.Groups["id"].Length;
        return text[..end] + "Bench" + text[end..];
    }

    [GeneratedRegex("""(operationId:\s*["']?|"operationId"\s*:\s*")(?<id>[A-Za-z0-9_\-]+)""")]
    private static partial Regex OperationId();

    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    public static CSharpCompilation NewCompilation(params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
        Basic.Reference.Assemblies.Net100.References.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public const string ConsumerSource = "namespace Consumer { public class Existing { public int Value => 1; } }";

    /// <summary>An unrelated C# edit: the same file with one more member.</summary>
    public static CSharpCompilation WithUnrelatedEdit(CSharpCompilation compilation)
    {
        var old = compilation.SyntaxTrees.First();
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(
            "namespace Consumer { public class Existing { public int Value => 2; public string Name => \"edited\"; } }", ParseOptions));
    }

    public static GeneratorDriver CreateDriver(AdditionalText text, bool track = false) => CSharpGeneratorDriver.Create(
        [new OpenApiClientGenerator().AsSourceGenerator()],
        additionalTexts: [text],
        parseOptions: ParseOptions,
        optionsProvider: new OptionsProvider(text.Path),
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    /// <summary>Generated file count, after checking the run produced code and no error.</summary>
    public static int Check(GeneratorDriver driver)
    {
        var run = driver.GetRunResult();
        var errors = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (run.Results.Any(r => r.Exception is not null)) throw new InvalidOperationException("Generator threw: " + run.Results.First(r => r.Exception is not null).Exception);
        if (errors.Count > 0) throw new InvalidOperationException("Generator errors: " + string.Join("; ", errors.Take(3)));
        var count = run.Results.Sum(r => r.GeneratedSources.Length);
        if (count == 0) throw new InvalidOperationException("Generator produced no file");
        return count;
    }

    /// <summary>An AdditionalText held in memory.</summary>
    public sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);
        public override string Path { get; } = path;
        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Namespace/ClientName metadata as MSBuild would pass it for the spec.</summary>
    private sealed class OptionsProvider(string specPath) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);
        private readonly Options _spec = new(ImmutableDictionary<string, string>.Empty
            .Add("build_metadata.AdditionalFiles.Namespace", "Bench.Client")
            .Add("build_metadata.AdditionalFiles.ClientName", "BenchClient"));

        public override AnalyzerConfigOptions GlobalOptions { get; } =
            new Options(ImmutableDictionary<string, string>.Empty.Add("build_property.RootNamespace", "Consumer"));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path == specPath ? _spec : Empty;

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
