using System.Globalization;
using System.Text;
using DataGouv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataGouv.Generator.Tests.Generator;

/// <summary>
/// A spec whose generated code is large (every build of the project that holds it compiles it) gets DG0021, an Info
/// with the size and the advice to keep the client in its own project. Small specs get nothing.
/// </summary>
public class LargeOutputTests
{
    private static string BigSpec()
    {
        var text = new StringBuilder("{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"Big\", \"version\": \"1\"}, \"paths\": {}, \"components\": {\"schemas\": {");
        for (var i = 0; i < 1_500; i++)
        {
            if (i > 0) text.Append(',');
            text.Append("\"Thing").Append(i).Append("\": {\"type\": \"object\", \"required\": [\"id\"], \"properties\": {");
            text.Append("\"id\": {\"type\": \"string\"}, \"name\": {\"type\": \"string\"}, \"count\": {\"type\": \"integer\"}, ");
            text.Append("\"created_at\": {\"type\": \"string\", \"format\": \"date-time\"}, \"tags\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}}}}");
        }
        text.Append("}}}");
        return text.ToString();
    }

    [Fact]
    public void A_spec_that_generates_millions_of_characters_gets_DG0021_with_its_size_and_the_advice()
    {
        var result = GeneratorHarness.Run(new SpecFile("/s/big.openapi.json", BigSpec(), "Big.Api", "ApiClient"));

        var d = Assert.Single(result.GeneratorDiagnostics, x => x.Id == "DG0021");
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        var message = d.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("1500 types", message);
        Assert.Contains("ClientAssembly=\"true\"", message);
        // The size it states is the real one, give or take: the files it warns about are that large. The estimate is
        // tuned on real specs, whose long type names cost more than these short ones, so it errs high here.
        var stated = double.Parse(message.Split("about ")[1].Split(" million")[0], CultureInfo.InvariantCulture) * 1e6;
        var real = result.Files.Sum(f => (long)f.Text.Length);
        Assert.True(real > 5_000_000, $"real output {real} chars");
        Assert.InRange(stated / real, 0.5, 2.0);
        Assert.DoesNotContain(result.GeneratorDiagnostics, x => x.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_spec_already_compiled_into_its_own_assembly_gets_no_DG0021()
    {
        var result = GeneratorHarness.Run(new SpecFile("/s/big.openapi.json", BigSpec(), "Big.Api", "ApiClient")
        {
            Metadata = new Dictionary<string, string> { ["ClientAssembly"] = "true" },
        });
        Assert.DoesNotContain(result.GeneratorDiagnostics, x => x.Id == "DG0021");
        Assert.NotEmpty(result.Files);
    }

    [Fact]
    public void The_me_spec_is_not_large()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.MeSpec());
        Assert.DoesNotContain(result.GeneratorDiagnostics, x => x.Id == "DG0021");
    }
}
