using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DataGouv.Generator.Bench;

/// <summary>
/// OpenApiClientGenerator through CSharpGeneratorDriver (what csc and the IDE do), per spec. Each warm case starts from
/// the same already-run driver, so every iteration measures exactly one incremental step. Generated sources are parsed
/// into syntax trees by the driver (as in the compiler), but the compilation is not re-bound.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _editedCompilation = null!;
    private Specs.InMemoryText _text = null!;
    private Specs.InMemoryText _triviaEdited = null!;
    private Specs.InMemoryText _operationEdited = null!;
    private GeneratorDriver _warm = null!;

    [Params(Specs.Me, Specs.Kotlin2021, Specs.CorpusLargest, Specs.Corpus2nd, Specs.Corpus3rd)]
    public string Spec { get; set; } = Specs.Me;

    [GlobalSetup]
    public void Setup()
    {
        var (_, virtualPath) = Specs.Locate(Spec);
        var text = Specs.Load(Spec);
        _text = new Specs.InMemoryText(virtualPath, text);
        _triviaEdited = new Specs.InMemoryText(virtualPath, Specs.TriviaEdit(text, virtualPath));
        _operationEdited = new Specs.InMemoryText(virtualPath, Specs.OneOperationEdit(text));
        _compilation = Specs.NewCompilation(Specs.ConsumerSource);
        _editedCompilation = Specs.WithUnrelatedEdit(_compilation);
        _warm = Specs.CreateDriver(_text).RunGenerators(_compilation);
        Specs.Check(_warm);
        // What the run produced, for the tables: the benchmark itself only returns a file count.
        var sources = _warm.GetRunResult().Results.SelectMany(r => r.GeneratedSources).ToList();
        Console.WriteLine($"// generated: {Spec} = {Path.GetFileName(Specs.Locate(Spec).DiskPath)}: {sources.Count} files, " +
                          $"{sources.Sum(f => f.SourceText.Length):N0} characters, {sources.Sum(f => f.SourceText.Lines.Count):N0} lines");
    }

    [Benchmark(Description = "cold: new driver, first run")]
    public int Cold() => Specs.Check(Specs.CreateDriver(_text).RunGenerators(_compilation));

    [Benchmark(Description = "warm: no change")]
    public GeneratorDriver WarmNoChange() => _warm.RunGenerators(_compilation);

    [Benchmark(Description = "warm: unrelated C# edit")]
    public GeneratorDriver WarmUnrelatedCSharpEdit() => _warm.RunGenerators(_editedCompilation);

    [Benchmark(Description = "warm: comment-only spec edit")]
    public int WarmCommentOnlySpecEdit() => Specs.Check(_warm.ReplaceAdditionalText(_text, _triviaEdited).RunGenerators(_compilation));

    [Benchmark(Description = "warm: one-operation spec edit")]
    public int WarmOneOperationSpecEdit() => Specs.Check(_warm.ReplaceAdditionalText(_text, _operationEdited).RunGenerators(_compilation));
}
