using DataGouv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataGouv.Generator.Tests.Generator;

/// <summary>
/// Every real-world spec in tests/specs (the corpus, with the data.gouv.fr swagger, extra public specs and regression specs) generates code that
/// compiles with no errors, or stops with an error diagnostic that says why; the generator never throws.
/// </summary>
public class CorpusTests
{
    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        var root = GeneratorHarness.RepoSpecs;
        foreach (var file in Directory.GetFiles(root, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".json") || f.EndsWith(".yaml") || f.EndsWith(".yml"))
                     .OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Spec_generates_code_that_compiles(string relativePath)
    {
        var path = Path.Combine(GeneratorHarness.RepoSpecs, relativePath);
        var extension = Path.GetExtension(path);
        var name = Path.GetFileNameWithoutExtension(path);
        var spec = new SpecFile("/corpus/" + name + ".openapi" + extension, File.ReadAllText(path), "Corpus.Api", "ApiClient");
        var result = GeneratorHarness.Run(spec);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CS8785" or "CS8784" or "DG0012");
        // OpenAPI 3.1 is read with the 3.1 rules: no reader complaint (DG0011) about 3.1 constructs, no DG0013.
        // (Real specs only: regressions/ holds deliberately broken ones.)
        if (!relativePath.StartsWith("regressions", StringComparison.Ordinal)
            && System.Text.RegularExpressions.Regex.IsMatch(spec.Text, @"[""']?openapi[""']?\s*:\s*[""']?3\.1"))
        {
            Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "DG0011" or "DG0013");
        }
        var generatorErrors = result.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (generatorErrors.Count > 0)
        {
            // A spec may be refused, but only with a documented error that says why, and then nothing is emitted.
            Assert.Empty(result.Files);
            return;
        }
        Assert.NotEmpty(result.Files);
        var errors = result.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, relativePath + ":\n" + string.Join("\n", errors.Take(15)));
    }
}
