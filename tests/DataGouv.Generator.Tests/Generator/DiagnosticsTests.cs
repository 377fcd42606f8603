using DataGouv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataGouv.Generator.Tests.Generator;

/// <summary>Bad input becomes a DGxxxx diagnostic with a location in the spec file; the generator never throws.</summary>
public class DiagnosticsTests
{
    private static IReadOnlyList<Diagnostic> Diagnostics(params SpecFile[] specs)
    {
        var result = GeneratorHarness.Run(specs);
        // An exception escaping the generator would show up as CS8785 here.
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CS8785" or "CS8784");
        return result.GeneratorDiagnostics;
    }

    [Fact]
    public void Yaml_syntax_error_is_DG0001_with_a_line()
    {
        var d = Assert.Single(Diagnostics(GeneratorHarness.TestData("broken-syntax.openapi.yaml")), x => x.Id == "DG0001");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.EndsWith("broken-syntax.openapi.yaml", d.Location.GetLineSpan().Path);
        Assert.True(d.Location.GetLineSpan().StartLinePosition.Line > 0, d.ToString());
        // The message's 1-based line and column are where the location points (Roslyn positions are 0-based).
        var position = d.Location.GetLineSpan().StartLinePosition;
        Assert.Contains($"at line {position.Line + 1}, column {position.Character + 1}:", d.GetMessage());
    }

    [Theory]
    [InlineData("/s/bad.openapi.json", "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"x\" \"version\": \"1\"}\n}\n", 3, 25)]
    [InlineData("/s/bad.openapi.yaml", "openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths:\n  /a: {get: [\n", 5, 1)]
    public void DG0001_line_and_column_are_1_based_and_agree_with_the_location(string path, string text, int line, int column)
    {
        var d = Assert.Single(Diagnostics(new SpecFile(path, text)), x => x.Id == "DG0001");
        Assert.Contains($"at line {line}, column {column}:", d.GetMessage());
        var position = d.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((line, column), (position.Line + 1, position.Character + 1));
    }

    [Theory]
    [InlineData("/s/dup.openapi.json", "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"é\", \"version\": \"1\", \"title\": \"y\"}\n}\n", "title", 3, 42)]
    [InlineData("/s/dup.openapi.yaml", "openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths: {}\npaths: {}\n", "paths", 4, 1)]
    public void A_duplicate_key_is_DG0001_at_its_second_occurrence(string path, string text, string key, int line, int column)
    {
        // JSON: System.Text.Json names the key but gives no position; the generator finds it (column in characters).
        var d = Assert.Single(Diagnostics(new SpecFile(path, text)), x => x.Id == "DG0001");
        Assert.Contains($"at line {line}, column {column}:", d.GetMessage());
        Assert.Contains("'" + key + "'", d.GetMessage());
        var position = d.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((line, column), (position.Line + 1, position.Character + 1));
    }

    [Theory]
    [InlineData("/s/dup.openapi.json", "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"x\", \"version\": \"1\"}, \"paths\": {}, \"paths\": {}}")]
    [InlineData("/s/dup.openapi.yaml", "openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths: {}\npaths: {}\n")]
    public void A_key_twice_in_one_object_is_DG0001_not_a_crash(string path, string text)
    {
        var d = Assert.Single(Diagnostics(new SpecFile(path, text)), x => x.Id == "DG0001");
        Assert.Contains("paths", d.GetMessage());
    }

    [Fact]
    public void A_document_that_is_not_openapi_is_DG0002()
    {
        Assert.Contains(Diagnostics(GeneratorHarness.TestData("not-openapi.openapi.yaml")), d => d.Id == "DG0002" && d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void An_unsupported_version_is_DG0003()
    {
        var d = Assert.Single(Diagnostics(new SpecFile("/s/v4.openapi.yaml", "openapi: 4.0.0\ninfo: {title: x, version: '1'}\npaths: {}\n")), x => x.Id == "DG0003");
        Assert.Contains("4.0.0", d.GetMessage());
        Assert.Equal(0, d.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void An_empty_spec_is_DG0009()
    {
        Assert.Contains(Diagnostics(new SpecFile("/s/empty.openapi.yaml", "  \n")), d => d.Id == "DG0009");
    }

    [Fact]
    public void OpenApi_31_is_read_as_31_with_no_warning()
    {
        var result = GeneratorHarness.Run(new SpecFile("/s/v31.openapi.yaml",
            "openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: get_a\n      responses: {'200': {description: ok, content: {application/json: {schema: {type: object, properties: {x: {type: [string, 'null']}}}}}}}\n"));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Contains(result.Files, f => f.HintName.EndsWith("Client.g.cs"));
        Assert.Contains(result.Files, f => f.Text.Contains("public string? X"));
        Assert.Empty(result.CompileProblems());
    }

    [Fact]
    public void Unresolved_refs_duplicate_ids_missing_ids_cycles_and_collisions_are_reported_and_code_still_compiles()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.TestData("bad-refs.openapi.yaml"));
        var ids = result.GeneratorDiagnostics.Select(d => d.Id).ToList();
        Assert.Contains("DG0004", ids);
        Assert.Contains("DG0007", ids);
        Assert.Contains("DG0008", ids);
        Assert.Contains("DG0014", ids);
        Assert.Contains("DG0006", ids);
        var missing = result.GeneratorDiagnostics.First(d => d.Id == "DG0008");
        Assert.Equal(DiagnosticSeverity.Info, missing.Severity);
        Assert.Contains("DeleteCAsync", missing.GetMessage());
        Assert.All(result.GeneratorDiagnostics.Where(d => d.Id is "DG0004" or "DG0007" or "DG0014"), d => Assert.True(d.Location.GetLineSpan().StartLinePosition.Line > 0, d.ToString()));
        Assert.Empty(result.CompileProblems());
    }

    [Fact]
    public void An_invalid_option_is_DG0010()
    {
        var spec = GeneratorHarness.MeSpec() with { Namespace = "Not A.Namespace", ClientName = "class" };
        var ids = Diagnostics(spec).Where(d => d.Id == "DG0010").ToList();
        Assert.Equal(2, ids.Count);
        var mode = GeneratorHarness.MeSpec() with { RequiredProperties = "Sometimes" };
        Assert.Contains(Diagnostics(mode), d => d.Id == "DG0010" && d.GetMessage().Contains("Sometimes"));
    }

    [Fact]
    public void One_bad_spec_does_not_stop_the_others_and_two_specs_compile_side_by_side()
    {
        var result = GeneratorHarness.Run(
            GeneratorHarness.TestData("broken-syntax.openapi.yaml"),
            GeneratorHarness.MeSpec(),
            GeneratorHarness.TestData("second.openapi.json", "Other.Api"));
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "DG0001");
        Assert.Contains(result.Files, f => f.HintName == "DataGouv.Me.MeClient.Client.g.cs");
        Assert.Contains(result.Files, f => f.HintName == "Other.Api.SecondClient.Client.g.cs");
        Assert.Empty(result.CompileProblems());
    }

    [Fact]
    public void Hostile_strings_land_only_in_comments_and_string_literals()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.TestData("hostile.openapi.yaml"));
        Assert.Empty(result.CompileProblems());
        foreach (var tree in result.Output.SyntaxTrees.Where(t => t.FilePath.Contains("Hostile")))
        {
            var root = tree.GetRoot();
            foreach (var token in root.DescendantTokens())
            {
                var isLiteral = token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralToken) || token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.Utf8StringLiteralToken);
                if (isLiteral) continue;
                // Sanitized identifiers may contain the words (EnvironmentExit1); code made of them may not.
                Assert.NotEqual("Injected", token.Text);
                Assert.NotEqual("Injected2", token.Text);
                Assert.NotEqual("Exit", token.Text);
                Assert.NotEqual("Environment", token.Text);
            }
            foreach (var trivia in root.DescendantTrivia())
            {
                if (trivia.IsDirective)
                {
                    var text = trivia.ToFullString();
                    Assert.True(text.Contains("#nullable") || text.Contains("#pragma warning disable CS0612") || text.Contains("#pragma warning disable CS8618") || text.Contains("#pragma warning restore CS8618"), "unexpected directive: " + text);
                }
            }
            Assert.DoesNotContain(root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>(), c => c.Identifier.Text.StartsWith("Injected"));
        }
    }

    [Fact]
    public void Fuzz_regressions_generate_code_that_compiles()
    {
        // Null schemas, responses and media types, nameless parameters, non-status response keys, type and enum
        // member names that clash with generated members, nullable value types where an argument is required.
        var result = GeneratorHarness.Run(GeneratorHarness.TestData("fuzz-regressions.openapi.yaml"));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CS8785" or "CS8784" or "DG0012");
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "DG0011" && d.GetMessage().Contains("'!!!'"));
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "DG0011" && d.GetMessage().Contains("'IApiClient'"));
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "DG0005" && d.GetMessage().Contains("without 'name'"));
        Assert.Contains(result.Files, f => f.HintName.EndsWith("Client.g.cs"));
        var errors = result.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
    }
}
